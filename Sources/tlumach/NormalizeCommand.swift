import ArgumentParser
import Foundation
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachText

extension LanguageChoice: ExpressibleByArgument {}
extension EnglishDashStyle: ExpressibleByArgument {}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case json
}

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "normalize",
        abstract: "Normalise article text (Unicode, apostrophes, quotes, dashes, spaces, look-alike letters).",
        discussion: """
            Reads each FILE (or standard input) and writes the normalised text to standard output, or back to the \
            files with --in-place. Settings may also come from the `normalize` section of .tlumach.yml; flags win.
            Rules: \(NormalizationRule.allCases.map(\.rawValue).joined(separator: ", ")).
            Exit status: 0 success (with --check: nothing would change), 1 with --check when something would \
            change, 2 bad input or usage (invalid UTF-8 names the file and byte offset; nothing is written).
            """)

    @Argument(help: "Files to normalise (standard input when none).")
    var files: [String] = []

    @Option(help: "Language of every paragraph, or auto to detect it per paragraph (uk, en, ru, auto).")
    var lang: LanguageChoice?

    @Flag(help: "Rewrite the files in place (atomically: a temporary file renamed over each).")
    var inPlace = false

    @Flag(help: "Change nothing; print `path:line:column: rule: change` for each change and exit 1 if any.")
    var check = false

    @Option(help: "Print a report instead of the text: json (counts per rule and every change with its position).")
    var report: ReportFormat?

    @Option(help: "Apostrophe in Cyrillic words: U+2019 (’, default) or U+02BC (ʼ).")
    var apostrophe: String?

    @Option(help: "Em dash in English paragraphs: closed (word—word, default) or spaced (word — word).")
    var englishDash: EnglishDashStyle?

    // One value per --disable (repeatable, commas allowed): a list that ran on to the next option swallowed the
    // FILE arguments after it (`--disable quotes notes.md`).
    @Option(help: "Rules to switch off (repeatable; commas allowed), e.g. --disable quotes,dashes.")
    var disable: [String] = []

    @OptionGroup var settingsFile: ConfigOption

    @Flag(help: "Also apply the glossary: replace deprecated and forbidden terms by the preferred one (rule forbidden-terms) and apply term casing rules (rule term-casing).")
    var fixTerms = false

    @OptionGroup var glossary: GlossaryOptions

    // Threads for a large file (default: one per core); 1 is the serial path, for comparing the two.
    @Option(name: .customLong("threads"), help: .hidden)
    var threads: Int?

    // Bytes per part when threads share a file (default: a quarter of the file per thread, 1–4 MB); for tests.
    @Option(name: .customLong("part-size"), help: .hidden)
    var partSize: Int?

    @Option(name: .customLong("write-docs"), help: .hidden)
    var writeDocs: String?

    func validate() throws {
        if inPlace && files.isEmpty { throw ValidationError("--in-place needs at least one FILE") }
        if inPlace && check { throw ValidationError("--in-place and --check cannot be combined") }
        let termRules = fixTerms ? [TermRewriter.forbiddenTermsRule, TermRewriter.casingRule] : []
        for name in disabledRuleNames where NormalizationRule(rawValue: name) == nil && !termRules.contains(name) {
            throw ValidationError(
                "unknown rule '\(name)' for --disable (rules: \(NormalizationRule.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let apostrophe, ApostropheStyle(argument: apostrophe) == nil {
            throw ValidationError("--apostrophe must be U+2019 or U+02BC, not '\(apostrophe)'")
        }
    }

    func run() throws {
        // docs/normalizer-rules, generated from the rules' descriptors (as `check --write-docs` does docs/checks).
        if let directory = writeDocs {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            for file in NormalizationRuleDocumentation.files() {
                try TextFile.writeAtomically(file.contents, to: (directory as NSString).appendingPathComponent(file.name))
            }
            return
        }
        let normalizer = try ArticleNormalizer(options: try options(settings: settingsFile.load()))
        // Read and validate everything before writing anything: bad input leaves no partial output. Files are
        // mapped, not copied; the normaliser reads them in place.
        var inputs: [(path: String, data: Data)] = []
        // Files read ahead while the command line was parsed come validated (the result is reported below, in order).
        var validated: [String: Int?] = [:]
        // And whether they hold a CR (else the normaliser looks).
        var carriageReturns: [String: Bool] = [:]
        if files.isEmpty {
            inputs.append(("<stdin>", FileHandle.standardInput.readDataToEndOfFile()))
        } else {
            for path in files {
                if let ahead = InputReadAhead.take(path) {
                    inputs.append((path, ahead.data))
                    validated[path] = .some(ahead.firstInvalidOffset)
                    carriageReturns[path] = ahead.hasCarriageReturn
                    continue
                }
                do {
                    let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
                    data.withUnsafeBytes(TextFile.prefault)
                    inputs.append((path, data))
                } catch {
                    throw InputError(path: path, message: Self.unreadableFileMessage(path: path, error: error))
                }
            }
        }
        for (path, data) in inputs {
            let invalid = validated[path] ?? data.withUnsafeBytes {
                UTF8Validation.firstInvalidOffset($0.bindMemory(to: UInt8.self), parts: ProcessInfo.processInfo.activeProcessorCount)
            }
            if let invalid { throw InputError(path: path, byteOffset: invalid, message: "invalid UTF-8") }
        }
        // Within each file, every few megabytes: a large file shows its progress too.
        let progress = ProgressMeter(
            command: "normalize", total: inputs.reduce(0) { $0 + $1.data.count }, unit: .bytes)
        // Writing the text needs no change list; building one costs more than the rewriting on messy text.
        let reporting = check || report != nil
        // Plain output goes to standard output as it is made (every input was validated above, and nothing fails
        // after that): no buffer the size of the file. Not to a terminal, where it would cross the progress meter.
        let streaming = !reporting && !inPlace && isatty(STDOUT_FILENO) == 0
        let results = inputs.map { input in
            let result = input.data.withUnsafeBytes {
                normalizer.normalize(
                    utf8Buffer: $0.bindMemory(to: UInt8.self), reporting: reporting,
                    progress: { progress.advance(by: $0) },
                    sink: streaming ? { StandardOutputWriter.write(buffer: $0) } : nil,
                    workers: threads ?? ProcessInfo.processInfo.activeProcessorCount, partSize: partSize.map { max($0, 1) },
                    gatherSink: { StandardOutputWriter.write(buffers: $0) },
                    hasCarriageReturn: carriageReturns[input.path])
            }
            return (path: input.path, result: result)
        }
        progress.finish()

        if check {
            if report == .json {
                StandardOutputWriter.write(NormalizationReport(results: results).json() + "\n")
            } else {
                var lines = ""
                for (path, result) in results {
                    for change in result.changes { lines += change.checkLine(path: path) + "\n" }
                }
                StandardOutputWriter.write(lines)
            }
            if results.contains(where: { $0.result.isChanged }) { throw ExitCode(ExitStatus.findings.rawValue) }
            return
        }
        if inPlace {
            for (path, result) in results where result.isChanged {
                try TextFile.writeAtomically(Data(result.utf8), to: path)
            }
        }
        if report == .json {
            StandardOutputWriter.write(NormalizationReport(results: results).json() + "\n")
        } else if !inPlace && !streaming {
            for (_, result) in results { StandardOutputWriter.write(bytes: result.utf8) }
        }
    }

    /// Why a FILE cannot be read; a missing file named like a rule is most likely a rule meant for --disable
    /// written with a space instead of a comma (`--disable quotes dashes`).
    static func unreadableFileMessage(path: String, error: any Error) -> String {
        let reason = (error as NSError).localizedDescription
        guard !FileManager.default.fileExists(atPath: path), NormalizationRule(rawValue: path) != nil else {
            return "cannot read file: \(reason)"
        }
        return "no such file ('\(path)' is a rule: to switch off several rules write --disable quotes,dashes "
            + "or repeat --disable)"
    }

    private var disabledRuleNames: [String] {
        disable.flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// Settings from .tlumach.yml, overridden by the flags given.
    private func options(settings: ProjectSettings) throws -> NormalizerOptions {
        let flags = NormalizeSettings(
            lang: lang, apostrophe: apostrophe.flatMap(ApostropheStyle.init(argument:)), englishDash: englishDash,
            disable: disable.isEmpty ? nil : disabledRuleNames)
        let rewriters: [any ParagraphRewriter] =
            fixTerms ? [TermRewriter(matcher: try glossary.loadMatcher(settings: settings))] : []
        return try NormalizeSettings.options(file: settings.file, flags: flags, rewriters: rewriters)
    }
}
