import Foundation
import TlumachConfig

extension ServeSettings {
    /// Environment variables naming the same settings as the `serve:` section.
    public static let environmentVariables = (
        host: "TLUMACH_SERVE_HOST", port: "TLUMACH_SERVE_PORT", bodyLimit: "TLUMACH_SERVE_BODY_LIMIT",
        allowAnonymousRead: "TLUMACH_SERVE_ALLOW_ANONYMOUS_READ"
    )

    /// Sets host, port, body limit and anonymous reads from, in this order of precedence: the flags (the same
    /// four optional settings as the `serve:` section, nil where a flag was not given), the environment, the
    /// `serve:` section of `.tlumach.yml`; what none gives keeps its default. A malformed environment value is
    /// refused naming the variable.
    public mutating func apply(
        flags: TlumachConfig.ServeSettings, environment: [String: String], file: TlumachConfig.ServeSettings
    ) throws {
        let names = Self.environmentVariables
        func variable(_ name: String) -> String? {
            guard let value = environment[name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
            return value
        }
        func number(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
            guard let text = variable(name) else { return nil }
            guard let value = Int(text), range.contains(value) else {
                throw ServeSettingsError(message: "\(name): a number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
            }
            return value
        }
        var anonymous: Bool?
        if let text = variable(names.allowAnonymousRead) {
            switch text.lowercased() {
            case "1", "true", "yes": anonymous = true
            case "0", "false", "no": anonymous = false
            default: throw ServeSettingsError(message: "\(names.allowAnonymousRead): true or false, not '\(text)'")
            }
        }
        host = flags.host ?? variable(names.host) ?? file.host ?? host
        port = try flags.port ?? number(names.port, in: 0...65_535) ?? file.port ?? port
        bodyLimit = try flags.bodyLimit ?? number(names.bodyLimit, in: 1...Int.max) ?? file.bodyLimit ?? bodyLimit
        allowAnonymousRead = flags.allowAnonymousRead ?? anonymous ?? file.allowAnonymousRead ?? allowAnonymousRead
    }
}

/// A setting from the environment that cannot be used.
public struct ServeSettingsError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
