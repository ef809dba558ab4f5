import Foundation
import TlumachTestSupport
import XCTest

final class MemoryCLITests: XCTestCase {
    var example: String { CLI.packageRoot.appendingPathComponent("examples/memory/newsroom.tmx").path }

    private func json(_ line: Substring) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    private func units(_ tm: String) throws -> Int {
        let stats = try CLI.run(["tm", "stats", "--tm", tm, "--format", "json"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        return try json(Substring(stats.stdout))["units"] as? Int ?? -1
    }

    func testImportSearchConcordStats() throws {
        let tm = try CLI.temporaryDirectory(for: self).appendingPathComponent("news.tmdb").path
        let imported = try CLI.run(["tm", "import", example, "--tm", tm])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(imported.stdout.contains("12 units read, 12 added"), imported.stdout)
        XCTAssertEqual(imported.stderr, "", "no progress bar when stderr is not a terminal")

        let text = try CLI.run(["tm", "search", "--tm", tm, "Уряд ухвалив новий бюджет на 2026 рік."])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.hasPrefix("1. 85%  #1 tuid=news-1\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("diff:   Уряд ухвалив новий бюджет на [-2025-] {+2026+} рік."), text.stdout)
        XCTAssertTrue(text.stdout.contains("numbers differ: query has 2026, match has 2025"), text.stdout)

        let single = try CLI.run(["tm", "search", "--tm", tm, "--format", "json", "--min", "40", "Уряд ухвалив новий закон"])
        let result = try json(Substring(single.stdout))
        XCTAssertEqual(result["query"] as? String, "Уряд ухвалив новий закон")
        let matches = try XCTUnwrap(result["matches"] as? [[String: Any]])
        XCTAssertEqual(matches.map { $0["id"] as? Int }, [10, 1])
        XCTAssertEqual(matches.first?["target"] as? String, "The government adopted a new law on education.")
        for key in ["id", "source", "target", "score", "diff"] { XCTAssertNotNil(matches.first?[key], key) }

        let concord = try CLI.run(["tm", "concord", "--tm", tm, "бюджет"])
        XCTAssertEqual(concord.status, 0)
        XCTAssertTrue(concord.stdout.contains("#1  Уряд ухвалив новий [бюджет] на 2025 рік."), concord.stdout)
        XCTAssertTrue(concord.stdout.hasSuffix("2 units contain \"бюджет\"\n"), concord.stdout)

        let stats = try CLI.run(["tm", "stats", "--tm", tm, "--verify"])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("units:      12"), stats.stdout)
        XCTAssertTrue(stats.stdout.contains("verified:   ok"), stats.stdout)
    }

    func testBatchSearchWritesJSONLinesInOrder() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("b.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        let queries = directory.appendingPathComponent("queries.txt")
        try "Мер міста відкрив новий міст через річку.\nнічого схожого\nДелегація прибула до Брюсселя.\n"
            .write(to: queries, atomically: true, encoding: .utf8)
        let batch = try CLI.run(["tm", "search", "--tm", tm, "--batch", queries.path, "--min", "60"])
        XCTAssertEqual(batch.status, 0, batch.stderr)
        let lines = batch.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 3)
        let results = try lines.map(json)
        XCTAssertEqual(results.map { $0["query"] as? String }, [
            "Мер міста відкрив новий міст через річку.", "нічого схожого", "Делегація прибула до Брюсселя.",
        ])
        let first = try XCTUnwrap((results[0]["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(first["score"] as? Int, 100)
        XCTAssertEqual(first["target"] as? String, "The mayor opened a new bridge across the river.")
        XCTAssertEqual((results[1]["matches"] as? [Any])?.count, 0)
        let third = try XCTUnwrap((results[2]["matches"] as? [[String: Any]])?.first)
        XCTAssertEqual(third["diff"] as? String, "Делегація прибула до Брюсселя [-на переговори-].")
    }

    func testExportImportExportIsIdentical() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let first = directory.appendingPathComponent("1.tmdb").path
        let second = directory.appendingPathComponent("2.tmdb").path
        let out1 = directory.appendingPathComponent("1.tmx").path
        let out2 = directory.appendingPathComponent("2.tmx").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", first]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "export", "--tm", first, "--out", out1]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "import", out1, "--tm", second]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "export", "--tm", second, "--out", out2]).status, 0)
        XCTAssertEqual(try String(contentsOfFile: out1, encoding: .utf8), try String(contentsOfFile: out2, encoding: .utf8))
        XCTAssertTrue(try String(contentsOfFile: out1, encoding: .utf8).contains(
            #"<bpt i="1" type="link">&lt;a href="/news/5"&gt;</bpt>енергетичний план на зиму<ept i="1">&lt;/a&gt;</ept>"#))
        let english = directory.appendingPathComponent("en.tmx").path
        XCTAssertEqual(try CLI.run(["tm", "export", "--tm", first, "--out", english, "--langs", "en"]).status, 0)
        XCTAssertFalse(try String(contentsOfFile: english, encoding: .utf8).contains("xml:lang=\"uk\""))
        // Re-importing the same file merges every unit as a duplicate.
        let again = try CLI.run(["tm", "import", out1, "--tm", second])
        XCTAssertTrue(again.stdout.contains("12 units read, 0 added, 12 duplicates"), again.stdout)
        let both = try CLI.run(["tm", "import", out1, "--tm", second, "--on-duplicate", "both"])
        XCTAssertTrue(both.stdout.contains("12 added"), both.stdout)
        XCTAssertEqual(try units(second), 24)
    }

    func testMalformedTruncatedAndHostileFilesExit2AndCommitNothing() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("m.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        let original = try String(contentsOfFile: example, encoding: .utf8)
        let fresh = original.replacingOccurrences(of: "tuid=\"news-", with: "tuid=\"new-")
            .replacingOccurrences(of: "Уряд", with: "Кабмін")
        let cases: [(String, String)] = [
            ("truncated.tmx", String(fresh.prefix(fresh.count - 200))),
            ("malformed.tmx", fresh.replacingOccurrences(of: "<tu tuid=\"new-9\"", with: "<tu tuid=\"new-9\" <")),
            ("hostile.tmx", fresh.replacingOccurrences(
                of: "<tmx version=\"1.4\">",
                with: "<!DOCTYPE tmx [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<tmx version=\"1.4\">")
                .replacingOccurrences(of: "Кабмін ухвалив", with: "&x; ухвалив")),
        ]
        for (name, text) in cases {
            let path = directory.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try CLI.run(["tm", "import", path, "--tm", tm])
            XCTAssertEqual(result.status, 2, "\(name): \(result.stdout)")
            XCTAssertTrue(result.stderr.contains("\(path):"), result.stderr)
            XCTAssertNotNil(result.stderr.range(of: #":\d+(:\d+)?: "#, options: .regularExpression), result.stderr)
            XCTAssertFalse(result.stderr.contains("root:"), "no file content leaks")
        }
        XCTAssertEqual(try units(tm), 12)
        XCTAssertEqual(try CLI.run(["tm", "search", "--tm", tm, "--min", "90", "Кабмін ухвалив новий закон про освіту."]).stdout
            .hasPrefix("no match"), true)
    }

    /// Several files: each is its own transaction, so the good ones before a bad one stay imported. UTF-16 files
    /// (with a BOM) import like UTF-8 ones.
    func testFilesCommitOneByOneAndUTF16Imports() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("f.tmdb").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
            .replacingOccurrences(of: "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            .replacingOccurrences(of: "Уряд", with: "Кабмін")
        var utf16 = Data([0xFF, 0xFE])
        for unit in text.utf16 { utf16.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        let wide = directory.appendingPathComponent("wide.tmx").path
        try utf16.write(to: URL(fileURLWithPath: wide))
        let broken = directory.appendingPathComponent("broken.tmx").path
        try "<tmx version=\"1.4\"><header/><body><tu>".write(toFile: broken, atomically: true, encoding: .utf8)
        let result = try CLI.run(["tm", "import", example, wide, broken, example, "--tm", tm])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.contains("newsroom.tmx: 12 units read, 12 added"), result.stdout)
        XCTAssertTrue(result.stdout.contains("wide.tmx: 12 units read, 2 added, 10 duplicates"), result.stdout)
        XCTAssertTrue(result.stderr.contains("broken.tmx:1:"), result.stderr)
        XCTAssertFalse(result.stdout.contains("broken.tmx:"), "nothing after the broken file ran")
        XCTAssertEqual(try units(tm), 14, "the two changed units are new, ten are duplicates")
        let search = try CLI.run(["tm", "search", "--tm", tm, "--min", "100", "Кабмін ухвалив новий закон про освіту."])
        XCTAssertTrue(search.stdout.hasPrefix("1. 100%"), search.stdout)
    }

    func testUsageErrorsExit2() throws {
        let tm = try CLI.temporaryDirectory(for: self).appendingPathComponent("u.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "search", "--tm", tm, "x"]).status, 2, "no memory yet")
        XCTAssertEqual(try CLI.run(["tm", "import", example]).status, 2, "--tm is required")
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm, "--source-lang", "uk"]).status, 2)
        XCTAssertEqual(try CLI.run(["tm", "import", "/nonexistent.tmx", "--tm", tm]).status, 2)
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        XCTAssertEqual(try CLI.run(["tm", "search", "--tm", tm]).status, 2, "no query")
        XCTAssertEqual(try CLI.run(["tm", "search", "--tm", tm, "--min", "0", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm, "--on-duplicate", "sometimes"]).status, 2)
    }

    /// A killed import leaves the store readable, with exactly the imports that had committed.
    func testKilledImportLosesNothingCommitted() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let tm = directory.appendingPathComponent("k.tmdb").path
        XCTAssertEqual(try CLI.run(["tm", "import", example, "--tm", tm]).status, 0)
        var big = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"uk\"/><body>\n"
        for index in 0..<150_000 {
            big += "<tu><tuv xml:lang=\"uk\"><seg>Речення номер \(index) про бюджет</seg></tuv>"
            big += "<tuv xml:lang=\"en\"><seg>Sentence number \(index) about the budget</seg></tuv></tu>\n"
        }
        big += "</body></tmx>\n"
        let bigPath = directory.appendingPathComponent("big.tmx").path
        try big.write(toFile: bigPath, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["tm", "import", bigPath, "--tm", tm]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: 1.5)
        XCTAssertTrue(process.isRunning, "the import must still be running when it is killed")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)

        let verified = try CLI.run(["tm", "stats", "--tm", tm, "--verify"])
        XCTAssertEqual(verified.status, 0, verified.stderr)
        XCTAssertEqual(try units(tm), 12)
        let search = try CLI.run(["tm", "search", "--tm", tm, "Уряд ухвалив новий бюджет на 2025 рік."])
        XCTAssertTrue(search.stdout.hasPrefix("1. 100%"), search.stdout)
    }
}
