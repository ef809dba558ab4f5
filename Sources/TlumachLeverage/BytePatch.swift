import TlumachCore

/// A replacement of a byte range of the original file (an empty range inserts). Writers only ever patch the units
/// they fill, so every other byte of the file stays as it was.
struct BytePatch {
    var range: Range<Int>
    var bytes: [UInt8]

    init(_ range: Range<Int>, _ text: String) {
        self.range = range
        bytes = Array(text.utf8)
    }

    init(_ range: Range<Int>, bytes: [UInt8]) {
        self.range = range
        self.bytes = bytes
    }

    /// The original with the patches applied; patches at the same insertion point keep their order.
    static func apply(_ patches: [BytePatch], to original: [UInt8], path: String) throws -> [UInt8] {
        let ordered = patches.enumerated().sorted { a, b in
            a.element.range.lowerBound != b.element.range.lowerBound
                ? a.element.range.lowerBound < b.element.range.lowerBound : a.offset < b.offset
        }.map(\.element)
        var result: [UInt8] = []
        result.reserveCapacity(original.count + patches.reduce(0) { $0 + $1.bytes.count })
        var position = 0
        for patch in ordered {
            guard patch.range.lowerBound >= position, patch.range.upperBound <= original.count else {
                throw InputError(path: path, byteOffset: patch.range.lowerBound, message: "internal error: overlapping edits")
            }
            result.append(contentsOf: original[position..<patch.range.lowerBound])
            result.append(contentsOf: patch.bytes)
            position = patch.range.upperBound
        }
        result.append(contentsOf: original[position...])
        return result
    }

    /// The line break the file uses ("\r\n" when its first line ends so).
    static func lineBreak(_ bytes: [UInt8]) -> String {
        guard let newline = bytes.firstIndex(of: 0x0A) else { return "\n" }
        return newline > 0 && bytes[newline - 1] == 0x0D ? "\r\n" : "\n"
    }

    /// The spaces and tabs before `offset` on its line, when only such stand there.
    static func indentation(before offset: Int, in bytes: [UInt8]) -> String? {
        var start = offset
        while start > 0 && (bytes[start - 1] == 0x20 || bytes[start - 1] == 0x09) { start -= 1 }
        guard start == 0 || bytes[start - 1] == 0x0A else { return nil }
        return String(decoding: bytes[start..<offset], as: UTF8.self)
    }
}
