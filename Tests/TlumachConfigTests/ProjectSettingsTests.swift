import TlumachConfig
import TlumachCore
import XCTest

@testable import TlumachText

/// The settings layer: one reader of `.tlumach.yml`, its version, its sections, and the defaults every command
/// shares (glossaries, profiles, languages, memory store, server).
final class ProjectSettingsTests: XCTestCase {
    private func settings(_ text: String, directory: String = "/p") throws -> ProjectSettings {
        try ProjectSettings(file: ConfigurationFile(path: "/p/.tlumach.yml", text: text), directory: directory)
    }

    /// A glossary the settings name that does not exist is reported at the settings line naming it (fuzzing: a
    /// damaged `.tlumach.yml` gave "tlumach: /wor: glossary not found", no settings file, no line).
    func testMissingGlossaryIsReportedAtTheSettingsLineNamingIt() throws {
        let project = try settings("normalize: {lang: uk}\nglossaries:\n  - g/a.yaml\n  - /wor\ncheck:\n  glossaries: [ci.yaml]\n")
        let top = project.glossaryNotFound("/wor")
        XCTAssertEqual(top.path, "/p/.tlumach.yml")
        XCTAssertEqual(top.line, 4)
        XCTAssertTrue("\(top)".contains("`/wor`: not found"), "\(top)")
        XCTAssertEqual(project.glossaryNotFound("/p/g/a.yaml").line, 3)
        XCTAssertEqual(project.glossaryNotFound("/p/ci.yaml", section: "check").line, 6)
        // A path the settings do not name (given on the command line) is named alone, as before.
        let other = project.glossaryNotFound("elsewhere.yaml")
        XCTAssertEqual(other.path, "elsewhere.yaml")
        XCTAssertNil(other.line)
        XCTAssertEqual(ProjectSettings(directory: "/p").glossaryNotFound("x.yaml").path, "x.yaml")
    }

