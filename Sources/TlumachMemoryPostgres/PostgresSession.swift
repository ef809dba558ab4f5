import Foundation
import Synchronization
import PostgresNIO
import TlumachCore
import TlumachMemory

/// One connection to the server, used from synchronous code (the CLI and the store protocol are synchronous):
/// each call runs its async work in a task and waits for it. Never call from inside an async context.
final class PostgresSession: @unchecked Sendable {
    let connection: PostgresConnection
    let location: PostgresLocation
    let logger: Logger

    private init(connection: PostgresConnection, location: PostgresLocation, logger: Logger) {
        self.connection = connection
        self.location = location
        self.logger = logger
    }

    static func connect(_ location: PostgresLocation) throws -> PostgresSession {
        var logger = Logger(label: "tlumach.postgres")
        logger.logLevel = .critical
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch location.tls {
            case .disable: tls = .disable
            case .prefer, .require:
                var configuration = TLSConfiguration.makeClientConfiguration()
                configuration.certificateVerification = .none
                let context = try NIOSSLContext(configuration: configuration)
                tls = location.tls == .prefer ? .prefer(context) : .require(context)
            case .verifyFull:
                tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw InputError(path: location.description, message: "cannot set up TLS: \(error)")
        }
        var configuration: PostgresConnection.Configuration
        if let folder = location.socketFolder {
            configuration = .init(
                unixSocketPath: "\(folder)/.s.PGSQL.\(location.port)", username: location.user,
                password: location.password, database: location.database)
        } else {
            configuration = .init(
                host: location.host, port: location.port, username: location.user, password: location.password,
                database: location.database, tls: tls)
        }
        configuration.options.connectTimeout = .seconds(10)
        // JIT compiling never pays for these short statements: a single search's candidate read, estimated above
        // jit_above_cost, spent 20-60 ms compiling for 15 ms of work.
        configuration.options.additionalStartupParameters = [("jit", "off")]
        let settings = configuration
        let quietLogger = logger
        do {
            let connection = try blocking {
                try await PostgresConnection.connect(
                    on: MultiThreadedEventLoopGroup.singleton.next(), configuration: settings, id: 1, logger: quietLogger)
            }
            return PostgresSession(connection: connection, location: location, logger: logger)
        } catch {
            throw describe(error, location: location)
        }
    }

    func close() {
        let connection = connection
        _ = try? blocking { try await connection.close() }
    }

    /// Runs `body` with the connection and waits for it.
    func run<T: Sendable>(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> T) throws -> T {
        let connection = connection
        let logger = logger
        return try blocking(failingWhenClosed: connection) { try await body(connection, logger) }
    }

    /// Starts `body` with the connection and returns at once; `wait()` on the result before the connection's next
    /// use (the caller keeps one operation in flight at a time).
    func start(_ body: @escaping @Sendable (PostgresConnection, Logger) async throws -> Void) -> PendingWork {
        let connection = connection
        let logger = logger
        let outcome = FirstOutcome<Void>()
        let task = Task(executorPreference: BridgeExecutor.shared) {
            do { outcome.settle(.success(try await body(connection, logger))) } catch { outcome.settle(.failure(error)) }
        }
        connection.closeFuture.whenComplete { _ in outcome.settle(.failure(ConnectionLost())) }
        return PendingWork(outcome: outcome, task: task)
    }

    /// Runs a statement, discarding rows.
    func execute(_ query: PostgresQuery) throws {
        try run { connection, logger in
            for try await _ in try await connection.query(query, logger: logger) {}
        }
    }

    /// One line for any failure talking to the server; never the password.
    static func describe(_ error: any Error, location: PostgresLocation) -> any Error {
        let name = location.description
        if error is InputError { return error }
        if error is ConnectionLost {
            return InputError(path: name, message: "the connection to PostgreSQL was lost; nothing from the interrupted write was kept")
        }
        if let error = error as? MemoryError { return InputError(path: name, message: error.description) }
        guard let error = error as? PSQLError else {
            return InputError(path: name, message: "PostgreSQL: \(String(describing: error).prefix(200))")
        }
        if let state = error.serverInfo?[.sqlState] {
            let message = error.serverInfo?[.message] ?? state
            switch state {
            case "28P01", "28000":
                return InputError(path: name, message: "PostgreSQL refused the login: \(message)")
            case "3D000":
                return InputError(path: name, message: "PostgreSQL: \(message) (create it first: createdb \(location.database))")
            case "42501":
                return InputError(path: name, message: "PostgreSQL: permission denied (\(message))")
            default:
                return InputError(path: name, message: "PostgreSQL error \(state): \(message)")
            }
        }
        switch error.code {
        case .connectionError:
            let where_ = location.socketFolder.map { "socket in \($0)" } ?? "\(location.host):\(location.port)"
            let reason = error.underlying.map { Self.reason($0) } ?? "no answer"
            return InputError(path: name, message: "cannot connect to PostgreSQL at \(where_): \(reason)")
        case .authMechanismRequiresPassword:
            return InputError(
                path: name, message: "PostgreSQL asks for a password: give it in the URL, PGPASSWORD or ~/.pgpass")
        case .sslUnsupported:
            return InputError(path: name, message: "the server does not offer TLS (the URL asks for sslmode=\(location.tls.rawValue))")
        case .serverClosedConnection, .clientClosedConnection:
            return InputError(path: name, message: "the connection to PostgreSQL was lost; nothing from the interrupted write was kept")
        default:
            return InputError(path: name, message: "PostgreSQL: \(error.code)")
        }
    }

