import TlumachCore
import Foundation
import TlumachAlign

/// Align benchmarks: a generated article pair of 50,000 sentences a side with merges, splits and omissions (about
/// 6% of beads), aligned with the shipped uk–en parameters and default anchors. Prints time, band, back-pointer
/// bytes, peak resident memory and the strict F1 against the generated gold.
func alignBenchmarks() throws {
    for size in [10_000, 50_000] {
        let corpus = GeneratedParallelText(sentences: size, seed: 6)
        let aligner = SentenceAligner(source: .uk, target: .en)
        var result: SentenceAligner.Result?
        let seconds = bestTime(repetitions: 3) {
            result = aligner.run(source: corpus.source, target: corpus.target)
        }
        guard let result else { return }
        // CPU time of one more run: less disturbed than wall time when other builds share the machine.
        let cpuStart = clock()
        _ = aligner.run(source: corpus.source, target: corpus.target)
        let cpuSeconds = Double(clock() - cpuStart) / Double(CLOCKS_PER_SEC)
        report("align.\(size) sentences cpu", cpuSeconds, "s")
        let score = AlignmentScore(predicted: result.beads, gold: corpus.gold)
        report("align.\(size) sentences", seconds, "s")
        for anchor in SentenceAligner.standardAnchors {
            let anchorSeconds = bestTime(repetitions: 1) {
                var keys = anchor.keys(inEach: corpus.source, language: .uk).count
                keys += anchor.keys(inEach: corpus.target, language: .en).count
                precondition(keys >= 0)
            }
            report("align.\(size) anchors \(anchor.kind)", anchorSeconds, "s")
        }
        report("align.\(size) sentences/s", Double(corpus.source.count + corpus.target.count) / seconds, "sentences/s")
        print("align.\(size) searches: \(result.searches), ratio \(String(format: "%.3f", result.characterRatio)), band half-width: \(result.bandHalfWidth), back-pointers: \(result.backPointerCells / 1_000_000) MB, F1 \(score)")
    }
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    report("align peak resident memory", Double(usage.ru_maxrss) / 1024, "MB")
}

/// Sentence pairs built from word lists: each target sentence has a length near 1.09× its source, shares the
/// numbers and names of its source; some pairs are merged, split, or left untranslated.
struct GeneratedParallelText {
    var source: [String] = []
    var target: [String] = []
    var gold: [Bead] = []

    init(sentences: Int, seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let ukWords = ["полонених", "обмін", "штаб", "заявив", "повернули", "військових", "цивільних", "родини",
                       "переговорів", "території", "сторона", "питання", "допомога", "кордоні", "представник"]
        let enWords = ["prisoners", "exchange", "headquarters", "said", "returned", "servicemen", "civilians",
                       "families", "talks", "territory", "side", "question", "help", "border", "representative"]
        let names = [("Коваленко", "Kovalenko"), ("Київ", "Kyiv"), ("Харків", "Kharkiv"), ("Юсов", "Yusov"),
                     ("Одеса", "Odesa"), ("Мельник", "Melnyk"), ("Ткаченко", "Tkachenko")]
        func pair() -> (String, String) {
            let count = Int.random(in: 5...20, using: &random)
            var uk = (0..<count).map { _ in ukWords.randomElement(using: &random) ?? "" }
            var en = (0..<(count + count / 8)).map { _ in enWords.randomElement(using: &random) ?? "" }
            if Bool.random(using: &random) {
                let number = String(Int.random(in: 2...9999, using: &random))
                uk.insert(number, at: Int.random(in: 0...uk.count, using: &random))
                en.insert(number, at: Int.random(in: 0...en.count, using: &random))
            }
            if Int.random(in: 0..<3, using: &random) == 0, let name = names.randomElement(using: &random) {
                uk.insert(name.0, at: 1)
                en.insert(name.1, at: 0)
            }
            return ((uk.joined(separator: " ") + ".").capitalizedFirst, (en.joined(separator: " ") + ".").capitalizedFirst)
        }
        while source.count < sentences {
            let (uk, en) = pair()
            let roll = Int.random(in: 0..<100, using: &random)
            let s = source.count
            let t = target.count
            switch roll {
            case 0..<2:  // omitted in translation
                source.append(uk)
                gold.append(Bead(source: s..<(s + 1), target: t..<t))
            case 2..<3:  // added in translation
                target.append(en)
                gold.append(Bead(source: s..<s, target: t..<(t + 1)))
            case 3..<5:  // two source sentences merged
                let (uk2, en2) = pair()
                source += [uk, uk2]
                target.append(en.dropLast() + ", " + en2.lowercasedFirst)
                gold.append(Bead(source: s..<(s + 2), target: t..<(t + 1)))
            case 5..<6:  // split in translation
                let (uk2, en2) = pair()
                source.append(uk.dropLast() + ", " + uk2.lowercasedFirst)
                target += [en, en2]
                gold.append(Bead(source: s..<(s + 1), target: t..<(t + 2)))
            default:
                source.append(uk)
                target.append(en)
                gold.append(Bead(source: s..<(s + 1), target: t..<(t + 1)))
            }
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
    fileprivate var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
