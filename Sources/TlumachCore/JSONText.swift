/// JSON string literals for the hand-written JSON outputs (their field order is part of the documented contracts,
/// which is why they are not produced by JSONEncoder).
package enum JSONText {
    /// `text` as a quoted JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029 too, so
    /// the output is also safe to embed in JavaScript.
    package static func quoted(_ text: String) -> String {
        // Most texts need no escaping: copy them whole (0xE2 is the lead byte of U+2028/U+2029).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") || $0 == 0xE2 }) {
            return "\"" + text + "\""
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 8)
        appendQuoted(text, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A quoted string, or `null` for nil.
    package static func quoted(_ value: String?) -> String {
        value.map { quoted($0) } ?? "null"
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `text` as a quoted JSON string to UTF-8 `bytes`, escaped as `quoted` escapes it; unescaped runs are
    /// copied whole (no scalar-by-scalar walk, which curly quotes' 0xE2 lead byte would otherwise force).
    package static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            let count = source.count
            var runStart = 0
            var index = 0
            func flushRun() { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index])) }
            while index < count {
                let byte = source[index]
                let escape: StaticString?
                var skip = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && source[index + 2] == 0xA8:
                    escape = "\\u2028"
                    skip = 3
                case 0xE2 where index + 2 < count && source[index + 1] == 0x80 && source[index + 2] == 0xA9:
                    escape = "\\u2029"
                    skip = 3
                default:
                    if byte < 0x20 {
                        flushRun()
                        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                        bytes.append(hexDigits[Int(byte >> 4)])
                        bytes.append(hexDigits[Int(byte & 0xF)])
                        index += 1
                        runStart = index
                        continue
                    }
                    escape = nil
                }
                if let escape {
                    flushRun()
                    escape.withUTF8Buffer { bytes.append(contentsOf: $0) }
                    index += skip
                    runStart = index
                } else {
                    index += 1
                }
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<count]))
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
