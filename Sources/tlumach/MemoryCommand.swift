import ArgumentParser
import Foundation
import TlumachCore
import TlumachMemory
import TlumachTMX

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tm",
        abstract: "Translation memory — import, export, search, concordance.",
        subcommands: [
            MemoryImport.self, MemoryExport.self, MemorySearchCommand.self, MemoryConcord.self, MemoryStats.self,
            MemoryReindex.self,
        ])
}

struct MemoryOptions: ParsableArguments {
    @Option(
        name: .customLong("tm"),
        help: ArgumentHelp(
            "The memory: a file (SQLite; created by the first import) or postgres://user@host:port/db?schema=NAME; default: $TLUMACH_TM, else tm: in .tlumach.yml.",
            valueName: "path"))
    var given: String?

    /// The memory's location: `--tm`, else `TLUMACH_TM`, else `tm:` in `.tlumach.yml`.
    var path: String {
        get throws {
            guard let location = try MemoryLocation.resolve(given) else {
                throw ValidationError("give --tm PATH, set TLUMACH_TM, or name the memory with tm: in .tlumach.yml")
            }
            return location
        }
    }

    /// The location as shown in messages (never a URL, which may carry a password).
    var shown: String {
        guard let location = try? path else { return "" }
        return MemoryLocation.shown(location)
    }

    func open(_ access: TranslationMemory.Access) throws -> any MemoryStore {
        try MemoryLocation.open(try path, access: access)
    }
}

enum MemoryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

extension DuplicatePolicy: ExpressibleByArgument {}

struct MemoryImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import TMX files (each in one transaction: a bad file changes nothing).")

    @OptionGroup var memory: MemoryOptions
    @Argument(help: "TMX files (1.4b or 1.1; UTF-8 or UTF-16 with BOM).") var files: [String]
    @Option(help: "Source language of a new memory (default: the file's srclang).") var sourceLang: String?
    @Option(help: "Target language of a new memory (default: the other language of the first unit).")
    var targetLang: String?
    @Option(
        help: "Same source and target already stored: newest (keep the later-dated unit, add missing languages), existing, incoming, both."
    )
    var onDuplicate: DuplicatePolicy = .newest

    func validate() throws {
        if (sourceLang == nil) != (targetLang == nil) {
            throw ValidationError("give both --source-lang and --target-lang, or neither")
        }
    }

    func run() throws {
        // Every file is checked for its format first: a PO or XLIFF given by mistake is named as such before
        // anything is created.
        for file in files { try ImportFormat.checkTMX(file) }
        for file in files {
            let progress = ProgressMeter.forImport(of: file)
            let started = Date()
            let summary: ImportSummary
            let sourceLanguage: String?
            do {
                // A new memory is built beside its path and appears only when this import succeeds.
                (summary, sourceLanguage) = try MemoryLocation.withStore(creatingAt: try memory.path) { tm in
                    let summary = try tm.guardedStore {
                        try tm.importTMX(
                            path: file, sourceLanguage: sourceLang, targetLanguage: targetLang,
                            onDuplicate: onDuplicate,
                            progress: progress.isEnabled ? { units, line in progress.update(done: line, shown: units) } : nil)
                    }
                    if tm.sourceLanguage == nil {
                        throw InputError(path: file, message: "no translation units: nothing imported, no memory created")
                    }
                    return (summary, tm.sourceLanguage)
                }
            } catch {
                progress.finish()
                throw error
            }
            progress.finish()
            let seconds = Date().timeIntervalSince(started)
            print(Self.describe(summary, file: file, sourceLanguage: sourceLanguage, policy: onDuplicate) + String(format: " (%.1f s)", seconds))
        }
    }

    /// One line saying exactly what happened to every unit read.
    static func describe(_ summary: ImportSummary, file: String, sourceLanguage: String?, policy: DuplicatePolicy) -> String {
        var line = "\(file): \(summary.read) units read, \(summary.added) added"
        if summary.merged > 0 {
            let fate =
                switch policy {
                case .newest: "merged into the unit kept (ids, props and notes recorded on it)"
                case .existing: "dropped (--on-duplicate existing)"
                case .incoming: "replaced the unit stored (--on-duplicate incoming)"
                case .both: "kept"
                }
            let changed = summary.merged - summary.identical
            line += ", \(summary.merged) duplicates (\(summary.mergedIntoStored) of units already stored, "
                + "\(summary.merged - summary.mergedIntoStored) within this import): \(summary.identical) identical to the unit kept"
            if changed > 0 { line += ", \(changed) \(fate)" }
        } else {
            line += ", 0 duplicates"
        }
        if summary.withoutSource > 0 {
            line += ", \(summary.withoutSource) without a \(sourceLanguage ?? "source") segment (kept, not searchable)"
        }
        return line
    }
}

