import TlumachCheck
import XCTest

/// False classes read in the blind sample of set U (gramps, homebank, deluge, zim, rednotebook, ksudoku, kpat…;
/// docs/check-evaluation.md), each next to a true finding of the same shape that must stay found.
final class SetUNoiseTests: XCTestCase {
    /// ksudoku: "Overall size of 3-D cells" → "Загальний розмір просторових комірок", "2-D puzzles" → "плоских
    /// головоломках": 3-D written with a hyphen.
    func testThreeDWithAHyphen() {
        XCTAssertEqual(defaultFindings("Overall size of 3-D cells", "Загальний розмір просторових комірок"), [])
        XCTAssertEqual(defaultFindings("Show highlights in 2-D puzzles", "Показувати підсвічування у плоских головоломках"), [])
        XCTAssertEqual(defaultFindings("Overall size of 3-D cells", "Загальний розмір комірок"), ["number-mismatch"])
    }

    /// gramps: "%(first)s %(surname)s, %(suffix)s" copied: a name format made of placeholders has nothing to translate.
    func testAFormatOfPlaceholdersCopied() {
        XCTAssertEqual(defaultFindings("%(first)s %(surname)s, %(suffix)s", "%(first)s %(surname)s, %(suffix)s"), [])
        XCTAssertEqual(defaultFindings("%(first)s %(second)s", "%(first)s %(second)s"), [])
        XCTAssertEqual(defaultFindings("%(first)s was born in %(place)s", "%(first)s was born in %(place)s"), ["untranslated"])
    }
}
