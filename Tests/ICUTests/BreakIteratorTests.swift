import ICU
import XCTest

final class BreakIteratorTests: XCTestCase {
    func testWordsWithApostrophesNumbersAndPunctuation() throws {
        let words = try BreakIterator(.word, locale: "uk").words("М'ясо, м’ясо й мʼясо коштує 1 234,5 грн!")
        XCTAssertEqual(words, ["М'ясо", "м’ясо", "й", "мʼясо", "коштує", "1", "234,5", "грн"])
    }

    func testWordKindsFromRuleStatus() throws {
        let segments = try BreakIterator(.word, locale: "en").segments("Kyiv 2024!")
        XCTAssertEqual(segments.map(\.range), [0..<4, 4..<5, 5..<9, 9..<10])
        XCTAssertEqual(segments.map(\.isWordLike), [true, false, true, false])
        XCTAssertTrue(segments[2].isNumber)
    }

    func testEmojiAndCombiningMarks() throws {
        let text = "за\u{0306}ця 👩‍👩‍👧 і\u{0308}жак"
        let iterator = try BreakIterator(.word, locale: "uk")
        XCTAssertEqual(try iterator.words(text), ["за\u{0306}ця", "і\u{0308}жак"])
        // The emoji family is one unit (ranges are UTF-16: 8 units).
        let pieces = try iterator.pieces(text)
        XCTAssertTrue(pieces.contains("👩‍👩‍👧"))
        let characters = try BreakIterator(.character, locale: "uk").pieces("e\u{0301}👍🏽")
        XCTAssertEqual(characters, ["e\u{0301}", "👍🏽"])
    }

    func testSentences() throws {
        let sentences = try BreakIterator(.sentence, locale: "uk").pieces("Перше речення. Друге? Третє!")
        XCTAssertEqual(sentences, ["Перше речення. ", "Друге? ", "Третє!"])
    }

    func testEmptyText() throws {
        XCTAssertEqual(try BreakIterator(.word, locale: "uk").segments(""), [])
    }

    func testConcurrentUse() async throws {
        let iterator = try BreakIterator(.word, locale: "uk")
        let text = String(repeating: "Слово м’ясо, 42. ", count: 100)
        let expected = try iterator.words(text)
        try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<32 { group.addTask { try iterator.words(text) } }
            for try await words in group { XCTAssertEqual(words, expected) }
        }
    }
}

final class CaseMappingTests: XCTestCase {
    func testLowerUpper() throws {
        XCTAssertEqual(try CaseMapping.lowercased("КИЇВ ҐАНОК", locale: "uk"), "київ ґанок")
        XCTAssertEqual(try CaseMapping.uppercased("київ ґанок straße", locale: "uk"), "КИЇВ ҐАНОК STRASSE")
        XCTAssertEqual(try CaseMapping.uppercased("i", locale: "tr"), "İ")
    }

    func testTitleCaseKeepsApostropheWords() throws {
        XCTAssertEqual(try CaseMapping.titlecased("п'ятниця", locale: "uk"), "П'ятниця")
        XCTAssertEqual(try CaseMapping.titlecased("п’ятниця м’ясо", locale: "uk"), "П’ятниця М’ясо")
        XCTAssertEqual(try CaseMapping.titlecased("ЗБРОЙНІ СИЛИ", locale: "uk"), "Збройні Сили")
    }

    func testFold() throws {
        XCTAssertEqual(try CaseMapping.folded("КиЇв Straße"), "київ strasse")
        XCTAssertEqual(try CaseMapping.folded(""), "")
    }
}

final class SpoofCheckerTests: XCTestCase {
    func testMixedScriptWordsAreFlagged() throws {
        let checker = try SpoofChecker()
        XCTAssertTrue(try checker.check("Kиїв").contains(.mixedScript))  // Latin K
        XCTAssertTrue(try checker.check("Мiнiстерство").contains(.mixedScript))  // Latin i
        XCTAssertTrue(try checker.check("Ukrаine").contains(.mixedScript))  // Cyrillic а
        XCTAssertEqual(try checker.check("Київ"), [])
        XCTAssertEqual(try checker.check("iPhone"), [])
    }

    func testSkeletonsMatchLookAlikes() throws {
        let checker = try SpoofChecker()
        XCTAssertEqual(try checker.skeleton("Kиїв"), try checker.skeleton("Київ"))
        XCTAssertEqual(try checker.skeleton("Ukrаine"), try checker.skeleton("Ukraine"))
        XCTAssertNotEqual(try checker.skeleton("Київ"), try checker.skeleton("Киев"))
    }
}

final class CollatorTests: XCTestCase {
    func testUkrainianOrder() throws {
        let collator = try Collator(locale: "uk")
        let words = ["ґанок", "гора", "єнот", "есе", "їжак", "іній", "ибіс", "дім"]
        XCTAssertEqual(words.sorted(by: collator.areInIncreasingOrder), ["гора", "ґанок", "дім", "есе", "єнот", "ибіс", "іній", "їжак"])
        XCTAssertEqual(collator.compare("г", "ґ"), -1)
        XCTAssertEqual(collator.compare("Київ", "Київ"), 0)
    }

    func testSortKeysOrderLikeCompare() throws {
        let collator = try Collator(locale: "uk")
        let words = ["ґанок", "гора", "єнот", "есе", "Київ", "київ"]
        let byKey = words.sorted { collator.sortKey($0).lexicographicallyPrecedes(collator.sortKey($1)) }
        XCTAssertEqual(byKey, words.sorted(by: collator.areInIncreasingOrder))
    }

    func testEnglishOrder() throws {
        let collator = try Collator(locale: "en")
        XCTAssertEqual(["b", "A", "a", "B"].sorted(by: collator.areInIncreasingOrder), ["a", "A", "b", "B"])
    }
}

final class NumberFormatTests: XCTestCase {
    func testUkrainianFormatAndParse() throws {
        let uk = try NumberFormat(locale: "uk")
        XCTAssertEqual(try uk.format(1234.5), "1\u{A0}234,5")
        XCTAssertEqual(uk.parse("1\u{A0}234,5")?.value, 1234.5)
        XCTAssertEqual(uk.parse("1 234,5")?.value, 1234.5)  // a plain space as the group separator
        XCTAssertEqual(uk.parse("2,5 км")?.value, 2.5)
        XCTAssertEqual(uk.parse("2,5 км")?.length, 3)
        XCTAssertNil(uk.parse("км"))
    }

    func testEnglishFormatAndParse() throws {
        let en = try NumberFormat(locale: "en")
        XCTAssertEqual(try en.format(1234567.891), "1,234,567.891")
        XCTAssertEqual(en.parse("2,500")?.value, 2500)
        XCTAssertEqual(en.parse("2.5")?.value, 2.5)
    }
}
