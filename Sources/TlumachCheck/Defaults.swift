import Foundation
import ICU
import TlumachGlossary
import TlumachText
import TlumachTranslit

/// KMU 2010 and the Latin match key from the transliteration module.
public struct TranslitNames: NameTransliterator {
    let kmu: SchemeTransliterator?

    public init() {
        kmu = try? SchemeTransliterator(scheme: .kmu2010)
    }

    public func kmu2010(_ cyrillic: String) -> String { kmu?.transliterate(cyrillic) ?? cyrillic }
    public func matchKey(_ latin: String) -> String { LatinMatchKey.key(latin) }
}

public enum DefaultNames {
    public static let transliterator: any NameTransliterator = TranslitNames()
}

/// The article normaliser from the text module, with the rules other checks already cover switched off (quotes →
/// punctuation, look-alikes → mixed-script, space runs → punctuation, trailing space and line ends → whitespace,
/// which matter in software strings).
public struct ArticleNormalizerCheck: TextNormalizing {
    let normalizers: [String: ArticleNormalizer]

    /// Read from the rules' descriptors (`reportedBy`): quotes, look-alikes, space-runs, trailing-space, line-endings.
    public static let coveredElsewhere = Set(NormalizationRuleCatalog.descriptions.filter { $0.reportedBy != nil }.map(\.rule))
    /// House typography: reported only with `typography: strict` (a straight apostrophe in з'єднання, a hyphen for
    /// a dash in a UI string and a plain space before a unit are normal in reviewed software catalogs). Read from
    /// the rules' descriptors (profile strict, not reported by another check): apostrophe, dashes, no-break-space.
    public static let houseTypography = Set(
        NormalizationRuleCatalog.descriptions.filter { $0.profile == .strict && $0.reportedBy == nil }.map(\.rule))

    public init(disabled: Set<NormalizationRule> = ArticleNormalizerCheck.coveredElsewhere) {
        var normalizers: [String: ArticleNormalizer] = [:]
        for language in Language.allCases {
            if let normalizer = try? ArticleNormalizer(options: NormalizerOptions(language: language, disabled: disabled)) {
                normalizers[language.rawValue] = normalizer
            }
        }
        self.normalizers = normalizers
    }

    public func ruleViolations(in text: String, language: String) -> [String] {
        guard let normalizer = normalizers[language] else { return [] }
        let result = normalizer.normalize(text)
        guard result.isChanged else { return [] }
        var rules: [String] = []
        for change in result.changes where !rules.contains(change.rule) { rules.append(change.rule) }
        return rules
    }
}

public enum DefaultNormalizer {
    /// Defects only (invisible characters, decomposition, soft hyphens, a BOM).
    public static let normalizer: any TextNormalizing = ArticleNormalizerCheck(
        disabled: ArticleNormalizerCheck.coveredElsewhere.union(ArticleNormalizerCheck.houseTypography))
    /// `typography: strict`: the house typography rules too.
    public static let strict: any TextNormalizing = ArticleNormalizerCheck()
}

/// The glossary module's inflection-aware matcher behind the term checks' protocol. It judges casing and context
/// rules itself; its ranges (UTF-16) are converted to the checks' scalar offsets.
public struct GlossaryTermFinder: TermFinder {
    public let matcher: TlumachGlossary.TermMatcher

    public init(matcher: TlumachGlossary.TermMatcher) {
        self.matcher = matcher
    }

    /// Loads glossary files and folders (YAML, TBX, CSV, TSV), with the house-style `profiles` chosen; parsed
    /// files and the compiled matcher come from `cache` when their bytes are unchanged.
    public init(paths: [String], profiles: [String] = [], cache: GlossaryCache? = nil) throws {
        matcher = try TlumachGlossary.TermMatcher(glossary: Glossary.load(paths: paths, profiles: profiles, cache: cache), cache: cache)
    }

    /// A glossary in the YAML format (docs/glossary-format.md); `path` names it in errors.
    public init(yaml: String, path: String = "glossary.yaml") throws {
        let (_, concepts) = try GlossaryYAML.parse(yaml, path: path)
        matcher = try TlumachGlossary.TermMatcher(glossary: Glossary(concepts: concepts, files: [path]))
    }

    public func occurrences(in text: String, language: String) -> [TermOccurrence] {
        let matches = matcher.matches(in: text, language: language)
        guard !matches.isEmpty else { return [] }
        // UTF-16 offsets equal scalar offsets unless the text has characters beyond the BMP.
        let astral = text.utf8.contains { $0 >= 0xF0 }
        var scalarOffset: [Int] = []
        if astral {
            // A UTF-16 → scalar index table.
            var index = 0
            for scalar in text.unicodeScalars {
                scalarOffset.append(index)
                if scalar.value > 0xFFFF { scalarOffset.append(index) }
                index += 1
            }
            scalarOffset.append(index)
        }
        func toScalars(_ range: Range<Int>) -> Range<Int> {
            guard astral else { return range }
            let lower = scalarOffset[min(range.lowerBound, scalarOffset.count - 1)]
            let upper = scalarOffset[min(range.upperBound, scalarOffset.count - 1)]
            return lower..<max(lower, upper)
        }
        return matches.map { match in
            let term = matcher.glossary.concept(id: match.conceptID)?.terms(in: match.language).first { $0.text == match.term }
            return TermOccurrence(
                concept: match.conceptID, language: match.language, range: toScalars(match.range), text: match.text,
                term: match.term, status: match.status, casing: term?.casing ?? .any,
                requiredPrecedingContext: match.contextViolated?.precededBy.first ?? term?.context?.precededBy.first,
                casingVerdict: match.casingViolated ? .violated : .satisfied,
                contextVerdict: match.contextViolated != nil ? .violated : .satisfied,
                byTransliteration: match.kind == .transliteration, isInflected: match.kind == .inflection,
                demandsTranslation: term?.demandsTranslation ?? true)
        }
    }

    /// Sentence-initial names that may be ordinary words count too: the target is asked whether it writes the
    /// term at all ("Rivne" → "Рівне"), not whether it names the place.
    public func mentions(concept: String, in text: String, language: String) -> Bool {
        matcher.matches(in: text, language: language, options: [.nested, .anyCase, .ambiguous]).contains { $0.conceptID == concept }
    }

    public func approvedTerms(concept: String, language: String) -> [String] {
        guard let concept = matcher.glossary.concept(id: concept) else { return [] }
        let terms = concept.terms(in: language).filter { !$0.status.isDoNotUse }
        return terms.filter { $0.status == .preferred }.map(\.text) + terms.filter { $0.status != .preferred }.map(\.text)
    }
}
