@testable import ICU
import XCTest

/// Strings are compared as scalars: Swift's == treats canonically equivalent strings as equal.
func scalars(_ text: String) -> [UInt32] { text.unicodeScalars.map(\.value) }

final class NormalizerTests: XCTestCase {
    func testComposesDecomposedShortI() throws {
        XCTAssertEqual(scalars(try Normalizer.nfc.normalize("\u{0438}\u{0306}")), [0x439])
        XCTAssertEqual(scalars(try Normalizer.nfc.normalize("\u{0456}\u{0308}")), [0x457])
    }

    func testDecomposes() throws {
        XCTAssertEqual(scalars(try Normalizer.nfd.normalize("й")), [0x438, 0x306])
        XCTAssertEqual(scalars(try Normalizer.nfd.normalize("ї")), [0x456, 0x308])
    }

    func testCompatibilityForms() throws {
        XCTAssertEqual(try Normalizer.nfkc.normalize("ﬁ № ①"), "fi No 1")
        XCTAssertEqual(try Normalizer.nfkcCasefold.normalize("КИЇВ Straße"), "київ strasse")
        // The three apostrophes stay distinct even under NFKC.
        XCTAssertEqual(Set(["'", "’", "ʼ"].map { scalars(try! Normalizer.nfkc.normalize($0)) }).count, 3)
    }

    func testCombiningMarksAreReordered() throws {
        // Dot below (ccc 220) must come before acute (ccc 230).
        XCTAssertEqual(scalars(try Normalizer.nfd.normalize("e\u{0301}\u{0323}")), [0x65, 0x323, 0x301])
    }

    func testQuickCheck() throws {
        XCTAssertTrue(try Normalizer.nfc.isNormalized("Київ — столиця"))
        XCTAssertFalse(try Normalizer.nfc.isNormalized("Ки\u{0438}\u{0306}в"))
        XCTAssertFalse(try Normalizer.nfd.isNormalized("й"))
        let text = Array("Київ и\u{0306}".utf16)
        let span = try text.withUnsafeBufferPointer { try Normalizer.nfc.spanOfNormalized(utf16: $0) }
        XCTAssertEqual(span, 5)  // "Київ " is certainly NFC; и may combine with what follows
    }

    func testCleanTextIsReturnedAsIs() throws {
        let text = "Вже нормалізований текст 👍🏽"
        XCTAssertEqual(scalars(try Normalizer.nfc.normalize(text)), scalars(text))
        XCTAssertEqual(try Normalizer.nfc.normalize(""), "")
    }

    func testEmojiSurviveEveryForm() throws {
        let family = "👩‍👩‍👧 🇺🇦"
        for form in NormalizationForm.allCases where form != .nfkcCasefold {
            XCTAssertEqual(scalars(try Normalizer.instance(form).normalize(family)), scalars(family), "\(form)")
        }
    }
}

final class CharacterClassTests: XCTestCase {
    func testCyrillicLettersAreNFCBoundariesAndLetters() {
        for value in 0x400...0x45F {
            let classes = CharacterClass(of: Unicode.Scalar(UInt32(value))!)
            XCTAssertTrue(classes.isSuperset(of: [.nfcBoundary, .letter, .cyrillic]), String(value, radix: 16))
        }
    }

    func testMarksDigitsSpacesAndEmoji() {
        XCTAssertTrue(CharacterClass(of: "\u{0306}").contains(.mark))
        XCTAssertFalse(CharacterClass(of: "\u{0306}").contains(.nfcBoundary))
        XCTAssertTrue(CharacterClass(of: "7").contains(.digit))
        XCTAssertTrue(CharacterClass(of: "\u{A0}").contains(.space))
        XCTAssertTrue(CharacterClass(of: "A").isSuperset(of: [.letter, .latin, .nfcBoundary]))
        XCTAssertTrue(CharacterClass(of: "👍").contains(.pictographic))
        // Singletons have a boundary before them but still change: NFC maps U+2000 to U+2002, U+212B to Å.
        XCTAssertFalse(CharacterClass(of: "\u{2000}").contains(.nfcBoundary))
        XCTAssertFalse(CharacterClass(of: "\u{212B}").contains(.nfcBoundary))
    }

    func testTableFromPropertyRangesEqualsICUAskedPerCodePoint() {
        // The table is filled from ICU's property ranges (general category, script, Extended_Pictographic,
        // NFC_QC) with the NFC boundary test per code point; asking ICU about each code point must agree on all.
        let table = CharacterClassTable.shared.classes
        XCTAssertEqual(table.count, 0x10000)
        var differing: [String] = []
        for value in 0..<UInt32(0x10000) where table[Int(value)] != CharacterClass.askingICU(value) {
            differing.append(String(value, radix: 16))
        }
        XCTAssertEqual(differing.prefix(20), [], "\(differing.count) code points differ")
        // A few that must keep their bits: Cyrillic і, the no-break space, a combining breve, U+2000.
        XCTAssertEqual(table[0x456], [.nfcBoundary, .letter, .cyrillic])
        XCTAssertEqual(table[0xA0], [.nfcBoundary, .space])
        XCTAssertEqual(table[0x306], [.mark])
        XCTAssertEqual(table[0x2000], [.space])
    }
}
