import TlumachCore
import XCTest

final class JSONTextTests: XCTestCase {
    func testPlainTextIsQuotedWhole() {
        XCTAssertEqual(JSONText.quoted("Київ — столиця"), "\"Київ — столиця\"")
    }

    func testEscapesQuotesBackslashesControlsAndLineSeparators() {
        XCTAssertEqual(JSONText.quoted("a\"b\\c\nd\u{1}e\u{2028}"), #""a\"b\\c\nd\u0001e\u2028""#)
    }

    func testNilIsNull() {
        XCTAssertEqual(JSONText.quoted(nil as String?), "null")
    }
}
