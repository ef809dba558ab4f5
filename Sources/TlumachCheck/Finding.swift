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

    public init(
        check: String, severity: Severity, file: String, unit: String, line: Int, column: Int, message: String,
        source: String, target: String, suggestion: String? = nil, unitKey: String? = nil
    ) {
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
        [check, file, unitKey, target, message].joined(separator: "\u{1F}")
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
