import TlumachFormats

/// How much a finding matters. Errors fail a CI run (exit 1); warnings fail it only with `--strict`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, warning, error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A bilingual example a check carries: it is run as the check's test and printed on its documentation page.
public struct CheckExample: Sendable {
    public var source: String
    public var target: String
    public var sourceLanguage: String
    public var targetLanguage: String
    /// Whether the check must report this example (at least once) or must stay silent.
    public var triggers: Bool
    /// Why the example behaves as it does, for the documentation.
    public var note: String?
    /// Other units checked in the same run (for the consistency checks).
    public var otherUnits: [(source: String, target: String)]
    /// Inline codes of the source and target, for examples with XLIFF/TMX codes.
    public var sourceCodes: [InlineCode]
    public var targetCodes: [InlineCode]
    /// Where the finding must point: the scalar offset in `target` of a `↓` written in the example's target (the
    /// marker itself is removed from `target`). The generated test requires a finding there.
    public private(set) var expectedOffset: Int?

    /// Written in an example's target right before the text a finding must point at (as SwiftLint's examples do).
    public static let marker: Unicode.Scalar = "↓"

    public init(
        _ source: String, _ target: String, from sourceLanguage: String = "en", to targetLanguage: String = "uk",
        triggers: Bool, note: String? = nil, otherUnits: [(source: String, target: String)] = [],
        sourceCodes: [InlineCode] = [], targetCodes: [InlineCode] = []
    ) {
        self.source = source
        if let offset = Array(target.unicodeScalars).firstIndex(of: Self.marker) {
            expectedOffset = offset
            var unmarked = String.UnicodeScalarView()
            unmarked.append(contentsOf: target.unicodeScalars.filter { $0 != Self.marker })
            self.target = String(unmarked)
        } else {
            self.target = target
        }
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        self.triggers = triggers
        self.note = note
        self.otherUnits = otherUnits
        self.sourceCodes = sourceCodes
        self.targetCodes = targetCodes
    }

    public static func triggering(
        _ source: String, _ target: String, from sourceLanguage: String = "en", to targetLanguage: String = "uk",
        note: String? = nil, otherUnits: [(source: String, target: String)] = [], sourceCodes: [InlineCode] = [],
        targetCodes: [InlineCode] = []
    ) -> CheckExample {
        CheckExample(
            source, target, from: sourceLanguage, to: targetLanguage, triggers: true, note: note,
            otherUnits: otherUnits, sourceCodes: sourceCodes, targetCodes: targetCodes)
    }

    public static func passing(
        _ source: String, _ target: String, from sourceLanguage: String = "en", to targetLanguage: String = "uk",
        note: String? = nil, otherUnits: [(source: String, target: String)] = [], sourceCodes: [InlineCode] = [],
        targetCodes: [InlineCode] = []
    ) -> CheckExample {
        CheckExample(
            source, target, from: sourceLanguage, to: targetLanguage, triggers: false, note: note,
            otherUnits: otherUnits, sourceCodes: sourceCodes, targetCodes: targetCodes)
    }
}

/// What a check is: its contract identifier, what it finds, why it matters, how severe by default, and examples.
public struct CheckDescription: Sendable {
    /// The identifier used in configuration, suppressions, baselines and every output format. A contract.
    public var id: String
    /// A short human name.
    public var name: String
    /// One sentence: what the check reports.
    public var summary: String
    /// Why it matters, and what it deliberately does not report.
    public var rationale: String
    public var defaultSeverity: Severity
    public var examples: [CheckExample]
    /// Former ids: still accepted in configuration, flags and suppressions, with a deprecation note.
    public var aliases: [String]
    /// Whether the check reads the target alone (letters, normalisation), never comparing it with the source: such
    /// checks still apply where the source is a message key rather than text.
    public var readsTargetAlone: Bool

    public init(
        id: String, name: String, summary: String, rationale: String, defaultSeverity: Severity,
        examples: [CheckExample], aliases: [String] = [], readsTargetAlone: Bool = false
    ) {
        self.aliases = aliases
        self.readsTargetAlone = readsTargetAlone
        self.id = id
        self.name = name
        self.summary = summary
        self.rationale = rationale
        self.defaultSeverity = defaultSeverity
        self.examples = examples
    }
}

/// One problem a check found in a unit, before it is placed in a file and given a severity.
public struct Issue: Sendable, Hashable {
    public var message: String
    public var suggestion: String?
    /// The offending text in the target (scalar offsets), when the check knows it: the finding then points at it
    /// instead of at the start of the target (where the format lets the position be known).
    public var range: Range<Int>?
    /// For the one issue that stands for many of one check in one unit: how many it stands for (see
    /// `Finding.collapseLimit`).
    public var collapsed: Int?
    /// The highest severity the finding may take whatever the check's own (an uncertain finding: `.info`).
    public var ceiling: Severity?

