import Foundation
import TlumachCore

/// The machine-readable report of `tlumach normalize --report json`: counts per rule and every change with its
/// position, per file and in total.
public struct NormalizationReport: Codable, Sendable, Equatable {
    public struct Change: Codable, Sendable, Equatable {
        public var rule: String
        public var line: Int
        /// 1-based, in UTF-16 code units.
        public var column: Int
        /// 0-based UTF-8 offset in the original file.
        public var byteOffset: Int
        public var original: String
        public var replacement: String
        public var summary: String
    }

    public struct File: Codable, Sendable, Equatable {
        public var path: String
        public var changed: Bool
        public var counts: [String: Int]
        public var changes: [Change]
    }

    public var files: [File]
    public var counts: [String: Int]
    public var totalChanges: Int

    public init(results: [(path: String, result: NormalizationResult)]) {
        var total: [String: Int] = [:]
        files = results.map { path, result in
            let counts = result.countsByRule
            total.merge(counts, uniquingKeysWith: +)
            return File(
                path: path, changed: result.isChanged, counts: counts,
                changes: result.changes.map {
                    Change(
                        rule: $0.rule, line: $0.position.line, column: $0.position.column,
                        byteOffset: $0.position.byteOffset, original: $0.original, replacement: $0.replacement,
                        summary: $0.summary)
                })
        }
        counts = total
        totalChanges = total.values.reduce(0, +)
    }

    /// Pretty-printed JSON with sorted keys (stable output for diffs and tests).
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}

extension NormalizationChange {
    /// `path:line:column: rule: summary`, the line `tlumach normalize --check` prints.
    public func checkLine(path: String) -> String {
        "\(path):\(position.line):\(position.column): \(rule): \(summary)"
    }
}
