import Foundation
import TlumachCore

/// Where a PostgreSQL memory lives: `postgres://user[:password]@host[:port]/database?schema=NAME&sslmode=require`.
/// The password comes from the URL, else `PGPASSWORD`, else the password file (`PGPASSFILE` or `~/.pgpass`); it is
/// never part of `description`.
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// A folder holding the server's Unix socket (`?host=/path`), used instead of TCP when set.
    public var socketFolder: String?
    public var user: String
    public var password: String?
    public var database: String
    /// The schema holding the memory's tables (one database can hold several memories).
    public var schema: String
    public var tls: TLSMode

    public enum TLSMode: String, Sendable {
        /// No TLS (the default, as for a server on this machine).
        case disable
        /// TLS when the server offers it.
        case prefer
        /// TLS or no connection; the certificate is not verified (libpq's `require`).
        case require
        /// TLS with the server's certificate verified against the system's roots and its name.
        case verifyFull = "verify-full"
    }

    public static let defaultSchema = "tlumach"

    /// True when `location` names a PostgreSQL memory rather than a file.
    public static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// Parses a URL; every problem is one line that never shows the password.
    public init(url text: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        func bad(_ why: String) -> InputError {
            InputError(path: Self.redacted(text), message: "not a usable PostgreSQL URL: \(why)")
        }
        guard Self.isURL(text), let components = URLComponents(string: text) else {
            throw bad("expected postgres://user@host:port/database?schema=NAME")
        }
        host = components.host.map { $0.removingPercentEncoding ?? $0 } ?? ""
        port = components.port ?? 5432
        guard (1...65535).contains(port) else { throw bad("the port must be 1–65535") }
        user = components.user.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGUSER"] ?? environment["USER"] ?? ""
        guard !user.isEmpty else { throw bad("no user name (postgres://USER@host/database)") }
        var path = components.percentEncodedPath
        if path.hasPrefix("/") { path.removeFirst() }
        database = path.removingPercentEncoding ?? path
        guard !database.isEmpty, !database.contains("/") else { throw bad("no database name (postgres://user@host/DATABASE)") }
        schema = Self.defaultSchema
        tls = .disable
        socketFolder = nil
        for item in components.queryItems ?? [] {
            let value = item.value ?? ""
            switch item.name {
            case "schema":
                guard Self.isPlainName(value) else {
                    throw bad("schema must be letters, digits and _ (at most 63), starting with a letter or _")
                }
                schema = value
            case "sslmode":
                switch value {
                case "disable", "allow": tls = .disable
                case "prefer": tls = .prefer
                case "require", "verify-ca": tls = .require
                case "verify-full": tls = .verifyFull
                default: throw bad("sslmode must be disable, prefer, require or verify-full")
                }
            case "host":
                guard value.hasPrefix("/") else { throw bad("host= takes the folder of the server's Unix socket") }
                socketFolder = value
            case "connect_timeout", "application_name":
                continue
            default:
                throw bad("unknown parameter '\(item.name)' (known: schema, sslmode, host)")
            }
        }
        guard !host.isEmpty || socketFolder != nil else { throw bad("no host (postgres://user@HOST/database)") }
        if host.isEmpty { host = "localhost" }
        password =
            components.password.map { $0.removingPercentEncoding ?? $0 } ?? environment["PGPASSWORD"]
            ?? Self.passwordFromFile(
                host: socketFolder == nil ? host : "localhost", port: port, database: database, user: user,
                environment: environment)
    }

    /// The URL with any password replaced by `***`: safe to print.
    public var description: String {
        var text = "postgres://\(user)@\(host):\(port)/\(database)?schema=\(schema)"
        if let socketFolder { text += "&host=\(socketFolder)" }
        if tls != .disable { text += "&sslmode=\(tls.rawValue)" }
        return text
    }

    /// `text` with the password part of a URL hidden.
    static func redacted(_ text: String) -> String {
        guard let scheme = text.range(of: "://") else { return text }
        let rest = text[scheme.upperBound...]
        guard let at = rest.lastIndex(of: "@") else { return text }
        let credentials = rest[..<at]
        guard let colon = credentials.firstIndex(of: ":") else { return text }
        return String(text[..<colon]) + ":***" + String(text[at...])
    }

    static func isPlainName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.utf8.count <= 63 else { return false }
        func plain(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII && (scalar == "_" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
        }
        return !("0"..."9").contains(first) && name.unicodeScalars.allSatisfy(plain)
    }

    /// The password for this server from a libpq password file (`host:port:database:user:password`, `*` matches
    /// anything, `\` escapes). Like libpq, a file others can read is ignored.
    static func passwordFromFile(
        host: String, port: Int, database: String, user: String, environment: [String: String]
    ) -> String? {
        let file = environment["PGPASSFILE"] ?? (environment["HOME"].map { $0 + "/.pgpass" } ?? "")
        guard !file.isEmpty, let attributes = try? FileManager.default.attributesOfItem(atPath: file),
            let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 == 0,
            let text = try? String(contentsOfFile: file, encoding: .utf8)
        else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = [""]
            var escaped = false
            for character in line {
                if escaped {
                    fields[fields.count - 1].append(character)
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == ":" && fields.count < 5 {
                    fields.append("")
                } else {
                    fields[fields.count - 1].append(character)
                }
            }
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
