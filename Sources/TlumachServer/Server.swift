import Foundation
import Hummingbird
import Logging
import NIOCore
import Prometheus
import TlumachCheck
import TlumachCore
import TlumachGlossary
import TlumachMemory
import TlumachText
import TlumachTranslit

/// One route as the router knows it (and as docs/openapi.yaml must describe it).
public struct RouteDescription: Sendable, Hashable, CustomStringConvertible {
    public var method: String
    public var path: String
    public var description: String { "\(method) \(path)" }
}

/// The HTTP service behind `tlumach serve`: its state (memory, glossary, tokens, limits, metrics) and its routes.
public final class TlumachService: Sendable {
    public let settings: ServeSettings
    let memory: MemoryBackend?
    let matcher: TermMatcher?
    let glossaryPaths: [String]
    let access: AccessPolicy
    let heavy: HeavyLimiter
    let metrics = PrometheusCollectorRegistry()
    public let logger: Logger
    /// Whether a token will be asked for (decided at start from the token store and the interface).
    public var tokensRequired: Bool { access.tokensRequired }
    /// The interface actually listened on (loopback when no token is configured).
    public let host: String

    public init(settings: ServeSettings, logger: Logger) throws {
        self.settings = settings
        self.logger = logger
        memory = try settings.memoryPath.map { try MemoryBackend(location: $0, readers: settings.readers, overlayLimit: settings.overlayLimit) }
        // After the memory: opening it creates a missing one, which the token store expects to find.
        let tokenStore: (any TokenStore)? = try settings.memoryPath.map { try openTokenStore(memory: $0) }
        let haveTokens = try tokenStore?.all().contains { $0.revoked == nil } ?? false
        var host = settings.host
        if !haveTokens && !ServeSettings.isLoopback(host) && !settings.allowAnonymousRead {
            logger.warning(
                "no API token is configured: listening on loopback only",
                metadata: ["asked": "\(host)", "hint": "tlumach serve token add --tm MEMORY --scope read --name NAME"])
            host = "127.0.0.1"
        }
        self.host = host
        access = AccessPolicy(
            tokens: tokenStore, tokensRequired: haveTokens || !ServeSettings.isLoopback(host),
            anonymousRead: settings.allowAnonymousRead)
        heavy = HeavyLimiter(limit: settings.heavyConcurrency)
        // The caller resolves defaults (the CLI asks the project settings); the library takes the paths it is given.
        let paths = settings.glossaryPaths
        glossaryPaths = paths
        matcher =
            paths.isEmpty
            ? nil
            : try TermMatcher(
                glossary: try Glossary.load(paths: paths, profiles: settings.glossaryProfiles))
    }

    /// Builds the memory's fuzzy index (`/readyz` answers 503 until it is built).
    public func buildIndex() async {
        guard let memory else { return }
        let started = ContinuousClock.now
        _ = try? await blocking { memory.buildIndex() }
        let units = (try? await blocking { try memory.count() }) ?? 0
        switch memory.state {
        case .ready, .building:
            logger.info(
                "index built", metadata: ["units": "\(units)", "seconds": "\(ContinuousClock.now - started)"])
        case .failed(let reason):
            logger.error("index failed", metadata: ["reason": "\(reason)"])
        }
    }

    // MARK: Routes

    /// The router with every route, and the list of those routes (what docs/openapi.yaml must describe).
    public func makeRouter() -> (router: Router<BasicRequestContext>, routes: [RouteDescription]) {
        let router = Router()
        let paths = KnownPaths()
        router.add(middleware: ErrorMiddleware(paths: paths))
        var table = RouteTable(router: router, service: self)
        table.addAll()
        for route in table.routes { paths.add(route.path, method: route.method) }
        return (router, table.routes)
    }
}

extension TlumachService {
    /// The HTTP application: listens on `host`:`settings.port`, calls `onBound` with the address actually bound
    /// (a free port when 0 was asked), then builds the memory's index in the background (`/readyz` says when).
    public func makeApplication(
        onBound: @escaping @Sendable (_ host: String, _ port: Int) -> Void = { _, _ in }
    ) -> Application<RouterResponder<BasicRequestContext>> {
        let router = makeRouter().router
        let host = host
        return Application(
            router: router,
            configuration: .init(address: .hostname(host, port: settings.port), serverName: "tlumach"),
            onServerRunning: { [self] channel in
                onBound(host, channel.localAddress?.port ?? settings.port)
                Task.detached { await self.buildIndex() }
            },
            logger: logger)
    }
}
