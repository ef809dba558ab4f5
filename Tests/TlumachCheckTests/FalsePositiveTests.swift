import TlumachCheck
import TlumachFormats
import TlumachTestSupport
import XCTest

/// The cases where peers flood Ukrainian with false positives: no check may report any of them.
final class FalsePositiveTests: XCTestCase {
    /// The shipped glossaries (glossaries/ at the package root), through the glossary module's matcher.
    static let shippedGlossary: (any TermFinder)? = {
        try? GlossaryTermFinder(paths: [TestFiles.shippedGlossaries.path])
    }()

    func findings(_ source: String, _ target: String, from: String = "en", to: String = "uk", terms: (any TermFinder)? = nil) -> [Finding] {
        let document = BilingualDocument(
            path: "t.po", format: .po, sourceLanguage: from, targetLanguage: to,
            units: [BilingualUnit(id: "u", source: source, target: target)])
        var settings = CheckSettings()
        settings.disabled = ["length-ratio"]  // one-word samples are not about length
        return CheckRunner(settings: settings, environment: ExampleRunner.environment(terms: terms)).run([document]).findings
    }

    /// Clean with the checks' example glossary and with the shipped glossaries.
    func assertClean(_ source: String, _ target: String, from: String = "en", to: String = "uk", file: StaticString = #filePath, line: UInt = #line) {
        let found = findings(source, target, from: from, to: to)
        XCTAssertTrue(found.isEmpty, "\(source) → \(target): \(found.map { "\($0.check): \($0.message)" })", file: file, line: line)
        guard let shipped = Self.shippedGlossary else { return XCTFail("the shipped glossaries do not load", file: file, line: line) }
        let withShipped = findings(source, target, from: from, to: to, terms: shipped)
        XCTAssertTrue(
            withShipped.isEmpty, "shipped glossary: \(source) → \(target): \(withShipped.map { "\($0.check): \($0.message)" })",
            file: file, line: line)
    }

    func testShippedGlossaryFindsInflectedTermsAndForbiddenOnes() throws {
        let shipped = try XCTUnwrap(Self.shippedGlossary)
        XCTAssertTrue(findings("Coordination Headquarters", "до Координаційного штабу", terms: shipped).isEmpty)
        XCTAssertEqual(findings("Київ", "Kiev", from: "uk", to: "en", terms: shipped).map(\.check), ["term-forbidden"])
        XCTAssertEqual(findings("цілі СВО", "the goals of the SVO", from: "uk", to: "en", terms: shipped).map(\.check), ["term-context"])
    }

    func testAbbreviations() {
        assertClean("NATO", "НАТО")
        assertClean("the so-called SVO", "так звана СВО")
        assertClean("NATO summit", "саміт НАТО")
        assertClean("The NATO summit opened.", "Саміт НАТО відкрився.")
    }

    func testDecimalsAndGrouping() {
        assertClean("2.5", "2,5")
        assertClean("The rate rose by 2.5%.", "Ставка зросла на 2,5 %.")
        assertClean("More than 2,500 defenders", "Понад 2 500 захисників")
        assertClean("More than 2,500 defenders", "Понад 2\u{A0}500 захисників")
        assertClean("More than 2,500 defenders", "Понад 2\u{202F}500 захисників")
        assertClean("1,234,567.89 hryvnias", "1 234 567,89 гривні")
        assertClean("2.5 million", "2,5 млн")
    }

    func testQuotes() {
        assertClean("He said: “We are ready.”", "Він сказав: «Ми готові».")
        assertClean("“Beautiful in its idiocy statement.”", "«Прекрасна у своєму ідіотизмі заява».")
        assertClean("He called the decision ‘final’.", "Він назвав рішення «остаточним».")
        assertClean("Він сказав: «Ми готові».", "He said: “We are ready.”", from: "uk", to: "en")
    }

    func testDates() {
        assertClean("On August 24, 2024, 115 defenders returned.", "24 серпня 2024 р. повернулися 115 захисників.")
        assertClean("On 24 August 2024", "24.08.2024")
        assertClean("Signed 8/24/2024", "Підписано 24.08.2024")
        assertClean("24–27 August", "24–27 серпня")
        assertClean("at 14:30", "о 14:30")
    }

    func testCommonWordsSharingAStemWithPlaceNames() {
        // сум (of sums) and Суми, рівні (level) and Рівне: inflected lower-case words are not misspelt names.
        assertClean("data checksum version", "версія контрольних сум даних")
        assertClean("on the third level", "на третьому рівні")
    }

    func testSeedArticleSentence() {
        assertClean(
            "Ukraine returned 42 more defenders and 2 civilians from captivity.",
            "Україна повернула з полону ще 42 захисників і двох цивільних.")
        assertClean("About 950 civilian hostages are still in captivity.", "Близько 950 цивільних заручників досі в полоні.")
    }

    func testRealErrorsAreStillFound() {
        XCTAssertEqual(findings("2.5", "25").map(\.check), ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(findings("More than 2,500 defenders", "Понад 2,5 захисників").map(\.check).first, "number-mismatch")
        XCTAssertEqual(findings("NATO summit", "самміт НАТО").map(\.check), ["term-forbidden"])
    }
}
