import Dispatch
import Foundation
import TlumachConfig
import TlumachCore
import TlumachFormats
import TlumachGlossary
import TlumachText

/// Everything `tlumach check` is asked to do, as parsed from the command line.
public struct CheckRequest: Sendable {
    public var paths: [String] = []
    /// A pair of plain texts, paired by paragraph.
    public var sourceText: String?
    public var targetText: String?
    /// Pair the two texts sentence by sentence with the aligner instead of paragraph by paragraph.
    public var align = false
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var glossaries: [String] = []
    public var noGlossary = false
    /// The project's settings, loaded once by the caller (the CLI, the server). nil: loaded here from `configPath`.
    public var settings: ProjectSettings?
    /// Used only when `settings` is nil. nil: `.tlumach.yml` in the current folder when it exists.
    public var configPath: String?
    public var enable: [String] = []
    public var disable: [String] = []
    public var strict = false
    public var baselinePath: String?
    public var writeBaselinePath: String?
    /// nil: text (callers pick GitHub annotations under GitHub Actions: `ReportFormat.default(for:)`).
    public var format: ReportFormat?
    /// Check units the file marks unfinished like final ones (`--all-states`).
    public var allStates = false
    /// House typography (`--typography strict`); nil: the configuration's.
    public var typography: Typography?
    /// Advanced as files are read and units checked (the CLI's meter; draws only on a terminal).
    public var progress: ProgressMeter?
    /// Where parsed glossary files are kept between runs (the CLI's per-user cache); nil: parsed every time.
    public var glossaryCache: GlossaryCache?

    public init() {}
}

/// What a run produced: the report, its rendering, and the exit status.
public struct CheckOutcome: Sendable {
    public var report: CheckReport
    public var output: String
    public var format: ReportFormat
    public var exitCode: Int32
    /// Notes for standard error (e.g. a written baseline).
    public var notes: [String]
}

/// A glossary loaded on a background thread while the inputs are read. The normaliser the checks share is made
/// there too.
private final class BackgroundLoad: @unchecked Sendable {  // unchecked: `result` written before `done.signal()`, read after `wait()`
    private var result: Result<(any TermFinder)?, any Error> = .success(nil)
    private let done = DispatchSemaphore(value: 0)

    func start(_ load: @escaping @Sendable () throws -> (any TermFinder)?) {
        Thread.detachNewThread { [self] in
            _ = DefaultNormalizer.normalizer
            result = Result { try load() }
            done.signal()
        }
    }

    func wait() throws -> (any TermFinder)? {
        done.wait()
        return try result.get()
    }
}

/// The whole `tlumach check` flow as a library call: configuration (flags win over `.tlumach.yml`), inputs,
/// glossaries, checks, baseline, rendering and exit status. Bad input throws `InputError` (exit 2).
public enum CheckPipeline {
    /// The run as before the settings layer: the report format's default read from `variables`.
    public static func run(_ request: CheckRequest, environment variables: [String: String]) throws -> CheckOutcome {
        var request = request
        request.format = request.format ?? ReportFormat.default(for: RunEnvironment(variables))
        return try run(request)
    }

