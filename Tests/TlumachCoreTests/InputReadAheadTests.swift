import Foundation
import TlumachCore
import XCTest

/// `InputReadAhead`: a file read ahead (mapped, paged in, validated in 1 MB chunks shared between two threads)
/// gives the bytes and the first invalid offset one pass over the file gives, and is not taken once it changed.
final class InputReadAheadTests: XCTestCase {
    private func temporaryFile(_ bytes: [UInt8]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("readahead-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url
    }

    /// Catalog-like text (two-byte Cyrillic, three-byte marks), ≥ 3 MB: chunk cuts land inside sequences.
    private let text = Array(String(repeating: "Зв'язок із сервером — «так»; м’ясо\n\n", count: 60_000).utf8)

    func testValidFileIsTakenWithItsBytesAndNoInvalidOffset() throws {
        let url = try temporaryFile(text)
        let readAhead = InputReadAhead.begin(paths: ["--lang", url.path, "uk"])
        let taken = try XCTUnwrap(readAhead.take(url.path))
        XCTAssertEqual(Array(taken.data), text)
        XCTAssertNil(taken.firstInvalidOffset)
        // Taken again (a path given twice): the same.
        XCTAssertEqual(readAhead.take(url.path)?.data.count, text.count)
    }

    func testFirstInvalidByteIsTheOnePassOne() throws {
        // A lone lead byte in the third megabyte and a stray continuation byte after it: the first is reported.
        var bad = text
        let first = (2 << 20) + 12_345
        bad[first] = 0xD0
        bad[first + 1] = 0x20
        bad[(3 << 20) - 1] = 0x80
        let url = try temporaryFile(bad)
        let taken = try XCTUnwrap(InputReadAhead.begin(paths: [url.path]).take(url.path))
        let expected = bad.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) }
        XCTAssertEqual(taken.firstInvalidOffset, expected)
        XCTAssertNotNil(expected)
        // A chunk cut right after a lead byte: still found where one pass finds it.
        var cut = text
        cut[(1 << 20) - 1] = 0xE2
        let atCut = try temporaryFile(cut)
        XCTAssertEqual(
            InputReadAhead.begin(paths: [atCut.path]).take(atCut.path)?.firstInvalidOffset,
            cut.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0) })
    }

    /// Round 12: a file read ahead says whether it holds a CR (the normaliser no longer searches the whole file
    /// for one on the main thread): a CRLF line in the third megabyte is found, text without one says none.
    func testCarriageReturnIsFoundInAnyChunk() throws {
        var withCR = text
        let at = (2 << 20) + 777
        withCR.replaceSubrange(at..<at, with: Array("Рядок Windows\r\n".utf8))
        let crFile = try temporaryFile(withCR)
        XCTAssertEqual(InputReadAhead.begin(paths: [crFile.path]).take(crFile.path)?.hasCarriageReturn, true)
        let plain = try temporaryFile(text)
        XCTAssertEqual(InputReadAhead.begin(paths: [plain.path]).take(plain.path)?.hasCarriageReturn, false)
    }

    func testChangedSmallMissingAndUnlistedFilesAreNotTaken() throws {
        let url = try temporaryFile(text)
        let small = try temporaryFile(Array("м'ясо\n".utf8))
        let other = try temporaryFile(text)
        let readAhead = InputReadAhead.begin(paths: [url.path, small.path, "/nonexistent/tlumach-\(UUID().uuidString)"])
        XCTAssertNotNil(readAhead.take(url.path))
        XCTAssertNil(readAhead.take(small.path))  // below 1 MB: the command reads it itself
        XCTAssertNil(readAhead.take("/nonexistent/file"))
        XCTAssertNil(readAhead.take(other.path))  // not among the paths read ahead
        // Replaced after it was read ahead (another file at the path): the command must read the new one.
        try Data(text + Array("Ще рядок.\n".utf8)).write(to: url)
        XCTAssertNil(readAhead.take(url.path))
    }
}
