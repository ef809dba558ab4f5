import Foundation
import TlumachCore
import XCTest

@testable import TlumachCheck
@testable import TlumachFormats

/// Findings that name a word of the target point at that word (line and UTF-16 column) where the format tells
/// where the target's words stand (PO); otherwise at the target's start.
final class FindingPositionTests: XCTestCase {
    func run(_ po: String, enable: Set<String>) throws -> [Finding] {
        let document = try POReader.parse(po, path: "p.po")
        var settings = CheckSettings()
        settings.enabled = enable
        settings.sourceLanguage = "en"
        settings.targetLanguage = "uk"
        let runner = CheckRunner(settings: settings, environment: CheckEnvironment(terms: ExampleGlossary.matcher))
        return runner.run([document]).findings
    }

    func testPOLayoutMapsTextOffsetsThroughEscapesAndContinuationLines() throws {
        let document = try POReader.parse(
            """
            msgid "a"
            msgstr "Київ"

            msgid "b"
            msgstr ""
            "Tab\\there, "
            "«лапки» і \\"x\\" 🇺🇦 далі"

            """, path: "l.po")
        XCTAssertEqual(document.units[0].targetLayout, .verbatim(line: 2, column: 9))
        let layout = document.units[1].targetLayout
        let target = try XCTUnwrap(document.units[1].target)
        func position(of word: String) -> (Int, Int)? {
            guard let range = target.range(of: word) else { return nil }
            return layout.position(utf16Offset: target.utf16.distance(from: target.startIndex, to: range.lowerBound)).map { ($0.line, $0.column) }
        }
        XCTAssertEqual(position(of: "Tab").map { [$0.0, $0.1] }, [6, 2])
        XCTAssertEqual(position(of: "here").map { [$0.0, $0.1] }, [6, 7])  // after the two-byte escape \t
        XCTAssertEqual(position(of: "«").map { [$0.0, $0.1] }, [7, 2])
        XCTAssertEqual(position(of: "x").map { [$0.0, $0.1] }, [7, 14])  // after \"
        XCTAssertEqual(position(of: "далі").map { [$0.0, $0.1] }, [7, 23])  // the flag is four UTF-16 units
        XCTAssertEqual(TextLayout.unknown.position(utf16Offset: 3).map { [$0.line, $0.column] }, nil)
    }

    func testFindingsPointAtTheWordInsideThePOTarget() throws {
        let findings = try run(
            """
            msgid "Ministry of Defence and 5 units"
            msgstr "Мiнiстерство оборони та 6 підрозділів"

            msgid "the aggression of russia"
            msgstr ""
            "агресія "
            "Росії"

            msgid "Short"
            msgstr "Коротко"

            """, enable: ["mixed-script", "number-mismatch", "term-casing", "untranslated"])
        let positions = findings.map { "\($0.check) \($0.line):\($0.column)" }
        XCTAssertTrue(positions.contains("mixed-script 2:9"), "\(positions)")
        XCTAssertTrue(positions.contains("number-mismatch 2:33"), "\(positions)")  // the 6 added in the target
        XCTAssertTrue(positions.contains("term-casing 7:2"), "\(positions)")
        // A check that names no word keeps the target's start.
        let missing = findings.first { $0.check == "number-mismatch" && $0.message.contains("missing") }
        XCTAssertEqual(missing.map { [$0.line, $0.column] }, [2, 8])
    }

    func testFormatsWithoutALayoutKeepTheTargetStart() throws {
        var unit = BilingualUnit(id: "1", source: "Ministry", target: "Мiнiстерство", line: 4, column: 12)
        unit.targetLayout = .unknown
        var settings = CheckSettings()
        settings.enabled = ["mixed-script"]
        let document = BilingualDocument(path: "x.xlf", format: .xliff, sourceLanguage: "en", targetLanguage: "uk", units: [unit])
        let findings = CheckRunner(settings: settings, environment: CheckEnvironment()).run([document]).findings
        XCTAssertEqual(findings.map { [$0.line, $0.column] }, [[4, 12]])
    }

