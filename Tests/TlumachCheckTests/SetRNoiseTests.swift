import TlumachCheck
import XCTest

/// False classes read in the blind sample of set R (LibreOffice, KDE Connect; docs/check-evaluation.md).
final class SetRNoiseTests: XCTestCase {
    /// svx: "3D Preview" → "Перегляд у просторі": 3D said with the noun "space".
    func testThreeDimensionalSaidAsInSpace() {
        XCTAssertEqual(defaultFindings("3D Preview", "Перегляд у просторі"), [])
        XCTAssertEqual(defaultFindings("3D Preview", "Попередній перегляд"), ["number-mismatch"])
    }

    /// sc: "Log with base 10" → "Десятковий логарифм": a number base said as its adjective.
    func testANumberBaseSaidAsItsAdjective() {
        XCTAssertEqual(defaultFindings("Log with base 10", "Десятковий логарифм"), [])
        XCTAssertEqual(defaultFindings("Convert to base 2", "Перетворити на двійкове"), [])
        XCTAssertEqual(defaultFindings("Log with base 10", "Двійковий логарифм"), ["number-mismatch"])
    }
}
