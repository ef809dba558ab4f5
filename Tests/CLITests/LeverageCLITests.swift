import Foundation
import TlumachTestSupport
import XCTest

final class LeverageCLITests: XCTestCase {
    func example(_ name: String) -> String { CLI.packageRoot.appendingPathComponent("examples/\(name)").path }

    private func memory() throws -> (directory: URL, tm: String) {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("news.tmdb").path
        let imported = try CLI.run(["tm", "import", example("memory/newsroom.tmx"), "--tm", tm])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        return (directory, tm)
    }

    /// The README's loop on the shipped examples: analyze, pretranslate into a folder, check the result.
    func testExamplesAnalyzePretranslateAndCheck() throws {
        let (directory, tm) = try memory()
        let files = [example("leverage/news.xlf"), example("leverage/news.po")]
        let analysis = try CLI.run(["analyze"] + files + ["--tm", tm, "--format", "json"])
        XCTAssertEqual(analysis.status, 0, analysis.stderr)
        XCTAssertEqual(analysis.stderr, "", "no progress when standard error is not a terminal")
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(analysis.stdout.utf8)) as? [String: Any])
        let total = try XCTUnwrap((object["total"] as? [String: Any])?["bands"] as? [String: [String: Int]])
        XCTAssertEqual(total.values.reduce(0) { $0 + ($1["segments"] ?? 0) }, 12)
        XCTAssertEqual(total["repetition"]?["segments"], 1)
        XCTAssertEqual(total["context"]?["segments"], 1)

        let out = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let filled = try CLI.run(["pretranslate"] + files + ["--tm", tm, "--fuzzy", "--output", out.path])
        XCTAssertEqual(filled.status, 0, filled.stderr)
        XCTAssertTrue(filled.stderr.contains("12 segments: 10 filled"), filled.stderr)
        XCTAssertEqual(filled.stdout, "")
        let xliff = try String(contentsOf: out.appendingPathComponent("news.xlf"), encoding: .utf8)
        XCTAssertTrue(xliff.contains("<target state=\"translated\" state-qualifier=\"leveraged-tm\">The government adopted a new budget for 2026.</target>"), xliff)
        XCTAssertTrue(xliff.contains("Read also: <g id=\"a1\" ctype=\"link\">the energy plan for winter</g>."), xliff)
        // The originals are untouched.
        XCTAssertFalse(try String(contentsOfFile: files[0], encoding: .utf8).contains("<target"))

        let check = try CLI.run(["check", out.appendingPathComponent("news.xlf").path, out.appendingPathComponent("news.po").path, "--no-glossary"])
        XCTAssertNotEqual(check.status, 2, check.stderr)
    }

    func testInPlaceReplacesTheFileAndBadInputExitsTwoNamingFileAndLine() throws {
        let (directory, tm) = try memory()
        let file = directory.appendingPathComponent("a.po")
        try Data(try Data(contentsOf: URL(fileURLWithPath: example("leverage/news.po")))).write(to: file)
        let run = try CLI.run(["pretranslate", file.path, "--tm", tm, "--in-place"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(try String(contentsOf: file, encoding: .utf8).contains("# tlumach: 101% in-context memory match"))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix(".") || $0.contains("tmp") }
        XCTAssertEqual(leftovers, [])

        let broken = directory.appendingPathComponent("broken.po")
        try Data("msgid \"a\"\nmsgstr \"b\"\n\nmsgid \"unterminated\nmsgstr \"\"\n".utf8).write(to: broken)
        let before = try Data(contentsOf: file)
        let bad = try CLI.run(["pretranslate", file.path, broken.path, "--tm", tm, "--in-place", "--overwrite"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("broken.po:4"), bad.stderr)
        XCTAssertEqual(try Data(contentsOf: file), before, "a refused run writes nothing")

        let reversed = directory.appendingPathComponent("rev.xlf")
        try Data("<xliff version=\"1.2\"><file source-language=\"en\" target-language=\"uk\"><body></body></file></xliff>".utf8).write(to: reversed)
        let languages = try CLI.run(["analyze", reversed.path, "--tm", tm])
        XCTAssertEqual(languages.status, 2)
        XCTAssertTrue(languages.stderr.contains("rev.xlf: the file is en→uk but the memory is uk→en"), languages.stderr)

        let usage = try CLI.run(["pretranslate", file.path, "--tm", tm])
        XCTAssertEqual(usage.status, 2)
        XCTAssertTrue(usage.stderr.contains("--output DIR or --in-place"), usage.stderr)
    }
}
