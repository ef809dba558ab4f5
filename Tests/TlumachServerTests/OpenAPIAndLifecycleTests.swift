import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ServiceLifecycle
import TlumachMemory
import XCTest

@testable import TlumachServer

final class OpenAPIDocumentTests: XCTestCase {
    static var documentURL: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/openapi.yaml")
    }

    /// The routes docs/openapi.yaml describes: `  /path:` lines, then `    method:` lines under each.
    static func documentedRoutes(_ text: String) -> Set<String> {
        var routes = Set<String>()
        var path: String?
        var inPaths = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if !line.hasPrefix(" ") && !line.isEmpty { inPaths = line == "paths:" }
            guard inPaths else { continue }
            if line.hasPrefix("  /"), line.hasSuffix(":"), !line.hasPrefix("   ") {
                path = String(line.dropFirst(2).dropLast())
            } else if let path, line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") {
                let method = line.trimmingCharacters(in: .whitespaces).dropLast()
                if ["get", "post", "put", "delete", "patch"].contains(method) { routes.insert("\(method.uppercased()) \(path)") }
            }
        }
        return routes
    }

    func testTheDocumentDescribesEveryRouteAndNoOther() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let service = try await fixture.service()
        let routes = Set(service.makeRouter().routes.map(\.description))
        XCTAssertEqual(routes.count, 17)
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        XCTAssertTrue(document.hasPrefix("openapi: 3.1"))
        XCTAssertEqual(Self.documentedRoutes(document), routes)
        // Every route answers something other than "no such route".
        try await service.makeApplication().test(.router) { client in
            for route in routes {
                let parts = route.split(separator: " ")
                let uri = String(parts[1]).replacingOccurrences(of: "{id}", with: "999")
                try await client.execute(uri: uri, method: HTTPRequest.Method(rawValue: String(parts[0]))!) { response in
                    XCTAssertNotEqual(response.errorCode, "not_found", route)
                }
            }
            // The server serves the document as it is.
            try await client.execute(uri: "/openapi.yaml", method: .get) { XCTAssertEqual($0.text, document) }
        }
    }

    /// Each error status a route can answer is described for it.
    func testEveryRouteDocumentsItsErrors() throws {
        let document = try String(contentsOf: Self.documentURL, encoding: .utf8)
        XCTAssertTrue(document.contains("ErrorBody"))
        for status in ["400", "401", "403", "404", "413", "429", "503"] {
            XCTAssertTrue(document.contains("\"\(status)\":"), "status \(status) is not described")
        }
    }
}

final class LifecycleTests: XCTestCase {
    /// SIGTERM (here: the service group's graceful shutdown) stops accepting, lets the request under way finish and
    /// then returns. The in-flight request is an import whose body is still arriving when shutdown starts.
    func testGracefulShutdownFinishesTheRequestUnderWay() async throws {
        let fixture = try ServerFixture()
        defer { fixture.remove() }
        let service = try await fixture.service()
        let (ports, portContinuation) = AsyncStream<Int>.makeStream()
        let app = service.makeApplication { _, port in portContinuation.yield(port) }
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let group = ServiceGroup(services: [app], gracefulShutdownSignals: [], logger: logger)
        let running = Task { try await group.run() }
        var bound = 0
        for await port in ports {
            bound = port
            break
        }
        XCTAssertGreaterThan(bound, 0)
        let body = ServerFixture.tmx.replacingOccurrences(of: "Kharkiv overnight", with: "Sumy at noon")
        let bytes = Array(body.utf8)
        let connection = try RawConnection(port: bound)
        try connection.send(
            "POST /v1/tm/import HTTP/1.1\r\nHost: localhost\r\nContent-Length: \(bytes.count)\r\nConnection: close\r\n\r\n")
        try connection.send(bytes: Array(bytes.prefix(100)))
        try await Task.sleep(for: .milliseconds(300))
        await group.triggerGracefulShutdown()
        try await Task.sleep(for: .milliseconds(300))
        try connection.send(bytes: Array(bytes.dropFirst(100)))
        let response = try connection.receiveAll()
        XCTAssertTrue(response.hasPrefix("HTTP/1.1 200"), response)
        XCTAssertTrue(response.contains("\"added\":1"), response)
        try await running.value
        XCTAssertEqual(try TranslationMemory.open(path: fixture.memoryPath, access: .read).count(), 4)
        XCTAssertThrowsError(try RawConnection(port: bound), "still accepting after shutdown")
    }
}

/// A plain TCP client to loopback, to send a request in pieces.
final class RawConnection {
    private let socket: Int32

    init(port: Int) throws {
        socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        if result != 0 {
            close(socket)
            throw POSIXError(.ECONNREFUSED)
        }
    }

    deinit { close(socket) }

    func send(_ text: String) throws { try send(bytes: Array(text.utf8)) }

    func send(bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Foundation.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw POSIXError(.EPIPE) }
            offset += sent
        }
    }

    func receiveAll() throws -> String {
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }
}