struct MemoryExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Export the memory as TMX 1.4b.")

    @OptionGroup var memory: MemoryOptions
    @Option(help: "The TMX file to write (replaced atomically).") var out: String
    @Option(help: "Only these languages, comma-separated (e.g. uk,en).") var langs: String?
    @Flag(help: "Leave out units a damaged memory cannot give back, and list them, instead of stopping.")
    var skipDamaged = false

    func run() throws {
        let store = try memory.open(.read)
        let languages = langs.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        var summary: (written: Int, skipped: [Int64])
        if let tm = store as? TranslationMemory {
            let exported = try tm.guarded { try tm.export(to: out, languages: languages, skipDamaged: skipDamaged) }
            summary = (exported.written, exported.skipped)
        } else {
            // A server's database has no damaged pages to skip: its own checks stop an unreadable row.
            if skipDamaged {
                throw InputError(
                    path: memory.shown,
                    message: "--skip-damaged is for SQLite memory files; a PostgreSQL server checks its own pages (export without it)")
            }
            summary = (try store.guardedStore { try store.export(to: out, languages: languages) }, [])
        }
        printError("\(out): \(summary.written) units written")
        if !summary.skipped.isEmpty {
            printError(
                "tlumach: \(memory.shown): \(summary.skipped.count) damaged units left out: "
                    + summary.skipped.prefix(20).map { "#\($0)" }.joined(separator: ", ")
                    + (summary.skipped.count > 20 ? ", …" : ""))
            throw ExitCode(ExitStatus.findings.rawValue)
        }
    }
}

struct MemorySearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Fuzzy search: units whose source is similar to the query (OmegaT-compatible scores).")

    @OptionGroup var memory: MemoryOptions
    @Option(help: "Lowest score to show, 1–100 (compared with the stem score).") var min: Double = 70
    @Option(help: "Most matches per query.") var limit: Int = 5
    @Option(help: "text or json (default: text; JSON lines with --batch).") var format: MemoryFormat?
    @Option(help: "A file of queries, one a line; prints one JSON object a line, in order.") var batch: String?
    @Argument(help: "The query text.") var query: [String] = []

    func validate() throws {
        guard (1...100).contains(min) else { throw ValidationError("--min must be between 1 and 100") }
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        if batch == nil && query.isEmpty { throw ValidationError("give a QUERY or --batch FILE") }
        if batch != nil && !query.isEmpty { throw ValidationError("give a QUERY or --batch FILE, not both") }
    }

    func run() throws {
        let tm = try memory.open(.read)
        try tm.guardedStore { try search(tm) }
    }

    private func search(_ tm: any MemoryStore) throws {
        var output = StandardOutput()
        if let batch {
            let text = try TextFile.read(batch)
            var queries = text.split(separator: "\n", omittingEmptySubsequences: false).map {
                $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
            }
            if queries.last == "" { queries.removeLast() }
            // Loading the whole index pays off from a few hundred queries on; below that read per query.
            let searcher = try tm.fuzzySearcher(preload: queries.count >= 200)
            // In chunks: a store that pays per round trip (PostgreSQL) answers a chunk in a few.
            for start in stride(from: 0, to: queries.count, by: 500) {
                let chunk = Array(queries[start..<Swift.min(start + 500, queries.count)])
                for (query, matches) in zip(chunk, try searcher.search(batch: chunk, minimum: min, limit: limit)) {
                    if format == .text {
                        output.write(MemoryText.matches(query: query, matches))
                    } else {
                        output.write(MemoryJSON.result(query: query, matches) + "\n")
                    }
                }
            }
        } else {
            let text = query.joined(separator: " ")
            let matches = try tm.fuzzySearcher(preload: false).search(text, minimum: min, limit: limit)
            if format == .json {
                output.write(MemoryJSON.result(query: text, matches) + "\n")
            } else {
                output.write(MemoryText.matches(query: text, matches))
            }
        }
        output.flush()
    }
}

struct MemoryConcord: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concord",
        abstract: "Concordance: units containing a word or words (any inflection) in source or target.")

    @OptionGroup var memory: MemoryOptions
    @Option(help: "Most units to show.") var limit: Int = 20
    @Option(help: "text or json.") var format: MemoryFormat = .text
    @Argument(help: "The word(s) to find.") var words: [String]

    func run() throws {
        let tm = try memory.open(.read)
        try tm.guardedStore { try concord(tm) }
    }

    private func concord(_ tm: any MemoryStore) throws {
        let phrase = words.joined(separator: " ")
        let (total, hits) = try tm.concordance(phrase, limit: limit)
        var output = StandardOutput()
        switch format {
        case .json:
            output.write(MemoryJSON.concordance(query: phrase, total: total, hits) + "\n")
        case .text:
            for hit in hits {
                let source = MemoryText.oneLine(MemoryText.marked(hit.source, hit.sourceMatches))
                let target = MemoryText.oneLine(MemoryText.marked(hit.target, hit.targetMatches))
                output.write("#\(hit.id)  \(source)\n")
                output.write("\(String(repeating: " ", count: "#\(hit.id)  ".count))\(target)\n")
            }
            output.write("\(total) unit\(total == 1 ? " contains" : "s contain") \"\(phrase)\"\(total > hits.count ? " (showing \(hits.count); --limit for more)" : "")\n")
        }
        output.flush()
    }
}

