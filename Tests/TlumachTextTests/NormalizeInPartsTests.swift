import Foundation
import TlumachCore
import TlumachTestSupport
import XCTest

@testable import TlumachText

/// A text normalised in parts on several threads (`normalize(utf8Buffer:workers:)`, what `tlumach normalize` runs
/// on a large file) is the serial result byte for byte, wherever the cuts fall: inside quotes, URLs and fenced code
/// with blank lines in it, between paragraphs whose quotes and dashes depend on the language remembered from the
/// paragraphs before (English, then Russian, then Cyrillic or digits that decide nothing), in files with one
/// paragraph per line, with a byte-order mark and front matter at the start.
final class NormalizeInPartsTests: XCTestCase {
    /// Paragraphs whose output depends on the language state they start in, and constructs that span lines.
    static let stateful = [
        "He said \"it's 'fine'\" - again.", "The so-called 'operation' - see https://example.com/a?q=\"x\"&y='z'",
        "Это русский текст, \"ещё\" - да.", "Ещё \"одна\" строка - тут.", "Пам'ять \"вичерпано\" - їй-богу.",
        "так, \"слово\" - слово", "\"1234\" - 56", "\"так\"", "- \"пункт\" - так", "> \"цитата\" - ні",
        "```\nкод \"x\"\n\nще - \"код\"\n```", "~~~~\n\n\"a\" - b\n\n~~~~", "рядок  \nдругий \"рядок\" - так  ",
        "Файл `config.h` не \"знайдено\"", "<a href=\"x\">\"посилання\"</a> - так", "слово\u{A0} слово\u{200B}",
        "Kиїв і Мiнiстерство", "и\u{0306}ого 'п'ять'", "bugs@example.org - \"адреса\"", "1\u{A0}234 км - \"так\"",
    ]

    static func document(_ generator: inout SeededGenerator, paragraphs: Int, linesAreParagraphs: Bool) -> String {
        var text = generator.next() % 3 == 0 ? "\u{FEFF}" : ""
        if !linesAreParagraphs && generator.next() % 3 == 0 { text += "---\ntitle: \"Назва\" - так\n\n---\n" }
        for _ in 0..<paragraphs {
            var paragraph: String
            switch generator.next() % 3 {
            case 0: paragraph = generator.pick(stateful)
            case 1: paragraph = generator.pick(NormalizerFastPathTests.realLike)
            default: paragraph = NormalizerFastPathTests.messy(&generator)
            }
            if linesAreParagraphs {
                // No blank line at all (a line of spaces is one), so that the file has one paragraph per line.
                paragraph = paragraph.split(whereSeparator: \.isNewline).joined(separator: " ")
                text += (paragraph.allSatisfy(\.isWhitespace) ? "x" + paragraph : paragraph) + "\n"
            } else {
                text += paragraph + generator.pick(["\n\n", "\n\n", "\n", "\n\n\n", " \n\n", "\r\n\r\n", "\n \n"])
            }
        }
        return text
    }

