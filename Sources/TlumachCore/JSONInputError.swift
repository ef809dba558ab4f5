import Foundation

/// A JSON file that cannot be decoded, as one line naming the file and where: the position the parser stopped at
/// for a syntax error, the line of the key for a value of the wrong kind or a missing key. `DecodingError`'s own
/// description ("DecodingError.typeMismatch: expected value of type Double. Path: …") is meant for programmers.
public enum JSONInputError {
    public static func make(_ error: any Error, data: Data, path: String, what: String) -> InputError {
        let bytes = [UInt8](data)
        guard let decoding = error as? DecodingError else {
            return InputError(path: path, message: "not valid \(what)")
        }
        switch decoding {
        case .typeMismatch(let type, let context):
            var message = "\(keyPath(context.codingPath)): expected \(name(of: type))"
            if let found = found(in: context.debugDescription) { message += ", found \(found)" }
            return at(path, bytes, offset: location(of: context.codingPath, in: bytes), "\(message) (\(what))")
        case .valueNotFound(let type, let context):
            return at(
                path, bytes, offset: location(of: context.codingPath, in: bytes),
                "\(keyPath(context.codingPath)): expected \(name(of: type)), found null (\(what))")
        case .keyNotFound(let key, let context):
            let place = context.codingPath.isEmpty ? "" : " in \(keyPath(context.codingPath))"
            return at(
                path, bytes, offset: location(of: context.codingPath, in: bytes),
                "missing key '\(key.stringValue)'\(place) (\(what))")
        case .dataCorrupted(let context):
            if !context.codingPath.isEmpty {
                return at(
                    path, bytes, offset: location(of: context.codingPath, in: bytes),
                    "\(keyPath(context.codingPath)): \(context.debugDescription) (\(what))")
            }
            return syntaxError(bytes, data: data, path: path, what: what)
        @unknown default:
            return InputError(path: path, message: "not valid \(what)")
        }
    }

    /// Where the JSON parser stopped: Foundation names a character offset (Linux) or a line and column (Apple).
    private static func syntaxError(_ bytes: [UInt8], data: Data, path: String, what: String) -> InputError {
        let message = "not valid JSON (\(what))"
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            if let line = number(after: "line ", in: detail), let column = number(after: "column ", in: detail) {
                return InputError(path: path, line: line, column: column, message: message)
            }
            if let character = number(after: "character ", in: detail) {
                return at(path, bytes, offset: min(character, bytes.count), message)
            }
            if detail.contains("end of file") || bytes.isEmpty {
                return at(path, bytes, offset: bytes.count, message + ": the file ends early")
            }
        }
        return InputError(path: path, message: message)
    }

    private static func at(_ path: String, _ bytes: [UInt8], offset: Int?, _ message: String) -> InputError {
        guard let offset else { return InputError(path: path, message: message) }
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        let prefix = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self)
        return InputError(path: path, line: line, column: prefix.utf16.count + 1, message: message)
    }

    /// The byte offset of the last key of `codingPath`, found by looking for each `"key":` after the one before.
    /// Approximate (a string value spelling the same key could match first) but right for ordinary files.
    static func location(of codingPath: [any CodingKey], in bytes: [UInt8]) -> Int? {
        var offset = 0
        var found: Int?
        for key in codingPath where key.intValue == nil {
            let needle = Array("\"\(key.stringValue)\"".utf8)
            guard let match = find(needle, in: bytes, from: offset) else { return found }
            found = match
            offset = match + needle.count
        }
        return found
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0] && Array(bytes[index..<(index + needle.count)]) == needle {
                // A key is followed by a colon (after optional white space).
                var next = index + needle.count
                while next < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[next]) { next += 1 }
                if next < bytes.count && bytes[next] == UInt8(ascii: ":") { return index }
            }
            index += 1
        }
        return nil
    }

    private static func keyPath(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the top level" }
        var text = ""
        for key in codingPath {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    private static func name(of type: Any.Type) -> String {
        let kind = DecodedKind(type)
        // JSON calls a mapping an object; a decoded struct is one too.
        return kind == .map || kind == .other ? "an object" : kind.description
    }

    /// "…but found a string instead." → "a string".
    private static func found(in description: String) -> String? {
        guard let start = description.range(of: "found "), let end = description.range(of: " instead") else {
            return nil
        }
        guard start.upperBound <= end.lowerBound else { return nil }
        return String(description[start.upperBound..<end.lowerBound])
    }

    private static func number(after prefix: String, in text: String) -> Int? {
        guard let range = text.range(of: prefix) else { return nil }
        return Int(text[range.upperBound...].prefix { $0.isNumber })
    }
}

/// The kind of value a decoder expected, named for users: "a number", not `Double`. Shared by the JSON and the
/// YAML (settings) error messages.
package enum DecodedKind: CustomStringConvertible {
    case string, integer, number, bool, list, map, other

    package init(_ type: Any.Type) {
        switch type {
        case is String.Type: self = .string
        case is Int.Type: self = .integer
        case is Double.Type, is Float.Type: self = .number
        case is Bool.Type: self = .bool
        default:
            let typeName = "\(type)"
            if typeName.hasPrefix("Array<") || typeName.hasPrefix("Set<") {
                self = .list
            } else if typeName.hasPrefix("Dictionary<") {
                self = .map
            } else {
                self = .other
            }
        }
    }

    package var description: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .number: "a number"
        case .bool: "true or false"
        case .list: "a list"
        case .map: "a mapping"
        case .other: "a value of another kind"
        }
    }
}
