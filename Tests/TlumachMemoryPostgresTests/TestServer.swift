import Foundation
import XCTest

/// The PostgreSQL server the tests use: `TLUMACH_TEST_POSTGRES_URL`, set by scripts/with-postgres.sh. Outside CI a
/// missing server skips the test with the reason; in CI (`CI=true`) it fails it, so the tests cannot silently vanish.
enum TestServer {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "TLUMACH_TEST_POSTGRES_URL is not set: CI runs these tests through scripts/with-postgres.sh"
        }
    }

    static func url() throws -> String {
        let environment = ProcessInfo.processInfo.environment
        guard let url = environment["TLUMACH_TEST_POSTGRES_URL"], !url.isEmpty else {
            if environment["CI"] == "true" { throw Missing() }
            throw XCTSkip("no PostgreSQL: run through scripts/with-postgres.sh (sets TLUMACH_TEST_POSTGRES_URL)")
        }
        return url
    }

    /// A fresh schema name, so that tests never see each other's memories.
    static func freshSchema(prefix: String) -> String {
        prefix + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(20)
    }
}
