import Dispatch
import TlumachCore
import TlumachFormats
import TlumachGlossary
import TlumachText

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
    /// The folder baselines name files relative to (nil: files as given).
    public var baselineRoot: String?

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
        // caffeine-indicator: two messages and the credits' Latin names, which alone would make the target English.
        // The units read, chosen once for both sides and both questions.
        var sampled: [BilingualUnit]?
        func sample() -> [BilingualUnit] {
            let units = sampled ?? Array(document.units.lazy.filter { !CheckedUnit.isTranslatorCredits($0) }.prefix(200))
            sampled = units
            return units
        }
        func detect(_ side: (BilingualUnit) -> String) -> String {
            LanguageDetector.documentLanguage(sample().map(side).joined(separator: "\n")).rawValue
        }
        // enigma's Ukrainian catalog says "Language: ru": a file that names one of Ukrainian and Russian while its
        // letters are plainly the other's is read as its letters say (unless the flags override the file).
        // Only with ten times the other language's own letters, and five at least; or, in a short file, three and
        // none of the named language's own (lazarus's buildstrconsts.uk.po: six messages, "Language: ru", three і
        // and no ы э ё ъ, which a Russian text of that length would all but surely have).
        // OpenBoard's Ukrainian .qm says "X-Language: en_US": a file that names English while its letters are
        // plainly Cyrillic with Ukrainian's or Russian's own letters (three times the Latin ones, fifty at least) is
        // read as its letters say too.
        func checked(_ declared: String?, fromFile: Bool, _ side: (BilingualUnit) -> String) -> String? {
            guard let declared, fromFile else { return declared }
            let primary = LanguageTag.primary(declared)
            if primary == "en" {
                let evidence = LanguageDetector.evidence(sample().map(side).joined(separator: "\n"))
                guard evidence.cyrillicLetters >= 50, evidence.cyrillicLetters > 3 * evidence.latinLetters,
                    let language = evidence.language, language == .uk || language == .ru
                else { return declared }
                return language.rawValue
            }
            guard primary == "uk" || primary == "ru" else { return declared }
            let evidence = LanguageDetector.evidence(sample().map(side).joined(separator: "\n"))
            let (own, other) = primary == "uk" ? (evidence.ukrainianMarkers, evidence.russianMarkers) : (evidence.russianMarkers, evidence.ukrainianMarkers)
            guard (other >= 5 && other > 10 * own) || (other >= 3 && own == 0) else { return declared }
            return primary == "uk" ? "ru" : "uk"
        }
        let sourceFromFile = document.sourceLanguage != nil && !(settings.languagesOverrideFiles && settings.sourceLanguage != nil)
        let targetFromFile = document.targetLanguage != nil && !(settings.languagesOverrideFiles && settings.targetLanguage != nil)
        return (
            checked(source, fromFile: sourceFromFile) { $0.source } ?? detect { $0.source },
            // A target copied from its source says nothing of the target's language: Qt's Bluetooth catalog keeps
            // dozens of service names in English, which outweighed its Ukrainian messages.
            checked(target, fromFile: targetFromFile) { $0.target ?? "" } ?? detect { $0.target == $0.source ? "" : $0.target ?? "" })
    }

    /// `progress` receives the number of units each finished chunk checked (from several threads at once).
    public func run(
        _ documents: [BilingualDocument], baseline: Baseline? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) -> CheckReport {
        // Where each document's units start in the run, and its languages.
        var starts: [Int] = []
        var languagePairs: [(source: String, target: String)] = []
        var traits: [DocumentTraits] = []
        var total = 0
        for document in documents {
            starts.append(total)
            total += document.units.count
            languagePairs.append(languages(of: document))
            traits.append(DocumentTraits.of(document))
        }
        let unitChecks = checks
        let environment = environment
        let allStates = settings.options.checkAllStates
        // Each check's id and severity once, not per finding.
        let checkIDs = checks.map { type(of: $0).description.id }
        let readsTargetAlone = checks.map { type(of: $0).description.readsTargetAlone }
        let checkAliases = checks.map { type(of: $0).description.aliases }
        // What the enabled checks read of a unit, computed when the unit is made (in parallel, before any check
        // reads it); an unfinished unit only meets `untranslated`, which needs none of it.
        let analyses = checks.reduce(into: UnitAnalyses()) { $0.formUnion(type(of: $1).analyses) }
        // Per-unit checks: chunks of units in parallel; each chunk makes its units.
        // Small enough that the last chunks leave no core idle for long (a chunk is ~10 ms with the glossary).
        let chunkSize = 512
        let chunkCount = (total + chunkSize - 1) / chunkSize
        let collected = ResultSlots<[(Int, Int, Issue)]>(count: chunkCount)
        let chunkUnits = ResultSlots<[CheckedUnit]>(count: chunkCount)
        DispatchQueue.concurrentPerform(iterations: chunkCount) { [starts, languagePairs, traits, total, analyses] chunk in
            var found: [(Int, Int, Issue)] = []
            let range = (chunk * chunkSize)..<min(total, (chunk + 1) * chunkSize)
            var made: [CheckedUnit] = []
            made.reserveCapacity(range.count)
            var documentIndex = 0
            for unitIndex in range {
                while documentIndex + 1 < starts.count && starts[documentIndex + 1] <= unitIndex { documentIndex += 1 }
                let document = documents[documentIndex]
                let languages = languagePairs[documentIndex]
                let bilingual = document.units[unitIndex - starts[documentIndex]]
                let unit = CheckedUnit(
                    unit: bilingual, file: document.path, sourceLanguage: languages.source, targetLanguage: languages.target,
                    environment: environment, analyses: bilingual.isUnfinished && !allStates ? [] : analyses, document: traits[documentIndex])
                made.append(unit)
                // An unfinished unit (fuzzy, new, needs-*, initial) is the translator's work in progress: only
                // whether it is translated at all is asked, unless every state is checked.
                let onlyUntranslated = unit.isUnfinished && !allStates
                if unit.isTranslatorCredits { continue }
                for checkIndex in unitChecks.indices where !onlyUntranslated || checkIDs[checkIndex] == "untranslated" {
                    if unit.isMessageKey && !readsTargetAlone[checkIndex] { continue }
                    let issues = Issue.collapsing(unitChecks[checkIndex].check(unit), check: checkIDs[checkIndex])
                    for issue in issues { found.append((unitIndex, checkIndex, issue)) }
                }
            }
            chunkUnits.set(chunk, made)
            collected.set(chunk, found)
            progress?(range.count)
        }
        var units: [CheckedUnit] = []
        units.reserveCapacity(total)
        for chunk in 0..<chunkCount { units += chunkUnits.value(chunk) ?? [] }
        let shared = UnitsBox(units)
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
        let severities = checks.map { settings.severity(of: type(of: $0).description) }

        var findings: [Finding] = []
        // Where each finding came from, to order a unit's findings by where they point once positions are known.
        var order: [(unit: Int, check: Int)] = []
        var suppressed = 0
        var remainingBaseline = baseline?.counts ?? [:]
        var seen = Set<FindingIdentity>()
        var fileKeys: [String: String] = [:]
        if let root = settings.baselineRoot {
            for document in documents { fileKeys[document.path] = FileKey.make(document.path, root: root) }
        }
        for (unitIndex, checkIndex, issue) in issues {
            let unit = units[unitIndex]
            if unit.isTranslatorCredits { continue }
            if Suppression.suppresses(unit.unit.notes, check: checkIDs[checkIndex], aliases: checkAliases[checkIndex]) {
                suppressed += 1
                continue
            }
            // A finding that names a word of the target points at it when the file tells where it stands.
            var (line, column) = (unit.unit.line, unit.unit.column)
            if let range = issue.range, let position = unit.targetPosition(scalarOffset: range.lowerBound) {
                (line, column) = position
            }
            // The same finding twice at one place (a number the source has twice) is one finding.
            if !seen.insert(FindingIdentity(unit: unitIndex, check: checkIndex, line: line, column: column, message: issue.message)).inserted {
                continue
            }
            var severity = severities[checkIndex]
            if let ceiling = issue.ceiling { severity = min(severity, ceiling) }
            var message = issue.message
            if unit.isUnfinished && !allStates {
                // Work in progress: a warning at most, saying why.
                severity = min(severity, .warning)
                message += " (the unit is marked \(unit.unit.state ?? "unfinished"))"
            }
            var finding = Finding(
                check: checkIDs[checkIndex], severity: severity, file: unit.file,
                unit: unit.unit.id, line: line, column: column, message: message,
                source: unit.source, target: unit.target, suggestion: issue.suggestion, unitKey: unit.unit.stableKey,
                fileKey: fileKeys[unit.file])
            finding.collapsed = issue.collapsed
            if unit.source.utf8.count > Finding.excerptLimit {
                finding.sourceExcerpt = Finding.excerpt(unit.sourceText.scalars, around: 0)
            }
            if unit.target.utf8.count > Finding.excerptLimit {
                finding.targetExcerpt = Finding.excerpt(unit.targetText.scalars, around: issue.range?.lowerBound ?? 0)
            }
            if !remainingBaseline.isEmpty, let count = remainingBaseline[finding.baselineKey], count > 0 {
                remainingBaseline[finding.baselineKey] = count - 1
                suppressed += 1
                continue
            }
            findings.append(finding)
            order.append((unitIndex, checkIndex))
        }
        // Units stay in file order; within a unit, findings read top to bottom, left to right (then by check).
        findings = findings.indices.sorted {
            let (a, b) = (findings[$0], findings[$1])
            return (order[$0].unit, a.line, a.column, order[$0].check)
                < (order[$1].unit, b.line, b.column, order[$1].check)
        }.map { findings[$0] }
        // The units (with their analyses) are freed chunk by chunk in parallel rather than one by one here.
        units = []
        shared.units = []
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in _ = chunkUnits.take(chunk) }
        return CheckReport(findings: findings, files: documents.count, units: total, suppressed: suppressed, checks: descriptions)
    }
}

/// What makes two findings the same one.
private struct FindingIdentity: Hashable {
    var unit: Int
    var check: Int
    var line: Int
    var column: Int
    var message: String
}

/// The run's units for the whole-run checks. @unchecked: `units` is written only before and after the parallel
/// section that reads it (emptied so the units are freed chunk by chunk in parallel, not one by one).
private final class UnitsBox: @unchecked Sendable {
    var units: [CheckedUnit]
    init(_ units: [CheckedUnit]) { self.units = units }
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

    /// Whether `notes` turn off `check` (by its id, a former id in `aliases`, or `all`).
    static func suppresses(_ notes: [String], check: String, aliases: [String] = []) -> Bool {
        guard !notes.isEmpty else { return false }
        let disabled = disabledChecks(in: notes)
        return disabled.contains(check) || disabled.contains("all") || aliases.contains(where: disabled.contains)
    }
}
