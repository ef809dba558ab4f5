// Glossary benchmarks: compiling a 10,000-concept glossary, and scanning Ukrainian text for terms (the work of
// `tlumach terms --format summary`). Deterministic generated data; figures in docs/PERFORMANCE.md.
//
// Environment:
// - TLUMACH_BENCH_GLOSSARY_WRITE=DIR writes the generated glossary (DIR/glossary-10k.yaml) and both corpora
//   (DIR/news.txt, DIR/dense.txt) for timing the CLI, and exits.
// - TLUMACH_BENCH_GLOSSARY=cold runs only the first passes (cold token cache), e.g. for profiling;
//   TLUMACH_BENCH_GLOSSARY=shipped only the shipped glossaries' runs.
import TlumachCore
import Foundation
import TlumachGlossary

/// Best CPU time of this thread over `repetitions` runs: on a shared machine, waiting for a core is not counted.
private func bestThreadCPUTime(repetitions: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repetitions {
        var start = timespec()
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        body()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
    }
    return best
}

func glossaryBenchmarks() throws {
    var random = SeededGenerator(seed: 2024)
    let syllables = ["ко", "ра", "ні", "ст", "ва", "ли", "по", "ме", "ди", "та", "кра", "ї", "ну", "зо", "ві", "ти", "ро", "ша", "че", "бу", "де", "гу", "жи", "ми", "лю", "пра", "сто", "хі"]
    let endings = ["", "а", "у", "і", "ом", "ів", "ами", "ах", "ий", "ого", "ому", "им", "ої", "ою", "и"]
    func word(_ generator: inout SeededGenerator) -> String {
        let count = Int.random(in: 2...4, using: &generator)
        return (0..<count).map { _ in syllables.randomElement(using: &generator)! }.joined()
    }

    // 10,000 concepts, 1–3 words per term, Ukrainian and English terms, some abbreviations.
    var concepts: [Concept] = []
    var termTexts: [String] = []
    for index in 0..<10_000 {
        let words = (0..<Int.random(in: 1...3, using: &random)).map { _ in word(&random) }
        let uk = words.joined(separator: " ")
        termTexts.append(uk)
        var terms: [String: [Term]] = [
            "uk": [Term(text: uk)],
            "en": [Term(text: "term number \(index) of the generated glossary")],
        ]
        if index % 10 == 0 { terms["uk"]?.append(Term(text: "АБ\(index)")) }
        concepts.append(Concept(id: "c\(index)", terms: terms))
    }
    let glossary = Glossary(concepts: concepts)
    let writeDirectory = ProcessInfo.processInfo.environment["TLUMACH_BENCH_GLOSSARY_WRITE"]
    let coldOnly = ProcessInfo.processInfo.environment["TLUMACH_BENCH_GLOSSARY"] == "cold"
    let shippedOnly = ProcessInfo.processInfo.environment["TLUMACH_BENCH_GLOSSARY"] == "shipped"
    if let writeDirectory {
        try FileManager.default.createDirectory(atPath: writeDirectory, withIntermediateDirectories: true)
        try Glossary.write(concepts, to: writeDirectory + "/glossary-10k.yaml")
    }
    var matcher: TermMatcher?
    let compile = try bestTime(repetitions: 5) { matcher = try TermMatcher(glossary: glossary) }
    report("glossary.compile_10k_concepts", compile * 1000, "ms")
    guard let matcher else { return }

    // Two Ukrainian corpora of about 32 MB each, glossary terms (inflected) in one sentence in three:
    // - "news": 45% of tokens are frequent function words of Ukrainian news, the rest content words drawn Zipf
    //   (log-uniform rank) from 40,000 stems × 15 endings = 600,000 word forms, as natural text repeats forms;
    // - "dense": content words only, drawn much flatter and with no function words: the worst case for the cache.
    let functionWords = "і в на що з не у до за про як та від це але для після його їх він вона було також щодо під час року які яка який був була ще вже між через проти більше понад тому коли де так або їхні наших нашої України заявив сказав повідомив зазначив може можуть буде будуть дуже лише навіть тобто зокрема".split(separator: " ").map(String.init)
    let vocabulary = (0..<40_000).map { _ in word(&random) }
    func corpus(functionShare: Double) -> String {
        var text = ""
        text.reserveCapacity(34_000_000)
        var sentence = 0
        while text.utf8.count < 32_000_000 {
            for position in 0..<Int.random(in: 8...16, using: &random) {
                var form: String
                if Double.random(in: 0..<1, using: &random) < functionShare {
                    // Zipf over rank: P(rank) ∝ 1/rank.
                    let rank = Int(pow(Double(functionWords.count), Double.random(in: 0..<1, using: &random))) - 1
                    form = functionWords[min(rank, functionWords.count - 1)]
                } else if functionShare > 0 {
                    // Zipf over word forms (log-uniform rank), as in natural text.
                    let rank = Int(pow(Double(vocabulary.count * endings.count), Double.random(in: 0..<1, using: &random))) - 1
                    form = vocabulary[rank / endings.count] + endings[rank % endings.count]
                } else {
                    // Flat: the worst case for caching.
                    let rank = Int(pow(Double.random(in: 0..<1, using: &random), 3) * Double(vocabulary.count))
                    form = vocabulary[rank] + endings[Int.random(in: 0..<endings.count, using: &random)]
                }
                if position == 0 { form = form.prefix(1).uppercased() + form.dropFirst() }
                text += form
                text += position % 7 == 6 ? ", " : " "
            }
            if sentence % 3 == 0 {
                let term = termTexts[Int.random(in: 0..<termTexts.count, using: &random)]
                text += term.split(separator: " ").map { $0 + endings[Int.random(in: 0..<4, using: &random)] }.joined(separator: " ")
            }
            text += ".\n"
            sentence += 1
        }
        return text
    }
    var newsText = ""
    for (name, share) in [("news", 0.45), ("dense", 0.0)] {
        let text = corpus(functionShare: share)
        if name == "news" { newsText = text }
        if let writeDirectory {
            try TextFile.writeAtomically(text, to: writeDirectory + "/\(name).txt")
            print("wrote \(writeDirectory)/\(name).txt (\(text.utf8.count) bytes) and \(writeDirectory)/glossary-10k.yaml")
            continue
        }
        if shippedOnly { break }
        let megabytes = Double(text.utf8.count) / 1_000_000
        // The first pass folds and stems each distinct word once (cold token cache).
        let fresh = try TermMatcher(glossary: glossary)
        var found = 0
        let cold = bestTime(repetitions: 1) { found = fresh.counts(in: text, language: "uk").values.reduce(0, +) }
        report("glossary.scan_uk_\(name)_summary_cold_cache", megabytes / cold, "MB/s")
        // The same in thread CPU time, best of 3, each on a freshly compiled matcher (what every CLI run does).
        var coldCPU = Double.infinity
        for _ in 0..<3 {
            let fresh = try TermMatcher(glossary: glossary)
            coldCPU = min(coldCPU, bestThreadCPUTime(repetitions: 1) { found = fresh.counts(in: text, language: "uk").values.reduce(0, +) })
        }
        report("glossary.scan_uk_\(name)_summary_cold_cache_cpu", megabytes / coldCPU, "MB/s (thread CPU time)")
        if coldOnly { continue }
        let warm = bestTime(repetitions: 3) { found = matcher.counts(in: text, language: "uk").values.reduce(0, +) }
        report("glossary.scan_uk_\(name)_summary", megabytes / warm, "MB/s")
        let warmCPU = bestThreadCPUTime(repetitions: 5) { found = matcher.counts(in: text, language: "uk").values.reduce(0, +) }
        report("glossary.scan_uk_\(name)_summary_cpu", megabytes / warmCPU, "MB/s (thread CPU time)")
        let full = bestTime(repetitions: 3) { found = matcher.matches(in: text, language: "uk").count }
        report("glossary.scan_uk_\(name)_matches", megabytes / full, "MB/s")
        print("glossary.corpus_\(name): \(String(format: "%.1f", megabytes)) MB, \(found) term occurrences")
    }
    if writeDirectory != nil || coldOnly { return }
    // The shipped glossaries (news-war + house style) over the news-like corpus: the everyday case.
    let shippedPath = FileManager.default.currentDirectoryPath + "/glossaries"
    if FileManager.default.fileExists(atPath: shippedPath) {
        let shippedGlossary = try Glossary.load(paths: [shippedPath])
        let megabytes = Double(newsText.utf8.count) / 1_000_000
        var coldCPU = Double.infinity
        for _ in 0..<3 {
            let fresh = try TermMatcher(glossary: shippedGlossary)
            coldCPU = min(coldCPU, bestThreadCPUTime(repetitions: 1) { _ = fresh.counts(in: newsText, language: "uk") })
        }
        report("glossary.scan_uk_news_summary_shipped_glossary_cold_cache_cpu", megabytes / coldCPU, "MB/s (thread CPU time)")
        let shipped = try TermMatcher(glossary: shippedGlossary)
        _ = shipped.counts(in: newsText, language: "uk")
        let time = bestTime(repetitions: 3) { _ = shipped.counts(in: newsText, language: "uk") }
        report("glossary.scan_uk_news_summary_shipped_glossary", megabytes / time, "MB/s")
        let cpu = bestThreadCPUTime(repetitions: 5) { _ = shipped.counts(in: newsText, language: "uk") }
        report("glossary.scan_uk_news_summary_shipped_glossary_cpu", megabytes / cpu, "MB/s (thread CPU time)")
    }
}
