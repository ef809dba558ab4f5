import TlumachCore
import TlumachAlign
import TlumachTestSupport
import XCTest

final class AlignerTests: XCTestCase {
    let aligner = SentenceAligner(source: .uk, target: .en)

    func testEmptySidesGiveOmissionsOrNothing() {
        XCTAssertEqual(aligner.align(source: [], target: []), [])
        XCTAssertEqual(aligner.align(source: ["Одне речення."], target: []).map(\.beadLine), ["1\t"])
        XCTAssertEqual(aligner.align(source: [], target: ["One.", "Two."]).map(\.beadLine), ["\t1", "\t2"])
    }

    func testParallelSentencesAlignOneToOne() {
        let source = ["Україна повернула 42 захисників.", "Про це повідомив Юсов.", "Обміни тривають?"]
        let target = ["Ukraine returned 42 defenders.", "Yusov reported this.", "Are the exchanges continuing?"]
        XCTAssertEqual(aligner.align(source: source, target: target).map(\.beadLine), ["1\t1", "2\t2", "3\t3"])
    }

    func testMergedSentencesBecomeTwoToOne() {
        let source = [
            "Найстаршому з них 61 рік, наймолодшому — 20 років.", "Ще двоє звільнених — цивільні.",
            "Більшість повернулися з важкими пораненнями.",
        ]
        let target = [
            "The oldest of them is 61 and the youngest is 20; two more of those freed are civilians.",
            "Most of them returned with severe wounds.",
        ]
        XCTAssertEqual(aligner.align(source: source, target: target).map(\.beadLine), ["1,2\t1", "3\t2"])
    }

    func testSplitSentenceBecomesOneToTwo() {
        let source = [
            "Міжнародне гуманітарне право вимагає репатріювати тяжкопоранених полонених без жодного обміну.",
            "Утім, росія цю норму ігнорує.",
        ]
        let target = [
            "International humanitarian law requires seriously wounded prisoners to be repatriated.",
            "This does not require any exchange.", "Russia, however, ignores this rule.",
        ]
        XCTAssertEqual(aligner.align(source: source, target: target).map(\.beadLine), ["1\t1,2", "2\t3"])
    }

    func testOmittedSentenceIsOneToZero() {
        let source = [
            "Тоді додому повернулися 75 військових.",
            "Нагадаємо, раніше в Офісі омбудсмана повідомляли, що в полоні залишаються тисячі українців.",
            "Президент Володимир Зеленський подякував усім, хто долучився до повернення людей.",
        ]
        let target = [
            "At that time, 75 servicemen returned home.",
            "President Volodymyr Zelenskyy thanked everyone who took part in bringing the people back.",
        ]
        XCTAssertEqual(aligner.align(source: source, target: target).map(\.beadLine), ["1\t1", "2\t", "3\t2"])
    }

