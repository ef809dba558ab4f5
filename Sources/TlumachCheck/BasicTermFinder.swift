import TlumachGlossary

/// A small glossary matcher: terms as word sequences, each word matching its inflected forms by stripping one
/// ending from a short list (Ukrainian and English). Used for the checks' own examples and whenever no glossary
/// module is wired in; the glossary module's matcher is far more thorough.
public struct BasicTermFinder: TermFinder {
    public struct Term: Sendable {
        public var text: String
        public var language: String
        public var status: TermStatus
        public var casing: Casing
        public var context: String?

        public init(_ text: String, language: String, status: TermStatus, casing: Casing = .any, context: String? = nil) {
            self.text = text
            self.language = language
            self.status = status
            self.casing = casing
            self.context = context
        }
    }

    public struct Concept: Sendable {
        public var id: String
        public var terms: [Term]

        public init(id: String, terms: [Term]) {
            self.id = id
            self.terms = terms
        }
    }

    struct Compiled: Sendable {
        var concept: String
        var term: Term
        var words: [String]
    }

    let compiled: [String: [Compiled]]
    let approved: [String: [String: [String]]]

    public init(concepts: [Concept]) {
        var compiled: [String: [Compiled]] = [:]
        var approved: [String: [String: [String]]] = [:]
        for concept in concepts {
            for term in concept.terms.sorted(by: { $0.status == .preferred && $1.status != .preferred }) {
                let words = WordScanner.scan(Array(term.text.unicodeScalars)).map { $0.text.lowercased() }
                compiled[term.language, default: []].append(Compiled(concept: concept.id, term: term, words: words))
                if term.status.isApproved { approved[concept.id, default: [:]][term.language, default: []].append(term.text) }
            }
        }
        // Longer terms first, so "prisoner of war" wins over "war".
        for (language, list) in compiled { compiled[language] = list.sorted { $0.words.count > $1.words.count } }
        self.compiled = compiled
        self.approved = approved
    }

    static let endings = [
        "ого", "ому", "ими", "ами", "ями", "ові", "еві", "ий", "ій", "ої", "ою", "ею", "их", "іх", "ім", "ам", "ям",
        "ах", "ях", "ів", "їв", "ом", "ем", "а", "я", "у", "ю", "і", "ї", "е", "о", "и", "й", "ь",
        "es", "s", "'s", "’s",
    ].sorted { $0.count > $1.count }

    static func stem(_ word: String) -> String {
        for ending in endings where word.hasSuffix(ending) && word.count - ending.count >= 3 {
            return String(word.dropLast(ending.count))
        }
        return word
    }

    static func wordMatches(_ text: String, _ term: String, exact: Bool) -> Bool {
        if text == term { return true }
        if exact { return false }
        let stem = Self.stem(term)
        guard text.hasPrefix(stem) else { return false }
        let rest = String(text.dropFirst(stem.count))
        // English plural of "prisoner of war": "prisoners"; Ukrainian case endings.
        return rest.isEmpty || endings.contains(rest) || ["ies", "ves"].contains(rest)
    }

    public func occurrences(in text: String, language: String) -> [TermOccurrence] {
        guard let terms = compiled[language] else { return [] }
        let scalars = Array(text.unicodeScalars)
        let words = WordScanner.scan(scalars)
        let lowered = words.map { $0.text.lowercased() }
        var taken = [Bool](repeating: false, count: words.count)
        var result: [TermOccurrence] = []
        for term in terms where !term.words.isEmpty {
            let exact = term.term.casing == .exact && term.term.text.allSatisfy { !$0.isLetter || $0.isUppercase }
            var start = 0
            while start + term.words.count <= words.count {
                let span = start..<(start + term.words.count)
                let matches = span.allSatisfy { !taken[$0] } && zip(span, term.words).allSatisfy { index, termWord in
                    // Abbreviations match in any case (so term-casing can report "сво"), except an all-lower-case
                    // English word, which is usually a common word ("us", "who").
                    exact ? (lowered[index] == termWord || Self.cyrillicLookalike(words[index].text) == termWord)
                        && !(language == "en" && words[index].text == lowered[index])
                        : Self.wordMatches(lowered[index], termWord, exact: false)
                }
                if matches {
                    for index in span { taken[index] = true }
                    let range = words[span.lowerBound].range.lowerBound..<words[span.upperBound - 1].range.upperBound
                    result.append(
                        TermOccurrence(
                            concept: term.concept, language: language, range: range,
                            text: PlaceholderScanner.text(scalars, range), term: term.term.text, status: term.term.status,
                            casing: term.term.casing, requiredPrecedingContext: term.term.context))
                    start += term.words.count
                } else {
                    start += 1
                }
            }
        }
        return result.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// A Latin word read as the Cyrillic letters it looks like ("CBO" → "сво").
    static func cyrillicLookalike(_ word: String) -> String? {
        var result = ""
        for scalar in word.unicodeScalars {
            guard let cyrillic = MixedScriptCheck.latinLookalikes[scalar] else { return nil }
            result.unicodeScalars.append(cyrillic)
        }
        return result.lowercased()
    }

    public func approvedTerms(concept: String, language: String) -> [String] {
        approved[concept]?[language] ?? []
    }
}
