import Foundation
import TlumachCore
import XCTest

/// `TextFile.decode`: valid UTF-8 is returned as is (a byte-order mark dropped); invalid input is refused with the
/// byte offset of the first bad byte in the file (counting the mark).
final class TextFileDecodeTests: XCTestCase {
    func decodeError(_ bytes: [UInt8]) -> InputError? {
        do {
            _ = try TextFile.decode(Data(bytes), path: "t.txt")
            return nil
        } catch {
            return error
        }
    }

    func testValidTextAndByteOrderMark() throws {
        XCTAssertEqual(try TextFile.decode(Data(), path: "t.txt"), "")
        XCTAssertEqual(try TextFile.decode(Data("Київ, Kyiv 🇺🇦".utf8), path: "t.txt"), "Київ, Kyiv 🇺🇦")
        XCTAssertEqual(try TextFile.decode(Data([0xEF, 0xBB, 0xBF] + Array("Київ".utf8)), path: "t.txt"), "Київ")
        XCTAssertEqual(try TextFile.decode(Data([0xEF, 0xBB, 0xBF]), path: "t.txt"), "")
    }

    func testInvalidTextNamesTheOffset() {
        XCTAssertEqual(decodeError([0x61, 0x62, 0xFF, 0x63])?.description, InputError(path: "t.txt", byteOffset: 2, message: "invalid UTF-8").description)
        XCTAssertEqual(decodeError([0xEF, 0xBB, 0xBF, 0x61, 0xC0, 0x80])?.description, InputError(path: "t.txt", byteOffset: 4, message: "invalid UTF-8").description)
        // A surrogate, an overlong form and a truncated sequence.
        XCTAssertNotNil(decodeError([0xED, 0xA0, 0x80]))
        XCTAssertNotNil(decodeError([0xE0, 0x80, 0x80]))
        XCTAssertNotNil(decodeError(Array("Ки".utf8) + [0xD0]))
    }
}
