import Foundation
import TlumachCore

/// Known findings to hide, keyed by check + file + unit + text (target and message), never by line, so a baseline
/// survives edits elsewhere in a file. Files are named relative to the configuration file's folder (or the
/// repository root), so a baseline holds whichever way the file is typed. A finding whose unit's text changes is new again. The file is JSON:
/// `{"version": 1, "findings": [{"check", "file", "unit", "target", "message"}]}`.
public struct Baseline: Sendable {
    public struct Entry: Sendable, Codable, Hashable {
        public var check: String
        public var file: String
        public var unit: String
        public var target: String
        public var message: String

        var key: String { [check, file, unit, target, message].joined(separator: "\u{1F}") }
    }

    public var entries: [Entry]

    public init(findings: [Finding]) {
        entries = findings.map {
            Entry(check: $0.check, file: $0.fileKey, unit: $0.unitKey, target: $0.target, message: $0.message)
        }
    }

    /// How many times each key may be hidden.
    var counts: [String: Int] {
        var counts: [String: Int] = [:]
        for entry in entries { counts[entry.key, default: 0] += 1 }
        return counts
    }

    private struct File: Codable {
        var version: Int
        var findings: [Entry]
    }

    public static func read(_ path: String) throws(InputError) -> Baseline {
        let text = try TextFile.read(path)
        do {
            let file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
            guard file.version == 1 else {
                throw InputError(path: path, message: "unsupported baseline version \(file.version)")
            }
            var baseline = Baseline(findings: [])
            baseline.entries = file.findings
            return baseline
        } catch let error as InputError {
            throw error
        } catch {
            // The decoder does not always say where: a syntax error is located by JSONSyntax, a wrong shape is
            // named by its field.
            if let offset = JSONSyntax.firstError(in: Array(text.utf8)) {
                let (line, column) = JSONSyntax.lineAndColumn(of: offset, in: Array(text.utf8))
                throw InputError(path: path, line: line, message: "not a Tlumach baseline: invalid JSON at column \(column) (byte \(offset))")
            }
            let reason = Self.reason(error).replacingOccurrences(of: "\n", with: " ")
            throw InputError(path: path, line: Self.line(of: error, in: text), message: "not a Tlumach baseline: \(reason)")
        }
    }

    public func write(to path: String) throws(InputError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let sorted = entries.sorted { ($0.file, $0.unit, $0.check, $0.message) < ($1.file, $1.unit, $1.check, $1.message) }
        guard let data = try? encoder.encode(File(version: 1, findings: sorted)) else {
            throw InputError(path: path, message: "cannot encode the baseline")
        }
        try TextFile.writeAtomically(String(decoding: data, as: UTF8.self) + "\n", to: path)
    }

    static func reason(_ error: any Error) -> String {
        if case DecodingError.keyNotFound(let key, _) = error { return "missing field \"\(key.stringValue)\"" }
        if case DecodingError.typeMismatch(_, let context) = error { return context.debugDescription }
        if case DecodingError.dataCorrupted(let context) = error {
            return (context.underlyingError as NSError?)?.localizedDescription ?? context.debugDescription
        }
        return "\(error)"
    }

    static func line(of error: any Error, in text: String) -> Int? {
        let description = "\(error)"
        guard let range = description.range(of: "line ") else { return nil }
        return Int(description[range.upperBound...].prefix { $0.isNumber })
    }
}

/// Finds where a text stops being JSON (RFC 8259), for a message that can point at it. Iterative: any depth.
enum JSONSyntax {
    /// The byte offset of the first syntax error, nil when the text is valid JSON.
    static func firstError(in bytes: [UInt8]) -> Int? {
        var index = 0
        // What the parser expects next, innermost last: containers and whether a value or a separator is due.
        enum Frame { case array, object }
        var stack: [Frame] = []
        func skipSpace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
        }
        /// Reads one scalar value or opens a container; false on an error at `index`.
        func value() -> Bool {
            skipSpace()
            guard index < bytes.count else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"):
                stack.append(.object)
                index += 1
                return true
            case UInt8(ascii: "["):
                stack.append(.array)
                index += 1
                return true
            case UInt8(ascii: "\""): return string()
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                let start = index
                index += 1
                while index < bytes.count, "0123456789+-.eE".utf8.contains(bytes[index]) { index += 1 }
                return Double(String(decoding: bytes[start..<index], as: UTF8.self)) != nil || { index = start; return false }()
            default: return false
            }
        }
        func literal(_ word: String) -> Bool {
            let word = Array(word.utf8)
            guard index + word.count <= bytes.count, Array(bytes[index..<(index + word.count)]) == word else { return false }
            index += word.count
            return true
        }
        func string() -> Bool {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    index += 1
                    return true
                case UInt8(ascii: "\\"): index += 2
                case 0..<0x20: return false
                default: index += 1
                }
            }
            return false
        }
        // After a value: close containers or expect a separator.
        var expectValue = true
        while true {
            if expectValue {
                let depth = stack.count
                skipSpace()
                // An empty container closes at once.
                if let top = stack.last, index < bytes.count,
                    (top == .array && bytes[index] == UInt8(ascii: "]")) || (top == .object && bytes[index] == UInt8(ascii: "}")),
                    index > 0, bytes[index - 1] == UInt8(ascii: top == .array ? "[" : "{") || lastNonSpace(bytes, before: index) == UInt8(ascii: top == .array ? "[" : "{")
                {
                    stack.removeLast()
                    index += 1
                    expectValue = false
                    continue
                }
                if stack.last == .object {
                    // A key, then a colon, then the value.
                    guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), string() else { return index }
                    skipSpace()
                    guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return index }
                    index += 1
                }
                guard value() else { return index }
                expectValue = stack.count > depth
                continue
            }
            skipSpace()
            guard let top = stack.last else { return index < bytes.count ? index : nil }
            guard index < bytes.count else { return index }
            switch (top, bytes[index]) {
            case (_, UInt8(ascii: ",")):
                index += 1
                expectValue = true
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") || bytes[index] == UInt8(ascii: "}") { return index }
            case (.array, UInt8(ascii: "]")), (.object, UInt8(ascii: "}")):
                stack.removeLast()
                index += 1
            default: return index
            }
        }
    }

    static func lastNonSpace(_ bytes: [UInt8], before index: Int) -> UInt8? {
        var position = index - 1
        while position >= 0, bytes[position] == 0x20 || bytes[position] == 0x0A || bytes[position] == 0x0D || bytes[position] == 0x09 { position -= 1 }
        return position >= 0 ? bytes[position] : nil
    }

    /// 1-based line and column (in bytes) of a byte offset.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        for position in 0..<min(offset, bytes.count) where bytes[position] == 0x0A {
            line += 1
            lineStart = position + 1
        }
        return (line, offset - lineStart + 1)
    }
}
