import Foundation
import TlumachCore
import TlumachFormats
import XCTest

/// Issue 11 and 17 for the PO and XLIFF readers: overflowing escapes, the XML guard, nesting.
final class ReaderRobustnessTests: XCTestCase {
    func testPOEscapesThatOverflowAreRefusedWithTheirPosition() {
        let cases = [
            #"msgid "a \x18446744073709551616""#, #"msgid "a \xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF""#, #"msgid "a \x100""#,
            #"msgid "a \777""#, #"msgid "a \400""#,
        ]
        for text in cases {
            XCTAssertThrowsError(try POReader.parse("# c\n" + text + "\nmsgstr \"b\"\n", path: "o.po"), text) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(input.description, "o.po:2:10: \(text.contains("x") ? "\\x" : "octal") escape out of range (more than one byte)")
            }
        }
    }

    func testPOOneByteEscapesStillDecode() throws {
        let document = try POReader.parse(#"msgid "\xFF\x41\101\0""# + "\nmsgstr \"\\x0041\"\n", path: "e.po")
        XCTAssertEqual(document.units.first?.source, "\u{FFFD}AA\0")
        XCTAssertEqual(document.units.first?.target, "A")
    }

    func testPOUnicodeEscapeIsAnErrorNotATrap() {
        XCTAssertThrowsError(try POReader.parse(#"msgid "\u110000000000000000000""# + "\nmsgstr \"\"\n", path: "u.po")) { error in
            XCTAssertEqual((error as? InputError)?.line, 1)
        }
    }

    private let xliffEntity = """
        <?xml version="1.0"?>
        <!DOCTYPE xliff [ <!ENTITY e "expanded"> ]>
        <xliff version="1.2"><file source-language="en" target-language="uk"><body>
        <trans-unit id="1"><source>a &e; b</source><target>а &e; б</target></trans-unit></body></file></xliff>
        """

    func testXLIFFGuardBypassesAreRefused() {
        let comment = "<!--" + String(repeating: "y", count: (1 << 20) + 1) + "-->"
        let long = xliffEntity.replacingOccurrences(of: "<!DOCTYPE", with: comment + "\n<!DOCTYPE")
        var utf16 = Data()
        for unit in xliffEntity.utf16 { utf16.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)]) }
        var ucs4 = Data()
        for scalar in xliffEntity.unicodeScalars { withUnsafeBytes(of: scalar.value.bigEndian) { ucs4.append(contentsOf: $0) } }
        for data in [Data(long.utf8), utf16, ucs4] {
            XCTAssertThrowsError(try XLIFFReader.parse(data: data, name: "e.xlf")) { error in
                XCTAssertTrue((error as? InputError)?.message.contains("refused") ?? false, "\(error)")
            }
        }
    }

    /// Issue 11: 8,000 nested levels took 7 s (each inline element copied the whole segment being built).
    func testXLIFFNestingIsBoundedAndSiblingCodesAreRead() throws {
        for (open, close) in [("<g id=\"g\">", "</g>"), ("<mrk mtype=\"x\">", "</mrk>")] {
            let deep = String(repeating: open, count: 8000) + "x" + String(repeating: close, count: 8000)
            let xml = #"<xliff version="1.2"><file><body><trans-unit id="1"><source>"# + deep + "</source></trans-unit></body></file></xliff>"
            XCTAssertThrowsError(try XLIFFReader.parse(data: Data(xml.utf8), name: "d.xlf")) { error in
                XCTAssertTrue((error as? InputError)?.message.contains("nested deeper") ?? false, "\(error)")
            }
        }
        let siblings = String(repeating: #"a<x id="1"/><g id="2">b</g>"#, count: 5000)
        let xml = #"<xliff version="1.2"><file><body><trans-unit id="1"><source>"# + siblings
            + "</source><target>" + siblings + "</target></trans-unit></body></file></xliff>"
        let document = try XLIFFReader.parse(data: Data(xml.utf8), name: "s.xlf")
        XCTAssertEqual(document.units.first?.sourceCodes.count, 15_000)
        XCTAssertEqual(document.units.first?.target?.count, 10_000)
    }
}
