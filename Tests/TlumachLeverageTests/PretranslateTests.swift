import Foundation
import TlumachCheck
import TlumachCore
import TlumachFormats
import TlumachLeverage
import TlumachMemory
import TlumachTMX
import XCTest

final class PretranslateTests: XCTestCase {
    static let pairs: [(String, String)] = [
        ("Уряд ухвалив новий бюджет.", "The government adopted a new budget."),
        ("Міністр представив бюджет у парламенті.", "The minister presented the budget in parliament."),
        ("Делегація прибула до Брюсселя.", "The delegation arrived in Brussels."),
    ]

    static let xliff12 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!-- a comment that must survive -->
        <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
          <file source-language="uk" target-language="en" datatype="plaintext" original="news.txt">
            <body>
              <trans-unit id="a1">
                <source>Уряд ухвалив новий бюджет.</source>
              </trans-unit>
              <trans-unit id="a2" approved="no">
                <source>Міністр представив новий бюджет у парламенті.</source>
                <target state="new"></target>
                <note>keep  this   note</note>
              </trans-unit>
              <trans-unit id="a3">
                <source>Зовсім інше речення без збігів.</source>
              </trans-unit>
              <trans-unit id="a4">
                <source>Делегація прибула до Брюсселя.</source>
                <target>Kept &amp; untouched.</target>
              </trans-unit>
            </body>
          </file>
        </xliff>

        """

    func testXLIFF12ExactFillIsTranslatedWithExactMatchQualifierAndAltTrans() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: Self.pairs)
        let file = try workspace.write("news.xlf", Self.xliff12)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertTrue(
            result.text.contains(
                "<target state=\"translated\" state-qualifier=\"exact-match\">The government adopted a new budget.</target>"),
            result.text)
        XCTAssertTrue(result.text.contains("<alt-trans match-quality=\"100\" origin=\"tlumach:test\">"), result.text)
        // Without --fuzzy the 83% match is not used; the unit with a target is kept.
        XCTAssertEqual(result.summary.exact, 1)
        XCTAssertEqual(result.summary.fuzzy, 0)
        XCTAssertEqual(result.summary.kept, 1)
        XCTAssertTrue(result.text.contains("<target state=\"new\"></target>"))
        XCTAssertEqual(strippedXLIFF(result.text), strippedXLIFF(Self.xliff12))
        // The result reads back with the filled target.
        let document = try XLIFFReader.parse(data: Data(result.text.utf8), name: "out.xlf")
        XCTAssertEqual(document.units[0].target, "The government adopted a new budget.")
        XCTAssertEqual(document.units[0].state, "translated")
    }

    func testXLIFF12FuzzyFillNeedsReviewAndReplacesTheEmptyTarget() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: Self.pairs)
        let file = try workspace.write("news.xlf", Self.xliff12)
        let result = try workspace.pretranslate(file, memory: memory, fuzzy: true)
        XCTAssertTrue(
            result.text.contains(
                "<target state=\"needs-review-translation\" state-qualifier=\"fuzzy-match\">The minister presented the budget in parliament.</target>"),
            result.text)
        XCTAssertTrue(result.text.contains("<alt-trans match-quality=\"83\""), result.text)
        XCTAssertEqual(result.summary.fuzzy, 1)
        XCTAssertEqual(result.summary.unmatched, 1)
        XCTAssertEqual(strippedXLIFF(result.text), strippedXLIFF(Self.xliff12))
        // Everything before the first unit and after the last touched one is byte-identical.
        let original = Self.xliff12
        let firstUnit = try XCTUnwrap(original.range(of: "<trans-unit id=\"a1\">"))
        XCTAssertTrue(result.text.hasPrefix(String(original[..<firstUnit.upperBound])))
        let untouched = try XCTUnwrap(original.range(of: "<trans-unit id=\"a3\">"))
        XCTAssertTrue(result.text.hasSuffix(String(original[untouched.lowerBound...])))
    }

    func testNothingToFillLeavesTheFileByteIdentical() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [("Щось зовсім інше тут.", "Something else.")])
        let crlf = Self.xliff12.replacingOccurrences(of: "\n", with: "\r\n")
        for (name, text) in [("a.xlf", crlf), ("b.po", PretranslatePOTests.po), ("c.tsv", "source\ttarget\nОдин\t\n")] {
            let file = try workspace.write(name, text)
            let result = try workspace.pretranslate(file, memory: memory, fuzzy: true)
            XCTAssertEqual(result.text, text, name)
            XCTAssertEqual(result.fills.count, 0)
        }
    }

    func testCRLFFileGetsCRLFInsertions() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: Self.pairs)
        let crlf = Self.xliff12.replacingOccurrences(of: "\n", with: "\r\n")
        let file = try workspace.write("crlf.xlf", crlf)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertFalse(result.text.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        XCTAssertEqual(
            strippedXLIFF(result.text.replacingOccurrences(of: "\r\n", with: "\n")), strippedXLIFF(Self.xliff12))
    }

    static let xliff20 = """
        <?xml version="1.0" encoding="UTF-8"?>
        <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="uk" trgLang="en">
          <file id="f1">
            <unit id="u1">
              <segment id="s1">
                <source>Читайте також: <pc id="7">енергетичний план на зиму</pc>.</source>
              </segment>
            </unit>
            <unit id="u2">
              <segment>
                <source>Натисніть <ph id="3"/> щоб продовжити.</source>
              </segment>
            </unit>
            <unit id="u3">
              <segment>
                <source>Міністр представив новий бюджет у парламенті.</source>
              </segment>
            </unit>
          </file>
        </xliff>

