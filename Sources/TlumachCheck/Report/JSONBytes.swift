import Dispatch
import TlumachCore

/// JSON text built as UTF-8 bytes, strings escaped by `JSONText.appendQuoted` (runs copied whole, no String made).
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

    mutating func quoted(_ text: String) {
        JSONText.appendQuoted(text, to: &bytes)
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
