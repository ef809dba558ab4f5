import TlumachCheck
import TlumachFormats
import XCTest

/// False classes read in the blind sample of set X (mc, aptitude, e2fsprogs, gcc, cpio, sudo, texinfo, kbd…;
/// docs/check-evaluation.md), each next to a true finding of the same shape that must stay found.
final class SetXNoiseTests: XCTestCase {
    /// mc: a Latin look-alike as the hotkey looks like the Cyrillic letter, which the reader then presses in vain
    /// (296 of mc's Ukrainian hotkeys are Cyrillic); still reported, as set C judged it.
    func testALookalikeHotkeyIsStillASlip() {
        XCTAssertEqual(defaultFindings("Re&gular expression", "Р&eгулярний вираз"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("&Cancel", "&Cкасувати"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("Re&gular expression", "Р&егулярний вираз"), [])
    }

    /// e2fsprogs' abbreviation table: the key letter the program reads stays before the translated word.
    func testTheSourcesLeadingKeyLetterKept() {
        XCTAssertEqual(defaultFindings("Ffor @i %i (%Q) is", "Fдля @i %i (%Q) є"), [])
        XCTAssertEqual(defaultFindings("ddirectory", "dкаталог"), [])
        XCTAssertEqual(defaultFindings("Cconflicts with some other fs @b", "Cконфліктує з якоюсь іншою файловою системою @b"), [])
        XCTAssertEqual(defaultFindings("E@e '%Dn' in %p (%i)", "Eзапис «%Dn» у %p (%i)"), [])
        XCTAssertEqual(defaultFindings("Cancel", "Cкасувати"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("must be a number", "mмає бути числом"), ["mixed-script"])
        // Not told apart from that slip without a lexicon: a key before a word of another letter stays reported.
        XCTAssertEqual(defaultFindings("vdevice", "vпристрій"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("the argument to -C must be a number", "аргументом параметра -C mмає бути число"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("%s: not a fully qualified path", "%s: не є повноцінним записом шляхуnot a fully qualified path"), ["mixed-script"])
    }

    /// e2fsprogs' key table as a whole: a file that keeps the source's leading letter before five translated words
    /// or more has a key table; a file with one such unit has a slip.
    func testAFilesKeyTableAgainstAOneOffSlip() {
        func mixed(_ pairs: [(String, String)], path: String = "t.po") -> [String] {
            let units = pairs.enumerated().map { BilingualUnit(id: "\($0.offset)", source: $0.element.0, target: $0.element.1) }
            let document = BilingualDocument(path: path, format: .po, sourceLanguage: "en", targetLanguage: "uk", units: units)
            return CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
                .filter { $0.check == "mixed-script" }.map(\.message)
        }
        let table = [("vdevice", "vпристрій"), ("aextended attribute", "aрозширений атрибут"), ("Lis a link", "Lє посиланням"),
            ("xextent", "xрозширення"), ("Aerror allocating", "Aпомилка під час розподілу")]
        XCTAssertEqual(mixed(table), [])
        XCTAssertEqual(mixed(Array(table.prefix(4))).count, 4)
        XCTAssertEqual(mixed([("must be a number", "mмає бути числом"), ("Cancel", "Скасувати")]), ["“mмає” mixes Latin and Cyrillic letters"])
        // A slip elsewhere in a table's file is still found.
        XCTAssertEqual(mixed(table + [("the argument must be", "аргумент mмає бути")]), ["“mмає” mixes Latin and Cyrillic letters"])
    }

    /// e2fsprogs: a code that expands to a word, with the translator's case ending glued to it.
    func testACodeWithACaseEnding() {
        XCTAssertEqual(defaultFindings("@d @i %i ref count set to overflow", "Для @i @dу %i лічильник посилань встановлено у значення переповнення"), [])
        XCTAssertEqual(defaultFindings("@d @i %i ref count set to overflow", "Для @i @dусіх %i лічильник посилань"), ["mixed-script"])
        XCTAssertEqual(defaultFindings("@i %i ref count set to overflow", "Для @i @dу %i лічильник посилань"), ["mixed-script"])
    }

    /// aptitude's column names, mc's button bar: the source's Latin half of a camel-case compound kept.
    func testACamelCaseCompoundKeepsTheSourcesLatinHalf() {
        XCTAssertEqual(defaultFindings("DebSz", "DebРозмір"), [])
        XCTAssertEqual(defaultFindings("ButtonBar|HxSrch", "ButtonBar|HxПошук"), [])
        XCTAssertEqual(defaultFindings("Debian size", "DebРозмір"), ["mixed-script"])
    }
}
