import TlumachFormats
import TlumachGlossary

extension TermStatus {
    /// Preferred or admitted: a term a translation may use.
    public var isApproved: Bool { !isDoNotUse }
}

/// Whether a term finder already judged a rule for an occurrence.
public enum RuleVerdict: Sendable, Hashable {
    /// The check judges from the occurrence's rule.
    case unchecked
    case satisfied
    case violated
}

/// One glossary term found in a text.
public struct TermOccurrence: Sendable, Hashable {
    /// The concept's id as in the glossary.
    public var concept: String
    public var language: String
    /// Range in the text's Unicode scalars.
    public var range: Range<Int>
    /// As written in the text (an inflected form, perhaps).
    public var text: String
    /// The glossary's term this occurrence is a form of.
    public var term: String
    public var status: TermStatus
    public var casing: Casing
    /// Words that must stand right before the term (English SVO needs "so-called"), or nil.
    public var requiredPrecedingContext: String?
    /// Set when the finder judged the casing or context rule itself (the glossary matcher does).
    public var casingVerdict: RuleVerdict
    public var contextVerdict: RuleVerdict
    /// Matched through another Latin spelling of a name (Andriy for Andrii), not as written in the glossary.
    public var byTransliteration: Bool
    /// Matched as another grammatical form (stemmed), not letter for letter.
    public var isInflected: Bool
    /// Whether the term, found in a source, demands its concept in the target (the glossary's `trigger`, else a
    /// preferred term that is not a variant); term-missing reads it.
    public var demandsTranslation: Bool

    public init(
        concept: String, language: String, range: Range<Int>, text: String, term: String, status: TermStatus,
        casing: Casing, requiredPrecedingContext: String? = nil, casingVerdict: RuleVerdict = .unchecked,
        contextVerdict: RuleVerdict = .unchecked, byTransliteration: Bool = false, isInflected: Bool = false,
        demandsTranslation: Bool = true
    ) {
        self.demandsTranslation = demandsTranslation
        self.isInflected = isInflected
        self.casingVerdict = casingVerdict
        self.contextVerdict = contextVerdict
        self.byTransliteration = byTransliteration
        self.concept = concept
        self.language = language
        self.range = range
        self.text = text
        self.term = term
        self.status = status
        self.casing = casing
        self.requiredPrecedingContext = requiredPrecedingContext
    }
}

/// What the term checks need from a glossary: the terms in a text (inflection-aware), and the approved terms of a
/// concept in a language, preferred first. `GlossaryTermFinder` adapts the glossary module's matcher.
public protocol TermFinder: Sendable {
    func occurrences(in text: String, language: String) -> [TermOccurrence]
    func approvedTerms(concept: String, language: String) -> [String]
    /// Whether `concept` occurs in `text`, also inside a longer term of another concept (captivity in "returned
    /// from captivity"), which `occurrences` leaves to the longer term.
    func mentions(concept: String, in text: String, language: String) -> Bool
}

extension TermFinder {
    public func mentions(concept: String, in text: String, language: String) -> Bool {
        occurrences(in: text, language: language).contains { $0.concept == concept }
    }
}

/// What the transliteration check needs: KMU 2010 and a key that folds spellings of one name together.
public protocol NameTransliterator: Sendable {
    func kmu2010(_ cyrillic: String) -> String
    func matchKey(_ latin: String) -> String
}

/// What the not-normalized check needs: the names of the normaliser rules that would change the text.
public protocol TextNormalizing: Sendable {
    func ruleViolations(in text: String, language: String) -> [String]
}

/// Tunable thresholds of the checks (the `check.options` of `.tlumach.yml`).
public struct CheckOptions: Sendable, Equatable {
    /// Each check's own options (`check.options` keys, decoded by the check's `Options` type).
    public var checks = CheckOptionValues()
    /// House typography (quote style, apostrophe, dashes, no-break spaces) is a newsroom's policy, checked only
    /// when switched on (`typography: strict`); by default only real defects are reported.
    public var typography: Typography = .standard
    /// Names and codes a target may keep as the source has them (`untranslatable` in `.tlumach.yml`): a copied
    /// target made only of these is not `untranslated`. Compared case-sensitively, as written.
    public var untranslatables: Set<String> = []
    /// Check unfinished units (PO fuzzy, XLIFF new/needs-*/initial) like final ones (`states: all`).
    public var checkAllStates = false
    /// The consistency checks compare across all files of a run (`consistency: run`), not within each file.
    public var consistencyAcrossFiles = false

    public init() {}
}

/// Which typography the checks enforce.
public enum Typography: String, Sendable, Equatable, CaseIterable {
    /// Defects only: invisible characters, decomposed letters; straight quotes, ' and - are accepted.
    case standard
    /// The house style of a newsroom: «…» (Ukrainian) and “…” (English), the typographic apostrophe, dashes.
    case strict
}

/// What the checks may consult: glossary, transliteration, normaliser, options.
public struct CheckEnvironment: Sendable {
    public var terms: (any TermFinder)?
    public var names: any NameTransliterator
    public var normalizer: any TextNormalizing
    public var options: CheckOptions

    public init(
        terms: (any TermFinder)? = nil, names: (any NameTransliterator)? = nil,
        normalizer: (any TextNormalizing)? = nil, options: CheckOptions = CheckOptions()
    ) {
        self.terms = terms
        self.names = names ?? DefaultNames.transliterator
        self.normalizer = normalizer ?? (options.typography == .strict ? DefaultNormalizer.strict : DefaultNormalizer.normalizer)
        self.options = options
    }
}
