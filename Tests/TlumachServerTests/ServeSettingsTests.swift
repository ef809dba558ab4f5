import Foundation
import Hummingbird
import HummingbirdTesting
import TlumachConfig
import TlumachMemory
import XCTest

@testable import TlumachServer

final class ServeSettingsTests: XCTestCase {
    private let file = TlumachConfig.ServeSettings(host: "0.0.0.0", port: 9000, bodyLimit: 1000, allowAnonymousRead: true)

    func testTheFileGivesWhatNeitherFlagsNorEnvironmentGive() throws {
        var settings = TlumachServer.ServeSettings()
        try settings.apply(flags: TlumachConfig.ServeSettings(), environment: [:], file: file)
        XCTAssertEqual(settings.host, "0.0.0.0")
        XCTAssertEqual(settings.port, 9000)
        XCTAssertEqual(settings.bodyLimit, 1000)
        XCTAssertTrue(settings.allowAnonymousRead)
    }

    func testTheEnvironmentWinsOverTheFileAndFlagsOverBoth() throws {
        let environment = [
            "TLUMACH_SERVE_HOST": "10.0.0.1", "TLUMACH_SERVE_PORT": "9100", "TLUMACH_SERVE_BODY_LIMIT": "2000",
            "TLUMACH_SERVE_ALLOW_ANONYMOUS_READ": "false",
        ]
        var fromEnvironment = TlumachServer.ServeSettings()
        try fromEnvironment.apply(flags: TlumachConfig.ServeSettings(), environment: environment, file: file)
        XCTAssertEqual(fromEnvironment.host, "10.0.0.1")
        XCTAssertEqual(fromEnvironment.port, 9100)
        XCTAssertEqual(fromEnvironment.bodyLimit, 2000)
        XCTAssertFalse(fromEnvironment.allowAnonymousRead)

        var fromFlags = TlumachServer.ServeSettings()
        try fromFlags.apply(
            flags: TlumachConfig.ServeSettings(host: "127.0.0.2", port: 0, bodyLimit: 3000, allowAnonymousRead: true),
            environment: environment, file: file)
        XCTAssertEqual(fromFlags.host, "127.0.0.2")
        XCTAssertEqual(fromFlags.port, 0)
        XCTAssertEqual(fromFlags.bodyLimit, 3000)
        XCTAssertTrue(fromFlags.allowAnonymousRead)
    }

    func testNothingGivenKeepsTheDefaults() throws {
        var settings = TlumachServer.ServeSettings()
        try settings.apply(flags: TlumachConfig.ServeSettings(), environment: [:], file: TlumachConfig.ServeSettings())
        XCTAssertEqual(settings.host, "127.0.0.1")
        XCTAssertEqual(settings.port, 8080)
        XCTAssertEqual(settings.bodyLimit, 50 << 20)
        XCTAssertFalse(settings.allowAnonymousRead)
    }

    func testABadEnvironmentValueIsNamed() {
        var settings = TlumachServer.ServeSettings()
        for (name, value) in [
            ("TLUMACH_SERVE_PORT", "http"), ("TLUMACH_SERVE_PORT", "70000"), ("TLUMACH_SERVE_BODY_LIMIT", "0"),
            ("TLUMACH_SERVE_ALLOW_ANONYMOUS_READ", "maybe"),
        ] {
            XCTAssertThrowsError(try settings.apply(flags: TlumachConfig.ServeSettings(), environment: [name: value], file: file)) { error in
                XCTAssertTrue("\(error)".hasPrefix(name + ":"), "\(error)")
            }
        }
    }

    /// Another process writing the same SQLite file (`tlumach tm import`) is noticed by the change-sequence poll.
    func testAnImportByAnotherProcessIsSearchableWithinASecond() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let service = try await fixture.service()
        let query = "/v1/tm/search?q=The%20city%20council%20approved%20the%20winter%20heating%20plan"
        try await service.makeApplication().test(.router) { client in
            try await client.execute(uri: query, method: .get) { XCTAssertFalse($0.text.contains("Міська рада"), $0.text) }
        }
        let other = try TranslationMemory.open(path: fixture.memoryPath, access: .write)
        try other.add(pairs: [("The city council approved the winter heating plan today.", "Міська рада сьогодні ухвалила план опалення на зиму.")])
        try await Task.sleep(for: .seconds(1))
        try await service.makeApplication().test(.router) { client in
            try await client.execute(uri: query, method: .get) { XCTAssertTrue($0.text.contains("Міська рада"), $0.text) }
        }
    }
}