    private func message(_ text: String) -> String? {
        do {
            _ = try settings(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    func testVersionAbsentOrOneIsReadAndANewerOneIsRefusedInOneLineNamingTheFile() throws {
        XCTAssertEqual(try settings("normalize: {lang: en}\n").file?.version(), 1)
        XCTAssertEqual(try settings("version: 1\nnormalize: {lang: en}\n").file?.version(), 1)
        XCTAssertEqual(
            message("# settings\nversion: 2\nnormalize: {lang: en}\n"),
            "/p/.tlumach.yml:2:10: settings version 2 is newer than this tlumach reads (1): upgrade tlumach")
        XCTAssertEqual(message("version: two\n"), "/p/.tlumach.yml:1:10: version: expected a whole number from 1, found 'two'")
        XCTAssertEqual(message("version: 0\n"), "/p/.tlumach.yml:1:10: version: expected a whole number from 1, found '0'")
        // Loading from disk refuses it too, before any command reads a section.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "version: 3\n".write(to: folder.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ProjectSettings.load(directory: folder.path)) { error in
            XCTAssertTrue("\(error)".hasSuffix(".tlumach.yml:1:10: settings version 3 is newer than this tlumach reads (1): upgrade tlumach"), "\(error)")
            XCTAssertFalse("\(error)".contains("\n"))
        }
    }

    func testUnknownKeysAreNamedAtTheirLine() {
        XCTAssertEqual(
            message("tm: a.tmdb\nserv:\n  port: 80\n"),
            "/p/.tlumach.yml:2:1: unknown section 'serv' (known: check, glossaries, glossary, normalize, serve, source-lang, target-lang, tm, translit, version)")
        XCTAssertEqual(
            message("serve:\n  host: 0.0.0.0\n  prot: 80\n"),
            "/p/.tlumach.yml:3:3: unknown key 'prot' in section 'serve' (known: allow-anonymous-read, body-limit, host, port)")
    }

    func testSectionDecodeErrorsCarryTheLine() {
        XCTAssertEqual(
            message("serve:\n  host: localhost\n  port: 70000\n"),
            "/p/.tlumach.yml:3:9: serve.port: a port is a number from 1 to 65535, not 70000")
        XCTAssertEqual(message("serve:\n  body-limit: -1\n"), "/p/.tlumach.yml:2:15: serve.body-limit: body-limit is a positive number of bytes, not -1")
        XCTAssertEqual(message("serve:\n  allow-anonymous-read: [yes]\n"), "/p/.tlumach.yml:2:25: serve.allow-anonymous-read: expected a single value, found a list")
        XCTAssertEqual(message("tm: [a, b]\n"), "/p/.tlumach.yml:1:5: tm: expected a single value, found a list")
        XCTAssertEqual(message("glossaries: {profiles: house-style}\nsource-lang: [uk]\n"), "/p/.tlumach.yml:2:14: source-lang: expected a single value, found a list")
    }

    func testMemoryStoreServerAndLanguagesAreDecoded() throws {
        let loaded = try settings(
            """
            version: 1
            source-lang: en
            target-lang: uk
            tm: postgres://tlumach@db:5432/tm?schema=news
            serve:
              host: 127.0.0.1
              port: 8080
              body-limit: 52428800
              allow-anonymous-read: false
            """)
        XCTAssertEqual(loaded.memoryStore, "postgres://tlumach@db:5432/tm?schema=news")
        XCTAssertEqual(loaded.serve, ServeSettings(host: "127.0.0.1", port: 8080, bodyLimit: 52_428_800, allowAnonymousRead: false))
        XCTAssertEqual(loaded.sourceLanguage, "en")
        XCTAssertEqual(loaded.targetLanguage, "uk")
        let empty = ProjectSettings()
        XCTAssertNil(empty.memoryStore)
        XCTAssertEqual(empty.serve, ServeSettings())
        XCTAssertEqual(empty.glossaryProfiles, [])
    }

    func testASectionsOwnLanguagesWinOverTheTopLevelOnes() throws {
        let loaded = try settings("source-lang: en\ntarget-lang: uk\ncheck:\n  target-lang: ru\n")
        XCTAssertEqual(try loaded.languages(section: "check").source, "en")
        XCTAssertEqual(try loaded.languages(section: "check").target, "ru")
        XCTAssertEqual(try loaded.languages(section: "normalize").target, "uk")
        XCTAssertNil(try ProjectSettings().languages(section: "check").source)
        XCTAssertThrowsError(try settings("check:\n  source-lang: [a]\n").languages(section: "check"))
    }

    func testBaselineRootIsTheSettingsFolderElseTheRepositoryElseTheProjectFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("root-\(UUID().uuidString)")
        let inner = folder.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: inner, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertEqual(try settings("check: {}\n", directory: inner.path).baselineRoot, "/p")
        // No repository above a fresh temporary folder: the project's own folder.
        XCTAssertEqual(ProjectSettings(directory: inner.path).baselineRoot, inner.path)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        XCTAssertEqual(
            ProjectSettings(directory: inner.path).baselineRoot,
            folder.standardizedFileURL.path)
    }

    func testGlossaryDefaultsAreResolvedInOnePlace() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("settings-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let config = folder.appendingPathComponent(".tlumach.yml")

        // Nothing at all: no default; commands that need one say so, align goes without.
        var project = try ProjectSettings.load(directory: folder.path)
        XCTAssertNil(project.file)
        XCTAssertNil(try project.glossaryPaths())
        XCTAssertThrowsError(try project.requiredGlossaryPaths()) { XCTAssertTrue("\($0)".contains("no glossary"), "\($0)") }
        XCTAssertNil(try project.anchorGlossaryPaths(explicit: [], disabled: false))

        // A glossaries/ folder.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("glossaries"), withIntermediateDirectories: true)
        project = try ProjectSettings.load(directory: folder.path)
        XCTAssertEqual(try project.glossaryPaths(), [folder.appendingPathComponent("glossaries").path])
        XCTAssertEqual(try project.anchorGlossaryPaths(explicit: [], disabled: false), [folder.appendingPathComponent("glossaries").path])
        XCTAssertEqual(try project.anchorGlossaryPaths(explicit: ["x.yaml"], disabled: false), ["x.yaml"])
        XCTAssertNil(try project.anchorGlossaryPaths(explicit: ["x.yaml"], disabled: true))

        // The settings file wins over the folder; a section's own list wins over the top level for that section;
        // paths are relative to the file; profiles come from the top level.
        try "glossaries: {paths: [terms, /abs/g.yaml], profiles: [house-style]}\ncheck:\n  glossaries: ci.yaml\n"
            .write(to: config, atomically: true, encoding: .utf8)
        project = try ProjectSettings.load(directory: folder.path)
        XCTAssertEqual(try project.glossaryPaths(), [folder.appendingPathComponent("terms").path, "/abs/g.yaml"])
        XCTAssertEqual(try project.glossaryPaths(section: "check"), [folder.appendingPathComponent("ci.yaml").path])
        XCTAssertEqual(try project.glossaryPaths(section: "normalize"), try project.glossaryPaths())
        XCTAssertEqual(project.glossaryProfiles, ["house-style"])

        // A settings file that names no glossary, and no folder: align's anchors are the "no glossary" error (as
        // before the settings layer).
        try FileManager.default.removeItem(at: folder.appendingPathComponent("glossaries"))
        try "source-lang: uk\n".write(to: config, atomically: true, encoding: .utf8)
        project = try ProjectSettings.load(directory: folder.path)
        XCTAssertThrowsError(try project.anchorGlossaryPaths(explicit: [], disabled: false))

        // An explicit settings file must exist.
        XCTAssertThrowsError(try ProjectSettings.load(configPath: folder.appendingPathComponent("missing.yml").path)) {
            XCTAssertTrue("\($0)".hasSuffix("missing.yml: configuration file not found"), "\($0)")
        }
    }

    func testNormalizeSectionMergesWithFlagsAndNamesTheFileLineOfABadRule() throws {
        let file = ConfigurationFile(path: "/p/.tlumach.yml", text: "normalize:\n  lang: en\n  disable:\n    - quotes\n    - dashs\n")
        XCTAssertThrowsError(try NormalizeSettings.options(file: file, flags: NormalizeSettings())) { error in
            XCTAssertTrue("\(error)".hasPrefix("/p/.tlumach.yml:5:7: normalize.disable: unknown rule 'dashs'"), "\(error)")
        }
        // The flags' list replaces the file's, so the bad name no longer counts.
        let options = try NormalizeSettings.options(file: file, flags: NormalizeSettings(disable: ["dashes"]))
        XCTAssertEqual(options.language, .en)
        XCTAssertEqual(options.disabled, [.dashes])
        XCTAssertNil(try NormalizeSettings.configured(in: nil))
    }
}

final class DocumentLanguageTests: XCTestCase {
    /// The one detector behind `terms --lang auto`, a check file without language tags and `check --align`.
    func testDocumentLanguageAlwaysAnswers() {
        XCTAssertEqual(LanguageDetector.documentLanguage("Це українська мова, її ґанок"), .uk)
        XCTAssertEqual(LanguageDetector.documentLanguage("Это русский язык, съешь ещё"), .ru)
        XCTAssertEqual(LanguageDetector.documentLanguage("This is English with Київ"), .en)
        // Cyrillic without deciding letters is Ukrainian; no letters at all is English; a tie goes to Cyrillic.
        XCTAssertEqual(LanguageDetector.documentLanguage("Добрий ранок"), .uk)
        XCTAssertEqual(LanguageDetector.documentLanguage("123 — 456"), .en)
        XCTAssertEqual(LanguageDetector.documentLanguage("ab вд"), .uk)
        // Only the start counts.
        XCTAssertEqual(LanguageDetector.documentLanguage("Добрий" + String(repeating: "a", count: 50), limit: 6), .uk)
    }
}
