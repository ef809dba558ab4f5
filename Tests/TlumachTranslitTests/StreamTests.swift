import Foundation
import TlumachCore
import XCTest

@testable import TlumachTranslit

final class StreamTests: XCTestCase {
    private func stream(_ input: Data, scheme: TransliterationScheme, chunkSize: Int) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in.txt")
        let outURL = directory.appendingPathComponent("out.txt")
        try input.write(to: inURL)
        XCTAssertTrue(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        let reader = try FileHandle(forReadingFrom: inURL)
        let writer = try FileHandle(forWritingTo: outURL)
        try SchemeTransliterator(scheme: scheme).transliterateStream(
            from: reader, to: writer, inputName: "in.txt", chunkSize: chunkSize)
        try reader.close()
        try writer.close()
        return try Data(contentsOf: outURL)
    }

    /// Reads of a few bytes split lines and multi-byte characters; the output is still line for line.
    func testTinyChunksGiveTheSameAsWholeLines() throws {
        let lines = Corpus.sentences + ["", "Щука\r", "ЯРОШЕНКО’", "и\u{0306}"]
        let text = lines.joined(separator: "\n")
        for scheme in TransliterationScheme.allCases {
            let transliterator = try SchemeTransliterator(scheme: scheme)
            let expected = lines.map { transliterator.transliterate($0) }.joined(separator: "\n")
            for chunkSize in [1, 3, 7, 64] {
                let output = try stream(Data(text.utf8), scheme: scheme, chunkSize: chunkSize)
                XCTAssertEqual(String(decoding: output, as: UTF8.self), expected, "\(scheme) chunk \(chunkSize)")
            }
        }
    }

    func testInvalidUTF8NamesFileAndOffset() throws {
        var data = Data("Київ\nХарків\n".utf8)
        data.append(contentsOf: [0x61, 0xC3, 0x28, 0x0A])
        let offset = data.count - 3
        for scheme in [TransliterationScheme.kmu2010, .ruSimple] {
            XCTAssertThrowsError(try stream(data, scheme: scheme, chunkSize: 5)) { error in
                XCTAssertEqual(error as? InputError, InputError(path: "in.txt", byteOffset: offset, message: "not valid UTF-8"))
            }
        }
    }
}