    public static func run(_ request: CheckRequest) throws -> CheckOutcome {
        // Configuration: the check section of the project's settings.
        let project = try request.settings ?? ProjectSettings.load(configPath: request.configPath)
        var configuration = try project.file.map(CheckConfiguration.parse) ?? CheckConfiguration()
        var notes = configuration.notes
        // Former ids (aliases) name their check's current id, with a note.
        func currentIDs(_ ids: [String]) throws(InputError) -> [String] {
            var result: [String] = []
            for id in ids {
                guard let (type, isAlias) = CheckCatalog.resolve(id) else {
                    throw InputError(path: "--enable/--disable", message: "unknown check \"\(id)\" (known: \(CheckCatalog.identifiers.joined(separator: ", ")))")
                }
                if isAlias { notes.append(CheckCatalog.aliasNote(id, current: type.description.id)) }
                result.append(type.description.id)
            }
            return result
        }
        let enable = try currentIDs(request.enable)
        let disable = try currentIDs(request.disable)
        var settings = CheckSettings()
        settings.enabled = configuration.enabled.map(Set.init)
        if !enable.isEmpty {
            // Flags add to the configured set (or name the whole set when nothing is configured).
            settings.enabled = (settings.enabled ?? []).union(enable)
            configuration.disabled.removeAll { enable.contains($0) }
        }
        settings.disabled = Set(configuration.disabled).union(disable)
        settings.severities = configuration.severities
        settings.options = configuration.options
        if request.allStates { settings.options.checkAllStates = true }
        if let typography = request.typography { settings.options.typography = typography }
        settings.baselineRoot = project.baselineRoot
        let configured = try project.languages(section: "check")
        settings.sourceLanguage = request.sourceLanguage ?? configured.source
        settings.targetLanguage = request.targetLanguage ?? configured.target
        settings.languagesOverrideFiles = request.sourceLanguage != nil || request.targetLanguage != nil
        let strict = request.strict || (configuration.strict ?? false)

        // Glossaries: flags, else the configuration, else glossaries/ when it exists. They load on another thread
        // while the files are read; errors are reported in the same order as before (inputs first).
        var glossaryPaths: [String] = []
        if !request.noGlossary {
            glossaryPaths = request.glossaries.isEmpty ? try project.glossaryPaths(section: "check") ?? [] : request.glossaries
        }
        // A path that is not a glossary (missing, a folder without glossary files, an unknown format): named by the
        // settings, at their line; from the command line, the path alone.
        var glossaryPathError: InputError?
        if let missing = glossaryPaths.first(where: { !FileManager.default.fileExists(atPath: $0) }) {
            glossaryPathError = request.glossaries.isEmpty ? project.glossaryNotFound(missing, section: "check")
                : InputError(path: missing, message: "glossary not found")
        } else if request.glossaries.isEmpty {
            for path in glossaryPaths {
                do {
                    _ = try Glossary.expand([path])
                } catch let error as InputError where error.path == path && error.line == nil {
                    glossaryPathError = project.glossaryError(path, section: "check", message: error.message)
                    break
                }
            }
        }
        let loading = BackgroundLoad()
        if !glossaryPaths.isEmpty && glossaryPathError == nil {
            let profiles = project.glossaryProfiles
            let cache = request.glossaryCache
            loading.start { [glossaryPaths] in try GlossaryTermFinder(paths: glossaryPaths, profiles: profiles, cache: cache) }
        } else {
            loading.start { nil }
        }

        // Inputs.
        var documents: [BilingualDocument] = []
        if request.sourceText != nil || request.targetText != nil {
            guard let source = request.sourceText, let target = request.targetText else {
                throw InputError(path: "check", message: "--source and --target go together (a pair of plain texts)")
            }
            let sourceLanguage = settings.sourceLanguage
            let targetLanguage = settings.targetLanguage
            if request.align {
                let sourceText = try TextFile.read(source)
                let targetText = try TextFile.read(target)
                documents.append(
                    try AlignedTextPair.read(
                        sourcePath: source, targetPath: target,
                        sourceLanguage: sourceLanguage ?? LanguageDetector.documentLanguage(sourceText).rawValue,
                        targetLanguage: targetLanguage ?? LanguageDetector.documentLanguage(targetText).rawValue))
            } else {
                var document = try TextPairReader.read(sourcePath: source, targetPath: target)
                document.sourceLanguage = sourceLanguage
                document.targetLanguage = targetLanguage
                // Two texts of several lines and no blank line, whose line counts differ, are one paragraph each.
                if document.units.count == 1, let only = document.units.first, only.source.contains("\n"),
                    only.target?.contains("\n") == true
                {
                    notes.append(
                        "tlumach: note: \(source) and \(target) have no blank line between paragraphs, and not as many "
                            + "lines: checked as one paragraph (--align pairs them sentence by sentence)")
                }
                documents.append(document)
            }
        }
        let files: [String]
        if !request.paths.isEmpty {
            files = try CheckInputs.collect(paths: request.paths, include: configuration.include, ignore: configuration.ignore)
        } else if documents.isEmpty && !configuration.include.isEmpty {
            files = try CheckInputs.fromGlobs(include: configuration.include, ignore: configuration.ignore)
        } else if documents.isEmpty {
            throw InputError(path: "check", message: "nothing to check: name files or folders, --source/--target, or `include` globs in .tlumach.yml")
        } else {
            files = []
        }

        request.progress?.restart(label: "check: reading", total: files.count, unit: .items("files"))
        documents += try readDocuments(files, settings: settings, progress: request.progress)

        if let glossaryPathError { throw glossaryPathError }
        let terms = try loading.wait()
        let environment = CheckEnvironment(terms: terms, options: settings.options)

        // Baseline.
        let baselinePath = request.baselinePath ?? (request.writeBaselinePath == nil ? configuration.baseline : nil)
        var baseline: Baseline?
        if let baselinePath {
            if request.baselinePath != nil || FileManager.default.fileExists(atPath: baselinePath) {
                baseline = try Baseline.read(baselinePath)
            }
        }

        let runner = CheckRunner(settings: settings, environment: environment)
        let progress = request.progress
        progress?.restart(label: "check", total: documents.reduce(0) { $0 + $1.units.count }, unit: .items("units"))
        var advance: (@Sendable (Int) -> Void)?
        if let progress { advance = { progress.advance(by: $0) } }
        let report = runner.run(documents, baseline: baseline, progress: advance)
        progress?.finish()
        let termChecks = ["term-missing", "term-forbidden", "term-casing", "term-context"]
        if terms == nil && !request.noGlossary && termChecks.contains(where: settings.isEnabled) {
            notes.append("tlumach: no glossary found (glossaries/, .tlumach.yml or --glossary): the term checks found nothing")
        }
        if let path = request.writeBaselinePath {
            try Baseline(findings: report.findings).write(to: path)
            notes.append("tlumach: wrote \(report.findings.count) findings to the baseline \(path)")
        }
        let format = request.format ?? .text
        let output = Reporter.render(report, as: format, strict: strict)
        let exitCode = request.writeBaselinePath != nil ? 0 : report.exitCode(strict: strict)
        return CheckOutcome(report: report, output: output, format: format, exitCode: exitCode, notes: notes)
    }

    /// Reads the files in parallel; the first unreadable one (in the given order) is the error.
    static func readDocuments(_ files: [String], settings: CheckSettings, progress: ProgressMeter? = nil) throws
        -> [BilingualDocument]
    {
        guard files.count > 1 else {
            return try files.map { try BilingualReader.read($0, sourceLanguage: settings.sourceLanguage, targetLanguage: settings.targetLanguage) }
        }
        let results = ResultSlots<Result<BilingualDocument, any Error>>(count: files.count)
        DispatchQueue.concurrentPerform(iterations: files.count) { index in
            results.set(index, Result {
                try BilingualReader.read(files[index], sourceLanguage: settings.sourceLanguage, targetLanguage: settings.targetLanguage)
            })
            progress?.advance()
        }
        return try results.values.map { try $0.get() }
    }
}

extension ReportFormat {
    /// The format when none is asked for: GitHub annotations inside GitHub Actions, else text.
    public static func `default`(for environment: RunEnvironment) -> ReportFormat {
        environment.isGitHubActions ? .github : .text
    }
}
