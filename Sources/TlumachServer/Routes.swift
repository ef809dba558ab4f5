import Foundation
import Hummingbird
import NIOCore
import Prometheus
import TlumachCheck
import TlumachCore
import TlumachGlossary
import TlumachMemory
import TlumachText
import TlumachTranslit

/// Adds the routes, each with the scope it needs; every route goes through `add`, which checks the token, bounds
/// the time, turns errors into the JSON error body and counts the request for /metrics.
struct RouteTable {
    let router: Router<BasicRequestContext>
    let service: TlumachService
    private(set) var routes: [RouteDescription] = []

    init(router: Router<BasicRequestContext>, service: TlumachService) {
        self.router = router
        self.service = service
    }

    typealias Handler = @Sendable (Request, BasicRequestContext) async throws -> Response

    mutating func add(_ method: HTTPRequest.Method, _ path: String, scope: TokenScope?, _ handler: @escaping Handler) {
        routes.append(RouteDescription(method: method.rawValue, path: path))
        let service = service
        let requests = service.metrics.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "tlumach", metricName: "http_requests", unitName: "total", helpText: "Requests answered"),
            labels: [("method", method.rawValue), ("route", path)])
        let failures = service.metrics.makeCounter(
            descriptor: MetricNameDescriptor(
                namespace: "tlumach", metricName: "http_errors", unitName: "total",
                helpText: "Requests answered with a 4xx or 5xx status"),
            labels: [("method", method.rawValue), ("route", path)])
        let durations = service.metrics.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "tlumach", metricName: "http_request_duration", unitName: "seconds",
                helpText: "Time to answer (until the response starts)"),
            labels: [("method", method.rawValue), ("route", path)],
            buckets: [.milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(50), .milliseconds(100),
                .milliseconds(500), .seconds(1), .seconds(5), .seconds(30)])
        router.on(RouterPath(path), method: method) { request, context in
            let started = ContinuousClock.now
            let response: Response
            do {
                // Off the cooperative pool: the token lookup may wait on PostgreSQL.
                if let scope { try await blocking { try service.access.check(request, needs: scope) } }
                response = try await withTimeLimit(service.settings.requestTimeLimit) { try await handler(request, context) }
            } catch {
                let failure = APIError.from(error)
                if failure.status == .internalServerError {
                    service.logger.error("request failed", metadata: ["route": "\(path)", "error": "\(failure)"])
                }
                response = failure.makeResponse()
            }
            requests.increment()
            if response.status.code >= 400 { failures.increment() }
            durations.record(ContinuousClock.now - started)
            return response
        }
    }

    mutating func addAll() {
        let service = service
        add(.get, "/healthz", scope: nil) { _, _ in json("{\"status\":\"ok\"}") }
        add(.get, "/readyz", scope: nil) { _, _ in
            switch service.memory?.state ?? .ready {
            case .ready: return json("{\"status\":\"ready\"}")
            case .building: throw APIError(.serviceUnavailable, "index_building", "the memory's index is being built")
            case .failed(let reason): throw APIError(.serviceUnavailable, "index_failed", reason)
            }
        }
        add(.get, "/metrics", scope: nil) { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: service.metrics.emitToString())))
        }
        add(.get, "/openapi.yaml", scope: nil) { _, _ in
            guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachServer", resource: "openapi", extension: "yaml"),
                let document = try? Data(contentsOf: url)
            else { throw APIError(.notFound, "not_found", "the OpenAPI document is not installed") }
            return Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: document)))
        }
        addMemoryRoutes()
        addTextRoutes()
    }

    // MARK: Memory

    private mutating func addMemoryRoutes() {
        let service = service
        add(.get, "/v1/tm/search", scope: .read) { request, _ in
            let memory = try service.readyMemory()
            let query = try request.required("q")
            let (minimum, limit) = try searchBounds(min: request.parameter("min"), limit: request.parameter("limit"))
            let results = try await blocking { try memory.search([query], minimum: minimum, limit: limit) }
            return json(results.first ?? "")
        }
        add(.post, "/v1/tm/search", scope: .read) { request, _ in
            let memory = try service.readyMemory()
            let batch = try await service.decode(SearchBatch.self, from: request)
            guard !batch.queries.isEmpty else { throw APIError.badParameter("queries", "give at least one query") }
            guard batch.queries.count <= 10_000 else {
                throw APIError.badParameter("queries", "at most 10000 queries a request (\(batch.queries.count) given)")
            }
            let (minimum, limit) = try searchBounds(min: batch.min.map { "\($0)" }, limit: batch.limit.map { "\($0)" })
            let results = try await blocking { try memory.search(batch.queries, minimum: minimum, limit: limit) }
            return json("{\"results\":[" + results.joined(separator: ",") + "]}")
        }
        add(.get, "/v1/tm/concord", scope: .read) { request, _ in
            let memory = try service.readyMemory()
            let phrase = try request.required("q")
            let limit = try request.integer("limit", default: 20, range: 1...1000)
            return json(try await blocking { try memory.concordance(phrase, limit: limit) })
        }
        add(.get, "/v1/tm/stats", scope: .read) { _, _ in
            let memory = try service.configuredMemory()
            return json(try await blocking { try memory.statistics() })
        }
        add(.get, "/v1/tm/export", scope: .read) { request, _ in
            let memory = try service.configuredMemory()
            let languages = request.parameter("langs").map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let directory = try TemporaryFolder()
            let file = directory.path + "/export.tmx"
            do {
                _ = try await blocking { try memory.export(to: file, languages: languages) }
            } catch {
                directory.remove()
                throw error
            }
            // The file is streamed in pieces and removed once sent (or when the client goes away).
            return Response(
                status: .ok, headers: [.contentType: "application/x-tmx+xml; charset=utf-8"],
                body: ResponseBody { writer in
                    defer { directory.remove() }
                    guard let handle = FileHandle(forReadingAtPath: file) else { return }
                    defer { try? handle.close() }
                    while let piece = try handle.read(upToCount: 1 << 16), !piece.isEmpty {
                        try await writer.write(ByteBuffer(bytes: piece))
                    }
                    try await writer.finish(nil)
                })
        }
        add(.post, "/v1/tm/import", scope: .write) { request, _ in
            let memory = try service.configuredMemory()
            let policy = try request.duplicatePolicy()
            return try await service.heavy.run {
                let directory = try TemporaryFolder()
                defer { directory.remove() }
                let file = directory.path + "/body.tmx"
                try await service.saveBody(of: request, to: file)
                do {
                    let summary = try await blocking { try memory.importTMX(file: file, policy: policy) }
                    return json(summary)
                } catch let error as InputError {
                    throw APIError(.badRequest, "bad_tmx", error.renamed(file, as: "body").description)
                }
            }
        }
        add(.post, "/v1/tm/units", scope: .write) { request, _ in
            let memory = try service.configuredMemory()
            let body = try await service.decode(UnitsBody.self, from: request)
            guard !body.units.isEmpty else { throw APIError.badParameter("units", "give at least one unit") }
            let policy: DuplicatePolicy
            if let name = body.onDuplicate {
                guard let chosen = DuplicatePolicy(rawValue: name) else {
                    throw APIError.badParameter(
                        "onDuplicate", "'\(name)' is not one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                policy = chosen
            } else {
                policy = .newest
            }
            let summary = try await blocking { try memory.add(body.units, policy: policy) }
            return json(summary, status: .created)
        }
        add(.delete, "/v1/tm/units/{id}", scope: .write) { _, context in
            let memory = try service.configuredMemory()
            guard let text = context.parameters.get("id"), let id = Int64(text), id > 0 else {
                throw APIError.badParameter("id", "a unit id is a positive whole number")
            }
            guard try await blocking({ try memory.delete(id: id) }) else {
                throw APIError(.notFound, "no_such_unit", "no unit #\(id) in the memory")
            }
            return json("{\"deleted\":\(id)}")
        }
    }

    // MARK: Glossary, check, normalize, translit

    private mutating func addTextRoutes() {
        let service = service
        add(.get, "/v1/glossary/lookup", scope: .read) { request, _ in
            let matcher = try service.configuredGlossary()
            let query = try request.required("q")
            let limit = try request.integer("limit", default: 20, range: 1...1000)
            return json(GlossaryJSON.lookup(query: query, matcher.lookup(query, limit: limit), matcher: matcher))
        }
        add(.post, "/v1/glossary/terms", scope: .read) { request, _ in
            let matcher = try service.configuredGlossary()
            let text = try await service.text(of: request)
            let language = request.parameter("lang") ?? "auto"
            let chosen = language == "auto" ? LanguageDetector.documentLanguage(text).rawValue : language
            let lines = LineIndex(text)
            let matches = matcher.matches(in: text, language: chosen, options: [.ambiguous]).map { match in
                let position = lines.position(ofByte: match.utf8Range.lowerBound)
                return GlossaryJSON.termMatch(file: "body", line: position.line, column: position.column, match)
            }
            return json(GlossaryJSON.terms(matches))
        }
        add(.post, "/v1/check", scope: .read) { request, _ in
            try await service.heavy.run { try await service.check(request) }
        }
        add(.post, "/v1/normalize", scope: .read) { request, _ in
            let data = Data(try await service.text(of: request).utf8)
            var settings = NormalizeSettings()
            if let lang = request.parameter("lang") {
                guard let choice = LanguageChoice(rawValue: lang) else {
                    throw APIError.badParameter("lang", "'\(lang)' is not one of uk, en, ru, auto")
                }
                settings = NormalizeSettings(lang: choice, apostrophe: nil, englishDash: nil, disable: nil)
            }
            let report = request.parameter("report")
            guard report == nil || report == "json" else {
                throw APIError.badParameter("report", "the only report is json")
            }
            let normalizer = try ArticleNormalizer(options: try settings.options())
            let result = data.withUnsafeBytes {
                normalizer.normalize(utf8Buffer: $0.bindMemory(to: UInt8.self), reporting: report != nil)
            }
            if report != nil { return json(NormalizationReport(results: [("body", result)]).json()) }
            return plain(String(decoding: result.utf8, as: UTF8.self))
        }
        add(.post, "/v1/translit", scope: .read) { request, _ in
            let name = request.parameter("scheme") ?? TransliterationScheme.kmu2010.name
            guard let scheme = TransliterationScheme(name: name) else {
                throw APIError.badParameter(
                    "scheme", "unknown scheme '\(name)' (known: \(TransliterationScheme.allCases.map(\.name).joined(separator: ", ")))")
            }
            let text = try await service.text(of: request)
            let transliterator = try SchemeTransliterator(scheme: scheme)
            return plain(transliterator.transliterate(text))
        }
    }
}

// MARK: Helpers

struct SearchBatch: Decodable, Sendable {
    var queries: [String]
    var min: Double?
    var limit: Int?
}

struct UnitsBody: Decodable, Sendable {
    var units: [NewUnit]
    var onDuplicate: String?
}

func json(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
    Response(
        status: status, headers: [.contentType: "application/json; charset=utf-8"],
        body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
}

func plain(_ body: String) -> Response {
    Response(
        status: .ok, headers: [.contentType: "text/plain; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: body)))
}

func searchBounds(min: String?, limit: String?) throws -> (Double, Int) {
    var minimum = 70.0
    if let min {
        guard let value = Double(min), (1...100).contains(value) else {
            throw APIError.badParameter("min", "a score between 1 and 100 ('\(min)' is not)")
        }
        minimum = value
    }
    var count = 5
    if let limit {
        guard let value = Int(limit), (1...100).contains(value) else {
            throw APIError.badParameter("limit", "a whole number between 1 and 100 ('\(limit)' is not)")
        }
        count = value
    }
    return (minimum, count)
}

extension Request {
    func parameter(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map { String($0) }
    }

    func required(_ name: String) throws -> String {
        guard let value = parameter(name), !value.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw APIError.badParameter(name, "required")
        }
        return value
    }

    func integer(_ name: String, default value: Int, range: ClosedRange<Int>) throws -> Int {
        guard let text = parameter(name) else { return value }
        guard let number = Int(text), range.contains(number) else {
            throw APIError.badParameter(name, "a whole number from \(range.lowerBound) to \(range.upperBound) ('\(text)' is not)")
        }
        return number
    }

    func duplicatePolicy() throws -> DuplicatePolicy {
        guard let name = parameter("onDuplicate") else { return .newest }
        guard let policy = DuplicatePolicy(rawValue: name) else {
            throw APIError.badParameter(
                "onDuplicate", "'\(name)' is not one of \(DuplicatePolicy.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return policy
    }
}

extension InputError {
    /// The same error with a temporary file's path replaced by what the client knows it as.
    func renamed(_ path: String, as name: String) -> InputError {
        var copy = self
        if copy.path == path { copy.path = name }
        copy.message = copy.message.replacingOccurrences(of: path, with: name)
        return copy
    }
}

/// A private folder for a request's files, removed when done.
struct TemporaryFolder: Sendable {
    let path: String

    init() throws {
        let base = NSTemporaryDirectory() + "tlumach-serve-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: base, withIntermediateDirectories: false)
        path = base
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// Answers with 503 when `body` takes longer than `limit`. The work itself cannot always be stopped (a running
/// SQLite statement), so it is cancelled and left to finish on its own; its result is dropped.
func withTimeLimit<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    let race = Race<T>()
    return try await withTaskCancellationHandler {
        try await withCheckedThrowingContinuation { continuation in
            race.start(continuation)
            let work = Task {
                do { race.finish(.success(try await body())) } catch { race.finish(.failure(error)) }
            }
            let timer = Task {
                try await Task.sleep(for: limit)
                race.finish(
                    .failure(APIError(.serviceUnavailable, "timeout", "the request took longer than \(limit) and was stopped")))
                work.cancel()
            }
            race.onFinish { timer.cancel() }
        }
    } onCancel: {
        race.finish(.failure(CancellationError()))
    }
}

/// The first of two outcomes wins; `@unchecked Sendable`: its state is only touched under `lock`.
final class Race<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var outcome: Result<T, any Error>?
    private var cleanup: (@Sendable () -> Void)?

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = lock.withLock {
            if let outcome { return outcome }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func onFinish(_ body: @escaping @Sendable () -> Void) {
        let done: Bool = lock.withLock {
            if outcome != nil { return true }
            cleanup = body
            return false
        }
        if done { body() }
    }

    func finish(_ result: Result<T, any Error>) {
        let (waiting, cleanup): (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) = lock.withLock {
            guard outcome == nil else { return (nil, nil) }
            outcome = result
            defer {
                continuation = nil
                self.cleanup = nil
            }
            return (continuation, self.cleanup)
        }
        waiting?.resume(with: result)
        cleanup?()
    }
}
