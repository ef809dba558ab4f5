import TlumachCore
import TlumachTestSupport
import XCTest

import ICU
@testable import TlumachTranslit

/// The fast path must give exactly what the ICU rules give. Compared on a large generated corpus covering every
/// letter, case pattern, apostrophe, hyphen and digit context, decomposed letters, marks, other scripts and
/// supplementary characters, plus real-looking sentences.
final class FastPathEquivalenceTests: XCTestCase {
    func testFastPathEqualsICURulesOnGeneratedCorpus() throws {
        let kmu = try SchemeTransliterator(scheme: .kmu2010)
        var generator = SeededGenerator(seed: 20_100_127)
        var lines: [String] = []
        // A long test: 40,000 generated lines with TLUMACH_LONG_TESTS=1, the first 8,000 of them by default.
        let generated = LongTests.count(long: 40_000, short: 8_000)
        for _ in 0..<generated { lines.append(Corpus.randomLine(using: &generator)) }
        lines += Corpus.sentences
        for sentence in Corpus.sentences {
            lines.append(sentence.uppercased())
            lines.append(sentence.lowercased())
        }
        let text = lines.joined(separator: "\n")
        XCTAssertGreaterThan(text.utf8.count, 2_000_000 * generated / 40_000)
        let fast = kmu.transliterate(text)
        let rules = kmu.transliterateWithRules(text)
        if fast != rules {
            // Name the first line that differs.
            for line in lines {
                let a = kmu.transliterate(line)
                let b = kmu.transliterateWithRules(line)
                if a != b {
                    XCTFail("fast path and ICU rules differ on \(line.debugDescription): \(a.debugDescription) vs \(b.debugDescription)")
                    return
                }
            }
            XCTFail("fast path and ICU rules differ on the joined corpus only")
        }
    }

    func testEveryTwoLetterCombinationInEveryCase() throws {
        let kmu = try SchemeTransliterator(scheme: .kmu2010)
        let letters = Array(Corpus.ukrainianLower + Corpus.ukrainianUpper + "ёЁъ'’-1 .aZ")
        var lines: [String] = []
        for a in letters {
            for b in letters {
                lines.append("\(a)\(b) \(a)\(b)\(a) з\(a)\(b) З\(b)\(a)Г")
            }
        }
        for line in lines {
            XCTAssertEqual(kmu.transliterate(line), kmu.transliterateWithRules(line), line)
        }
    }
}

enum Corpus {
    static let ukrainianLower = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
    static let ukrainianUpper = "АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЬЮЯ"
    static let apostrophes = ["'", "\u{2019}", "\u{02BC}", "`", "\u{00B4}", "\u{2018}", "\u{02B9}", "\u{2032}"]
    /// Characters from outside the Ukrainian alphabet that change or test the contexts.
    static let others = [
        "ё", "Ё", "ы", "Ы", "э", "Э", "ъ", "Ъ", "a", "Z", "ǅ", "Ω", "ω", "\u{0301}", "\u{0306}", "\u{0308}",
        "\u{1D400}", "😀", "\u{00A0}", "\u{200D}", "ß", "é", "Ї\u{0308}", "5", "-", "—", "«", "»", ".", ",",
        "и\u{0306}", "И\u{0306}", "і\u{0308}", "І\u{0308}", "\u{0483}",
    ]

    static let sentences = [
        "Президент Володимир Зеленський провів нараду зі Збройними Силами України у Києві.",
        "У Харкові, Запоріжжі та Дніпрі вранці 24 серпня 2024 р. лунали сирени.",
        "Мар’їнка, Короп’є й Знам’янка — назви, у яких апостроф не передається.",
        "Генштаб ЗСУ повідомив: «Ворог втратив 1 234 одиниці техніки».",
        "Юрій-Євген Ярошенко з’їздив до Ізюма та Ірпеня, а потім — до Яготина.",
        "Щербухи, Гоща й Гаращенко: щ завжди передається як shch.",
        "Згорани, Розгон і Згурівка пишуться через zgh, щоб відрізнити від ж.",
        "Об’єднані територіальні громади Чернігівщини отримали 5-й транш допомоги.",
        "Міністр оборони заявив, що «ПОВІТРЯНІ СИЛИ» збили 27 ракет і 14 дронів.",
        "Sergei Shoigu та Dmitry Peskov коментували події (Reuters, AP).",
        "В’ячеслав Чорновіл — ім’я, яке знає кожен у Львові й Тернополі.",
        "Ukraine’s Armed Forces (ЗСУ) said on Monday: «Ми тримаємо позиції».",
        "Їжакевич, Йосипівка, Єнакієве, Юрій, Яготин — початок слова.",
        "п'ятниця, м’ясо, сім'я, пір’я, подвір’я, бур’ян, солов’їний.",
        "ВЕРХОВНА РАДА УКРАЇНИ ухвалила закон № 1234-IX «Про військовий обов’язок».",
    ]

