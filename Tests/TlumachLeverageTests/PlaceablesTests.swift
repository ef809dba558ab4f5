import Foundation
@testable import TlumachLeverage
import TlumachMemory
import TlumachTMX
import XCTest

final class PlaceablesTests: XCTestCase {
    func testNumbersAreRewrittenInTheTargetsOwnSeparators() throws {
        XCTAssertEqual(
            Placeables.carryNumbers([("2,500", "3,000")], into: ["Понад 2 500 захисників", "і ще 2 500"]),
            ["Понад 3 000 захисників", "і ще 3 000"])
        XCTAssertEqual(Placeables.carryNumbers([("2.5", "3.75")], into: ["2,5 відсотка"]), ["3,75 відсотка"])
        XCTAssertEqual(Placeables.carryNumbers([("2025", "2026")], into: ["for 2025."]), ["for 2026."])
        // A changed number the target does not write is not carried.
        XCTAssertNil(Placeables.carryNumbers([("40", "45")], into: ["Forty applications"]))
        // Two different new values for the same old number cannot both be right.
        XCTAssertNil(Placeables.carryNumbers([("5", "6"), ("5", "7")], into: ["5 and 5"]))
    }

    func testNumberChangesOnlyWhenNumbersAreTheOnlyDifference() throws {
        let tokenizer = try MemoryTokenizer(language: "en")
        let changes = Placeables.numberChanges(
            query: tokenizer.analyze("More than 3,000 defenders returned"),
            match: tokenizer.analyze("More than 2,500 defenders returned"))
        XCTAssertEqual(changes?.map(\.from), ["2,500"])
        XCTAssertEqual(changes?.map(\.to), ["3,000"])
        XCTAssertNil(Placeables.numberChanges(
            query: tokenizer.analyze("More than 3,000 soldiers returned"),
            match: tokenizer.analyze("More than 2,500 defenders returned")))
    }

    func testPlaceholdersPairByKindInOrder() {
        XCTAssertEqual(Placeables.placeholderMap(query: "{a} of {b}", matchSource: "{x} of {y}"), ["{x}": "{a}", "{y}": "{b}"])
        XCTAssertEqual(Placeables.placeholderMap(query: "%s of %d", matchSource: "%s of %d"), [:])
        XCTAssertNil(Placeables.placeholderMap(query: "%s files", matchSource: "%d files"))
        XCTAssertEqual(Placeables.applyPlaceholders(["{x}": "{a}"], to: "{x} в {x}"), "{a} в {a}")
        XCTAssertNil(Placeables.applyPlaceholders(["{x}": "{a}"], to: "{x} і {z}"))
    }

    func testCodesPairByRoleAndOrderNotById() {
        let source = TMXSegment([
            .text("a "), .element(TMXInlineElement(name: "ph", attributes: ["x": "1"])), .text(" b "),
            .element(TMXInlineElement(name: "ph", attributes: ["x": "2"])),
        ])
        // The translation swaps the codes.
        let target = TMXSegment([
            .element(TMXInlineElement(name: "ph", attributes: ["x": "2"])), .text(" B "),
            .element(TMXInlineElement(name: "ph", attributes: ["x": "1"])), .text(" A"),
        ])
        let query = [InlineCodeStub.x("9", at: 2), InlineCodeStub.x("4", at: 5)]
        XCTAssertEqual(
            Placeables.mapCodes(query: query, matchSource: source, matchTarget: target),
            [.code(1), .text(" B "), .code(0), .text(" A")])
        XCTAssertNil(Placeables.mapCodes(query: [query[0]], matchSource: source, matchTarget: target))
    }
}

import TlumachFormats

enum InlineCodeStub {
    static func x(_ id: String, at offset: Int) -> InlineCode { InlineCode(kind: "x", id: id, offset: offset) }
}

final class LeveragerSearchTests: XCTestCase {
    /// "3:0" against "2:1" changes two of seven words (71%): below --min 75, yet only numbers differ.
    func testNumbersOnlyDifferenceIsFoundBelowTheMinimumScore() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [("Збірна України перемогла з рахунком 2:1.", "Ukraine's national team won 2–1.")])
        let file = try workspace.write("s.tsv", "source\ttarget\nЗбірна України перемогла з рахунком 3:0.\t\n")
        let result = try workspace.pretranslate(file, memory: memory, minimum: 75)
        XCTAssertTrue(result.text.contains("Ukraine's national team won 3–0."), result.text)
        XCTAssertEqual(result.fills.map(\.kind), [.adapted])
    }
}

final class EdgeWhitespaceTests: XCTestCase {
    /// Found on glib20.po: "Options:" was filled with the memory's "\nПараметри:\n" (stored for "\nOptions:\n"),
    /// because exact texts were compared with their edges trimmed. The new source's edges are carried instead.
    func testLeadingAndTrailingLineBreaksFollowTheNewSource() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(
            source: "en", target: "uk", pairs: [("\nOptions:\n", "\nПараметри:\n"), ("Stopped (tty input)", "Зупинено (ввід з термінала) ")])
        let file = try workspace.write(
            "o.po", "msgid \"Options:\"\nmsgstr \"\"\n\nmsgid \"  Stopped (tty input)\\n\"\nmsgstr \"\"\n")
        let result = try workspace.pretranslate(file, memory: memory)
        let document = try POReader.parse(result.text, path: "o.po")
        XCTAssertEqual(document.units.map(\.target), ["Параметри:", "  Зупинено (ввід з термінала)\n"])
        XCTAssertEqual(result.fills.map(\.kind), [.adapted, .adapted])
    }
}
