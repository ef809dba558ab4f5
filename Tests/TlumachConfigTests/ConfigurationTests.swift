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

/// The settings every command shares and the key-by-key reader the check section uses.
final class SharedConfigurationTests: XCTestCase {
    private func file(_ text: String) -> ConfigurationFile { ConfigurationFile(path: "/p/.tlumach.yml", text: text) }

    func testGlossaryPathsInEveryAcceptedForm() throws {
        XCTAssertEqual(try file("glossaries: terms/\n").glossaryPaths(), ["terms/"])
        XCTAssertEqual(try file("glossaries: [a.yaml, b/]\n").glossaryPaths(), ["a.yaml", "b/"])
        XCTAssertEqual(try file("glossaries: {paths: [a.yaml]}\n").glossaryPaths(), ["a.yaml"])
        XCTAssertEqual(try file("glossary: a.tbx\n").glossaryPaths(), ["a.tbx"])
        XCTAssertNil(try file("normalize:\n  lang: uk\n").glossaryPaths())
        // A section's own key wins over the shared one; without it the shared one applies.
        let both = file("glossaries: [shared/]\ncheck:\n  glossaries: [own/]\n")
        XCTAssertEqual(try both.glossaryPaths(section: "check"), ["own/"])
        XCTAssertEqual(try both.glossaryPaths(), ["shared/"])
        XCTAssertEqual(try file("glossaries: [shared/]\ncheck:\n  strict: true\n").glossaryPaths(section: "check"), ["shared/"])
        XCTAssertEqual(file("x: 1").resolved(["a.yaml", "/abs/b.yaml"]), ["/p/a.yaml", "/abs/b.yaml"])
    }

    func testBadGlossaryValueNamesItsLine() {
        XCTAssertThrowsError(try file("check:\n  strict: true\nglossaries: {folder: x}\n").glossaryPaths()) { error in
            XCTAssertEqual((error as? InputError)?.line, 3)
        }
    }

    func testMisspeltSectionIsAnErrorAtItsLine() throws {
        XCTAssertNoThrow(try file("normalize:\n  lang: uk\ncheck:\n  strict: true\nsource-lang: en\n").validateTopLevel())
        XCTAssertThrowsError(try file("normalize:\n  lang: uk\nchek:\n  strict: true\n").validateTopLevel()) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.line, 3)
            XCTAssertEqual(input?.column, 1)
            XCTAssertTrue(input?.message.contains("chek") == true, "\(String(describing: input))")
        }
    }

    func testValuesReportUTF16ColumnsAfterCyrillic() throws {
        // libYAML counts scalars; the reader converts to UTF-16 columns like every other position in Tlumach:
        // the flag before the bad value is two scalars but four UTF-16 code units.
        let config = file("check: {ignore: [\"🇺🇦/**\"], strict: так}\n")
        let strict = try XCTUnwrap(try config.value("check")?["strict"])
        XCTAssertThrowsError(try strict.bool()) { error in
            let input = error as? InputError
            XCTAssertEqual(input?.line, 1)
            XCTAssertEqual(input?.column, 38)
        }
        XCTAssertEqual(try config.value("check")?["ignore"]?.strings(), ["🇺🇦/**"])
    }

    func testScalarsListsAndMappings() throws {
        let check = try XCTUnwrap(try file("check:\n  disable: punctuation\n  options: {a: 2.5, b: 3}\n").value("check"))
        XCTAssertEqual(try check["disable"]?.items().map { try $0.string() }, ["punctuation"])
        let options = try XCTUnwrap(check["options"])
        XCTAssertEqual(try options.entries().map { try $0.key.string() }, ["a", "b"])
        XCTAssertEqual(try options["b"]?.number(), 3)
        XCTAssertThrowsError(try check["disable"]?.entries())
        XCTAssertThrowsError(try options.string())
    }
}