    func xliffTarget(_ target: String) throws -> BilingualUnit {
        let xml = """
            <xliff version="1.2"><file source-language="en" target-language="uk"><body>
            <trans-unit id="1"><source>s</source>
              <target>\(target)</target></trans-unit>
            </body></file></xliff>
            """
        return try XCTUnwrap(XLIFFReader.parse(data: Data(xml.utf8), name: "t.xlf").units.first)
    }

    func position(_ unit: BilingualUnit, of word: String) -> [Int]? {
        guard let target = unit.target, let range = target.range(of: word) else { return nil }
        return unit.targetLayout.position(utf16Offset: target.utf16.distance(from: target.startIndex, to: range.lowerBound))
            .map { [$0.line, $0.column] }
    }

    func testXLIFFLayoutFollowsEntitiesCodesAndLineBreaks() throws {
        // Line 3 is `  <target>…`: the text starts at column 11.
        let unit = try xliffTarget("Tom &amp; Jerry<x id=\"1\"/> in <g id=\"2\">Kyiv</g> &#233;té 🇺🇦 Київ\nnext line")
        XCTAssertEqual(unit.line, 3)
        XCTAssertEqual(unit.column, 11)
        XCTAssertEqual(position(unit, of: "Tom"), [3, 11])
        XCTAssertEqual(position(unit, of: "Jerry"), [3, 21])  // after &amp;
        XCTAssertEqual(position(unit, of: " in"), [3, 37])  // after <x id="1"/>
        XCTAssertEqual(position(unit, of: "Kyiv"), [3, 51])  // inside <g>
        XCTAssertEqual(position(unit, of: "té"), [3, 66])  // after the reference &#233;
        XCTAssertEqual(position(unit, of: "Київ"), [3, 74])  // the flag is four UTF-16 units
        XCTAssertEqual(position(unit, of: "next"), [4, 1])
    }

    func testXLIFFWithCDATAKeepsOnlyTheTargetStart() throws {
        let unit = try xliffTarget("a <![CDATA[<b>]]> Kiev")
        XCTAssertEqual(unit.targetLayout, .unknown)
        XCTAssertEqual(unit.column, 11)
    }

    func testDelimitedLayoutFollowsQuotesDoubledQuotesAndLineBreaks() throws {
        let tsv = "id\tsource\ttarget\n"
            + "1\tKyiv\tМiнiстерство оборони\n"
            + "2\tx\t\"Він сказав: \"\"так\"\"\nі 🇺🇦 пішов\"\n"
        let document = try DelimitedReader.parse(tsv, path: "t.tsv", separator: "\t")
        XCTAssertEqual(document.units[0].targetLayout, .verbatim(line: 2, column: 8))
        XCTAssertEqual(position(document.units[0], of: "оборони"), [2, 21])
        let quoted = document.units[1]
        XCTAssertEqual(quoted.column, 5)  // the opening quote
        XCTAssertEqual(position(quoted, of: "Він"), [3, 6])
        XCTAssertEqual(position(quoted, of: "так"), [3, 20])  // after the doubled quote
        XCTAssertEqual(position(quoted, of: "\"\n"), [3, 23])
        XCTAssertEqual(position(quoted, of: "пішов"), [4, 8])  // next line; the flag is four UTF-16 units
        // Through the runner: the look-alike word in a CSV target is where the finding points.
        let csv = try DelimitedReader.parse("source,target\nMinistry of Defence,\"Нове Мiнiстерство\"\n", path: "t.csv", separator: ",")
        var settings = CheckSettings()
        settings.enabled = ["mixed-script"]
        settings.sourceLanguage = "en"
        settings.targetLanguage = "uk"
        let findings = CheckRunner(settings: settings, environment: CheckEnvironment()).run([csv]).findings
        XCTAssertEqual(findings.map { [$0.line, $0.column] }, [[2, 27]])
    }

    func testAlignedSentencesFindTheirColumnsInOrder() {
        let text = "  Так. Так.\n🇺🇦 Ні.\n"
        let columns = AlignedTextPair.columns(of: [("Так.", 1), ("Так.", 1), ("Ні.", 2), ("Змінене.", 2), ("x", 9)], in: text)
        XCTAssertEqual(columns, [3, 8, 6, nil, nil])  // a repeated sentence is found after the first; the flag is 4 units
    }
}
