import Foundation
import TlumachFormats
import TlumachLeverage
import TlumachMemory
import XCTest

final class AnalysisTests: XCTestCase {
    func testEachSegmentCountsInExactlyOneBandAndRepetitionsAreLaterOccurrences() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: PretranslateTests.pairs)
        let first = try workspace.write(
            "a.tsv",
            "source\ttarget\nУряд ухвалив новий бюджет.\t\nМіністр представив новий бюджет у парламенті.\t\nЗовсім інше речення без збігів.\t\nУряд ухвалив новий бюджет.\t\n")
        let second = try workspace.write("b.tsv", "source\ttarget\nЗовсім інше речення без збігів.\t\nВідкрити {name} 2,500 разів\t\n")
        let inputs = try [first, second].map { try LeverageInput.read($0) }
        let report = try Analyzer.analyze(inputs, leverager: try Leverager(memory: memory, preload: false))
        let a = report.files[0].bands
        XCTAssertEqual(a[.exact], BandCounts(segments: 1, words: 4, characters: 23))
        XCTAssertEqual(a[.fair].segments, 1)  // 83%
        XCTAssertEqual(a[.none].segments, 1)
        XCTAssertEqual(a[.repetition].segments, 1)
        let b = report.files[1].bands
        XCTAssertEqual(b[.repetition].segments, 1)  // the second file repeats the first
        // "Відкрити {name} 2,500 разів": three words, a placeholder counts one, the number one.
        XCTAssertEqual(b[.none], BandCounts(segments: 1, words: 4, characters: 24))
        XCTAssertEqual(report.total.total.segments, 6)
        XCTAssertEqual(report.total[.repetition].segments, 2)
    }

    func testJSONHasEveryBandForEveryFileAndTheTotal() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: PretranslateTests.pairs)
        let file = try workspace.write("a.tsv", "source\ttarget\nУряд ухвалив новий бюджет.\t\n")
        let report = try Analyzer.analyze([try LeverageInput.read(file)], leverager: try Leverager(memory: memory, preload: false))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(report.json().utf8)) as? [String: Any])
        XCTAssertEqual(Set(object.keys), ["files", "total"])
        let files = try XCTUnwrap(object["files"] as? [[String: Any]])
        XCTAssertEqual(files.count, 1)
        XCTAssertEqual(files[0]["file"] as? String, file)
        let names = ["repetition", "context", "exact", "95-99", "85-94", "75-84", "50-74", "none"]
        for bands in [files[0]["bands"], (object["total"] as? [String: Any])?["bands"]] {
            let table = try XCTUnwrap(bands as? [String: [String: Int]])
            XCTAssertEqual(Set(table.keys), Set(names))
            for name in names { XCTAssertEqual(Set(table[name]?.keys ?? [:].keys), ["segments", "words", "characters"]) }
            XCTAssertEqual(table["exact"]?["segments"], 1)
            XCTAssertEqual(table["none"]?["segments"], 0)
        }
        let csv = report.csv().split(separator: "\n")
        XCTAssertEqual(csv.first, "file,band,segments,words,characters")
        XCTAssertEqual(csv.count, 1 + 2 * 8)
        XCTAssertTrue(report.text().contains("100%"))
    }

    func testBandsByPercent() {
        XCTAssertEqual([101, 100, 99, 95, 94, 85, 84, 75, 74, 50, 49, 0].map { Band(percent: $0) }, [
            .context, .exact, .high, .high, .good, .good, .fair, .fair, .low, .low, .none, .none,
        ])
        XCTAssertEqual(Band(percent: nil), .none)
    }
}
