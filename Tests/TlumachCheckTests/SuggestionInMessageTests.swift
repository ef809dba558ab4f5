import XCTest

@testable import TlumachCheck

/// Reporters add "(suggestion: …)" unless the message already quotes the suggestion; the test is a byte search
/// (linear), which must answer as Foundation's `contains` did.
final class SuggestionInMessageTests: XCTestCase {
    func testByteSearchAnswersAsContainsDid() {
        let cases: [(String, String)] = [
            ("a space before a comma: use «а, б»", "а, б"), ("a space before a comma", "а, б"), ("abc", ""), ("", ""),
            ("short", "a longer needle"), ("м’ясо", "м'ясо"), ("xxxxxxxxy", "xxy"), ("Київ", "Київ"),
        ]
        for (text, needle) in cases {
            XCTAssertEqual(containsBytes(text, needle), text.contains(needle), "\(text) / \(needle)")
        }
    }

    func testALongRepetitiveMessageIsSearchedWhole() {
        let long = String(repeating: "x", count: 200_000)
        XCTAssertTrue(containsBytes("before " + long + "y after", long + "y"))
        XCTAssertFalse(containsBytes("before " + long + " after", long + "y"))
    }
}
