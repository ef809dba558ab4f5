import Foundation
import TlumachTestSupport
import XCTest

/// `--tm` resolution shared by every `tm` command: the option, else TLUMACH_TM; URLs of a store not built in are
/// refused in one line that does not echo them.
final class MemoryStoreCLITests: XCTestCase {
    func testTheMemoryCanComeFromTLUMACH_TM() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let memory = directory.appendingPathComponent("news.tmdb").path
        let imported = try CLI.run(["tm", "import", "examples/memory/newsroom.tmx"], environment: ["TLUMACH_TM": memory])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        let viaOption = try CLI.run(["tm", "concord", "бюджет", "--tm", memory])
        let viaEnvironment = try CLI.run(["tm", "concord", "бюджет"], environment: ["TLUMACH_TM": memory])
        XCTAssertEqual(viaEnvironment.status, 0, viaEnvironment.stderr)
        XCTAssertEqual(viaEnvironment.stdout, viaOption.stdout)
        XCTAssertTrue(viaOption.stdout.contains("бюджет"), viaOption.stdout)
        // The option wins over the environment.
        let both = try CLI.run(["tm", "stats", "--tm", memory], environment: ["TLUMACH_TM": "/nonexistent/x.tmdb"])
        XCTAssertEqual(both.status, 0, both.stderr)
    }

    func testNoMemoryAndUnbuiltStoresAreUsageErrors() throws {
        let none = try CLI.run(["tm", "search", "бюджет"], environment: ["TLUMACH_TM": ""])
        XCTAssertEqual(none.status, 2)
        XCTAssertTrue(none.stderr.contains("TLUMACH_TM"), none.stderr)
        let url = try CLI.run(["tm", "search", "--tm", "postgres://me:s3cret@127.0.0.1:1/db", "бюджет"])
        XCTAssertEqual(url.status, 2)
        XCTAssertTrue(url.stderr.contains("PostgreSQL"), url.stderr)
        XCTAssertFalse(url.stderr.contains("s3cret"), url.stderr)
        XCTAssertEqual(url.stderr.split(separator: "\n").count, 1, url.stderr)
    }

    func testTheMemoryCanComeFromTheSettingsFile() throws {
        let project = try CLI.temporaryDirectory(for: self)
        try FileManager.default.createDirectory(at: project.appendingPathComponent("tm"), withIntermediateDirectories: true)
        try "tm: tm/team.tmdb\n".write(to: project.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let tmx = TestFiles.packageRoot("examples/memory/newsroom.tmx").path
        let imported = try CLI.run(["tm", "import", tmx], in: project, environment: ["TLUMACH_TM": ""])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: project.appendingPathComponent("tm/team.tmdb").path))
        let stats = try CLI.run(["tm", "stats"], in: project, environment: ["TLUMACH_TM": ""])
        XCTAssertEqual(stats.status, 0, stats.stderr)
        // TLUMACH_TM wins over the settings file, --tm over both.
        let elsewhere = project.appendingPathComponent("other.tmdb").path
        let viaEnvironment = try CLI.run(["tm", "import", tmx], in: project, environment: ["TLUMACH_TM": elsewhere])
        XCTAssertEqual(viaEnvironment.status, 0, viaEnvironment.stderr)
        XCTAssertTrue(FileManager.default.fileExists(atPath: elsewhere))
        // A settings file this tlumach cannot read stops a command that needs it, in one line naming the file.
        try "version: 99\ntm: tm/team.tmdb\n".write(
            to: project.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let refused = try CLI.run(["tm", "stats"], in: project, environment: ["TLUMACH_TM": ""])
        XCTAssertEqual(refused.status, 2)
        XCTAssertTrue(refused.stderr.contains(".tlumach.yml"), refused.stderr)
        XCTAssertEqual(refused.stderr.split(separator: "\n").count, 1, refused.stderr)
        let given = try CLI.run(["tm", "stats", "--tm", elsewhere], in: project, environment: ["TLUMACH_TM": ""])
        XCTAssertEqual(given.status, 0, given.stderr)
    }
}
