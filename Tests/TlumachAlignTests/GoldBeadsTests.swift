import TlumachCore
import XCTest

@testable import TlumachAlign

/// Gold bead files are user input: no number in them may trap, allocate by its size, or point past the texts.
final class GoldBeadsTests: XCTestCase {
    func testBeadLinesOutOfOrderOrHugeAreRefusedNotTrapped() {
        XCTAssertNil(Bead(beadLine: "3,2\t1"))  // trapped: 2...1
        XCTAssertNil(Bead(beadLine: "1\t1,999999999999999"))  // tried to allocate 8 PB
        XCTAssertNil(Bead(beadLine: "1\t1,100000000"))  // took 810 MB before refusing
        XCTAssertNil(Bead(beadLine: "1\t9223372036854775807,1"))
        // Consecutive numbers at the top of the range parse without overflowing (the texts refuse them later).
        XCTAssertEqual(Bead(beadLine: "1\t9223372036854775806,9223372036854775807")?.target.count, 2)
        XCTAssertEqual(Bead(beadLine: "2,3\t4"), Bead(source: 1..<3, target: 3..<4))
        XCTAssertEqual(Bead(beadLine: "\t4"), Bead(source: 0..<0, target: 3..<4))
    }

    func testGoldIsCheckedAgainstTheSentences() throws {
        let numbers = Array(1...5)
        func read(_ text: String) throws -> [Bead] {
            try GoldBeads.read(text, path: "g.beads", sourceNumbers: numbers, targetNumbers: numbers)
        }
        XCTAssertEqual(try read("1,2\t1\n\n3\t\n4,5\t2,3,4,5\n"), [
            Bead(source: 0..<2, target: 0..<1), Bead(source: 2..<3, target: 0..<0), Bead(source: 3..<5, target: 1..<5),
        ])
        for (text, message) in [
            ("1\t1\n3,2\t1\n", "g.beads:2: the source sentences of a bead must follow each other ('3,2')"),
            ("1\t1,999999999999999\n", "g.beads:1: no target sentence numbered 999999999999999 (the target text has 5 sentences)"),
            ("6\t1\n", "g.beads:1: no source sentence numbered 6 (the source text has 5 sentences)"),
            ("0\t1\n", "g.beads:1: not a bead line: '0' is not a source sentence number"),
            ("1\t1\t1\n", "g.beads:1: not a bead line (source numbers, a tab, target numbers)"),
        ] {
            XCTAssertThrowsError(try read(text), text) { error in
                XCTAssertEqual((error as? InputError)?.description, message)
            }
        }
    }

    /// Presegmented input numbers sentences by line, so a merged bead may skip a blank line.
    func testLineNumbersMayHaveGaps() throws {
        let beads = try GoldBeads.read("1,3\t1\n", path: "g", sourceNumbers: [1, 3], targetNumbers: [1])
        XCTAssertEqual(beads, [Bead(source: 0..<2, target: 0..<1)])
        XCTAssertThrowsError(try GoldBeads.read("2\t1\n", path: "g", sourceNumbers: [1, 3], targetNumbers: [1]))
    }
}
