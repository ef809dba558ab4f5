import Foundation
import TlumachCore

extension SchemeTransliterator {
    /// Transliterates a stream line by line in bounded memory (about four times `chunkSize` plus the longest
    /// line): reads `chunkSize` bytes at a time, writes the output of every complete line, and keeps the rest for
    /// the next read. Each output line corresponds to one input line (line ends pass through unchanged).
    /// Names are not consulted here (the bulk path). Bytes that are not UTF-8 throw an `InputError` naming
    /// `inputName` and the 0-based byte offset; output written before that point stays written.
    public func transliterateStream(
        from input: FileHandle, to output: FileHandle, inputName: String = "<stdin>", chunkSize: Int = 1 << 22
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
            if isFastPath && end >= Self.parallelThreshold {
                try transliterateInParallel(pending, upTo: end, to: output, inputName: inputName, consumed: consumed)
            } else {
                buffer.removeAll(keepingCapacity: true)
                try transliterateLines(pending, upTo: end, into: &buffer, inputName: inputName, consumed: consumed)
                output.write(Data(buffer))
            }
            pending.removeSubrange(0..<end)
            consumed += end
        }
    }

    /// Blocks this large are split at line ends over the available cores (the fast path's lines are independent, and
    /// so are names).
    static let parallelThreshold = 1 << 18

    /// Transliterates `bytes[0..<end]` (whole lines) in as many parts as there are cores, writing the parts in order.
    private func transliterateInParallel(
        _ bytes: [UInt8], upTo end: Int, to output: FileHandle, inputName: String, consumed: Int
    ) throws {
        let cores = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        // Part boundaries: just after the first line end at or beyond each equal share.
        var bounds = [0]
        for part in 1..<cores {
            let target = max(bounds[bounds.count - 1], end * part / cores)
            if let newline = bytes[target..<end].firstIndex(of: 0x0A), newline + 1 < end { bounds.append(newline + 1) }
        }
        bounds.append(end)
        bounds = Array(Set(bounds)).sorted()
        let parts = ResultSlots<(output: [UInt8], failure: TransliterationError?)>(count: bounds.count - 1)
        try bytes.withUnsafeBufferPointer { all in
            // The input block, read by every part (it outlives them).
            let input = UncheckedSendable(all)
            DispatchQueue.concurrentPerform(iterations: parts.count) { [bounds] part in
                var result: [UInt8] = []
                var failure: TransliterationError?
                do throws(TransliterationError) {
                    let lines = UnsafeBufferPointer(rebasing: input.value[bounds[part]..<bounds[part + 1]])
                    if let names = self.names {
                        // Names never reach across a line end (a phrase's words are joined by spaces or a hyphen).
                        try self.transliterate(utf8: lines, names: names, into: &result)
                    } else {
                        try self.transliterate(utf8: lines, into: &result)
                    }
                } catch {
                    failure = error
                }
                parts.set(part, (result, failure))
            }
            for part in 0..<parts.count {
                let (result, failure) = parts.value(part) ?? ([], nil)
                if let failure {
                    switch failure {
                    case .invalidUTF8(let offset):
                        throw InputError(
                            path: inputName, byteOffset: consumed + bounds[part] + offset, message: "not valid UTF-8")
                    default:
                        throw InputError(path: inputName, message: failure.description)
                    }
                }
                output.write(Data(result))
            }
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
                    let lines = UnsafeBufferPointer(rebasing: all[lineStart..<lineEnd])
                    if let names {
                        try transliterate(utf8: lines, names: names, into: &buffer)
                    } else {
                        try transliterate(utf8: lines, into: &buffer)
                    }
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
