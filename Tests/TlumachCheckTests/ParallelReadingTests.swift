import Foundation
import TlumachCore
import XCTest

@testable import TlumachCheck
@testable import TlumachFormats

/// The speed paths must give what the plain paths give: PO pieces parsed in parallel against one pass, the byte
/// JSON writer against `JSONText.quoted`.
final class ParallelReadingTests: XCTestCase {
    /// A PO with a header, contexts, plurals, comments, CRLF entries, continuation lines and escapes.
    func samplePO(entries: Int) -> String {
        var text = "# header comment\nmsgid \"\"\nmsgstr \"\"\n\"Language: uk\\n\"\n\"X-Source-Language: en\\n\"\n\n"
        for index in 0..<entries {
            switch index % 5 {
            case 0: text += "#, c-format\nmsgid \"File %d of \\\"%s\\\"\"\nmsgstr \"Файл %d з «%s»\"\n\n"
            case 1: text += "#. tlumach:disable=punctuation\nmsgctxt \"menu \(index)\"\nmsgid \"Open\"\nmsgstr \"Відкрити\"\n\"…\\n\"\n\n"
            case 2: text += "msgid \"%d item\"\nmsgid_plural \"%d items\"\nmsgstr[0] \"%d елемент\"\nmsgstr[1] \"%d елементи\"\nmsgstr[2] \"%d елементів\"\n\n"
            case 3: text += "msgid \"Line \(index)\"\r\nmsgstr \"Рядок \\x41\\101 \(index)\"\r\n\r\n"
            default: text += "msgid \"Plain \(index)\"\nmsgstr \"Простий \(index)\"\n\n"
            }
        }
        return text
    }

    func parse(_ text: String, pieceSize: Int, validate: Bool = true) throws -> BilingualDocument {
        var text = text
        return try text.withUTF8 { bytes in try POReader.parse(bytes: bytes, path: "p.po", validate: validate, pieceSize: pieceSize) }
    }

    func testPiecesGiveTheSameUnitsAsOnePass() throws {
        let text = samplePO(entries: 300)
        let whole = try parse(text, pieceSize: 1 << 30)
        XCTAssertEqual(whole.units.count, 300 + 60 * 2)
        XCTAssertEqual(whole.targetLanguage, "uk")
        XCTAssertEqual(whole.sourceLanguage, "en")
        for pieceSize in [64, 200, 1000, 5000] {
            var bytes = Array(text.utf8)
            let ranges = bytes.withUnsafeMutableBufferPointer { POReader.pieces(UnsafeBufferPointer($0), size: pieceSize) }
            XCTAssertGreaterThan(ranges.count, 1, "pieceSize \(pieceSize)")
            XCTAssertEqual(ranges.first?.lowerBound, 0)
            XCTAssertEqual(ranges.last?.upperBound, bytes.count)
            let pieces = try parse(text, pieceSize: pieceSize)
            XCTAssertEqual(pieces.units, whole.units, "pieceSize \(pieceSize)")
            XCTAssertEqual(pieces.targetLanguage, "uk")
            XCTAssertEqual(pieces.sourceLanguage, "en")
        }
        // And the same as the String entry point.
        XCTAssertEqual(try POReader.parse(text, path: "p.po").units, whole.units)
    }

    func testAnErrorInALaterPieceNamesItsLine() throws {
        var text = samplePO(entries: 200)
        // The appended msgid stands on the line after the last line break, its msgstr on the next.
        let lineOfError = text.utf8.filter { $0 == 0x0A }.count + 2
        text += "msgid \"a\"\nmsgstr \"\\q\"\n\nmsgid \"b\"\nbogus \"c\"\n"
        for pieceSize in [64, 1 << 30] {
            XCTAssertThrowsError(try parse(text, pieceSize: pieceSize)) { error in
                guard let input = error as? InputError else { return XCTFail("\(error)") }
                XCTAssertEqual(input.line, lineOfError, "\(input)")
                XCTAssertTrue(input.message.contains("unknown escape"), "\(input)")
            }
        }
    }