    public init(_ message: String, suggestion: String? = nil, at range: Range<Int>? = nil, collapsed: Int? = nil, ceiling: Severity? = nil) {
        self.message = message
        self.suggestion = suggestion
        self.range = range
        self.collapsed = collapsed
        self.ceiling = ceiling
    }

    /// At most `Finding.collapseLimit` of `issues` (one check, one unit) and, for the rest, one issue with their
    /// count: a unit with a million lost placeholders gives a short report, in bounded memory.
    static func collapsing(_ issues: [Issue], check id: String) -> [Issue] {
        let limit = Finding.collapseLimit
        guard issues.count > limit else { return issues }
        // Collapsed by the check itself already (`IssueCollector`).
        if issues.count == limit + 1 && issues[limit].collapsed != nil { return issues }
        let more = issues.count - limit
        return Array(issues.prefix(limit)) + [
            Issue("\(more) more \(id) findings in this unit, not listed one by one", collapsed: more)
        ]
    }
}

/// Issues of one check in one unit, built only up to `Finding.collapseLimit` and counted beyond it: a check that can
/// find millions in one unit (a line of two million `%s`) keeps neither their messages nor their list (issue 11:
/// 830 MB peak). `issues(check:)` gives what `Issue.collapsing` would give for the whole list.
struct IssueCollector {
    private(set) var listed: [Issue] = []
    /// Issues past the limit: counted, never built.
    private(set) var more = 0

    var isEmpty: Bool { listed.isEmpty }

    mutating func append(_ issue: @autoclosure () -> Issue) {
        if listed.count < Finding.collapseLimit {
            listed.append(issue())
        } else {
            more += 1
        }
    }

    /// Another collector's issues after these, in order; its uncounted ones count here too.
    mutating func append(contentsOf other: IssueCollector) {
        for issue in other.listed { append(issue) }
        more += other.more
    }

    func issues(check id: String) -> [Issue] {
        guard more > 0 else { return listed }
        return listed + [Issue("\(more) more \(id) findings in this unit, not listed one by one", collapsed: more)]
    }
}

/// A translation check. Most checks look at one unit at a time (`check(_:)`); the consistency checks look at all
/// units of a run together (`checkAll(_:)`).
public protocol Check: Sendable {
    /// The check's own `check.options` (none by default).
    associatedtype Options: CheckOptionSet = NoCheckOptions
    static var description: CheckDescription { get }
    /// The shared analyses of a unit this check reads (terms, consistency keys), computed before any check runs.
    static var analyses: UnitAnalyses { get }
    init(environment: CheckEnvironment)
    /// Issues in one unit.
    func check(_ unit: CheckedUnit) -> [Issue]
    /// Issues that need every unit of the run; returns (index into `units`, issue).
    func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)]
}

extension Check {
    public static var analyses: UnitAnalyses { [] }
    public func check(_ unit: CheckedUnit) -> [Issue] { [] }
    public func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] { [] }
    public var description: CheckDescription { Self.description }
}

/// Every check Tlumach has, in documentation order.
public enum CheckCatalog {
    public static let all: [any Check.Type] = [
        TermMissingCheck.self, TermForbiddenCheck.self, TermCasingCheck.self, TermContextCheck.self,
        NumberMismatchCheck.self, PlaceholderMismatchCheck.self, UntranslatedCheck.self,
        InconsistentTranslationCheck.self, InconsistentSourceCheck.self, MixedScriptCheck.self,
        PunctuationCheck.self, TransliterationCheck.self, NotNormalizedCheck.self, WhitespaceCheck.self,
        LengthRatioCheck.self, URLMismatchCheck.self, CyrillicAlphabetCheck.self,
    ]

    public static var identifiers: [String] { all.map { $0.description.id } }

    /// The check with this id or a former id (an alias).
    public static func type(for id: String) -> (any Check.Type)? {
        resolve(id)?.type
    }

    /// The check `id` names in `types`, and whether `id` is a former id of it (then its current id is to be used).
    public static func resolve(_ id: String, in types: [any Check.Type] = all) -> (type: any Check.Type, isAlias: Bool)? {
        if let type = types.first(where: { $0.description.id == id }) { return (type, false) }
        if let type = types.first(where: { $0.description.aliases.contains(id) }) { return (type, true) }
        return nil
    }

    /// The note printed when a configuration or flag names a check by a former id.
    public static func aliasNote(_ alias: String, current: String) -> String {
        "tlumach: check \"\(alias)\" was renamed \"\(current)\"; the old id still works but is deprecated"
    }

    /// The check that reads `key` from `check.options`.
    public static func owner(ofOption key: String) -> (any Check.Type)? {
        all.first { $0.optionKeys.contains { $0.key == key } }
    }

    /// Every `check.options` key, in catalog order.
    public static var optionKeys: [String] { all.flatMap { $0.optionKeys.map(\.key) } }
}
