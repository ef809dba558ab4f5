import TlumachCheck
import TlumachFormats
import TlumachTestSupport
import XCTest

/// False classes read in the blind sample of set Q (KDE applications and darktable; docs/check-evaluation.md,
/// eighth round), each pinned with its real example next to a true finding of the same shape that must stay found.
final class SetQNoiseTests: XCTestCase {
    func flagged(_ source: String, _ target: String) -> [String] { defaultFindings(source, target) }

    /// gwenview: msgid "One image modified", msgid_plural "%1 images modified", msgstr[0] "Змінено %1 зображення":
    /// KDE's singular says "one" in words, and Ukrainian form 0 (1, 21, 31…) must print the count.
    func testAKDESingularSaysOneAndTheFormPrintsTheCount() {
        XCTAssertEqual(pluralForm(0, singular: "One image modified", plural: "%1 images modified", target: "Змінено %1 зображення"), [])
        XCTAssertEqual(pluralForm(0, singular: "1 track", plural: "%1 tracks", target: "%1 доріжка"), [])
        XCTAssertEqual(pluralForm(0, singular: "%1\n\nOne bookmark", plural: "%1\n\n%2 bookmarks", target: "%1\n\n%2 закладка"), [])
        // A placeholder the plural does not have either, or the count lost from a form that serves many: found.
        XCTAssertEqual(pluralForm(0, singular: "One image modified", plural: "%1 images modified", target: "Змінено %2 зображення"), ["placeholder-mismatch"])
        XCTAssertEqual(pluralForm(1, singular: "One image modified", plural: "%1 images modified", target: "Змінено зображення"), ["placeholder-mismatch"])
    }

    /// kdenlive: "Medium (%1x%2)" → "Середній (%1⨯%2)", "%1s" → "%1с", "(%2/%3fps)" → "(%2/%3 кд/с)": a Qt
    /// placeholder followed by a letter is not printf's %1x, %1s or %3f.
    func testAQtPlaceholderFollowedByALetter() {
        XCTAssertEqual(flagged("Medium (%1x%2)", "Середній (%1⨯%2)"), [])
        XCTAssertEqual(flagged("%1s", "%1с"), [])
        XCTAssertEqual(flagged("Playlist %1 has a different framerate (%2/%3fps), not supported.", "Список відтворення %1 має іншу частоту кадрів (%2/%3 кд/с), підтримки такого режиму не передбачено."), [])
        XCTAssertEqual(flagged("Medium (%1x%2)", "Середній (%1⨯)"), ["placeholder-mismatch"])
        XCTAssertEqual(flagged("Medium (%1x%2)", "Середній (%3⨯%2)"), ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// darktable: "exporting %d images.." → "експортування %d зображень...": the source's two dots are an
    /// ellipsis mistyped.
    func testTwoDotsAreAnEllipsis() {
        XCTAssertEqual(flagged("exporting %d images..", "експортування %d зображень..."), [])
        XCTAssertEqual(flagged("store new preset..", "зберегти новий пресет…"), [])
        XCTAssertEqual(flagged("exporting %d images.", "експортування %d зображень..."), ["punctuation"])
    }

    /// darktable: "maximum delta E" → "максимальна ΔE*": Greek letters that are not Latin look-alikes beside
    /// Latin ones are notation (ΔE, λmax), not a slip.
    func testGreekNotationBesideLatin() {
        XCTAssertEqual(flagged("maximum delta E", "максимальна ΔE*"), [])
        XCTAssertEqual(flagged("wavelength lambda max", "довжина хвилі λmax"), [])
        XCTAssertEqual(flagged("Apple", "\u{391}pple"), ["mixed-script"])
    }

    /// kdenlive: msgid "EMAIL OF TRANSLATORS" (older KDE catalogs write the credits' key as the msgid itself).
    func testKDECreditsKeyAsTheSource() {
        XCTAssertEqual(flagged("EMAIL OF TRANSLATORS", "yurchor@ukr.net"), [])
        XCTAssertEqual(flagged("NAME OF TRANSLATORS", "Юрій Чорноіван"), [])
        XCTAssertEqual(flagged("Email of the maintainers", "yurchor@ukr.net"), ["url-mismatch"])
    }
}

/// What the two-dots rule of set Q dropped or added elsewhere, read one by one (wget, mate-utils).
final class SetQTwoDotsTests: XCTestCase {
    /// "etc.." is an abbreviation and a full stop; "PREFIX/.." a parent folder: full stops when the target
    /// ends with one, or with the same two dots.
    func testTwoDotsThatAreNoEllipsis() {
        XCTAssertEqual(defaultFindings("such as file size, folder exclusion, etc..", "зокрема розмір файлу, виключати певні теки."), [])
        XCTAssertEqual(defaultFindings("  -P,  --directory-prefix=PREFIX   save files to PREFIX/..\n", "  -P,  --directory-prefix=PREFIX   зберігати файли в PREFIX/..\n"), [])
    }
}
