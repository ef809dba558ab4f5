import Foundation
import TlumachCheck
import TlumachFormats
import XCTest

/// Each class of false alarm found on the system's reviewed Ukrainian catalogs (issue 10), pinned with its real
/// example, and the real defects the same runs found, which must stay found.
final class RealTextNoiseTests: XCTestCase {
    func run(
        _ units: [BilingualUnit], from: String = "en", to: String = "uk", options: CheckOptions = CheckOptions(),
        path: String = "t.po"
    ) -> [Finding] {
        let document = BilingualDocument(path: path, format: .po, sourceLanguage: from, targetLanguage: to, units: units)
        var settings = CheckSettings()
        settings.options = options
        var environment = ExampleRunner.environment(terms: nil)
        environment.options = options
        environment.normalizer = options.typography == .strict ? DefaultNormalizer.strict : DefaultNormalizer.normalizer
        return CheckRunner(settings: settings, environment: environment).run([document]).findings
    }

    func flagged(_ source: String, _ target: String, from: String = "en", to: String = "uk", options: CheckOptions = CheckOptions()) -> [String] {
        run([BilingualUnit(id: "u", source: source, target: target)], from: from, to: to, options: options)
            .filter { $0.severity != .info }.map(\.check)
    }

    func assertQuiet(_ source: String, _ target: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(flagged(source, target), [], "\(source) → \(target)", file: file, line: line)
    }

    // MARK: house typography is a profile

    func testStraightQuotesAroundCodeAndPlaceholdersAreNotProse() {
        assertQuiet("missing \"%s\"", "пропущено \"%s\"")
        assertQuiet("\"max_wal_size\" must be at least twice \"wal_segment_size\"", "\"max_wal_size\" має бути принаймні вдвічі більшим за \"wal_segment_size\"")
        var strict = CheckOptions()
        strict.typography = .strict
        // Even under the strict profile, quotes around code are code.
        XCTAssertEqual(flagged("missing \"%s\"", "пропущено \"%s\"", options: strict), [])
        XCTAssertEqual(flagged("invalid \"max_wal_size\"", "некоректне \"max_wal_size\"", options: strict), [])
        // Prose in straight quotes is reported only under the strict profile.
        XCTAssertEqual(flagged("He said \"yes\".", "Він сказав \"так\"."), [])
        XCTAssertEqual(flagged("He said \"yes\".", "Він сказав \"так\".", options: strict), ["punctuation"])
    }

    func testStraightApostropheAndHyphenAreHouseTypography() {
        assertQuiet("Connection", "З'єднання")
        assertQuiet("Ready - press a key", "Готово - натисніть клавішу")
        var strict = CheckOptions()
        strict.typography = .strict
        XCTAssertEqual(flagged("Connection", "З'єднання", options: strict), ["not-normalized"])
    }

    func testTypographyProfileIsReadFromTheConfiguration() throws {
        let configuration = try CheckConfiguration.parse("check:\n  typography: strict\n  untranslatable: [Kerberos]\n  states: all\n", path: "c.yml")
        XCTAssertEqual(configuration.options.typography, .strict)
        XCTAssertEqual(configuration.options.untranslatables, ["Kerberos"])
        XCTAssertTrue(configuration.options.checkAllStates)
        XCTAssertThrowsError(try CheckConfiguration.parse("check:\n  typography: loose\n", path: "c.yml")) { error in
            XCTAssertTrue("\(error)".contains("c.yml:2"), "\(error)")
        }
    }

    // MARK: consistency

    func testUIVariantsOfOneSourceAreNotInconsistentSources() {
        let units = [
            BilingualUnit(id: "1", source: "Importing", target: "Імпорт"),
            BilingualUnit(id: "2", source: "Import", target: "Імпорт"),
            BilingualUnit(id: "3", source: "Import", target: "Імпорт"),
            BilingualUnit(id: "4", source: "Zhuang, Yongnan", target: "чжуанська, юнань"),
            BilingualUnit(id: "5", source: "Yongnan Zhuang", target: "чжуанська, юнань"),
        ]
        XCTAssertEqual(run(units).filter { $0.check == "inconsistent-source" }.map(\.unit), [])
    }

