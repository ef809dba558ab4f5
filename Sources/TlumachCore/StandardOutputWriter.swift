import Foundation

/// Standard output for commands that write large results.
package enum StandardOutputWriter {
    package static func write(_ text: String) {
        write(bytes: Array(text.utf8))
    }

    /// Straight to file descriptor 1, without copying the bytes into a Data first; a closed pipe ends the write.
    package static func write(bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write(buffer: $0) }
    }

    /// Several buffers in order, up to 1,024 a system call (`writev`): a text made of many pieces (the changed
    /// paragraphs of a normalised file between stretches of the input) without copying them together first.
    package static func write(buffers: [UnsafeBufferPointer<UInt8>]) {
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        for buffer in buffers where !buffer.isEmpty {
            guard let base = buffer.baseAddress else { continue }
            vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: buffer.count))
        }
        var index = 0
        while index < vectors.count {
            let count = Int32(min(vectors.count - index, 1024))
            let result = vectors.withUnsafeBufferPointer { all in
                all.baseAddress.map { writev(1, $0 + index, count) } ?? -1
            }
            if result <= 0 { break }
            // Past the buffers written whole; a buffer written in part goes on from where the write stopped.
            var remaining = result
            while remaining > 0 && index < vectors.count {
                if remaining >= vectors[index].iov_len {
                    remaining -= vectors[index].iov_len
                    index += 1
                } else {
                    vectors[index].iov_base = vectors[index].iov_base.map { $0 + remaining }
                    vectors[index].iov_len -= remaining
                    remaining = 0
                }
            }
        }
    }

    package static func write(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var written = 0
        while written < buffer.count {
            let result = Foundation.write(1, base + written, buffer.count - written)
            if result <= 0 { break }
            written += result
        }
    }
}