    static func randomLine(using generator: inout SeededGenerator) -> String {
        var line = ""
        let words = Int.random(in: 1...12, using: &generator)
        for index in 0..<words {
            if index > 0 {
                let separators = [" ", " ", " ", "-", ", ", " — ", "5", " «", "» ", "'", "’", ".", "\u{00A0}", ""]
                line += separators.randomElement(using: &generator)!
            }
            line += randomWord(using: &generator)
        }
        return line
    }

    static func randomWord(using generator: inout SeededGenerator) -> String {
        let length = Int.random(in: 1...9, using: &generator)
        let lower = Array(ukrainianLower)
        let upper = Array(ukrainianUpper)
        let casePattern = Int.random(in: 0..<4, using: &generator)  // lower, Title, UPPER, mixed
        var word = ""
        for position in 0..<length {
            let roll = Int.random(in: 0..<100, using: &generator)
            if roll < 6 {
                word += apostrophes.randomElement(using: &generator)!
                continue
            }
            if roll < 12 {
                word += others.randomElement(using: &generator)!
                continue
            }
            let index = Int.random(in: 0..<lower.count, using: &generator)
            let capital: Bool
            switch casePattern {
            case 0: capital = false
            case 1: capital = position == 0
            case 2: capital = true
            default: capital = Bool.random(using: &generator)
            }
            word.append(capital ? upper[index] : lower[index])
        }
        return word
    }
}

/// `transliterateWithRules` hands ICU the text in pieces cut after whitespace (ICU is quadratic on long texts);
/// the pieces must give what the whole text gives.
final class RulePiecesTests: XCTestCase {
    func testPiecesGiveTheSameAsTheWholeText() throws {
        var generator = SeededGenerator(seed: 55)
        var lines: [String] = Corpus.sentences
        for _ in 0..<600 { lines.append(Corpus.randomLine(using: &generator)) }
        // Long lines without line breaks, and one very long word, cross the piece length.
        lines.append(lines.prefix(300).joined(separator: " "))
        lines.append(String(repeating: "Щука’ЯЗГ", count: 400))
        let text = lines.joined(separator: "\n")
        for scheme in TransliterationScheme.allCases {
            let transliterator = try SchemeTransliterator(scheme: scheme)
            let whole = try scheme.makeICUTransliterator().transform(text)
            XCTAssertEqual(transliterator.transliterateWithRules(text), whole, "\(scheme)")
        }
    }
}

/// The fast path's class table (filled from the ICU sets' ranges) answers as the sets do for every code point.
final class ClassTableTests: XCTestCase {
    func testTableMatchesICUSetsEverywhere() throws {
        let fast = try KMU2010FastPath.shared()
        let sets = [
            (try UnicodeSet(pattern: "[[:L:][:M:]]"), KMU2010FastPath.letterOrMark),
            (try UnicodeSet(pattern: "[:Lu:]"), KMU2010FastPath.upper),
            (try UnicodeSet(pattern: "[[:Cyrillic:]&[:L:]]"), KMU2010FastPath.cyrillicLetter),
        ]
        var mismatches = 0
        // A long test: every code point with TLUMACH_LONG_TESTS=1; by default the whole BMP and one supplementary
        // code point in 16.
        let supplementaryStep: UInt32 = LongTests.enabled ? 1 : 16
        let codePoints = Array(UInt32(0)...0xFFFF) + Array(stride(from: UInt32(0x10000), through: 0x10FFFF, by: Int(supplementaryStep)))
        for c in codePoints where !(0xD800...0xDFFF).contains(c) {
            var expected: UInt8 = 0
            for (set, flag) in sets where set.contains(c) { expected |= flag }
            if fast.flags(c) != expected { mismatches += 1 }
        }
        XCTAssertEqual(mismatches, 0)
    }
}
