import TlumachFormats
import XCTest

@testable import TlumachCheck

/// False classes of the eighteenth round's judged samples (sets EA–EL, docs/check-evaluation.md), each pinned with
/// its real example beside a true finding of the same shape that must stay found.
final class SetEANoiseTests: XCTestCase {
    private func pascalUnit(_ source: String, _ target: String, flagged: Bool = true) -> BilingualUnit {
        var unit = BilingualUnit(id: "u", source: source, target: target)
        if flagged { unit.flags = ["object-pascal-format"] }
        return unit
    }

    /// lazarus's gdbmistringconstants: Object Pascal's `Format` takes an index before a colon (`%0:s`), so in a
    /// message marked `object-pascal-format` "%0:sповернула" is a placeholder before a word; a position changed
    /// is named as such, and without the mark the text reads as before.
    func testObjectPascalIndexedPlaceholders() {
        let source = "%0:sThe GDB command:%0:s\"%1:s\"%0:sreturned the error:%0:s\"%2:s\"%0:s"
        XCTAssertEqual(defaultFindings(pascalUnit(source, "%0:sКоманда GDB:%0:s\"%1:s\"%0:sповернула помилку:%0:s\"%2:s\"%0:s")), [])
        XCTAssertEqual(defaultFindings(pascalUnit("Width: %0:-8d", "Ширина: %0:-8d")), [])
        XCTAssertEqual(
            defaultFindings(pascalUnit(source, "%0:sКоманда GDB:%0:s\"%1:s\"%0:sповернула помилку:%0:s\"%0:s\"%0:s")),
            ["placeholder-mismatch", "placeholder-mismatch"])
        XCTAssertEqual(defaultFindings(pascalUnit("Found %0:d files", "Знайдено файлів")), ["placeholder-mismatch"])
        XCTAssertEqual(defaultFindings(pascalUnit(source, "%0:sКоманда GDB:%0:s\"%1:s\"%0:sповернула помилку:%0:s\"%2:s\"%0:s", flagged: false)), ["mixed-script"])
    }

    /// lazarus's buildstrconsts.uk.po says "Language: ru" over six Ukrainian messages (three і, none of ы э ё ъ):
    /// read as Ukrainian. A Russian file with one Ukrainian letter typed in stays Russian, and the letter found.
    func testAShortUkrainianFileHeadedRussian() {
        let lazarus = [
            ("Pascal unit", "Модуль Паскаля"),
            ("Show all output lines", "Показати всі рядки виведення"),
            ("Unable to find parser for tool \"%s\"", "Неможливо знайти аналізатор для засобу \"%s\""),
            ("Unable to find parser with name \"%s\"", "Неможливо знайти аналізатор з назвою \"%s\""),
        ]
        XCTAssertEqual(documentFindings(lazarus, targetLanguage: "ru").filter { $0.severity >= .warning }.map(\.check), [])
        let russian = [
            ("Show all output lines", "Показать все строки вывода"),
            ("Unable to find parser with name \"%s\"", "Невозможно найти анализатор с именем \"%s\""),
            ("Close the window", "Закрыть окно"),
            ("Compare", "Порівнить"),
        ]
        XCTAssertEqual(documentFindings(russian, targetLanguage: "ru").filter { $0.severity >= .warning }.map(\.check), ["cyrillic-alphabet"])
    }

