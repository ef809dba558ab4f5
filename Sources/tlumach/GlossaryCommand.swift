import ArgumentParser
import Foundation
import TlumachConfig
import TlumachCore
import TlumachGlossary

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "glossary", abstract: "Lint, convert and count glossaries.",
        subcommands: [Lint.self, Convert.self, Stats.self, GlossarySuggest.self, GlossaryExtract.self])

    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Check glossaries: duplicate or conflicting terms, missing replacements, unknown fields, casing conflicts. Exit 1 on errors, 2 on unreadable files.")
        @Argument(help: "Glossary files or folders (default: glossaries/ or .tlumach.yml).") var paths: [String] = []
        @OptionGroup var output: FormatOption
        var format: OutputFormat { output.format }

        func run() throws {
            let sources = paths.isEmpty ? try ProjectSettings.current().requiredGlossaryPaths() : paths
            let issues = try GlossaryLint.lint(paths: sources)
            let errors = issues.filter { $0.severity == .error }.count
            switch format {
            case .text:
                for issue in issues { print(issue) }
                let files = try Glossary.expand(sources).count
                printError("\(files) file(s): \(errors) error(s), \(issues.count - errors) warning(s)")
            case .json:
                let list = issues.map { issue -> JSON in
                    .object([
                        ("severity", .string(issue.severity.rawValue)), ("file", .string(issue.path)),
                        ("line", issue.line.map { .int($0) } ?? .null), ("column", issue.column.map { .int($0) } ?? .null),
                        ("concept", issue.conceptID.map { .string($0) } ?? .null), ("message", .string(issue.message)),
                    ])
                }
                print(JSON.object([("issues", .array(list))]).rendered())
            }
            if errors > 0 { throw ExitCode(ExitStatus.findings.rawValue) }
        }
    }

    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "convert",
            abstract: "Convert a glossary between formats, chosen by extension (.yaml, .tbx, .csv, .tsv).")
        @Argument(help: "Input glossary file.") var input: String
        @Argument(help: "Output file (written atomically).") var output: String
        @Option(help: "TBX version to write: 2 (martif) or 3 (ISO 30042:2019).") var tbxVersion: Int = 3
        @Flag(help: "Write even when the output format cannot hold everything the input has (the losses are listed).") var lossy = false

        func run() throws {
            guard tbxVersion == 2 || tbxVersion == 3 else {
                throw ValidationError("--tbx-version must be 2 or 3")
            }
            let file = try Glossary.readFile(input)
            let format = GlossaryFormat(path: output)
            var losses: [String] = []
            switch format {
            case .csv, .tsv: losses = GlossaryCSV.losses(file.concepts, info: file.info)
            case .tbx: losses = GlossaryCSV.losses([], info: file.info)
            case .yaml, nil: break
            }
            if !losses.isEmpty && !lossy {
                throw InputError(
                    path: output,
                    message: "not written: \(format?.rawValue ?? "this format") cannot hold \(losses.count) thing(s) of \(input) (pass --lossy to write anyway):\n  "
                        + losses.prefix(20).joined(separator: "\n  ") + (losses.count > 20 ? "\n  …" : ""))
            }
            try Glossary.write(file.concepts, to: output, info: file.info, tbxVersion: tbxVersion)
            let terms = file.concepts.reduce(0) { $0 + $1.terms.values.reduce(0) { $0 + $1.count } }
            var kept = losses.isEmpty ? "every field of every concept kept" : "lost: " + losses.joined(separator: "; ")
            if format != .yaml && (file.info.name != nil || file.info.description != nil) { kept += " (not the file's name and description)" }
            printError("\(input) → \(output): \(file.concepts.count) concept(s), \(terms) term(s); \(kept)")
        }
    }

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats", abstract: "Count concepts and terms by language, status and type.")
        @Argument(help: "Glossary files or folders (default: glossaries/ or .tlumach.yml).") var paths: [String] = []
        @OptionGroup var output: FormatOption
        var format: OutputFormat { output.format }

        func run() throws {
            let settings = try ProjectSettings.current()
            let glossary = try Glossary.load(
                paths: paths.isEmpty ? try settings.requiredGlossaryPaths() : paths, profiles: settings.glossaryProfiles,
                cache: GlossaryCache.forCommandLine())
            let stats = GlossaryStats(glossary)
            func sorted(_ counts: [String: Int]) -> [(String, Int)] { counts.sorted { $0.key < $1.key } }
            switch format {
            case .text:
                print("files: \(stats.files)")
                print("concepts: \(stats.concepts)")
                print("terms: \(stats.termsByLanguage.values.reduce(0, +)) (multiword: \(stats.multiword))")
                print("by language: " + glossary.languages.map { "\($0) \(stats.termsByLanguage[$0] ?? 0)" }.joined(separator: ", "))
                print("by status: " + sorted(stats.termsByStatus).map { "\($0.0) \($0.1)" }.joined(separator: ", "))
                print("by type: " + sorted(stats.termsByType).map { "\($0.0) \($0.1)" }.joined(separator: ", "))
            case .json:
                func object(_ counts: [String: Int]) -> JSON { .object(sorted(counts).map { ($0.0, .int($0.1)) }) }
                print(
                    JSON.object([
                        ("files", .int(stats.files)), ("concepts", .int(stats.concepts)),
                        ("terms", .int(stats.termsByLanguage.values.reduce(0, +))), ("multiword", .int(stats.multiword)),
                        ("byLanguage", object(stats.termsByLanguage)), ("byStatus", object(stats.termsByStatus)),
                        ("byType", object(stats.termsByType)),
                    ]).rendered())
            }
        }
    }
}

/// A small ordered JSON value for the commands' documented output contracts.
indirect enum JSON {
    case string(String), int(Int), bool(Bool), null
    case array([JSON])
    case object([(String, JSON)])

    func rendered() -> String {
        switch self {
        case .string(let text): return JSON.quote(text)
        case .int(let value): return String(value)
        case .bool(let value): return value ? "true" : "false"
        case .null: return "null"
        case .array(let items): return "[" + items.map { $0.rendered() }.joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSON.quote($0.0) + ":" + $0.1.rendered() }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String { JSONText.quoted(text) }
}
