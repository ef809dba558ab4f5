import Foundation
import TlumachCore
import TlumachGlossary
import XCTest

/// Issue 17 through the TBX reader: a declaration is refused wherever the prologue puts it and in every encoding.
final class TBXHostileInputTests: XCTestCase {
    func testEntityDeclarationsAreRefusedPastLongProloguesAndInEveryEncoding() throws {
        let fixture = try String(contentsOf: Support.fixtures.appendingPathComponent("v3-basic.tbx"), encoding: .utf8)
        XCTAssertFalse(try GlossaryTBX.read(data: Data(fixture.utf8), name: "v3.tbx").isEmpty)
        let hostile = fixture
            .replacingOccurrences(of: "<tbx ", with: "<!DOCTYPE tbx [<!ENTITY g \"Головне\">]>\n<tbx ")
            .replacingOccurrences(of: "<term>Головне управління розвідки</term>", with: "<term>&g; управління розвідки</term>")
        let long = hostile.replacingOccurrences(
            of: "<!DOCTYPE", with: "<!--" + String(repeating: "z", count: 1 << 21) + "-->\n<!DOCTYPE")
        var utf16LE = Data()
        for unit in hostile.utf16 { utf16LE.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        var ucs4 = Data()
        for scalar in hostile.unicodeScalars { withUnsafeBytes(of: scalar.value.littleEndian) { ucs4.append(contentsOf: $0) } }
        for (data, what) in [(Data(long.utf8), "long prologue"), (utf16LE, "UTF-16 without BOM"), (ucs4, "UCS-4")] {
            XCTAssertThrowsError(try GlossaryTBX.read(data: data, name: "h.tbx"), what) { error in
                let input = error as? InputError
                XCTAssertEqual(input?.path, "h.tbx", what)
                XCTAssertTrue(input?.message.contains("refused") ?? false, "\(what): \(error)")
            }
        }
    }
}
