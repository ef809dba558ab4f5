import Foundation
import TlumachCore
import TlumachXML
import XCTest

/// The bypasses of issue 17 (a declaration after a long prologue, UTF-16 without a BOM, UCS-4), the truncation
/// diagnosis of issue 11, and the nesting bound: each through the one reader every XML format goes through.
final class HostileXMLTests: XCTestCase {
    private let entityDocument = """
        <?xml version="1.0"?>
        <!DOCTYPE tmx [ <!ENTITY secret "leaked"> ]>
        <tmx><seg>a &secret; b</seg></tmx>
        """

    private func parse(_ data: Data) throws -> [XMLEvent] {
        var events: [XMLEvent] = []
        try SafeXMLReader.parse(data: data, name: "h.xml") { event, _, _ in events.append(event) }
        return events
    }

    private func text(_ events: [XMLEvent]) -> String {
        events.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
    }

    private func utf16(_ string: String, bigEndian: Bool, bom: Bool) -> Data {
        var data = Data()
        if bom { data.append(contentsOf: bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) }
        for unit in string.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            data.append(contentsOf: bigEndian ? [high, low] : [low, high])
        }
        return data
    }

    private func ucs4(_ string: String, order: [Int], bom: Bool) -> Data {
        var data = Data()
        let scalars = (bom ? [Unicode.Scalar(0xFEFF)!] : []) + Array(string.unicodeScalars)
        for scalar in scalars {
            let bytes = withUnsafeBytes(of: scalar.value.bigEndian) { Array($0) }
            data.append(contentsOf: order.map { bytes[$0] })
        }
        return data
    }

    private func assertRefused(_ data: Data, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try parse(data), file: file, line: line) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(input.path, "h.xml", file: file, line: line)
            XCTAssertNotNil(input.line, file: file, line: line)
            XCTAssertTrue(input.message.contains(expected), input.description, file: file, line: line)
        }
    }

    func testEntityDeclarationAfterAPrologueLongerThanOneMegabyteIsRefused() {
        let comment = "<!--" + String(repeating: "long prologue ", count: 100_000) + "-->\n"
        XCTAssertGreaterThan(comment.utf8.count, 1 << 20)
        let xml = #"<?xml version="1.0"?>"# + "\n" + comment + """
            <!DOCTYPE tmx [ <!ENTITY secret "leaked"> ]>
            <tmx><seg>a &secret; b</seg></tmx>
            """
        assertRefused(Data(xml.utf8), "entities")
        XCTAssertThrowsError(try parse(Data(xml.utf8))) { XCTAssertEqual(($0 as? InputError)?.line, 3) }
    }

    func testAnyInternalSubsetIsRefusedNotOnlyEntities() {
        let attributeDefault = #"<!DOCTYPE a [<!ATTLIST a injected CDATA "x">]><a/>"#
        assertRefused(Data(attributeDefault.utf8), "DTD")
        let prologue = "<!-- c -->\n<?pi x?>\n" + #"<!DOCTYPE a SYSTEM "x.dtd" [<!ELEMENT a ANY>]><a/>"#
        assertRefused(Data(prologue.utf8), "DTD")
    }

    func testDoctypeMarkersInCommentsAndLiteralsAreNotDeclarations() throws {
        let xml = #"<!-- <!DOCTYPE x [ <!ENTITY e "e"> ]> --><!DOCTYPE a SYSTEM "odd[name].dtd"><a>t</a>"#
        XCTAssertEqual(text(try parse(Data(xml.utf8))), "t")
    }

    func testEntityDeclarationInUTF16WithoutBOMIsRefusedInBothByteOrders() {
        for bigEndian in [false, true] {
            let declared = entityDocument.replacingOccurrences(of: #"version="1.0""#, with: #"version="1.0" encoding="UTF-16""#)
            assertRefused(utf16(declared, bigEndian: bigEndian, bom: false), "entities")
            assertRefused(utf16(entityDocument, bigEndian: bigEndian, bom: false), "entities")
            assertRefused(utf16(entityDocument, bigEndian: bigEndian, bom: true), "entities")
        }
    }

    func testUTF16WithoutBOMIsReadLikeUTF8() throws {
        let xml = #"<?xml version="1.0" encoding="UTF-16LE"?>"# + "\n<seg a=\"б\">Київ 𝄞</seg>"
        for bigEndian in [false, true] {
            let events = try parse(utf16(xml, bigEndian: bigEndian, bom: false))
            XCTAssertEqual(events.first, .start(name: "seg", attributes: ["a": "б"]))
            XCTAssertEqual(text(events), "Київ 𝄞")
        }
    }

    func testUCS4AndEBCDICAreRefusedAsUnsupportedEncodings() {
        for order in [[0, 1, 2, 3], [3, 2, 1, 0], [1, 0, 3, 2], [2, 3, 0, 1]] {
            for bom in [false, true] {
                assertRefused(ucs4(entityDocument, order: order, bom: bom), "UCS-4")
                assertRefused(ucs4("<a>x</a>", order: order, bom: bom), "UCS-4")
            }
        }
        assertRefused(Data([0x4C, 0x6F, 0xA7, 0x94, 0x93, 0x40]), "EBCDIC")
    }

    func testDeclaredEncodingsThatAreNotASCIIBasedAreRefused() throws {
        for encoding in ["UTF-7", "IBM037", "UTF-16", "UCS-4", "SHIFT_JIS"] {
            assertRefused(Data(#"<?xml version="1.0" encoding="\#(encoding)"?><a>x</a>"#.utf8), encoding)
        }
        for encoding in ["UTF-8", "utf-8", "ISO-8859-1", "windows-1251", "KOI8-U", "US-ASCII"] {
            let events = try parse(Data(#"<?xml version="1.0" encoding="\#(encoding)"?><a>x</a>"#.utf8))
            XCTAssertEqual(text(events), "x", encoding)
        }
    }

    func testLoneSurrogateInUTF16IsRefusedWithItsLine() {
        var data = utf16("<a>\nx", bigEndian: false, bom: true)
        data.append(contentsOf: [0x00, 0xD8])  // a high surrogate with no low one
        data.append(utf16("</a>", bigEndian: false, bom: false))
        assertRefused(data, "surrogate")
        XCTAssertThrowsError(try parse(data)) { XCTAssertEqual(($0 as? InputError)?.line, 2) }
    }

    // MARK: truncation (issue 11)

    private let tmx = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tmx version="1.4">
        <header srclang="uk" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="t" creationtool="t" creationtoolversion="1"/>
        <body>
        <tu tuid="1">
        <tuv xml:lang="uk"><seg>Перший рядок</seg></tuv>
        <tuv xml:lang="en"><seg>First line</seg></tuv>
        </tu>
        <tu tuid="2">
        <tuv xml:lang="uk"><seg>Другий рядок</seg></tuv>
        <tuv xml:lang="en"><seg>Second line</seg></tuv>
        </tu>
        </body>
        </tmx>

        """

    func testTheFirstLinesOfADocumentAreDiagnosedAsEndingEarly() {
        let lines = tmx.split(separator: "\n", omittingEmptySubsequences: false)
        // Cut after every line, and in the middle of a tag, a text and an attribute value.
        var cuts: [(String, Int, String)] = (5..<13).map { count in
            (lines.prefix(count).joined(separator: "\n") + "\n", count, count == 13 ? "<tmx>" : "")
        }
        cuts.append((lines.prefix(6).joined(separator: "\n") + "\n<tuv xml:lang=\"en\"><seg>Fir", 7, "<seg> opened at line 7"))
        cuts.append((lines.prefix(6).joined(separator: "\n") + "\n<tuv xml:lang=\"e", 7, "<tu> opened at line 5"))
        cuts.append((lines.prefix(6).joined(separator: "\n") + "\n<tuv xml:lang=\"en\"><seg>First line</s", 7, "<seg>"))
        for (document, lastLine, names) in cuts {
            for data in [Data(document.utf8), utf16(document, bigEndian: false, bom: true), utf16(document, bigEndian: true, bom: false)] {
                XCTAssertThrowsError(try parse(data), document) { error in
                    let input = error as? InputError
                    XCTAssertTrue(input?.message.contains("ends early") ?? false, "\(document)\n→ \(error)")
                    XCTAssertFalse(input?.message.contains("extra content") ?? true, "\(error)")
                    XCTAssertTrue(names.isEmpty || input?.message.contains(names) == true, "\(document)\n→ \(error)")
                    XCTAssertEqual(input?.line, lastLine, "\(document)\n→ \(error)")
                }
            }
        }
    }

    func testTheFileEndingEarlyNamesTheInnermostOpenElement() {
        let document = tmx.split(separator: "\n").prefix(9).joined(separator: "\n")
        XCTAssertThrowsError(try parse(Data(document.utf8))) { error in
            XCTAssertEqual(
                (error as? InputError)?.description,
                "h.xml:9:14: the file ends early (truncated?): <tu> opened at line 9 is not closed (nor 2 enclosing elements)")
        }
    }

    func testErrorsInsideTheDocumentAreNotCalledTruncation() {
        for xml in ["<a>\n<b></c>\n</a>", "<a><b>x & y</b>", "<a>x</a>\n<b/>"] {
            XCTAssertThrowsError(try parse(Data(xml.utf8))) { error in
                XCTAssertFalse((error as? InputError)?.message.contains("ends early") ?? true, "\(xml): \(error)")
            }
        }
    }

    // MARK: depth (issue 11)

    func testNestingIsBoundedAtTheDocumentedDepth() throws {
        let limit = SafeXMLReader.maximumDepth
        let deepest = String(repeating: "<b>", count: limit) + "x" + String(repeating: "</b>", count: limit)
        XCTAssertEqual(text(try parse(Data(deepest.utf8))), "x")
        for depth in [limit + 1, 100_000] {
            let xml = "<seg>\n" + String(repeating: "<bpt>", count: depth - 1) + String(repeating: "</bpt>", count: depth - 1) + "</seg>"
            assertRefused(Data(xml.utf8), "nested deeper than \(limit) levels")
            XCTAssertThrowsError(try parse(Data(xml.utf8))) { XCTAssertEqual(($0 as? InputError)?.line, 2) }
        }
    }
}
