import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import TlumachMemory
import XCTest

@testable import TlumachServer

final class AccessTests: XCTestCase {
    func testTokensScopesAndRevocation() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let store = try SQLiteTokenStore(memoryPath: fixture.memoryPath)
        let reader = try store.issue(name: "ci", scope: .read)
        let writer = try store.issue(name: "cms", scope: .write)
        XCTAssertTrue(reader.hasPrefix("tlm_"))
        XCTAssertFalse(try store.all().contains { $0.hash == reader || $0.hash.contains(reader) }, "only hashes are stored")
        XCTAssertThrowsError(try store.issue(name: "ci", scope: .admin), "an active name is not reused")
        let service = try await fixture.service()
        XCTAssertTrue(service.tokensRequired)
        let app = service.makeApplication()
        let unit = bodyText(#"{"units": [{"source": "One more sentence here.", "target": "Ще одне речення тут."}]}"#)
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/tm/search?q=budget", method: .get) { response in
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertEqual(response.errorCode, "unauthorized")
                XCTAssertEqual(response.headers[.wwwAuthenticate], "Bearer")
            }
            try await client.execute(uri: "/healthz", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/v1/tm/search?q=budget", method: .get, headers: bearer(reader)) {
                XCTAssertEqual($0.status, .ok)
            }
            try await client.execute(uri: "/v1/tm/units", method: .post, headers: bearer(reader), body: unit) { response in
                XCTAssertEqual(response.status, .forbidden)
                XCTAssertEqual(response.errorCode, "forbidden")
            }
            try await client.execute(uri: "/v1/tm/units", method: .post, headers: bearer(writer), body: unit) {
                XCTAssertEqual($0.status, .created)
            }
            try await client.execute(uri: "/v1/tm/stats", method: .get, headers: bearer(writer + "x")) {
                XCTAssertEqual($0.status, .unauthorized)
            }
            try await client.execute(uri: "/v1/tm/stats", method: .get, headers: [.authorization: "Basic abc"]) {
                XCTAssertEqual($0.status, .unauthorized)
            }
            XCTAssertTrue(try store.revoke(name: "ci"))
            try await client.execute(uri: "/v1/tm/search?q=budget", method: .get, headers: bearer(reader)) { response in
                XCTAssertEqual(response.status, .unauthorized)
                XCTAssertEqual(response.errorMessage, "unknown or revoked token")
            }
        }
        XCTAssertFalse(try store.revoke(name: "ci"))
    }

    /// Without tokens the server keeps to loopback, whatever interface was asked for; with
    /// --allow-anonymous-read it listens there, reads need no token and writes are refused.
    func testNoTokensMeansLoopbackOnly() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let local = try await fixture.service { $0.host = "0.0.0.0" }
        XCTAssertEqual(local.host, "127.0.0.1")
        XCTAssertFalse(local.tokensRequired)
        let open = try await fixture.service {
            $0.host = "0.0.0.0"
            $0.allowAnonymousRead = true
        }
        XCTAssertEqual(open.host, "0.0.0.0")
        try await open.makeApplication().test(.router) { client in
            try await client.execute(uri: "/v1/tm/stats", method: .get) { XCTAssertEqual($0.status, .ok) }
            try await client.execute(uri: "/v1/tm/units/1", method: .delete) { XCTAssertEqual($0.status, .unauthorized) }
        }
    }

    func testSHA256KnownAnswers() {
        XCTAssertEqual(SHA256.hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(
            SHA256.hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Heavy requests over the limit are refused at once with 429.
    func testHeavyRequestsOverTheLimitAre429() async throws {
        let limiter = HeavyLimiter(limit: 1)
        let (entered, enteredContinuation) = AsyncStream<Void>.makeStream()
        let (release, releaseContinuation) = AsyncStream<Void>.makeStream()
        let first = Task {
            try await limiter.run {
                enteredContinuation.yield()
                for await _ in release { break }
                return 1
            }
        }
        for await _ in entered { break }
        do {
            _ = try await limiter.run { 2 }
            XCTFail("a second heavy request was admitted")
        } catch let error as APIError {
            XCTAssertEqual(error.status, .tooManyRequests)
        }
        releaseContinuation.yield()
        let value = try await first.value
        XCTAssertEqual(value, 1)
        let after = try await limiter.run { 3 }
        XCTAssertEqual(after, 3)
    }

    func testRequestsOverTheTimeLimitAre503() async throws {
        do {
            _ = try await withTimeLimit(.milliseconds(50)) {
                try await Task.sleep(for: .seconds(30))
                return 1
            }
            XCTFail("not stopped")
        } catch let error as APIError {
            XCTAssertEqual(error.status, .serviceUnavailable)
            XCTAssertEqual(error.code, "timeout")
        }
        let quick = try await withTimeLimit(.seconds(30)) { 7 }
        XCTAssertEqual(quick, 7)
    }
}

final class TextRouteTests: XCTestCase {
    func testGlossaryLookupAndTerms() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await fixture.service().makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/glossary/lookup?q=%D0%9A%D0%B8%D1%94%D0%B2%D0%B0", method: .get) { response in
                XCTAssertEqual(response.status, .ok, response.text)
                let results = try XCTUnwrap(try response.object()["results"] as? [[String: Any]])
                XCTAssertEqual(results.first?["concept"] as? String, "kyiv")
            }
            try await client.execute(uri: "/v1/glossary/lookup", method: .get) { XCTAssertEqual($0.status, .badRequest) }
            try await client.execute(uri: "/v1/glossary/terms?lang=en", method: .post, body: ByteBuffer(string: "We flew\nto Kiev.")) {
                response in
                XCTAssertEqual(response.status, .ok, response.text)
                let matches = try XCTUnwrap(try response.object()["matches"] as? [[String: Any]])
                XCTAssertEqual(matches.count, 1)
                XCTAssertEqual(matches.first?["line"] as? Int, 2)
                XCTAssertEqual(matches.first?["status"] as? String, "forbidden")
                XCTAssertEqual(matches.first?["file"] as? String, "body")
            }
        }
    }

    func testCheckTakesAFileOrJSONUnits() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await fixture.service().makeApplication()
        let po = """
            msgid ""
            msgstr ""
            "Content-Type: text/plain; charset=UTF-8\\n"
            "Language: uk\\n"

            msgid "Open %s file"
            msgstr "Відкрити файл"

            """
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/check?filename=app.uk.po", method: .post, body: ByteBuffer(string: po)) { response in
                XCTAssertEqual(response.status, .ok, response.text)
                XCTAssertTrue(response.text.contains("app.uk.po"), response.text)
                XCTAssertFalse(response.text.contains("tlumach-serve-"), "the temporary path leaked: \(response.text)")
                XCTAssertTrue(response.text.contains("placeholder"), response.text)
                XCTAssertEqual(response.headers[.init("X-Tlumach-Check-Exit")!], "1")
            }
            try await client.execute(uri: "/v1/check?format=sarif", method: .post, headers: [.contentType: "text/x-po"], body: ByteBuffer(string: po)) {
                response in
                XCTAssertEqual(response.status, .ok, response.text)
                XCTAssertEqual(try response.object()["version"] as? String, "2.1.0")
            }
            let units = #"{"sourceLang": "en", "targetLang": "uk", "units": [{"source": "Open %s file", "target": "Відкрити файл"}]}"#
            try await client.execute(uri: "/v1/check", method: .post, headers: [.contentType: "application/json"], body: bodyText(units)) {
                response in
                XCTAssertEqual(response.status, .ok, response.text)
                XCTAssertTrue(response.text.contains("placeholder"), response.text)
            }
            try await client.execute(uri: "/v1/check", method: .post, body: ByteBuffer(string: po)) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertTrue(response.errorMessage?.hasPrefix("filename:") ?? false)
            }
            try await client.execute(uri: "/v1/check?format=junit&filename=a.po", method: .post, body: ByteBuffer(string: po)) {
                XCTAssertEqual($0.status, .badRequest)
            }
        }
    }

    func testNormalizeAndTranslit() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let app = try await fixture.service().makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/v1/normalize?lang=uk", method: .post, body: ByteBuffer(string: "Він сказав \"так\" - і пішов.")) {
                response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.text, "Він сказав «так» — і пішов.")
            }
            try await client.execute(uri: "/v1/normalize?report=json", method: .post, body: ByteBuffer(string: "Він сказав \"так\".")) {
                response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertNotNil(try response.object())
            }
            try await client.execute(uri: "/v1/normalize", method: .post, body: ByteBuffer(bytes: [0x41, 0xFF, 0x42])) { response in
                XCTAssertEqual(response.status, .badRequest)
                XCTAssertEqual(response.errorMessage, "body: byte 1: invalid UTF-8")
            }
            try await client.execute(uri: "/v1/translit", method: .post, body: ByteBuffer(string: "Згорани, Київ")) { response in
                XCTAssertEqual(response.status, .ok)
                XCTAssertEqual(response.text, "Zghorany, Kyiv")
            }
        }
    }
}
