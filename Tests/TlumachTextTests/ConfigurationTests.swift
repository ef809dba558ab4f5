import TlumachConfig
import TlumachCore
import XCTest

@testable import TlumachText

final class ConfigurationTests: XCTestCase {
    private func file(_ text: String) -> ConfigurationFile { ConfigurationFile(path: "/p/.tlumach.yml", text: text) }

    func testDecodesNormalizeSection() throws {
        let config = file(
            """
            # project settings
            normalize:
              lang: en
              apostrophe: "ʼ"
              englishDash: spaced
              disable: [dashes, quotes]
            check:
              anything: goes
            """)
        let settings = try XCTUnwrap(try config.section("normalize", as: NormalizeSettings.self, allowedKeys: NormalizeSettings.keys))
        XCTAssertEqual(settings, NormalizeSettings(lang: .en, apostrophe: .modifierLetterApostrophe, englishDash: .spaced, disable: ["dashes", "quotes"]))
        let options = try settings.options()
        XCTAssertEqual(options.language, .en)
        XCTAssertEqual(options.disabled, [.dashes, .quotes])
        XCTAssertEqual(try config.sectionNames(), ["normalize", "check"])
        XCTAssertNil(try config.section("glossaries", as: NormalizeSettings.self))
    }

    func testFlagsWin() {
        let fromFile = NormalizeSettings(lang: .en, apostrophe: .modifierLetterApostrophe, disable: ["dashes"])
        let merged = fromFile.merged(with: NormalizeSettings(lang: .uk, disable: []))
        XCTAssertEqual(merged, NormalizeSettings(lang: .uk, apostrophe: .modifierLetterApostrophe, disable: []))
    }

    func testBadValueNamesLineAndColumn() {
        let config = file("normalize:\n  lang: de\n")
        XCTAssertThrowsError(try config.section("normalize", as: NormalizeSettings.self)) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.path, "/p/.tlumach.yml")
            XCTAssertEqual(input?.line, 2)
            XCTAssertEqual(input?.column, 9)
            XCTAssertTrue(input?.message.contains("normalize.lang") == true, "\(String(describing: input))")
        }
    }

    func testUnknownKeyIsATypo() {
        let config = file("normalize:\n  disabel: [dashes]\n")
        XCTAssertThrowsError(try config.section("normalize", as: NormalizeSettings.self, allowedKeys: NormalizeSettings.keys)) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.line, 2)
            XCTAssertEqual(input?.column, 3)
            XCTAssertTrue(input?.message.contains("disabel") == true)
        }
    }

    func testYAMLSyntaxErrorNamesPosition() {
        let config = file("normalize:\n  lang: [uk\n")
        XCTAssertThrowsError(try config.section("normalize", as: NormalizeSettings.self)) { error in
            let input = error as? InputError
            XCTAssertNotNil(input?.line)
            XCTAssertTrue(input?.message.hasPrefix("invalid YAML") == true, "\(String(describing: input))")
        }
    }

    func testUnknownRuleName() {
        XCTAssertThrowsError(try NormalizeSettings(disable: ["dashez"]).options()) { error in
            XCTAssertTrue(String(describing: error).contains("dashez"))
            XCTAssertTrue(String(describing: error).contains("look-alikes"))
        }
    }

    func testFindsFileInDirectoryOrReturnsNil() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        XCTAssertNil(try ConfigurationFile.load(directory: directory.path))
        try "normalize:\n  lang: ru\n".write(to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let config = try XCTUnwrap(try ConfigurationFile.load(directory: directory.path))
        XCTAssertEqual(try config.section("normalize", as: NormalizeSettings.self)?.lang, .ru)
        XCTAssertThrowsError(try ConfigurationFile.load(path: directory.appendingPathComponent("missing.yml").path))
    }
}
