import TlumachCheck
import TlumachFormats
import XCTest

/// False classes read in the judged sample of set B (docs/check-evaluation.md, seed 11), each with its real example.
final class SetBNoiseTests: XCTestCase {
    func inconsistentTranslations(_ pairs: [(String, String)]) -> [String] {
        let units = pairs.enumerated().map { BilingualUnit(id: "\($0.offset)", source: $0.element.0, target: $0.element.1) }
        let document = BilingualDocument(path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: units)
        let findings = CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
        return findings.filter { $0.check == "inconsistent-translation" }.map(\.unit)
    }

    /// Sources that differ in case are different roles in a UI (a column name and a label, a title and a status):
    /// procps-ng SWAP/Swap, psql conninfo/Conninfo and increment/Increment, PackageKit "Installing Updates".
    func testSourcesDifferingInCaseAreDifferentMessages() {
        XCTAssertEqual(inconsistentTranslations([("SWAP", "SWAP"), ("Swap", "Своп")]), [])
        XCTAssertEqual(inconsistentTranslations([("Conninfo", "Conninfo"), ("conninfo", "інформація_підключення")]), [])
        XCTAssertEqual(inconsistentTranslations([("Installing Updates", "Встановлюємо оновлення"), ("Installing updates", "Встановлення оновлень")]), [])
        // The same source with two renderings stays found.
        XCTAssertEqual(inconsistentTranslations([("memory exhausted", "пам’ять вичерпано"), ("memory exhausted", "Оперативну пам'ять вичерпано")]).count, 1)
    }

    /// Targets that differ only in where the accelerator stands (GTK puts it inside a word): gtk20 _Remove/Remove,
    /// "_Save in folder:"/"Save in _folder:".
    func testTargetsDifferingOnlyInTheAcceleratorAreOneTranslation() {
        XCTAssertEqual(inconsistentTranslations([("Remove", "Видалити"), ("_Remove", "В_идалити")]), [])
        XCTAssertEqual(inconsistentTranslations([("Save in _folder:", "Зберегти у _теці:"), ("_Save in folder:", "З_берегти у теці:")]), [])
    }
}

extension SetBNoiseTests {
    func flagged(_ source: String, _ target: String) -> [String] {
        let document = BilingualDocument(
            path: "t.po", format: .po, sourceLanguage: "en", targetLanguage: "uk", units: [BilingualUnit(id: "u", source: source, target: target)])
        let findings = CheckRunner(settings: CheckSettings(), environment: ExampleRunner.environment(terms: nil)).run([document]).findings
        return findings.filter { $0.severity != .info }.map(\.check)
    }

    /// gnupg2 answer keys: the English letters kept beside the Ukrainian ones.
    func testAnswerKeysAreNotMixedScript() {
        XCTAssertEqual(flagged("oO", "oOгГ"), [])
        XCTAssertEqual(flagged("qQ", "qQвВ"), [])
        // A look-alike slip is still one: a Latin c before a Cyrillic С, a Latin o in a word.
        XCTAssertEqual(flagged("cC", "cС"), ["mixed-script"])
        XCTAssertEqual(flagged("press control-C", "натисніть сontrol-C"), ["mixed-script"])
    }
}

extension SetBNoiseTests {
    /// gtk20's locale settings: the translator sets a value, the key stays.
    func testLocaleSettingsAreNotTextToTranslate() {
        XCTAssertEqual(flagged("calendar:week_start:0", "calendar:week_start:1"), [])
        XCTAssertEqual(flagged("default:mm", "default:mm"), [])
        // Text with a colon is still text.
        XCTAssertEqual(flagged("Note: help", "Note: help"), ["untranslated"])
    }
}
