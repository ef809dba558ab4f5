import Foundation
import XCTest

/// The PostgreSQL server the tests use: `TLUMACH_TEST_POSTGRES_URL`, set by scripts/with-postgres.sh. Outside CI a
/// missing server skips the test with the reason; in CI (`CI=true`) it fails it, so the tests cannot silently vanish.
public enum TestPostgres {
    public struct Missing: Error, CustomStringConvertible {
        public var description: String {
            "TLUMACH_TEST_POSTGRES_URL is not set: CI runs these tests through scripts/with-postgres.sh"
        }
    }

    public static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["TLUMACH_TEST_POSTGRES_URL"], !url.isEmpty else {
            if environment["CI"] == "true" { throw Missing() }
            throw XCTSkip("no PostgreSQL: run through scripts/with-postgres.sh (sets TLUMACH_TEST_POSTGRES_URL)")
        }
        return url
    }

    /// A fresh schema name, so that tests never see each other's memories.
    public static func freshSchema(prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }

    /// The test server's URL with a fresh schema of its own.
    public static func urlWithFreshSchema(prefix: String) throws -> String {
        let base = try url()
        return base + (base.contains("?") ? "&" : "?") + "schema=\(freshSchema(prefix: prefix))"
    }
}
