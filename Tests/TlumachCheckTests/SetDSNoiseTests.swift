import TlumachFormats
import XCTest

@testable import TlumachCheck

/// False classes of the seventeenth round's judged samples (sets DS–DU, docs/check-evaluation.md), each pinned with
/// its real example beside a true finding of the same shape that must stay found.
final class SetDSNoiseTests: XCTestCase {
    /// kcalutils: a KDE catalog (KUIT markup) whose translation adds `<numid>` around a count, and
    /// calligraplan's menu path split into two `<interface>` elements; tags added to a plain message of a catalog
    /// without KUIT stay found, and so does a KUIT element lost.
    func testKUITElementsAddedInAKDECatalog() {
        let kcalutils: [(String, String)] = [
            ("Recurs every %1 months on the %2 %3", "Повторюється кожні <numid>%1</numid> місяців у %2 %3"),
            ("Task: %1<nl/>Status: %2", "Завдання: %1<nl/>Стан: %2"),
            ("You can define the pattern using the <interface>Project->Define WBS Pattern</interface> menu entry.",
             "Ви можете визначити шаблон за допомогою пункту <interface>Визначити шаблон СРР</interface> у меню <interface>Проєкт</interface>."),
            ("Open <filename>%1</filename>", "Відкрити %1"),
        ]
        let found = documentFindings(kcalutils).filter { $0.severity >= .warning }
        XCTAssertEqual(found.map(\.check), ["placeholder-mismatch", "placeholder-mismatch"])
        XCTAssertEqual(found.map(\.message), ["tag <filename> of the source is missing from the target", "tag </filename> of the source is missing from the target"])
        XCTAssertEqual(Set(defaultFindings("Recurs every %1 months on the %2 %3", "Повторюється кожні <numid>%1</numid> місяців у %2 %3")), ["placeholder-mismatch"])
        XCTAssertEqual(Set(defaultFindings("%s could not be added.", "Не вдається додати <b>%s</b>.")), ["placeholder-mismatch"])
        // A metavariable in angle brackets that nothing closes is still words.
        XCTAssertEqual(defaultFindings("  -i <interface>  use this interface", "  -i <інтерфейс>  використати цей інтерфейс"), [])
    }

    /// kcmtelepathyaccounts: a mailbox the source calls a sample ("Example: …") localised by the translator is
    /// information; a real address changed stays an error, and so does a message that is an address alone.
    func testSampleMailboxesLocalised() {
        XCTAssertEqual(defaultFindings("Example: user@hotmail.com", "Приклад: user@gmail.com"), [])
        XCTAssertEqual(informationFindings("Example: user@hotmail.com", "Приклад: user@gmail.com"), ["url-mismatch"])
        XCTAssertEqual(Set(defaultFindings("john@doe.com", "ivanivanenko@pryklad.com")), ["url-mismatch"])
        XCTAssertEqual(Set(defaultFindings("Report problems to user@hotmail.com", "Повідомляйте про проблеми на user@gmail.com")), ["url-mismatch"])
    }

    /// libakonadi: KDE UserBase's page in the reader's language, `Akonadi_(uk)`; another page stays found.
    func testUserBaseTranslatedPage() {
        XCTAssertEqual(defaultFindings(
            "<p>For more tips please refer to <a href=\"https://userbase.kde.org/Akonadi\">userbase.kde.org/Akonadi</a>.</p>",
            "<p>Додаткові поради можна знайти за адресою <a href=\"https://userbase.kde.org/Akonadi_(uk)\">userbase.kde.org/Akonadi_(uk)</a>.</p>"), [])
        XCTAssertEqual(defaultFindings("see https://userbase.kde.org/Akonadi", "див. https://userbase.kde.org/KMail_(uk)"), ["url-mismatch", "url-mismatch"])
    }

    /// kaddressbook: "year with 4 digits … like "2012-01-04"" → "чотирицифрове … «2012-01-04»": the 4 said in a
    /// compound word, the date's 04 kept; a date changed stays found.
    func testAFigureKeptIsNotTakenByAnotherSaidInWords() {
        XCTAssertEqual(defaultFindings(
            "Y: year with 4 digits, m: month with 1 or 2 digits, like \"2012-01-04\"",
            "Y: чотирицифрове значення року, m: номер місяця 1 або 2 цифрами, у форматі «2012-01-04»"), [])
        XCTAssertEqual(defaultFindings(
            "Y: year with 4 digits, m: month with 1 or 2 digits, like \"2012-01-04\"",
            "Y: чотирицифрове значення року, m: номер місяця 1 або 2 цифрами, у форматі «2012-01-05»").first, "number-mismatch")
    }
}

