import TlumachAlign
import TlumachXML
import XCTest

final class InputTests: XCTestCase {
    func testPresegmentedKeepsLineNumbersAndSkipsBlankLines() {
        let sentences = AlignmentInput.presegmented("Перше.\n\n  Друге.  \r\nТретє.\n")
        XCTAssertEqual(sentences, [.init("Перше.", line: 1), .init("Друге.", line: 3), .init("Третє.", line: 4)])
    }

    func testSegmentationSplitsParagraphsIntoSentences() throws {
        let sentences = try AlignmentInput.segment(
            "Україна повернула 42 захисників. Про це повідомив Юсов.\n\nОбміни тривають?", language: .uk)
        XCTAssertEqual(sentences.map(\.text), ["Україна повернула 42 захисників.", "Про це повідомив Юсов.", "Обміни тривають?"])
        XCTAssertEqual(sentences.map(\.line), [1, 1, 3])
    }
}

final class OutputTests: XCTestCase {
    let source: [NumberedSentence] = [.init("Перше\tречення.", line: 2), .init("Друге & «третє».", line: 3), .init("Зайве.", line: 5)]
    let target: [NumberedSentence] = [.init("First sentence.", line: 1), .init("Second <and> third.", line: 2)]
    let beads = ["1\t1", "2\t2", "3\t"].compactMap { Bead(beadLine: Substring($0)) }

    func testBeadsAreNumberedByLineWhenPresegmented() {
        let byLine = AlignmentOutput(source: source, target: target, beads: beads, numberByLine: true)
        XCTAssertEqual(byLine.beadsFormat(), "2\t1\n3\t2\n5\t\n")
        let bySentence = AlignmentOutput(source: source, target: target, beads: beads, numberByLine: false)
        XCTAssertEqual(bySentence.beadsFormat(), "1\t1\n2\t2\n3\t\n")
    }

    func testTSVKeepsOneLinePerBeadUnderALanguageHeader() {
        let output = AlignmentOutput(source: source, target: target, beads: beads, numberByLine: false)
        XCTAssertEqual(
            output.tsv(sourceLanguage: "uk", targetLanguage: "en"),
            "uk\ten\nПерше речення.\tFirst sentence.\nДруге & «третє».\tSecond <and> third.\nЗайве.\t\n")
    }

    /// A reader of bilingual TSV takes a leading `"` as a quoted field's start, so such a cell is written quoted.
    func testACellStartingWithAStraightQuoteIsQuoted() {
        let output = AlignmentOutput(
            source: [.init("\"Ми не зупинимося\", — сказав він.", line: 1)],
            target: [.init("\"We will not stop,\" he said.", line: 1)], beads: [Bead(source: 0..<1, target: 0..<1)],
            numberByLine: false)
        XCTAssertEqual(
            output.tsv(sourceLanguage: "uk", targetLanguage: "en"),
            "uk\ten\n\"\"\"Ми не зупинимося\"\", — сказав він.\"\t\"\"\"We will not stop,\"\" he said.\"\n")
    }

    func testTMXIsWellFormedAndHoldsOnlyPairs() throws {
        let output = AlignmentOutput(source: source, target: target, beads: beads, numberByLine: false)
        let xml = output.tmx(sourceLanguage: "uk", targetLanguage: "en", creationDate: "20261125T120000Z")
        XCTAssertTrue(xml.contains("srclang=\"uk\""))
        XCTAssertTrue(xml.contains("creationdate=\"20261125T120000Z\""))
        var segments: [String] = []
        var inSegment = false
        var text = ""
        try SafeXMLReader.parse(data: Data(xml.utf8), name: "aligned.tmx") { event, _, _ in
            switch event {
            case .start(let name, _) where name == "seg":
                inSegment = true
                text = ""
            case .end(let name) where name == "seg":
                inSegment = false
                segments.append(text)
            case .text(let chunk) where inSegment:
                text += chunk
            default: break
            }
        }
        XCTAssertEqual(segments, ["Перше\tречення.", "First sentence.", "Друге & «третє».", "Second <and> third."])
    }
}
