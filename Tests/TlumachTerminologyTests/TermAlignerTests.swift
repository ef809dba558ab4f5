import TlumachGlossary
import XCTest

@testable import TlumachTerminology

final class TermAlignerTests: XCTestCase {
    /// Keyboard-layout style UI strings: a language name inflected in several cases, next to other words.
    static let layouts: [TermPairInput] = [
        .init(id: "1", source: "Finnish", target: "Фінська"),
        .init(id: "2", source: "Finnish (classic)", target: "Фінська (класична)"),
        .init(id: "3", source: "Keyboard layout for Finnish", target: "Розкладка клавіатури для фінської"),
        .init(id: "4", source: "Text in Finnish", target: "Текст фінською"),
        .init(id: "5", source: "Swedish", target: "Шведська"),
        .init(id: "6", source: "Swedish (Dvorak)", target: "Шведська (Дворак)"),
        .init(id: "7", source: "Keyboard layout for Swedish", target: "Розкладка клавіатури для шведської"),
        .init(id: "8", source: "Text in Swedish", target: "Текст шведською"),
        .init(id: "9", source: "Keyboard layout", target: "Розкладка клавіатури"),
        .init(id: "10", source: "German", target: "Німецька"),
        .init(id: "11", source: "Text in German", target: "Текст німецькою"),
        .init(id: "12", source: "Keyboard layout for German", target: "Розкладка клавіатури для німецької"),
        .init(id: "13", source: "Open file", target: "Відкрити файл"),
        .init(id: "14", source: "Save file", target: "Зберегти файл"),
        .init(id: "15", source: "File not found", target: "Файл не знайдено"),
        .init(id: "16", source: "Text", target: "Текст"),
    ]

    func testInflectedCandidatesCollapseToOneDictionaryForm() {
        let aligner = TermAligner(pairs: Self.layouts)
        let candidates = aligner.suggest("Finnish")
        XCTAssertEqual(candidates.first?.text, "фінська")
        XCTAssertEqual(candidates.first?.count, 4, "фінська, фінської and фінською count as one candidate")
        XCTAssertEqual(candidates.filter { $0.text.lowercased().hasPrefix("фінськ") }.count, 1)
        XCTAssertEqual(aligner.suggest("file").first?.text, "файл")
    }

    func testAProperNameKeepsItsCapitalWhereTheTargetOnlyShowsItFirst() {
        let pairs: [TermPairInput] = [
            .init(id: "1", source: "Ukraine", target: "Україна"),
            .init(id: "2", source: "Ukraine (Crimea)", target: "Україна (Крим)"),
            .init(id: "3", source: "English (Ukraine)", target: "Англійська (Україна)"),
            .init(id: "4", source: "Layouts of Ukraine", target: "Україна: розкладки"),
        ]
        XCTAssertEqual(TermAligner(pairs: pairs).suggest("Ukraine").first?.text, "Україна")
        XCTAssertEqual(TermAligner(pairs: Self.layouts).suggest("Finnish").first?.text, "фінська")
        // A language name seen only as a capitalised UI label stays a lower-case adjective.
        let labels: [TermPairInput] = [
            .init(id: "1", source: "Finnish", target: "Фінська"), .init(id: "2", source: "Text in Finnish", target: "Фінська: текст"),
        ]
        XCTAssertEqual(TermAligner(pairs: labels).suggest("Finnish").first?.text, "фінська")
    }

    func testUkrainianTermsSuggestEnglishTheOtherWay() {
        let reversed = Self.layouts.map { TermPairInput(id: $0.id, source: $0.target, target: $0.source) }
        let aligner = TermAligner(pairs: reversed)
        XCTAssertEqual(aligner.suggest("шведської").first?.text, "Swedish")
    }

    func testUnknownTermHasNoCandidates() {
        XCTAssertEqual(TermAligner(pairs: Self.layouts).suggest("Klingon"), [])
    }

