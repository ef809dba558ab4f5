/// A place in a text file. Lines and columns are 1-based; columns count UTF-16 code units (SARIF's
/// `utf16CodeUnits`, what editors and GitHub use); `byteOffset` is the 0-based UTF-8 offset from the file start.
public struct SourcePosition: Sendable, Hashable, Codable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var byteOffset: Int

    public init(line: Int, column: Int, byteOffset: Int) {
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public var description: String { "\(line):\(column)" }
}

/// Maps UTF-8 byte offsets in a text to line and UTF-16 column, in O(log lines) per query after one pass.
public struct LineIndex: Sendable {
    private let utf8: [UInt8]
    /// Byte offset at which each line starts.
    private let lineStarts: [Int]

    public init(_ text: String) {
        self.init(utf8: Array(text.utf8))
    }

    public init(utf8: [UInt8]) {
        self.utf8 = utf8
        var starts = [0]
        for (offset, byte) in utf8.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        self.lineStarts = starts
    }

    public var lineCount: Int { lineStarts.count }

    /// The position of a UTF-8 byte offset (clamped to the text).
    public func position(ofByte offset: Int) -> SourcePosition {
        let offset = min(max(0, offset), utf8.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        return SourcePosition(line: low + 1, column: Self.utf16Length(utf8[start..<offset]) + 1, byteOffset: offset)
    }

    /// UTF-16 length of a run of UTF-8 bytes: one unit per scalar, two for 4-byte sequences.
    public static func utf16Length(_ bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        for byte in bytes {
            if byte & 0xC0 != 0x80 { count += 1 }  // a scalar starts here
            if byte >= 0xF0 { count += 1 }  // astral scalar: a surrogate pair
        }
        return count
    }
}
