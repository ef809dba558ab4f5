import TlumachCheck
import TlumachFormats
import XCTest

/// Checks of the default configuration (no glossary) on one PO unit, en → uk: the checks that reported it,
/// warnings and errors only.
func defaultFindings(_ unit: BilingualUnit) -> [String] {
    defaultFindingRecords(unit).map(\.check)
}

/// The checks that report the unit as information only (an uncertain finding, shown but not counted).
func informationFindings(_ source: String, _ target: String) -> [String] {
    let document = BilingualDocument(
        path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: [BilingualUnit(id: "u", source: source, target: target)])
    return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
        .filter { $0.severity == .info }.map(\.check)
}

/// The messages of `defaultFindings`, for tests that assert what a finding says.
func defaultFindingMessages(_ source: String, _ target: String) -> [String] {
    defaultFindingRecords(BilingualUnit(id: "u", source: source, target: target)).map(\.message)
}

private func defaultFindingRecords(_ unit: BilingualUnit) -> [Finding] {
    let document = BilingualDocument(path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: [unit])
    return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
        .filter { $0.severity != .info }
}

func defaultFindings(_ source: String, _ target: String, context: String? = nil) -> [String] {
    defaultFindings(BilingualUnit(id: "u", source: source, target: target, context: context))
}

/// The checks that report plural form `form` of a PO entry whose msgid and msgid_plural are given.
func pluralForm(_ form: Int, singular: String, plural: String, target: String) -> [String] {
    var unit = BilingualUnit(id: "u[\(form)]", source: form == 0 ? singular : plural, target: target)
    unit.pluralForm = form
    unit.pluralSource = plural
    return defaultFindings(unit)
}

/// The findings of the default configuration with the shipped glossaries (info included), en → uk.
func shippedGlossaryFindings(_ source: String, _ target: String) throws -> [Finding] {
    let glossary = try XCTUnwrap(FalsePositiveTests.shippedGlossary)
    let document = BilingualDocument(
        path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk",
        units: [BilingualUnit(id: "u", source: source, target: target)])
    return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: glossary)).run([document]).findings
}

/// The checks of `shippedGlossaryFindings` that count (warnings and errors).
func countedWithShippedGlossary(_ source: String, _ target: String) throws -> [String] {
    try shippedGlossaryFindings(source, target).filter { $0.severity != .info }.map(\.check)
}

/// The default configuration's findings (no glossary, info included) on one document of several units, en → the
/// target language the file declares.
func documentFindings(_ pairs: [(String, String)], path: String = "t.po", targetLanguage: String = "uk") -> [Finding] {
    let units = pairs.enumerated().map { BilingualUnit(id: "u\($0.offset)", source: $0.element.0, target: $0.element.1) }
    let document = BilingualDocument(path: path, format: .po, sourceLanguage: "en", targetLanguage: targetLanguage, units: units)
    return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
}

/// False classes read in the judged sample of set B, seed 12 (docs/check-evaluation.md), each pinned with its real
/// example next to a true finding of the same shape that must stay found.
final class SetBSeed12NoiseTests: XCTestCase {
    func findings(_ unit: BilingualUnit) -> [String] { defaultFindings(unit) }
    func flagged(_ source: String, _ target: String, context: String? = nil) -> [String] { defaultFindings(source, target, context: context) }

    // MARK: number-mismatch: bash help texts paraphrase exit statuses

