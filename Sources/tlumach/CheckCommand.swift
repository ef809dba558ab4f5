import ArgumentParser
import Foundation
import TlumachCheck
import TlumachConfig
import TlumachGlossary
import TlumachCore

/// Output formats of `check`; `markdown` only lists the checks.
enum CheckOutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, junit, github, markdown
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check translations (XLIFF, PO, TMX, TSV/CSV, or two texts) for CI.",
        discussion: """
            Exit status: 0 no errors (warnings allowed unless --strict), 1 error findings, 2 unreadable input or \
            configuration. Settings come from .tlumach.yml (section `check`); flags win. --source-lang and \
            --target-lang override the languages the files declare.
            """)

    @Argument(help: "Files or folders (.xlf, .xliff, .po, .tmx, .tsv, .csv).")
    var paths: [String] = []

    @Option(name: .customLong("source"), help: "A plain source text, paired by paragraph with --target (line by line when neither has a blank line and both have as many lines).")
    var sourceText: String?

    @Option(name: .customLong("target"), help: "The plain translated text.")
    var targetText: String?

    @Flag(help: "Pair --source and --target sentence by sentence with the aligner (default: by paragraph).")
    var align = false

    @OptionGroup var languages: LanguagePairOptions

    @Option(help: "text, json, sarif, junit or github (default: github when GITHUB_ACTIONS=true, else text); markdown with --list-checks.")
    var format: CheckOutputFormat?

    @OptionGroup var glossary: OptionalGlossaryOptions

    @OptionGroup var settingsFile: ConfigOption

    @Option(help: "Run only these checks (repeatable; commas allowed).")
    var enable: [String] = []

    @Option(help: "Do not run these checks (repeatable; commas allowed).")
    var disable: [String] = []

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(name: .customLong("all-states"), help: "Check units the file marks unfinished (fuzzy, new, needs-*, initial) like final ones.")
    var allStates = false

    @Option(help: "Typography to enforce: standard (defects only) or strict (house quotes, apostrophe, dashes).")
    var typography: String?

    @Option(help: "Hide the findings recorded in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Record the current findings in this file (exit 0).")
    var writeBaseline: String?

    @Option(help: "Write the report to this file instead of standard output.")
    var output: String?

    @Flag(name: .customLong("list-checks"), help: "List the checks (text, json or markdown) and exit.")
    var listChecks = false

    @Option(name: .customLong("write-docs"), help: .hidden)
    var writeDocs: String?

    func run() throws {
        if let directory = writeDocs {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in CheckDocumentation.files() {
                try TextFile.writeAtomically(file.contents, to: (directory as NSString).appendingPathComponent(file.name))
            }
            return
        }
        if listChecks {
            switch format ?? .text {
            case .markdown: print(CheckDocumentation.files().map(\.contents).joined(separator: "\n"), terminator: "")
            case .json: print(CheckDocumentation.json(), terminator: "")
            default: print(CheckDocumentation.list(), terminator: "")
            }
            return
        }
        var request = CheckRequest()
        request.paths = paths
        request.sourceText = sourceText
        request.targetText = targetText
        request.align = align
        request.sourceLanguage = languages.source
        request.targetLanguage = languages.target
        request.glossaries = glossary.paths
        request.noGlossary = glossary.disabled
        request.glossaryCache = GlossaryCache.forCommandLine()
        request.enable = enable.flatMap { $0.split(separator: ",").map(String.init) }
        request.disable = disable.flatMap { $0.split(separator: ",").map(String.init) }
        request.strict = strict
        request.baselinePath = baseline
        request.writeBaselinePath = writeBaseline
        request.allStates = allStates
        if let typography {
            guard let value = Typography(rawValue: typography) else {
                throw ValidationError("--typography is standard or strict, not \"\(typography)\"")
            }
            request.typography = value
        }
        let environment = RunEnvironment(ProcessInfo.processInfo.environment)
        if let format {
            guard let reportFormat = TlumachCheck.ReportFormat(rawValue: format.rawValue) else {
                throw ValidationError("--format markdown goes with --list-checks")
            }
            request.format = reportFormat
        } else {
            request.format = .default(for: environment)
        }
        request.settings = try settingsFile.load(relative: true)
        let progress = ProgressMeter(command: "check", total: nil, unit: .items("files"))
        request.progress = progress.isEnabled ? progress : nil
        defer { progress.finish() }
        let outcome = try CheckPipeline.run(request)
        if let output {
            try TextFile.writeAtomically(outcome.output, to: output)
        } else {
            FileHandle.standardOutput.write(Data(outcome.output.utf8))
        }
        if outcome.format == .github, let summaryPath = environment.stepSummaryPath,
            let handle = FileHandle(forWritingAtPath: summaryPath)
        {
            handle.seekToEndOfFile()
            handle.write(Data(Reporter.githubStepSummary(outcome.report).utf8))
            try? handle.close()
        }
        for note in outcome.notes { printError(note) }
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}
