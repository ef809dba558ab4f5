import ICU
import XCTest

final class NormalizerTests: XCTestCase {
    func testComposesDecomposedShortI() throws {
        XCTAssertEqual(try Normalizer.nfc.normalize("\u{0438}\u{0306}"), "й")
    }
}