/// Set DV's false class (Qt applications' `.qm`: focuswriter, Kvantum, LXQt, Qt 6's help…).
final class SetDVNoiseTests: XCTestCase {
    /// focuswriter: a copyright line kept as written, its `&copy;` entity read as the word "copy"; an About
    /// box's sentence copied stays found.
    func testACharacterEntityIsNotAWord() {
        XCTAssertEqual(defaultFindings("Copyright &copy; 2008-%1 Graeme Gott", "Copyright &copy; 2008-%1 Graeme Gott"), [])
        XCTAssertEqual(defaultFindings("Copyright &copy; 2008-%1 Graeme Gott. All rights reserved.", "Copyright &copy; 2008-%1 Graeme Gott. All rights reserved."), ["untranslated"])
    }
}

/// Set DX's false classes (kdepim-runtime's Akonadi resources, Calligra's plug-ins, GNOME leftovers).
final class SetDXNoiseTests: XCTestCase {
    /// akonadi_imap_resource: a Qt placeholder the source repeats, written once and then referred to in words; a
    /// placeholder never written, a repeat broken into its bare number ("«2»"), and a printf placeholder (a second
    /// argument) lost, stay found.
    func testARepeatedQtPlaceholderWrittenOnce() {
        XCTAssertEqual(defaultFindings("Cannot move message to '%1', '%1' does not exist on the server.", "Не вдалося пересунути повідомлення до «%1», такої теки на сервері немає."), [])
        // The repeat broken into a bare "2" is still a placeholder lost.
        XCTAssertEqual(defaultFindings("Cannot move IMAP folder '%1' to '%2', '%2' does not exist on the server.", "Не вдалося пересунути теку IMAP «%1» до «2», теки «%2» на сервері немає."), ["placeholder-mismatch"])
        XCTAssertEqual(defaultFindings("Cannot move IMAP folder '%1' to '%2', '%2' does not exist.", "Не вдалося пересунути теку IMAP «%1» до «2», такої теки немає."), ["placeholder-mismatch"])
        XCTAssertEqual(defaultFindings("Cannot copy %s to %s.", "Не вдалося скопіювати %s."), ["placeholder-mismatch"])
    }

    /// akonadi_pop3_resource: "POP servers" → "POP3 сервер": a version appended to a name the source writes bare is
    /// information; a figure glued to a word that the source does not name stays counted.
    func testAVersionAppendedToAName() {
        XCTAssertEqual(defaultFindings("this feature can cause some POP servers to send corrupt messages", "ця можливість може призвести до того, що POP3 сервер надсилатиме пошкоджені листи"), [])
        XCTAssertEqual(informationFindings("this feature can cause some POP servers to send corrupt messages", "ця можливість може призвести до того, що POP3 сервер надсилатиме пошкоджені листи"), ["number-mismatch"])
        // Also where the source says a number the target does not (the unit's "in one go" → "одночасно").
        XCTAssertEqual(defaultFindings("some POP servers fail; download them all at one time", "деякі POP3 сервери не працюють; отримайте їх усі одночасно"), [])
        // binutils: where the source names MIPS32 and MIPS64, the figure tells them apart.
        XCTAssertEqual(defaultFindings("-mips64r3  generate MIPS64 release 3 ISA instructions (MIPS ISA I and later)", "-mips64r3  використовувати інструкції MIPS32 випуск 3 ISA (MIPS ISA I і новіші)").first, "number-mismatch")
        XCTAssertEqual(defaultFindings("this feature can cause some mail servers to send corrupt messages", "ця можливість може призвести до того, що POP3 сервер надсилатиме пошкоджені листи"), ["number-mismatch"])
    }
}

/// Set DY's false class (PyPI: django-oscar, ihatemoney, Solaar, django-payments, wagtail-modeladmin).
final class SetDYNoiseTests: XCTestCase {
    /// A message without words of its own left empty falls back to itself; an empty message with words stays
    /// untranslated.
    func testAnEmptyTargetForAMessageWithoutWords() {
        XCTAssertEqual(defaultFindings("{prefix}: {error}", ""), [])
        XCTAssertEqual(defaultFindings("---------", ""), [])
        XCTAssertEqual(defaultFindings("%(count)s", ""), [])
        XCTAssertEqual(defaultFindings("Total: %(total)s", ""), ["untranslated"])
    }
}
