import Foundation
import TlumachCore
import TlumachTestSupport
import XCTest

@testable import TlumachText

/// `normalize(utf8Buffer:sink:)`, what `tlumach normalize FILE > out` runs: the pieces handed to the sink, joined,
/// are the text the buffered call returns, with the same change count, whatever the piece size (a piece may end
/// inside unchanged input or right after a changed paragraph).
final class StreamedOutputTests: XCTestCase {
    func testStreamedPiecesJoinToTheBufferedText() throws {
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 29)
        let normalizers = try [NormalizerOptions(), NormalizerOptions(language: .en), NormalizerOptions(language: .uk)]
            .map { try ArticleNormalizer(options: $0) }
        var texts = (0..<300).map { _ in NormalizerFastPathTests.messy(&generator) }
        texts.append(try String(contentsOf: TestFiles.packageRoot.appendingPathComponent("examples/normalize/article.md"), encoding: .utf8))
        texts.append(String(repeating: NormalizerFastPathTests.realLike.joined(separator: "\n\n") + "\n\n", count: 20))
        texts.append(String(repeating: "Чистий абзац без змін.\n\n", count: 500) + "\u{FEFF}\"лапки\" - тире\n")
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            for reporting in [false, true] {
                let normalizer = normalizers[index % normalizers.count]
                let buffered = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: reporting) }
                for drainEvery in [1, 7, 64, 4096, 1 << 20] {
                    var streamed: [UInt8] = []
                    var pieces = 0
                    let result = bytes.withUnsafeBufferPointer {
                        normalizer.normalize(
                            utf8Buffer: $0, reporting: reporting,
                            sink: { piece in
                                streamed.append(contentsOf: piece)
                                pieces += 1
                            }, drainEvery: drainEvery)
                    }
                    XCTAssertEqual(streamed, buffered.utf8, "text \(index), pieces of \(drainEvery): \(text.debugDescription)")
                    XCTAssertEqual(result.utf8, [])
                    XCTAssertEqual(result.changeCount, buffered.changeCount)
                    XCTAssertEqual(result.changes, buffered.changes)
                    if drainEvery == 1 && index >= 300 { XCTAssertGreaterThan(pieces, 5, "drained as it goes") }
                    if streamed != buffered.utf8 { return }
                }
            }
        }
    }
}
