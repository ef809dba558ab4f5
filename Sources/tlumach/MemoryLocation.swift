import Foundation
import TlumachConfig
import TlumachCore
import TlumachMemory
import TlumachMemoryPostgres

/// Turns where a memory is into its store. The decision itself (a `postgres://` URL is a PostgreSQL memory, anything
/// else an SQLite file) lives in one place, `TlumachMemoryPostgres.MemoryLocation`; this adds what the CLI shows.
enum MemoryLocation {
    private typealias Stores = TlumachMemoryPostgres.MemoryLocation

    /// The environment variable naming the memory when no `--tm` is given.
    static let environmentVariable = Stores.environmentVariable

    /// The location given, else `TLUMACH_TM`, else `tm:` in the project's settings (a path there is relative to the
    /// settings file); nil when none is set. The settings are read only when neither of the first two is set.
    static func resolve(
        _ given: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
        settings: () throws -> ProjectSettings = { try ProjectSettings.load() }
    ) throws -> String? {
        if let given, !given.isEmpty { return given }
        if let value = environment[environmentVariable], !value.isEmpty { return value }
        let project = try settings()
        guard let store = project.memoryStore, !store.isEmpty else { return nil }
        guard !isURL(store), let file = project.file else { return store }
        return file.resolved([store])[0]
    }

    static func isURL(_ location: String) -> Bool { PostgresLocation.isURL(location) }

    /// Opens the store at `location`.
    static func open(_ location: String, access: TranslationMemory.Access) throws -> any MemoryStore {
        try Stores.open(location, access: access)
    }

    /// Runs `body` on the store at `location`, creating the memory when there is none (a new SQLite file appears
    /// only when `body` succeeds: `TranslationMemory.withMemory(creatingAt:)`).
    static func withStore<T>(creatingAt location: String, _ body: (any MemoryStore) throws -> T) throws -> T {
        try Stores.withStore(creatingAt: location, body)
    }

    /// A short name for the memory, as pretranslated files record where a match came from: a file's name, or
    /// `database/schema` on a server (never host, user or password).
    static func name(_ location: String) -> String {
        guard isURL(location) else { return (location as NSString).lastPathComponent }
        guard let parsed = try? PostgresLocation(url: location) else { return "postgres" }
        return "\(parsed.database)/\(parsed.schema)"
    }

    /// A location as shown in messages: a URL without its password (or `--tm` when it cannot even be parsed).
    static func shown(_ location: String) -> String {
        guard isURL(location) else { return location }
        return (try? PostgresLocation(url: location).description) ?? "--tm"
    }
}
