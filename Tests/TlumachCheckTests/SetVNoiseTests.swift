import TlumachCheck
import XCTest

/// False classes read in the blind sample of set V (gtk4, gstreamer plug-ins, seahorse-nautilus, wireplumber…;
/// docs/check-evaluation.md), each next to a true finding of the same shape that must stay found.
final class SetVNoiseTests: XCTestCase {
    /// seahorse-nautilus: "Imported %i key" → "Імпортовано %d ключ": %i prints what %d prints.
    func testPercentIIsPercentD() {
        XCTAssertEqual(defaultFindings("Imported %i key", "Імпортовано %d ключ"), [])
        XCTAssertEqual(defaultFindings("Imported %i key", "Імпортовано %s ключ"), ["placeholder-mismatch", "placeholder-mismatch"])
    }

    /// seahorse-nautilus: "War (.war)" kept as it is: a capitalised word the target keeps as written names a
    /// format, not the glossary's war.
    func testACapitalisedTermKeptAsWrittenIsAName() throws {
        XCTAssertEqual(try shippedGlossaryFindings("War (.war)", "War (.war)").filter { $0.severity != .info }.map(\.check), [])
        XCTAssertEqual(try shippedGlossaryFindings("War broke out.", "Почалася сутичка.").filter { $0.severity != .info }.map(\.check), ["term-missing"])
        XCTAssertEqual(try shippedGlossaryFindings("Kyiv was shelled.", "Kyiv обстріляли.").filter { $0.severity != .info }.map(\.check), ["term-missing"])
    }
}

/// False classes read in set W (geary, gajim, lollypop, guake, mypaint, MATE applets, media and system monitor,
/// caja-extensions; docs/check-evaluation.md).
final class SetWNoiseTests: XCTestCase {
    /// lollypop: "translator1, translator2, ..." → the translators' names and addresses: the credits.
    func testANumberedCreditsPlaceholder() {
        XCTAssertEqual(defaultFindings("translator1, translator2, ...", "Ihor Hordiichuk <igor_ck@outlook.com>\nstrixaluco"), [])
        XCTAssertEqual(defaultFindings("translators: see the list", "перекладачі: див. <a@b.org>"), ["url-mismatch"])
    }
}
