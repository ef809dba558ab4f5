import Foundation
import TlumachTestSupport
import XCTest

final class GlossaryCLITests: XCTestCase {
    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], text)
    }

    func testLookupJSONContract() throws {
        let result = try CLI.run(["lookup", "Києва", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try json(result.stdout)
        XCTAssertEqual(object["query"] as? String, "Києва")
        let results = try XCTUnwrap(object["results"] as? [[String: Any]])
        let first = try XCTUnwrap(results.first)
        XCTAssertEqual(first["concept"] as? String, "kyiv")
        XCTAssertEqual(first["match"] as? String, "inflection")
        XCTAssertEqual(first["score"] as? Int, 90)
        let terms = try XCTUnwrap(first["terms"] as? [String: [[String: String]]])
        XCTAssertEqual(terms["uk"]?.first?["text"], "Київ")
        XCTAssertEqual(terms["en"]?.map { $0["text"] ?? "" }, ["Kyiv", "Kiev"])
        XCTAssertEqual(terms["en"]?.last?["status"], "forbidden")
        XCTAssertEqual(terms["en"]?.first?["type"], "properNoun")
    }

    func testLookupTextMarksDoNotUseTerms() throws {
        let result = try CLI.run(["lookup", "Zelensky"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("volodymyr-zelenskyy"), result.stdout)
        XCTAssertTrue(result.stdout.contains("en: Volodymyr Zelenskyy (properNoun) · Zelenskyy (properNoun)"), result.stdout)
        XCTAssertTrue(result.stdout.contains("Zelenskiy (properNoun, DEPRECATED)"), result.stdout)
    }

    func testTermsJSONContractAndSummary() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("article.txt")
        try "Заява\nміністра оборони рф сергія шойгу щодо цілей так званої СВО.\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["terms", file.path, "--format", "json", "--glossary", "glossaries", "--profile", "house-style"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let matches = try XCTUnwrap(try json(result.stdout)["matches"] as? [[String: Any]])
        XCTAssertEqual(matches.map { $0["concept"] as? String }, ["russian-federation", "sergei-shoigu", "svo"])
        let shoigu = matches[1]
        XCTAssertEqual(shoigu["file"] as? String, file.path)
        XCTAssertEqual(shoigu["line"] as? Int, 2)
        XCTAssertEqual(shoigu["column"] as? Int, 21)
        XCTAssertEqual(shoigu["length"] as? Int, 12)
        XCTAssertEqual(shoigu["text"] as? String, "сергія шойгу")
        XCTAssertEqual(shoigu["lang"] as? String, "uk")
        XCTAssertEqual(shoigu["term"] as? String, "сергій шойгу")
        XCTAssertEqual(shoigu["status"] as? String, "preferred")

        let summary = try CLI.run(["terms", "--format", "summary", "--lang", "en"], stdin: "Kyiv, Kiev and Kyiv's mayor; prisoners of war.")
        XCTAssertEqual(summary.status, 0, summary.stderr)
        XCTAssertEqual(summary.stdout, "3\tkyiv\n1\tprisoner-of-war\n")
    }

    /// A file given to `terms --format summary --lang X` is read as bytes and validated while it is scanned: the same
    /// counts as the text from standard input (a byte-order mark dropped), and for damaged bytes the same one-line
    /// error as every reader (the offset counted from the file's first byte).
    func testSummaryOfAFileEqualsSummaryOfStandardInputAndRefusesBadUTF8() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let article = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/check/article.uk.txt"), encoding: .utf8)
        let file = directory.appendingPathComponent("article.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array(article.utf8)).write(to: file)
        let fromFile = try CLI.run(["terms", "--format", "summary", "--lang", "uk", file.path])
        let fromInput = try CLI.run(["terms", "--format", "summary", "--lang", "uk"], stdin: article)
        XCTAssertEqual(fromFile.status, 0, fromFile.stderr)
        XCTAssertFalse(fromFile.stdout.isEmpty)
        XCTAssertEqual(fromFile.stdout, fromInput.stdout)
        let bad = directory.appendingPathComponent("bad.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array("Київ і".utf8) + [0xD0, 0x20] + Array(article.utf8)).write(to: bad)
        let refused = try CLI.run(["terms", "--format", "summary", "--lang", "uk", bad.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertEqual(refused.stdout, "")
        XCTAssertTrue(refused.stderr.contains("\(bad.path): byte 14: invalid UTF-8"), refused.stderr)
    }

    /// A one-file summary reads and checks the file while the glossary loads: the counts are those of the same
    /// file read the other way (beside a second, empty file), and errors come in the same order as before (the
    /// glossary's first, then the file's).
    func testOneFileSummaryReadEarlyGivesTheSameCountsAndErrors() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let article = try String(contentsOf: CLI.packageRoot.appendingPathComponent("examples/check/article.uk.txt"), encoding: .utf8)
        let file = directory.appendingPathComponent("article.txt")
        try Data([0xEF, 0xBB, 0xBF] + Array(article.utf8)).write(to: file)
        let empty = directory.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let early = try CLI.run(["terms", "--format", "summary", "--lang", "uk", file.path])
        let general = try CLI.run(["terms", "--format", "summary", "--lang", "uk", file.path, empty.path])
        XCTAssertEqual(early.status, 0, early.stderr)
        XCTAssertFalse(early.stdout.isEmpty)
        XCTAssertEqual(early.stdout, general.stdout)
        let missing = directory.appendingPathComponent("missing.txt").path
        let unreadable = try CLI.run(["terms", "--format", "summary", "--lang", "uk", missing])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertEqual(unreadable.stdout, "")
        XCTAssertTrue(unreadable.stderr.contains("\(missing): cannot read file"), unreadable.stderr)
        let brokenGlossary = directory.appendingPathComponent("broken.yaml")
        try "concepts: [\n".write(to: brokenGlossary, atomically: true, encoding: .utf8)
        let bad = directory.appendingPathComponent("bad.txt")
        try Data(Array("Київ".utf8) + [0xFF]).write(to: bad)
        for text in [missing, bad.path] {
            let refused = try CLI.run(["terms", "--format", "summary", "--lang", "uk", "--glossary", brokenGlossary.path, text])
            XCTAssertEqual(refused.status, 2)
            XCTAssertTrue(refused.stderr.contains("broken.yaml"), refused.stderr)
            XCTAssertFalse(refused.stderr.contains(text), refused.stderr)
        }
        let refused = try CLI.run(["terms", "--format", "summary", "--lang", "uk", bad.path])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("\(bad.path): byte 8: invalid UTF-8"), refused.stderr)
    }

    func testDefaultGlossaryFolderAndConfig() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let none = try CLI.run(["lookup", "Kyiv"], in: directory)
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("no glossary"), none.stderr)
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("terms"), withIntermediateDirectories: true)
        try "concepts:\n  - id: my-kyiv\n    terms: {en: [Kyiv]}\n".write(
            to: directory.appendingPathComponent("terms/mine.yaml"), atomically: true, encoding: .utf8)
        try "glossaries:\n  - terms\n".write(to: directory.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let configured = try CLI.run(["lookup", "Kyiv", "--format", "json"], in: directory)
        XCTAssertEqual(configured.status, 0, configured.stderr)
        XCTAssertTrue(configured.stdout.contains("\"concept\":\"my-kyiv\""), configured.stdout)
        try FileManager.default.removeItem(at: directory.appendingPathComponent(".tlumach.yml"))
        try FileManager.default.moveItem(at: directory.appendingPathComponent("terms"), to: directory.appendingPathComponent("glossaries"))
        XCTAssertTrue(try CLI.run(["lookup", "Kyiv"], in: directory).stdout.hasPrefix("my-kyiv"))
    }

    func testLintExitCodes() throws {
        XCTAssertEqual(try CLI.run(["glossary", "lint"]).status, 0, "the shipped glossaries pass")
        let directory = try CLI.temporaryDirectory(for: self)
        let bad = directory.appendingPathComponent("bad.yaml")
        try "concepts:\n  - id: a\n    terms: {en: [{text: Kiev, status: forbidden}]}\n".write(to: bad, atomically: true, encoding: .utf8)
        let findings = try CLI.run(["glossary", "lint", bad.path])
        XCTAssertEqual(findings.status, 1)
        XCTAssertTrue(findings.stdout.contains("bad.yaml:2:5: error: forbidden en term “Kiev” has no replacement"), findings.stdout)
        let broken = directory.appendingPathComponent("broken.yaml")
        try "concepts: [\n".write(to: broken, atomically: true, encoding: .utf8)
        let unreadable = try CLI.run(["glossary", "lint", broken.path])
        XCTAssertEqual(unreadable.status, 2)
        XCTAssertTrue(unreadable.stderr.contains("broken.yaml:2:1: invalid YAML"), unreadable.stderr)
        XCTAssertEqual(try CLI.run(["glossary", "lint", directory.appendingPathComponent("missing.yaml").path]).status, 2)
    }

    func testConvertRoundTripAndStats() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tbx = directory.appendingPathComponent("news.tbx").path
        let back = directory.appendingPathComponent("news.yaml").path
        XCTAssertEqual(try CLI.run(["glossary", "convert", "glossaries/news-war.yaml", tbx, "--tbx-version", "2"]).status, 0)
        XCTAssertTrue(try String(contentsOfFile: tbx, encoding: .utf8).contains("<martif"))
        XCTAssertEqual(try CLI.run(["glossary", "convert", tbx, back]).status, 0)
        let original = try CLI.run(["glossary", "stats", "glossaries/news-war.yaml", "--format", "json"]).stdout
        let again = try CLI.run(["glossary", "stats", back, "--format", "json"]).stdout
        XCTAssertEqual(original, again)
        XCTAssertTrue(original.contains("\"concepts\":230"), original)
        let csv = directory.appendingPathComponent("news.csv").path
        let converted = try CLI.run(["glossary", "convert", back, csv])
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertTrue(converted.stderr.contains("every field of every concept kept"), converted.stderr)
        XCTAssertTrue(try String(contentsOfFile: csv, encoding: .utf8).hasPrefix("id,subject,uk,uk_status,uk_type"))
        // Issue 11: the CSV keeps types, casing and context rules: it lints clean and converts back to the same.
        XCTAssertEqual(try CLI.run(["glossary", "lint", csv]).status, 0)
        let fromCSV = directory.appendingPathComponent("from-csv.yaml").path
        XCTAssertEqual(try CLI.run(["glossary", "convert", csv, fromCSV]).status, 0)
        XCTAssertEqual(try CLI.run(["glossary", "stats", fromCSV, "--format", "json"]).stdout, original)
        // An overlay cannot be a CSV: refused with the list, written with --lossy.
        let houseCSV = directory.appendingPathComponent("house.csv").path
        let refused = try CLI.run(["glossary", "convert", "glossaries/house-style.yaml", houseCSV])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("overlay") && refused.stderr.contains("--lossy"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: houseCSV))
        XCTAssertEqual(try CLI.run(["glossary", "convert", "--lossy", "glossaries/house-style.yaml", houseCSV]).status, 0)
        XCTAssertEqual(try CLI.run(["glossary", "convert", back, directory.appendingPathComponent("x.docx").path]).status, 2)
    }

    func testNormalizeFixTerms() throws {
        let fixed = try CLI.run(["normalize", "--fix-terms", "--lang", "en"], stdin: "Yesterday Russia and Kiev said KIEV.\n")
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        XCTAssertEqual(fixed.stdout, "Yesterday Russia and Kyiv said KYIV.\n")
        let check = try CLI.run(["normalize", "--fix-terms", "--check", "--lang", "en"], stdin: "in Kiev\n")
        XCTAssertEqual(check.status, 1)
        XCTAssertTrue(check.stdout.contains("<stdin>:1:4: forbidden-terms: 'Kiev' → 'Kyiv'"), check.stdout)
        let plain = try CLI.run(["normalize", "--lang", "en"], stdin: "in Kiev\n")
        XCTAssertEqual(plain.stdout, "in Kiev\n", "without --fix-terms the glossary is not applied")
        let house = try CLI.run(["normalize", "--fix-terms", "--profile", "house-style", "--lang", "en"], stdin: "Yesterday Russia.\n")
        XCTAssertEqual(house.stdout, "Yesterday russia.\n", "the house style is a profile chosen by name")
        XCTAssertEqual(try CLI.run(["normalize", "--fix-terms", "--profile", "house-styel", "--lang", "en"], stdin: "x\n").status, 2)
    }

    /// Issue 10: the normaliser must not turn common words into place names.
    func testFixTermsLeavesCommonWordsAlone() throws {
        let text = "Ситуація на рівні громад стабільна, а загальна сума допомоги зросла рівно вдвічі.\n"
        let fixed = try CLI.run(["normalize", "--fix-terms"], stdin: text)
        XCTAssertEqual(fixed.status, 0, fixed.stderr)
        XCTAssertEqual(fixed.stdout, text)
        let terms = try CLI.run(["terms", "--lang", "uk"], stdin: text)
        XCTAssertFalse(terms.stdout.contains("rivne") || terms.stdout.contains("sumy"), terms.stdout)
    }

    func testHouseStyleProfileFromTheSettingsFile() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("glossaries"), to: directory.appendingPathComponent("glossaries"))
        let config = directory.appendingPathComponent(".tlumach.yml")
        try "glossaries:\n  profiles: [house-style]\n".write(to: config, atomically: true, encoding: .utf8)
        let house = try CLI.run(["normalize", "--fix-terms", "--lang", "en"], stdin: "Yesterday Russia.\n", in: directory)
        XCTAssertEqual(house.stdout, "Yesterday russia.\n", house.stderr)
        try "glossaries:\n  paths: [glossaries]\n  profiles: [house-style]\n".write(to: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["normalize", "--fix-terms", "--lang", "en"], stdin: "Yesterday Russia.\n", in: directory).stdout, "Yesterday russia.\n")
    }
}
