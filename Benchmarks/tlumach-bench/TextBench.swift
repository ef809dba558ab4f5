import TlumachCore
import Foundation
import TlumachText

/// Text benchmarks: a deterministic generated Ukrainian corpus (mostly clean, typographically correct, with some
/// English paragraphs and about 2% of paragraphs carrying a fixable mistake), timed through the normaliser, the
/// tokeniser and the sentence segmenter. Figures are MB/s of UTF-8 input on one core, best of several runs.
///
/// `TLUMACH_BENCH_WRITE_CORPUS=path swift run -c release tlumach-bench text` writes the 20 MB corpus used by
/// scripts/bench-normalize.sh and exits.
func textBenchmarks() throws {
    if let path = ProcessInfo.processInfo.environment["TLUMACH_BENCH_WRITE_CORPUS"] {
        let corpus = TextCorpus.ukrainian(bytes: 20_000_000, dirtyPercent: 2)
        try Data(corpus.utf8).write(to: URL(fileURLWithPath: path))
        print("wrote \(corpus.utf8.count) bytes to \(path)")
        return
    }
    let only = ProcessInfo.processInfo.environment["TLUMACH_BENCH_TEXT"]
    let clean = Array(TextCorpus.ukrainian(bytes: only == "messy" ? 1000 : 20_000_000, dirtyPercent: 2).utf8)
    let megabytes = Double(clean.count) / 1_000_000
    let normalizer = try ArticleNormalizer()
    var changes = 0
    let (seconds, cpu) = bestTimes(repetitions: 7) { changes = normalizer.normalize(utf8: clean).changes.count }
    report("text.normalize (mostly clean uk, \(Int(megabytes)) MB, \(changes) changes)", megabytes / seconds, "MB/s")
    report("text.normalize (same, thread CPU time)", megabytes / cpu, "MB/s")

    // TLUMACH_BENCH_TEXT=clean stops here (for profiling the fast path).
    if ProcessInfo.processInfo.environment["TLUMACH_BENCH_TEXT"] == "clean" { return }
    let messy = Array(TextCorpus.ukrainian(bytes: 5_000_000, dirtyPercent: 100).utf8)
    let messyMB = Double(messy.count) / 1_000_000
    let (messySeconds, messyCPU) = bestTimes(repetitions: 3) { changes = normalizer.normalize(utf8: messy).changes.count }
    report("text.normalize (every paragraph messy, \(Int(messyMB)) MB, \(changes) changes)", messyMB / messySeconds, "MB/s")
    report("text.normalize (same, thread CPU time)", messyMB / messyCPU, "MB/s")
    if only == "messy" { return }

    let sample = TextCorpus.ukrainian(bytes: 5_000_000, dirtyPercent: 0)
    let sampleMB = Double(sample.utf8.count) / 1_000_000
    let tokenizer = try Tokenizer(language: .uk)
    var tokens = 0
    let tokenSeconds = try bestTime(repetitions: 3) { tokens = try tokenizer.tokens(in: sample).count }
    report("text.tokenize (\(Int(sampleMB)) MB, \(tokens) tokens)", sampleMB / tokenSeconds, "MB/s")

    let segmenter = try SentenceSegmenter(language: .uk)
    var sentences = 0
    let sentenceSeconds = try bestTime(repetitions: 3) { sentences = try segmenter.sentences(in: sample).count }
    report("text.segment (\(Int(sampleMB)) MB, \(sentences) sentences)", sampleMB / sentenceSeconds, "MB/s")
}

/// Best wall-clock and best thread-CPU seconds of `body`. On a shared machine the CPU time is the steadier figure
/// for one core's speed (other processes inflate wall-clock time, not this thread's CPU time).
func bestTimes(repetitions: Int, _ body: () throws -> Void) rethrows -> (wall: Double, cpu: Double) {
    var wall = Double.infinity
    var cpu = Double.infinity
    for _ in 0..<repetitions {
        var start = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &start)
        let wallStart = DispatchTime.now().uptimeNanoseconds
        try body()
        let wallElapsed = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9
        var end = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &end)
        let cpuElapsed = Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9
        wall = min(wall, wallElapsed)
        cpu = min(cpu, cpuElapsed)
    }
    return (wall, cpu)
}

/// Deterministic article-like text.
enum TextCorpus {
    static let words = [
        "Координаційний", "штаб", "повідомив", "що", "додому", "повернулися", "захисники", "України", "обмін",
        "полоненими", "відбувся", "за", "посередництва", "партнерів", "Міністерство", "оборони", "зазначило",
        "сім’ї", "м’ясо", "п’ятеро", "пам’ять", "об’єднання", "Київ", "Харків", "Одеса", "Львів", "область",
        "громада", "рада", "закон", "уряд", "ухвалив", "рішення", "щодо", "відновлення", "енергетичної",
        "інфраструктури", "після", "атаки", "дронів", "у", "в", "на", "з", "і", "та", "але", "його", "її", "їхні",
        "ґанок", "єдність", "звільнення", "територій", "ЗСУ", "ГУР", "СБУ", "президент", "заявив", "журналістам",
        "розслідування", "триває", "експерти", "оцінюють", "збитки", "мільйони", "гривень", "допомога",
    ]
    static let englishWords = [
        "Ukraine’s", "Coordination", "Headquarters", "said", "the", "prisoners", "of", "war", "returned", "home",
        "after", "talks", "with", "partners", "in", "Kyiv", "officials", "confirmed", "exchange", "Russia’s",
        "attack", "on", "energy", "infrastructure", "continued", "and", "investigators", "are", "working",
    ]
    static let mistakes = [
        "Мiнiстерство", "Kиїв", "ЗCУ", "м'ясо", "п`ятеро", "\"обмін\"", "слово  слово", "захис\u{00AD}ники",
        "рік - два", "2020-2021", "сло\u{200B}во", "и\u{0306}ого",
    ]

    static func ukrainian(bytes target: Int, dirtyPercent: Int) -> String {
        var generator = SeededGenerator(seed: 2026)
        var text = ""
        text.reserveCapacity(target + 4096)
        var paragraph = 0
        while text.utf8.count < target {
            paragraph += 1
            let english = paragraph % 10 == 0
            let vocabulary = english ? englishWords : words
            var sentences: [String] = []
            for _ in 0..<Int.random(in: 2...5, using: &generator) {
                var sentence: [String] = []
                for _ in 0..<Int.random(in: 6...16, using: &generator) {
                    sentence.append(vocabulary.randomElement(using: &generator) ?? "")
                }
                switch Int.random(in: 0..<10, using: &generator) {
                case 0: sentence.insert(english ? "“\(sentence.removeLast())”" : "«\(sentence.removeLast())»", at: 2)
                case 1: sentence.insert(english ? "2,500" : "1\u{A0}234\u{A0}567", at: 1)
                case 2: sentence.insert(english ? "—" : "—", at: 3)
                case 3: sentence.insert(english ? "24–27" : "24–27", at: 0)
                case 4 where !english: sentence.insert("«Нафтогаз „Україна“»", at: 1)
                default: break
                }
                var line = sentence.joined(separator: " ")
                if let first = line.first { line = first.uppercased() + line.dropFirst() }
                sentences.append(line + ".")
            }
            if Int.random(in: 0..<100, using: &generator) < dirtyPercent {
                let index = Int.random(in: 0..<sentences.count, using: &generator)
                sentences[index] += " " + (mistakes.randomElement(using: &generator) ?? "")
            }
            text += sentences.joined(separator: " ") + "\n\n"
        }
        return text
    }
}