    func testNamesPairAtAnyCountThroughTheLatinKey() {
        let pairs = Self.layouts + [
            .init(id: "n1", source: "Lieutenant Colonel Yusov said the bridge was hit.", target: "Підполковник Юсов сказав, що міст уражено.")
        ]
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        let name = extracted.first { $0.source == "Yusov" }
        XCTAssertEqual(name?.target, "Юсов")
        XCTAssertEqual(name?.kind, .name)
        XCTAssertEqual(name?.count, 1)
        XCTAssertEqual(TermAligner(pairs: pairs).suggest("Yusov").first?.text, "Юсов")
    }

    func testAbbreviationsFromDefinitionsAndLetterTransliteration() throws {
        let pairs = Self.layouts + [
            .init(id: "a1", source: "Russia launched its special military operation (SVO) in 2022.", target: "Росія почала свою спеціальну військову операцію (СВО) у 2022 році."),
            .init(id: "a2", source: "The SVO continues.", target: "СВО триває."),
        ]
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        let abbreviation = extracted.first { $0.source == "SVO" && $0.kind == .abbreviation }
        XCTAssertEqual(abbreviation?.target, "СВО")
        XCTAssertEqual(abbreviation?.count, 2)
        let full = extracted.first { $0.source == "special military operation" }
        XCTAssertEqual(full?.target, "спеціальну військову операцію")
        XCTAssertEqual(full?.abbreviation?.source, "SVO")
        // One concept holds the full forms and the abbreviations, and the draft passes lint.
        let concepts = GlossaryDraft.concepts(extracted, sourceLanguage: "en", targetLanguage: "uk")
        let concept = try XCTUnwrap(concepts.first { $0.terms["en"]?.first?.text == "special military operation" })
        XCTAssertEqual(concept.terms["en"]?.map(\.text), ["special military operation", "SVO"])
        XCTAssertEqual(concept.terms["uk"]?.map(\.text), ["спеціальну військову операцію", "СВО"])
        XCTAssertFalse(concepts.contains { $0.id != concept.id && $0.terms["en"]?.first?.text == "SVO" })
        try assertLintClean(GlossaryYAML.write(concepts), name: "draft.yaml")
        try assertLintClean(GlossaryTBX.writeV3(concepts), name: "draft.tbx")
    }

    func testDefinitionsNeedInitialsOrMatchingFirstLetter() {
        XCTAssertEqual(
            Definitions.find(in: "Збройні сили України (ЗСУ) звільнили село"),
            [.init(full: "Збройні сили України", abbreviation: "ЗСУ")])
        XCTAssertEqual(Definitions.find(in: "the weather (OK)"), [])
    }

    func testLongerTermWinsOverPartsThatNeverStandApart() {
        let pairs = (1...4).map { TermPairInput(id: "p\($0)", source: "Print queue \($0)", target: "Черга друку \($0)") }
            + (1...3).map { TermPairInput(id: "q\($0)", source: "Queue \($0) empty", target: "Черга \($0) порожня") }
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        XCTAssertTrue(extracted.contains { $0.source.lowercased() == "print queue" && $0.target.lowercased() == "черга друку" }, "\(extracted)")
        XCTAssertFalse(extracted.contains { $0.source.lowercased() == "print" }, "print never stands apart from print queue")
        XCTAssertTrue(extracted.contains { $0.source.lowercased() == "queue" }, "queue also stands alone")
    }

    func testOutputIsDeterministic() {
        let first = TermAligner(pairs: Self.layouts).extract(minCount: 2)
        let second = TermAligner(pairs: Self.layouts).extract(minCount: 2)
        XCTAssertEqual(first, second)
        XCTAssertFalse(first.isEmpty)
    }

