import Foundation
import PostgresNIO
import TlumachTestSupport
import XCTest

@testable import TlumachMemoryPostgres

/// `tlumach tm …` and `align --into-tm` on a PostgreSQL URL give what they give on a file.
final class PostgresCLITests: XCTestCase {
    private var folder = ""
    private var locations: [PostgresLocation] = []

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "tlumach-pg-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        for location in locations {
            if let session = try? PostgresSession.connect(location) {
                try? session.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA IF EXISTS \"\(location.schema)\" CASCADE"))
                session.close()
            }
        }
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    private static var binary: URL {
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("tlumach")
        }
        return Bundle.main.bundleURL.appendingPathComponent("tlumach")
    }

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.packageRoot)
        var env = ProcessInfo.processInfo.environment
        env["TLUMACH_TM"] = nil
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = folder + "/out-\(UUID().uuidString)"
        let err = folder + "/err-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: out, contents: nil)
        FileManager.default.createFile(atPath: err, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: out))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: err))
        process.standardInput = FileHandle.nullDevice
        let exited = CLI.exitSignal(of: process)
        try process.run()
        exited.wait()
        return (
            process.terminationStatus, try String(contentsOfFile: out, encoding: .utf8),
            try String(contentsOfFile: err, encoding: .utf8)
        )
    }

    private func serverURL() throws -> String {
        let url = try TestPostgres.url()
        let schema = TestPostgres.freshSchema(prefix: "c_")
        var location = try PostgresLocation(url: url)
        location.schema = schema
        locations.append(location)
        return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
    }

    func testEveryMemoryCommandGivesOnPostgreSQLWhatItGivesOnAFile() throws {
        let url = try serverURL()
        let file = folder + "/news.tmdb"
        for memory in [file, url] {
            let imported = try run(["tm", "import", "examples/memory/newsroom.tmx", "--tm", memory])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
        for command in [
            ["tm", "search", "Уряд ухвалив новий бюджет на 2026 рік."],
            ["tm", "search", "--min", "40", "--format", "json", "Уряд ухвалив новий закон"],
            ["tm", "concord", "бюджет"],
            ["tm", "concord", "--format", "json", "budget"],
        ] {
            let onFile = try run(command + ["--tm", file])
            let onServer = try run(command, environment: ["TLUMACH_TM": url])
            XCTAssertEqual(onServer.status, 0, onServer.stderr)
            XCTAssertEqual(onServer.stdout, onFile.stdout, "\(command)")
            XCTAssertFalse(onFile.stdout.isEmpty)
        }
        for (memory, name) in [(file, "file"), (url, "server")] {
            let exported = try run(["tm", "export", "--tm", memory, "--out", "\(folder)/\(name).tmx"])
            XCTAssertEqual(exported.status, 0, exported.stderr)
        }
        XCTAssertEqual(
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/server.tmx")),
            try Data(contentsOf: URL(fileURLWithPath: "\(folder)/file.tmx")))
        let stats = try run(["tm", "stats", "--tm", url])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        XCTAssertTrue(stats.stdout.contains("schema v\(PostgresSchema.latestVersion)"), stats.stdout)
        XCTAssertFalse(stats.stdout.contains("password"))
        let verify = try run(["tm", "stats", "--verify", "--tm", url])
        XCTAssertEqual(verify.status, 0, verify.stderr)
        XCTAssertTrue(verify.stdout.contains("verified:   ok"), verify.stdout)
    }

    func testPretranslateAndAnalyzeGiveOnPostgreSQLWhatTheyGiveOnAFile() throws {
        let url = try serverURL()
        let file = folder + "/leverage.tmdb"
        for memory in [file, url] {
            let imported = try run([
                "tm", "import", "examples/memory/newsroom.tmx", "--tm", memory, "--source-lang", "uk", "--target-lang", "en",
            ])
            XCTAssertEqual(imported.status, 0, imported.stderr)
        }
        let inputs = ["examples/leverage/news.xlf", "examples/leverage/news.po"]
        for format in ["text", "json"] {
            let onFile = try run(["analyze"] + inputs + ["--tm", file, "--format", format])
            let onServer = try run(["analyze"] + inputs + ["--format", format], environment: ["TLUMACH_TM": url])
            XCTAssertEqual(onServer.status, 0, onServer.stderr)
            XCTAssertFalse(onFile.stdout.isEmpty)
            XCTAssertEqual(onServer.stdout, onFile.stdout, format)
        }
        var filled: [String] = []
        let server = try XCTUnwrap(locations.last)
        for (memory, name) in [(file, "file"), (url, "server")] {
            let output = "\(folder)/\(name)"
            try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
            let result = try run(["pretranslate"] + inputs + ["--tm", memory, "--fuzzy", "--output", output])
            XCTAssertEqual(result.status, 0, result.stderr)
            for input in ["news.xlf", "news.po"] {
                filled.append(try String(contentsOfFile: "\(output)/\(input)", encoding: .utf8))
            }
        }
        // The same files but for where the matches came from (XLIFF's alt-trans origin): the file's name, or the
        // database and schema (never the host, user or password).
        let fromServer = filled[2].replacingOccurrences(of: "origin=\"tlumach:\(server.database)/\(server.schema)\"", with: "origin=\"tlumach:leverage.tmdb\"")
        XCTAssertNotEqual(fromServer, filled[2], "the origin names the database and schema")
        XCTAssertEqual(fromServer, filled[0])
        XCTAssertEqual(filled[3], filled[1])
        XCTAssertNotEqual(filled[0], try String(contentsOfFile: Self.packageRoot + "/examples/leverage/news.xlf", encoding: .utf8))
    }

    func testExportSkippingDamagedUnitsIsRefusedOnPostgreSQL() throws {
        let url = try serverURL()
        XCTAssertEqual(try run(["tm", "import", "examples/memory/newsroom.tmx", "--tm", url]).status, 0)
        let out = "\(folder)/rescued.tmx"
        let refused = try run(["tm", "export", "--tm", url, "--skip-damaged", "--out", out])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains("--skip-damaged is for SQLite"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out))
    }

    func testAlignIntoAPostgreSQLMemory() throws {
        let url = try serverURL()
        let source = "examples/align/article.uk.txt"
        let target = "examples/align/article.en.txt"
        let first = try run(["align", source, target, "--into-tm", url, "--format", "beads"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("8 units read, 8 added, 0 duplicates"), first.stderr)
        let again = try run(["align", source, target, "--into-tm", url])
        XCTAssertTrue(again.stderr.contains("8 units read, 0 added, 8 duplicates (8 of units already stored, 0 within this import)"), again.stderr)
        let reversed = try run(["align", target, source, "--source-lang", "en", "--target-lang", "uk", "--into-tm", url])
        XCTAssertEqual(reversed.status, 2)
        XCTAssertTrue(reversed.stderr.contains("uk→en"), reversed.stderr)
    }

    func testConnectionFailuresExit2InOneLineWithoutThePassword() throws {
        for (arguments, expected) in [
            (["tm", "search", "--tm", "postgres://me:s3cret@127.0.0.1:1/db", "бюджет"], "cannot connect to PostgreSQL"),
            (["tm", "stats", "--tm", "postgres://me:s3cret@127.0.0.1:1/db?sslmode=sometimes"], "sslmode must be"),
            (["tm", "import", "examples/memory/newsroom.tmx", "--tm", "postgres://me:s3cret@/db"], "not a usable PostgreSQL URL"),
        ] {
            let result = try run(arguments)
            XCTAssertEqual(result.status, 2, result.stderr)
            XCTAssertTrue(result.stderr.contains(expected), result.stderr)
            XCTAssertFalse(result.stderr.contains("s3cret"), result.stderr)
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        let none = try run(["tm", "search", "x"])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("TLUMACH_TM"), none.stderr)
    }

    func testAMissingDatabaseIsNamed() throws {
        let url = try serverURL()
        guard let location = try? PostgresLocation(url: url) else { return XCTFail("bad test URL") }
        let missing = "postgres://\(location.user)@\(location.host):\(location.port)/no_such_db_here"
        let result = try run(["tm", "stats", "--tm", missing])
        XCTAssertEqual(result.status, 2, result.stderr)
        XCTAssertTrue(result.stderr.contains("no_such_db_here"), result.stderr)
        XCTAssertTrue(result.stderr.contains("does not exist"), result.stderr)
    }
}
