import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP proxy in front of the test server that counts the statements clients send through it: each Parse message
/// of the extended protocol (what PostgresNIO sends for every query) and each simple Query message. What the
/// server is asked, seen on the wire, whatever the client code does.
final class StatementCountingProxy: @unchecked Sendable {  // unchecked: counters under `lock`
    let port: Int
    private let listener: Int32
    private let upstream: sockaddr_in
    private let lock = NSLock()
    private var counted: [UInt8: Int] = [:]
    private var parsedTexts: [String] = []

    /// The SQL text of every Parse and Query message, in order.
    var texts: [String] { lock.withLock { parsedTexts } }

    /// Statements (Parse + Query messages) sent through the proxy so far.
    var statements: Int { lock.withLock { counted[UInt8(ascii: "P"), default: 0] + counted[UInt8(ascii: "Q"), default: 0] } }

    init(upstreamPort: Int) throws {
        var server = sockaddr_in()
        server.sin_family = sa_family_t(AF_INET)
        server.sin_port = in_port_t(UInt16(upstreamPort).bigEndian)
        server.sin_addr.s_addr = inet_addr("127.0.0.1")
        upstream = server
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let socket = listener
        let bound = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bind(socket, address, length) == 0 && listen(socket, 8) == 0
                    && getsockname(socket, address, &length) == 0
            }
        }
        guard bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: local.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { close(listener) }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let server = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = upstream
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(server, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            guard connected else {
                close(client)
                close(server)
                continue
            }
            Thread { [self] in pump(client: client, server: server) }.start()
        }
    }

    /// Copies bytes both ways until either side closes, reading the client's messages as they pass.
    private func pump(client: Int32, server: Int32) {
        defer {
            close(client)
            close(server)
        }
        var pending: [UInt8] = []
        var started = false  // the startup message (untyped) has passed
        var buffer = [UInt8](repeating: 0, count: 65536)
        var fds = [pollfd(fd: client, events: Int16(POLLIN), revents: 0), pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
        while poll(&fds, 2, -1) > 0 {
            for (index, entry) in fds.enumerated() where entry.revents != 0 {
                let from = entry.fd
                let to = index == 0 ? server : client
                let count = read(from, &buffer, buffer.count)
                guard count > 0 else { return }
                var written = 0
                while written < count {
                    let step = buffer[written..<count].withUnsafeBytes { write(to, $0.baseAddress, $0.count) }
                    guard step > 0 else { return }
                    written += step
                }
                if index == 0 {
                    pending.append(contentsOf: buffer[0..<count])
                    consume(&pending, started: &started)
                }
            }
        }
    }

    private func consume(_ bytes: inout [UInt8], started: inout Bool) {
        func length(at offset: Int) -> Int {
            bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
        }
        var offset = 0
        while true {
            if !started {
                // Untyped: an SSL or GSS request (code 8087xxxx) or the startup message (protocol 3.0).
                guard bytes.count - offset >= 8 else { break }
                let size = length(at: offset)
                guard bytes.count - offset >= size else { break }
                if length(at: offset + 4) == 196_608 { started = true }
                offset += size
            } else {
                guard bytes.count - offset >= 5 else { break }
                let size = length(at: offset + 1)
                guard bytes.count - offset >= 1 + size else { break }
                let type = bytes[offset]
                // Parse: statement name, NUL, query text, NUL, …; Query: query text, NUL.
                var body = Array(bytes[(offset + 5)..<(offset + 1 + size)])
                if type == UInt8(ascii: "P"), let end = body.firstIndex(of: 0) { body.removeFirst(end + 1) }
                let text = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
                lock.withLock {
                    counted[type, default: 0] += 1
                    if type == UInt8(ascii: "P") || type == UInt8(ascii: "Q") { parsedTexts.append(text) }
                }
                offset += 1 + size
            }
        }
        bytes.removeFirst(offset)
    }
}
