import TlumachCore
import XCTest

@testable import TlumachText

final class UTF8ValidationTests: XCTestCase {
    /// The standard library's decoder as the independent answer: where its first error begins.
    private func decoderOffset(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): offset += UTF8.width(scalar)
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    func testAgreesWithTheStandardDecoderOnRandomBytes() {
        var generator = SeededGenerator(seed: 3)
        let pieces: [[UInt8]] = [
            [0x41], [0xD0, 0x9A], [0xD1], [0xE2, 0x80, 0x99], [0xE2, 0x80], [0xF0, 0x9F, 0x91, 0x8D], [0xC0, 0x80],
            [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0x80], [0xE0, 0x80, 0x80], [0x0A],
        ]
        for _ in 0..<5000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 12) { bytes += generator.pick(pieces) }
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), decoderOffset(bytes), "\(bytes)")
        }
    }

    /// Long ASCII runs (the validator skips them eight bytes at a time) with damage at every alignment, and the
    /// validation in parts (cut before non-continuation bytes) giving the same answer as one pass.
    func testASCIIRunsAndPartsAgreeWithTheStandardDecoder() {
        var generator = SeededGenerator(seed: 8)
        let pieces: [[UInt8]] = [
            [0xD0, 0x9A], [0xD1], [0xE2, 0x80, 0x99], [0xE2, 0x80], [0xF0, 0x9F, 0x91, 0x8D], [0xC0, 0x80],
            [0xED, 0xA0, 0x80], [0xFF], [0x80], [0x80, 0x80, 0x80, 0x80, 0x80], [0xD1, 0x97],
        ]
        for round in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 6) {
                bytes += (0..<Int(generator.next() % 40)).map { UInt8(0x20 + ($0 * 7 + round) % 0x5F) }
                if generator.next() % 3 != 0 { bytes += generator.pick(pieces) }
            }
            let expected = decoderOffset(bytes)
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), expected, "\(bytes)")
            for parts in [2, 3, 7] {
                let inParts = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0, parts: parts, minimumPart: 1) }
                XCTAssertEqual(inParts, expected, "\(parts) parts: \(bytes)")
            }
        }
    }

    /// Cyrillic and other two-byte runs (the validator reads them eight bytes at a time) with damage at every
    /// alignment: a lone lead or continuation byte, C0/C1, a three- or four-byte sequence, cut or whole.
    func testTwoByteRunsAgreeWithTheStandardDecoder() {
        var generator = SeededGenerator(seed: 12)
        let letters: [[UInt8]] = [[0xD0, 0x9A], [0xD1, 0x97], [0xD0, 0x86], [0x20], [0x41], [0xC2, 0xA0], [0xDF, 0xBF]]
        let damage: [[UInt8]] = [
            [0xD1], [0x80], [0xC0, 0x80], [0xC1, 0xBF], [0xE2, 0x80, 0x99], [0xE2, 0x80], [0xF0, 0x9F, 0x91, 0x8D],
            [0xED, 0xA0, 0x80], [0xFF], [0xD0, 0xD0], [0xD0, 0x41], [0xF4, 0x90, 0x80, 0x80],
        ]
        for _ in 0..<4000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(generator.next() % 5) {
                for _ in 0..<Int(generator.next() % 30) { bytes += generator.pick(letters) }
                if generator.next() % 2 == 0 { bytes += generator.pick(damage) }
            }
            let expected = decoderOffset(bytes)
            XCTAssertEqual(UTF8Validation.firstInvalidOffset(bytes), expected, "\(bytes)")
            let inParts = bytes.withUnsafeBufferPointer { UTF8Validation.firstInvalidOffset($0, parts: 3, minimumPart: 1) }
            XCTAssertEqual(inParts, expected, "\(bytes)")
        }
    }

    func testValidText() {
        XCTAssertNil(UTF8Validation.firstInvalidOffset(Array("Київ — м’ясо 👍🏽".utf8)))
        XCTAssertEqual(UTF8Validation.firstInvalidOffset([0x41, 0x42, 0xD0, 0x20]), 2)
    }
}
