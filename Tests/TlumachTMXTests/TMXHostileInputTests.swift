import Foundation
import TlumachCore
@testable import TlumachTMX
import TlumachXML
import XCTest

/// Issue 17's guard bypasses and issue 11's crash and truncation, through the TMX reader (whole and in pieces, with
/// and without the byte scanner of the import fast path).
final class TMXHostileInputTests: XCTestCase {
    private func body(units: Int) -> String {
        (0..<units).map { #"<tu tuid="\#($0)"><tuv xml:lang="uk"><seg>Слово \#($0)</seg></tuv><tuv xml:lang="en"><seg>Word \#($0)</seg></tuv></tu>"# }
            .joined(separator: "\n")
    }

    private func tmx(prologue: String = "", units: Int = 50) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n" + prologue
            + #"<tmx version="1.4"><header srclang="uk" segtype="sentence" datatype="plaintext" adminlang="en" o-tmf="t" creationtool="t" creationtoolversion="1"/><body>"#
            + "\n" + body(units: units) + "\n</body></tmx>\n"
    }

    private func readAllWays(_ data: Data, _ check: (Result<[TMXUnit], any Error>, String) -> Void) {
        for pieceSize in [ChunkedParse.pieceSize, 2000] {
            for scan in [true, false] {
                var units: [TMXUnit] = []
                let result = Result {
                    try TMXReader.read(data: data, name: "h.tmx", pieceSize: pieceSize, scanPlainPieces: scan,
                                       header: { _, _ in }) { unit, _ in units.append(unit) }
                    return units
                }
                check(result, "piece size \(pieceSize), scanner \(scan)")
            }
        }
    }

    private func assertRefusesEntities(_ data: Data, file: StaticString = #filePath, line: UInt = #line) {
        readAllWays(data) { result, how in
            switch result {
            case .success(let units):
                XCTFail("accepted (\(units.count) units): \(how)", file: file, line: line)
            case .failure(let error):
                let input = error as? InputError
                XCTAssertEqual(input?.path, "h.tmx", file: file, line: line)
                XCTAssertTrue(input?.message.contains("refused") ?? false, "\(how): \(error)", file: file, line: line)
            }
        }
    }

    private let declaration = #"<!DOCTYPE tmx [ <!ENTITY e "expanded"> ]>"# + "\n"

    func testEntityDeclarationAfterALongCommentIsRefusedInEveryPiecing() {
        let comment = "<!--" + String(repeating: "x", count: (1 << 20) + 10) + "-->\n"
        assertRefusesEntities(Data(tmx(prologue: comment + declaration).utf8))
        // A comment holding "</tu>" cannot make a cut land before the declaration either.
        let tricky = "<!--" + String(repeating: "</tu>\n", count: 1000) + "-->\n"
        assertRefusesEntities(Data(tmx(prologue: tricky + declaration).utf8))
    }

    func testEntityDeclarationInUTF16WithoutBOMAndUCS4IsRefused() {
        let text = tmx(prologue: declaration).replacingOccurrences(of: "UTF-8", with: "UTF-16")
        var little = Data()
        var big = Data()
        for unit in text.utf16 {
            little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)])
            big.append(contentsOf: [UInt8(unit >> 8), UInt8(unit & 0xFF)])
        }
        assertRefusesEntities(little)
        assertRefusesEntities(big)
        var ucs4 = Data()
        for scalar in text.unicodeScalars { withUnsafeBytes(of: scalar.value.littleEndian) { ucs4.append(contentsOf: $0) } }
        assertRefusesEntities(ucs4)
    }

    func testUTF16WithoutBOMReadsTheSameUnitsInEveryPiecing() throws {
        let text = tmx().replacingOccurrences(of: "UTF-8", with: "UTF-16")
        let expected = try TMXReader.document(data: Data(tmx().utf8), name: "u8.tmx").units
        XCTAssertEqual(expected.count, 50)
        var little = Data()
        for unit in text.utf16 { little.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        readAllWays(little) { result, how in
            XCTAssertEqual(try? result.get(), expected, how)
        }
    }

    /// Issue 11: 100,000 nested <bpt> crashed the reader with SIGSEGV (recursion on untrusted depth).
    func testDeeplyNestedInlineCodesAreRefusedWithAPosition() {
        let nested = String(repeating: #"<bpt i="1">"#, count: 100_000) + String(repeating: "</bpt>", count: 100_000)
        let text = tmx().replacingOccurrences(of: "<seg>Слово 7</seg>", with: "<seg>\(nested)</seg>")
        readAllWays(Data(text.utf8)) { result, how in
            guard case .failure(let error) = result, let input = error as? InputError else {
                return XCTFail("\(how): not refused")
            }
            XCTAssertEqual(input.line, 10, how)
            XCTAssertTrue(input.message.contains("nested deeper than"), "\(how): \(input)")
        }
    }

    /// Issue 11: the first lines of a TMX were "extra content after the end of the document".
    func testTruncatedTMXSaysItEndsEarlyOnItsLastLine() {
        let lines = tmx(units: 400).split(separator: "\n", omittingEmptySubsequences: false)
        for count in [3, 150, 300] {
            let head = lines.prefix(count).joined(separator: "\n") + "\n"
            readAllWays(Data(head.utf8)) { result, how in
                guard case .failure(let error) = result, let input = error as? InputError else {
                    return XCTFail("\(how): not refused")
                }
                XCTAssertEqual(input.line, count, "\(how): \(input)")
                XCTAssertTrue(input.message.contains("ends early"), "\(how): \(input)")
                XCTAssertTrue(input.message.contains("<body>"), "\(how): \(input)")
            }
        }
    }

    /// A long text reaches the reader in many pieces (the parser splits it at references and buffer ends); they are
    /// merged in place into one text, in segments, inline codes, notes and props alike (merging by copying made 4 MB
    /// of text in one segment take over 10 s).
    func testTextInManyPiecesIsMergedIntoOneText() throws {
        let long = String(repeating: "К&amp;", count: 50_000)
        let expected = String(repeating: "К&", count: 50_000)
        let text = tmx(units: 3)
            .replacingOccurrences(of: "<seg>Слово 1</seg>", with: "<seg>\(long)<bpt i=\"1\">\(long)</bpt></seg>")
            .replacingOccurrences(of: #"<tu tuid="2">"#, with: #"<tu tuid="2"><note>\#(long)</note><prop type="x">\#(long)</prop>"#)
        let units = try TMXReader.document(data: Data(text.utf8), name: "l.tmx").units
        XCTAssertEqual(units[1].variants[0].segment.content, [
            .text(expected), .element(TMXInlineElement(name: "bpt", attributes: ["i": "1"], children: [.text(expected)])),
        ])
        XCTAssertEqual(units[2].annotations.count, 2)
        for annotation in units[2].annotations {
            switch annotation {
            case .note(let note): XCTAssertEqual(note.text, expected)
            case .prop(let prop): XCTAssertEqual(prop.text, expected)
            }
        }
    }
}
