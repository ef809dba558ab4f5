import TlumachTranslit

/// Name spellings from a glossary, for the transliterator when asked for (`translit --names glossary`): a
/// person's name written exactly as the glossary's Ukrainian or Russian term (any case, no other grammatical form:
/// Зеленського stays the scheme's Zelenskoho) is spelled as its concept's English term when that term is a
/// spelling of the same name (Зеленський → Zelenskyy, Шойгу → Shoigu; never a translation such as Крим → Crimea or
/// Українські Новини → Ukrainian News Agency). People are the concepts whose subject is people or person(s). The
/// English term with as many words as the matched name is chosen (Володимир Зеленський → Volodymyr Zelenskyy).
/// Built once; thread-safe.
public struct GlossaryNameSpellings: NameSpellingSource {
    private let matcher: TermMatcher
    /// Per concept of `matcher.glossary`: the English spelling of each of its source terms, by term text.
    private let spellings: [[String: String]]
    /// Index into `spellings` by concept id.
    private let conceptIndex: [String: Int]
    public let longestNameWordCount: Int
    /// Every word of every name's term text, folded as `isWholeName` compares them: a span is returned only when
    /// its text is a whole term, so only runs of these words need scanning.
    public let nameWordFilter: NameWordFilter?

    /// Languages whose proper nouns are names to spell.
    static let sourceLanguages: Set<String> = ["uk", "ru"]
    /// Subjects that mark a concept as a person.
    static let peopleSubjects: Set<String> = ["people", "person", "persons", "names", "name"]

    public init(glossary: Glossary) throws {
        let schemes = ["uk": try SchemeTransliterator(scheme: .kmu2010), "ru": try SchemeTransliterator(scheme: .ruBGN)]
        var concepts: [Concept] = []
        var spellings: [[String: String]] = []
        var longest = 1
        for concept in glossary.concepts {
            guard let subject = concept.subject, GlossaryNameSpellings.peopleSubjects.contains(subject.lowercased()) else { continue }
            // Usable English spellings, preferred first (never a deprecated or forbidden one).
            let english = (concept.terms["en"] ?? [])
                .filter { $0.type == .properNoun && !$0.status.isDoNotUse }
                .enumerated().sorted { ($0.element.status.rank, $0.offset) < ($1.element.status.rank, $1.offset) }
                .map(\.element.text)
            guard !english.isEmpty else { continue }
            var names: [String: [Term]] = [:]
            var termSpellings: [String: String] = [:]
            for (language, terms) in concept.terms where GlossaryNameSpellings.sourceLanguages.contains(language) {
                guard let scheme = schemes[language] else { continue }
                for term in terms where term.type == .properNoun {
                    let wordCount = TermMatcher.patternWords(term.text).filter { $0 != "-" }.count
                    let transliterated = scheme.transliterate(term.text)
                    // The English term of the name's length that spells the same name as the scheme does.
                    guard let spelling = english.first(where: { candidate in
                        TermMatcher.patternWords(candidate).filter { $0 != "-" }.count == wordCount
                            && GlossaryNameSpellings.sameName(candidate, transliterated)
                    }) else { continue }
                    names[language, default: []].append(term)
                    termSpellings[term.text] = spelling
                    longest = max(longest, wordCount)
                }
            }
            guard !names.isEmpty else { continue }
            var named = concept
            named.terms = names
            concepts.append(named)
            spellings.append(termSpellings)
        }
        matcher = try TermMatcher(glossary: Glossary(concepts: concepts, files: glossary.files))
        self.spellings = spellings
        var conceptIndex: [String: Int] = [:]
        for (index, concept) in concepts.enumerated() where conceptIndex[concept.id] == nil {
            conceptIndex[concept.id] = index
        }
        self.conceptIndex = conceptIndex
        longestNameWordCount = longest
        nameWordFilter = NameWordFilter(foldedNames: concepts.flatMap { concept in
            concept.terms.values.flatMap { terms in
                terms.map { String(String.UnicodeScalarView(GlossaryNameSpellings.folded($0.text))) }
            }
        })
    }

