import TlumachCore
import Foundation
import TlumachTranslit

/// KMU 2010 throughput on a deterministic 20 MB corpus: fast path (String and UTF-8 entry points) against
/// ICU's rule engine on the same rules, plus one ICU-only scheme for scale.
func translitBenchmarks() throws {
    let text = translitCorpus(megabytes: 20)
    let bytes = Array(text.utf8)
    let megabytes = Double(bytes.count) / 1e6
    let kmu = try SchemeTransliterator(scheme: .kmu2010)

    // Rule compilation (ru-simple compiles at construction; kmu2010 compiles its ICU rules on first use).
    let compile = try bestTime(repetitions: 5) { _ = try SchemeTransliterator(scheme: .ruSimple) }
    report("translit.ru-simple.compile", compile * 1000, "ms")

    let fastString = bestTime(repetitions: 5) { _ = kmu.transliterate(text) }
    report("translit.kmu2010.fast-path.string", megabytes / fastString, "MB/s")

    var output: [UInt8] = []
    let fastUTF8 = try bestTime(repetitions: 5) {
        output.removeAll(keepingCapacity: true)
        try bytes.withUnsafeBufferPointer { try kmu.transliterate(utf8: $0, into: &output) }
    }
    report("translit.kmu2010.fast-path.utf8", megabytes / fastUTF8, "MB/s")

    let sample = String(text.prefix(2_000_000))
    let sampleMB = Double(sample.utf8.count) / 1e6
    let rules = bestTime(repetitions: 3) { _ = kmu.transliterateWithRules(sample) }
    report("translit.kmu2010.icu-rules", sampleMB / rules, "MB/s")
    report("translit.kmu2010.fast-path-over-icu", (megabytes / fastUTF8) / (sampleMB / rules), "x")

    let simple = try SchemeTransliterator(scheme: .ruSimple)
    let simpleTime = bestTime(repetitions: 3) { _ = simple.transliterate(sample) }
    report("translit.ru-simple.icu-rules", sampleMB / simpleTime, "MB/s")
}

/// News-like sentences and generated words in every case pattern, one per line.
func translitCorpus(megabytes: Int) -> String {
    let sentences = [
        "Президент Володимир Зеленський провів нараду зі Збройними Силами України у Києві.",
        "У Харкові, Запоріжжі та Дніпрі вранці 24 серпня 2024 р. лунали сирени.",
        "Мар’їнка, Короп’є й Знам’янка — назви, у яких апостроф не передається.",
        "Генштаб ЗСУ повідомив: «Ворог втратив 1 234 одиниці техніки».",
        "Юрій-Євген Ярошенко з’їздив до Ізюма та Ірпеня, а потім — до Яготина.",
        "Об’єднані територіальні громади Чернігівщини отримали п'ятий транш допомоги.",
        "Верховна Рада України ухвалила закон про військовий обов’язок у першому читанні.",
    ]
    let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
    var generator = SeededGenerator(seed: 2010)
    var text = ""
    text.reserveCapacity(megabytes * 1_000_000 + 200)
    while text.utf8.count < megabytes * 1_000_000 {
        if Int.random(in: 0..<10, using: &generator) < 6 {
            text += sentences.randomElement(using: &generator)!
        } else {
            var words: [String] = []
            for _ in 0..<Int.random(in: 5...15, using: &generator) {
                var word = String((0..<Int.random(in: 2...10, using: &generator)).map { _ in
                    letters.randomElement(using: &generator)!
                })
                let roll = Int.random(in: 0..<100, using: &generator)
                if roll < 5 { word = word.uppercased() } else if roll < 30 { word = word.prefix(1).uppercased() + word.dropFirst() }
                words.append(word)
            }
            text += words.joined(separator: " ") + "."
        }
        text += "\n"
    }
    return text
}
