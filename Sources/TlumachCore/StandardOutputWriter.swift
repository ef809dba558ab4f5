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