    /// Whether two Latin spellings are one name: equal consonant skeletons after `LatinMatchKey` (h and g, and
    /// kh and h, folded; vowels dropped): Zelenskyy/Zelenskyi, Shoigu/Shoihu, Sergei/Serhii; Crimea/Krym differ.
    public static func sameName(_ a: String, _ b: String) -> Bool {
        func skeleton(_ text: String) -> String {
            var key = LatinMatchKey.key(text).replacingOccurrences(of: "kh", with: "h")
            key = key.replacingOccurrences(of: "h", with: "g")
            var out: [Character] = []
            for character in key where !"aeiouy -'".contains(character) {
                if out.last != character { out.append(character) }
            }
            return String(out)
        }
        return skeleton(a) == skeleton(b)
    }

    /// Whether the text of a match is the term itself (case and apostrophe kind aside), not another form of it.
    static func isWholeName(_ surface: some StringProtocol, term: String) -> Bool {
        folded(surface) == folded(term)
    }

    /// A name as `isWholeName` compares it: lower case, every apostrophe `'`, no-break spaces as spaces.
    static func folded(_ text: some StringProtocol) -> [Unicode.Scalar] {
        text.lowercased().unicodeScalars.map { TermKeys.apostrophes.contains($0) ? "'" : $0 }
            .map { $0 == "\u{00A0}" ? " " : $0 }
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
        for match in matcher.matches(in: phrase, options: [.ambiguous]) where match.utf8Range == whole {
            guard GlossaryNameSpellings.isWholeName(match.text, term: match.term) else { continue }
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
            // Per call: a name recurs in a block, so its trie node's pattern (per capitalisation of its words) and its
            // pattern's spelling are reused.
            var patternOfNode: [UInt64: Int32?] = [:]
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
                    let key = UInt64(UInt32(candidate.node)) << 32 | UInt64(GlossaryNameSpellings.lowerCaseWords(bytes[range]))
                    if let known = patternOfNode[key] {
                        pattern = known
                    } else {
                        pattern = matcher.resolve([candidate], language: nil, bytes: bytes, options: [.ambiguous]).first?.pattern
                        patternOfNode[key] = pattern
                    }
                } else {
                    pattern = matcher.resolve(order[start..<end].map { candidates[$0] }, language: nil, bytes: bytes, options: [.ambiguous]).first?.pattern
                }
                guard let pattern else { continue }
                let info = matcher.patterns[Int(pattern)]
                guard let term = matcher.glossary.concepts[Int(info.concept)].terms[info.language]?[Int(info.term)],
                    GlossaryNameSpellings.isWholeName(
                        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self), term: term.text)
                else { continue }
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
            terms.indices.contains(Int(info.term)), let chosen = spellings[index][terms[Int(info.term)].text]
        else { return nil }
        let followsCapitals = chosen.split(separator: " ").contains { $0.first?.isLowercase ?? false }
        return (chosen, followsCapitals)
    }

    /// The English spelling of a matched name, following the text's capitals.
    private func spelling(for match: TermMatch, phrase: String) -> String? {
        guard let index = conceptIndex[match.conceptID], let chosen = spellings[index][match.term] else { return nil }
        return GlossaryNameSpellings.followingCapitals(of: phrase, chosen)
    }

    /// One bit per word of `bytes` (up to 32): set when the word starts with a lower-case letter.
    static func lowerCaseWords(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> UInt32 {
        var bits: UInt32 = 0
        var word = 0
        var atStart = true
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while case .scalarValue(let scalar) = decoder.decode(&iterator) {
            if scalar.properties.isAlphabetic {
                if atStart && word < 32 {
                    if scalar.properties.isLowercase { bits |= 1 << word }
                    word += 1
                }
                atStart = false
            } else if !TermKeys.apostrophes.contains(scalar) {
                atStart = true
            }
        }
        return bits
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
