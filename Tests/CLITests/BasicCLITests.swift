import TlumachTestSupport
import XCTest

final class BasicCLITests: XCTestCase {
    func testVersionAndHelp() throws {
        let version = try CLI.run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertFalse(version.stdout.isEmpty)
        let help = try CLI.run(["--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.stdout.contains("normalize"))
    }

    func testUnknownOptionIsUsageErrorWithExitTwo() throws {
        let result = try CLI.run(["--no-such-flag"])
        XCTAssertEqual(result.status, 2)
        XCTAssertFalse(result.stderr.isEmpty)
    }
}
