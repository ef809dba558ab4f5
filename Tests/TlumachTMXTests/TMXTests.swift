import Foundation
import TlumachCore
import TlumachTMX
import TlumachXML
import TlumachTestSupport
import XCTest

final class TMXTests: XCTestCase {
    private func read(_ text: String, name: String = "test.tmx") throws -> TMXDocument {
        try TMXReader.document(data: Data(text.utf8), name: name)
    }

    func testReadsEveryConstruct() throws {
        let document = try read(richTMX)
        XCTAssertEqual(document.version, "1.4")
        XCTAssertEqual(document.header.sourceLanguage, "uk")
        XCTAssertEqual(document.header.attributes["creationdate"], "20240101T120000Z")
        XCTAssertEqual(document.header.notes.map(\.text), ["Header note & more"])
        XCTAssertEqual(document.header.props.first?.type, "x-domain")
        XCTAssertEqual(document.header.userDefinedEncodings.first?.maps.first?["ent"], "Apple_logo")
        XCTAssertEqual(document.units.count, 2)
        let unit = document.units[0]
        XCTAssertEqual(unit.tuid, "a-1")
        XCTAssertEqual(unit.latestDate, "20240301T090000Z")
        XCTAssertEqual(unit.attributes["usagecount"], "3")
        XCTAssertEqual(unit.notes.map(\.text), ["Перевірено редактором", "Second note"])
        XCTAssertEqual(unit.notes[1].attributes["xml:lang"], "en")
        XCTAssertEqual(unit.props, [TMXProp(type: "x-client", text: "Укрінформ")])
        // Order of notes and props is kept.
        guard case .note = unit.annotations[0], case .prop = unit.annotations[1], case .note = unit.annotations[2]
        else { return XCTFail("annotation order lost: \(unit.annotations)") }
        XCTAssertEqual(unit.variants.map(\.language), ["uk", "en-GB", "ru"])
        XCTAssertEqual(unit.variant(for: "en")?.language, "en-GB")
        let uk = try XCTUnwrap(unit.variant(for: "uk"))
        XCTAssertEqual(uk.attributes["creationdate"], "20240102T101010Z")
        XCTAssertEqual(uk.props.first?.text, "article-7")
        XCTAssertEqual(uk.segment.plainText, "  Саміт НАТО у Вільнюсі\tвідбувся\n11 липня. дуже \r")
        XCTAssertEqual(uk.segment.codes.map(\.name), ["bpt", "ept", "ph", "it", "ut", "ph"])
        XCTAssertEqual(uk.segment.codes[0].attributes, ["i": "1", "x": "1", "type": "bold"])
        XCTAssertEqual(uk.segment.codes[0].children, [.text("<b>")])
        XCTAssertEqual(uk.segment.codes[4].children, [.text("{\\b}")])
        let footnote = uk.segment.codes[5].children.first
        XCTAssertEqual(footnote, .element(TMXInlineElement(name: "sub", children: [.text("виноска")])))
        // Whitespace between two codes is text and survives.
        XCTAssertEqual(document.units[1].variants[0].segment.content.count, 3)
        XCTAssertEqual(document.units[1].variants[0].segment.plainText, " ")
        XCTAssertEqual(document.units[1].variants[1].segment.content, [])
    }

    func testRoundTripIsLosslessAndStable() throws {
        let first = try read(richTMX)
        let written = TMXWriter.document(first)
        let second = try read(written)
        XCTAssertEqual(first, second)
        XCTAssertEqual(TMXWriter.document(second), written, "serialisation is deterministic")
        // A unit serialised alone (how the memory stores it) parses back to itself.
        for unit in first.units {
            XCTAssertEqual(try TMXReader.unit(fromFragment: TMXWriter.xml(for: unit)), unit)
        }
        XCTAssertEqual(try TMXReader.units(fromFragments: first.units.map { TMXWriter.xml(for: $0) }), first.units)
    }