        """

    static func linkUnit(tuid: String = "link") -> TMXUnit {
        func segment(_ before: String, _ inside: String, _ after: String) -> TMXSegment {
            TMXSegment([
                .text(before),
                .element(TMXInlineElement(name: "bpt", attributes: ["i": "1", "type": "link"], children: [.text("<a href=\"/n/5\">")])),
                .text(inside), .element(TMXInlineElement(name: "ept", attributes: ["i": "1"], children: [.text("</a>")])),
                .text(after),
            ])
        }
        return tmxUnit(
            tuid: tuid, source: segment("Читайте також: ", "енергетичний план на зиму", "."),
            target: segment("Read also: ", "the energy plan for winter", "."))
    }

    func testXLIFF20CodesMappedOntoTheUnitsOwnIdsAndMatchesWritten() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(
            pairs: Self.pairs + [("Натисніть щоб продовжити.", "Press to continue.")], units: [Self.linkUnit()])
        let file = try workspace.write("codes.xlf", Self.xliff20)
        let result = try workspace.pretranslate(file, memory: memory, fuzzy: true)
        XCTAssertTrue(
            result.text.contains("<target>Read also: <pc id=\"7\">the energy plan for winter</pc>.</target>"), result.text)
        XCTAssertTrue(
            result.text.contains("<segment id=\"s1\" state=\"translated\" subState=\"tlumach:exact-match\">"), result.text)
        XCTAssertTrue(result.text.contains("<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"><mtc:match ref=\"#s1\" matchQuality=\"100.0\""), result.text)
        // u2: the memory has the text without the code: it cannot be mapped, so it is not used.
        let u2 = try XCTUnwrap(result.text.range(of: "<unit id=\"u2\">"))
        let u3 = try XCTUnwrap(result.text.range(of: "<unit id=\"u3\">"))
        XCTAssertFalse(result.text[u2.upperBound..<u3.lowerBound].contains("<target"))
        // u3: fuzzy, initial with a match reference to the id the segment was given.
        XCTAssertTrue(result.text.contains("<segment id=\"tlumach-s1\" state=\"initial\" subState=\"tlumach:fuzzy-match\">"), result.text)
        XCTAssertTrue(result.text.contains("ref=\"#tlumach-s1\" matchQuality=\"83.0\""), result.text)
        XCTAssertEqual(strippedXLIFF(result.text), strippedXLIFF(Self.xliff20))
        let document = try XLIFFReader.parse(data: Data(result.text.utf8), name: "out.xlf")
        XCTAssertEqual(document.units[0].targetCodes.map(\.key), document.units[0].sourceCodes.map(\.key))
        XCTAssertEqual(document.units[0].state, "translated")
        XCTAssertEqual(document.units[2].state, "initial")
    }

    func testXLIFF12CodesWithOtherIdsAreMapped() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [], units: [Self.linkUnit()])
        let text = """
            <xliff version="1.2"><file source-language="uk" target-language="en"><body>
            <trans-unit id="t"><source>Читайте також: <g id="12" ctype="link">енергетичний план на зиму</g>.</source></trans-unit>
            <trans-unit id="x"><source>Читайте також: <x id="1"/>енергетичний план на зиму<x id="2"/>.</source></trans-unit>
            </body></file></xliff>
            """
        let file = try workspace.write("g.xlf", text)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertTrue(result.text.contains(
            "<target state=\"translated\" state-qualifier=\"exact-match\">Read also: <g id=\"12\" ctype=\"link\">the energy plan for winter</g>.</target>"),
            result.text)
        // Two standalone codes cannot stand for an opening and a closing one.
        XCTAssertEqual(result.fills.count, 1)
    }

    func testPlaceholderNamesAreCarriedFromTheNewSource() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [("Файл {name} видалено з {folder}.", "File {name} was deleted from {folder}.")])
        let file = try workspace.write("p.tsv", "source\ttarget\nФайл {file} видалено з {dir}.\t\nФайл %s видалено з {dir}.\t\n")
        let result = try workspace.pretranslate(file, memory: memory, fuzzy: true)
        XCTAssertTrue(result.text.contains("File {file} was deleted from {dir}."), result.text)
        XCTAssertEqual(result.fills.first?.kind, .adapted)
        // A printf placeholder where the match has a named one cannot be mapped.
        XCTAssertEqual(result.fills.count, 1)
    }

    func testNumbersAreCarriedWhenTheyAreTheOnlyDifference() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [
            ("Понад 2,500 захисників повернулися додому.", "More than 2,500 defenders returned home."),
            ("Отримано 40 заявок за 3 дні.", "Forty applications came in over 3 days."),
        ])
        let file = try workspace.write(
            "n.tsv", "source\ttarget\nПонад 3,000 захисників повернулися додому.\t\nОтримано 45 заявок за 3 дні.\t\n")
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertTrue(result.text.contains("More than 3,000 defenders returned home."), result.text)
        XCTAssertEqual(result.fills.map(\.kind), [.adapted])
        // "40" is not written as a number in the second target: the unit is left (it is only a fuzzy match).
        XCTAssertEqual(result.summary.unmatched, 1)
    }

    func testGlossaryConflictDemotesAnExactFillToReview() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: [("Уряд ухвалив новий бюджет.", "The government adopted a new spending plan.")])
        let finder = try GlossaryTermFinder(yaml: "concepts: [{id: budget, terms: {uk: [бюджет], en: [budget]}}]")
        let gate = TermGate(finder: finder, sourceLanguage: "uk", targetLanguage: "en")
        let file = try workspace.write("news.xlf", PretranslateTests.xliff12)
        let result = try workspace.pretranslate(file, memory: memory, gate: gate)
        XCTAssertTrue(
            result.text.contains("<target state=\"needs-review-translation\" state-qualifier=\"exact-match\">The government adopted a new spending plan.</target>"),
            result.text)
        XCTAssertEqual(result.summary.demoted, 1)
        XCTAssertNotNil(result.fills.first?.demotion)
        // The same memory without the conflict: translated.
        let clean = try workspace.memory(pairs: Self.pairs)
        let plain = try workspace.pretranslate(file, memory: clean, gate: gate)
        XCTAssertEqual(plain.summary.demoted, 0)
        XCTAssertTrue(plain.text.contains("state=\"translated\""))
    }

    func testRepetitionsAreFilledFromTheFirstTranslatedOccurrence() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: Self.pairs)
        let file = try workspace.write(
            "r.tsv",
            "source\ttarget\tstate\nМій рядок без збігів.\tMy line.\t\nУряд ухвалив новий бюджет.\t\t\nМій рядок без збігів.\t\t\nУряд ухвалив новий бюджет.\t\t\n")
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertEqual(
            result.text,
            "source\ttarget\tstate\nМій рядок без збігів.\tMy line.\t\nУряд ухвалив новий бюджет.\tThe government adopted a new budget.\ttranslated\nМій рядок без збігів.\tMy line.\ttranslated\nУряд ухвалив новий бюджет.\tThe government adopted a new budget.\ttranslated\n")
        XCTAssertEqual(result.summary.repetitions, 2)
        XCTAssertEqual(result.summary.exact, 1)
    }

    func testTSVWithoutStateColumnWritesNoReviewFills() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: Self.pairs)
        let text = "source\ttarget\nМіністр представив новий бюджет у парламенті.\t\n"
        let file = try workspace.write("f.tsv", text)
        let result = try workspace.pretranslate(file, memory: memory, fuzzy: true)
        XCTAssertEqual(result.text, text)
        XCTAssertEqual(result.notes.count, 1)
    }

    func testInContextMatchByNeighboursAndById() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(
            pairs: Self.pairs,
            units: [tmxUnit(tuid: "menu.open", source: TMXSegment(text: "Відкрити"), target: TMXSegment(text: "Open"))])
        let text = """
            <xliff version="1.2"><file source-language="uk" target-language="en"><body>
            <trans-unit id="1"><source>Уряд ухвалив новий бюджет.</source></trans-unit>
            <trans-unit id="2"><source>Міністр представив бюджет у парламенті.</source></trans-unit>
            <trans-unit id="3"><source>Делегація прибула до Брюсселя.</source></trans-unit>
            <trans-unit id="4"><source>Делегація прибула до Брюсселя.</source></trans-unit>
            <trans-unit id="menu.open"><source>Відкрити</source></trans-unit>
            </body></file></xliff>
            """
        let file = try workspace.write("ice.xlf", text)
        let input = try LeverageInput.read(file)
        let leverager = try Leverager(memory: memory, preload: false)
        var kinds: [MatchKind?] = []
        for position in input.segments.indices {
            let unit = input.document.units[input.segments[position]]
            kinds.append(try leverager.matches(for: unit, context: input.context(ofSegment: position), minimum: 75).first?.kind)
        }
        // 1: next matches; 2: both neighbours; 3: its next is itself, not what follows it in the memory; 4: the
        // previous is unit 3's text but the memory's next is the tuid unit; 5: same id.
        XCTAssertEqual(kinds, [.context, .context, .exact, .exact, .context])
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertTrue(result.text.contains("<alt-trans match-quality=\"101\""), result.text)
        XCTAssertEqual(result.summary.context, 3)
    }

    func testBadInputNamesTheFileAndLanguagesMustMatch() throws {
        let workspace = try Workspace()
        let broken = try workspace.write("broken.xlf", "<xliff version=\"1.2\"><file><body>\n<trans-unit id=\"1\"><source>x</trans-unit>")
        XCTAssertThrowsError(try LeverageInput.read(broken)) { error in
            let inputError = error as? InputError
            XCTAssertNotNil(inputError?.line, "\(error)")
            XCTAssertTrue("\(error)".contains("broken.xlf"))
        }
        let reversed = try workspace.write(
            "rev.xlf", "<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"uk\"><body></body></file></xliff>")
        let input = try LeverageInput.read(reversed)
        XCTAssertThrowsError(try input.checkLanguages(memorySource: "uk", memoryTarget: "en")) { error in
            XCTAssertTrue("\(error)".contains("the file is en→uk but the memory is uk→en"), "\(error)")
        }
        XCTAssertNoThrow(try input.checkLanguages(memorySource: "en-GB", memoryTarget: "uk"))
    }
}

final class XLIFFStructureTests: XCTestCase {
    func testUnusualXLIFF12StructuresArePatchedInPlace() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: PretranslateTests.pairs)
        let text = """
            <?xml version="1.0"?>
            <!DOCTYPE xliff>
            <xliff version="1.2"><file source-language="uk" target-language="en"><body>
            <!-- <trans-unit id="fake"><source>Уряд ухвалив новий бюджет.</source></trans-unit> -->
            <group id="g"><trans-unit id="skip" translate="no"><source>Уряд ухвалив новий бюджет.</source></trans-unit>
              <trans-unit id="seg">
                <source>Уряд ухвалив новий бюджет.</source>
                <seg-source><mrk mtype="seg" mid="1">Уряд ухвалив новий бюджет.</mrk></seg-source>
                <alt-trans><source>Старе</source><target>Old</target></alt-trans>
              </trans-unit></group>
            <trans-unit id="empty"><source><![CDATA[Делегація прибула до Брюсселя.]]></source><target/></trans-unit>
            </body></file></xliff>
            """
        let file = try workspace.write("odd.xlf", text)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertEqual(result.fills.count, 2)
        XCTAssertTrue(result.text.contains(
            "</seg-source>\n    <target state=\"translated\" state-qualifier=\"exact-match\">The government adopted a new budget.</target>"),
            result.text)
        XCTAssertTrue(result.text.contains(
            "]]></source><target state=\"translated\" state-qualifier=\"exact-match\">The delegation arrived in Brussels.</target><alt-trans"),
            result.text)
        XCTAssertEqual(strippedXLIFF(result.text).replacingOccurrences(of: "<target/>", with: ""), strippedXLIFF(text).replacingOccurrences(of: "<target/>", with: ""))
        let document = try XLIFFReader.parse(data: Data(result.text.utf8), name: "odd.xlf")
        XCTAssertEqual(document.units.map(\.target), ["The government adopted a new budget.", "The delegation arrived in Brussels."])
    }

    func testXLIFF20SegmentsIgnorablesAndExistingMatches() throws {
        let workspace = try Workspace()
        let memory = try workspace.memory(pairs: PretranslateTests.pairs)
        let text = """
            <xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="uk" trgLang="en"><file id="f">
              <unit id="two">
                <segment id="a"><source>Уряд ухвалив новий бюджет.</source></segment>
                <ignorable><source> </source></ignorable>
                <segment id="b" state="initial"><source>Делегація прибула до Брюсселя.</source><target></target></segment>
              </unit>
              <unit id="had">
                <mtc:matches xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0"><mtc:match ref="#c"><source>x</source><target>y</target></mtc:match></mtc:matches>
                <segment id="c"><source>Уряд ухвалив новий бюджет.</source></segment>
              </unit>
              <unit id="no" translate="no"><segment><source>Уряд ухвалив новий бюджет.</source></segment></unit>
            </file></xliff>
            """
        let file = try workspace.write("two.xlf", text)
        let result = try workspace.pretranslate(file, memory: memory)
        XCTAssertEqual(result.fills.count, 3)
        // One matches element for the unit, holding both segments' matches.
        XCTAssertEqual(result.text.components(separatedBy: "<mtc:matches").count - 1, 2, result.text)
        XCTAssertTrue(result.text.contains("<mtc:match ref=\"#a\" matchQuality=\"100.0\""))
        XCTAssertTrue(result.text.contains("<mtc:match ref=\"#b\" matchQuality=\"100.0\""))
        XCTAssertTrue(result.text.contains("<segment id=\"b\" state=\"translated\" subState=\"tlumach:exact-match\"><source>Делегація прибула до Брюсселя.</source><target>The delegation arrived in Brussels.</target></segment>"), result.text)
        XCTAssertFalse(result.text.contains("<mtc:match ref=\"#c\" matchQuality"))
        let document = try XLIFFReader.parse(data: Data(result.text.utf8), name: "two.xlf")
        XCTAssertEqual(document.units.map(\.state), ["translated", "translated", "translated"])
        XCTAssertEqual(strippedXLIFF(result.text), strippedXLIFF(text))
    }
}
