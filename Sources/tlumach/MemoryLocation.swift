import Foundation
import TlumachConfig
import TlumachCore
import TlumachMemory

/// Turns where a memory is into its store: the one place the CLI decides which store a location names.
enum MemoryLocation {
    /// The environment variable naming the memory when no `--tm` is given.
    static let environmentVariable = "TLUMACH_TM"

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

    static func isURL(_ location: String) -> Bool {
        location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
    }

    /// The PostgreSQL store (module TlumachMemoryPostgres, issue 14) is not built into this binary yet: a URL is
    /// refused in one line, without echoing it (it may carry a password).
    private static func refuseURL() -> InputError {
        InputError(
            path: "--tm", message: "PostgreSQL memories (postgres://…) are not built into this tlumach yet; give a memory file")
    }

    /// Opens the store at `location` (a file: the SQLite memory).
    static func open(_ location: String, access: TranslationMemory.Access) throws -> any MemoryStore {
        if isURL(location) { throw refuseURL() }
        return try TranslationMemory.open(path: location, access: access)
    }

    /// Runs `body` on the store at `location`, creating the memory when there is none (a new file appears only when
    /// `body` succeeds: `TranslationMemory.withMemory(creatingAt:)`).
    static func withStore<T>(creatingAt location: String, _ body: (any MemoryStore) throws -> T) throws -> T {
        if isURL(location) { throw refuseURL() }
        return try TranslationMemory.withMemory(creatingAt: location) { try body($0) }
    }

    /// A location as shown in messages.
    static func shown(_ location: String) -> String { isURL(location) ? "--tm" : location }
}
