@testable import TlumachMemory
import XCTest

/// The import tokenises straight to ids through its own hash table; it must give exactly the tokens and stems the
/// search side (`analyze`) gives, or indexed search would miss units.
final class ImportVocabularyTests: XCTestCase {
    private func emptyVocabulary() throws -> ImportVocabulary {
        ImportVocabulary(tokens: [(1, "штаб"), (7, "news")])
    }

    func testTokenIDsEqualTheAnalysedWordsAndStems() throws {
        let vocabulary = try emptyVocabulary()
        XCTAssertEqual(vocabulary.firstNewToken, 8)
        XCTAssertEqual(vocabulary.id("штаб"), 1)
        var text: [UInt32: String] = [1: "штаб", 7: "news"]
        let uk = try MemoryTokenizer(language: "uk")
        let en = try MemoryTokenizer(language: "en")
        let samples = [
            "Координаційного штабу працює цілодобово, штаб — 24/7.", "П’ятниця БУДЕ со́нячною; п'ятниця 2026 року.",
            "Штабом керує Іван; штабу 3 роки", "", "news: the NEWS agencies were running 2 reports", "café CAFÉ ﬁle",
            "Word-break: don't stop; running runners ran, 3.14 and 1,000", "日本語 テキスト mixed with Ukrainian слово",
        ]
        for (tokenizer, side) in [(uk, ImportVocabulary.Side.source), (en, .target)] {
            for sample in samples + samples.reversed() {
                let ids = tokenizer.tokenIDs(sample, vocabulary: vocabulary, side: side)
                for (offset, token) in vocabulary.newTokens.enumerated() {
                    text[vocabulary.firstNewToken + UInt32(offset)] = token
                }
                let expected = tokenizer.analyze(sample)
                XCTAssertEqual(ids.words.map { text[$0] ?? "?" }, expected.words, sample)
                XCTAssertEqual(ids.stems.map { text[$0] ?? "?" }, expected.stems, sample)
            }
        }
        // Every distinct string has exactly one id.
        XCTAssertEqual(Set(text.values).count, text.count)
    }

    /// The import's path (one reused pair of word buffers, ids given on the parsing thread, target stems only) gives
    /// the same ids and adds the same tokens in the same order as the general path, including text the fast word
    /// break hands to ICU right after text it handled (the buffers must not carry anything over).
    func testReusedScratchGivesTheSameIDsAsTheGeneralPath() throws {
        let uk = try MemoryTokenizer(language: "uk")
        let en = try MemoryTokenizer(language: "en")
        let pairs: [(String, String)] = [
            ("Координаційного штабу працює цілодобово, штаб — 24/7.", "The coordination HQ works round the clock."),
            ("日本語 テキスト mixed with слово", "café CAFÉ ﬁle"),
            ("", "news: the NEWS agencies were running 2 reports"),
            ("Штабом керує Іван; штабу 3 роки", ""),
            ("П’ятниця БУДЕ со́нячною; п'ятниця 2026 року.", "Word-break: don't stop; running runners ran, 3.14 and 1,000"),
            ("a", "b"),
        ]
        let fast = ImportVocabulary(tokens: [(1, "штаб"), (7, "news")])
        let general = ImportVocabulary(tokens: [(1, "штаб"), (7, "news")])
        var scratch = PrepareScratch()
        for (source, target) in pairs + pairs.reversed() + pairs {
            let ids = scratch.tokenIDs(
                source: source, target: target, sourceTokenizer: uk, targetTokenizer: en, vocabulary: fast)
            let expectedSource = uk.tokenIDs(source, vocabulary: general, side: .source)
            let expectedTarget = en.tokenIDs(target, vocabulary: general, side: .target)
            XCTAssertEqual(ids.words, expectedSource.words, source)
            XCTAssertEqual(ids.stems, expectedSource.stems, source)
            XCTAssertEqual(ids.targetStems, expectedTarget.stems, target)
            XCTAssertEqual(fast.newTokens, general.newTokens)
        }
        XCTAssertFalse(fast.newTokens.isEmpty)
    }

    /// Keys of at most 8 bytes live inside the slot, zero-padded: keys that differ only by trailing zero bytes, the
    /// empty key and keys on both sides of the 8-byte boundary must stay distinct, across growth.
    func testByteKeyTableKeepsShortAndLongKeysApart() {
        var table = ByteKeyTable()
        var keys: [[UInt8]] = [[], [0], [0, 0], [97], [97, 0], [97, 0, 0, 0, 0, 0, 0, 0], Array("12345678".utf8),
                               Array("123456789".utf8), Array("1234567".utf8), Array("ш".utf8), Array("штаб".utf8)]
        keys += (0..<100_000).map { Array(String($0, radix: 36).utf8) }
        keys += (0..<20_000).map { Array("слово\($0)".utf8) }
        var seen = Set<[UInt8]>()
        keys = keys.filter { seen.insert($0).inserted }
        for (index, key) in keys.enumerated() {
            XCTAssertNil(key.withUnsafeBufferPointer { table.find($0) })
            key.withUnsafeBufferPointer { table.insert($0, value: UInt32(index)) }
        }
        for (index, key) in keys.enumerated() {
            XCTAssertEqual(key.withUnsafeBufferPointer { table.find($0) }, UInt32(index), "\(key)")
        }
        for absent: [UInt8] in [[0, 0, 0], [97, 0, 0], Array("123456780".utf8), Array("слово20000".utf8)] {
            XCTAssertNil(absent.withUnsafeBufferPointer { table.find($0) }, "\(absent)")
        }
    }

    func testByteKeyTableFindsEveryKeyAcrossGrowth() {
        var table = ByteKeyTable()
        let keys = (0..<200_000).map { "ключ\($0)" }
        for (index, key) in keys.enumerated() {
            var key = key
            key.withUTF8 { table.insert($0, value: UInt32(index)) }
        }
        for (index, key) in keys.enumerated() where index % 997 == 0 || index == keys.count - 1 {
            var key = key
            XCTAssertEqual(key.withUTF8 { table.find($0) }, UInt32(index))
        }
        for absent in ["", "ключ", "ключ200000", "ключ-1"] {
            var absent = absent
            XCTAssertNil(absent.withUTF8 { table.find($0) }, absent)
        }
    }
}
