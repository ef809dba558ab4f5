import TlumachCore

/// Whether a term may be used. Deprecated and forbidden terms are "do not use": both name the term to use instead.
public enum TermStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case preferred, admitted, deprecated, forbidden

    /// Deprecated or forbidden.
    public var isDoNotUse: Bool { self == .deprecated || self == .forbidden }

    /// Sort order for display: preferred first.
    var rank: Int {
        switch self {
        case .preferred: 0
        case .admitted: 1
        case .deprecated: 2
        case .forbidden: 3
        }
    }
}

/// What kind of term a term is (TBX termType).
public enum TermType: String, Sendable, Hashable, Codable, CaseIterable {
    case fullForm, abbreviation, acronym, shortForm, variant, properNoun, phrase

    public var isAbbreviation: Bool { self == .abbreviation || self == .acronym }
}

/// How a term must be written.
public enum Casing: String, Sendable, Hashable, Codable, CaseIterable {
    /// Exactly as written (SVO, Kyiv, Верховна Рада).
    case exact
    /// Lower case even for a proper name (house style: russia, shoigu); a capital is allowed starting a sentence.
    case lower
    /// Case does not matter (common words).
    case any
}

/// How text is compared with the term.
public enum MatchMode: String, Sendable, Hashable, Codable, CaseIterable {
    /// Every word in any inflected form (stemmed), case-insensitively.
    case inflect
    /// Letter for letter with its case (look-alike letters allowed): codes and abbreviations.
    case exact
}

/// A condition on the words around a term (English "SVO" must follow "so-called").
public struct ContextRule: Sendable, Hashable, Codable {
    /// One of these must come right before the term (case-insensitive; quotes and spaces between are skipped).
    public var precededBy: [String]
    /// Why the rule exists, for messages.
    public var message: String?

    public init(precededBy: [String], message: String? = nil) {
        self.precededBy = precededBy
        self.message = message
    }

    /// Whether `before` (the text right before the term) ends with one of the required words.
    public func isSatisfied(textBefore before: Substring) -> Bool {
        var trimmed = before
        while let last = trimmed.last, last.isWhitespace || "\"'“”‘’«»„(".contains(last) { trimmed.removeLast() }
        let tail = trimmed.suffix(40).lowercased()
        return precededBy.contains { required in
            let words = required.lowercased()
            guard tail.hasSuffix(words) else { return false }
            // Whole words only: "also-called" must not satisfy "so-called".
            let start = tail.index(tail.endIndex, offsetBy: -words.count)
            return start == tail.startIndex || !tail[tail.index(before: start)].isLetter
        }
    }
}

/// One term of a concept in one language.
public struct Term: Sendable, Hashable {
    public var text: String
    public var status: TermStatus
    public var type: TermType
    public var partOfSpeech: String?
    public var gender: String?
    public var casing: Casing
    public var match: MatchMode
    /// For deprecated and forbidden terms: the term to use instead (default: the language's first preferred term).
    public var use: String?
    public var context: ContextRule?
    /// Forms the stemmer cannot derive (irregular plurals, fleeting vowels: жінка → жінок).
    public var forms: [String]
    public var note: String?
    /// The name is also an ordinary word (Суми/суми "sums", Рівне/рівне "level"): written with a capital only
    /// because it starts a sentence, it is reported as ambiguous, never rewritten.
    public var alsoCommonWord: Bool
    /// Whether this term, found in a source text, demands its concept in the translation (term-missing); nil: the
    /// default, `demandsTranslation`.
    public var trigger: Bool?

    public init(
        text: String, status: TermStatus = .preferred, type: TermType? = nil, partOfSpeech: String? = nil,
        gender: String? = nil, casing: Casing? = nil, match: MatchMode? = nil, use: String? = nil,
        context: ContextRule? = nil, forms: [String] = [], note: String? = nil, alsoCommonWord: Bool = false,
        trigger: Bool? = nil
    ) {
        self.trigger = trigger
        let type = type ?? Term.inferredType(text)
        self.text = text
        self.status = status
        self.type = type
        self.partOfSpeech = partOfSpeech
        self.gender = gender
        self.casing = casing ?? Term.defaultCasing(type)
        self.match = match ?? (type.isAbbreviation ? .exact : .inflect)
        self.use = use
        self.context = context
        self.forms = forms
        self.note = note
        self.alsoCommonWord = alsoCommonWord
    }

    /// Whether the term, found in a source text, demands its concept in the translation: its `trigger` when set,
    /// else only a preferred term that is not a variant. A variant or admitted term is often an everyday word
    /// ("region", "province" for oblast): a software string saying "Region" does not mean an oblast.
    public var demandsTranslation: Bool {
        trigger ?? (status == .preferred && type != .variant)
    }

    /// Whether the term is a name written with a capital (Київ, Kyiv, Верховна Рада): a word of text written in
    /// lower case is then another word, not this term (рівні is not Рівне, біла церква is not Біла Церква).
    public var needsCapital: Bool {
        guard casing == .exact, !type.isAbbreviation, match == .inflect,
            let first = text.unicodeScalars.first(where: { $0.properties.isAlphabetic })
        else { return false }
        return first.properties.isUppercase
    }

    /// All capitals and short: an abbreviation (СВО, SBU); otherwise a full form.
    static func inferredType(_ text: String) -> TermType {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        if letters.count >= 2 && letters.count <= 8 && letters.allSatisfy({ $0.properties.isUppercase })
            && !text.contains(" ")
        {
            return .abbreviation
        }
        return .fullForm
    }

