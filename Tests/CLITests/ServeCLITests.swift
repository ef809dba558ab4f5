import Foundation
import TlumachTestSupport
import XCTest

#if canImport(Glibc)
    import Glibc
#endif

/// `tlumach serve token …` and the server process itself (SIGTERM: finish, exit 0).
final class ServeCLITests: XCTestCase {
    /// A TCP port free on 127.0.0.1 now: bound to port 0, read back, closed (no connection, so no TIME_WAIT).
    static func unusedLoopbackPort() -> Int? {
        #if canImport(Glibc)
            let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard listener >= 0 else { return nil }
            defer { close(listener) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = 0
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(listener, $0, length) == 0 && getsockname(listener, $0, &length) == 0
                }
            }
            return bound ? Int(UInt16(bigEndian: address.sin_port)) : nil
        #else
            return Int.random(in: 20_000...32_000)
        #endif
    }

    private func memory() throws -> (folder: URL, path: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("serve-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("tm.tmdb").path
        let imported = try CLI.run(["tm", "import", "--tm", path, "examples/memory/newsroom.tmx"])
        XCTAssertEqual(imported.status, 0, imported.stderr)
        return (folder, path)
    }

    func testTokenAddPrintsTheTokenAloneAndStoresOnlyItsHash() throws {
        let (folder, path) = try memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let added = try CLI.run(["serve", "token", "add", "--tm", path, "--scope", "write", "--name", "cms"])
        XCTAssertEqual(added.status, 0, added.stderr)
        let token = added.stdout.trimmingCharacters(in: .newlines)
        XCTAssertTrue(token.hasPrefix("tlm_") && token.count == 68 && !token.contains(" "), added.stdout)
        let file = try Data(contentsOf: URL(fileURLWithPath: path))
        XCTAssertNil(file.range(of: Data(token.utf8)), "the token itself is in the memory file")
        let listed = try CLI.run(["serve", "token", "list", "--tm", path])
        XCTAssertTrue(listed.stdout.hasPrefix("cms\twrite\t"), listed.stdout)
        XCTAssertFalse(listed.stdout.contains(token))
        XCTAssertEqual(try CLI.run(["serve", "token", "add", "--tm", path, "--scope", "root", "--name", "x"]).status, 2)
        XCTAssertEqual(try CLI.run(["serve", "token", "revoke", "--tm", path, "cms"]).status, 0)
        XCTAssertTrue(try CLI.run(["serve", "token", "list", "--tm", path]).stdout.contains("revoked"))
        XCTAssertEqual(try CLI.run(["serve", "token", "revoke", "--tm", path, "cms"]).status, 2)
    }

    func testTheServerStartsOnAFreePortAndExitsZeroOnSIGTERM() throws {
        let (folder, path) = try memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve", "--tm", path, "--port", "0", "--host", "0.0.0.0"]
        process.currentDirectoryURL = CLI.packageRoot
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Read standard error until the bound address appears.
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("listening on http://"), Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        XCTAssertTrue(text.contains("no API token is configured: listening on 127.0.0.1 only"), text)
        XCTAssertTrue(text.contains("listening on http://127.0.0.1:"), text)
        process.terminate()  // SIGTERM
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 0)
    }

    /// `tm:` and `serve:` in .tlumach.yml: the memory, host and port come from the file when no flag gives them.
    func testTheMemoryAndListeningSettingsComeFromTheProjectFile() throws {
        let (folder, _) = try memory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The file takes 1…65535, not 0: a port the kernel just handed out and nobody holds (a random one in the
        // ephemeral range collided with a connection of the run, "Address already in use").
        let port = try XCTUnwrap(Self.unusedLoopbackPort())
        try "tm: tm.tmdb\nserve:\n  host: 0.0.0.0\n  port: \(port)\n".write(
            to: folder.appendingPathComponent(".tlumach.yml"), atomically: true, encoding: .utf8)
        let added = try CLI.run(["serve", "token", "add", "--scope", "read", "--name", "team"], in: folder)
        XCTAssertEqual(added.status, 0, added.stderr)
        XCTAssertTrue(try CLI.run(["serve", "token", "list"], in: folder).stdout.hasPrefix("team\tread\t"))
        XCTAssertEqual(try CLI.run(["serve", "token", "revoke", "team"], in: folder).status, 0)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["serve"]
        process.currentDirectoryURL = folder
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "TLUMACH_TM")
        environment.removeValue(forKey: "TLUMACH_SERVE_HOST")
        environment.removeValue(forKey: "TLUMACH_SERVE_PORT")
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while !text.contains("listening on http://"), Date() < deadline {
            let chunk = errors.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        process.terminate()
        process.waitUntilExit()
        // host 0.0.0.0 from the file, refused without an active token (so the file was read); the file's port.
        XCTAssertTrue(text.contains("\"asked\":\"0.0.0.0\""), text)
        XCTAssertTrue(text.contains("listening on http://127.0.0.1:\(port)"), text)
        XCTAssertEqual(process.terminationStatus, 0)
    }
}
