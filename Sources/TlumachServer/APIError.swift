import Foundation
import Hummingbird
import NIOCore
import TlumachCore

/// An error as every route returns it: `{"error": {"code": "...", "message": "..."}}` with its HTTP status.
package struct APIError: Error, HTTPResponseError, CustomStringConvertible {
    package var status: HTTPResponse.Status
    package var code: String
    package var message: String
    package var headers: HTTPFields = [:]

    package init(_ status: HTTPResponse.Status, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    package var description: String { "\(status.code) \(code): \(message)" }

    package var body: String {
        "{\"error\":{\"code\":\(JSONText.quoted(code)),\"message\":\(JSONText.quoted(message))}}"
    }

    package func response(from request: Request, context: some RequestContext) throws -> Response {
        makeResponse()
    }

    func makeResponse() -> Response {
        var fields = headers
        fields[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(string: body + "\n")))
    }

    // Common cases.
    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(.badRequest, "bad_parameter", "\(name): \(message)")
    }
    static func badBody(_ message: String) -> APIError { APIError(.badRequest, "bad_body", message) }
    static func tooLarge(limit: Int) -> APIError {
        APIError(.contentTooLarge, "body_too_large", "the request body is over the limit of \(limit) bytes")
    }

    /// The project's input errors name a file and a line; over HTTP the file is the request body.
    static func from(_ error: any Error) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as InputError:
            return APIError(.badRequest, "bad_input", error.description)
        case let error as HTTPError:
            return APIError(error.status, code(for: error.status), error.body ?? error.status.reasonPhrase)
        case is NIOTooManyBytesError:
            return APIError(.contentTooLarge, "body_too_large", "the request body is over the limit")
        case is CancellationError:
            return APIError(.serviceUnavailable, "cancelled", "the request was cancelled")
        default:
            return APIError(.internalServerError, "internal", String(describing: error))
        }
    }

    static func code(for status: HTTPResponse.Status) -> String {
        switch status.code {
        case 400: "bad_request"
        case 401: "unauthorized"
        case 403: "forbidden"
        case 404: "not_found"
        case 405: "method_not_allowed"
        case 408: "timeout"
        case 413: "body_too_large"
        case 429: "too_many_requests"
        case 503: "unavailable"
        default: "error_\(status.code)"
        }
    }
}

/// Turns whatever a route throws into the JSON error body, so no client ever sees Hummingbird's own format; a known
/// path asked with a method it does not have is 405 with `Allow`, not 404.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let paths: KnownPaths

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch {
            var failure = APIError.from(error)
            if failure.status == .notFound, failure.code == "not_found" {
                let allowed = paths.methods(for: request.uri.path)
                if !allowed.isEmpty {
                    failure = APIError(
                        .methodNotAllowed, "method_not_allowed",
                        "\(request.method.rawValue) \(request.uri.path): use \(allowed.joined(separator: ", "))")
                    failure.headers[.allow] = allowed.joined(separator: ", ")
                }
            }
            return failure.makeResponse()
        }
    }
}

/// The routes' paths and methods, filled once while the router is built (before it serves anything).
/// `@unchecked Sendable`: written only before the server starts, read-only afterwards.
final class KnownPaths: @unchecked Sendable {
    private var routes: [(pattern: [Substring], method: String)] = []

    func add(_ path: String, method: String) {
        routes.append((path.split(separator: "/"), method))
    }

    func methods(for path: String) -> [String] {
        let parts = path.split(separator: "/")
        return routes.filter { route in
            route.pattern.count == parts.count
                && zip(route.pattern, parts).allSatisfy { $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method)
    }
}
