import Foundation
import TlumachCore
import XCTest

/// `TextFile.prefault`: advice only. A mapped file reads the same bytes after it, and memory that is not a file
/// mapping (a heap buffer, an empty one, one not starting on a page) is left as it was.
final class TextFilePrefaultTests: XCTestCase {
    func testMappedFileReadsTheSameBytes() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("prefault-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: url) }
        let text = Array(String(repeating: "Зв'язок \"так\"\n\n", count: 100_000).utf8)  // ≥ 1 MB: prefaulted
        try Data(text).write(to: url)
        let mapped = try Data(contentsOf: url, options: .alwaysMapped)
        mapped.withUnsafeBytes(TextFile.prefault)
        XCTAssertEqual(Array(mapped), text)
        // Not page-aligned: from the third byte on.
        mapped.withUnsafeBytes { TextFile.prefault(UnsafeRawBufferPointer(rebasing: $0[3...])) }
        XCTAssertEqual(Array(mapped), text)
    }

    func testMemoryThatIsNoFileIsLeftAsItIs() {
        let bytes = [UInt8](repeating: 0x61, count: 3 << 20)
        bytes.withUnsafeBytes(TextFile.prefault)
        XCTAssertEqual(bytes.count, 3 << 20)
        XCTAssertTrue(bytes.allSatisfy { $0 == 0x61 })
        [UInt8]().withUnsafeBytes(TextFile.prefault)
    }
}
