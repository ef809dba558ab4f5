import Dispatch

/// JSON text built as UTF-8 bytes: strings are copied in runs and escaped exactly as `TlumachCore.JSONText.quoted`
/// escapes them (quotes, backslashes, control characters, U+2028 and U+2029), without going scalar by scalar
/// through a String (most messages hold curly quotes, whose lead byte sends `JSONText.quoted` the slow way).
struct JSONBytes {
    var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func number(_ value: Int) {
        if value >= 0 && value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var text = String(value)
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    mutating func quoted(_ text: String?) {
        guard let text else {
            raw("null")
            return
        }
        quoted(text)
    }

    static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    mutating func quoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { source in
            let count = source.count
            var runStart = 0
            var index = 0
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
                        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                        bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                        bytes.append(Self.hexDigits[Int(byte >> 4)])
                        bytes.append(Self.hexDigits[Int(byte & 0xF)])
                        index += 1
                        runStart = index
                        continue
                    }
                    escape = nil
                }
                if let escape {
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: source[runStart..<index]))
                    raw(escape)
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

    /// Renders `count` items in pieces on all cores and joins the pieces in order.
    static func parallel(count: Int, pieceSize: Int = 512, _ render: @Sendable (Range<Int>, inout JSONBytes) -> Void) -> [UInt8] {
        let pieces = (count + pieceSize - 1) / pieceSize
        if pieces <= 1 {
            var output = JSONBytes()
            render(0..<count, &output)
            return output.bytes
        }
        let slots = ResultSlots<[UInt8]>(count: pieces)
        DispatchQueue.concurrentPerform(iterations: pieces) { piece in
            var output = JSONBytes(capacity: pieceSize * 512)
            render((piece * pieceSize)..<min(count, (piece + 1) * pieceSize), &output)
            slots.set(piece, output.bytes)
        }
        let parts = slots.values
        var joined: [UInt8] = []
        joined.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for part in parts { joined.append(contentsOf: part) }
        return joined
    }
}
