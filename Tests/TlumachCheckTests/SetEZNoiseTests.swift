import TlumachCheck
import XCTest

/// False classes of the twentieth round's judged sample (set EZ: util-linux's and others' man pages from
/// manpages-l10n, paired with the installed English pages; docs/check-evaluation.md), each pinned with its real
/// example beside a true finding of the same shape that must stay found.
final class SetEZNoiseTests: XCTestCase {
    private func counted(_ pairs: [(String, String)]) -> [String] {
        documentFindings(pairs).filter { $0.severity >= .warning }.map(\.check)
    }

    /// Two units with an option or a path in a font (`B<--all>`, `I</etc/fstab>`) make a catalog po4a's: the rest
    /// of its page need not say so again.
    private let manPage: [(String, String)] = [
        ("Mount all filesystems (B<--all>) mentioned in I</etc/fstab>.", "Змонтувати всі файлові системи (B<--all>), згадані в I</etc/fstab>."),
        ("Print a help text (B<-h>) and exit.", "Вивести текст довідки (B<-h>) і завершити роботу."),
    ]

    /// mount(8), findfs(8), more(1): po4a writes fonts as `B<…>` and `I<…>`; "I</dir>" is a folder in italics and
    /// "I<<label>>" an angle-bracketed word, not tags, and the translation translates them. Outside such a
    /// catalog "<guibutton>B</guibutton>" is still DocBook's element (marble's handbook).
    func testManPageFontsAreNoTags() {
        XCTAssertEqual(
            counted(manPage + [
                ("B<mount> I</dir>", "B<mount> I</каталог>"),
                ("B<LABEL>=I<<label>>", "B<LABEL>=I<<мітка>>"),
                ("B</pattern>", "B</взірець>"),
                (
                    "The B<mount> program does not read the I</etc/fstab> file if both I<device> and I<dir> are specified. For example, to mount device B<foo> at B</dir>:",
                    "Програма B<mount> не читає файлу I</etc/fstab>, якщо вказано разом I<пристрій> і I<каталог>. Наприклад, щоб змонтувати пристрій B<foo> до B</dir>:"
                ),
            ]), [])
        let docBook = counted([
            ("Press the <guibutton>B</guibutton> button.", "Натисніть кнопку <guilabel>B</guilabel>."),
            ("Select <guibutton>A</guibutton> or <guibutton>B</guibutton>.", "Виберіть <guilabel>A</guilabel> або <guilabel>B</guilabel>."),
        ])
        XCTAssertFalse(docBook.isEmpty)
        XCTAssertEqual(Set(docBook), ["placeholder-mismatch"])
    }

    /// mount(8): a translation set in italics puts the sentence's full stop inside the font ("I<…(5).>"); a
    /// sentence whose stop is lost inside it is still found, and so is a figure lost from a page reference.
    func testAFullStopInsideAFontEndsTheSentence() {
        XCTAssertEqual(
            counted(manPage + [
                (
                    "Enable POSIX Access Control Lists. See the B<acl>(5) manual page.",
                    "I<Увімкнути списки керування доступом (ACL) POSIX. Див. сторінку підручника >B<acl>I<(5).>"
                )
            ]), [])
        XCTAssertEqual(
            counted(manPage + [
                ("Enable Extended User Attributes. See the B<attr>(1) manual page.", "I<Увімкнути розширені атрибути користувача. Див. сторінку підручника >B<attr>I<(1)>")
            ]), ["punctuation"])
        XCTAssertEqual(
            counted(manPage + [
                (
                    "Unlike B<sg_zone>(8), open action, this command operates from the block layer.",
                    "На відміну від B<sg_zone>(), дії з відкриття, ця команда працює з шару блоків."
                )
            ]), ["number-mismatch"])
    }

    /// column(1), logger(1), blkid(8), fsck(8): examples of shell commands and of a program's output are kept as
    /// written. A sentence with an option or a path in it, copied, is still untranslated, and so are a man page's
    /// words in bold, a list of devices with words beside them and prose with markup.
    func testShellCommandLinesAreKeptAsWritten() {
        for example in [
            "sed 's/#.*//' /etc/fstab | column --table --table-columns SOURCE,TARGET,TYPE --table-hide -",
            "printf \"a:b:c\\n1::3\\n\" | column -t -s ':'",
            "logger --journald <<end MESSAGE_ID=67feb6ffbaf24c5cbec13c008dd72309 MESSAGE=The dogs bark, but the caravan goes on. DOGS=bark CARAVAN=goes on end",
            "sort -d /etc/passwd -o /tmp/look.dict look -t: root:foobar /tmp/look.dict",
            "B<blkid --probe --usages filesystem,other /dev/sda1>",
            "B</dev/sda1: status 0, rss 92828, real 4.002804, user 2.677592, sys 0.86186>",
            "sh -c 'stty -icanon min 1; \"$0\" \"$@\"; stty icanon' rename -i from to files",
        ] {
            XCTAssertEqual(defaultFindings(example, example), [], example)
        }
        // systemctl(1), file(1): a prompt before a command is a terminal session, whatever it prints.
        for session in [
            "# systemctl start sshd.service",
            "$ systemctl status bluetooth ● bluetooth.service - Bluetooth service Loaded: loaded (/lib/systemd/system/bluetooth.service; enabled)",
            "$ file file.c file /dev/{wd0a,hda} file.c: C program text file: ELF 32-bit LSB executable, Intel 80386",
        ] {
            XCTAssertEqual(defaultFindings(session, session), [], session)
        }
        for copied in [
            "# This line explains the settings below",
            "use -f or --force to overwrite files in /tmp",
            "B<authpriv> for security information of a sensitive nature",
            "/dev/hda[1-8] (IDE disk 1) /dev/hdb[1-8] (IDE disk 2) /dev/sda[1-8] (SCSI disk 1)",
            "from the (default) shortcut: <strong>Ctrl</strong>+<strong>L</strong>.",
        ] {
            XCTAssertEqual(defaultFindings(copied, copied), ["untranslated"], copied)
        }
    }

    /// file(1): a sentence cut where its reference begins ("(cf." → "(порівняйте з") ends with an abbreviation's
    /// full stop, not the sentence's; a sentence's own full stop lost is still found.
    func testAReferenceAbbreviationEndsNoSentence() {
        XCTAssertEqual(
            defaultFindings(
                "The language tests look for particular strings (cf.", "У перевірках мови буде виконано пошук певних рядків (порівняйте з"),
            [])
        XCTAssertEqual(defaultFindings("The language tests look for particular strings.", "У перевірках мови буде виконано пошук певних рядків"), ["punctuation"])
    }

    /// systemctl(1): systemd's instantiated units ("foo@bar.service", "getty@tty1.service") are no e-mail addresses,
    /// and a template's "foo@.service" has no domain at all; an address lost from a sentence is still found.
    func testSystemdUnitNamesAreNoMailboxes() {
        XCTAssertEqual(
            defaultFindings(
                "Specifically this means that foo@.service will never be shown in this list — unless instantiated, e.g. as foo@bar.service.",
                "Це, зокрема, значить, що щось@.service ніколи не буде показано у цьому списку, якщо у нього не буде екземплярів, наприклад щось@десь.service."),
            [])
        XCTAssertEqual(defaultFindings("Start getty@tty1.service first.", "Спочатку запустіть getty@tty1.service."), [])
        XCTAssertEqual(defaultFindings("Write to bugs@example.org with the details.", "Надішліть подробиці нам."), ["url-mismatch"])
    }
}
