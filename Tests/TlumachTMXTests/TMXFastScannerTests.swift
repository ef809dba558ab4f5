@testable import TlumachTMX
import TlumachCore
import XCTest

/// The byte scanner for plain middle pieces of a large TMX file must hand over exactly the units (and lines) the XML
/// parser would, and leave every piece it cannot read exactly to the parser, so errors are reported as before.
final class TMXFastScannerTests: XCTestCase {
    private struct Generated {
        var random = SeededGenerator(seed: 14)

        mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }

        mutating func text() -> String {
            let parts = ["Київ", "ґанок", " ", "  ", "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "'", "\"", ">", "a]b", "n",
                         "word", "\t", "\n", "ї", "€", "—"]
            return (0..<Int.random(in: 0...6, using: &random)).map { _ in pick(parts) }.joined()
        }

        mutating func attribute() -> String {
            let values = ["20240101T000000Z", "a &amp; b", "it&apos;s", "x&lt;y", "", "олена", "q&quot;"]
            return pick(values)
        }

        /// One unit as a file would have it: mostly plain, sometimes with what the scanner leaves to the parser.
        mutating func unit(_ index: Int) -> String {
            var tu = "<tu tuid=\"t\(index)\""
            if Bool.random(using: &random) { tu += " creationdate='\(attribute())'" }
            if Int.random(in: 0..<4, using: &random) == 0 { tu += "  changeid = \"\(attribute())\" " }
            tu += ">"
            if Int.random(in: 0..<40, using: &random) == 0 { tu += "<note>a note</note>" }
            for language in ["uk", "en"] {
                let tag = Int.random(in: 0..<10, using: &random) == 0 ? "lang=\"\(language)\"" : "xml:lang=\"\(language)\""
                var segment = text()
                switch Int.random(in: 0..<60, using: &random) {
                case 0: segment += "<ph x=\"1\"/>"
                case 1: segment += "&#1031;"
                case 2: segment += "<![CDATA[a]]>"
                case 3: segment += "<!-- c -->"
                default: break
                }
                tu += "\n  " + pick(["", " "]) + "<tuv \(tag)>" + pick(["", "\n   "]) + "<seg>\(segment)</seg></tuv>"
            }
            return tu + "\n</tu>\n"
        }

