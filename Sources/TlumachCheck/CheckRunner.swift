import Dispatch
import TlumachFormats
import TlumachGlossary

/// Which checks run, at what severity, for which languages.
public struct CheckSettings: Sendable {
    /// Only these run when set (plus nothing else); otherwise every check not disabled.
    public var enabled: Set<String>?
    public var disabled: Set<String> = []
    public var severities: [String: Severity] = [:]
    /// Used when a file does not declare its languages (flags win over the file).
    public var sourceLanguage: String?
    public var targetLanguage: String?
    /// Languages given on the command line override what files declare.
    public var languagesOverrideFiles = false
    public var options = CheckOptions()

    public init() {}

    public func isEnabled(_ id: String) -> Bool {
        if disabled.contains(id) { return false }
        if let enabled { return enabled.contains(id) }
        return true
    }

    public func severity(of description: CheckDescription) -> Severity {
        severities[description.id] ?? description.defaultSeverity
    }
}

/// Runs the enabled checks over documents: per-unit checks in parallel over chunks of units, then the checks that
/// need every unit, then inline suppressions (`tlumach:disable=check-id` in notes and comments) and the baseline.
public struct CheckRunner: Sendable {
    public let settings: CheckSettings
    public let environment: CheckEnvironment
    let checks: [any Check]

    public init(settings: CheckSettings, environment: CheckEnvironment) {
        self.settings = settings
        self.environment = environment
        self.checks = CheckCatalog.all.filter { settings.isEnabled($0.description.id) }.map { $0.init(environment: environment) }
    }

    public var descriptions: [CheckDescription] { checks.map { type(of: $0).description } }

    /// Languages of a document: flags when they override, else the file's, else the configured ones, else
    /// detected from the letters of its first units (uk, ru or en).
    func languages(of document: BilingualDocument) -> (String, String) {
        let source = settings.languagesOverrideFiles
            ? settings.sourceLanguage ?? document.sourceLanguage : document.sourceLanguage ?? settings.sourceLanguage
        let target = settings.languagesOverrideFiles
            ? settings.targetLanguage ?? document.targetLanguage : document.targetLanguage ?? settings.targetLanguage
        func detect(_ side: (BilingualUnit) -> String) -> String {
            GlossarySources.detectLanguage(document.units.prefix(200).map(side).joined(separator: "\n"))
        }
        return (source ?? detect { $0.source }, target ?? detect { $0.target ?? "" })
    }

    public func run(_ documents: [BilingualDocument], baseline: Baseline? = nil) -> CheckReport {
        var units: [CheckedUnit] = []
        var documentOf: [Int] = []
        for (documentIndex, document) in documents.enumerated() {
            let (source, target) = languages(of: document)
            for unit in document.units {
                units.append(CheckedUnit(unit: unit, file: document.path, sourceLanguage: source, targetLanguage: target, environment: environment))
                documentOf.append(documentIndex)
            }
        }
        let unitChecks = checks
        // The consistency checks run over all units at once afterwards; their keys are computed here, in parallel.
        let needsKeys = settings.isEnabled("inconsistent-translation") || settings.isEnabled("inconsistent-source")
        // Per-unit checks: chunks of units in parallel; each chunk owns its units' lazy analyses.
        let chunkSize = 2048
        let chunkCount = (units.count + chunkSize - 1) / chunkSize
        let collected = ResultSlots<[(Int, Int, Issue)]>(count: chunkCount)
        let shared = UnitsBox(units)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            var found: [(Int, Int, Issue)] = []
            let start = chunk * chunkSize
            for unitIndex in start..<min(start + chunkSize, shared.units.count) {
                let unit = shared.units[unitIndex]
                if needsKeys && unit.hasTarget {
                    _ = unit.sourceKey
                    _ = unit.plainSourceKey
                    _ = unit.targetKey
                }
                for (checkIndex, check) in unitChecks.enumerated() {
                    for issue in check.check(unit) { found.append((unitIndex, checkIndex, issue)) }
                }
            }
            collected.set(chunk, found)
        }
        var issues: [(Int, Int, Issue)] = collected.values.flatMap { $0 }
        // The checks over all units (the two consistency checks) run side by side.
        let wholeRunChecks = ResultSlots<[(Int, Issue)]>(count: checks.count)
        DispatchQueue.concurrentPerform(iterations: checks.count) { checkIndex in
            wholeRunChecks.set(checkIndex, unitChecks[checkIndex].checkAll(shared.units))
        }
        for (checkIndex, found) in wholeRunChecks.values.enumerated() {
            for (unitIndex, issue) in found { issues.append((unitIndex, checkIndex, issue)) }
        }
        issues.sort { ($0.0, $0.1) < ($1.0, $1.1) }

        var findings: [Finding] = []
        var suppressed = 0
        var remainingBaseline = baseline?.counts ?? [:]
        for (unitIndex, checkIndex, issue) in issues {
            let unit = units[unitIndex]
            let description = type(of: checks[checkIndex]).description
            if Suppression.suppresses(unit.unit.notes, check: description.id) {
                suppressed += 1
                continue
            }
            let finding = Finding(
                check: description.id, severity: settings.severity(of: description), file: unit.file,
                unit: unit.unit.id, line: unit.unit.line, column: unit.unit.column, message: issue.message,
                source: unit.source, target: unit.target, suggestion: issue.suggestion, unitKey: unit.unit.stableKey)
            if !remainingBaseline.isEmpty, let count = remainingBaseline[finding.baselineKey], count > 0 {
                remainingBaseline[finding.baselineKey] = count - 1
                suppressed += 1
                continue
            }
            findings.append(finding)
        }
        return CheckReport(findings: findings, files: documents.count, units: units.count, suppressed: suppressed, checks: descriptions)
    }
}

/// Units shared read-only between the parallel chunks; each unit is touched by exactly one chunk.
private final class UnitsBox: @unchecked Sendable {
    let units: [CheckedUnit]
    init(_ units: [CheckedUnit]) { self.units = units }
}

/// One result slot per parallel task, each written once by its own task.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLockLite()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) {
        lock.withLock { slots[index] = value }
    }
    var values: [Value] { lock.withLock { slots.compactMap { $0 } } }
}

/// `tlumach:disable=check-id[,check-id…]` (or `=all`) in a note or comment turns checks off for its unit.
public enum Suppression {
    public static func disabledChecks(in notes: [String]) -> Set<String> {
        var result = Set<String>()
        for note in notes {
            var rest = Substring(note)
            while let marker = rest.range(of: "tlumach:disable=") {
                let list = rest[marker.upperBound...].prefix { !$0.isWhitespace }
                for id in list.split(separator: ",") where !id.isEmpty { result.insert(String(id)) }
                rest = rest[marker.upperBound...]
            }
        }
        return result
    }

    static func suppresses(_ notes: [String], check: String) -> Bool {
        guard !notes.isEmpty else { return false }
        let disabled = disabledChecks(in: notes)
        return disabled.contains(check) || disabled.contains("all")
    }
}
