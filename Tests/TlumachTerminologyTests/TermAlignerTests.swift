import TlumachCore
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
        let aligner = TermAligner(pairs: TermAlignerTests.layouts)
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
        XCTAssertEqual(TermAligner(pairs: TermAlignerTests.layouts).suggest("Finnish").first?.text, "фінська")
        // A language name seen only as a capitalised UI label stays a lower-case adjective.
        let labels: [TermPairInput] = [
            .init(id: "1", source: "Finnish", target: "Фінська"), .init(id: "2", source: "Text in Finnish", target: "Фінська: текст"),
        ]
        XCTAssertEqual(TermAligner(pairs: labels).suggest("Finnish").first?.text, "фінська")
    }

    func testUkrainianTermsSuggestEnglishTheOtherWay() {
        let reversed = TermAlignerTests.layouts.map { TermPairInput(id: $0.id, source: $0.target, target: $0.source) }
        let aligner = TermAligner(pairs: reversed)
        XCTAssertEqual(aligner.suggest("шведської").first?.text, "Swedish")
    }

    func testUnknownTermHasNoCandidates() {
        XCTAssertEqual(TermAligner(pairs: TermAlignerTests.layouts).suggest("Klingon"), [])
    }

    func testNamesPairAtAnyCountThroughTheLatinKey() {
        let pairs = TermAlignerTests.layouts + [
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
        let pairs = TermAlignerTests.layouts + [
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

    /// Debian Edu's Audacity manual keeps the GPL in English: its copied paragraphs made "terms and conditions" and
    /// "WARRANTY" Ukrainian terms of the draft. A copied unit is no translation; the manual's translated units are.
    func testCopiedUnitsTeachNoTerms() {
        let licence = (1...3).map {
            TermPairInput(
                id: "gpl\($0)", source: "\($0). TERMS AND CONDITIONS: the Program comes WITHOUT WARRANTY.",
                target: "\($0). TERMS AND CONDITIONS: the Program comes WITHOUT WARRANTY.")
        }
        let manual = (1...3).map { TermPairInput(id: "m\($0)", source: "Select the noise \($0)", target: "Виберіть шум \($0)") }
        let extracted = TermAligner(pairs: licence + manual).extract(minCount: 2)
        XCTAssertFalse(extracted.contains { $0.source.lowercased().contains("warranty") || $0.target.lowercased().contains("warranty") }, "\(extracted)")
        XCTAssertTrue(extracted.contains { $0.source.lowercased() == "noise" && $0.target.lowercased() == "шум" }, "\(extracted)")
        XCTAssertEqual(TermAligner(pairs: licence).suggest("warranty"), [])
    }

    func testOutputIsDeterministic() {
        let first = TermAligner(pairs: TermAlignerTests.layouts).extract(minCount: 2)
        let second = TermAligner(pairs: TermAlignerTests.layouts).extract(minCount: 2)
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

    func testAnUnderscoreInsideAnIdentifierIsNoAcceleratorMark() {
        // Real units (round 5's hand sample: OMIT_FP came out as the abbreviation "OMITFP"): an underscore between
        // capitals or digits, or in a word with more than one underscore (a mnemonic marks one letter), joins an
        // identifier; a mnemonic mark still goes.
        XCTAssertTrue(TermTokenizer.tokenize("%pB: nested OMIT_FP in %pA").map(\.surface).contains("OMIT_FP"))
        XCTAssertEqual(
            TermTokenizer.tokenize("must be member of pg_signal_backend").map(\.surface).last, "pg_signal_backend")
        XCTAssertEqual(TermTokenizer.tokenize("_Open in Con_tents").map(\.surface), ["Open", "in", "Contents"])
        let pairs: [TermPairInput] = [
            .init(id: "bfd:696", source: "%pB: nested OMIT_FP in %pA", target: "%pB: вкладене OMIT_FP у %pA."),
            .init(id: "bfd:796", source: "%pB: unmatched OMIT_FP in %pA", target: "%pB: OMIT_FP без відповідника у %pA."),
        ]
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        XCTAssertFalse(extracted.contains { $0.source.uppercased().hasPrefix("OMIT") }, "\(extracted)")
        // A usage line's placeholder translated as an identifier is not a term either.
        let usage: [TermPairInput] = [
            .init(id: "coreutils:775", source: "Execute the PROGRAM_NAME built-in program with the given PARAMETERS.  ", target: "Виконати вбудовану програму НАЗВА_ПРОГРАМИ із вказаними параметрами ПАРАМЕТРИ.  "),
            .init(id: "coreutils:983", source: "Usage: %s --coreutils-prog=PROGRAM_NAME [PARAMETERS]...  ", target: "Користування: %s --coreutils-prog=НАЗВА_ПРОГРАМИ [ПАРАМЕТРИ]...  "),
        ]
        let placeholders = TermAligner(pairs: usage).extract(minCount: 2)
        XCTAssertFalse(placeholders.contains { $0.target.contains("_") }, "\(placeholders)")
    }

    func testDictionaryFormRanksNominativeFirst() {
        XCTAssertLessThan(TermAligner.formRank("фінська"), TermAligner.formRank("фінської"))
        XCTAssertLessThan(TermAligner.formRank("файл"), TermAligner.formRank("файлів"))
    }

    /// Training steps grow linearly: ten times the units cost about ten times the steps.
    func testAlignmentStepsGrowLinearly() {
        let small = Array(TermAlignerTests.layouts.prefix(10))
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

    /// Texts whose lines do not correspond go through the sentence aligner the command passes; line-aligned texts
    /// never do; without an aligner they are refused at the first line that does not correspond, as before.
    func testTextsWhoseLinesDoNotCorrespondGoThroughTheSentenceAligner() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("terms-align-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let english = directory.appendingPathComponent("a.en.txt")
        let ukrainian = directory.appendingPathComponent("a.uk.txt")
        try "Open file. Save file.\nClose file.\n".write(to: english, atomically: true, encoding: .utf8)
        try "Відкрити файл. Зберегти файл. Закрити файл.\n".write(to: ukrainian, atomically: true, encoding: .utf8)
        let calls = CallCounter()
        let aligner: TermCorpusLoader.TextAligner = { source, target in
            calls.add()
            // A stand-in for `tlumach align`: sentences split at ". ", paired in order.
            func sentences(_ text: String) -> [String] {
                text.split(whereSeparator: { $0 == "." || $0.isNewline }).map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            }
            return zip(sentences(source), sentences(target)).map { ($0, $1) } + [(source: "Lost", target: " ")]
        }
        let loaded = try TermCorpusLoader.read(files: [english.path, ukrainian.path], textAligner: aligner)
        XCTAssertEqual(calls.value, 1)
        XCTAssertEqual(loaded.pairs, [
            TermPairInput(id: "a.en.txt:s1", source: "Open file", target: "Відкрити файл"),
            TermPairInput(id: "a.en.txt:s2", source: "Save file", target: "Зберегти файл"),
            TermPairInput(id: "a.en.txt:s3", source: "Close file", target: "Закрити файл"),
        ], "a pair with an empty side is left out")
        XCTAssertEqual(TermAligner(pairs: loaded.pairs).suggest("file").first?.text, "файл")
        XCTAssertThrowsError(try TermCorpusLoader.read(files: [english.path, ukrainian.path])) { error in
            XCTAssertEqual((error as? InputError)?.line, 2)
        }
        try "Відкрити файл. Зберегти файл.\nЗакрити файл.\n".write(to: ukrainian, atomically: true, encoding: .utf8)
        let lineAligned = try TermCorpusLoader.read(files: [english.path, ukrainian.path], textAligner: aligner)
        XCTAssertEqual(calls.value, 1, "line-aligned texts are read line by line")
        XCTAssertEqual(lineAligned.pairs.map(\.id), ["a.en.txt:1", "a.en.txt:2"])
    }

    func testLogLikelihoodIsZeroWithoutAssociationAndOneForAPerfectOne() {
        // Perfect: the candidate occurs exactly in the term's 5 units of 100.
        XCTAssertEqual(
            Association.normalizedLogLikelihood(together: 5, termUnits: 5, candidateUnits: 5, units: 100), 1,
            accuracy: 1e-9)
        // Independent (2 of the term's 10 units, 20 of 100 overall) and negative association: nothing.
        XCTAssertEqual(Association.normalizedLogLikelihood(together: 2, termUnits: 10, candidateUnits: 20, units: 100), 0)
        XCTAssertEqual(Association.normalizedLogLikelihood(together: 0, termUnits: 10, candidateUnits: 20, units: 100), 0)
        // A word in every unit has a high Dice with any term but no association at all.
        XCTAssertEqual(Association.dice(together: 5, termUnits: 5, candidateUnits: 10), 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(Association.normalizedLogLikelihood(together: 5, termUnits: 5, candidateUnits: 10, units: 10), 0)
        // More shared units, more association; values stay within 0…1.
        let weak = Association.normalizedLogLikelihood(together: 3, termUnits: 10, candidateUnits: 10, units: 1000)
        let strong = Association.normalizedLogLikelihood(together: 8, termUnits: 10, candidateUnits: 10, units: 1000)
        XCTAssertGreaterThan(weak, 0)
        XCTAssertGreaterThan(strong, weak)
        XCTAssertLessThan(strong, 1)
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
    // MARK: - Termhood, plain text pairs, the shared-occurrence rule

    func testTermhoodTellsMessagePhrasesFromTerms() {
        let termhood = TermHood.shared
        // Message phrases of the hand-judged extract sample: a verb form, an auxiliary, a message adverb.
        XCTAssertEqual(termhood.messageWord(in: "requires at least"), "at")
        XCTAssertEqual(termhood.messageWord(in: "потребує принаймні"), "потребує")
        XCTAssertEqual(termhood.messageWord(in: "already been set"), "already")
        XCTAssertEqual(termhood.messageWord(in: "справді бажаєте відкликати"), "бажаєте")
        XCTAssertEqual(termhood.messageWord(in: "встановлено"), "встановлено")
        XCTAssertEqual(termhood.messageWord(in: "size of the rendered"), "rendered")
        XCTAssertEqual(termhood.messageWord(in: "successfully"), "successfully")
        // Terms, including nouns whose endings look like verb forms elsewhere.
        // Without the corpus's lexicon the infinitive rule stays silent ("Відкрити файл"; see the next test).
        for term in ["keyboard layout", "розкладка клавіатури", "font family", "біти", "пам'ять", "shared folder",
                     "speed", "кредити", "Open file", "Відкрити файл", "фінська", "assembly"] {
            XCTAssertNil(termhood.messageWord(in: term), term)
        }
    }

    /// Real units of the system catalogs (coreutils, postgres, elfutils, binutils, bfd, apt, PackageKit,
    /// appstream), the lexicon the round-4 termhood rules read.
    private static let round4Units: [String] = [
        "cannot set date", "не вдалося встановити дату",
        "cannot alter type of a column used by a generated column",
        "змінити тип стовпця, який використовується згенерованим стовпцем, не можна",
        "Insert file after [MEMBER].", "Вставити файл після [ЕЛЕМЕНТ].",
        "MEMBER parameter required for 'a', 'b', and 'i' modifiers",
        "The user `%s' is already a member of `%s'. ", "The user `%s' is not a member of group `%s'. ",
        "%s: cannot assign list to array member", "Enum Member offset %x",
        "  -E, --expiredate EXPIRE_DATE  set account expiration date to EXPIRE_DATE ",
        "  -E, --expiredate ДАТА        встановити строк дії облікового запису у ДАТА ",
        "   дата збирання  : %.17s ", "    Дата створення : %.17s ", "  час і дата: 0x%08x  - ", "неправильна дата %s",
        "      --base2lsbf       рядок бітів, у якому останнім є найбільший біт (lsb) ", "64 біти *не обробляється* ",
        " [Йде робота]", "Інструмент роботи з пакунками, наприклад, dummy",
        "Consider using a secure (HTTPS) URL for the remote icon link.",
        "Could not open WARC file. ", "Не вдалося відкрити файл WARC. ",
        "Current open archive is %s ", "Поточний відкритий архів - %s ",
        "can only reindex the currently open database", "переіндексувати можна тільки наразі відкриту базу даних",
        "Report any translation bugs to <https://translationproject.org/team/> ",
    ]

    func testRoundFourTermhoodRulesOnRealPairsOfTheHandSample() {
        let termhood = TermHood.shared
        let lexicon = TermLexicon(texts: Self.round4Units)
        // Message adjectives on either side (the hand sample's "unsupported argument", "offset too big").
        XCTAssertEqual(termhood.messageWord(in: "unsupported argument"), "unsupported")
        XCTAssertEqual(termhood.messageWord(in: "непідтримуваний аргумент"), "непідтримуваний")
        XCTAssertEqual(termhood.messageWord(in: "offset too big"), "too")
        XCTAssertEqual(termhood.messageWord(in: "надто великий зсув"), "надто")
        XCTAssertEqual(termhood.messageWord(in: "specified option"), "specified")
        XCTAssertEqual(termhood.messageWord(in: "вказаний параметр"), "вказаний")
        XCTAssertEqual(termhood.messageWord(in: "помилкова стала з рухомою крапкою"), "помилкова")
        // A preposition joining two things (bfd "table in section", opcodes "tbl for reading"), a finite verb in
        // the first person plural (make "entering directory" → "входимо до каталогу"), a participle alone.
        XCTAssertEqual(termhood.messageWord(in: "table in section"), "in")
        XCTAssertEqual(termhood.messageWord(in: "tbl for reading"), "for")
        XCTAssertEqual(termhood.messageWord(in: "входимо до каталогу"), "входимо")
        XCTAssertEqual(termhood.messageWord(in: "передбачалось посилання"), "передбачалось")
        XCTAssertEqual(termhood.messageWord(in: "transliterated"), "transliterated")
        XCTAssertEqual(termhood.messageWord(in: "register out of range"), "out")
        XCTAssertEqual(termhood.messageWord(in: "style of bevel around"), "around")
        XCTAssertNil(termhood.messageWord(in: "number of RADIUS servers"))
        XCTAssertNil(termhood.messageWord(in: "Bosnia and Herzegovina"))
        // Infinitives, told from plural and genitive nouns by the corpus's own words (біт, робота, дата).
        XCTAssertEqual(termhood.messageWord(in: "встановити дату", lexicon: lexicon), "встановити")
        XCTAssertEqual(termhood.messageWord(in: "змінити тип стовпця", lexicon: lexicon), "змінити")
        XCTAssertNil(termhood.messageWord(in: "встановити дату"), "no lexicon, no infinitive verdict")
        // відкриту is an adjective's form (відкритий), not a noun's: відкрити stays an infinitive (wget "opening
        // WARC file" → "відкрити файл WARC").
        XCTAssertEqual(termhood.messageWord(in: "відкрити файл WARC", lexicon: lexicon), "відкрити")
        // Imperatives (postgres "use ALTER SUBSCRIPTION" → "використайте ALTER SUBSCRIPTION").
        XCTAssertEqual(termhood.messageWord(in: "використайте ALTER SUBSCRIPTION"), "використайте")
        XCTAssertEqual(termhood.messageWord(in: "виберіть файл"), "виберіть")
        XCTAssertNil(termhood.messageWord(in: "швидкість"))
        // A plural noun in a consonant and -ти is no infinitive even where its singular never occurs (the shipped
        // examples/terms article: occupiers → окупанти).
        XCTAssertNil(termhood.messageWord(in: "окупанти", lexicon: lexicon))
        for term in ["біти", "інструмент роботи", "дати створення", "невідома помилка", "відкинутий розділ",
                     "unknown error", "discarded section", "HTTPS", "біт"] {
            XCTAssertNil(termhood.messageWord(in: term, lexicon: lexicon), term)
        }
        // Placeholders in capitals: words the corpus also writes in lower case and capitalised.
        XCTAssertEqual(termhood.messageWord(in: "MEMBER", lexicon: lexicon), "MEMBER")
        XCTAssertEqual(termhood.messageWord(in: "ДАТА", lexicon: lexicon), "ДАТА")
        XCTAssertTrue(lexicon.isPlaceholder("MEMBER"))
        XCTAssertFalse(lexicon.isPlaceholder("HTTPS"), "written https in a URL, never Https")
        XCTAssertFalse(lexicon.isPlaceholder("EXPIRE"), "not a word of the corpus")
    }

    func testAWordAddedOrDroppedBesideAnUntranslatedWordIsABoundaryError() {
        // binutils: "The e_shentsize field …" → "Поле e_shentsize …"; "This is a LLVM bitcode file" → "Цей файл біткоду LLVM".
        XCTAssertTrue(TermHood.hasUnmatchedWord(source: "shentsize", target: "значення shentsize"))
        XCTAssertTrue(TermHood.hasUnmatchedWord(source: "LLVM bitcode", target: "LLVM"))
        XCTAssertFalse(TermHood.hasUnmatchedWord(source: "LLVM bitcode", target: "біткод LLVM"))
        XCTAssertFalse(TermHood.hasUnmatchedWord(source: "ODT document", target: "документ ODT"))
        XCTAssertFalse(TermHood.hasUnmatchedWord(source: "GECOS field", target: "поле GECOS"))
        XCTAssertFalse(TermHood.hasUnmatchedWord(source: "keyboard layout", target: "розкладка клавіатури"))
    }

    func testAPairWhoseWordIsLinkedOutsideItIsABoundaryError() {
        // bash: "Write arguments to the standard output." → "Друкує аргументи до стандартного виводу.": "Write"
        // is linked to "Друкує", outside the span "аргументи" that "arguments" gives.
        let links = [(0, 0), (1, 1), (4, 3), (5, 4)]
        XCTAssertFalse(TermAligner.linkedAcross(links: links, rows: 0..<2, columns: 1..<2, sourceContent: [0, 1], targetContent: [1]))
        XCTAssertTrue(TermAligner.linkedAcross(links: links, rows: 1..<2, columns: 1..<2, sourceContent: [1], targetContent: [1]))
        // "standard output" → "стандартного виводу": both words linked across.
        XCTAssertTrue(TermAligner.linkedAcross(links: links, rows: 4..<6, columns: 3..<5, sourceContent: [4, 5], targetContent: [3, 4]))
        // A word added inside the span with no link to the term ("змінити тип стовпця" for "type of a column").
        XCTAssertFalse(TermAligner.linkedAcross(links: [(0, 1), (3, 2)], rows: 0..<4, columns: 0..<3, sourceContent: [0, 3], targetContent: [0, 1, 2]))
    }

    func testACapitalisedQueryReadsOnlyTheUnitsThatWriteItWithItsCapital() {
        // Real units: glib20's month names and gas's -march options (held-out 3's "March" miss: the option's
        // units outnumbered the month's, and "march" stems alike).
        let pairs: [TermPairInput] = [
            .init(id: "glib20:1083", source: "March", target: "березень"),
            .init(id: "glib20:1095", source: "March", target: "березня"),
            .init(id: "gas:188", source: "  -march=ARCH   select architecture ARCH:", target: "  -march=АРХ  вибрати архітектуру АРХ:"),
            .init(id: "gas:189", source: "  -march=ARCH             enable instructions from architecture ARCH ", target: "  -march=АРХ              увімкнути інструкції з архітектури АРХ "),
            .init(id: "gas:191", source: "  -march=ms1-16-002         allow ms1-16-002 instructions (default) ", target: "  -march=ms1-16-002         дозволити використання інструкцій ms1-16-002 (типова поведінка) "),
            .init(id: "gas:192", source: "  -march=ms1-16-003         allow ms1-16-003 instructions ", target: "  -march=ms1-16-003         дозволити використання інструкцій ms1-16-003 "),
            .init(id: "gas:193", source: "  -march=ms1-64-001         allow ms1-64-001 instructions ", target: "  -march=ms1-64-001         дозволити використання інструкцій ms1-64-001 "),
            .init(id: "gas:194", source: "  -march=ms2                allow ms2 instructions  ", target: "  -march=ms2         дозволити використання інструкцій ms2 "),
        ]
        let aligner = TermAligner(pairs: pairs)
        XCTAssertEqual(aligner.suggest("March").first?.text, "березень")
        // The lower-case query still reads every unit.
        XCTAssertEqual(aligner.suggest("march").first?.text, "march")
    }

    func testALatinWordForAnotherLatinWordIsNoTranslation() {
        // Real pairs of `extract` (round 6: held-out 7's hand sample and the evaluation corpus's output).
        XCTAssertTrue(TermHood.isOtherLatinWord("Recipient information", "RecipientInfo"))  // evolution-data-server:187
        XCTAssertTrue(TermHood.isOtherLatinWord("unmaximize", "toggle-maximize"))  // gsettings-desktop-schemas:525
        XCTAssertTrue(TermHood.isOtherLatinWord("Aa", "Bb"))  // NetworkManager:204
        XCTAssertTrue(TermHood.isOtherLatinWord("II", "III"))  // gas:545
        // The same word up to a plural ending or hyphens, and anything with Cyrillic, stay.
        XCTAssertFalse(TermHood.isOtherLatinWord("DLLs", "DLL"))  // binutils:1271
        XCTAssertFalse(TermHood.isOtherLatinWord("basefile", "base-file"))
        XCTAssertFalse(TermHood.isOtherLatinWord("WireGuard VPN", "VPN WireGuard"))  // NetworkManager
        XCTAssertFalse(TermHood.isOtherLatinWord("TPM PCRs", "PCR TPM"))  // fwupd
        XCTAssertFalse(TermHood.isOtherLatinWord("HDR", "HDR"))
        XCTAssertFalse(TermHood.isOtherLatinWord("ODT document", "документ ODT"))
        XCTAssertFalse(TermHood.isOtherLatinWord("Yusov", "Юсов"))
        // End to end: the pair is not proposed; the plural abbreviation is.
        let pairs: [TermPairInput] = [
            .init(id: "evolution-data-server:187", source: "Cannot add CMS Recipient information", target: "Не вдалося створити CMS RecipientInfo"),
            .init(id: "evolution-data-server:217", source: "Cannot create CMS Recipient information", target: "Не вдалося створити CMS RecipientInfo"),
            .init(id: "ld:37", source: "  --base_file <basefile>             Generate a base file for relocatable DLLs ", target: "  --base_file <базовий файл>         створити основний файл для придатних до пересування DLL "),
            .init(id: "ld:57", source: "  --disable-auto-import              Do not auto-import DATA items from DLLs ", target: "  --disable-auto-import              не імпортувати записи DATA з DLL автоматично "),
        ]
        let extracted = TermAligner(pairs: pairs).extract(minCount: 2)
        // (The previous build proposes Recipient information → CMS RecipientInfo here.)
        XCTAssertFalse(extracted.contains { $0.source == "Recipient information" }, "\(extracted.map { ($0.source, $0.target) })")
        XCTAssertTrue(extracted.contains { $0.source == "DLLs" && $0.target == "DLL" })
    }

    func testAnErrorReportIsNoTerm() {
        // Real pairs of `extract` (round 6: three in held-out 7's second hand sample, one in round 5's).
        let hood = TermHood.shared
        XCTAssertTrue(hood.isErrorReport(source: "error setting", target: "помилка встановлення"))  // gnucash
        XCTAssertTrue(hood.isErrorReport(source: "error moving file", target: "помилка при переміщенні файла"))
        XCTAssertTrue(hood.isErrorReport(source: "error running query", target: "помилка при виконанні запиту"))
        XCTAssertTrue(hood.isErrorReport(source: "failure forking", target: "помилка відгалуження"))
        XCTAssertTrue(hood.isErrorReport(source: "помилка копіювання", target: "error copying"))  // uk → en
        // The same shape naming a thing stays: the Ukrainian has the word only in the genitive.
        XCTAssertFalse(hood.isErrorReport(source: "error handling", target: "обробка помилок"))
        XCTAssertFalse(hood.isErrorReport(source: "error handling script", target: "скрипт обробки помилок"))
        XCTAssertFalse(hood.isErrorReport(source: "error message", target: "повідомлення про помилку"))
        XCTAssertFalse(hood.isErrorReport(source: "error", target: "помилка"))
    }

    func testTheNegationParticleBeforeAWordStaysInTheSpan() {
        // Real units (held-out 7's "does not contain" / "doesn't contain" misses, round 6): "не" is a function word,
        // so it was trimmed from the span's start and the top candidate said the opposite: містить.
        let pairs: [TermPairInput] = [
            .init(id: "binutils:1231", source: "File %s does not contain any dwarf debug information ", target: "Файл %s не містить жодних діагностичних даних dwarf "),
            .init(id: "binutils:1959", source: "cursor file `%s' does not contain cursor data", target: "файл курсору `%s' не містить даних курсора"),
            .init(id: "binutils:2074", source: "icon file `%s' does not contain icon data", target: "файл значка `%s' не містить даних значка"),
            .init(id: "elfutils:1022", source: "section does not contain compressed data", target: "розділ не містить стиснутих даних"),
            .init(id: "gdk-pixbuf:135", source: "Pseudocolor image does not contain a colormap", target: "Зображення у псевдокольорів не містить мапи кольорів"),
            .init(id: "gettext-tools:415", source: "The element <%s> does not contain a <%s> element", target: "Елемент <%s> не містить елемента <%s>"),
            .init(id: "gnupg2:1692", source: "response does not contain the EC public key ", target: "відповідь не містить відкритого ключа еліптичної кривої "),
            .init(id: "gnupg2:1695", source: "response does not contain the public key data ", target: "відповідь не містить даних відкритого ключа "),
            .init(id: "postgres-15:784", source: "JSON object does not contain key \"%s\"", target: "Об'єкт JSON не містить ключа \"%s\""),
            .init(id: "elfutils:697", source: "hash section [%2zu] '%s' does not contain enough data ", target: "розділ хешу [%2zu] «%s» містить недостатньо даних "),
            .init(id: "binutils:1642", source: "The %s section contains a table without offset ", target: "Розділ %s містить таблицю без зсуву "),
        ]
        let aligner = TermAligner(pairs: pairs)
        XCTAssertEqual(aligner.suggest("does not contain").first?.text, "не містить")
        // A span's other function words are still trimmed, and "не" linked outside the term stays out of it.
        XCTAssertEqual(aligner.suggest("contain").first?.text, "містить")
        XCTAssertEqual(aligner.suggest("data").first.map { $0.text.hasPrefix("не") }, false)
    }

    func testAnUnlinkedNegationBeforeTheSpanStaysInIt() {
        // Real units (binutils, gas, the Ubuntu Packaging Guide): an English adjective's "in-" has no word of its own
        // for the alignment to link "не" to, so the span began after it and said the opposite (залежить від
        // позиції for "position-independent").
        let pairs: [TermPairInput] = [
            .init(id: "binutils:1", source: "Code addressing position-independent", target: "Адресування коду не залежить від позиції"),
            .init(id: "binutils:2", source: "Data addressing position-independent, GOT far from DP", target: "Адресування даних не залежить від позиції, GOT віддалено від DP"),
            .init(id: "binutils:3", source: "Data addressing position-independent, GOT near DP", target: "Адресування даних не залежить від позиції, GOT поряд з DP"),
            .init(id: "upg:150", source: "While foo-common.install containing only the architecture independent file might look like:", target: "У той час як foo-common.install, що містить лише не залежні від архітектури файли, може виглядати так:"),
            .init(id: "gas:1", source: "-G may not be used in position-independent code", target: "-G не можна використовувати у незалежному від позиції коді"),
        ]
        let aligner = TermAligner(pairs: pairs)
        for query in ["position-independent", "independent"] {
            let texts = aligner.suggest(query).map(\.text)
            XCTAssertEqual(texts.first.map { $0.hasPrefix("залеж") }, false, "\(query): \(texts)")
        }
        XCTAssertEqual(aligner.suggest("independent").first?.text, "не залежні")
        XCTAssertFalse(aligner.extract(minCount: 1).contains { $0.target.hasPrefix("залеж") })
        // Where the source says "not" outside the term, "не" stays out ("-G may not be used").
        XCTAssertFalse(aligner.suggest("used").contains { $0.text.hasPrefix("не ") })
    }

    func testAHeadingsTitleCaseGivesWayToHowSentencesWriteEachWord() {
        // Real units of the Ubuntu Packaging Guide and its Ukrainian translation: the term only ever stands in a
        // heading, in Title Case; its words stand in sentences in lower case, and Ubuntu with its capital.
        let pairs: [TermPairInput] = [
            .init(id: "upg:554", source: "6.2. Adding a New Patch¶", target: "6.2. Додавання нової латки¶"),
            .init(id: "upg:586", source: "6.2. Adding a New Patch", target: "6.2. Додавання нової латки"),
            .init(id: "upg:555", source: "To add a new patch you need to tell Quilt to create a new patch, tell it which files that patch should change, edit the files then refresh the patch:", target: "Для додавання нової латки потрібно вказати Quilt створити нову латку, повідомити йому, які файли ця латка повинна змінити, відредагувати файли, а потім оновити латку:"),
            .init(id: "upg:365", source: "Ubuntu Packaging Guide¶", target: "Посібник розробника Ubuntu¶"),
            .init(id: "upg:398", source: "Ubuntu Packaging Guide", target: "Посібник розробника Ubuntu"),
            .init(id: "upg:1", source: "Welcome to the Ubuntu packaging guide and to Ubuntu development.", target: "Ласкаво просимо до посібника з пакування Ubuntu і до розробки Ubuntu."),
            .init(id: "upg:2", source: "The packaging of Ubuntu follows Ubuntu policy.", target: "Пакування Ubuntu слідує правилам Ubuntu."),
        ]
        let sources = Set(TermAligner(pairs: pairs).extract(minCount: 2).map(\.source))
        XCTAssertTrue(sources.contains("new patch"), "\(sources)")
        XCTAssertFalse(sources.contains("New Patch") || sources.contains("New patch"), "\(sources)")
    }

    func testANumberTheSourceTermHasStaysAtTheSpansEnd() {
        // Real units (gtk, shared-mime-info): numbers count as function words and were trimmed from the span's end,
        // so Choukei 2, 3 and 4 Envelope all became конверт Choukei and Word 2007 document документ Word.
        let pairs: [TermPairInput] = [
            .init(id: "gtk20:959", source: "Choukei 2 Envelope", target: "Конверт Choukei 2"),
            .init(id: "gtk20:960", source: "Choukei 3 Envelope", target: "Конверт Choukei 3"),
            .init(id: "gtk30:1540", source: "Choukei 2 Envelope", target: "Конверт Choukei 2"),
            .init(id: "gtk30:1541", source: "Choukei 3 Envelope", target: "Конверт Choukei 3"),
            .init(id: "shared-mime-info:672", source: "Word 2007 document", target: "документ Word 2007"),
            .init(id: "shared-mime-info:673", source: "Word 2007 document template", target: "шаблон документа Word 2007"),
            .init(id: "shared-mime-info:467", source: "PowerPoint 2007 presentation", target: "презентація PowerPoint 2007"),
            .init(id: "shared-mime-info:468", source: "PowerPoint 2007 presentation template", target: "шаблон презентації PowerPoint 2007"),
        ]
        let found = Dictionary(TermAligner(pairs: pairs).extract(minCount: 2).map { ($0.source.lowercased(), $0.target) }) { a, _ in a }
        XCTAssertEqual(found["choukei 2 envelope"], "конверт Choukei 2", "\(found)")
        XCTAssertEqual(found["word 2007 document"], "документ Word 2007", "\(found)")
        XCTAssertFalse(found.values.contains("конверт Choukei"), "\(found)")
    }

    func testAQueryReadsOnlyTheUnitsWithItsOwnInflectionsNotWordsThatShareItsStem() {
        // Real units (held-out 4's Settings miss, round 5): Porter2 stems "settings" and "set" alike, and the
        // verb's units ("could not be set" → встановити) outnumbered the noun's.
        let pairs: [TermPairInput] = [
            .init(id: "coreutils:38", source: " Combination settings: ", target: " Параметри поєднання: "),
            .init(id: "coreutils:81", source: " Local settings: ", target: " Локальні параметри: "),
            .init(id: "binutils:23", source: " codepage settings are ignored. ", target: " параметри кодової сторінки ігноруються. "),
            .init(id: "PackageKit:279", source: "The proxy could not be set", target: "Не вдалося встановити параметри проксі-сервера"),
            .init(id: "appstream:289", source: "No recommended items are set for this software.", target: "Рекомендацій для цього програмного забезпечення не встановлено."),
            .init(id: "appstream:299", source: "No required items are set for this software.", target: "Вимог для цього програмного забезпечення не встановлено."),
            .init(id: "appstream:308", source: "No supported items are set for this software.", target: "Записів підтримуваного для цього програмного забезпечення не встановлено."),
            .init(id: "apt:22", source: "%s set on hold. ", target: "%s зафіксовано. "),
            .init(id: "appstream:478", source: "The set tag value is not valid for an `internet` relation.", target: "Встановлене значення теґу не є коректним для відношення `internet`."),
            .init(id: "appstream:494", source: "The value set as artifact bundle type is invalid.", target: "Встановлене як тип пакета об'єкта значення є некоректним."),
            .init(id: "appstream:496", source: "The value set as release issue type is invalid.", target: "Встановлене як тип вади випуску значення є некоректним."),
            .init(id: "apt:96", source: "Failed to set modification time", target: "Не вдалося встановити час модифікації"),
            .init(id: "bash:209", source: "HOME not set", target: "змінну HOME не встановлено"),
            .init(id: "bash:225", source: "OLDPWD not set", target: "змінну OLDPWD не встановлено"),
            .init(id: "bfd:253", source: " [no abi set]", target: " [не встановлено abi]"),
        ]
        let aligner = TermAligner(pairs: pairs)
        XCTAssertEqual(aligner.suggest("Settings").first?.text, "параметри")
        XCTAssertEqual(aligner.suggest("setting").first?.text, "параметри")  // a plural and its singular are one word
        XCTAssertNotEqual(aligner.suggest("set").first?.text, "параметри")
        var features = TerminologyFeatures()
        features.inflections = false  // the defect: the verb's units decide
        XCTAssertNotEqual(TermAligner(pairs: pairs, features: features).suggest("Settings").first?.text, "параметри")
    }

    func testAnOrdinaryWordLeftAsWrittenInsideNamesIsNotItsTranslation() throws {
        // Real units (held-out 4's Desktop and Windows misses, round 5): keyboard names keep "Desktop" and
        // "Windows" in Latin letters, while the word on its own, and in lower case, is translated. (A name copied
        // whole, xkeyboard-config:11, is no evidence at all: copied units are left out.) A word the
        // corpus keeps as written in lower case too (java, an option and a language's name) stays itself.
        let pairs: [TermPairInput] = [
            .init(id: "avahi:47", source: "Desktop", target: "Стільниця"),
            .init(id: "xdg-user-dirs:2", source: "Desktop", target: "Стільниця"),
            .init(id: "gtk20:178", source: "Desktop", target: "Робочий стіл"),
            .init(id: "xkeyboard-config:11", source: "A4Tech Wireless Desktop RFKB-23", target: "A4Tech Wireless Desktop RFKB-23"),
            .init(id: "xkeyboard-config:647", source: "Logitech Cordless Desktop (alt.)", target: "Logitech Cordless Desktop (альт.)"),
            .init(
                id: "xkeyboard-config:652", source: "Logitech Cordless Desktop Pro (2nd alt.)",
                target: "Logitech Cordless Desktop Pro (альтернативний варіант 2)"),
            .init(id: "gettext-tools:5", source: "(only languages C, C++, Shell, Python, Vala, Desktop)", target: "(лише мови C, C++, Shell, Python, Vala, Desktop)"),
            .init(id: "at-spi2-core:67", source: "desktop frame", target: "рамка робочого столу"),
            .init(id: "at-spi2-core:68", source: "desktop icon", target: "значок робочого столу"),
            .init(id: "gettext-tools:38", source: "      --java2                 like --java, and assume Java2 (JDK 1.2 or higher) ", target: "      --java2                 як і --java, вважається Java2 (JDK 1.2 чи вище) "),
            .init(id: "gettext-tools:132", source: "  -j, --java                  Java mode: generate a Java ResourceBundle class ", target: "  -j, --java                  режим Java: створює Java ResourceBundle клас "),
            .init(id: "gettext-tools:133", source: "  -j, --java                  Java mode: input is a Java ResourceBundle class ", target: "  -j, --java                  Java режим: вхід є класом Java ResourceBundle "),
        ]
        let aligner = TermAligner(pairs: pairs)
        XCTAssertEqual(aligner.suggest("Desktop").first?.text.lowercased(), "стільниця")
        XCTAssertEqual(aligner.suggest("Java").first?.text.lowercased(), "java")  // kept, not demoted
        var features = TerminologyFeatures()
        features.ordinaryWords = false
        // The label rule (round 8) reads the three units where "Desktop" stands alone and also gives Стільниця:
        // switched off too, so that this shows what the ordinary-word rule alone does.
        features.wholeUnits = false
        // Without the rule the word kept as written is ranked by its evidence alone (before copied units were left
        // out, it came first); with the rule it is demoted, here out of the five.
        func keptScore(_ aligner: TermAligner) -> Double? { aligner.suggest("Desktop").first { $0.text == "Desktop" }?.score }
        let demoted = keptScore(aligner) ?? 0
        let undemoted = try XCTUnwrap(keptScore(TermAligner(pairs: pairs, features: features)))
        XCTAssertLessThan(demoted, undemoted)
    }

    func testAQueryThatIsAWholeLabelPrefersWhatItsLabelsSay() {
        // Real units (held-out 7's Keys miss, round 6: gold клавіші, rank 1 ключа): inside sentences "Keys" is the
        // PNG chunks' keys (ключі); the one unit where "Keys" stands alone, a label, says клавіші. A query that is
        // a whole label elsewhere (Private Keys → Закриті ключі) keeps its own label's words.
        let pairs: [TermPairInput] = [
            .init(id: "gdk-pixbuf:104", source: "Invalid key “%s”. Keys for PNG text chunks must be ASCII characters.", target: "Некоректний ключ «%s». Ключі для блоків тексту в зображенні формату PNG мають бути символами з набору ASCII."),
            .init(id: "gdk-pixbuf:105", source: "Invalid key “%s”. Keys for PNG text chunks must have at least 1 and at most 79 characters.", target: "Некоректний ключ «%s». Ключі для блоків тексту в зображенні формату PNG мають містити не менше 1 та не більше 79 символів."),
            .init(id: "gnupg2:539", source: "Private Keys", target: "Закриті ключі"),
            .init(id: "gsettings-desktop-schemas:154", source: "Enable “Bounce Keys”", target: "Увімкнути пружні клавіші"),
            .init(id: "gsettings-desktop-schemas:600", source: "Whether the “Slow Keys” accessibility feature is turned on.", target: "Чи увімкнено можливості повільних клавіш."),
            .init(id: "gtk20:335", source: "Keys", target: "Клавіші"),
            .init(id: "gtk20:336", source: "Keys for PNG text chunks must be ASCII characters.", target: "Ключі для блоків тексту в зображенні формату PNG мають бути символами з набору ASCII."),
            .init(id: "gtk20:337", source: "Keys for PNG text chunks must have at least 1 and at most 79 characters.", target: "Ключі для блоків тексту в зображенні формату PNG мають містити не менше 1 та не більше 79 символів."),
        ]
        let aligner = TermAligner(pairs: pairs)
        XCTAssertEqual(aligner.suggest("Keys").first?.text.lowercased(), "клавіші")
        XCTAssertEqual(aligner.suggest("Private Keys").first?.text, "закриті ключі")
        var features = TerminologyFeatures()
        features.wholeUnits = false  // the defect: the sentences' ключі decide
        XCTAssertEqual(TermAligner(pairs: pairs, features: features).suggest("Keys").first?.text.lowercased(), "ключі")
    }

    func testACandidateWhoseFormDisagreesWithTheQueryScoresLess() {
        // Real units (held-out 7's read half, round 9: "room", gold кімната): the bare English word is aligned,
        // in the gtk20 properties' messages, to the finite verb "вистачає" of "не вистачає місця" ("does not
        // have enough room"); a bare label is no finite verb. The word's own translation (місця) stays first.
        let pairs: [TermPairInput] = [
            .init(id: "bfd:706", source: "%pB: not enough room for program headers, try linking with -N", target: "%pB: недостатньо місця для заголовків програми, спробуйте виконати компонування з -N"),
            .init(id: "bfd:1025", source: "DWARF error: ran out of room reading opcodes", target: "Помилка DWARF: вихід за межі області під час читання кодів операцій"),
            .init(id: "bfd:1026", source: "DWARF error: ran out of room reading prologue", target: "Помилка DWARF: вихід за межі області під час читання вступу"),
            .init(id: "binutils:1282", source: "Internal error: not enough buffer room for section flag info", target: "Внутрішня помилка: недостатньо місця у буфері для інформації щодо прапорців розділів"),
            .init(id: "elfutils:904", source: "section [%2d] '%s': hash table has not even room for initial administrative entries ", target: "розділ [%2d] «%s»: у таблиці хешів виявлено незвичайне розташування початкових адміністративних записів "),
            .init(id: "gold:837", source: "sections loaded on first page without room for file and program headers are not supported", target: "підтримки розділів, що завантажуються на першій сторінці без місця для заголовків файла і програми, не передбачено"),
            .init(id: "gprof:56", source: "%s: ran out room for %lu bytes of text space ", target: "%s: вичерпано місце у %lu байтів текстового простору "),
            .init(id: "gtk20-properties:452", source: "How to break the string into multiple lines, if the cell renderer does not have enough room to display the entire string", target: "Як розривати рядок на кілька рядків, якщо механізму відображення рядка не вистачає місця для відображення усього рядка."),
            .init(id: "gtk20-properties:1220", source: "The preferred place to ellipsize the string, if the cell renderer does not have enough room to display the entire string", target: "Бажане місце еліптизації рядка, якщо механізму відображення рядка не вистачає місця для відображення усього рядка"),
            .init(id: "gtk20-properties:1221", source: "The preferred place to ellipsize the string, if the label does not have enough room to display the entire string", target: "Бажане місце для еліптизації рядка, якщо для відображення усього рядка не вистачає місця."),
            .init(id: "gtk20-properties:1222", source: "The preferred place to ellipsize the string, if the progress bar does not have enough room to display the entire string, if at all.", target: "Бажане місце для еліптизації рядка, якщо у панелі поступу не вистачає місця для відображення усього рядка."),
            .init(id: "shadow:117", source: "  -r, --room ROOM_NUMBER        change user's room number ", target: "  -r, --room НОМЕР_КІМНАТИ     змінити номер кімнати користувача "),
            .init(id: "shadow:363", source: "%s: invalid room number: '%s' ", target: "%s: некоректний номер кімнати: «%s» "),
            .init(id: "shadow:406", source: "%s: room number with non-ASCII characters: '%s' ", target: "%s: номер кімнати із символами поза ASCII: «%s» "),
        ]
        let aligner = TermAligner(pairs: pairs)
        let top = aligner.suggest("room").map(\.text)
        XCTAssertEqual(top.first, "місця")
        XCTAssertFalse(top.contains { $0.hasPrefix("вистачає") }, "\(top)")
        var features = TerminologyFeatures()
        features.formAgreement = false  // the defect: the tooltip's finite verb at ranks 3 and 4
        let before = TermAligner(pairs: pairs, features: features).suggest("room").map(\.text)
        XCTAssertEqual(before.first, "місця")
        XCTAssertTrue(before.contains("вистачає місця"), "\(before)")
    }

    func testFormAgreementClassesByEndingsFromTheDataFile() {
        let rule = FormAgreement.shared
        func query(_ text: String) -> [TermToken] { TermTokenizer.tokenize(text) }
        // Real pairs of held-out 7's read half (round 9). A bare label against a finite verb or an imperative.
        XCTAssertTrue(rule.disagrees(query: query("Run"), candidate: "Запускає"))
        XCTAssertTrue(rule.disagrees(query: query("Remove"), candidate: "Видаліть"))
        XCTAssertTrue(rule.disagrees(query: query("Shrink"), candidate: "Стискається"))
        XCTAssertFalse(rule.disagrees(query: query("Run"), candidate: "Виконати"))
        XCTAssertFalse(rule.disagrees(query: query("Download"), candidate: "завантаження"))
        // -ing against an infinitive; a progressive message's finite verb agrees (Installing → Встановлюємо).
        XCTAssertTrue(rule.disagrees(query: query("Installing"), candidate: "встановити"))
        XCTAssertFalse(rule.disagrees(query: query("Installing"), candidate: "Встановлюємо"))
        XCTAssertFalse(rule.disagrees(query: query("Using"), candidate: "Використовується"))
        // An adjective against a verb or a noun in a consonant.
        XCTAssertTrue(rule.disagrees(query: query("removable"), candidate: "монтувати"))
        XCTAssertFalse(rule.disagrees(query: query("removable"), candidate: "змінний"))
        // A plural against the singular dictionary form agrees (the glossary wants панель for Panels).
        XCTAssertFalse(rule.disagrees(query: query("Panels"), candidate: "панель"))
        // An auxiliary makes the query a clause: its finite verb is right.
        XCTAssertFalse(rule.disagrees(query: query("does not contain"), candidate: "не містить"))
        XCTAssertFalse(rule.disagrees(query: query("conflicts with"), candidate: "конфліктує з"))
        // Words the rule cannot judge: all capitals, a past participle, lens (no plural).
        XCTAssertNil(rule.queryClass(query("NAME")))
        XCTAssertNil(rule.queryClass(query("connected")))
        XCTAssertEqual(rule.queryClass(query("lens")), "bare")
    }

    func testALabelIsAUnitOfWordsAloneWithoutPlaceholdersOrSentencePunctuation() {
        XCTAssertTrue(LabelUnit.isLabel("Keys"))
        XCTAssertTrue(LabelUnit.isLabel("_Download…"))
        XCTAssertTrue(LabelUnit.isLabel(" Local settings: "))
        XCTAssertTrue(LabelUnit.isLabel("Save As..."))
        XCTAssertFalse(LabelUnit.isLabel("Download quota of %s EXCEEDED! "))
        XCTAssertFalse(LabelUnit.isLabel("Enable “Bounce Keys”"))
        XCTAssertFalse(LabelUnit.isLabel("The proxy could not be set."))
        XCTAssertFalse(LabelUnit.isLabel("…"))
    }

    func testExtractLeavesOutMessagePhrasesUnlessSwitchedOff() {
        let pairs = (1...3).flatMap { n in
            [
                TermPairInput(id: "m\(n)", source: "Plugin \(n) requires at least version 2", target: "Додаток \(n) потребує принаймні версії 2"),
                TermPairInput(id: "k\(n)", source: "Keyboard layout \(n)", target: "Розкладка клавіатури \(n)"),
            ]
        }
        func has(_ pairs: [TermPair], _ source: String) -> Bool { pairs.contains { $0.source.lowercased() == source } }
        let filtered = TermAligner(pairs: pairs).extract(minCount: 2)
        XCTAssertTrue(has(filtered, "keyboard layout"), "\(filtered)")
        XCTAssertFalse(filtered.contains { $0.source.lowercased().contains("least") }, "\(filtered)")
        var features = TerminologyFeatures()
        features.termhood = false
        let unfiltered = TermAligner(pairs: pairs, features: features).extract(minCount: 2)
        XCTAssertTrue(unfiltered.contains { $0.source.lowercased().contains("least") }, "\(unfiltered)")
    }

    func testAnOccurrenceInsideALargerUnitStillGivesCoOccurrenceCandidates() {
        // Sweden is translated by the adjective inside two layout names and by the country's name in one unit
        // where the aligner links Швеція to more than the term; the name must still be among the candidates.
        let pairs: [TermPairInput] = [
            .init(id: "1", source: "Russian (Sweden, phonetic)", target: "Російська (шведська, фонетична)"),
            .init(id: "2", source: "Russian (Sweden, phonetic, no dead keys)", target: "Російська (шведська, фонетична, без сліпих клавіш)"),
            .init(id: "3", source: "Northern Saami (Sweden)", target: "Північно-саамська (Швеція)"),
            .init(id: "4", source: "Northern Saami (Norway)", target: "Північно-саамська (Норвегія)"),
            .init(id: "5", source: "Russian", target: "Російська"),
            .init(id: "6", source: "Norway", target: "Норвегія"),
        ] + TermAlignerTests.layouts
        let candidates = TermAligner(pairs: pairs).suggest("Sweden", limit: 10).map { $0.text.lowercased() }
        XCTAssertTrue(candidates.contains("швеція"), "\(candidates)")
    }

    func testSuggestTopCandidatesDoNotDependOnTheLimit() {
        let aligner = TermAligner(pairs: TermAlignerTests.layouts)
        let five = aligner.suggest("Keyboard layout", limit: 5)
        let one = aligner.suggest("Keyboard layout", limit: 1)
        XCTAssertEqual(one.first, five.first)
        XCTAssertEqual(aligner.suggest("Finnish", limit: 2), Array(aligner.suggest("Finnish", limit: 5).prefix(2)))
    }

    func testPlainTextsAreReadLineByLine() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("terms-lines-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let english = directory.appendingPathComponent("a.en.txt")
        let ukrainian = directory.appendingPathComponent("a.uk.txt")
        try "Open file\r\n\nSave file\n".write(to: english, atomically: true, encoding: .utf8)
        try "Відкрити файл\r\n\nЗберегти файл\n".write(to: ukrainian, atomically: true, encoding: .utf8)
        let loaded = try TermCorpusLoader.read(files: [english.path, ukrainian.path])
        XCTAssertEqual(loaded.pairs, [
            TermPairInput(id: "a.en.txt:1", source: "Open file", target: "Відкрити файл"),
            TermPairInput(id: "a.en.txt:3", source: "Save file", target: "Зберегти файл"),
        ])
        // A blank line on one side only: not line-aligned, refused at that line of the file with the blank.
        try "Відкрити файл\nЗберегти файл\n\n".write(to: ukrainian, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try TermCorpusLoader.read(files: [english.path, ukrainian.path])) { error in
            XCTAssertEqual((error as? InputError)?.path, english.path)
            XCTAssertEqual((error as? InputError)?.line, 2)
        }
        // A text without its partner.
        XCTAssertThrowsError(try TermCorpusLoader.read(files: [english.path])) { error in
            XCTAssertEqual((error as? InputError)?.path, english.path)
        }
    }
}

/// Counts calls of a `@Sendable` closure in a test.
private final class CallCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    func add() { lock.withLock { count += 1 } }
}
