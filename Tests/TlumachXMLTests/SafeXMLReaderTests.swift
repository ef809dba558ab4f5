import Foundation
import TlumachCore
import TlumachXML
import XCTest

final class SafeXMLReaderTests: XCTestCase {
    private func events(_ xml: String) throws -> [XMLEvent] {
        var result: [XMLEvent] = []
        try SafeXMLReader.parse(data: Data(xml.utf8), name: "test.xml") { event, _, _ in result.append(event) }
        return result
    }

    func testReadsElementsAttributesAndSignificantWhitespace() throws {
        let result = try events(#"<tmx version="1.4"><seg xml:lang="uk">  м’ясо &amp; <![CDATA[<b>]]></seg></tmx>"#)
        XCTAssertEqual(result.first, .start(name: "tmx", attributes: ["version": "1.4"]))
        XCTAssertEqual(result[1], .start(name: "seg", attributes: ["xml:lang": "uk"]))
        let text = result.compactMap { if case .text(let t) = $0 { t } else { nil } }.joined()
        XCTAssertEqual(text, "  м’ясо & <b>")
    }

    func testRefusesBillionLaughsBeforeParsing() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
            ]>
            <lolz>&lol2;</lolz>
            """
        XCTAssertThrowsError(try events(bomb)) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.line, 3)
            XCTAssertTrue(input?.message.contains("entities") ?? false)
        }
    }

    func testRefusesExternalEntityAndReadsNoFile() {
        let xxe = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
            <tmx><seg>&secret;</seg></tmx>
            """
        XCTAssertThrowsError(try events(xxe))
    }

    func testAcceptsExternalDTDReferenceWithoutLoadingIt() throws {
        let xml = #"<?xml version="1.0"?><!DOCTYPE tmx SYSTEM "/nonexistent/tmx14.dtd"><tmx><seg>a</seg></tmx>"#
        XCTAssertEqual(try events(xml).count, 5)
    }

    func testTruncatedDocumentIsAnErrorWithPosition() {
        XCTAssertThrowsError(try events("<tmx>\n<body><tu><seg>text</seg>")) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.path, "test.xml")
            XCTAssertNotNil(input.line)
        }
    }

    func testMalformedDocumentNamesLine() {
        XCTAssertThrowsError(try events("<a>\n<b></a>")) { error in
            XCTAssertEqual((error as? InputError)?.line, 2)
        }
    }

    func testReadsUTF16WithBOM() throws {
        var data = Data([0xFF, 0xFE])
        let xml = #"<?xml version="1.0" encoding="UTF-16"?><seg>Київ</seg>"#
        for unit in xml.utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        var texts: [String] = []
        try SafeXMLReader.parse(data: data, name: "u16.xml") { event, _, _ in
            if case .text(let t) = event { texts.append(t) }
        }
        XCTAssertEqual(texts.joined(), "Київ")
    }

    func testEscaping() {
        XCTAssertEqual(xmlEscaped(#"a<b & "c""#, attribute: true), "a&lt;b &amp; &quot;c&quot;")
    }
}
