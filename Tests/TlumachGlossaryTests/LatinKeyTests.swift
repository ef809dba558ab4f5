import Foundation
import ICU
import TlumachCore
@testable import TlumachGlossary
import TlumachTestSupport
import XCTest

/// The scan keys words of ASCII letters (English text, Latin names) from their bytes (Porter2 on bytes, letter-by-
/// letter skeletons, LatinMatchKey's rules on bytes): it must give exactly the general path's symbols.
final class LatinKeyTests: XCTestCase {
    static let apostrophes = ["'", "’", "ʼ", "`", "´", "‘", "ʹ", "′"]

    static func words(glossary: Glossary) throws -> [String] {
        var generator = SeededGenerator(seed: 11)
        var words = ["POWs", "POW's", "POW’s", "SBU's", "ICRC’s", "SVO", "CBO", "Kyiv", "Kyiv's", "Kiev", "KYIV", "kyiv",
                     "Zelenskyy", "Zelenskiy", "Zelensky", "Andriy", "Andrii", "Andrij", "Yusov", "Jusov", "Olexandr",
                     "Wolodymyr", "Zaporizhzhia", "Kharkiv", "Kharkov", "prisoners", "war", "crimes", "exchanges",
                     "defenders", "Ukraine's", "Ukraine’s", "russia", "Russia", "russian", "Russians", "so-called",
                     "skies", "dying", "news", "inning", "proceeded", "generously", "yiy", "IYI", "x", "xx", "Xs", "AS",
                     "As", "ss", "S", "s", "'s", "A's", "AB's", "ABs", "AB'S", "iy", "yi", "ji", "wj", "HUR", "MoD"]
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
        for _ in 0..<6000 {
            var word = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: word = word.uppercased()
            case 1: word = word.lowercased()
            case 2: word += apostrophes.randomElement(using: &generator)! + "s"
            case 3: word += "s"
            case 4:
                if word.count > 2 {
                    word.insert(contentsOf: apostrophes.randomElement(using: &generator)!, at: word.index(after: word.startIndex))
                }
            default: break
            }
            words.append(word)
        }
        words += try Support.evaluationAndTermWords(glossary: glossary) {
            [$0, $0.lowercased(), $0.uppercased(), $0 + "s", $0 + "’s"]
        }
        // Only what the tokenizer reports as one word.
        return words.filter { word in
            var text = word
            var whole = false
            text.withUTF8 { bytes in
                TextTokens.forEach(bytes: bytes) { token, range, _ in
                    if case .word = token, range == 0..<bytes.count { whole = true }
                }
            }
            return whole
        }
    }

    func testLetterSkeletonsOfASCIIWordsAgreeWithICU() throws {
        let spoof = try SpoofChecker()
        let skeletons = LetterSkeletons(spoof: spoof)
        var compared = 0
        for word in try LatinKeyTests.words(glossary: Support.shipped.glossary) where word.unicodeScalars.allSatisfy({ $0.isASCII }) {
            let units = Array(word.utf8)
            let output = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
            defer { output.deallocate() }
            var count = 0
            var known = true
            for unit in units where known { known = skeletons.append(UInt32(unit), to: output, count: &count, capacity: 1024) }
            guard known else { continue }
            XCTAssertEqual(String(decoding: UnsafeBufferPointer(start: output, count: count), as: UTF8.self), try spoof.skeleton(word), word)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 5000)
    }

    func testBytePathAgreesWithTheGeneralPath() throws {
        let shipped = Support.shipped.glossary
        let matchers = try Support.matchersOfEachExactKind()
        XCTAssertEqual(matchers.map(\.lowercaseExact), [true, false, false])
        XCTAssertEqual(matchers.map(\.needsExact), [true, true, false])
        let words = try LatinKeyTests.words(glossary: shipped)
        // A long test: the default run checks the shipped matcher, the long run all three shapes.
        for matcher in matchers.prefix(LongTests.count(long: matchers.count, short: 1)) {
            var handled = 0, withSymbols = 0, exactFound = 0, latinFound = 0
            for word in words {
                var text = word
                var fast: [Int32] = []
                let done = text.withUTF8 { matcher.appendSymbolsForASCIIWord($0, to: &fast) }
                let general = matcher.symbolsFor(word)
                guard done else {
                    XCTAssertEqual(fast, [], word)
                    XCTAssertFalse(word.unicodeScalars.allSatisfy { $0.isASCII && $0.properties.isAlphabetic }, "\(word) is ASCII letters only")
                    continue
                }
                handled += 1
                XCTAssertEqual(fast, general.symbols, word)
                XCTAssertFalse(general.homoglyph, word)
                if !fast.isEmpty { withSymbols += 1 }
                if fast.contains(where: { matcher.symbolKinds[Int($0)] == .exact }) { exactFound += 1 }
                if fast.contains(where: { matcher.symbolKinds[Int($0)] == .latin }) { latinFound += 1 }
            }
            XCTAssertGreaterThan(handled, 8000)
            XCTAssertGreaterThan(withSymbols, 300)
            XCTAssertGreaterThan(latinFound, 30, "names are found by their Latin match key")
            if matcher.needsExact { XCTAssertGreaterThan(exactFound, 20, "abbreviations (SVO, POWs) are found by their skeleton") }
        }
    }
}
