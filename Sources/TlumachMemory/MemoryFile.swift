import Foundation
import GRDB
import TlumachCore

/// What a path holds before a memory is opened there. Only an import (or `open(path:access: .create)`) may create a
/// memory, and only where nothing is yet or in an empty file; everything else must already be a memory.
enum MemoryFileState {
    case missing
    case empty
    case sqlite

    static let sqliteMagic = Data("SQLite format 3\u{0}".utf8)

    static func inspect(_ path: String) throws -> MemoryFileState {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { return .missing }
            throw InputError(path: path, message: "cannot read the memory: \(String(cString: strerror(errno)))")
        }
        if (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError(path: path, message: "a folder, not a translation memory file")
        }
        if status.st_size == 0 { return .empty }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError(path: path, message: "cannot read the memory: permission denied")
        }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        guard header == sqliteMagic else {
            throw InputError(
                path: path,
                message: "not a translation memory (not an SQLite database); if it was one, the file is damaged: "
                    + "restore it from a backup")
        }
        return .sqlite
    }
}

extension TranslationMemory {
    /// How a memory is opened.
    public enum Access: Sendable {
        /// Read-only: works on read-only files and folders and never writes (search, concordance, stats, export).
        case read
        /// Read and write an existing memory.
        case write
        /// Read and write, creating an empty memory when the path does not exist or is an empty file.
        case create
    }

    /// Tables every memory has; a database lacking any of them is not a memory and is never written to.
    static let requiredTables: Set<String> = ["meta", "unit", "unit_tokens", "token", "posting", "import"]

    /// Opens the memory at `path`. An existing file must be a Tlumach memory (an SQLite file with its tables),
    /// else it is refused and left untouched.
    public static func open(path: String, access: Access) throws -> TranslationMemory {
        switch (try MemoryFileState.inspect(path), access) {
        case (.missing, .read), (.missing, .write):
            throw InputError(path: path, message: "no translation memory here (import a TMX file to create one)")
        case (.empty, .read), (.empty, .write):
            throw InputError(
                path: path, message: "an empty file, not a translation memory (import a TMX file to make it one)")
        case (.missing, .create), (.empty, .create):
            try withMemory(creatingAt: path) { _ in }
            return try openExisting(path: path, readOnly: false)
        case (.sqlite, _):
            return try openExisting(path: path, readOnly: access == .read)
        }
    }

