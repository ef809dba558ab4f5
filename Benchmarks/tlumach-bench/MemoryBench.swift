// Memory benchmarks: import, indexed fuzzy search against brute force, cold CLI search, peak memory.
// `swift run -c release tlumach-bench memory [memory-units=N] [memory-queries=Q]` (default 100,000 units; the
// figures in docs/performance/memory.md are at 1,000,000).
import TlumachCore
import Foundation
import TlumachMemory
import TlumachTMX

private func argument(_ name: String, default value: Int) -> Int {
    for argument in CommandLine.arguments where argument.hasPrefix(name + "=") {
        if let number = Int(argument.dropFirst(name.count + 1)) { return number }
    }
    return value
}

/// Peak resident memory of this process so far, in MB.
private func peakMemoryMB() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

/// CPU seconds (user + system, all threads) used by this process so far.
private func cpuSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
        + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
}

/// A newsroom-like corpus: a Zipf-distributed vocabulary of made-up Cyrillic words, sentences of 4–30 words, a
/// number in some, and a share of near-duplicates (how real memories look: many sentences differ by a word).
private struct CorpusGenerator {
    var random = SeededGenerator(seed: 2024)
    let ukrainian: [String]
    let english: [String]
    let cumulative: [Double]

    init(vocabulary: Int = 60_000) {
        var random = SeededGenerator(seed: 7)
        let syllables = ["ко", "ра", "ні", "ст", "ва", "ли", "до", "ми", "пе", "ре", "за", "ти", "на", "по", "ці", "ба",
                         "жи", "ус", "ен", "ор", "ів", "ок", "ят", "лю", "ще", "ий", "ою", "ам"]
        let latin = ["ka", "ro", "ne", "st", "va", "li", "do", "mi", "pe", "re", "za", "ti", "na", "po", "ce", "ba"]
        var seen = Set<String>()
        var uk: [String] = []
        while uk.count < vocabulary {
            let word = (0..<Int.random(in: 1...4, using: &random)).map { _ in syllables.randomElement(using: &random)! }
                .joined()
            if seen.insert(word).inserted { uk.append(word) }
        }
        ukrainian = uk
        english = (0..<vocabulary).map { index in
            var word = ""
            var value = index + 1
            while value > 0 {
                word += latin[value % latin.count]
                value /= latin.count
            }
            return word
        }
        var total = 0.0
        cumulative = (1...vocabulary).map { rank in
            total += 1 / pow(Double(rank), 1.05)
            return total
        }
    }

    mutating func word() -> Int {
        let target = Double.random(in: 0..<(cumulative.last ?? 1), using: &random)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] < target { low = middle + 1 } else { high = middle }
        }
        return low
    }

    mutating func sentence() -> [Int] {
        (0..<Int.random(in: 4...30, using: &random)).map { _ in word() }
    }

    mutating func text(_ words: [Int], english: Bool = false) -> String {
        var parts = words.map { english ? self.english[$0] : ukrainian[$0] }
        if let first = parts.first { parts[0] = first.prefix(1).uppercased() + first.dropFirst() }
        if Int.random(in: 0..<4, using: &random) == 0 {
            parts.insert(String(Int.random(in: 1...2030, using: &random)), at: parts.count / 2)
        }
        return parts.joined(separator: " ") + "."
    }

    /// A sentence a translator might type next: a stored one with one to three words changed, dropped or added.
    mutating func variant(of words: [Int]) -> [Int] {
        var result = words
        for _ in 0..<Int.random(in: 1...3, using: &random) {
            let position = Int.random(in: 0..<max(1, result.count), using: &random)
            switch Int.random(in: 0..<3, using: &random) {
            case 0: result.insert(word(), at: min(position, result.count))
            case 1: if result.count > 1 { result.remove(at: position) }
            default: if position < result.count { result[position] = word() }
            }
        }
        return result
    }
}

