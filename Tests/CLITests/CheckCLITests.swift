import Foundation
import TlumachTestSupport
import XCTest

final class CheckCLITests: XCTestCase {
    func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func testShippedXLIFFExampleFindsTheDeliberateProblems() throws {
        let result = try CLI.run(["check", "examples/check/article.xlf", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        let checks = Set(findings.compactMap { $0["check"] as? String })
        for expected in ["number-mismatch", "transliteration", "punctuation", "mixed-script"] {
            XCTAssertTrue(checks.contains(expected), "\(expected) not in \(checks)")
        }
        // Nothing reported on the paragraphs that are right (1: dates; 3's quotes; 4: 2,5 тис. ≡ 2,500).
        let units = findings.compactMap { $0["unit"] as? String }
        XCTAssertFalse(units.contains("p1"), "\(findings)")
        XCTAssertFalse(findings.contains { ($0["check"] as? String) == "number-mismatch" && ($0["unit"] as? String) == "p4" })
        // Findings read top to bottom, left to right: the word-level ones (SVO at 26:98) after the unit-level ones.
        let positions = findings.map { [($0["line"] as? Int) ?? 0, ($0["column"] as? Int) ?? 0] }
        XCTAssertEqual(positions, positions.sorted { $0.lexicographicallyPrecedes($1) }, "\(positions)")
        XCTAssertTrue(positions.contains([26, 98]), "\(positions)")
    }

    /// `check` keeps the parsed glossaries in the per-user cache as `terms` does (it parsed the shipped YAML on
    /// every run), and a run from the cache reports what a run that parsed reports.
    func testCheckKeepsParsedGlossariesInTheCache() throws {
        let cache = try CLI.temporaryDirectory(for: self).appendingPathComponent("cache")
        let arguments = ["check", "examples/check/article.xlf", "--format", "json"]
        let first = try CLI.run(arguments, environment: ["TLUMACH_CACHE_DIR": cache.path])
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        XCTAssertFalse(entries.isEmpty, "no cache entry written")
        let second = try CLI.run(arguments, environment: ["TLUMACH_CACHE_DIR": cache.path])
        let uncached = try CLI.run(arguments, environment: ["TLUMACH_CACHE_DIR": ""])
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(second.stdout, first.stdout)
        XCTAssertEqual(uncached.stdout, first.stdout)
    }

    func testTextPairAndTextFormat() throws {
        let result = try CLI.run([
            "check", "--source", "examples/check/article.uk.txt", "--target", "examples/check/article.en.txt",
            "--source-lang", "uk", "--target-lang", "en",
        ])
        XCTAssertEqual(result.status, 1)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertTrue(lines.contains { $0.hasPrefix("examples/check/article.en.txt:3:1: error: ") && $0.hasSuffix("[number-mismatch]") }, result.stdout)
        XCTAssertTrue(lines.last?.contains("errors") == true)
    }

    func testTextPairAlignedBySentence() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let source = try write("Обмін відбувся вчора. Повернулися 95 захисників.\n\nРодини чекали.\n", "a.uk.txt", in: directory)
        // The translation merges the first paragraph's sentences differently and changes a number.
        let target = try write("The exchange took place yesterday. In all, 59 defenders returned.\n\nFamilies waited.\n", "a.en.txt", in: directory)
        let result = try CLI.run(["check", "--align", "--source", source, "--target", target, "--no-glossary", "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stdout + result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
        XCTAssertEqual(findings.compactMap { $0["check"] as? String }, ["number-mismatch", "number-mismatch"])
        XCTAssertEqual(findings.first?["unit"] as? String, "s2 ↔ t2")
        // The unit starts at its sentence (column 36 of line 1); the added 59 is pointed at where it stands.
        XCTAssertEqual(findings.map { [$0["line"] as? Int ?? 0, $0["column"] as? Int ?? 0] }, [[1, 36], [1, 44]])
    }

    /// A CMS export: one paragraph a line, no blank line. As many lines pair line by line; a different count stays
    /// one unit, and the note says how to pair it.
    func testTextsOfOneParagraphALine() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let source = try write("Обмін відбувся вчора.\nПовернулися 95 захисників.\n", "a.uk.txt", in: directory)
        let target = try write("The exchange took place yesterday.\nIn all, 59 defenders returned.\n", "a.en.txt", in: directory)
        let paired = try CLI.run(["check", "--source", source, "--target", target, "--no-glossary", "--format", "json"])
        XCTAssertEqual(paired.status, 1, paired.stdout + paired.stderr)
        XCTAssertTrue(paired.stdout.contains("\"units\": 2"), paired.stdout)
        XCTAssertFalse(paired.stderr.contains("--align"), paired.stderr)
        let longer = try write("The exchange took place\nyesterday.\nIn all, 59 defenders returned.\n", "b.en.txt", in: directory)
        let one = try CLI.run(["check", "--source", source, "--target", longer, "--no-glossary", "--format", "json"])
        XCTAssertTrue(one.stdout.contains("\"units\": 1"), one.stdout)
        XCTAssertTrue(one.stderr.contains("not as many lines: checked as one paragraph (--align pairs them"), one.stderr)
    }

    func testLanguagesAreDetectedWhenNothingNamesThem() throws {
        let result = try CLI.run(["check", "--source", "examples/check/article.uk.txt", "--target", "examples/check/article.en.txt"])
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.stdout.contains("[term-forbidden]"), result.stdout)  // Kiev: an English target
    }

    func testExitCodesWarningsStrictAndClean() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let clean = try write("msgid \"\"\nmsgstr \"\"\n\"Language: uk\\n\"\n\nmsgid \"2.5 points\"\nmsgstr \"2,5 бала\"\n", "clean.po", in: directory)
        let cleanRun = try CLI.run(["check", clean, "--no-glossary"])
        XCTAssertEqual(cleanRun.status, 0, cleanRun.stdout + cleanRun.stderr)
        XCTAssertTrue(cleanRun.stdout.contains("0 errors, 0 warnings in 1 file (1 unit)"))
        let warning = try write("msgid \"Ready.\"\nmsgstr \"Готово\"\n", "warn.po", in: directory)
        XCTAssertEqual(try CLI.run(["check", warning, "--no-glossary"]).status, 0)
        XCTAssertEqual(try CLI.run(["check", warning, "--no-glossary", "--strict"]).status, 1)
        let error = try write("msgid \"2.5 points\"\nmsgstr \"25 балів\"\n", "error.po", in: directory)
        XCTAssertEqual(try CLI.run(["check", error, "--no-glossary"]).status, 1)
        XCTAssertEqual(try CLI.run(["check", error, "--no-glossary", "--disable", "number-mismatch"]).status, 0)
    }

