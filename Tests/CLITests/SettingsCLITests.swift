import Foundation
import TlumachTestSupport
import XCTest

/// Every command reads `.tlumach.yml` through the one settings layer: the same refusal, the same default glossary.
final class SettingsCLITests: XCTestCase {
    func testANewerSettingsVersionStopsEveryCommandWithTheSameLine() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        try "version: 2\nnormalize: {lang: en}\n".write(
            to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        try "Text.\n".write(to: directory.appendingPathComponent("a.txt"), atomically: true, encoding: .utf8)
        let line = ".tlumach.yml:1:10: settings version 2 is newer than this tlumach reads (1): upgrade tlumach\n"
        for arguments in [
            ["normalize", "a.txt"], ["check", "--source", "a.txt", "--target", "a.txt"], ["translit", "Київ"],
            ["lookup", "Kiev"], ["terms", "a.txt"], ["glossary", "stats"],
        ] {
            let result = try CLI.run(arguments, in: directory)
            XCTAssertEqual(result.status, 2, arguments.joined(separator: " "))
            // check names the file as it always has (relative), the others by its absolute path.
            let path = arguments[0] == "check" ? "" : directory.path + "/"
            XCTAssertEqual(result.stderr, "tlumach: " + path + line, arguments.joined(separator: " "))
            XCTAssertEqual(result.stdout, "", arguments.joined(separator: " "))
        }
    }

    /// Fuzzing (`scripts/fuzz.py --readers config`): a settings file given by --config whose glossary path was cut
    /// short made check say "tlumach: /wor: glossary not found": no settings file, no line.
    func testCheckNamesTheSettingsLineOfAMissingGlossary() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let config = directory.appendingPathComponent("damaged.yml")
        try "# Tlumach settings\nglossaries:\n  - /wor\ncheck:\n  disable: [whitespace]\n".write(
            to: config, atomically: true, encoding: .utf8)
        let result = try CLI.run(
            ["check", CLI.packageRoot.appendingPathComponent("examples/check/app.uk.po").path, "--config", config.path],
            in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "tlumach: \(config.path):3:5: glossary `/wor`: not found (no such file or folder)\n")
        // A folder without glossary files (the path cut to a folder): the same line, the reader's reason.
        let empty = directory.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        try "glossaries:\n  - \(empty.path)\n".write(to: config, atomically: true, encoding: .utf8)
        let folder = try CLI.run(
            ["check", CLI.packageRoot.appendingPathComponent("examples/check/app.uk.po").path, "--config", config.path],
            in: directory)
        XCTAssertEqual(folder.status, 2)
        XCTAssertEqual(folder.stderr,
            "tlumach: \(config.path):2:5: glossary `\(empty.path)`: no glossary files (.yaml, .yml, .tbx, .csv, .tsv) in this folder\n")
        let flag = try CLI.run(["check", "--source", "a", "--target", "b", "--glossary", "/nowhere.yaml"], in: directory)
        XCTAssertEqual(flag.status, 2)
    }

    func testTheGlossaryTheSettingsNameIsTheOneEveryCommandUses() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let terms = directory.appendingPathComponent("terms")
        try FileManager.default.createDirectory(at: terms, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("glossaries/news-war.yaml"),
            to: terms.appendingPathComponent("news-war.yaml"))
        try "glossaries: terms\n".write(to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        try "Kiev\n".write(to: directory.appendingPathComponent("en.txt"), atomically: true, encoding: .utf8)
        try "Київ\n".write(to: directory.appendingPathComponent("uk.txt"), atomically: true, encoding: .utf8)

        let lookup = try CLI.run(["lookup", "Kiev", "--format", "json"], in: directory)
        XCTAssertEqual(lookup.status, 0, lookup.stderr)
        XCTAssertTrue(lookup.stdout.contains("\"concept\":\"kyiv\""), lookup.stdout)
        let found = try CLI.run(["terms", "en.txt", "--format", "summary"], in: directory)
        XCTAssertEqual(found.stdout, "1\tkyiv\n", found.stderr)
        let check = try CLI.run(["check", "--source", "uk.txt", "--target", "en.txt", "--source-lang", "uk", "--target-lang", "en"], in: directory)
        XCTAssertTrue(check.stdout.contains("term-forbidden"), check.stdout + check.stderr)
        let stats = try CLI.run(["glossary", "stats", "--format", "json"], in: directory)
        XCTAssertTrue(stats.stdout.hasPrefix("{\"files\":1,"), stats.stdout + stats.stderr)
    }
}