    func testPluralFormsAndAgreementAfterANumberAreNotInconsistentTranslations() throws {
        let po = """
            msgid ""
            msgstr "Language: uk\\nPlural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

            msgid "%d file"
            msgid_plural "%d files"
            msgstr[0] "%d файл"
            msgstr[1] "%d файли"
            msgstr[2] "%d файлів"

            msgid "%s: File shrank by %s bytes"
            msgstr "%s: Файл скоротився на %s байтів"

            msgctxt "b"
            msgid "%s: File shrank by %s bytes"
            msgstr "%s: Файл скоротився на %s байти"

            msgctxt "c"
            msgid "%s: File shrank by %s bytes"
            msgstr "%s: Файл скоротився на %s байтів"

            msgid "%d records"
            msgstr "%d записів"

            msgctxt "x"
            msgid "%d records"
            msgstr "%d записи"

            """
        let path = NSTemporaryDirectory() + "plural-\(UUID().uuidString).po"
        try po.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let document = try BilingualReader.read(path)
        let found = CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
        XCTAssertEqual(found.filter { $0.check.hasPrefix("inconsistent") }.map(\.message), [])
    }

    func testConsistencyComparesWithinAFileUnlessAskedForTheRun() {
        func documents() -> [BilingualDocument] {
            ["a.po", "b.po", "c.po"].enumerated().map { index, path in
                BilingualDocument(
                    path: path, format: .po, sourceLanguage: "en", targetLanguage: "uk",
                    units: [BilingualUnit(id: "u", source: "Permission denied", target: index == 0 ? "У доступі відмовлено" : "Доступ заборонено")])
            }
        }
        let environment = ExampleRunner.environment(terms: nil)
        XCTAssertEqual(CheckRunner(settings: CheckSettings(), environment: environment).run(documents()).findings.map(\.check), [])
        var settings = CheckSettings()
        settings.options.consistencyAcrossFiles = true
        var across = environment
        across.options = settings.options
        XCTAssertEqual(CheckRunner(settings: settings, environment: across).run(documents()).findings.map(\.check), ["inconsistent-translation"])
    }

    // MARK: mixed-script, untranslated, numbers

    func testEscapesGluedToWordsAreNotMixedScript() {
        assertQuiet("%s\\nrespective", "%s\\nвідповідних")
        assertQuiet("%%0Aspecial", "%%0Aспеціальних")
        assertQuiet("\\uNNNN", "\\uНННН")
    }

    func testNamesAndCodesKeptOnPurposeAreNotUntranslated() {
        assertQuiet("Kerberos", "Kerberos")
        assertQuiet("Bugzilla", "Bugzilla")
        assertQuiet("mscgen", "mscgen")
        assertQuiet("ps axu", "ps axu")
        assertQuiet("GPGME data_new_from_mem: %s\n", "GPGME data_new_from_mem: %s\n")
        assertQuiet("%s", "%s")
        XCTAssertEqual(flagged("Help", "Help"), ["untranslated"])
        XCTAssertEqual(flagged("Prisoner exchange", "Prisoner exchange"), ["untranslated"])
        // A project's own list (GNOME's Files keeps its name).
        XCTAssertEqual(flagged("Files", "Files"), ["untranslated"])
        var options = CheckOptions()
        options.untranslatables = ["Files"]
        XCTAssertEqual(flagged("Files", "Files", options: options), [])
    }

    func testANumberWrittenAsACompoundIsNotMissing() {
        assertQuiet("3D", "тривимірні")
        assertQuiet("value too large for 1-byte field", "значення є надто великими для однобайтового поля")
        // Ordinals and zero as words (coreutils, gas, postgres).
        assertQuiet("clear high (8th) bit of input characters", "очистити старший (восьмий) біт вхідних символів")
        assertQuiet("the optional immediate offset can only be 0", "необов’язковий безпосередній зсув може бути лише нульовим")
        assertQuiet("in the 4th and 5th bytes", "у четвертому і п'ятому байті")
    }

