import Foundation
import TlumachTestSupport
import XCTest

/// The runner itself: large inputs and outputs must not deadlock, and a child that stops reading must not take the
/// test process down.
final class CLIRunnerTests: XCTestCase {
    /// Five megabytes in the long run; one (still sixteen times a pipe's buffer) by default.
    private static let fiveMegabytes = LongTests.count(long: 5 * 1024, short: 512) * 1024

    private func repeated(_ unit: String, toAtLeast bytes: Int) -> (text: String, count: Int) {
        let count = bytes / unit.utf8.count + 1
        return (String(repeating: unit, count: count), count)
    }

    func testFiveMegabytesThroughNormalize() throws {
        let paragraph = "Він сказав \"так\" - і пішов, а Mr. Smith - ні.\n\n"
        let (input, count) = repeated(paragraph, toAtLeast: Self.fiveMegabytes)
        XCTAssertGreaterThanOrEqual(input.utf8.count, Self.fiveMegabytes)
        let result = try CLI.run(["normalize"], stdin: input)
        XCTAssertEqual(result.status, 0, String(result.stderr.prefix(500)))
        let expected = String(repeating: "Він сказав «так» — і пішов, а Mr. Smith — ні.\n\n", count: count)
        XCTAssertEqual(result.stdout.utf8.count, expected.utf8.count)
        XCTAssertTrue(result.stdout == expected, "normalised output differs from the expected text")
        XCTAssertEqual(result.stderr, "")
    }

    func testFiveMegabytesStreamedThroughTranslit() throws {
        // translit writes while it reads: with stdin written before the pipes are read, this deadlocks.
        let (input, count) = repeated("Київ Харків Щербухи\n", toAtLeast: Self.fiveMegabytes)
        let result = try CLI.run(["translit"], stdin: input)
        XCTAssertEqual(result.status, 0, String(result.stderr.prefix(500)))
        XCTAssertTrue(
            result.stdout == String(repeating: "Kyiv Kharkiv Shcherbukhy\n", count: count),
            "transliterated output differs (\(result.stdout.utf8.count) bytes)")
    }

    func testChildThatStopsReadingEarly() throws {
        // A usage error exits before reading stdin: the runner's write fails with EPIPE instead of killing us.
        let (input, _) = repeated("Київ\n", toAtLeast: Self.fiveMegabytes)
        let result = try CLI.run(["translit", "--scheme", "nope"], stdin: input)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("unknown scheme 'nope'"), result.stderr)
    }
}
