import Foundation
import TlumachCheck
import TlumachCore
import TlumachFormats
import TlumachGlossary

public struct PretranslateOptions: Sendable {
    /// Lowest fuzzy percent used with `fuzzy`.
    public var minimum: Double = 75
    /// Fill fuzzy matches too (marked for review).
    public var fuzzy = false
    /// Replace targets that are already there.
    public var overwrite = false
    /// Names the memory in XLIFF match metadata.
    public var origin = "tlumach"

    public init() {}
}

/// The term checks (`term-missing`, `term-forbidden`, `term-casing`, `term-context`) run on filled targets: a
/// finding demotes the fill to review.
public struct TermGate: Sendable {
    let runner: CheckRunner

    public static let checks: Set<String> = ["term-missing", "term-forbidden", "term-casing", "term-context"]

    public init(
        glossaries: [String], profiles: [String] = [], cache: GlossaryCache? = nil, sourceLanguage: String,
        targetLanguage: String
    ) throws {
        try self.init(
            finder: GlossaryTermFinder(paths: glossaries, profiles: profiles, cache: cache), sourceLanguage: sourceLanguage,
            targetLanguage: targetLanguage)
    }

    public init(finder: any TermFinder, sourceLanguage: String, targetLanguage: String) {
        var settings = CheckSettings()
        settings.enabled = Self.checks
        settings.sourceLanguage = sourceLanguage
        settings.targetLanguage = targetLanguage
        settings.languagesOverrideFiles = true
        runner = CheckRunner(settings: settings, environment: CheckEnvironment(terms: finder))
    }

    /// Messages per pair index, for the pairs with a term conflict.
    public func conflicts(_ pairs: [(source: String, target: String)]) -> [Int: String] {
        let units = pairs.enumerated().map { index, pair in
            BilingualUnit(id: String(index), source: pair.source, target: pair.target)
        }
        let report = runner.run([BilingualDocument(path: "pretranslate", format: .tsv, units: units)])
        var result: [Int: String] = [:]
        for finding in report.findings {
            guard let index = Int(finding.unit) else { continue }
            result[index] = result[index].map { $0 + "; " + finding.message } ?? finding.message
        }
        return result
    }
}

/// What a run did, for the summary on standard error and for tests.
public struct PretranslateSummary: Sendable, Equatable {
    public var segments = 0
    public var kept = 0
    public var context = 0
    public var exact = 0
    public var adapted = 0
    public var fuzzy = 0
    public var repetitions = 0
    public var demoted = 0
    public var unmatched = 0
    public var pluralsSkipped = 0

    public init() {}

    public var filled: Int { context + exact + adapted + fuzzy + repetitions }

    public var line: String {
        "\(segments) segments: \(filled) filled (\(context) in context, \(exact) exact, \(adapted) with numbers or "
            + "placeholders carried, \(fuzzy) fuzzy, \(repetitions) repetitions), \(demoted) demoted to review by the "
            + "glossary, \(kept) already translated, \(unmatched) left" + (pluralsSkipped > 0 ? ", \(pluralsSkipped) plural forms left" : "")
    }
}

/// Fills targets from a memory (see docs/leverage.md) and writes each file back with only the filled units changed.
public final class Pretranslator {
    let leverager: Leverager
    let options: PretranslateOptions
    let gate: TermGate?
    /// Sources already translated in this run: the fill to repeat.
    private var repeated: [String: Fill] = [:]
    public private(set) var summary = PretranslateSummary()
    public private(set) var notes: [String] = []

    public init(leverager: Leverager, options: PretranslateOptions, gate: TermGate? = nil) {
        self.leverager = leverager
        self.options = options
        self.gate = gate
    }

    /// The fills for one file, in unit order.
    public func fills(for input: LeverageInput, progress: (() -> Void)? = nil) throws -> [Fill] {
        var fills: [Fill] = []
        for (position, index) in input.segments.enumerated() {
            defer { progress?() }
            let unit = input.document.units[index]
            summary.segments += 1
            if input.document.format == .po, LeverageInput.pluralForm(unit.id) != nil {
                summary.pluralsSkipped += 1
                continue
            }
            let key = Leverager.cacheKey(unit)
            if let target = unit.target, !target.isEmpty, !options.overwrite {
                summary.kept += 1
                if repeated[key] == nil && unit.sourceCodes.isEmpty && unit.targetCodes.isEmpty && unit.state != "fuzzy" {
                    repeated[key] = Fill(
                        unit: index, target: [.text(target)], kind: .exact, percent: 100, needsReview: false,
                        demotion: nil, candidates: [])
                }
                continue
            }
            if let earlier = repeated[key] {
                fills.append(
                    Fill(
                        unit: index, target: earlier.target, kind: .repetition, percent: earlier.percent,
                        needsReview: earlier.needsReview, demotion: nil, candidates: []))
                summary.repetitions += 1
                continue
            }
            let found = try leverager.matches(
                for: unit, context: input.context(ofSegment: position), minimum: options.minimum)
            guard let best = found.first(where: \.usable), best.kind != .fuzzy || options.fuzzy else {
                summary.unmatched += 1
                continue
            }
            let fill = Fill(
                unit: index, target: best.target, kind: best.kind, percent: best.percent, needsReview: best.kind == .fuzzy,
                demotion: nil, candidates: Array(found.filter(\.usable).prefix(3)))
            switch best.kind {
            case .context: summary.context += 1
            case .exact: summary.exact += 1
            case .adapted: summary.adapted += 1
            case .fuzzy, .repetition: summary.fuzzy += 1
            }
            repeated[key] = fill
            fills.append(fill)
        }
        if let gate, !fills.isEmpty {
            let conflicts = gate.conflicts(fills.map { (input.document.units[$0.unit].source, $0.plainTarget) })
            for (index, message) in conflicts {
                if !fills[index].needsReview { summary.demoted += 1 }
                fills[index].needsReview = true
                fills[index].demotion = message
                let key = Leverager.cacheKey(input.document.units[fills[index].unit])
                if repeated[key]?.unit == fills[index].unit { repeated[key] = fills[index] }
            }
        }
        return fills
    }

    /// The file's new bytes with `fills` written in the format's own terms.
    public func write(_ input: LeverageInput, fills: [Fill]) throws -> [UInt8] {
        switch input.document.format {
        case .xliff: return try XLIFFWriter.write(input, fills: fills, origin: options.origin, notes: &notes)
        case .po: return try POWriter.write(input, fills: fills, targetLanguage: leverager.targetLanguage, notes: &notes)
        case .tsv: return try TSVWriter.write(input, fills: fills, notes: &notes)
        default: throw InputError(path: input.path, message: "pretranslate does not write this format")
        }
    }
}
