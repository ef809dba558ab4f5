import TlumachCheck
import TlumachFormats
import TlumachTestSupport
import XCTest

/// False classes read in the blind sample of set Z (KDE education and utilities: kgpg, elisa, kompare, cantor,
/// step, krusader…; onboard, gufw, tuxpaint; docs/check-evaluation.md, ninth round), each next to a true finding of
/// the same shape that must stay found.
final class SetZNoiseTests: XCTestCase {
    /// kgpg, elisa: a Ukrainian KDE catalog's fourth form serves exactly one (msgstr[3] "1 підпис"), so the digit
    /// is the count; in a form that serves 21 and 31 too, a digit 1 for the count is still wrong.
    func testTheFormForExactlyOneWritesTheDigit() {
        XCTAssertEqual(pluralForm(3, singular: "1 signature", plural: "%1 signatures", target: "1 підпис"), [])
        XCTAssertEqual(pluralForm(3, singular: "%1 track", plural: "%1 tracks", target: "1 композиція"), [])
        // The count's placeholder lost for a digit: one defect, reported where it is (the digit the target adds is
        // information beside it).
        XCTAssertEqual(pluralForm(0, singular: "%1 track", plural: "%1 tracks", target: "1 композиція"), ["placeholder-mismatch"])
        XCTAssertEqual(pluralForm(3, singular: "%1 track", plural: "%1 tracks", target: "2 композиції"), ["number-mismatch"])
    }

    /// step: a link to Wikipedia's article in the target's language, under its own title.
    func testTheSitesArticleInTheTargetsLanguage() {
        XCTAssertEqual(
            defaultFindings(
                "For more details, please refer to the <a href=\"https://en.wikipedia.org/wiki/Gravitation\">Gravitation Force</a>.",
                "Докладніше про тяжіння можна дізнатися з <a href=\"http://uk.wikipedia.org/wiki/Гравітація\">Вікіпедії</a>."), [])
        XCTAssertEqual(
            defaultFindings(
                "For more details, please refer to the <a href=\"https://en.wikipedia.org/wiki/Gravitation\">Gravitation Force</a>.",
                "Докладніше про тяжіння можна дізнатися з <a href=\"https://uk.wikibooks.org/wiki/Гравітація\">Вікіпедії</a>."),
            ["url-mismatch", "url-mismatch"])
    }

    /// cantor: rich text from a block tag to a block tag; the renderer drops the space after </div>.
    func testSpaceAfterTheLastBlockTag() {
        XCTAssertEqual(
            defaultFindings(
                "<h1>No Backend Found</h1>\n<div>You could try:\n  <ul>    <li>Changing the settings in the config dialog;</li>   %2   </ul> </div> ",
                "<h1>Не знайдено модулів.</h1>\n<div>Можете спробувати:\n <ul>    <li>змінити параметри у діалоговому вікні налаштування</li>   %2 </ul> </div>"), [])
        XCTAssertEqual(defaultFindings("<b>Name:</b> ", "<b>Назва:</b>"), ["whitespace"])
        XCTAssertEqual(defaultFindings("Assign score for skipped word : ", "Зміна рейтингу за пропущене слово:"), ["whitespace"])
    }
}
