@testable import TlumachMemory
import TlumachCore
import XCTest

/// The import's byte-level tokeniser must give exactly ICU's words (folded bytes, boundaries, number flags) wherever
/// it claims the text, or the index would disagree with search-time tokenising.
final class FastWordBreakTests: XCTestCase {
    private func fast(_ text: String) -> SegmentWords? {
        var result = SegmentWords()
        return FastWordBreak.words(text, into: &result) ? result : nil
    }

    private func assertSame(_ fast: SegmentWords, _ icu: SegmentWords, _ text: String, file: StaticString = #filePath, line: UInt = #line) {
        func render(_ words: SegmentWords) -> [String] {
            var start = 0
            return words.ends.enumerated().map { index, end in
                defer { start = end }
                return String(decoding: words.bytes[start..<end], as: UTF8.self) + (words.isNumber[index] ? "#" : "")
            }
        }
        XCTAssertEqual(render(fast), render(icu), "text: \(text.debugDescription)", file: file, line: line)
    }

    // Newsroom sentences of the kind memories hold (written for this test).
    private let realText = [
        "Київ, 24 лютого 2022 р. — Росія розпочала повномасштабне вторгнення в Україну.",
        "За даними Генштабу ЗСУ, протягом доби відбулося 87 бойових зіткнень.",
        "Прем’єр-міністр заявив, що уряд виділить 1,5 млрд гривень на відновлення шкіл.",
        "«Ми не здамося», — сказав м'ер міста п’ятого березня о 14.30.",
        "Об'єднані територіальні громади отримали ґранти; їхні проєкти — серед найкращих.",
        "ЄС погодив дванадцятий пакет санкцій проти Росії та Білорусі.",
        "The Ministry of Defence said 3,200 troops had been deployed on Tuesday.",
        "\"We won't stop,\" the mayor told reporters in Kharkiv; the city's 1.4 million residents...",
        "Prices rose by 2.5% in March — the fastest pace since 2015 (Reuters).",
        "Ukraine's U.S.-backed grain corridor moved 10 million tonnes: a record.",
        "Зеленський: «Україна вистоїть» – заява 5 квітня",
        "Ціна на пальне зросла на 3 % за тиждень", "ЗСУ звільнили с. Кліщіївка", "Тел.: 0-800-500-335",
        "ВВП у ІІ кварталі зріс на 19,5%", "Семʼя Ґонти", "Ed: e-mail to info@example.org at 9:30",
        "Їжак, їжачок і ЇЖАК", "Ѐ Ѝ Ѓ Ќ Ў Џ ѐ ѝ ў", "п'ять П’ЯТЬ пʼять п‘ять п`ять",
    ]

    func testRealTextEqualsICU() throws {
        for language in ["uk", "en"] {
            let tokenizer = try MemoryTokenizer(language: language)
            var fastCount = 0
            for text in realText {
                let icu = tokenizer.wordsThroughICU(text)
                if let fast = fast(text) {
                    fastCount += 1
                    assertSame(fast, icu, text)
                }
                assertSame(tokenizer.words(text), icu, text)
            }
            // Nearly all of it must take the fast path, or the path is pointless.
            XCTAssertGreaterThanOrEqual(fastCount, realText.count - 4, language)
        }
    }

    func testGeneratedTextEqualsICU() throws {
        let tokenizers = [try MemoryTokenizer(language: "uk"), try MemoryTokenizer(language: "en")]
        var random = SeededGenerator(seed: 66)
        let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯёЁэЭыЪъЀЍЎўЂђЋћЉљЊњ")
            + Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        let digits = Array("0123456789")
        let marks = Array("'’ʼ‘`.,;:_-«»—–\"“”„()!?/%&@#*+=<>[]{}|~^$\\\u{A0}\t\n\r ")
        // Characters outside the fast path: it must give up on them, and ICU decides.
        let foreign = Array("é\u{301}…№ÄßİǄﬁ\u{AD}😀日\u{2116}\u{FF07}\u{B4}\u{200B}Ω")
        var fastCount = 0
        let total = 30_000
        for iteration in 0..<total {
            let tokenizer = tokenizers[iteration % 2]
            var text = ""
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                switch Int.random(in: 0..<100, using: &random) {
                case 0..<55: text.append(letters.randomElement(using: &random)!)
                case 55..<67: text.append(digits.randomElement(using: &random)!)
                case 67..<80: text.append(" ")
                case 80..<98: text.append(marks.randomElement(using: &random)!)
                default: text.append(foreign.randomElement(using: &random)!)
                }
            }
            let icu = tokenizer.wordsThroughICU(text)
            if let fast = fast(text) {
                fastCount += 1
                assertSame(fast, icu, text)
            }
        }
        // Letters next to digits, ":" and "_" inside words and foreign characters send some texts to ICU; most stay.
        XCTAssertGreaterThan(fastCount, total / 4)
    }

    func testTheFastPathGivesUpOnWhatItDoesNotModel() {
        for text in ["café", "a1", "1a", "a:b", "_a", "№ 5", "ﬁle", "со́нце", "a…b", "x\u{AD}y"] {
            XCTAssertNil(fast(text), text)
        }
        XCTAssertNotNil(fast("Київ — місто"))
        XCTAssertTrue(FastWordBreak.applies(toLocale: "uk"))
        XCTAssertTrue(FastWordBreak.applies(toLocale: "en_GB"))
        XCTAssertFalse(FastWordBreak.applies(toLocale: "en_US_POSIX"))
        XCTAssertFalse(FastWordBreak.applies(toLocale: "sv"))
    }
}