    func testTheHeaderMayComeAfterTheFirstPiece() throws {
        var text = ""
        for index in 0..<50 { text += "msgid \"a\(index)\"\nmsgstr \"б\(index)\"\n\n" }
        text += "msgid \"\"\nmsgstr \"Language: de\\n\"\n\nmsgid \"\"\nmsgstr \"Language: fr\\n\"\n\n"
        for pieceSize in [32, 1 << 30] {
            let document = try parse(text, pieceSize: pieceSize)
            XCTAssertEqual(document.targetLanguage, "de")
            XCTAssertEqual(document.units.count, 50)
            XCTAssertEqual(document.units.last?.line, 149)
        }
    }

    func testReadingAFileChecksUTF8WithTheFileOffset() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-po-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(samplePO(entries: 3000).utf8)
        let bad = bytes.count + 20  // after `msgid "x"\nmsgstr "ab`
        bytes += Array("msgid \"x\"\nmsgstr \"ab".utf8) + [0xD0] + Array("\"\n".utf8)
        let path = directory.appendingPathComponent("bad.po").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        var fast: InputError?
        var plain: InputError?
        XCTAssertThrowsError(try POReader.read(path: path)) { fast = $0 as? InputError }
        XCTAssertThrowsError(try TextFile.read(path)) { plain = $0 as? InputError }
        XCTAssertEqual(fast, InputError(path: path, byteOffset: bad, message: "invalid UTF-8"))
        // What TextFile.read reports for the same file.
        XCTAssertEqual(fast, plain)
        let good = directory.appendingPathComponent("good.po").path
        try Data([0xEF, 0xBB, 0xBF] + Array(samplePO(entries: 3000).utf8)).write(to: URL(fileURLWithPath: good))
        XCTAssertEqual(try POReader.read(path: good).units, try POReader.parse(TextFile.read(good), path: good).units)
        XCTAssertThrowsError(try POReader.read(path: directory.appendingPathComponent("missing.po").path)) { error in
            XCTAssertTrue("\(error)".contains("cannot read file"), "\(error)")
        }
    }

    func testJSONBytesEscapeAsJSONText() {
        let samples = [
            "", "plain", "“curly” — dash", "quote \" and \\ backslash", "line\nbreak\r\ttab", "\u{1}\u{1F}\u{7F}",
            "separators \u{2028} and \u{2029}", "emoji 🇺🇦 and \u{2027}\u{202A}", "€ ends with E2?\u{E2}",
            "Мiнiстерство «оборони»",
        ]
        for sample in samples {
            var output = JSONBytes()
            output.quoted(sample)
            XCTAssertEqual(String(decoding: output.bytes, as: UTF8.self), JSONText.quoted(sample), sample.debugDescription)
        }
        let many = (0..<2000).map { "item \($0) “\($0)”\n" }
        let parallel = JSONBytes.parallel(count: many.count, pieceSize: 7) { range, output in
            for index in range { output.quoted(many[index]) }
        }
        XCTAssertEqual(String(decoding: parallel, as: UTF8.self), many.map { JSONText.quoted($0) }.joined())
    }

    func testOnePassDecodingMatchesTheStandardLibraryAndThePlainPreFilters() {
        let samples = [
            "", "Kyiv", "Київ 2024", "Save %s to {file} <b>", "mail me@example.org", "see https://x.org", "www.x.org",
            "WWW.X.ORG", "wWw.x", "ww.", "a:/b", "emoji 🇺🇦 and é (e\u{301})", "\u{10FFFF}\u{7F}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}",
        ]
        for sample in samples {
            let (scalars, features) = TextFeatures.decode(sample)
            XCTAssertEqual(scalars, Array(sample.unicodeScalars), sample)
            XCTAssertEqual(features.contains(.digit), sample.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }, sample)
            XCTAssertEqual(features.contains(.placeholderStart), sample.utf8.contains { $0 == 0x25 || $0 == 0x7B || $0 == 0x3C }, sample)
            XCTAssertEqual(
                features.contains(.linkMarker),
                sample.contains("@") || sample.contains("://") || sample.contains("www.") || sample.contains("WWW."), sample)
            XCTAssertEqual(features.contains(.nonASCII), !sample.utf8.allSatisfy { $0 < 0x80 }, sample)
        }
    }
}
