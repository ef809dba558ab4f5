import Foundation
import TlumachCore

/// Known findings to hide, keyed by check + file + unit + text (target and message), never by line, so a baseline
/// survives edits elsewhere in a file. A finding whose unit's text changes is new again. The file is JSON:
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
            Entry(check: $0.check, file: $0.file, unit: $0.unitKey, target: $0.target, message: $0.message)
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
            throw InputError(path: path, line: Self.line(of: error, in: text), message: "not a Tlumach baseline: \(Self.reason(error))")
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