        mutating func document(units: Int) -> String {
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header srclang=\"uk\"/>\n<body>\n"
            for index in 0..<units { text += unit(index) }
            return text + "</body>\n</tmx>\n"
        }
    }

    private func read(_ data: Data, pieceSize: Int, scan: Bool) throws -> [(TMXUnit, Int)] {
        var units: [(TMXUnit, Int)] = []
        try TMXReader.read(
            data: data, name: "g.tmx", pieceSize: pieceSize, scanPlainPieces: scan, header: { _, _ in },
            unit: { units.append(($0, $1)) })
        return units
    }

    func testScannedPiecesEqualParsedPieces() throws {
        var generated = Generated()
        let data = Data(generated.document(units: 1500).utf8)
        var scannedPieces = 0
        for pieceSize in [700, 3000, 20_000] {
            let parsed = try read(data, pieceSize: 1 << 30, scan: false)
            let scanned = try read(data, pieceSize: pieceSize, scan: true)
            XCTAssertEqual(scanned.count, parsed.count)
            for (a, b) in zip(scanned, parsed) {
                XCTAssertEqual(a.0, b.0)
                XCTAssertEqual(a.1, b.1, "line of \(a.0.tuid ?? "?")")
            }
            // Most middle pieces must be scannable (the rest hold a note, a code, a reference), or this proves little.
            var middlePieces = 0
            try ChunkedParse.parse(data, name: "g.tmx", pieceSize: pieceSize, scan: { piece, line in
                middlePieces += 1
                if TMXFastScanner.units(in: piece, firstLine: line) != nil { scannedPieces += 1 }
                return false
            }) { _, _, _ in }
            XCTAssertGreaterThan(middlePieces, 2)
        }
        XCTAssertGreaterThan(scannedPieces, 10)
        // A plain piece on its own is read by the scanner.
        let plain = "<tu tuid=\"a\">\n  <tuv xml:lang=\"uk\"><seg>Київ &amp; Львів</seg></tuv>\n  <tuv lang=\"en\"><seg></seg></tuv>\n</tu>\n"
        let units = Data(plain.utf8).withUnsafeBytes { TMXFastScanner.units(in: $0, firstLine: 10) }
        XCTAssertEqual(units?.count, 1)
        XCTAssertEqual(units?.first?.0.variants.first?.segment.plainText, "Київ & Львів")
        XCTAssertEqual(units?.first?.0.variants.last?.language, "en")
        XCTAssertEqual(units?.first?.1, 10)
    }

    func testWhatTheScannerCannotReadExactlyGoesToTheParser() {
        let refused = [
            "<tu><tuv xml:lang=\"uk\"><seg>a &nbsp; b</seg></tuv></tu>", "<tu><tuv xml:lang=\"uk\"><seg>a\rb</seg></tuv></tu>",
            "<tu><tuv xml:lang=\"uk\"><seg>a ]]> b</seg></tuv></tu>", "<tu><tuv xml:lang=\"uk\"><seg>\u{1}</seg></tuv></tu>",
            "<tu><tuv xml:lang=\"uk\"><seg>a</seg></tuv>", "<tu a=\"1\" a=\"2\"><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu>",
            "<tu xmlns=\"x\"><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu>", "<tu><tuv xml:lang=\"uk\"><seg/></tuv></tu>",
            "<tu><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu> junk", "<tu a=\"x\ny\"><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu>",
            "<tu><tuv><seg>a</seg></tuv></tu>", "<tu></tu>", "<tu><tuv xml:lang=\"uk\"><seg>\u{FFFF}</seg></tuv></tu>",
            "<tu a=b><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu>", "<tu><tuv xml:lang=\"uk\" x:y=\"1\"><seg>a</seg></tuv></tu>",
        ]
        for text in refused {
            XCTAssertNil(Data(text.utf8).withUnsafeBytes { TMXFastScanner.units(in: $0, firstLine: 1) }, text)
        }
        // Invalid UTF-8.
        var bytes = Array("<tu><tuv xml:lang=\"uk\"><seg>a".utf8) + [0xC3, 0x28] + Array("</seg></tuv></tu>".utf8)
        XCTAssertNil(bytes.withUnsafeMutableBytes { TMXFastScanner.units(in: UnsafeRawBufferPointer($0), firstLine: 1) })
        bytes = Array("<tu><tuv xml:lang=\"uk\"><seg>a</seg></tuv></tu>".utf8)
        XCTAssertNotNil(bytes.withUnsafeMutableBytes { TMXFastScanner.units(in: UnsafeRawBufferPointer($0), firstLine: 1) })
    }

    func testErrorsInScannablePiecesAreReportedAsBefore() throws {
        var generated = Generated()
        let text = generated.document(units: 600)
        var lines = text.components(separatedBy: "\n")
        let middle = lines.count / 2
        for (find, replace) in [("<seg>", "<seg>&bogus;"), ("</tuv>", "</tu>"), ("<seg>", "<seg>\u{1}"), ("<tuv ", "<tuv a=\"<\" ")] {
            var broken = lines
            let index = broken[middle...].firstIndex { $0.contains(find) }!
            broken[index] = broken[index].replacingOccurrences(of: find, with: replace)
            let data = Data(broken.joined(separator: "\n").utf8)
            var expected: InputError?
            XCTAssertThrowsError(try read(data, pieceSize: 1 << 30, scan: false)) { expected = $0 as? InputError }
            XCTAssertThrowsError(try read(data, pieceSize: 2000, scan: true)) { error in
                XCTAssertEqual((error as? InputError)?.line, expected?.line, "\(replace): \(error)")
                XCTAssertEqual((error as? InputError)?.message, expected?.message, replace)
            }
        }
        lines = []
    }
}
