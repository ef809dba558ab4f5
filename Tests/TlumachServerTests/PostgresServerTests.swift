import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import TlumachMemory
import TlumachMemoryPostgres
import TlumachTestSupport
import XCTest

@testable import TlumachServer

/// The server on a PostgreSQL memory (TLUMACH_TEST_POSTGRES_URL, set by scripts/with-postgres.sh): two instances on
/// one memory see each other's writes; tokens live in the memory's schema.
final class PostgresServerTests: XCTestCase {
    private var fixture: ServerFixture?

    // Each test's schema is left in the throwaway cluster that scripts/with-postgres.sh removes afterwards.
    override func tearDownWithError() throws { fixture?.remove() }

    /// The test server in a fresh schema. Outside CI a missing server skips (saying why); in CI it fails.
    private func memoryURL() throws -> String { try TestPostgres.urlWithFreshSchema(prefix: "srv_") }

    /// Made off the cooperative pool, as the CLI does: opening the store waits on PostgreSQL.
    private func service(_ url: String, fixture: ServerFixture) async throws -> TlumachService {
        try await OverlayServerScenario.service(url, fixture: fixture)
    }

    /// An import by another process, off the cooperative pool.
    private func importSeed(_ seed: String, into url: String) async throws {
        _ = try await blocking {
            try MemoryLocation.withStore(creatingAt: url) { store in
                try store.importTMX(path: seed, sourceLanguage: nil, targetLanguage: nil, onDuplicate: .newest, progress: nil)
            }
        }
    }

    func testAWriteThroughOneInstanceIsFoundByAnotherWithinASecond() async throws {
        let url = try memoryURL()
        let fixture = try ServerFixture(withMemory: false)
        self.fixture = fixture
        let seed = fixture.folder.appendingPathComponent("seed.tmx").path
        try ServerFixture.tmx.write(toFile: seed, atomically: true, encoding: .utf8)
        try await importSeed(seed, into: url)
        let first = try await service(url, fixture: fixture)
        let second = try await service(url, fixture: fixture)
        let query = "The city council approved the winter heating plan."
        let searchURI = "/v1/tm/search?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        try await second.makeApplication().test(.router) { client in
            try await client.execute(uri: searchURI, method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("\"matches\":[]}"), response.text)
            }
        }
        try await first.makeApplication().test(.router) { client in
            let body = #"{"units": [{"source": "The city council approved the winter heating plan today.", "target": "Міська рада сьогодні ухвалила план опалення на зиму."}]}"#
            try await client.execute(uri: "/v1/tm/units", method: .post, body: ByteBuffer(string: body)) { response in
                XCTAssertEqual(response.status, .created, response.text)
            }
        }
        // The second instance learns of it by polling the change sequence (every 0.25 s); a second is the bound.
        try await Task.sleep(for: .seconds(1))
        try await second.makeApplication().test(.router) { client in
            try await client.execute(uri: searchURI, method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("Міська рада сьогодні ухвалила"), response.text)
            }
            try await client.execute(uri: "/v1/tm/stats", method: .get) { response in
                XCTAssertTrue(response.text.contains("\"units\":4"), response.text)
            }
        }
    }

    func testAnEmptyMemoryFilledByAnotherProcessBecomesSearchable() async throws {
        let url = try memoryURL()
        let fixture = try ServerFixture(withMemory: false)
        self.fixture = fixture
        let server = try await service(url, fixture: fixture)
        let seed = fixture.folder.appendingPathComponent("seed.tmx").path
        try ServerFixture.tmx.write(toFile: seed, atomically: true, encoding: .utf8)
        // As `tlumach tm import` in another process would: its own connection.
        try await importSeed(seed, into: url)
        try await Task.sleep(for: .seconds(1))
        try await server.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/tm/search?q=The%20government%20adopted%20the%20budget", method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertTrue(response.text.contains("Уряд ухвалив новий бюджет."), response.text)
            }
        }
    }

    func testTokensAreKeptInTheMemorysSchema() throws {
        let url = try memoryURL()
        XCTAssertThrowsError(try openTokenStore(memory: url), "no memory in the schema yet") { error in
            XCTAssertTrue("\(error)".contains("no translation memory"), "\(error)")
        }
        _ = try MemoryLocation.open(url, access: .create)
        let store = try openTokenStore(memory: url)
        let token = try store.issue(name: "ci", scope: .write)
        XCTAssertEqual(try store.scope(of: token), .write)
        XCTAssertEqual(try store.all().map(\.name), ["ci"])
        XCTAssertNil(try store.scope(of: token + "x"))
        XCTAssertTrue(try store.revoke(name: "ci"))
        XCTAssertFalse(try store.revoke(name: "ci"))
        XCTAssertNil(try store.scope(of: token))
    }

    func testADeletionThroughOneInstanceIsSeenByAnotherWithinASecond() async throws {
        let url = try memoryURL()
        let fixture = try ServerFixture(withMemory: false)
        self.fixture = fixture
        let seed = fixture.folder.appendingPathComponent("seed.tmx").path
        try ServerFixture.tmx.write(toFile: seed, atomically: true, encoding: .utf8)
        try await importSeed(seed, into: url)
        let first = try await service(url, fixture: fixture)
        let second = try await service(url, fixture: fixture)
        let query = "The government adopted the budget"
        let searchURI = "/v1/tm/search?q=" + (query.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
        let id = 1  // the seed's first unit, the one the query finds
        try await second.makeApplication().test(.router) { client in
            try await client.execute(uri: searchURI, method: .get) { response in
                XCTAssertTrue(response.text.contains("\"id\":\(id),"), response.text)
                XCTAssertTrue(response.text.contains("Уряд ухвалив новий бюджет."), response.text)
            }
        }
        try await first.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/tm/units/\(id)", method: .delete) { response in
                XCTAssertEqual(response.status, .ok, response.text)
                XCTAssertEqual(response.text, "{\"deleted\":\(id)}\n")
            }
            // As on SQLite: a unit that is not there (any more) is 404.
            try await client.execute(uri: "/v1/tm/units/\(id)", method: .delete) { response in
                XCTAssertEqual(response.status, .notFound, response.text)
            }
            try await client.execute(uri: "/v1/tm/units/999", method: .delete) { response in
                XCTAssertEqual(response.status, .notFound, response.text)
            }
        }
        try await Task.sleep(for: .seconds(1))
        try await second.makeApplication().test(.router) { client in
            try await client.execute(uri: searchURI, method: .get) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertFalse(response.text.contains("Уряд ухвалив новий бюджет."), response.text)
            }
            try await client.execute(uri: "/v1/tm/stats", method: .get) { response in
                XCTAssertTrue(response.text.contains("\"units\":2"), response.text)
            }
        }
        let problems = try await blocking { try MemoryLocation.open(url, access: .read).verify() }
        XCTAssertEqual(problems, [])
    }
}
