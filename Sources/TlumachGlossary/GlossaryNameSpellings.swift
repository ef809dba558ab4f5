import TlumachTranslit

/// Name spellings from a glossary, for the transliterator: a Ukrainian or Russian proper-noun term (in any inflected
/// form, any case) is spelled as its concept's preferred English term (Зеленського → Zelenskyy, Шойгу → Shoigu).
/// The English term with as many words as the matched name is chosen (Володимир Зеленський → Volodymyr Zelenskyy,
/// Зеленський → Zelenskyy). Built once; thread-safe.
public struct GlossaryNameSpellings: NameSpellingSource {
    private let matcher: TermMatcher
    /// Per concept of `matcher.glossary`: the English spellings, best first.
    private let spellings: [[String]]
    /// Index into `spellings` by concept id.
    private let conceptIndex: [String: Int]
    public let longestNameWordCount: Int

    /// Languages whose proper nouns are names to spell.
    static let sourceLanguages: Set<String> = ["uk", "ru"]

    public init(glossary: Glossary) throws {
        var concepts: [Concept] = []
        var spellings: [[String]] = []
        var longest = 1
        for concept in glossary.concepts {
            // Usable English spellings, preferred first (never a deprecated or forbidden one).
            let english = (concept.terms["en"] ?? [])
                .filter { $0.type == .properNoun && !$0.status.isDoNotUse }
                .enumerated().sorted { ($0.element.status.rank, $0.offset) < ($1.element.status.rank, $1.offset) }
                .map(\.element.text)
            guard !english.isEmpty else { continue }
            var names: [String: [Term]] = [:]
            for (language, terms) in concept.terms where GlossaryNameSpellings.sourceLanguages.contains(language) {
                let proper = terms.filter { $0.type == .properNoun }
                if !proper.isEmpty { names[language] = proper }
                for term in proper {
                    longest = max(longest, TermMatcher.patternWords(term.text).filter { $0 != "-" }.count)
                }
            }
            guard !names.isEmpty else { continue }
            var named = concept
            named.terms = names
            concepts.append(named)
            spellings.append(english)
        }
        matcher = try TermMatcher(glossary: Glossary(concepts: concepts, files: glossary.files))
        self.spellings = spellings
        var conceptIndex: [String: Int] = [:]
        for (index, concept) in concepts.enumerated() where conceptIndex[concept.id] == nil {
            conceptIndex[concept.id] = index
        }
        self.conceptIndex = conceptIndex
        longestNameWordCount = longest
    }

    /// Whether the glossary has any name to spell.
    public var isEmpty: Bool { spellings.isEmpty }

    public func spelling(of phrase: String) -> String? {
        // The transliterator asks about every phrase of every line: most are ruled out by the first word's stem
        // prefix, as the scan itself would rule them out (only for words of Ukrainian/Russian letters, which the scan
        // filters too, and only when no name needs exact, look-alike-tolerant keys).
        if !matcher.needsExact, let key = GlossaryNameSpellings.plainCyrillicPrefixKey(phrase),
            !matcher.prefixFilter.contains(key)
        {
            return nil
        }
        let whole = 0..<phrase.utf8.count
        for match in matcher.matches(in: phrase) where match.utf8Range == whole {
            if let spelling = spelling(for: match, phrase: phrase) { return spelling }
        }
        return nil
    }

