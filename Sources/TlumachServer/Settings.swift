import Foundation

/// Everything `tlumach serve` can be told.
public struct ServeSettings: Sendable {
    /// The memory: an SQLite file or a `postgres://` URL (created empty when missing). Nil: the memory routes
    /// answer 404.
    public var memoryPath: String?
    /// Glossary files or folders; empty: the default ones (glossaries/ or .tlumach.yml), if any.
    public var glossaryPaths: [String] = []
    public var glossaryProfiles: [String] = []
    public var host = "127.0.0.1"
    /// 0 picks a free port (printed on standard error once bound).
    public var port = 8080
    public var bodyLimit = 50 << 20
    /// Longest a request may take before it is answered 503 (its work may still finish in the background).
    public var requestTimeLimit: Duration = .seconds(120)
    /// Imports and checks running at once; more are refused with 429.
    public var heavyConcurrency = 2
    /// Answer read routes without a token on a non-loopback interface.
    public var allowAnonymousRead = false
    /// Reader connections (and concurrent searches).
    public var readers = max(2, ProcessInfo.processInfo.activeProcessorCount)
    /// Units stored or deleted since the fuzzy index was loaded that it holds beside it before it is loaded afresh
    /// (in the background); nil: a tenth of the memory, at least 10,000.
    public var overlayLimit: Int?

    public init() {}

    static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