    func testReadsUTF16WithByteOrderMark() throws {
        let expected = try read(richTMX)
        let body = richTMX.replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
        var little = Data([0xFF, 0xFE])
        var big = Data([0xFE, 0xFF])
        for unit in body.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        XCTAssertEqual(try TMXReader.document(data: little, name: "le.tmx"), expected)
        XCTAssertEqual(try TMXReader.document(data: big, name: "be.tmx"), expected)
    }

    func testReadsTMX11LangAttributeAndAllSourceLanguage() throws {
        let old = """
            <tmx version="1.1"><header srclang="*all*" creationtool="old" creationtoolversion="1" segtype="sentence"
            o-tmf="x" adminlang="en" datatype="plaintext"/><body>
            <tu><tuv lang="EN-US"><seg>Hello</seg></tuv><tuv lang="UK"><seg>Привіт</seg></tuv></tu>
            </body></tmx>
            """
        let document = try read(old)
        XCTAssertEqual(document.version, "1.1")
        XCTAssertEqual(document.header.sourceLanguage, TMXLanguage.all)
        XCTAssertEqual(document.units[0].variants.map(\.language), ["EN-US", "UK"])
        XCTAssertEqual(document.units[0].variant(for: "uk")?.segment.plainText, "Привіт")
        XCTAssertTrue(document.units[0].variants[0].attributes.isEmpty)
        XCTAssertTrue(TMXWriter.document(document).contains("<tuv xml:lang=\"EN-US\">"))
    }

    func testMalformedInputNamesLineAndColumn() {
        let broken = "<tmx version=\"1.4\"><header/><body>\n<tu><tuv xml:lang=\"uk\"><seg>a</tuv></tu>\n</body></tmx>"
        XCTAssertThrowsError(try read(broken, name: "broken.tmx")) { error in
            guard let input = error as? InputError else { return XCTFail("\(error)") }
            XCTAssertEqual(input.path, "broken.tmx")
            // libxml2 recovers from the mismatched </tuv> on line 2 and the imbalance shows by line 3.
            XCTAssertTrue((2...3).contains(input.line ?? 0), "\(input)")
            XCTAssertNotNil(input.column)
        }
    }

    func testMismatchedEndTagIsAnError() {
        XCTAssertThrowsError(try read("<tmx><body><tu><tuv xml:lang=\"uk\"><seg>a</tu></tuv></seg></body></tmx>"))
    }

    /// XMLParser runs libxml2 in recovery mode: without stopping at the first error, a stray end tag or text after
    /// the root would be accepted, and other errors would be reported at the end of the file.
    func testReaderStopsAtTheFirstXMLErrorWhereItIs() {
        let cases: [(String, Int, String)] = [
            ("<a>\n<seg>x</b></seg>\n\n</a>", 2, "end tag"),
            ("<a>\n<seg>a & b</seg>\n\n\n</a>", 2, "&amp;"),
            ("<a>x</a>\n<b/>", 2, "extra content"),
        ]
        for (xml, line, message) in cases {
            XCTAssertThrowsError(try SafeXMLReader.parse(data: Data(xml.utf8), name: "x.xml") { _, _, _ in }) { error in
                let input = error as? InputError
                XCTAssertEqual(input?.line, line, xml)
                XCTAssertTrue(input?.message.contains(message) ?? false, "\(xml): \(error)")
            }
        }
    }

    func testTruncatedInputIsAnError() {
        let truncated = String(richTMX.prefix(richTMX.count * 2 / 3))
        XCTAssertThrowsError(try read(truncated)) { error in
            XCTAssertNotNil((error as? InputError)?.line)
        }
    }

