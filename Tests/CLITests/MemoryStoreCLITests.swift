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
}