struct MemoryStats: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Figures about a memory.")

    @OptionGroup var memory: MemoryOptions
    @Option(help: "text or json.") var format: MemoryFormat = .text
    @Flag(help: "Also check the memory's integrity and its index; exit 1 if anything is wrong.") var verify = false

    func run() throws {
        let store = try memory.open(.read)
        let stats = try store.guardedStore { try store.statistics() }
        var problems: [String] = []
        if verify {
            problems = try store.guardedStore { try store.verify() }
        }
        defer {
            for problem in problems { printError("tlumach: \(memory.shown): \(problem)") }
        }
        let languages = stats.languages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        var output = StandardOutput()
        switch format {
        case .json:
            output.write(MemoryJSON.statistics(stats, problems: verify ? problems : nil) + "\n")
        case .text:
            output.write("""
                memory:     \(stats.path) (schema \(stats.schemaVersion), \(stats.fileBytes) bytes)
                languages:  \(stats.sourceLanguage ?? "?") → \(stats.targetLanguage ?? "?")
                units:      \(stats.units) (\(stats.unitsWithoutSource) without source text, \(stats.unitsWithoutTarget) without target)
                by language: \(languages.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
                vocabulary: \(stats.vocabulary) words and stems
                imports:    \(stats.imports)\(stats.lastImport.map { ", last \($0)" } ?? "")
                created:    \(stats.created ?? "-")

                """)
            if verify { output.write(problems.isEmpty ? "verified:   ok\n" : "verified:   \(problems.count) problems\n") }
        }
        output.flush()
        if !problems.isEmpty { throw ExitCode(ExitStatus.findings.rawValue) }
    }
}

struct MemoryReindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the search index with this Tlumach's tokenisers and stemmers (units are untouched).")

    @OptionGroup var memory: MemoryOptions

    func run() throws {
        // Refused before connecting: opening a PostgreSQL memory for writing would create or upgrade its schema.
        guard !MemoryLocation.isURL(try memory.path), let tm = try memory.open(.write) as? TranslationMemory else {
            throw InputError(path: memory.shown, message: "reindex works on an SQLite memory file only (not yet on PostgreSQL)")
        }
        let count = try tm.guarded {
            try tm.reindex()
            return try tm.count()
        }
        printError("\(try memory.path): \(count) units reindexed")
    }
}

// MARK: Output

/// Buffered standard output (many small writes are slow through FileHandle).
struct StandardOutput {
    private var buffer = Data()

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        FileHandle.standardOutput.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }
}

enum MemoryText {
    static func percent(_ score: Double) -> String { "\(Int(score.rounded(.down)))%" }

    static func matches(query: String, _ matches: [MemoryMatch]) -> String {
        guard !matches.isEmpty else { return "no match for: \(query)\n" }
        var out = ""
        for (rank, match) in matches.enumerated() {
            var heading = "\(rank + 1). \(percent(match.score))"
            if match.stemScore != match.score { heading += " (stems \(percent(match.stemScore)))" }
            heading += "  #\(match.id)"
            if let tuid = match.tuid { heading += " tuid=\(tuid)" }
            out += heading + "\n"
            out += "   source: \(oneLine(match.source))\n"
            out += "   target: \(oneLine(match.target))\n"
            if match.diff != match.source { out += "   diff:   \(oneLine(match.diff))\n" }
            if !match.numbersOnlyInQuery.isEmpty || !match.numbersOnlyInMatch.isEmpty {
                out += "   numbers differ: query has \(list(match.numbersOnlyInQuery)), match has \(list(match.numbersOnlyInMatch))\n"
            }
            if match.sourceCodes > 0 { out += "   tags: the match has \(match.sourceCodes) inline code\(match.sourceCodes == 1 ? "" : "s")\n" }
        }
        return out
    }

    private static func list(_ items: [String]) -> String { items.isEmpty ? "none" : items.joined(separator: " ") }

    /// Keeps each field on one line: line breaks and tabs inside a segment are shown as escapes.
    static func oneLine(_ text: String) -> String {
        text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\t", with: "\\t")
    }

    /// `text` with the UTF-16 `ranges` in brackets.
    static func marked(_ text: String, _ ranges: [Range<Int>]) -> String {
        let utf16 = Array(text.utf16)
        var out: [UInt16] = []
        var position = 0
        for range in ranges {
            out += utf16[position..<range.lowerBound]
            out += Array("[".utf16) + utf16[range] + Array("]".utf16)
            position = range.upperBound
        }
        out += utf16[position...]
        return String(decoding: out, as: UTF16.self)
    }
}