    func testPartsEqualTheSerialResult() throws {
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 41)
        let normalizers = try [
            NormalizerOptions(), NormalizerOptions(language: .en), NormalizerOptions(language: .ru),
            NormalizerOptions(apostrophe: .modifierLetterApostrophe, englishDash: .spaced),
        ].map { try ArticleNormalizer(options: $0) }
        var texts: [String] = []
        for index in 0..<LongTests.count(long: 120, short: 14) {
            texts.append(Self.document(&generator, paragraphs: 40 + index * 3, linesAreParagraphs: index % 4 == 3))
        }
        texts.append(try String(contentsOf: TestFiles.packageRoot.appendingPathComponent("examples/normalize/article.md"), encoding: .utf8))
        var outcomes: [PartOutcome: Int] = [:]
        var cut = 0
        var notCut = 0
        for (index, text) in texts.enumerated() {
            let bytes = Array(text.utf8)
            let normalizer = normalizers[index % normalizers.count]
            let serial = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
            let linesAreParagraphs = bytes.withUnsafeBufferPointer { Blocks.linesAreParagraphs($0) }
            for (partSize, guessStretch) in [(1, 0), (7, 0), (40, 30), (150, 0), (150, 400), (900, 1 << 14)] {
                let workers = 2 + index % 3
                var streamed: [UInt8] = []
                let parts = bytes.withUnsafeBufferPointer {
                    normalizer.normalizeInParts(
                        $0, workers: workers, partSize: partSize, linesAreParagraphs: linesAreParagraphs,
                        progress: nil, sink: { streamed.append(contentsOf: $0) }, guessStretch: guessStretch,
                        outcome: { outcomes[$0, default: 0] += 1 })
                }
                let label = "text \(index), parts of \(partSize), guess from \(guessStretch): \(text.debugDescription)"
                guard let parts else {
                    notCut += 1
                    continue
                }
                cut += 1
                XCTAssertEqual(String(decoding: streamed, as: UTF8.self), serial.text, label)
                XCTAssertEqual(parts.changeCount, serial.changeCount, label)
                if streamed != serial.utf8 { return }
            }
        }
        XCTAssertGreaterThan(cut, 20 * notCut, "texts cut into parts")
        // Every way a part can end up was taken: used as it was, used after its state agreed, redone, covered.
        for outcome in [PartOutcome.used, .usedAfterAgreement, .redone, .covered] {
            XCTAssertGreaterThan(outcomes[outcome, default: 0], 0, "\(outcome) never happened: \(outcomes)")
        }
    }

    /// The public entry with several workers: the text, change count and progress of the serial call, also into
    /// a buffer (no sink), and a text too small to cut goes the serial way.
    func testWorkersGiveTheSerialTextAndProgress() throws {
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 43)
        let normalizer = try ArticleNormalizer()
        let text = Self.document(&generator, paragraphs: 900, linesAreParagraphs: false)
        let bytes = Array(text.utf8)
        let serial = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
        var progressed = 0
        let buffered = bytes.withUnsafeBufferPointer {
            normalizer.normalize(
                utf8Buffer: $0, reporting: false, progress: { progressed += $0 }, workers: 2, partSize: 2048)
        }
        XCTAssertEqual(buffered.utf8, serial.utf8)
        XCTAssertEqual(buffered.changeCount, serial.changeCount)
        XCTAssertGreaterThan(serial.changeCount, 100)
        XCTAssertEqual(progressed, bytes.count)
        let small = Array("\"так\" - ні\n\nHe said \"yes\"\n".utf8)
        let smallResult = small.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false, workers: 2) }
        XCTAssertEqual(smallResult.text, normalizer.normalize(String(decoding: small, as: UTF8.self)).text)
    }

    /// Parts list their unchanged input instead of copying it (`BlockRun.stretches`): handed to a sink as the pieces
    /// of each part in one call (`gatherSink`, what the command writes with `writev`), the pieces are the serial
    /// text, with the unchanged paragraphs taken from the input itself and the changed ones from the parts'
    /// buffers; the same with only a sink (piece by piece), and with parts redone or used after agreement.
    func testGatheredPiecesAreTheSerialText() throws {
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 47)
        // Real catalog text: mostly clean paragraphs (taken from the input) between changed ones.
        var text = ""
        for index in 0..<1_500 {
            text += index % 12 == 0 ? "Не вдалося з'єднатися з сервером \"\(index)\" - спробуйте ще раз.\n\n"
                : index % 12 == 6 ? Self.document(&generator, paragraphs: 2, linesAreParagraphs: false)
                : "Файл не знайдено: перевірте шлях і права доступу.\n\n"
        }
        let bytes = Array(text.utf8)
        let normalizer = try ArticleNormalizer()
        let serial = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
        XCTAssertGreaterThan(serial.changeCount, 200)
        for partSize in [300, 2048, 9000] {
            var gathered: [UInt8] = []
            var calls = 0
            var fromInput = 0
            var streamed: [UInt8] = []
            bytes.withUnsafeBufferPointer { input in
                let inputRange = UInt(bitPattern: input.baseAddress)..<(UInt(bitPattern: input.baseAddress) + UInt(input.count))
                _ = normalizer.normalize(
                    utf8Buffer: input, reporting: false, sink: { gathered.append(contentsOf: $0) }, workers: 2,
                    partSize: partSize,
                    gatherSink: { pieces in
                        calls += 1
                        for piece in pieces {
                            if inputRange.contains(UInt(bitPattern: piece.baseAddress)) { fromInput += piece.count }
                            gathered.append(contentsOf: piece)
                        }
                    })
                _ = normalizer.normalize(
                    utf8Buffer: input, reporting: false, sink: { streamed.append(contentsOf: $0) }, workers: 3,
                    partSize: partSize)
            }
            XCTAssertEqual(gathered, serial.utf8, "parts of \(partSize)")
            XCTAssertEqual(streamed, serial.utf8, "parts of \(partSize), piece by piece")
            XCTAssertGreaterThan(calls, 1)
            // Stretches of 256 bytes or more (five clean paragraphs here) are listed; shorter ones copied.
            if partSize > 2 * ArticleNormalizer.referencedStretch {
                XCTAssertGreaterThan(fromInput, bytes.count / 3, "unchanged paragraphs come from the input itself")
            }
        }
    }

    /// The starts followed beside a part's guessed one: English letters give every start the same answer, so all
    /// still agree though they remember different Cyrillic languages; Cyrillic letters that decide nothing answer
    /// with the remembered Cyrillic language, which drops the starts that remember Russian, and leave the rest in
    /// the guessed state's, so there is nothing more to follow.
    func testFollowedStartsAgreeWhileTheyGiveTheSameAnswers() {
        var state = DocumentState(lastLanguage: .en, lastCyrillicLanguage: .uk)
        state.followEveryStart()
        XCTAssertEqual(DocumentState.everyStart.count, 6)
        XCTAssertEqual(state.resolve(LanguageDetector.evidence("He said yes"), commit: true), .en)
        XCTAssertEqual(state.agreeing, 0b111111)
        XCTAssertNotNil(state.alternatives, "the Cyrillic language remembered still differs")
        XCTAssertEqual(state.resolve(LanguageDetector.evidence("так"), commit: true), .uk)
        XCTAssertNil(state.alternatives)
        let agreeing = DocumentState.everyStart.indices.filter { state.agreeing & (1 << UInt8($0)) != 0 }
        XCTAssertEqual(agreeing.map { DocumentState.everyStart[$0].lastCyrillicLanguage }, [.uk, .uk, .uk])
        XCTAssertEqual(state.lastLanguage, .uk)
        // A guess read (the byte path's first quotes) counts as an answer too.
        var other = DocumentState(lastLanguage: .uk, lastCyrillicLanguage: .uk)
        other.followEveryStart()
        XCTAssertEqual(other.guess(), .uk)
        XCTAssertEqual(DocumentState.everyStart.indices.filter { other.agreeing & (1 << UInt8($0)) != 0 }.count, 2)
    }
}
