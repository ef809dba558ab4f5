import Foundation
import Hummingbird

/// Who may call what. Routes declare the scope they need; a bearer token grants its scope and those below it.
/// Without tokens in the store the server only listens on loopback and everyone there is trusted; with tokens
/// every /v1 route needs one, except reads when anonymous reading is allowed.
struct AccessPolicy: Sendable {
    let tokens: (any TokenStore)?
    /// True when tokens exist (or the server listens beyond loopback): requests must then present one.
    let tokensRequired: Bool
    let anonymousRead: Bool

    func check(_ request: Request, needs scope: TokenScope) throws {
        guard let header = request.headers[.authorization] else {
            if !tokensRequired { return }
            if anonymousRead && scope == .read { return }
            var error = APIError(.unauthorized, "unauthorized", "this route needs a bearer token (Authorization: Bearer …)")
            error.headers[.wwwAuthenticate] = "Bearer"
            throw error
        }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", let tokens else {
            var error = APIError(.unauthorized, "unauthorized", "the Authorization header must be: Bearer TOKEN")
            error.headers[.wwwAuthenticate] = "Bearer"
            throw error
        }
        guard let granted = try tokens.scope(of: String(parts[1]).trimmingCharacters(in: .whitespaces)) else {
            var error = APIError(.unauthorized, "unauthorized", "unknown or revoked token")
            error.headers[.wwwAuthenticate] = "Bearer error=\"invalid_token\""
            throw error
        }
        guard granted >= scope else {
            throw APIError(.forbidden, "forbidden", "this route needs the \(scope.rawValue) scope; the token has \(granted.rawValue)")
        }
    }
}

/// Bounds the heavy requests (imports, checks) running at once; one more is refused at once, not queued.
/// `@unchecked Sendable`: `running` is only touched under `state`.
final class HeavyLimiter: @unchecked Sendable {
    private let state = NSLock()
    private var running = 0
    let limit: Int

    init(limit: Int) { self.limit = max(1, limit) }

    func run<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let admitted: Bool = state.withLock {
            guard running < limit else { return false }
            running += 1
            return true
        }
        guard admitted else {
            var error = APIError(
                .tooManyRequests, "too_many_requests",
                "\(limit) imports or checks are already running; try again shortly")
            error.headers[.retryAfter] = "1"
            throw error
        }
        defer { state.withLock { running -= 1 } }
        return try await body()
    }
}