    /// ufoai: a model's name joined to its number by a hyphen ("TR-20") written once more in the translation is
    /// a name repeated, not a figure added; a name whose number changed stays found (gourmand: "Vitamin B12" →
    /// "вітаміну B6"), and so does a model number changed.
    func testModelNamesRepeatedOrLeftOut() {
        XCTAssertEqual(
            defaultFindings(
                "The TR-20 rocket pod is an interesting departure. We anticipate the TR-20 will perform nicely.",
                "Ракетоблок TR-20 є досить цікавим відхиленням. Найбільша швидкострільність блоку TR-20 висока. На наш погляд, TR-20 буде ефективним."),
            [])
        XCTAssertEqual(defaultFindings("microgram Vitamin B12", "мікрограм вітаміну B6"), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(Set(defaultFindings("The TR-20 rocket pod. The TR-20 is light.", "Ракетоблок TR-30. TR-20 легкий.")), ["number-mismatch"])
        XCTAssertEqual(Set(defaultFindings("Fire 20 rockets from the TR-20.", "Запустіть ракети з TR-20.")), ["number-mismatch"])
    }

    /// ufoai: "a 200mm canister" → "двохсотміліметровий балон": a figure glued to a unit said as the first part
    /// of a compound, for the teens, the tens and 200–500 as for 1–10; a figure simply lost stays found.
    func testCompoundsOfLargerFigures() {
        XCTAssertEqual(defaultFindings("This is a 200mm canister of flammable gas.", "Це двохсотміліметровий балон горючого газу."), [])
        XCTAssertEqual(defaultFindings("A 12-inch barrel", "Дванадцятидюймовий ствол"), [])
        XCTAssertEqual(defaultFindings("This is a 200mm canister of flammable gas.", "Це балон горючого газу."), ["number-mismatch"])
        XCTAssertEqual(defaultFindings("A 12-inch barrel", "Двадцятидюймовий ствол"), ["number-mismatch"])
    }

    /// ufoai with the shipped war glossary: "World War 2" → "Другої Світової" (the adjective alone names the war),
    /// "civilians" → "мирних жителів", "the Mumbai offensive" → "атака на Мумбаї". The war said otherwise, and
    /// civilians left out, stay found.
    func testWarGlossaryInFiction() throws {
        XCTAssertEqual(try countedWithShippedGlossary("Unlike the old grenades of World War 2, it rolls.", "На відміну від «лимонок» часів Другої Світової, вона котиться."), [])
        XCTAssertEqual(try countedWithShippedGlossary("Twenty thousand innocent civilians were killed.", "Двадцять тисяч мирних жителів загинули."), [])
        XCTAssertEqual(try countedWithShippedGlossary("The Mumbai offensive revealed weaknesses.", "Атака на Мумбаї показала слабкі місця."), [])
        XCTAssertEqual(try countedWithShippedGlossary("The war goes on.", "Конфлікт триває."), ["term-missing"])
        XCTAssertEqual(try countedWithShippedGlossary("Twenty thousand innocent civilians were killed.", "Двадцять тисяч людей загинули."), ["term-missing"])
    }

    /// MediaWiki's messages (set EF: its JSON catalogs as PO): `$1` parameters compare as sets, a parameter used only
    /// to choose a form may go unused, plural forms are each language's own (their figures, `1=`, and tags written
    /// once per form), wikitext's `'''` is `<strong>`, and inline HTML the translation adds renders. A parameter the
    /// source prints and the target drops, a `<nowiki>` lost and a figure lost outside the forms stay found.
    func testMediaWikiMessages() {
        let messages: [(String, String)] = [
            ("Replace \"$1\" with \"$2\" in the {{PLURAL:$3|title of the following page|titles of the following $3 pages}}:",
             "Замінити «$1» на «$2» в {{PLURAL:$3|1=назві такої сторінки|назвах таких сторінок}}:"),
            ("User account $1 was {{GENDER:$2|created}}", "Обліковий запис для $1 було створено"),
            ("(blocked)", "({{GENDER:$1|заблокований|заблокована}})"),
            ("Contains {{PLURAL:$1|1 subcategory|$1 subcategories}}", "містить $1 {{PLURAL:$1|підкатегорію|підкатегорії|підкатегорій}}"),
            ("Error: String exceeds $1 character limit.", "Помилка: довжина рядка перевищує межу в {{PLURAL:$1|$1 символ|$1 символи|$1 символів}}."),
            ("Showing up to {{PLURAL:$1|<strong>1</strong> result|<strong>$1</strong> results}}.",
             "Показано {{PLURAL:$1|<strong>$1</strong> результат|<strong>$1</strong> результати|<strong>$1</strong> результатів}}."),
            ("<strong>Warning:</strong> Database is using unrecognized collation.", "'''Увага:''' База даних використовує нерозпізнане сортування."),
            ("4th level heading", "Заголовок 4<sup>го</sup> рівня"),
            ("Revision visibility could not be updated: $1", "<strong>Видимість версії неможливо змінити:</strong> $1"),
        ]
        XCTAssertEqual(documentFindings(messages).filter { $0.severity >= .warning }.map(\.message), [])
        let broken: [(String, String)] = [
            ("Deleted $1 and $2 {{PLURAL:$2|page|pages}}.", "Вилучено $1 {{PLURAL:$2|сторінку|сторінки|сторінок}}."),
            ("Import failed: <nowiki>$1</nowiki>", "Не вдалося імпортувати: $1"),
            ("Uploads over {{PLURAL:$1|one file|$1 files}} in 200 seconds are refused.", "Завантаження {{PLURAL:$1|$1 файлу|$1 файлів}} понад 20 секунд відхиляються."),
            ("User $1 was {{GENDER:$1|renamed}}", "{{GENDER:$1|Користувача|Користувачку}} $2 перейменовано"),
        ]
        XCTAssertEqual(
            documentFindings(broken).filter { $0.severity >= .warning }.map(\.check),
            ["placeholder-mismatch", "placeholder-mismatch", "placeholder-mismatch", "number-mismatch", "number-mismatch", "placeholder-mismatch",
             "placeholder-mismatch"])
        // Outside a MediaWiki catalog a dollar and a figure are a price.
        XCTAssertEqual(defaultFindings("It costs $5.", "Коштує 5 доларів."), [])
    }

    /// freecol: names between percent signs (`%colony%`, `%enemyNation%`) are placeholders, which may change order
    /// and repeat; the name of one is no word of the message ("troops (%mercenaries%)" names no mercenaries). One
    /// lost stays found, and printf's `%ld%%` (a long, then a percent sign) stays printf.
    func testNamedPercentPlaceholders() throws {
        XCTAssertEqual(defaultFindings("Disaster %disaster% avoided at %colony%", "Колонія %colony% уникнула лиха %disaster%"), [])
        XCTAssertEqual(defaultFindings("%enemyNation% %enemyUnit% slows our %unit%'s movement.", "%enemyNation% %enemyUnit% сповільнює рух нашого %unit%."), [])
        XCTAssertEqual(
            defaultFindings("We are a nation of %camps% %settlementType%.", "Ми нація, у нас %camps% {{plural:%camps%|%settlementType%}}."), [])
        XCTAssertEqual(defaultFindings("Your colony %colony% was burned by %nation%.", "Вашу колонію %colony% спалили."), ["placeholder-mismatch"])
        XCTAssertEqual(defaultFindings("%ld%% done", "виконано"), ["placeholder-mismatch"])
        // coreutils: a metavariable in capitals between percent signs may be named in the reader's words.
        XCTAssertEqual(defaultFindings("  %REGEXP%[OFFSET]   skip to, but not including a matching line", "  %ВИРАЗ%[ЗСУВ]   пропустити до рядка-відповідника, не включаючи його"), [])
        XCTAssertEqual(
            try countedWithShippedGlossary(
                "I offer you the services of our loyal troops (%mercenaries%) for %gold% gold.",
                "Пропоную вам послуги наших лояльних військ (%mercenaries%) за %gold% золотих."),
            [])
        XCTAssertEqual(try countedWithShippedGlossary("Mercenaries were seen near the border.", "Біля кордону бачили військових."), ["term-missing"])
    }

    /// freecol with the shipped war glossary: "Veteran Soldier" → "Бувалий солдат" (veteran alone is also
    /// experienced), "in reparation" → "відшкодування" (admitted); a war veteran said otherwise stays found.
    func testWarGlossaryInAStrategyGame() throws {
        XCTAssertEqual(try countedWithShippedGlossary("Veteran Soldier", "Бувалий солдат"), [])
        XCTAssertEqual(try countedWithShippedGlossary("Now we demand 100 gold in reparation.", "Тепер ми вимагаємо 100 золотих монет відшкодування."), [])
        XCTAssertEqual(try countedWithShippedGlossary("A war veteran spoke at the meeting.", "На зустрічі виступив досвідчений військовий."), ["term-missing"])
    }

    /// freeplane (Java Swing): a label's `<html>` marker dropped from a translation without markup, or added around
    /// a plain source with `<br>` for its line breaks, is no markup of its own; a full stop before a closing
    /// `</html>` ends the sentence (lost there, it is found; before, neither side had an end mark).
    func testSwingHTMLMarker() {
        XCTAssertEqual(defaultFindings("<html>Source<br>label", "Змінити початковий напис"), [])
        XCTAssertEqual(
            defaultFindings("An internal error occurred.\nCould you please submit a bug report?", "<html>Трапилась внутрішня помилка.<br>Чи можете ви надіслати повідомлення про помилку?"),
            [])
        XCTAssertEqual(
            defaultFindings("Determines the quality of icon rendering. SVG icons need more time.", "<html>Визначає якість вимальовування піктограм. Піктограми SVG потребують більше часу.</html>"),
            [])
        XCTAssertEqual(defaultFindings("<html>Copies the format of a node.</html>", "<html> Копіює формат вузла </html>"), ["punctuation"])
        XCTAssertEqual(defaultFindings("Save the map", "<html>Зберегти <b>карту</b>"), ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// Roundcube's Ukrainian team leaves the English full stop out of every status message: a team that does so on
    /// purpose sets `punctuation-lost-full-stop: false`; other end marks lost, and doubled spaces, stay reported.
    func testLostFullStopsSwitchedOff() throws {
        let configuration = try CheckConfiguration.parse("check:\n  options: {punctuation-lost-full-stop: false}\n", path: ".tlumach.yml")
        var environment = ExampleRunner.environment()
        environment.options = configuration.options
        XCTAssertEqual(ExampleRunner.issues(PunctuationCheck.self, on: .passing("Folder successfully deleted.", "Теку видалено"), environment: environment).count, 0)
        XCTAssertEqual(ExampleRunner.issues(PunctuationCheck.self, on: .triggering("Proceed?", "Продовжити"), environment: environment).count, 1)
        XCTAssertEqual(ExampleRunner.issues(PunctuationCheck.self, on: .triggering("Scan this disk.", "Перевірити  цей диск"), environment: environment).count, 1)
        XCTAssertEqual(ExampleRunner.issues(PunctuationCheck.self, on: .triggering("Folder successfully deleted.", "Теку видалено")).count, 1)
        XCTAssertThrowsError(try CheckConfiguration.parse("check:\n  options: {punctuation-lost-full-stop: maybe}\n", path: ".tlumach.yml"))
    }

    /// A character entity is a name, not words, for every check (it was the untranslated check's rule alone):
    /// `&copy;`, `&#8212;` and `&#x2014;` are masked; an ampersand before a space or a word without `;` is text.
    func testCharacterEntitiesAreMasked() {
        let text = AnalyzedText("Copyright &copy; 2008 &#8212; &#x2014; R&D & co", codes: [])
        XCTAssertEqual(text.entities.map { ScalarString.make(text.scalars[$0]) }, ["&copy;", "&#8212;", "&#x2014;"])
        XCTAssertTrue(text.hasMaskedSpans)
        XCTAssertEqual(AnalyzedText("Tom & Jerry", codes: []).entities, [])
        XCTAssertEqual(defaultFindings("Copyright &copy; 2008-%1 Graeme Gott", "Copyright &copy; 2008-%1 Graeme Gott"), [])
        XCTAssertEqual(defaultFindings("Open the file &mdash; now", "Open the file &mdash; now"), ["untranslated"])
    }
}