    /// bash: "Returns 1 if EXPRESSION evaluates to 0; returns 0 otherwise." → "завершується успішно, якщо …
    /// ненульовий": the shell's 0/1 exit statuses said as success and failure.
    func testExitStatusesSaidAsSuccessOrFailure() {
        XCTAssertEqual(flagged(
            "Evaluate arithmetic expression.\n    \n    Exit Status:\n    Returns 1 if EXPRESSION evaluates to 0; returns 0 otherwise.",
            "Обчислює арифметичний вираз.\n    \n    Код завершення:\n    Команда завершується успішно, якщо результат обчислення ненульовий."), [])
        XCTAssertEqual(flagged(
            "Exit Status:\n    The exit status is 0 unless N is not greater than or equal to 1.",
            "Код завершення:\n    Команда завершується невдало, якщо N менше за 1."), [])
        XCTAssertEqual(flagged(
            "    Exit Status:\n    0 or 1 depending on value of EXPRESSION.",
            "    Код завершення:\n    Команда завершується успішно, якщо ВИРАЗ істинний."), [])
        // A different status, or a 0/1 that is not a status, stays found.
        XCTAssertEqual(flagged(
            "Exit Status:\n    Returns 2 if the file is missing.",
            "Код завершення:\n    Команда завершується невдало, якщо файл відсутній."), ["number-mismatch"])
        XCTAssertEqual(flagged(
            "Exit Status:\n    Returns 0 unless an invalid option is given.",
            "Код завершення:\n    Повертає 1, якщо вказано неправильний параметр."), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(flagged("Retries 1 time, then fails.", "Команда завершується невдало після спроби."), ["number-mismatch"])
    }

    /// bash: "EXP1, EXP2, and EXP3 are arithmetic expressions" → "ВИРАЗИ мають бути …": a metavariable's index
    /// named fewer times is not a lost figure.
    func testMetavariableIndexesNamedFewerTimes() {
        XCTAssertEqual(flagged(
            "\t(( EXP1 ))\n\twhile (( EXP2 )); do\n\t\t(( EXP3 ))\n    EXP1, EXP2, and EXP3 are arithmetic expressions.  If any expression is omitted, it behaves as if it evaluates to 1.",
            "\t(( ВИРАЗ1 ))\n\twhile (( ВИРАЗ2 )); do\n\t\t(( ВИРАЗ3 ))\n    ВИРАЗИ мають бути арифметичними виразами. Якщо будь-який з них не вказаний, цикл поводиться, як ніби його результатом є 1."), [])
        // An index changed, or lost everywhere, stays found.
        XCTAssertEqual(flagged("EXPR1 -a EXPR2", "ВИРАЗ1 -a ВИРАЗ1"), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(flagged("bfd_mach_o_read_section_64: bad", "bfd_mach_o_read_section_32: помилка"), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(flagged("License: CC0-1.0", "Ліцензія: CC-1.0"), ["number-mismatch"])
        // Names in lower case keep their counts (gas: avr3 → avr2; -O2 lost from a list of loongson2f options).
        XCTAssertEqual(flagged("avr2 - classic core\navr3 - classic core", "avr2 - класичне ядро\navr2 - класичне ядро"), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(flagged("-mfix-loongson2f-nop\twork around\n-O2\t\tremove NOPs", "-mfix-loongson2f-nop\tобійти"), ["number-mismatch"])
        // Consistently fewer (or more) mentions are a paraphrase; mixed changes are not (gas: MIPS64 → MIPS32).
        XCTAssertEqual(flagged("from UTF8.", "з UTF8 або в UTF8."), [])
        XCTAssertEqual(flagged("-mips32 MIPS32 ISA\n-mips64 MIPS64 ISA", "-mips32 MIPS32 ISA\n-mips64 MIPS32 ISA"), ["number-mismatch", "number-mismatch"])
        // Figures that agree as they are stay quiet whatever the names (diffutils: SKIP1 → Н1).
        XCTAssertEqual(flagged(
            "-i, --ignore-initial=SKIP1:SKIP2  skip first SKIP1 bytes of FILE1 and\n    first SKIP2 bytes of FILE2",
            "-i, --ignore-initial=Н1:Н2        пропустити перші Н1 байтів у ФАЙЛ1 і\n    перші Н2 байтів у ФАЙЛ2"), [])
        // bash: lower-case names in the prose (file1 is newer than file2) beside the metavariables.
        XCTAssertEqual(flagged(
            "FILE1 -nt FILE2  True if file1 is newer than file2.\n    EXPR1 -a EXPR2 True if both expr1 AND expr2 are true.\n    Both EXPR1 and EXPR2.",
            "файл1 -nt файл2  Істинний, якщо файл1 новіший за файл2.\n    вираз1 -a вираз2  Істинний, якщо обидва вирази істинні."), [])
        // A metavariable named fewer times beside a figure the target adds: the figure stays found (as information,
        // since every figure of the source is kept).
        XCTAssertEqual(informationFindings("--to-file=FILE2  compare all operands to FILE2", "--to-file=ФАЙЛ2  порівняти всі 3 операнди"), ["number-mismatch"])
    }

    // MARK: placeholder-mismatch: a Ukrainian plural form names the number

    /// gettext-tools: "but some messages have one plural form" → msgstr[0] "… мають %lu множинну форму": Ukrainian
    /// form 0 serves 1, 21, 31…, so it must print the number the English singular leaves out.
    func testNumberPlaceholderAddedToAPluralForm() {
        var unit = BilingualUnit(id: "u[0]", source: "but some messages have one plural form", target: "але деякі повідомлення мають %lu множинну форму")
        unit.pluralForm = 0
        XCTAssertEqual(findings(unit), [])
        // A plural form that adds a string, or one that loses the number, stays found; so does a singular message.
        var addsString = unit
        addsString.target = "але деякі повідомлення %s мають %lu множинну форму"
        XCTAssertEqual(findings(addsString), ["placeholder-mismatch"])
        var losesNumber = BilingualUnit(id: "u[1]", source: "but some messages have %lu plural forms", target: "але деякі повідомлення мають множинні форми")
        losesNumber.pluralForm = 1
        XCTAssertEqual(findings(losesNumber), ["placeholder-mismatch"])
        XCTAssertEqual(flagged("but some messages have one plural form", "але деякі повідомлення мають %lu множинну форму"), ["placeholder-mismatch"])
    }

    // MARK: punctuation: an abbreviation's full stop, endings rephrased

    /// bash, binutils: "Copyright (C) 2022 Free Software Foundation, Inc." → "© Free Software Foundation, Inc.,
    /// 2022": the full stop was Inc.'s, and it moved with it.
    func testAnAbbreviationsFullStopMovedWithIt() {
        XCTAssertEqual(flagged("Copyright (C) 2022 Free Software Foundation, Inc.", "© Free Software Foundation, Inc., 2022"), [])
        XCTAssertEqual(flagged("Copyright (C) 2022 Free Software Foundation, Inc.\n", "© Free Software Foundation, Inc., 2022\n"), [])
        // The abbreviation's own full stop lost, and a sentence's full stop lost, stay found.
        XCTAssertEqual(flagged("Copyright (C) 2022 Free Software Foundation, Inc.", "© 2022 Free Software Foundation, Inc"), ["punctuation"])
        XCTAssertEqual(flagged("Written by Foo, Inc. and others.", "Написано Foo, Inc. та іншими"), ["punctuation"])
        XCTAssertEqual(flagged(
            "  -s, --statistics           say how many words deleted, inserted etc.\n",
            "  -s, --statistics           повідомити про кількість вилучених слів, доданих слів тощо\n"), [])
    }

    /// binutils: "STYLE can be " → "Можливі значення параметра СТИЛЬ: ": a lead-in to the value the program
    /// appends may end with a colon.
    func testALeadInToAnAppendedValueMayEndWithAColon() {
        XCTAssertEqual(flagged("                                   STYLE can be ", "                                   Можливі значення параметра СТИЛЬ: "), [])
        // A colon added to a label the source leaves bare, or one lost, stays found.
        XCTAssertEqual(flagged("Location", "Розташування:"), ["punctuation"])
        XCTAssertEqual(flagged("Prisoners: ", "Полонені "), ["punctuation"])
    }

    /// binutils: "do not add [...] suffix\n" → "не додавати суфікс [...]\n": the dots are inside the brackets.
    func testAMarkInsideSquareBracketsIsText() {
        XCTAssertEqual(flagged(
            "  -T --silent-truncation If a symbol name is truncated, do not add [...] suffix\n",
            "  -T --silent-truncation якщо назву символу обрізано, не додавати суфікс [...]\n"), [])
        XCTAssertEqual(flagged("Unknown option [-x].", "Невідомий параметр [-x]"), ["punctuation"])
        XCTAssertEqual(flagged("wait [-fn] [-p var] [id ...]", "wait [-fn] [-p змінна] [ідентифікатор]"), ["punctuation"])
    }

    /// procps-ng: "Try '%s --%s …'\n or '%s --%s …'\n for additional help text.\n" → "… за допомогою таких
    /// команд:   %s --%s …\n  %s --%s …\n": the sentence rephrased to end with the commands a colon introduces.
    func testCommandsIntroducedByAColonEndTheTarget() {
        XCTAssertEqual(flagged(
            "\n Try '%s --%s <%s|%s>'\n  or '%s --%s <%s|%s>'\n for additional help text.\n",
            "\n Додаткову довідкову інформацію можна отримати\n  за допомогою таких команд:   %s --%s <%s|%s>\n  %s --%s <%s|%s>\n"), [])
        // A full stop lost after words stays found, placeholders or not.
        XCTAssertEqual(flagged("File %s was not found.", "Не знайдено файл %s"), ["punctuation"])
        XCTAssertEqual(flagged("List directory %s is missing.", "Відсутня директорія зі списками: %s"), ["punctuation"])
        XCTAssertEqual(flagged("Try '%s --help' for more information.", "Докладніше: %s --help, і ще кілька слів"), ["punctuation"])
    }

    // MARK: translated metavariables

    /// gettext-tools: "\x{HEXNUMBER}" → "\x{ШІСТН.ЧИСЛО}", "-kWORD" → "-kСЛОВО": metavariables of help text are
    /// translated, the option letter kept.
    func testTranslatedMetavariables() {
        XCTAssertEqual(flagged("%s:%d: missing right brace on \\x{HEXNUMBER}", "%s:%d: відсутня права фігурна дужка у \\x{ШІСТН.ЧИСЛО}"), [])
        XCTAssertEqual(flagged(
            "  -kWORD, --keyword=WORD      look for WORD as an additional keyword\n",
            "  -kСЛОВО, --keyword=СЛОВО    шукати СЛОВО як додаткове ключове слово\n"), [])
        // A translated lower-case placeholder name, and a Latin letter glued to a word, stay found.
        XCTAssertEqual(flagged("Hello, {name}!", "Привіт, {імʼя}!"), ["placeholder-mismatch"])
        XCTAssertEqual(flagged("Hello, {NAME}!", "Привіт!"), ["placeholder-mismatch"])
        XCTAssertEqual(flagged("[[:<:]]pBRE", "[[:<:]]pБФВ"), ["mixed-script"])
        XCTAssertEqual(flagged("  -kWORD  look for WORD\n", "  kСЛОВО  шукати СЛОВО\n"), ["mixed-script"])
    }

    // MARK: untranslated: keywords and key names kept on purpose

    /// procps-ng: "help", "list", "output" are keywords the program matches; gtk20: a "keyboard label" names the
    /// key as printed (Delete).
    func testKeywordsAndKeyLabelsKept() {
        XCTAssertEqual(flagged("help", "help"), [])
        XCTAssertEqual(flagged("output", "output"), [])
        XCTAssertEqual(flagged("Delete", "Delete", context: "keyboard label"), [])
        // A capitalised word, a label without that context, and lower-case words of a phrase stay found.
        XCTAssertEqual(flagged("Help", "Help"), ["untranslated"])
        XCTAssertEqual(flagged("Delete", "Delete"), ["untranslated"])
        XCTAssertEqual(flagged("list of files", "list of files"), ["untranslated"])
    }
}

/// False classes read in the judged sample of set C (Debian catalogs not installed here: mc, util-linux, nano…),
/// seed 13, fixed after that sample was judged — so set C no longer counts as held out (set D does).
final class SetCNoiseTests: XCTestCase {
    func flagged(_ source: String, _ target: String) -> [String] { defaultFindings(source, target) }

    func inconsistent(_ pairs: [(String, String)]) -> Int {
        let units = pairs.enumerated().map { BilingualUnit(id: "\($0.offset)", source: $0.element.0, target: $0.element.1) }
        let document = BilingualDocument(path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: units)
        return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
            .filter { $0.check == "inconsistent-translation" }.count
    }

    /// mc: "Question mark" → "?", "Exclamation mark" → "!": the target is the character; "File highlight" →
    /// "Підсвітка файлів…": an ellipsis added.
    func testTheCharacterTheSourceNamesAndAnAddedEllipsis() {
        XCTAssertEqual(flagged("Question mark", "?"), [])
        XCTAssertEqual(flagged("Exclamation mark", "!"), [])
        XCTAssertEqual(flagged("File highlight", "Підсвітка файлів…"), [])
        XCTAssertEqual(flagged("Cannot operate on \"..\"!", "Не можна виконувати операції з «..»"), ["punctuation"])
        XCTAssertEqual(flagged("Change spelling &language...", "Змінити мову перевірки правопису"), ["punctuation"])
    }

    /// util-linux: " -L <label>" → " -L <мітка>".
    func testAngleMetavariableTranslated() {
        XCTAssertEqual(flagged(" %s --label <label> | --uuid <uuid>\n\n", " %s --label <мітка> | --uuid <uuid>\n\n"), [])
        XCTAssertEqual(flagged("<b>Warning:</b> %s", "<b>Увага: %s"), ["placeholder-mismatch"])
        XCTAssertEqual(flagged("Press <b>Save</b>", "Натисніть «Зберегти»"), ["placeholder-mismatch", "placeholder-mismatch"])
        XCTAssertEqual(flagged(" -L <label>  device", " -L  пристрій"), ["placeholder-mismatch"])
    }

    /// nano: "Yy" → "YyТт", answer keys upper case first.
    func testAnswerKeysUpperCaseFirst() {
        XCTAssertEqual(flagged("Yy", "YyТт"), [])
        XCTAssertEqual(flagged("Yy", "YТт"), ["mixed-script"])
        XCTAssertEqual(flagged("&OK", "Г&aразд"), ["mixed-script"])
    }

    /// mc: "file1 file2" kept.
    func testArgumentNamesWithIndexesKept() {
        XCTAssertEqual(flagged("file1 file2", "file1 file2"), [])
        XCTAssertEqual(flagged("compare two files", "compare two files"), ["untranslated"])
    }

    /// mc: "&Append" → "До&писати" and "A&ppend" → "Дописати в &кінець" are two messages.
    func testAcceleratorsOnDifferentLettersAreDifferentMessages() {
        XCTAssertEqual(inconsistent([("&Append", "До&писати"), ("A&ppend", "Дописати в &кінець")]), 0)
        XCTAssertEqual(inconsistent([("&Append", "До&писати"), ("&Append", "Дописати в &кінець")]), 1)
        XCTAssertEqual(inconsistent([("Append", "Дописати"), ("&Append", "Дописати в &кінець")]), 1)
    }
}

/// False classes read in set D (grub, kbd, NetworkManager, sudo, texinfo, xfce4-panel; every flagged unit judged),
/// fixed after that judgement.
final class SetDNoiseTests: XCTestCase {
    func findings(_ unit: BilingualUnit) -> [String] { defaultFindings(unit) }
    func flagged(_ source: String, _ target: String) -> [String] { defaultFindings(source, target) }

    /// grub, kbd: WIDTHxHEIGHT → ШИРИНАxВИСОТА, WxH → ВxШ; texinfo: --ifFORMAT → --ifФОРМАТ.
    func testDimensionsAndOptionNamesBeforeMetavariables() {
        XCTAssertEqual(flagged("Use set gfxpayload=WIDTHxHEIGHT[xDEPTH].", "Скористайтеся set gfxpayload=ШИРИНАxВИСОТА[xГЛИБИНА]."), [])
        XCTAssertEqual(flagged("[WxH[xD]]", "[ШxВ[xГ]]"), [])
        XCTAssertEqual(flagged("  --ifFORMAT  process @ifFORMAT", "  --ifФОРМАТ  обробляти @ifФОРМАТ"), [])
        // A Latin x in a lower-case word, an option the source does not have, a Latin slip: still found.
        XCTAssertEqual(flagged("width x height", "ширина дxе висота"), ["mixed-script"])
        XCTAssertEqual(flagged("  --ifFORMAT  process", "  --elseФОРМАТ  обробляти"), ["mixed-script"])
        XCTAssertEqual(flagged("must be a number", "mмає бути числом"), ["mixed-script"])
    }

    /// sudoers, NetworkManager: msgstr[3] of a 4-form catalog serves n = 1 and says "одна" / "одне".
    func testTheFormForOneSaysOne() {
        var unit = BilingualUnit(id: "u[3]", source: "%u incorrect password attempts", target: "одна невдала спроба введення пароля")
        unit.pluralForm = 3
        XCTAssertEqual(findings(unit), [])
        // Forms 0–2 serve many numbers; form 3 without "one" has lost the count.
        var formZero = unit
        formZero.pluralForm = 0
        XCTAssertEqual(findings(formZero), ["placeholder-mismatch"])
        // Form 3 may also say the singular alone (nautilus, set G): "older than %d day" → "понад день".
        var singular = BilingualUnit(id: "u[3]", source: "Items in Trash older than %d days are automatically deleted", target: "Об'єкти у Смітнику із віком понад день буде автоматично вилучено")
        singular.pluralForm = 3
        XCTAssertEqual(findings(singular), [])
        singular.pluralForm = 1
        XCTAssertEqual(findings(singular), ["placeholder-mismatch"])
    }
}

/// False classes read in set E (aptitude, mousepad, synaptic, thunar, xfce4-terminal), fixed after that judgement.
final class SetENoiseTests: XCTestCase {
    func flagged(_ source: String, _ target: String) -> [String] { defaultFindings(source, target) }

    /// aptitude: "%BRemove%b" → "%BВидалити%b", its bold on and off codes glued to the word.
    func testFormatCodesGluedToWords() {
        XCTAssertEqual(flagged("%BRemove%b the following packages:%n", "%BВидалити%b такі пакунки:%n"), [])
        XCTAssertEqual(flagged("%BChoice:%b  ", "%BВибір:%b    "), [])
        // postgres: %m glued to в; thunar: a stray Latin Y before a word.
        XCTAssertEqual(flagged("at %m in", "у %mв"), ["mixed-script"])
        XCTAssertEqual(flagged("%Cpu(s):", "%CПроц.:"), ["mixed-script"])
        XCTAssertEqual(flagged("You can configure custom actions.", "YВи можете налаштувати спеціальні дії."), ["mixed-script"])
    }
}
