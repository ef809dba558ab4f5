import Foundation
import TlumachCore
import TlumachMemory

/// Turns where a memory is (a path or a `postgres://` URL) into its store: the one place that knows both stores.
public enum MemoryLocation {
    /// The environment variable naming the memory when no `--tm` is given.
    public static let environmentVariable = "TLUMACH_TM"

    /// The location given, else `TLUMACH_TM`; nil when neither is set.
    public static func resolve(_ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String?
    {
        if let given, !given.isEmpty { return given }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        return nil
    }

    /// Opens the store at `location`: a `postgres://` URL is a PostgreSQL memory, anything else an SQLite file.
    public static func open(
        _ location: String, access: TranslationMemory.Access,
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> any MemoryStore {
        if PostgresLocation.isURL(location) {
            return try PostgresMemory.open(PostgresLocation(url: location, environment: environment), access: access)
        }
        return try TranslationMemory.open(path: location, access: access)
    }

    /// Runs `body` on the store at `location`, creating the memory when there is none. A new SQLite file appears
    /// only when `body` succeeds (`TranslationMemory.withMemory(creatingAt:)`); on PostgreSQL the schema is created
    /// and each write is its own transaction.
    public static func withStore<T>(
        creatingAt location: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        _ body: (any MemoryStore) throws -> T
    ) throws -> T {
        if PostgresLocation.isURL(location) {
            let store = try PostgresMemory.open(PostgresLocation(url: location, environment: environment), access: .create)
            return try body(store)
        }
        return try TranslationMemory.withMemory(creatingAt: location) { try body($0) }
    }
}
