import ArgumentParser
import Foundation
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachLeverage
import TlumachMemory

enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, csv
}

/// Opens the memory and the inputs shared by `pretranslate` and `analyze`; bad input throws `InputError` (exit 2).
private func openLeverage(files: [String], memory options: MemoryOptions) throws -> (Leverager, [LeverageInput]) {
    let memory = try options.open(.read)
    guard let source = memory.sourceLanguage, let target = memory.targetLanguage else {
        throw InputError(path: options.shown, message: "the memory is empty (import a TMX file first)")
    }
    let inputs = try files.map { try LeverageInput.read($0) }
    for input in inputs { try input.checkLanguages(memorySource: source, memoryTarget: target) }
    // A preloaded index pays off from a few hundred distinct sources.
    let distinct = Set(inputs.flatMap { input in input.segments.map { input.document.units[$0].source } }).count
    return (try Leverager(memory: memory, preload: distinct >= 300), inputs)
}

/// A one-line count on standard error while segments are matched, only when standard error is a terminal (the
/// shared progress meter of the other commands is not used here yet).
private final class SegmentProgress {
    let total: Int
    var done = 0
    var lastShown = Date.distantPast

    init?(label: String, total: Int) {
        guard isatty(STDERR_FILENO) != 0, total >= 2000 else { return nil }
        self.total = total
    }

    func step() {
        done += 1
        let now = Date()
        guard now.timeIntervalSince(lastShown) > 0.2 else { return }
        lastShown = now
        FileHandle.standardError.write(Data("\r\u{1B}[Kmatching: \(done)/\(total) segments (\(done * 100 / max(1, total))%)".utf8))
    }

    func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

struct PretranslateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pretranslate",
        abstract: "Fill targets from a translation memory (exact, in-context, optionally fuzzy), in place or into a folder.",
        discussion: """
            XLIFF 1.2/2.0, PO/POT (a POT becomes a PO for the memory's target language) and bilingual TSV. Only the \
            units filled change; every other byte of the file stays as it was. See docs/leverage.md.
            """)

    @Argument(help: "Files to fill (.xlf/.xliff, .po/.pot, .tsv).") var files: [String]
    @OptionGroup var memory: MemoryOptions
    @Option(help: "Lowest fuzzy match percent to use with --fuzzy (50–100).") var min: Int = 75
    @Flag(help: "Also fill fuzzy matches, marked for review.") var fuzzy = false
    @Flag(help: "Replace targets that are already there.") var overwrite = false
    @Option(help: "A glossary (file or folder); filled targets with a term conflict are marked for review.")
    var glossary: [String] = []
    @Option(help: "Write each result under its own file name in this folder.") var output: String?
    @Flag(help: "Replace each file (atomically: a temporary file, then a rename).") var inPlace = false

    func validate() throws {
        if (output == nil) == !inPlace {
            throw ValidationError("give either --output DIR or --in-place")
        }
        if !(50...100).contains(min) { throw ValidationError("--min must be between 50 and 100") }
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        if inPlace, let template = files.first(where: { $0.lowercased().hasSuffix(".pot") }) {
            throw InputError(path: template, message: "a POT becomes a PO: use --output DIR rather than --in-place")
        }
        if let output {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: output, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw InputError(path: output, message: "--output must be an existing folder")
            }
        }
        for missing in glossary where !FileManager.default.fileExists(atPath: missing) {
            throw InputError(path: missing, message: "glossary not found")
        }
        let (leverager, inputs) = try openLeverage(files: files, memory: memory)
        var options = PretranslateOptions()
        options.minimum = Double(min)
        options.fuzzy = fuzzy
        options.overwrite = overwrite
        options.origin = "tlumach:" + MemoryLocation.name(try memory.path)
        let gate = glossary.isEmpty
            ? nil
            : try TermGate(
                glossaries: glossary, profiles: ProjectSettings.current().glossaryProfiles, cache: GlossaryCache.forCommandLine(),
                sourceLanguage: leverager.memory.sourceLanguage ?? "",
                targetLanguage: leverager.memory.targetLanguage ?? "")
        let pretranslator = Pretranslator(leverager: leverager, options: options, gate: gate)
        let progress = SegmentProgress(label: "pretranslate", total: inputs.reduce(0) { $0 + $1.segments.count })
        // Everything is computed before anything is written: a refused file leaves every file as it was.
        var results: [(path: String, bytes: [UInt8])] = []
        for input in inputs {
            let fills = try pretranslator.fills(for: input, progress: progress.map { bar in { bar.step() } })
            let bytes = try pretranslator.write(input, fills: fills)
            var destination = input.path
            if let output {
                var name = (input.path as NSString).lastPathComponent
                if input.isTemplate { name = (name as NSString).deletingPathExtension + ".po" }
                destination = (output as NSString).appendingPathComponent(name)
            }
            results.append((destination, bytes))
        }
        progress?.clear()
        for result in results { try TextFile.writeAtomically(Data(result.bytes), to: result.path) }
        for note in pretranslator.notes { printError("tlumach: " + note) }
        printError("tlumach: pretranslate: " + pretranslator.summary.line)
    }
}

struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Count segments, words and characters per match band against a translation memory.",
        discussion: """
            Bands: repetitions, 101% (in context), 100%, 95–99%, 85–94%, 75–84%, 50–74%, no match; per file and in \
            total. Word counting and scores: docs/leverage.md.
            """)

    @Argument(help: "Files to analyse (.xlf/.xliff, .po/.pot, .tsv).") var files: [String]
    @OptionGroup var memory: MemoryOptions
    @Option(help: "text, json or csv.") var format: AnalysisFormat = .text

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one file") }
    }

    func run() throws {
        let (leverager, inputs) = try openLeverage(files: files, memory: memory)
        let progress = SegmentProgress(label: "analyze", total: inputs.reduce(0) { $0 + $1.segments.count })
        let report = try Analyzer.analyze(inputs, leverager: leverager, progress: progress.map { bar in { _, _ in bar.step() } })
        progress?.clear()
        switch format {
        case .text: print(report.text(), terminator: "")
        case .json: print(report.json(), terminator: "")
        case .csv: print(report.csv(), terminator: "")
        }
    }
}