    // MARK: one finding per problem

    func testTheSameFindingTwiceAtOnePlaceIsOne() {
        let found = run([BilingualUnit(id: "u", source: "Use 5 or 5 workers.", target: "Використати робітників.")])
        XCTAssertEqual(found.filter { $0.check == "number-mismatch" }.count, 1, "\(found.map(\.message))")
    }

    func testOneURLIsReportedOnce() {
        let found = flagged("See https://example.org/a%20b/{id}", "Див. https://example.org/c%20d/{id}")
        XCTAssertEqual(Set(found), ["url-mismatch"])
    }

    func testAPairedInlineCodeIsOneFinding() {
        let unit = BilingualUnit(
            id: "u", source: "Click Save", target: "Натисніть «Зберегти»",
            sourceCodes: [InlineCode(kind: "pc-open", id: "1", offset: 6), InlineCode(kind: "pc-close", id: "1", offset: 10)])
        let found = run([unit]).filter { $0.check == "placeholder-mismatch" }
        XCTAssertEqual(found.map(\.message), ["inline code <pc id=\"1\">…</pc> of the source is missing from the target"])
    }

    // MARK: the keyboard-layout slip

    func testLettersOfAnotherCyrillicAlphabet() {
        XCTAssertEqual(flagged("Disk is full", "Дыск заповнено"), ["cyrillic-alphabet"])
        XCTAssertEqual(flagged("their own", "своє власнэ"), ["cyrillic-alphabet"])
        XCTAssertEqual(flagged("Disk is full", "Діск переполнен", to: "ru"), ["cyrillic-alphabet"])
        assertQuiet("Disk is full", "Диск заповнено")
        XCTAssertEqual(flagged("Disk is full", "Диск переполнен", to: "ru"), [])
    }

    // MARK: translation states

    func testUnfinishedUnitsAreOnlyAskedWhetherTheyAreTranslated() {
        let fuzzy = BilingualUnit(id: "u", source: "Deleted %d files", target: "Видалено файли", state: "fuzzy")
        XCTAssertEqual(run([fuzzy]).map(\.check), [])
        let new = BilingualUnit(id: "n", source: "Prisoner exchange", target: "", state: "new")
        let found = run([new])
        XCTAssertEqual(found.map(\.check), ["untranslated"])
        XCTAssertEqual(found.first?.severity, .warning)
        for state in ["needs-translation", "needs-review-translation", "initial"] {
            XCTAssertEqual(run([BilingualUnit(id: "s", source: "Deleted %d files", target: "Видалено файли", state: state)]).map(\.check), [], state)
        }
        var all = CheckOptions()
        all.checkAllStates = true
        XCTAssertEqual(run([fuzzy], options: all).map(\.check), ["placeholder-mismatch"])
        let final = BilingualUnit(id: "u", source: "Deleted %d files", target: "Видалено файли", state: "translated")
        XCTAssertEqual(run([final]).map(\.check), ["placeholder-mismatch"])
    }

    // MARK: real defects stay found

    func testRealDefectsStayFound() {
        XCTAssertTrue(flagged("%s: %s", "%s: %і").contains("placeholder-mismatch"))
        XCTAssertTrue(flagged("bfd_mach_o_read_section_64", "bfd_mach_o_read_section_32").contains("number-mismatch"))
        XCTAssertTrue(flagged("IP2K specific command line options:", "Приклади параметрів IP2K:Прикладиs").contains("mixed-script"))
        XCTAssertTrue(flagged("[[:<:]]pBRE", "[[:<:]]pБФВ").contains("mixed-script"))
        XCTAssertTrue(
            flagged("0 = no error, 1 = warning, 16 = error value", "0 = немає помилки, 1 = попередження").contains("number-mismatch"))
    }
}