    /// Runs `body` on the memory at `path`. When there is none yet (no file, or an empty file), the memory is built
    /// in a temporary file beside it and renamed into place only when `body` succeeds, so a refused first import
    /// leaves nothing behind (an empty file the user named stays empty). Concurrent creators are serialised by a lock
    /// on the path: the second finds the first's memory and runs `body` on it.
    public static func withMemory<T>(creatingAt path: String, _ body: (TranslationMemory) throws -> T) throws -> T {
        StaleTemporaries.remove(beside: path, tag: temporaryTag)
        while true {
            var createdHere = false
            var descriptor = Foundation.open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                createdHere = true
            } else if errno == EEXIST {
                descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
                if descriptor < 0 && errno == ENOENT { continue }  // replaced or removed meanwhile
            }
            guard descriptor >= 0 else {
                throw InputError(path: path, message: "cannot create the memory: \(String(cString: strerror(errno)))")
            }
            defer { Foundation.close(descriptor) }
            while flock(descriptor, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw InputError(path: path, message: "cannot lock the memory: \(String(cString: strerror(errno)))")
                }
            }
            var held = stat()
            var current = stat()
            guard fstat(descriptor, &held) == 0, stat(path, &current) == 0, held.st_ino == current.st_ino,
                held.st_dev == current.st_dev
            else { continue }  // another creator renamed its memory into place: start again on that
            if held.st_size > 0 {
                return try body(openExisting(path: path, readOnly: false))
            }
            if (held.st_mode & S_IFMT) != S_IFREG {
                throw InputError(path: path, message: "not a regular file: a memory cannot be created here")
            }
            let temporary = StaleTemporaries.path(beside: path, tag: temporaryTag)
            StaleTemporaries.removeDatabase(temporary)
            var memory: TranslationMemory?
            do {
                let created = try createEmpty(path: temporary, reportedPath: path)
                memory = created
                let result = try body(created)
                try created.close()
                memory = nil
                guard rename(temporary, path) == 0 else {
                    throw InputError(path: path, message: "cannot create the memory: \(String(cString: strerror(errno)))")
                }
                return result
            } catch {
                try? memory?.close()
                StaleTemporaries.removeDatabase(temporary)
                if createdHere { unlink(path) }
                throw error
            }
        }
    }

    static let temporaryTag = "tlumach-new"

    /// A new memory's file: 8 KB pages, WAL, the schema.
    private static func createEmpty(path: String, reportedPath: String) throws -> TranslationMemory {
        let database = try DatabaseQueue(path: path, configuration: configuration(readOnly: false))
        try database.writeWithoutTransaction { db in
            // Set before anything is written: a large import writes every page to the WAL and again at the
            // checkpoint, one system call per page, and those calls were three quarters of the end of a
            // million-unit import.
            try db.execute(sql: "PRAGMA page_size = \(Self.pageSize)")
            _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
        }
        try MemorySchema.migrator.migrate(database)
        return TranslationMemory(path: path, reportedPath: reportedPath, database: database)
    }

    static func configuration(readOnly: Bool, queryOnly: Bool = false) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readOnly
        // Another process importing into the same memory: wait for it rather than fail at once.
        configuration.busyMode = .timeout(30)
        configuration.prepareDatabase { db in
            // FULL makes each committed import survive power loss too; WAL keeps readers unblocked.
            try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144; PRAGMA temp_store = MEMORY")
            if queryOnly { try db.execute(sql: "PRAGMA query_only = ON") }
        }
        return configuration
    }

    /// Read access first opens the file for writing with `query_only` set: SQLite refuses every write, and the last
    /// connection still removes the WAL and shared-memory files on closing, so a read leaves the folder as it found
    /// it. Where that cannot be (a read-only file or folder) the file is opened read-only, then as immutable.
    private static func openExisting(path: String, readOnly: Bool) throws -> TranslationMemory {
        do {
            return try openExisting(path: path, sqlitePath: path, readOnly: false, queryOnly: readOnly)
        } catch let error as DatabaseError
            where readOnly && [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode.primaryResultCode)
        {}
        do {
            return try openExisting(path: path, sqlitePath: path, readOnly: true, queryOnly: true)
        } catch let error as DatabaseError
            where readOnly
            && [.SQLITE_READONLY, .SQLITE_CANTOPEN].contains(error.resultCode.primaryResultCode)
        {
            // A WAL file in a folder this user cannot write: SQLite cannot make the shared-memory file readers need.
            // Read it as immutable instead (nobody who can write it is expected to be changing it meanwhile).
            let escaped = path.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "?", with: "%3F")
                .replacingOccurrences(of: "#", with: "%23")
            return try openExisting(
                path: path, sqlitePath: "file:\(escaped)?immutable=1", readOnly: true, queryOnly: true)
        }
    }

    private static func openExisting(
        path: String, sqlitePath: String, readOnly: Bool, queryOnly: Bool
    ) throws -> TranslationMemory {
        let database: DatabaseQueue
        do {
            database = try DatabaseQueue(
                path: sqlitePath, configuration: configuration(readOnly: readOnly, queryOnly: queryOnly))
            let tables = try database.read { db in
                Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
            }
            guard requiredTables.isSubset(of: tables) else {
                throw InputError(
                    path: path,
                    message: "an SQLite database, but not a Tlumach translation memory (left untouched)")
            }
            let migrator = MemorySchema.migrator
            if try database.read({ try migrator.hasBeenSuperseded($0) }) {
                throw InputError(path: path, message: "this memory was written by a newer Tlumach; upgrade to open it")
            }
            if try !database.read({ try migrator.hasCompletedMigrations($0) }) {
                if readOnly {
                    throw InputError(
                        path: path, message: "this memory needs an upgrade: run `tlumach tm reindex --tm \(path)` once")
                }
                try migrator.migrate(database)
            }
        } catch let error as DatabaseError
            where queryOnly
            && [.SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM].contains(error.resultCode.primaryResultCode)
            && sqlitePath == path
        {
            throw error  // retried read-only, then as immutable
        } catch {
            throw describeFailure(error, path: path)
        }
        let memory = TranslationMemory(path: path, reportedPath: path, database: database)
        memory.readOnly = queryOnly
        try memory.guarded { try memory.loadLanguages() }
        return memory
    }

    /// Closes the file (the last connection checkpoints the WAL into it and removes the WAL).
    func close() throws {
        try database.close()
    }

    /// Runs `body`, turning SQLite's failures into one-line errors that name the memory and say what to do.
    public func guarded<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw Self.describeFailure(error, path: path)
        }
    }

    /// An `InputError` naming the memory for any failure of the store (bad input errors pass through).
    public static func describeFailure(_ error: any Error, path: String) -> any Error {
        switch error {
        case let error as InputError where error.path == "<memory>":
            // Stored data that does not read back (the TMX reader names stored units "<memory>").
            return InputError(path: path, message: damagedAdvice(path: path, detail: error.message))
        case is InputError:
            return error
        case let error as MemoryError:
            return InputError(path: path, message: error.description)
        case let error as DatabaseError:
            let detail = error.message ?? "\(error.resultCode)"
            switch error.resultCode.primaryResultCode {
            case .SQLITE_CORRUPT, .SQLITE_NOTADB:
                return InputError(path: path, message: damagedAdvice(path: path, detail: detail))
            case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN:
                return InputError(
                    path: path, message: "cannot write the memory (\(detail)): the file or its folder is read-only")
            case .SQLITE_BUSY, .SQLITE_LOCKED:
                return InputError(
                    path: path, message: "the memory is busy: another process kept it locked for 30 s (\(detail))")
            case .SQLITE_FULL:
                return InputError(path: path, message: "the disk is full; the memory is unchanged (\(detail))")
            default:
                return InputError(path: path, message: "SQLite error: \(detail)")
            }
        case let error as RowDecodingError:
            return InputError(path: path, message: damagedAdvice(path: path, detail: "\(error)".prefix(200).description))
        default:
            return InputError(path: path, message: "\(error)")
        }
    }

    static func damagedAdvice(path: String, detail: String) -> String {
        "the memory file is damaged (\(detail)); export what is still readable with "
            + "`tlumach tm export --tm \(path) --skip-damaged --out rescued.tmx` and import that into a new memory, "
            + "or restore a backup"
    }
}