    func testAgainstLeavesOutKnownPairsAndReportsConflicts() throws {
        let pairs = (1...3).map { TermPairInput(id: "k\($0)", source: "Kiev news \($0)", target: "Новини Києва \($0)") }
            + [.init(id: "k4", source: "Kiev", target: "Київ"), .init(id: "k5", source: "News", target: "Новини")]
            + (1...3).map { TermPairInput(id: "f\($0)", source: "Open file \($0)", target: "Відкрити файл \($0)") }
            + [.init(id: "f4", source: "File", target: "Файл"), .init(id: "f5", source: "Open", target: "Відкрити")]
            + (1...2).map { TermPairInput(id: "w\($0)", source: "Window \($0) closed", target: "Вікно \($0) закрито") }
        let yaml = """
            concepts:
              - id: kyiv
                terms:
                  uk: [Київ]
                  en: [Kyiv, {text: Kiev, status: forbidden}]
              - id: file
                terms:
                  uk: [файл]
                  en: [file]
              - id: window
                terms:
                  uk: [вікно програми]
                  en: [window]
            """
        let (_, concepts) = try GlossaryYAML.parse(yaml, path: "g.yaml")
        var glossary = Glossary()
        for concept in concepts { glossary.add(concept) }
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        XCTAssertTrue(extracted.contains { $0.source.lowercased() == "file" })
        let (new, conflicts) = GlossaryDraft.compare(extracted, with: glossary, sourceLanguage: "en", targetLanguage: "uk")
        XCTAssertFalse(new.contains { $0.source.lowercased() == "file" }, "the glossary has file → файл")
        let kiev = try XCTUnwrap(conflicts.first { $0.conceptID == "kyiv" })
        XCTAssertTrue(kiev.reason.contains("forbidden"), kiev.reason)
        let window = try XCTUnwrap(conflicts.first { $0.conceptID == "window" })
        XCTAssertEqual(window.approved, ["вікно програми"])
        XCTAssertTrue(window.reason.contains("not as the approved"), window.reason)
    }

    func testTokenizerDropsAcceleratorsAndBreaksAtPlaceholders() {
        let tokens = TermTokenizer.tokenize("_Open %s in Con_tents")
        XCTAssertEqual(tokens.map(\.surface), ["Open", "in", "Contents"])
        XCTAssertEqual(tokens.map(\.breakBefore), [true, true, false])
        XCTAssertTrue(tokens[1].isFunction)
    }

    func testDictionaryFormRanksNominativeFirst() {
        XCTAssertLessThan(TermAligner.formRank("фінська"), TermAligner.formRank("фінської"))
        XCTAssertLessThan(TermAligner.formRank("файл"), TermAligner.formRank("файлів"))
    }

    /// Training steps grow linearly: ten times the units cost about ten times the steps.
    func testAlignmentStepsGrowLinearly() {
        let small = Array(Self.layouts.prefix(10))
        let large = (0..<10).flatMap { copy in small.map { TermPairInput(id: "\(copy)-\($0.id)", source: $0.source, target: $0.target) } }
        let smallSteps = TermAligner(pairs: small).alignmentSteps
        let largeSteps = TermAligner(pairs: large).alignmentSteps
        XCTAssertGreaterThan(smallSteps, 0)
        XCTAssertLessThanOrEqual(largeSteps, 11 * smallSteps)
    }

    private func assertLintClean(_ text: String, name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-terms-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let errors = try GlossaryLint.lint(paths: [path]).filter { $0.severity == .error }
        XCTAssertEqual(errors.map(\.message), [], name)
    }
}

final class GlossaryDraftTests: XCTestCase {
    /// Two pairs sharing a term make one concept, so the draft lints clean (a term in two concepts is an error).
    func testPairsSharingATermJoinOneConcept() {
        let pairs = [
            TermPair(source: "Yusov", target: "Юсов", score: 1, count: 4, kind: .name, examples: ["4"]),
            TermPair(source: "representative", target: "представник", score: 0.9, count: 2, kind: .term, examples: []),
            TermPair(source: "spokesman", target: "представник", score: 0.7, count: 2, kind: .term, examples: []),
        ]
        let concepts = GlossaryDraft.concepts(pairs, sourceLanguage: "en", targetLanguage: "uk")
        XCTAssertEqual(concepts.count, 2)
        XCTAssertEqual(concepts[1].terms["en"]?.map(\.text), ["representative", "spokesman"])
        XCTAssertEqual(concepts[1].terms["uk"]?.map(\.text), ["представник"])
        XCTAssertEqual(concepts[0].terms["uk"]?.first?.type, .properNoun)
    }
}