func memoryBenchmarks() throws {
    let unitCount = argument("memory-units", default: 100_000)
    let queryCount = argument("memory-queries", default: 1000)
    let bruteForceCount = argument("memory-bruteforce", default: min(200, queryCount))
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-bench-\(getpid())")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    // memory-keep=1 leaves the corpus and the store for inspection.
    let keep = argument("memory-keep", default: 0) != 0
    defer { if !keep { try? FileManager.default.removeItem(at: directory) } else { print("memory.kept: \(directory.path)") } }
    let tmxPath = directory.appendingPathComponent("memory.tmx").path
    let storePath = directory.appendingPathComponent("memory.tmdb").path

    // 1. Corpus: one TMX file, written in pieces so generation stays in bounded memory.
    var generator = CorpusGenerator()
    var kept: [[Int]] = []
    var generationStart = Date()
    do {
        let writer = try TMXFileWriter(path: tmxPath, header: TMXHeader.tlumach(sourceLanguage: "uk"))
        var previous: [Int] = []
        for index in 0..<unitCount {
            // One unit in five is a near-duplicate of the one before, as in real memories.
            let words = index % 5 == 4 ? generator.variant(of: previous) : generator.sentence()
            previous = words
            if index % max(1, unitCount / 5000) == 0 { kept.append(words) }
            let unit = TMXUnit(
                attributes: ["tuid": "u\(index)", "creationdate": "20240101T000000Z"],
                variants: [
                    TMXVariant(language: "uk", segment: TMXSegment(text: generator.text(words))),
                    TMXVariant(language: "en", segment: TMXSegment(text: generator.text(words, english: true))),
                ])
            try writer.write(unit)
        }
        try writer.finish()
    }
    let fileSize = (try FileManager.default.attributesOfItem(atPath: tmxPath)[.size] as? Int) ?? 0
    print("memory.corpus: \(unitCount) units, \(fileSize / 1_000_000) MB TMX, generated in "
        + String(format: "%.1f s", Date().timeIntervalSince(generationStart)))

    // 1b. The floor the XML parser sets: reading the file into units and nothing else.
    var parsed = 0
    let parseStart = Date()
    let parseCPU = cpuSeconds()
    try TMXReader.read(path: tmxPath) { _, _ in parsed += 1 }
    report("memory.parse_only", Double(parsed) / Date().timeIntervalSince(parseStart), "units/s (TMX → units, one thread)")
    report("memory.parse_only_cpu", cpuSeconds() - parseCPU, "CPU s")

    // 1c. Parsing plus what the parsing thread does for each unit (serialise, tokenise both sides, stem).
    // Stemming is measured apart: the import caches stems per thread, this loop does not.
    let ukTokenizer = try MemoryTokenizer(language: "uk", stemmer: IdentityStemmer())
    let enTokenizer = try MemoryTokenizer(language: "en", stemmer: IdentityStemmer())
    let prepareStart = Date()
    let prepareCPU = cpuSeconds()
    var words = 0
    try TMXReader.read(path: tmxPath) { unit, _ in
        _ = TMXWriter.xml(for: unit)
        words += ukTokenizer.analyze(unit.variants[0].segment.plainText).words.count
        words += enTokenizer.analyze(unit.variants[1].segment.plainText).words.count
    }
    report("memory.parse_and_tokenise", Double(parsed) / Date().timeIntervalSince(prepareStart), "units/s (one thread, without stemming)")
    report("memory.parse_and_tokenise_cpu", cpuSeconds() - prepareCPU, "CPU s (\(words) words)")

    // 2. Import (one transaction, release build, from the TMX file).
    generationStart = Date()
    let cpuBefore = cpuSeconds()
    let memory = try TranslationMemory.open(path: storePath)
    // When the writer has stored the last unit: what follows (index chunks, vocabulary, commit) runs on one thread.
    var lastUnitStored = (wall: Date(), cpu: 0.0)
    let summary = try memory.importTMX(path: tmxPath) { units, _ in
        if units == unitCount { lastUnitStored = (Date(), cpuSeconds()) }
    }
    let importSeconds = Date().timeIntervalSince(generationStart)
    let importCPU = cpuSeconds() - cpuBefore
    report("memory.import_finish", Date().timeIntervalSince(lastUnitStored.wall), "s (after the last unit: postings, vocabulary, commit)")
    report("memory.import_finish_cpu", cpuSeconds() - lastUnitStored.cpu, "CPU s")
    report("memory.import", Double(summary.added) / importSeconds, "units/s (wall clock)")
    report("memory.import_total", importSeconds, "s")
    report("memory.import_cpu", importCPU, "CPU s (both threads; wall/CPU shows how much the machine was shared)")
    let storeSize = (try FileManager.default.attributesOfItem(atPath: storePath)[.size] as? Int) ?? 0
    report("memory.store_size", Double(storeSize) / 1e6, "MB")
    report("memory.peak_rss_after_import", peakMemoryMB(), "MB")

    // 3. Queries: stored sentences with one to three edits, and a tenth unrelated sentences.
    var queries: [String] = []
    for index in 0..<queryCount {
        let words = index % 10 == 9 ? generator.sentence() : generator.variant(of: kept[index % kept.count])
        queries.append(generator.text(words))
    }

    // 4. Batch search: the whole index loaded once.
    var loadStart = Date()
    let searcher = try memory.searcher(preload: true)
    report("memory.index_load", Date().timeIntervalSince(loadStart) * 1000, "ms")
    report("memory.peak_rss_after_load", peakMemoryMB(), "MB")
    var timings: [Double] = []
    var found = 0
    for query in queries {
        let start = DispatchTime.now().uptimeNanoseconds
        let hits = try searcher.rank(query, minimum: 70, limit: 5)
        timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if !hits.isEmpty { found += 1 }
    }
    timings.sort()
    // memory-queries=0 builds a memory only (scripts/bench-import-real.sh).
    guard !timings.isEmpty else { return }
    report("memory.batch_search_median", timings[timings.count / 2], "ms/query")
    report("memory.batch_search_p90", timings[timings.count * 9 / 10], "ms/query")
    report("memory.batch_search_max", timings.last ?? 0, "ms/query")
    print("memory.queries_with_match: \(found) of \(queries.count) (min 70)")
    // Full results (text, diff, numbers), as `tm search --batch` prints them.
    loadStart = Date()
    for query in queries { _ = try searcher.search(query, minimum: 70, limit: 5) }
    report("memory.batch_search_with_details", Date().timeIntervalSince(loadStart) * 1000 / Double(queries.count), "ms/query mean")

    // 5. Same top 5 as brute force, which also gives the brute-force time per query.
    var identical = 0
    var bruteTimings: [Double] = []
    for query in queries.prefix(bruteForceCount) {
        let start = DispatchTime.now().uptimeNanoseconds
        let reference = try searcher.rankExhaustively(query, minimum: 70, limit: 5)
        bruteTimings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        if try searcher.rank(query, minimum: 70, limit: 5) == reference { identical += 1 }
    }
    bruteTimings.sort()
    print("memory.top5_identical_to_brute_force: \(identical) of \(bruteTimings.count)")
    if !bruteTimings.isEmpty { report("memory.brute_force_median", bruteTimings[bruteTimings.count / 2], "ms/query") }

    // 6. Searching without preloading (what a single CLI query does), in process.
    let cold = try TranslationMemory.open(path: storePath, create: false).searcher(preload: false)
    timings = []
    for query in queries.prefix(200) {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try cold.search(query, minimum: 70, limit: 5)
        timings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    timings.sort()
    report("memory.stored_search_median", timings[timings.count / 2], "ms/query")
    report("memory.peak_rss", peakMemoryMB(), "MB")

    // 7. A cold CLI search: a new process opening the store, when the tlumach binary sits beside this one.
    let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("tlumach")
    if FileManager.default.isExecutableFile(atPath: binary.path) {
        var cliTimings: [Double] = []
        for query in queries.prefix(11) {
            let process = Process()
            process.executableURL = binary
            process.arguments = ["tm", "search", "--tm", storePath, query]
            process.standardOutput = FileHandle.nullDevice
            let start = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            cliTimings.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        cliTimings.sort()
        report("memory.cli_search_median", cliTimings[cliTimings.count / 2], "ms (new process, store opened)")
        report("memory.cli_search_max", cliTimings.last ?? 0, "ms")
    }
}