    private static func reason(_ error: any Error) -> String {
        let text = String(describing: error)
        if text.contains("refused") || text.contains("ECONNREFUSED") || text.contains("errno: 111") { return "connection refused" }
        if text.contains("NXDOMAIN") || text.contains("resolve") || text.contains("getaddrinfo") { return "unknown host" }
        if text.contains("timeout") || text.contains("Timeout") { return "timed out" }
        if text.contains("No such file") { return "no server socket there" }
        return String(text.prefix(160))
    }
}

/// Waits for async work from synchronous code. With `connection`, the wait also ends when that connection closes:
/// PostgresNIO can leave a call (a COPY under way) pending for ever when the server ends the session, so a lost
/// connection must not depend on the call noticing it.
///
/// The async side runs on `BridgeExecutor`, never on Swift's cooperative pool: the caller may itself hold a thread
/// of that pool (a store closed in a `deinit` run by a task, a synchronous store call made from async code), and on
/// a 2-core machine two such waits once took both of its threads and waited for ever for a third.
func blocking<T: Sendable>(
    failingWhenClosed connection: PostgresConnection? = nil, _ body: @escaping @Sendable () async throws -> T
) throws -> T {
    let outcome = FirstOutcome<T>()
    let task = Task(executorPreference: BridgeExecutor.shared) {
        do { outcome.settle(.success(try await body())) } catch { outcome.settle(.failure(error)) }
    }
    connection?.closeFuture.whenComplete { _ in
        outcome.settle(.failure(ConnectionLost()))
    }
    let result = outcome.wait()
    if case .failure = result { task.cancel() }
    return try result.get()
}

/// Runs the jobs of `blocking`'s tasks on threads of its own. Neither Swift's cooperative pool nor Dispatch's
/// global queues will do: a caller waiting in `blocking` may hold one of their threads, and on 2 cores two waiting
/// callers held them all (a custom concurrent queue shares the global queue's threads). The jobs themselves never
/// block — they are the pieces of async PostgresNIO calls between suspensions — so a few threads always progress.
final class BridgeExecutor: TaskExecutor, @unchecked Sendable {  // unchecked: `pending` is only touched under `condition`
    static let shared = BridgeExecutor(threads: max(2, ProcessInfo.processInfo.activeProcessorCount))
    private let condition = NSCondition()
    private var pending: [UnownedJob] = []
    private var next = 0

    private init(threads: Int) {
        for number in 0..<threads {
            let thread = Thread { [unowned self] in work() }
            thread.name = "tlumach-postgres-\(number)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        pending.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        let executor = asUnownedTaskExecutor()
        while true {
            condition.lock()
            while next == pending.count { condition.wait() }
            let job = pending[next]
            next += 1
            if next == pending.count {  // drained: reuse the storage
                pending.removeAll(keepingCapacity: true)
                next = 0
            } else if next >= 1024, next * 2 >= pending.count {  // never drained under load: drop what was run
                pending.removeFirst(next)
                next = 0
            }
            condition.unlock()
            job.runSynchronously(on: executor)
        }
    }
}

/// Work started by `PostgresSession.start`.
final class PendingWork {
    private let outcome: FirstOutcome<Void>
    private let task: Task<Void, Never>

    fileprivate init(outcome: FirstOutcome<Void>, task: Task<Void, Never>) {
        self.outcome = outcome
        self.task = task
    }

    private var result: Result<Void, any Error>?

    /// Waits for the work to end (at once when it was waited for before); throws its error (or the connection's
    /// loss).
    func wait() throws {
        if result == nil {
            let outcome = outcome.wait()
            if case .failure = outcome { task.cancel() }
            result = outcome
        }
        try result?.get()
    }
}

/// The connection closed while a call waited on it.
struct ConnectionLost: Error {}

/// The first of several racing results; later ones are ignored.
fileprivate final class FirstOutcome<T: Sendable>: Sendable {
    private let state = Mutex<Result<T, any Error>?>(nil)
    private let done = DispatchSemaphore(value: 0)

    func settle(_ result: Result<T, any Error>) {
        let first = state.withLock { current in
            guard current == nil else { return false }
            current = result
            return true
        }
        if first { done.signal() }
    }

    func wait() -> Result<T, any Error> {
        done.wait()
        return state.withLock { $0 } ?? .failure(CancellationError())
    }
}
