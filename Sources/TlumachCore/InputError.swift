/// Bad input: a file or configuration Tlumach cannot read. The CLI prints `description` and exits 2.
/// Positions are 1-based lines and columns (UTF-16 code units) or a 0-based UTF-8 byte offset.
public struct InputError: Error, CustomStringConvertible, Sendable, Equatable {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var byteOffset: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, byteOffset: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.message = message
    }

    /// `path:line:column: message`, or `path: byte N: message` when only the byte offset is known.
    public var description: String {
        var location = path
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        } else if let byteOffset {
            location += ": byte \(byteOffset)"
        }
        return "\(location): \(message)"
    }
}

/// Exit statuses shared by every command, as linters use them.
public enum ExitStatus: Int32, Sendable {
    /// Nothing to report (or only warnings).
    case clean = 0
    /// Findings that fail the run (errors; with --check, anything that would change).
    case findings = 1
    /// Tool or input error: unreadable file, bad configuration, bad usage.
    case inputError = 2
}
