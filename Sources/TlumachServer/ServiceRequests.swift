import Foundation
import Hummingbird
import NIOCore
import TlumachCheck
import TlumachCore
import TlumachGlossary
import TlumachText

extension TlumachService {
    func configuredMemory() throws -> MemoryBackend {
        guard let memory else {
            throw APIError(.notFound, "no_memory", "this server has no translation memory (start it with --tm PATH)")
        }
        return memory
    }

    /// The memory, once its index is built (searches before then would be slow or incomplete).
    func readyMemory() throws -> MemoryBackend {
        let memory = try configuredMemory()
        switch memory.state {
        case .ready: return memory
        case .building:
            var error = APIError(.serviceUnavailable, "index_building", "the memory's index is being built; try again shortly")
            error.headers[.retryAfter] = "1"
            throw error
        case .failed(let reason): throw APIError(.serviceUnavailable, "index_failed", reason)
        }
    }

    func configuredGlossary() throws -> TermMatcher {
        guard let matcher else {
            throw APIError(.notFound, "no_glossary", "this server has no glossary (start it with --glossary PATH)")
        }
        return matcher
    }

    /// The whole body, refused with 413 past the limit (announced or actual).
    func bytes(of request: Request) async throws -> Data {
        if let announced = request.headers[.contentLength].flatMap({ Int($0) }), announced > settings.bodyLimit {
            throw APIError.tooLarge(limit: settings.bodyLimit)
        }
        do {
            var buffer = try await request.body.collect(upTo: settings.bodyLimit)
            return buffer.readData(length: buffer.readableBytes) ?? Data()
        } catch is NIOTooManyBytesError {
            throw APIError.tooLarge(limit: settings.bodyLimit)
        }
    }

    /// The body as UTF-8 text; invalid UTF-8 is refused naming its byte offset, and so is no body at all.
    func text(of request: Request) async throws -> String {
        let data = try await bytes(of: request)
        if data.isEmpty { throw APIError.badBody("body: required (the text to work on)") }
        let invalid = data.withUnsafeBytes { UTF8Validation.firstInvalidOffset($0.bindMemory(to: UInt8.self)) }
        if let invalid { throw APIError.badBody("body: byte \(invalid): invalid UTF-8") }
        return String(decoding: data, as: UTF8.self)
    }

    func decode<T: Decodable>(_ type: T.Type, from request: Request) async throws -> T {
        let data = try await bytes(of: request)
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw APIError.badBody("body: \(Self.describe(error))")
        }
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
        }
        switch error {
        case .keyNotFound(let key, let context): return "\(path(context.codingPath + [key])): required"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        case .dataCorrupted(let context):
            let underlying = (context.underlyingError as NSError?)?.userInfo[NSDebugDescriptionErrorKey] as? String
            return (context.codingPath.isEmpty ? "" : path(context.codingPath) + ": ")
                + "not valid JSON" + (underlying.map { " (\($0))" } ?? "")
        @unknown default: return "not valid JSON"
        }
    }

    /// Streams the body into `file`, stopping with 413 at the limit.
    func saveBody(of request: Request, to file: String) async throws {
        if let announced = request.headers[.contentLength].flatMap({ Int($0) }), announced > settings.bodyLimit {
            throw APIError.tooLarge(limit: settings.bodyLimit)
        }
        guard FileManager.default.createFile(atPath: file, contents: nil),
            let handle = FileHandle(forWritingAtPath: file)
        else { throw APIError(.internalServerError, "internal", "cannot write a temporary file") }
        defer { try? handle.close() }
        var total = 0
        for try await buffer in request.body {
            total += buffer.readableBytes
            if total > settings.bodyLimit { throw APIError.tooLarge(limit: settings.bodyLimit) }
            try handle.write(contentsOf: Data(buffer.readableBytesView))
        }
        if total == 0 { throw APIError.badBody("body: required (the file)") }
    }

    /// `POST /v1/check`: the body is a file (type from `filename`, else Content-Type) or JSON units.
    func check(_ request: Request) async throws -> Response {
        let format = request.parameter("format") ?? "json"
        guard let reportFormat = ReportFormat(rawValue: format), [.json, .sarif].contains(reportFormat) else {
            throw APIError.badParameter("format", "json or sarif, not '\(format)'")
        }
        let contentType = request.headers[.contentType]?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        var name: String
        let filename = request.parameter("filename").flatMap { $0.isEmpty ? nil : $0 }
        if let filename {
            name = (filename as NSString).lastPathComponent
            guard !name.isEmpty, name != ".", name != ".." else { throw APIError.badParameter("filename", "a file name") }
        } else if contentType == "application/json" {
            name = "units.xlf"
        } else if let type = contentType, let ext = Self.extensionFor[type] {
            name = "body." + ext
        } else {
            throw APIError.badParameter(
                "filename", "say what the body is: a filename parameter (x.po, x.xlf, x.tmx, x.tsv, x.csv) or a Content-Type")
        }
        let file = folder.path + "/" + name
        if filename == nil && contentType == "application/json" {
            let units = try await decode(CheckUnits.self, from: request)
            try Data(units.xliff().utf8).write(to: URL(fileURLWithPath: file))
        } else {
            try await saveBody(of: request, to: file)
        }
        var check = CheckRequest()
        check.paths = [file]
        check.format = reportFormat
        if glossaryPaths.isEmpty { check.noGlossary = true } else { check.glossaries = glossaryPaths }
        check.sourceLanguage = request.parameter("sourceLang")
        check.targetLanguage = request.parameter("targetLang")
        let outcome: CheckOutcome
        do {
            let prepared = check
            outcome = try await blocking { try CheckPipeline.run(prepared, environment: [:]) }
        } catch let error as InputError {
            throw APIError(.badRequest, "bad_input", error.renamed(file, as: name).description)
        }
        // Reports name the file as the client did, not by the server's temporary path.
        let output = outcome.output.replacingOccurrences(of: folder.path + "/", with: "")
        var response = json(output.hasSuffix("\n") ? String(output.dropLast()) : output)
        if reportFormat == .sarif { response.headers[.contentType] = "application/sarif+json; charset=utf-8" }
        response.headers[.init("X-Tlumach-Check-Exit")!] = "\(outcome.exitCode)"
        return response
    }

    static let extensionFor: [String: String] = [
        "application/x-xliff+xml": "xlf", "application/xliff+xml": "xlf", "text/x-gettext-translation": "po",
        "text/x-po": "po", "application/x-gettext": "po", "application/x-tmx+xml": "tmx", "text/tab-separated-values": "tsv",
        "text/csv": "csv",
    ]
}

/// JSON units for `POST /v1/check`, turned into a small XLIFF 1.2 file the check pipeline reads like any other.
struct CheckUnits: Decodable, Sendable {
    struct Unit: Decodable, Sendable {
        var id: String?
        var source: String
        var target: String
    }
    var sourceLang: String?
    var targetLang: String?
    var units: [Unit]

    func xliff() -> String {
        func escaped(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
            <file original="units" datatype="plaintext" source-language="\(escaped(sourceLang ?? "en"))" \
            target-language="\(escaped(targetLang ?? "uk"))"><body>

            """
        for (index, unit) in units.enumerated() {
            out += "<trans-unit id=\"\(escaped(unit.id ?? String(index + 1)))\"><source>\(escaped(unit.source))</source>"
            out += "<target>\(escaped(unit.target))</target></trans-unit>\n"
        }
        return out + "</body></file></xliff>\n"
    }
}
