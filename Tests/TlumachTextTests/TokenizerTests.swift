import TlumachCore
import XCTest

@testable import TlumachText

final class TokenizerTests: XCTestCase {
    func testApostropheWordIsOneWordInEveryVariant() throws {
        let tokenizer = try Tokenizer(language: .uk)
        for variant in ["'", "’", "ʼ", "`", "´", "‘", "ʹ", "′"] {
            let words = try tokenizer.words(in: "Свіже м\(variant)ясо, п\(variant)ять кг.")
            XCTAssertEqual(words.map(\.text), ["Свіже", "м\(variant)ясо", "п\(variant)ять", "кг"], variant)
            XCTAssertEqual(Token.apostropheFolded(words[1].text), "м’ясо")
        }
    }

    func testKindsAndRangesCoverTheText() throws {
        let text = "Ціна: 1 234,5 грн 👍🏽 — «так»."
        let tokens = try Tokenizer().tokens(in: text)
        XCTAssertEqual(tokens.map(\.text).joined(), text)
        XCTAssertEqual(tokens.first?.kind, .word)
        XCTAssertTrue(tokens.contains { $0.kind == .number && $0.text == "1" })
        XCTAssertTrue(tokens.contains { $0.kind == .punctuation && $0.text == "«" })
        // Ranges line up with both encodings.
        let utf8 = Array(text.utf8)
        let utf16 = Array(text.utf16)
        for token in tokens {
            XCTAssertEqual(String(decoding: utf8[token.utf8Range], as: UTF8.self), token.text)
            XCTAssertEqual(String(decoding: utf16[token.utf16Range], as: UTF16.self), token.text)
        }
    }

    func testCombiningMarksStayInTheirWord() throws {
        let words = try Tokenizer().words(in: "за\u{0306}ця і\u{0308}жак")
        XCTAssertEqual(words.map(\.text), ["за\u{0306}ця", "і\u{0308}жак"])
    }

    func testPositionsAreLineAndUTF16Column() throws {
        let text = "Перший рядок\n👍 друге слово"
        let tokens = try Tokenizer().words(in: text)
        let index = LineIndex(text)
        let second = try XCTUnwrap(tokens.first { $0.text == "друге" })
        XCTAssertEqual(second.start(in: index), SourcePosition(line: 2, column: 4, byteOffset: 29))
    }

    func testEnglishTokens() throws {
        let words = try Tokenizer(language: .en).words(in: "Ukraine's U.S.-made HIMARS, 2,500 rounds")
        XCTAssertEqual(words.map(\.text), ["Ukraine's", "U.S", "made", "HIMARS", "2,500", "rounds"])
    }

    func testConcurrentUseGivesSameResults() async throws {
        let tokenizer = try Tokenizer()
        let text = String(repeating: "Київ — м’ясо, 2024 р. ", count: 50)
        let expected = try tokenizer.tokens(in: text)
        try await withThrowingTaskGroup(of: [Token].self) { group in
            for _ in 0..<16 { group.addTask { try tokenizer.tokens(in: text) } }
            for try await tokens in group { XCTAssertEqual(tokens, expected) }
        }
    }
}

final class SentenceSegmenterTests: XCTestCase {
    func testAbbreviationsBeforeNumbersAndNames() throws {
        let segmenter = try SentenceSegmenter(language: .uk)
        XCTAssertEqual(
            try segmenter.sentences(in: "Вкрали близько 950 тис. грн. Обмін відбувся вночі.").map(\.text),
            ["Вкрали близько 950 тис. грн.", "Обмін відбувся вночі."])
        XCTAssertEqual(
            try segmenter.sentences(in: "Він живе у м. Київ на вул. Хрещатик. Там т. зв. Шахеди не літають.").map(\.text),
            ["Він живе у м. Київ на вул. Хрещатик.", "Там т. зв. Шахеди не літають."])
        XCTAssertEqual(
            try segmenter.sentences(in: "Згідно зі ст. 15 Конституції. В. Зеленський підписав закон.").map(\.text),
            ["Згідно зі ст. 15 Конституції.", "В. Зеленський підписав закон."])
        XCTAssertEqual(
            try segmenter.sentences(in: "Книга про 20-ті роки ХХ ст. Рейтинг високий.").map(\.text),
            ["Книга про 20-ті роки ХХ ст.", "Рейтинг високий."])
        XCTAssertEqual(
            try segmenter.sentences(in: "Були Іван, Петро та ін. Потім пішли.").map(\.text),
            ["Були Іван, Петро та ін.", "Потім пішли."])
    }

    func testEnglishAbbreviations() throws {
        let segmenter = try SentenceSegmenter(language: .en)
        XCTAssertEqual(
            try segmenter.sentences(in: "Mr. Yusov said the U.S. officials agreed. Dr. Smith left, e.g. Kyiv.").map(\.text),
            ["Mr. Yusov said the U.S. officials agreed.", "Dr. Smith left, e.g. Kyiv."])
    }

    func testRangesAndLineBreaks() throws {
        let text = "Перше речення.  Друге!\nТретє без крапки\n\nЧетверте?"
        let sentences = try SentenceSegmenter().sentences(in: text)
        XCTAssertEqual(sentences.map(\.text), ["Перше речення.", "Друге!", "Третє без крапки", "Четверте?"])
        let utf8 = Array(text.utf8)
        for sentence in sentences {
            XCTAssertEqual(String(decoding: utf8[sentence.utf8Range], as: UTF8.self), sentence.text)
        }
        XCTAssertEqual(sentences[2].start(in: LineIndex(text)), SourcePosition(line: 2, column: 1, byteOffset: 40))
    }
}

final class LanguageDetectorTests: XCTestCase {
    func testDetectsFromLetters() {
        XCTAssertEqual(LanguageDetector.detect("Це українська мова, її ґанок"), .uk)
        XCTAssertEqual(LanguageDetector.detect("Это русский язык, съешь ещё"), .ru)
        XCTAssertEqual(LanguageDetector.detect("This is English with Київ"), .en)
        XCTAssertEqual(LanguageDetector.detect("Добрий ранок", fallback: .ru), .ru)  // no deciding letters
        XCTAssertNil(LanguageDetector.evidence("123 — 456").language)
    }
}