    static func defaultCasing(_ type: TermType) -> Casing {
        switch type {
        case .abbreviation, .acronym, .properNoun: .exact
        default: .any
        }
    }
}

/// A concept: one meaning with its terms in every language.
public struct Concept: Sendable, Hashable {
    public var id: String
    public var subject: String?
    public var definition: String?
    public var note: String?
    public var source: String?
    /// Terms by language tag (BCP 47: uk, en, ru, en-GB…), in file order.
    public var terms: [String: [Term]]
    /// Where the concept was read (file path and 1-based line), for messages.
    public var origin: SourcePosition?
    public var file: String?

    public init(
        id: String, subject: String? = nil, definition: String? = nil, note: String? = nil, source: String? = nil,
        terms: [String: [Term]] = [:]
    ) {
        self.id = id
        self.subject = subject
        self.definition = definition
        self.note = note
        self.source = source
        self.terms = terms
    }

    /// Language tags in a stable order: uk, en, ru, then the others alphabetically.
    public var languages: [String] {
        terms.keys.sorted { Concept.languageOrder($0, $1) }
    }

    static func languageOrder(_ a: String, _ b: String) -> Bool {
        let fixed = ["uk": 0, "en": 1, "ru": 2]
        let rankA = fixed[a] ?? 3
        let rankB = fixed[b] ?? 3
        return rankA != rankB ? rankA < rankB : a < b
    }

    /// The terms of a language, preferred first (file order otherwise).
    public func terms(in language: String) -> [Term] {
        let list = terms[language] ?? terms.first(where: { $0.key.hasPrefix(language + "-") })?.value ?? []
        return list.enumerated().sorted { ($0.element.status.rank, $0.offset) < ($1.element.status.rank, $1.offset) }
            .map(\.element)
    }

    /// The term to write in `language`: the first preferred one (then admitted).
    public func preferredTerm(in language: String) -> Term? {
        terms(in: language).first { !$0.status.isDoNotUse }
    }

    /// The term that replaces a do-not-use term: its `use`, else the language's first preferred term; the
    /// replacement's type follows the original where possible (an abbreviation is replaced by an abbreviation).
    public func replacement(for term: Term, language: String) -> String? {
        let allowed = terms(in: language).filter { !$0.status.isDoNotUse }
        if let use = term.use {
            // An overlay may have re-cased the target (Sergei Shoigu → sergei shoigu): follow it.
            return allowed.first { $0.text == use }?.text ?? allowed.first { $0.text.lowercased() == use.lowercased() }?.text ?? use
        }
        return (allowed.first { $0.type.isAbbreviation == term.type.isAbbreviation } ?? allowed.first)?.text
    }

    /// Full forms of an abbreviation within this concept, in every language (СВО → спеціальна військова операція,
    /// special military operation).
    public func fullForms() -> [(language: String, term: Term)] {
        languages.flatMap { language in
            terms(in: language).filter { !$0.type.isAbbreviation }.map { (language, $0) }
        }
    }

    /// Abbreviations of this concept in every language.
    public func abbreviations() -> [(language: String, term: Term)] {
        languages.flatMap { language in
            terms(in: language).filter { $0.type.isAbbreviation }.map { (language, $0) }
        }
    }
}

/// A set of concepts read from one or more files.
public struct Glossary: Sendable {
    public private(set) var concepts: [Concept]
    private var indexByID: [String: Int]
    /// Files read, in order.
    public var files: [String]

    public init(concepts: [Concept] = [], files: [String] = []) {
        self.concepts = []
        self.indexByID = [:]
        self.files = files
        for concept in concepts { add(concept) }
    }

    /// The concept with this id (as written in the file).
    public func concept(id: String) -> Concept? {
        indexByID[id].map { concepts[$0] }
    }

    /// Adds a concept; one with the same id is replaced.
    public mutating func add(_ concept: Concept) {
        if let index = indexByID[concept.id] {
            concepts[index] = concept
        } else {
            indexByID[concept.id] = concepts.count
            concepts.append(concept)
        }
    }

    /// Applies an overlay concept: its terms replace the same terms (compared case-insensitively) or are added;
    /// its other fields replace those it sets. Returns false when no concept has that id.
    @discardableResult
    public mutating func amend(with overlay: Concept) -> Bool {
        guard let index = indexByID[overlay.id] else { return false }
        var concept = concepts[index]
        if let subject = overlay.subject { concept.subject = subject }
        if let definition = overlay.definition { concept.definition = definition }
        if let note = overlay.note { concept.note = note }
        for (language, terms) in overlay.terms {
            var existing = concept.terms[language] ?? []
            for term in terms {
                if let position = existing.firstIndex(where: { $0.text.lowercased() == term.text.lowercased() }) {
                    existing[position] = term
                } else {
                    existing.append(term)
                }
            }
            concept.terms[language] = existing
        }
        concepts[index] = concept
        return true
    }

    /// Translations of a concept: its terms in `language`, preferred first.
    public func translations(ofConcept id: String, into language: String) -> [Term] {
        concept(id: id)?.terms(in: language) ?? []
    }

    /// Every language tag used, uk, en, ru first.
    public var languages: [String] {
        Set(concepts.flatMap { $0.terms.keys }).sorted { Concept.languageOrder($0, $1) }
    }
}