    func testBeadsCoverEverySentenceOnceInOrder() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20 {
            let source = (0..<Int.random(in: 1...60, using: &random)).map { "Речення \($0) " + String(repeating: "с", count: Int.random(in: 5...90, using: &random)) }
            let target = (0..<Int.random(in: 1...60, using: &random)).map { "Sentence \($0) " + String(repeating: "s", count: Int.random(in: 5...90, using: &random)) }
            let beads = aligner.align(source: source, target: target)
            XCTAssertEqual(beads.flatMap { Array($0.source) }, Array(0..<source.count))
            XCTAssertEqual(beads.flatMap { Array($0.target) }, Array(0..<target.count))
            XCTAssertTrue(beads.allSatisfy { $0.source.count <= 2 && $0.target.count <= 2 && !($0.source.isEmpty && $0.target.isEmpty) })
        }
    }

    /// A long passage missing from the translation pushes the path far off the diagonal: the band must widen.
    func testBandWidensForALongOmission() {
        let parallel = (0..<300).map { index in
            ("Речення номер \(index * 7 + 3) про обмін полоненими у місті \(["Києві", "Харкові", "Одесі"][index % 3]).",
             "Sentence number \(index * 7 + 3) about a prisoner exchange in \(["Kyiv", "Kharkiv", "Odesa"][index % 3]).")
        }
        let omitted = (0..<150).map { "Цей абзац \($0 + 5000) перекладач пропустив повністю, бо він стосується лише місцевих читачів." }
        let source = parallel[..<100].map(\.0) + omitted + parallel[100...].map(\.0)
        let target = parallel.map(\.1)
        let result = aligner.run(source: source, target: target)
        XCTAssertGreaterThan(result.bandHalfWidth, aligner.parameters.initialBand)
        var expected = (0..<100).map { "\($0 + 1)\t\($0 + 1)" }
        expected += (100..<250).map { "\($0 + 1)\t" }
        expected += (100..<300).map { "\($0 + 151)\t\($0 + 1)" }
        XCTAssertEqual(result.beads.map(\.beadLine), expected)
    }

    func testMemoryStaysLinearInTheInput() {
        let count = LongTests.count(long: 4000, short: 1000)
        let source = (0..<count).map { "Речення \($0) " + String(repeating: "а", count: 20 + $0 % 50) }
        let target = (0..<count).map { "Sentence \($0) " + String(repeating: "a", count: 22 + $0 % 50) }
        let result = aligner.run(source: source, target: target)
        XCTAssertEqual(result.bandHalfWidth, aligner.parameters.initialBand)
        XCTAssertEqual(result.backPointerCells, (source.count + 1) * (2 * aligner.parameters.initialBand + 1))
        XCTAssertEqual(result.beads.count, count)
    }

    /// Very unequal sides: the band must connect the corners without allocating n × (slope-wide) cells.
    func testVeryUnequalSidesStaySmall() {
        let source = (0..<20_000).map { "Речення \($0)." }
        let target = ["Only one sentence survived."]
        let result = aligner.run(source: source, target: target)
        XCTAssertLessThanOrEqual(result.backPointerCells, (source.count + 1) * 2)
        XCTAssertEqual(result.beads.flatMap { Array($0.source) }, Array(0..<source.count))
        XCTAssertEqual(result.beads.flatMap { Array($0.target) }, [0])
    }

    func testAnchorsDecideWhatLengthCannot() {
        // Equal lengths everywhere: only numbers tell which sentence was dropped.
        let source = ["Повернули 111 людей.", "Повернули 222 людей.", "Повернули 333 людей."]
        let target = ["Returned 111 people.", "Returned 333 people."]
        XCTAssertEqual(aligner.align(source: source, target: target).map(\.beadLine), ["1\t1", "2\t", "3\t2"])
    }
}

final class BeadAndScoreTests: XCTestCase {
    func testBeadLinesRoundTrip() {
        for line in ["1\t1", "3,4\t5", "7\t", "\t8", "2\t3,4"] {
            XCTAssertEqual(Bead(beadLine: Substring(line))?.beadLine, line)
        }
        XCTAssertNil(Bead(beadLine: "\t"))
        XCTAssertNil(Bead(beadLine: "1,3\t2"))
        XCTAssertNil(Bead(beadLine: "x\t2"))
        XCTAssertNil(Bead(beadLine: "1 2"))
    }

    func testStrictScoreCountsOnlyExactBeads() {
        let gold = ["1\t1", "2,3\t2", "4\t", "5\t3"].compactMap { Bead(beadLine: Substring($0)) }
        let predicted = ["1\t1", "2\t2", "3\t", "4\t", "5\t3"].compactMap { Bead(beadLine: Substring($0)) }
        let score = AlignmentScore(predicted: predicted, gold: gold)
        XCTAssertEqual(score.correct, 3)
        XCTAssertEqual(score.precision, 3.0 / 5.0, accuracy: 1e-9)
        XCTAssertEqual(score.recall, 3.0 / 4.0, accuracy: 1e-9)
        XCTAssertEqual(score.f1, 2 * 0.6 * 0.75 / 1.35, accuracy: 1e-9)
        let withoutOmissions = AlignmentScore(predicted: predicted, gold: gold, includeOmissions: false)
        XCTAssertEqual(withoutOmissions.correct, 2)
        XCTAssertEqual(withoutOmissions.gold, 3)
    }
}

