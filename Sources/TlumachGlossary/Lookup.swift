/// One concept found by `lookup`.
public struct LookupResult: Sendable, Hashable {
    public var conceptID: String
    public var kind: MatchKind
    /// 0–100: 100 exact, 95 case, 90 inflection, 85 look-alike letters, 80 transliteration; 75 for an
    /// abbreviation typed in lower case; 50–60 for words inside a longer term (shorter terms higher); typo-tolerant (fuzzy) results score below 70 and always come last.
    public var score: Int
}

extension TermMatcher {
    /// The concepts a word or phrase belongs to, in any language and form, best first; fuzzy ones last.
    public func lookup(_ query: String, limit: Int = 20) -> [LookupResult] {
        let trimmed = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { return [] }
        var best: [String: LookupResult] = [:]
        func offer(_ id: String, _ kind: MatchKind, _ score: Int) {
            if let current = best[id], current.score >= score { return }
            best[id] = LookupResult(conceptID: id, kind: kind, score: score)
        }
        let words = TermMatcher.patternWords(trimmed)
        // 1. The whole query is a term (in some form).
        for match in matches(in: trimmed) where match.text == trimmed || match.utf8Range == wordSpan(trimmed) {
            let score = [MatchKind.exact: 100, .case: 95, .inflection: 90, .homoglyph: 85, .transliteration: 80][match.kind] ?? 80
            offer(match.conceptID, match.kind, score)
        }
        // An abbreviation typed in lower case (сво for СВО): found, but only as a case match.
        let upper = trimmed.uppercased()
        if upper != trimmed {
            for match in matches(in: upper) where match.type.isAbbreviation && match.utf8Range == wordSpan(upper) {
                offer(match.conceptID, .case, 75)
            }
        }
        // 2. A word inside a multiword term (штаб → Координаційний штаб).
        if !words.isEmpty {
            var common: Set<Int32>?
            for word in words where word != "-" {
                let found = Set(symbolsFor(word).symbols.flatMap { patternsBySymbol[$0] ?? [] })
                common = common.map { $0.intersection(found) } ?? found
            }
            for pattern in common ?? [] {
                let info = patterns[Int(pattern)]
                let concept = glossary.concepts[Int(info.concept)]
                // Shorter terms first: Хреста is more Червоний Хрест than Міжнародний комітет Червоного Хреста.
                let termWords = TermMatcher.patternWords(concept.terms[info.language]?[Int(info.term)].text ?? "").count
                offer(concept.id, .inflection, 60 - min(10, max(0, termWords - 2)))
            }
        }
        var ranked = best.values.sorted { ($0.score, $1.conceptID) > ($1.score, $0.conceptID) }
        // 3. Typo-tolerant, after everything else.
        if ranked.count < limit {
            let folded = trimmed.lowercased()
            var fuzzy: [LookupResult] = []
            if folded.count >= 3 {
                for concept in glossary.concepts where best[concept.id] == nil {
                    var bestScore = 0
                    for (_, terms) in concept.terms {
                        for term in terms {
                            let candidate = term.text.lowercased()
                            let distance = TermMatcher.levenshtein(Array(folded.unicodeScalars), Array(candidate.unicodeScalars))
                            let longest = max(folded.unicodeScalars.count, candidate.unicodeScalars.count)
                            guard distance <= max(1, longest / 4) else { continue }
                            bestScore = max(bestScore, min(69, 100 * (longest - distance) / longest - 10))
                        }
                    }
                    if bestScore > 0 { fuzzy.append(LookupResult(conceptID: concept.id, kind: .fuzzy, score: bestScore)) }
                }
            }
            ranked += fuzzy.sorted { ($0.score, $1.conceptID) > ($1.score, $0.conceptID) }
        }
        return Array(ranked.prefix(limit))
    }

    /// UTF-8 range from the first to the last word of a query.
    func wordSpan(_ text: String) -> Range<Int> {
        var text = text
        var first: Int?
        var last = 0
        text.withUTF8 { bytes in
            TextTokens.forEach(bytes: bytes) { kind, range8, _ in
                if case .word = kind {
                    if first == nil { first = range8.lowerBound }
                    last = range8.upperBound
                }
            }
        }
        return (first ?? 0)..<last
    }

    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