    func testUnreadableInputIsExitTwoNamingFileAndLine() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let truncated = try write("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"c\"\n", "cut.po", in: directory)
        let result = try CLI.run(["check", truncated])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cut.po:4"), result.stderr)
        let hostile = try write(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>&xxe;</source><target>a</target></trans-unit></body></file></xliff>\n",
            "evil.xlf", in: directory)
        let refused = try CLI.run(["check", hostile])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("evil.xlf:2"), refused.stderr)
        XCTAssertFalse(refused.stdout.contains("root:"))
        let truncatedXML = try write("<xliff version=\"1.2\"><file><body><trans-unit id=\"1\"><source>a</source>", "cut.xlf", in: directory)
        XCTAssertEqual(try CLI.run(["check", truncatedXML]).status, 2)
        XCTAssertEqual(try CLI.run(["check", directory.appendingPathComponent("missing.po").path]).status, 2)
        XCTAssertEqual(try CLI.run(["check"]).status, 2)
        let badUTF8 = directory.appendingPathComponent("bad.po")
        try Data([0x6D, 0x73, 0x67, 0x69, 0x64, 0x20, 0x22, 0xFF, 0x22, 0x0A]).write(to: badUTF8)
        let invalid = try CLI.run(["check", badUTF8.path])
        XCTAssertEqual(invalid.status, 2)
        XCTAssertTrue(invalid.stderr.contains("byte 7"), invalid.stderr)
    }

    func testConfigurationFileAndItsErrors() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        _ = try write("msgid \"2.5 points\"\nmsgstr \"25 балів\"\n", "a.po", in: directory)
        _ = try write("check:\n  source-lang: en\n  target-lang: uk\n  include: [\"*.po\"]\n  severity: {number-mismatch: warning}\n", ".tlumach.yml", in: directory)
        let run = try CLI.run(["check"], in: directory)
        XCTAssertEqual(run.status, 0, run.stdout + run.stderr)
        XCTAssertTrue(run.stdout.contains("a.po:2:8: warning:"), run.stdout)
        _ = try write("check:\n  severity:\n    number-mismatch: loud\n", ".tlumach.yml", in: directory)
        let bad = try CLI.run(["check", "a.po"], in: directory)
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains(".tlumach.yml:3:"), bad.stderr)
        // One reader for the whole file: a misspelt section fails every command at its line, and the shared
        // glossaries key is read the same way by check and by terms.
        _ = try write("glossaries: [terms.csv]\nchek:\n  strict: true\n", ".tlumach.yml", in: directory)
        for arguments in [["check", "a.po"], ["terms", "a.po"], ["normalize", "--check", "a.po"]] {
            let typo = try CLI.run(arguments, in: directory)
            XCTAssertEqual(typo.status, 2, "\(arguments): \(typo.stderr)")
            XCTAssertTrue(typo.stderr.contains(".tlumach.yml:2:1:"), "\(arguments): \(typo.stderr)")
        }
        _ = try write("en,uk\npoints,балів\n", "terms.csv", in: directory)
        _ = try write("glossaries: [terms.csv]\n", ".tlumach.yml", in: directory)
        let terms = try CLI.run(["terms", "a.po", "--format", "json"], in: directory)
        XCTAssertEqual(terms.status, 0, terms.stderr)
        XCTAssertTrue(terms.stdout.contains("\"concept\":\"row2\""), terms.stdout)
        _ = try write("msgid \"Ten points\"\nmsgstr \"Десять очок\"\n", "b.po", in: directory)
        let withTerms = try CLI.run(["check", "b.po", "--source-lang", "en", "--target-lang", "uk", "--format", "json"], in: directory)
        XCTAssertTrue(withTerms.stdout.contains("expected “балів”"), withTerms.stdout)
    }

    func testTMX() throws {
        let result = try CLI.run(["check", "examples/memory/newsroom.tmx", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stdout + result.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(object["summary"] as? [String: Any])
        XCTAssertEqual(summary["errors"] as? Int, 0)
        XCTAssertGreaterThan(summary["units"] as? Int ?? 0, 5)
        let directory = try CLI.temporaryDirectory(for: self)
        let broken = try write(
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>2.5</seg></tuv><tuv xml:lang=\"uk\"><seg>25</seg></tuv></tu>",
            "cut.tmx", in: directory)
        XCTAssertEqual(try CLI.run(["check", broken]).status, 2)
        let wrong = try write(
            "<tmx version=\"1.4\"><header srclang=\"en\"/><body><tu tuid=\"1\"><tuv xml:lang=\"en\"><seg>2.5 points</seg></tuv><tuv xml:lang=\"uk\"><seg>25 балів</seg></tuv></tu></body></tmx>",
            "wrong.tmx", in: directory)
        let found = try CLI.run(["check", wrong, "--no-glossary"])
        XCTAssertEqual(found.status, 1)
        XCTAssertTrue(found.stdout.contains("wrong.tmx:1:"), found.stdout)
    }

    func testFoldersAreWalkedForTranslationFiles() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("po/sub"), withIntermediateDirectories: true)
        _ = try write("msgid \"2.5 points\"\nmsgstr \"25 балів\"\n", "po/sub/a.po", in: directory)
        _ = try write("name\tvalue\nx\t1\n", "po/data.tsv", in: directory)  // not bilingual: skipped in folders
        let result = try CLI.run(["check", "po", "--source-lang", "en", "--target-lang", "uk", "--no-glossary"], in: directory)
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("po/sub/a.po:2:8: error: "), result.stdout)
        XCTAssertEqual(try CLI.run(["check", "po/data.tsv"], in: directory).status, 2)
    }

    func testBaselineRoundTripThroughTheCLI() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let po = try write("msgid \"2.5 points\"\nmsgstr \"25 балів\"\n", "a.po", in: directory)
        let baseline = directory.appendingPathComponent("baseline.json").path
        let written = try CLI.run(["check", po, "--no-glossary", "--write-baseline", baseline])
        XCTAssertEqual(written.status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: baseline))
        // Lines move: the finding is still known.
        try "msgid \"Hello\"\nmsgstr \"Привіт\"\n\nmsgid \"2.5 points\"\nmsgstr \"25 балів\"\n".write(toFile: po, atomically: true, encoding: .utf8)
        let again = try CLI.run(["check", po, "--no-glossary", "--baseline", baseline])
        XCTAssertEqual(again.status, 0, again.stdout)
        XCTAssertTrue(again.stdout.contains("2 suppressed"), again.stdout)
    }

    func testGitHubFormatChosenByEnvironmentAndOtherFormats() throws {
        let github = try CLI.run(["check", "examples/check/app.uk.po", "--source-lang", "en"], environment: ["GITHUB_ACTIONS": "true"])
        XCTAssertEqual(github.status, 1)
        XCTAssertTrue(github.stdout.hasPrefix("::error file=examples/check/app.uk.po,line="), github.stdout)
        XCTAssertTrue(github.stdout.contains("tlumach check: "))
        let sarif = try CLI.run(["check", "examples/check/app.uk.po", "--source-lang", "en", "--format", "sarif"])
        let object = try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["version"] as? String, "2.1.0")
        let junit = try CLI.run(["check", "examples/check/app.uk.po", "--source-lang", "en", "--format", "junit"])
        XCTAssertTrue(junit.stdout.hasPrefix("<?xml"))
        XCTAssertEqual(try CLI.run(["check", "examples/check/app.uk.po", "--format", "yaml"]).status, 2)
    }

    func testListChecksAndDocs() throws {
        let list = try CLI.run(["check", "--list-checks"])
        XCTAssertEqual(list.status, 0)
        XCTAssertEqual(list.stdout.split(separator: "\n").count, 17)
        let markdown = try CLI.run(["check", "--list-checks", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("# `term-missing`"))
        let json = try CLI.run(["check", "--list-checks", "--format", "json"])
        XCTAssertNotNil(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)))
        let directory = try CLI.temporaryDirectory(for: self)
        XCTAssertEqual(try CLI.run(["check", "--write-docs", directory.path]).status, 0)
        XCTAssertTrue(FileManager.default.fileExists(atPath: directory.appendingPathComponent("number-mismatch.md").path))
    }
}
