import Foundation
/// Where baselines key files from.
package enum FileKey {
    /// `path` relative to `root` (both made absolute against the current folder and standardised), or the
    /// standardised absolute path when it lies outside `root`.
    package static func make(_ path: String, root: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        func absolute(_ path: String) -> String {
            URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: current, isDirectory: true)).standardizedFileURL.path
        }
        let file = absolute(path)
        var base = absolute(root)
        if !base.hasSuffix("/") { base += "/" }
        return file.hasPrefix(base) ? String(file.dropFirst(base.count)) : file
    }
}

/// One problem found, placed in a file: what every reporter prints.
public struct Finding: Sendable, Hashable, Codable {
    public var check: String
    public var severity: Severity
    public var file: String
    /// The unit's id as the file gives it.
    public var unit: String
    public var line: Int
    /// UTF-16 code units, 1-based.
    public var column: Int
    public var message: String
    public var source: String
    public var target: String
    public var suggestion: String?
    /// The unit's stable key (not printed): baselines and fingerprints use it so they survive lines moving.
    public var unitKey: String
    /// What reports print for a long unit (over `Finding.excerptLimit` characters) instead of its whole text: the
    /// start of the source and the stretch of the target around the finding, cut ends marked "…". nil when the
    /// whole text is short enough to print. Keeps a report linear in its input: a unit with thousands of
    /// findings is not repeated in full for each.
    public var sourceExcerpt: String?
    public var targetExcerpt: String?

    /// Characters (Unicode scalars) of a unit's text printed in full with each finding; longer texts are excerpted.
    public static let excerptLimit = 400

    /// Findings of one check in one unit listed one by one; beyond them, one finding stands for the rest.
    public static let collapseLimit = 10
    /// For that one finding: how many findings of its check in its unit it stands for (JSON `"count"`, SARIF
    /// `properties.count`; its message says it too). nil for an ordinary finding.
    public var collapsed: Int?

    /// The source as reports print it.
    public var shownSource: String { sourceExcerpt ?? source }
    /// The target as reports print it.
    public var shownTarget: String { targetExcerpt ?? target }
    /// Whether the texts printed are excerpts.
    public var isExcerpt: Bool { sourceExcerpt != nil || targetExcerpt != nil }

    /// At most `excerptLimit` scalars of `scalars` around `offset` (a fifth before it), "…" where cut; nil when the
    /// text is short.
    public static func excerpt(_ scalars: [Unicode.Scalar], around offset: Int) -> String? {
        guard scalars.count > excerptLimit else { return nil }
        let start = max(0, min(offset - excerptLimit / 5, scalars.count - excerptLimit))
        let end = min(scalars.count, start + excerptLimit)
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        return String(text)
    }

    /// The file as baselines and fingerprints name it: relative to the configuration file's folder (or the
    /// repository root), so the same file typed by absolute path or from another folder is the same file.
    public var fileKey: String

    public init(
        check: String, severity: Severity, file: String, unit: String, line: Int, column: Int, message: String,
        source: String, target: String, suggestion: String? = nil, unitKey: String? = nil, fileKey: String? = nil
    ) {
        self.fileKey = fileKey ?? file
        self.check = check
        self.severity = severity
        self.file = file
        self.unit = unit
        self.line = line
        self.column = column
        self.message = message
        self.source = source
        self.target = target
        self.suggestion = suggestion
        self.unitKey = unitKey ?? unit
    }

    /// What identifies a finding across runs: check, file, unit and text (the target and the message), never the
    /// line number.
    public var baselineKey: String {
        [check, fileKey, unitKey, target, message].joined(separator: "\u{1F}")
    }

    /// A short stable fingerprint of `baselineKey` (FNV-1a, 64 bits, hex), for SARIF partialFingerprints.
    public var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in baselineKey.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// The result of a run: findings (after suppressions and baseline) and what was checked.
public struct CheckReport: Sendable {
    public var findings: [Finding]
    public var files: Int
    public var units: Int
    /// Findings hidden by a baseline or an inline suppression.
    public var suppressed: Int
    /// Checks that ran, for reporters that describe them (SARIF rules).
    public var checks: [CheckDescription]

    public init(findings: [Finding], files: Int, units: Int, suppressed: Int = 0, checks: [CheckDescription] = []) {
        self.findings = findings
        self.files = files
        self.units = units
        self.suppressed = suppressed
        self.checks = checks
    }

    public var errors: Int { count(.error) }
    public var warnings: Int { count(.warning) }
    public var infos: Int { count(.info) }

    func count(_ severity: Severity) -> Int {
        var count = 0
        for index in findings.indices where findings[index].severity == severity { count += 1 }
        return count
    }

    /// 1 when there are errors (or, strictly, warnings), else 0.
    public func exitCode(strict: Bool) -> Int32 {
        if errors > 0 || (strict && warnings > 0) { return 1 }
        return 0
    }
}
