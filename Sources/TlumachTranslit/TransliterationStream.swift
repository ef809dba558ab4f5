import Foundation
import TlumachCore

extension SchemeTransliterator {
    /// Transliterates a stream line by line in bounded memory (about four times `chunkSize` plus the longest
    /// line): reads `chunkSize` bytes at a time, writes the output of every complete line, and keeps the rest for
    /// the next read. Each output line corresponds to one input line (line ends pass through unchanged).
    /// Names are not consulted here (the bulk path). Bytes that are not UTF-8 throw an `InputError` naming
    /// `inputName` and the 0-based byte offset; output written before that point stays written.
    public func transliterateStream(
        from input: FileHandle, to output: FileHandle, inputName: String = "<stdin>", chunkSize: Int = 1 << 20
    ) throws {
        var pending: [UInt8] = []
        var consumed = 0  // bytes of input before `pending`
        var buffer: [UInt8] = []
        var finished = false
        while !finished {
            let data = try input.read(upToCount: chunkSize) ?? Data()
            if data.isEmpty {
                finished = true
            } else {
                pending.append(contentsOf: data)
            }
            // Complete lines only, unless the input has ended.
            let end: Int
            if finished {
                end = pending.count
            } else if let lastNewline = pending.lastIndex(of: 0x0A) {
                end = lastNewline + 1
            } else {
                continue
            }
            if end == 0 { continue }
            buffer.removeAll(keepingCapacity: true)
            try transliterateLines(pending, upTo: end, into: &buffer, inputName: inputName, consumed: consumed)
            output.write(Data(buffer))
            pending.removeSubrange(0..<end)
            consumed += end
        }
    }

    private func transliterateLines(
        _ bytes: [UInt8], upTo end: Int, into buffer: inout [UInt8], inputName: String, consumed: Int
    ) throws {
        try bytes.withUnsafeBufferPointer { all in
            // The fast path's contexts never reach across a line end, so a block of whole lines is done at once;
            // ICU schemes go line by line.
            var lineStart = 0
            while lineStart < end {
                var lineEnd = end
                if scheme != .kmu2010, let newline = all[lineStart..<end].firstIndex(of: 0x0A) { lineEnd = newline + 1 }
                do {
                    try transliterate(utf8: UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd]), into: &buffer)
                } catch let error as TransliterationError {
                    switch error {
                    case .invalidUTF8(let offset):
                        throw InputError(
                            path: inputName, byteOffset: consumed + lineStart + offset, message: "not valid UTF-8")
                    default:
                        throw InputError(path: inputName, message: error.description)
                    }
                }
                lineStart = lineEnd
            }
        }
    }
}
