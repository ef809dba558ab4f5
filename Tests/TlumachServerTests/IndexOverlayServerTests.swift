import Foundation
import Logging
import TlumachMemory
import TlumachMemoryPostgres
import TlumachTestSupport
import XCTest

@testable import TlumachServer

/// Two server instances on one memory: a write through one is applied by the other to the index it holds (not
/// reloaded) and is searchable there within a second, on either store.
final class IndexOverlayServerTests: XCTestCase {
    private var fixture: ServerFixture?

    override func tearDownWithError() throws { fixture?.remove() }

    func testWritesThroughOneSQLiteInstanceReachAnotherThroughItsOverlay() async throws {
        let fixture = try ServerFixture()
        self.fixture = fixture
        try await OverlayServerScenario.run(location: fixture.memoryPath, fixture: fixture)
    }

    func testWritesThroughOnePostgreSQLInstanceReachAnotherThroughItsOverlay() async throws {
        let url = try TestPostgres.urlWithFreshSchema(prefix: "ovl_")
        let fixture = try ServerFixture(withMemory: false)
        self.fixture = fixture
        let seed = fixture.folder.appendingPathComponent("seed.tmx").path
        try ServerFixture.tmx.write(toFile: seed, atomically: true, encoding: .utf8)
        _ = try await blocking {
            try MemoryLocation.withStore(creatingAt: url) { store in
                try store.importTMX(path: seed, sourceLanguage: nil, targetLanguage: nil, onDuplicate: .newest, progress: nil)
            }
        }
        try await OverlayServerScenario.run(location: url, fixture: fixture)
    }

    func testAFullOverlayIsCompactedAndSearchesStayCurrent() async throws {
        let fixture = try ServerFixture()
        self.fixture = fixture
        let first = try await OverlayServerScenario.service(fixture.memoryPath, fixture: fixture, overlayLimit: 1)
        let second = try await OverlayServerScenario.service(fixture.memoryPath, fixture: fixture, overlayLimit: 1)
        let backend = try XCTUnwrap(first.memory)
        let watcher = try XCTUnwrap(second.memory)
        for index in 0..<4 {
            _ = try await OverlayServerScenario.add("The harbour crane number \(index) was repaired.", "Портовий кран \(index) відремонтовано.", through: backend)
        }
        let elapsed = try await OverlayServerScenario.secondsUntil {
            try await OverlayServerScenario.finds("The harbour crane number 3 was repaired.", "Портовий кран 3", in: watcher)
        }
        XCTAssertLessThan(elapsed, 1)
        // Compaction runs in the background: wait for it, then the fresh base holds everything.
        _ = try await OverlayServerScenario.secondsUntil { watcher.indexStatus.loads > 1 && watcher.indexStatus.overlay == 0 }
        XCTAssertGreaterThan(watcher.indexStatus.loads, 1, "the overlay was compacted")
        XCTAssertEqual(watcher.indexStatus.base, 7)
        for index in 0..<4 {
            let found = try await OverlayServerScenario.finds(
                "The harbour crane number \(index) was repaired.", "Портовий кран \(index)", in: watcher)
            XCTAssertTrue(found)
        }
    }
}

/// An add, a unit stored again under a deleted id, and a deletion through one instance, each watched for on another.
enum OverlayServerScenario {
    static func service(_ location: String, fixture: ServerFixture, overlayLimit: Int? = nil) async throws -> TlumachService {
        var settings = fixture.settings()
        settings.memoryPath = location
        settings.overlayLimit = overlayLimit
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let service = try await blocking { [settings, logger] in try TlumachService(settings: settings, logger: logger) }
        await service.buildIndex()
        return service
    }

    static func run(location: String, fixture: ServerFixture) async throws {
        let first = try await service(location, fixture: fixture)
        let second = try await service(location, fixture: fixture)
        let writer = try XCTUnwrap(first.memory)
        let watcher = try XCTUnwrap(second.memory)
        let plan = "The city council approved the winter heating plan."
        let troops = "Russian troops shelled Kharkiv overnight."
        let before = (try await finds(plan, "Міська рада", in: watcher), try await finds(troops, "Харків", in: watcher))
        XCTAssertFalse(before.0)
        XCTAssertTrue(before.1)

        // An added unit.
        let id = try await add(plan.replacingOccurrences(of: ".", with: " today."), "Міська рада сьогодні ухвалила план опалення.", through: writer)
        let added = try await secondsUntil { try await finds(plan, "Міська рада", in: watcher) }
        XCTAssertLessThan(added, 1, "an add")

        // The unit deleted and another stored under its id (the largest id is given again).
        _ = try await blocking { try writer.delete(id: id) }
        let again = try await add("The city council rejected the summer cooling plan.", "Міська рада відхилила план охолодження.", through: writer)
        XCTAssertEqual(again, id, "the test needs the id stored again")
        let replaced = try await secondsUntil {
            let old = try await finds(plan, "сьогодні ухвалила", in: watcher)
            let new = try await finds("The city council rejected the summer cooling plan.", "відхилила", in: watcher)
            return !old && new
        }
        XCTAssertLessThan(replaced, 1, "a unit stored again under its id")

        // A deletion.
        let troopsID = try await blocking {
            try XCTUnwrap(try watcher.search([troops], minimum: 100, limit: 1).first?.firstMatch(of: /"id":(\d+)/)?.1)
        }
        _ = try await blocking { try writer.delete(id: Int64(troopsID) ?? -1) }
        // Its text goes at once; the index drops it (masks it in the base) when the deletion is noticed.
        let deleted = try await secondsUntil {
            let found = try await finds(troops, "Харків", in: watcher)
            return !found && watcher.indexStatus.overlay == 2
        }
        XCTAssertLessThan(deleted, 1, "a deletion")

        let status = watcher.indexStatus
        XCTAssertEqual(status.loads, 1, "the second instance applied the writes to the index it held")
        XCTAssertEqual(status.overlay, 2, "the unit stored again (above the base) and the deleted one (masked)")
    }

    /// Adds one unit through `backend`; its id.
    static func add(_ source: String, _ target: String, through backend: MemoryBackend) async throws -> Int64 {
        let body = #"[{"source": "\#(source)", "target": "\#(target)"}]"#
        let units = try JSONDecoder().decode([NewUnit].self, from: Data(body.utf8))
        return try await blocking {
            _ = try backend.add(units, policy: .newest)
            let found = try backend.search([source], minimum: 100, limit: 1).first ?? ""
            return Int64(try XCTUnwrap(found.firstMatch(of: /"id":(\d+)/)?.1)) ?? -1
        }
    }

    static func finds(_ query: String, _ target: String, in backend: MemoryBackend) async throws -> Bool {
        try await blocking { try backend.search([query], minimum: 70, limit: 5).first?.contains(target) ?? false }
    }

    /// Seconds until `condition` holds, looking every 20 ms for up to 5 s (then the time waited).
    static func secondsUntil(_ condition: () async throws -> Bool) async throws -> Double {
        let start = ContinuousClock.now
        while try await !condition() {
            let waited = ContinuousClock.now - start
            if waited > .seconds(5) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        let waited = ContinuousClock.now - start
        return Double(waited.components.seconds) + Double(waited.components.attoseconds) / 1e18
    }
}
