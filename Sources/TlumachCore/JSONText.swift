/// JSON string literals for the hand-written JSON outputs (their field order is part of the documented contracts,
/// which is why they are not produced by JSONEncoder).
public enum JSONText {
    /// `text` as a quoted JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029 too, so
    /// the output is also safe to embed in JavaScript.
    public static func quoted(_ text: String) -> String {
        // Most texts need no escaping: copy them whole (0xE2 is the lead byte of U+2028/U+2029).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A quoted string, or `null` for nil.
    public static func quoted(_ value: String?) -> String {
        value.map { quoted($0) } ?? "null"
    }
}
