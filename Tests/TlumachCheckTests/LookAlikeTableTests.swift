import TlumachCheck
import TlumachFormats
import XCTest

/// `mixed-script` reads the normaliser's look-alike table (TlumachText/Data/lookalikes.txt), which pairs ï/Ï with
/// the Ukrainian ї/Ї: those are letters of Ukrainian words, never look-alikes there.
final class LookAlikeTableTests: XCTestCase {
    func mixedScript(_ source: String, _ target: String, from: String = "en", to: String = "uk") -> [Finding] {
        let document = BilingualDocument(
            path: "t.po", format: .po, sourceLanguage: from, targetLanguage: to,
            units: [BilingualUnit(id: "u", source: source, target: target)])
        var settings = CheckSettings()
        settings.enabled = ["mixed-script"]
        return CheckRunner(settings: settings, environment: ExampleRunner.environment(terms: nil)).run([document]).findings
    }

    func testUkrainianYiIsNoLookAlike() {
        XCTAssertEqual(mixedScript("Kyiv and Yizhakivka", "Київ та Їжаківка").map(\.message), [])
    }

    func testLatinLetterInAUkrainianWordIsRepairedAroundYi() {
        let found = mixedScript("Kyiv", "Kиїв")
        XCTAssertEqual(found.map(\.check), ["mixed-script"])
        XCTAssertEqual(found.first?.suggestion, "Київ")
    }

    func testCyrillicYiInAnEnglishWordIsRepairedToLatin() {
        // The table's ï ↔ ї pair: the check's own table lacked it, so this word got no suggestion before.
        let found = mixedScript("наївний", "naїve", from: "uk", to: "en")
        XCTAssertEqual(found.map(\.check), ["mixed-script"])
        XCTAssertEqual(found.first?.suggestion, "naïve")
    }
}