    /// Every name in `text` in one scan: each candidate the matcher finds (before it resolves overlaps, so a match
    /// that does not sit on the transliterator's word boundaries cannot hide one that does), with the spelling
    /// `spelling(of:)` gives the same phrase. Several concepts on one range: the one the matcher would choose.
    public func nameSpans(in text: String) -> [NameSpan] {
        var text = text
        return text.withUTF8 { bytes -> [NameSpan] in
            let candidates = matcher.scan(bytes)
            if candidates.isEmpty { return [] }
            // Candidates grouped by range (stable: the matcher's order within a range is kept).
            let order = candidates.indices.sorted { x, y in
                let a = candidates[x].utf8, b = candidates[y].utf8
                if a.lowerBound != b.lowerBound { return a.lowerBound < b.lowerBound }
                if a.upperBound != b.upperBound { return a.upperBound < b.upperBound }
                return x < y
            }
            // Per call: a name recurs in a block, so its trie node's pattern and its pattern's spelling are reused.
            var patternOfNode: [Int32: Int32?] = [:]
            var spellingOfPattern: [Int32: (spelling: String, followsCapitals: Bool)?] = [:]
            var spans: [NameSpan] = []
            var start = 0
            while start < order.count {
                let range = candidates[order[start]].utf8
                var end = start + 1
                while end < order.count, candidates[order[end]].utf8 == range { end += 1 }
                defer { start = end }
                let pattern: Int32?
                if end - start == 1 {
                    let candidate = candidates[order[start]]
                    if let known = patternOfNode[candidate.node] {
                        pattern = known
                    } else {
                        pattern = matcher.resolve([candidate], language: nil).first?.pattern
                        patternOfNode[candidate.node] = pattern
                    }
                } else {
                    pattern = matcher.resolve(order[start..<end].map { candidates[$0] }, language: nil).first?.pattern
                }
                guard let pattern else { continue }
                let chosen: (spelling: String, followsCapitals: Bool)?
                if let known = spellingOfPattern[pattern] {
                    chosen = known
                } else {
                    chosen = spelling(forPattern: pattern)
                    spellingOfPattern[pattern] = chosen
                }
                guard let chosen else { continue }
                var spelling = chosen.spelling
                if chosen.followsCapitals {
                    let phrase = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                    spelling = GlossaryNameSpellings.followingCapitals(of: phrase, spelling)
                }
                spans.append(NameSpan(utf8Range: range, spelling: spelling))
            }
            return spans
        }
    }

    /// The English spelling chosen for a matcher pattern (a name's term), and whether it has a word in lower case
    /// that the text's capitals could change (otherwise `followingCapitals` returns it unchanged).
    private func spelling(forPattern pattern: Int32) -> (spelling: String, followsCapitals: Bool)? {
        let info = matcher.patterns[Int(pattern)]
        let concept = matcher.glossary.concepts[Int(info.concept)]
        guard let index = conceptIndex[concept.id], let terms = concept.terms[info.language],
            terms.indices.contains(Int(info.term))
        else { return nil }
        let chosen = chosenSpelling(spellings[index], forTerm: terms[Int(info.term)].text)
        let followsCapitals = chosen.split(separator: " ").contains { $0.first?.isLowercase ?? false }
        return (chosen, followsCapitals)
    }

    /// The English spelling with as many words as the name's term, else the preferred one.
    private func chosenSpelling(_ english: [String], forTerm term: String) -> String {
        let wordCount = TermMatcher.patternWords(term).filter { $0 != "-" }.count
        return english.first { TermMatcher.patternWords($0).filter { $0 != "-" }.count == wordCount } ?? english[0]
    }

    /// The English spelling of a matched name with as many words as the matched term, following the text's capitals.
    private func spelling(for match: TermMatch, phrase: String) -> String? {
        guard let index = conceptIndex[match.conceptID] else { return nil }
        return GlossaryNameSpellings.followingCapitals(of: phrase, chosenSpelling(spellings[index], forTerm: match.term))
    }

    /// `PrefixFilter` key of the phrase's first word when that word is made only of Ukrainian/Russian letters (and
    /// apostrophes), as the tokenizer computes it; nil otherwise.
    static func plainCyrillicPrefixKey(_ phrase: String) -> Int? {
        var key = 0
        var letters = 0
        for scalar in phrase.unicodeScalars {
            if scalar == " " || scalar == "-" || scalar == "\u{00A0}" { break }
            if TermKeys.apostrophes.contains(scalar) { continue }
            let code = PrefixFilter.code(scalar.value)
            if code < 0 { return nil }
            if letters < 3 { key = key * 50 + Int(code & 63) }
            letters += 1
        }
        guard letters > 0 else { return nil }
        while letters < 3 {
            key = key * 50 + 49
            letters += 1
        }
        return key
    }

    /// A name written with capitals in the text keeps them in Latin even where the house style spells it in lower
    /// case (шойгу in the glossary, Шойгу in the text → Shoigu): a transliteration follows its input's case.
    static func followingCapitals(of phrase: String, _ spelling: String) -> String {
        let phraseWords = phrase.split(whereSeparator: { $0 == " " || $0 == "\u{00A0}" || $0 == "-" })
        let spellingWords = spelling.split(separator: " ", omittingEmptySubsequences: false)
        func capitalised(_ word: Substring) -> Bool { word.first?.isUppercase ?? false }
        var result: [String] = []
        for (index, word) in spellingWords.enumerated() {
            let source = phraseWords.count == spellingWords.count ? phraseWords[index] : phraseWords.first
            if let source, capitalised(source), let first = word.first, first.isLowercase {
                result.append(first.uppercased() + word.dropFirst())
            } else {
                result.append(String(word))
            }
        }
        return result.joined(separator: " ")
    }
}