    func testStructuralErrorsAreInputErrors() {
        let cases = [
            "<xliff/>": "root element",
            "<tmx><body><tu><tuv><seg>x</seg></tuv></tu></body></tmx>": "without a language",
            "<tmx><body><tu><tuv xml:lang=\"uk\"></tuv></tu></body></tmx>": "without a <seg>",
            "<tmx><body><tu></tu></body></tmx>": "without any <tuv>",
            "<tmx><body><tu><seg>x</seg></tu></body></tmx>": "unexpected element <seg>",
            "<tmx><body>stray text</body></tmx>": "unexpected text",
            "": "empty file",
        ]
        for (text, expected) in cases {
            XCTAssertThrowsError(try read(text), text) { error in
                let message = (error as? InputError)?.message ?? "\(error)"
                XCTAssertTrue(message.contains(expected), "\(text): \(message)")
            }
        }
    }

    func testHostileXMLIsRefused() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="uk"><seg>&b;</seg></tuv></tu></body></tmx>
            """
        XCTAssertThrowsError(try read(bomb))
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE tmx [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <tmx version="1.4"><header/><body><tu><tuv xml:lang="uk"><seg>&x;</seg></tuv></tu></body></tmx>
            """
        XCTAssertThrowsError(try read(external)) { error in
            XCTAssertFalse("\(error)".contains("root:"))
        }
    }

    /// Big files are parsed in pieces; the result and error positions must not depend on where the cuts fall.
    func testPiecewiseParsingEqualsWholeParsing() throws {
        let document = try read(richTMX)
        var many = document
        many.units = (0..<60).flatMap { index in
            document.units.map { unit in
                var copy = unit
                copy.tuid = "u\(index)"
                return copy
            }
        }
        let text = TMXWriter.document(many)
        let data = Data(text.utf8)
        for pieceSize in [300, 1000, 4096] {
            var units: [TMXUnit] = []
            var header = TMXHeader()
            try TMXReader.read(data: data, name: "p.tmx", pieceSize: pieceSize, header: { h, _ in header = h }) { unit, _ in
                units.append(unit)
            }
            XCTAssertEqual(units, many.units, "piece size \(pieceSize)")
            XCTAssertEqual(header, many.header)
            // UTF-16 input is transcoded before cutting.
            var utf16 = Data([0xFF, 0xFE])
            for unit in text.replacingOccurrences(of: "UTF-8", with: "UTF-16").utf16 {
                utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            }
            units = []
            try TMXReader.read(data: utf16, name: "p16.tmx", pieceSize: pieceSize) { unit, _ in units.append(unit) }
            XCTAssertEqual(units, many.units, "UTF-16, piece size \(pieceSize)")
            // An error deep in the file is reported on its own line, whichever piece it falls in.
            var lines = text.components(separatedBy: "\n")
            let target = lines.count * 2 / 3
            let brokenLine = lines[target...].firstIndex { $0.contains("<seg>") } ?? target
            lines[brokenLine] = lines[brokenLine].replacingOccurrences(of: "<seg>", with: "<seg><bad attr=>")
            XCTAssertThrowsError(
                try TMXReader.read(data: Data(lines.joined(separator: "\n").utf8), name: "b.tmx", pieceSize: pieceSize) { _, _ in }
            ) { error in
                XCTAssertEqual((error as? InputError)?.line, brokenLine + 1, "\(error)")
            }
            // Truncated at a unit boundary: still an error.
            let cut = text.range(of: "</tu>", options: .backwards, range: text.startIndex..<text.index(text.startIndex, offsetBy: text.count * 3 / 4))!
            XCTAssertThrowsError(
                try TMXReader.read(data: Data(text[..<cut.upperBound].utf8), name: "t.tmx", pieceSize: pieceSize) { _, _ in })
        }
    }

    func testFileWriterIsAtomic() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tmx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("out.tmx").path
        let document = try read(richTMX)
        do {
            let writer = try TMXFileWriter(path: path, header: document.header)
            try writer.write(document.units[0])
            // Abandoned before finish(): nothing appears, no temporary file stays.
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: directory.path), [])
        let writer = try TMXFileWriter(path: path, header: document.header)
        for unit in document.units { try writer.write(unit) }
        try writer.finish()
        XCTAssertEqual(try TMXReader.document(path: path), document)
    }
}
