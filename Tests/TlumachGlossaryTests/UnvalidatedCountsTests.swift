import Foundation
import TlumachCore
@testable import TlumachGlossary
import XCTest

/// `counts(inUnvalidatedUTF8:)`, what `terms --format summary --lang X FILE` uses: the file's bytes are validated
/// part by part by the workers that scan them. On valid text it counts what `counts(in:)` counts; on damaged text it
/// names the first invalid byte the package's validator names, whatever the number of parts.
final class UnvalidatedCountsTests: XCTestCase {
    private func text() -> String {
        MatcherCacheTests.sentences(from: Support.shipped.glossary, count: 400, seed: 11)
            + "Суми отримали допомогу. Київ і Рівне.\nДепутати Верховної\nРади та Збройні Сили\nУкраїни, Київ.\n"
            + "Там суми зросли; рівно вдвічі.\n"
    }

    func testValidBytesCountAsTheString() throws {
        let matcher = Support.shipped
        var text = text()
        for language: String? in ["uk", "en", nil] {
            let expected = matcher.counts(in: text, language: language, pieces: 1, minimumPiece: 1)
            XCTAssertGreaterThan(expected.values.reduce(0, +), 0)
            for pieces in [1, 2, 3, 7, 31] {
                let counted = try text.withUTF8 { bytes throws(InvalidUTF8) in
                    try matcher.counts(inUTF8: bytes, language: language, validating: true, pieces: pieces, minimumPiece: 1)
                }
                XCTAssertEqual(counted, expected, "\(pieces) parts, \(language ?? "any")")
            }
        }
        XCTAssertEqual(try [UInt8]().withUnsafeBufferPointer { bytes throws(InvalidUTF8) in try matcher.counts(inUnvalidatedUTF8: bytes, language: "uk") }, [:])
    }

    func testDamagedBytesNameTheFirstInvalidByte() {
        let matcher = Support.shipped
        let valid = Array(text().utf8)
        var generator = SeededGenerator(seed: 5)
        // Bad lead bytes, truncated sequences, surrogates, overlongs, at random places (some inside a letter).
        let damage: [[UInt8]] = [[0xFF], [0xC3], [0xD0, 0x41], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE2, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]]
        for round in 0..<60 {
            var bytes = valid
            for _ in 0..<(1 + round % 3) {
                let at = Int.random(in: 0...bytes.count, using: &generator)
                bytes.insert(contentsOf: damage[Int.random(in: 0..<damage.count, using: &generator)], at: at)
            }
            let expected = UTF8Validation.firstInvalidOffset(bytes)
            XCTAssertNotNil(expected)
            for pieces in [1, 2, 5, 16] {
                let offset = bytes.withUnsafeBufferPointer { buffer -> Int? in
                    do {
                        _ = try matcher.counts(inUTF8: buffer, language: "uk", validating: true, pieces: pieces, minimumPiece: 1)
                        return Int?.none
                    } catch let error as InvalidUTF8 {
                        return error.byteOffset
                    } catch {
                        return -1
                    }
                }
                XCTAssertEqual(offset, expected, "round \(round), \(pieces) parts")
            }
        }
    }
}
