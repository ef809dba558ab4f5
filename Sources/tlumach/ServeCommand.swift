import ArgumentParser
import Dispatch
import Foundation
import Logging
import TlumachConfig
import TlumachCore
import TlumachServer

/// `tlumach serve [options]` runs the server (the default subcommand, `start`); `tlumach serve token …` manages
/// tokens. (Options on `serve` itself would take `--tm` away from the token subcommands.)
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "An HTTP API for a team: memory search and writes, glossary, checks, normalise, transliterate.",
        subcommands: [ServeStart.self, ServeTokenCommand.self], defaultSubcommand: ServeStart.self)
}

struct ServeStart: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "An HTTP API for a team: memory search and writes, glossary, checks, normalise, transliterate.",
        discussion: """
            Routes and bodies: docs/openapi.yaml (also served at /openapi.yaml). Without API tokens the server \
            listens on loopback only; `tlumach serve token add` makes one. SIGTERM stops accepting connections, \
            lets the requests under way finish, and exits 0.
            """)

    @Option(
        name: .customLong("tm"),
        help: ArgumentHelp(
            "The memory: an SQLite file (created empty when missing) or postgres://user@host:port/db?schema=NAME; default: $TLUMACH_TM, else tm: in .tlumach.yml.",
            valueName: "path"))
    var memoryPath: String?
    @Option(name: .customLong("glossary"), help: "A glossary file or folder (repeatable). Default: glossaries/ or .tlumach.yml.")
    var glossaries: [String] = []
    @Option(name: .customLong("profile"), help: "A glossary profile to apply (repeatable).")
    var profiles: [String] = []
    @Option(help: "Interface to listen on (loopback unless tokens are configured). Default: $TLUMACH_SERVE_HOST, else serve: host in .tlumach.yml, else 127.0.0.1.")
    var host: String?
    @Option(help: "Port (0: a free one, printed on standard error). Default: $TLUMACH_SERVE_PORT, else serve: port, else 8080.")
    var port: Int?
    @Option(help: "Largest request body in bytes. Default: $TLUMACH_SERVE_BODY_LIMIT, else serve: body-limit, else 50 MiB.")
    var bodyLimit: Int?
    @Option(help: "Longest a request may take, in seconds, before it is answered 503.") var timeLimit = 120
    @Option(help: "Imports and checks that may run at once (more get 429).") var heavyLimit = 2
    @Flag(
        inversion: .prefixedNo,
        help: "Answer read routes without a token on a non-loopback interface. Default: $TLUMACH_SERVE_ALLOW_ANONYMOUS_READ, else serve: allow-anonymous-read, else no.")
    var allowAnonymousRead: Bool?
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.") var logLevel = "info"

    func validate() throws {
        if let port, !(0...65535).contains(port) { throw ValidationError("--port must be from 0 to 65535") }
        guard bodyLimit ?? 1 > 0, timeLimit > 0, heavyLimit > 0 else {
            throw ValidationError("--body-limit, --time-limit and --heavy-limit must be positive")
        }
        guard Logger.Level(rawValue: logLevel) != nil else { throw ValidationError("--log-level: unknown level '\(logLevel)'") }
    }

    func run() throws {
        var settings = TlumachServer.ServeSettings()
        let project = try ProjectSettings.load()
        settings.memoryPath = try MemoryLocation.resolve(memoryPath, settings: { project })
        settings.glossaryPaths = glossaries.isEmpty ? try project.glossaryPaths() ?? [] : glossaries
        settings.glossaryProfiles = profiles.isEmpty ? project.glossaryProfiles : profiles
        do {
            try settings.apply(
                flags: TlumachConfig.ServeSettings(host: host, port: port, bodyLimit: bodyLimit, allowAnonymousRead: allowAnonymousRead),
                environment: ProcessInfo.processInfo.environment, file: project.serve)
        } catch let error as ServeSettingsError {
            throw ValidationError(error.message)
        }
        settings.requestTimeLimit = .seconds(timeLimit)
        settings.heavyConcurrency = heavyLimit
        let level = Logger.Level(rawValue: logLevel) ?? .info
        LoggingSystem.bootstrap { label in
            var handler = JSONLogHandler(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: "tlumach.serve")
        logger.logLevel = level
        let service = try TlumachService(settings: settings, logger: logger)
        if !service.tokensRequired {
            printError("tlumach: no API token is configured: listening on \(service.host) only, without authentication")
        }
        let app = service.makeApplication { host, port in
            printError("tlumach: listening on http://\(host.contains(":") ? "[\(host)]" : host):\(port)")
        }
        try blockingRun { try await app.runService() }
    }
}

/// `tlumach serve token add|list|revoke`.
struct ServeTokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "API tokens, stored as hashes in the memory.",
        subcommands: [Add.self, List.self, Revoke.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Make a token and print it (only now: only its hash is kept).")
        @OptionGroup var memory: MemoryOptions
        @Option(help: "read, write (includes read) or admin (includes write).") var scope: String
        @Option(help: "A name to list and revoke it by.") var name: String

        func run() throws {
            guard let chosen = TokenScope(rawValue: scope) else {
                throw ValidationError("--scope is read, write or admin, not '\(scope)'")
            }
            print(try openTokenStore(memory: try memory.path).issue(name: name, scope: chosen))
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the tokens (names, scopes, dates; never the tokens).")
        @OptionGroup var memory: MemoryOptions

        func run() throws {
            for record in try openTokenStore(memory: try memory.path).all() {
                print("\(record.name)\t\(record.scope.rawValue)\t\(record.created)\t\(record.revoked.map { "revoked \($0)" } ?? "active")")
            }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "revoke", abstract: "Revoke a token by name (takes effect at once).")
        @OptionGroup var memory: MemoryOptions
        @Argument(help: "The token's name.") var name: String

        func run() throws {
            guard try openTokenStore(memory: try memory.path).revoke(name: name) else {
                throw InputError(path: memory.shown, message: "no active token named '\(name)'")
            }
            printError("\(name): revoked")
        }
    }
}

/// Runs async work from the synchronous command tree and waits for it.
private func blockingRun(_ body: @escaping @Sendable () async throws -> Void) throws {
    final class Outcome: @unchecked Sendable {
        var error: (any Error)?
    }
    let outcome = Outcome()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { try await body() } catch { outcome.error = error }
        done.signal()
    }
    done.wait()
    if let error = outcome.error { throw error }
}
