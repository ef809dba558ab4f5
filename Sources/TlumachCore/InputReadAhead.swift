import Foundation

/// Input files mapped, paged in and validated as UTF-8 on another thread while the command line is still being
/// parsed: in a one-shot run on a large file, the parsing and the data files' loading keep one core busy for
/// 10–20 ms, and the file's page faults and validation used to come only after them. The arguments that may be
/// files are a guess made before parsing; nothing depends on it but the timing: a command takes a file from here
/// only when the path it parsed is one of them and the file is still the one mapped (same device, inode, size and
/// modification time), and otherwise maps and validates it itself as before. Errors are not reported from here:
/// a file that cannot be read is simply not taken.
package final class InputReadAhead: @unchecked Sendable {  // unchecked: every field below is guarded by `condition`
    /// What a command takes: the mapped file, its pages read in, and the offset of its first byte that is not valid
    /// UTF-8 (nil when it is all valid).
    package struct Validated {
        package let data: Data
        package let firstInvalidOffset: Int?
        /// Whether the file holds a CR byte (looked for in each chunk right after its validation, while it is in
        /// the cache: the normaliser asked this of the whole file on the main thread before it started).
        package let hasCarriageReturn: Bool
    }

    /// Pieces the work is shared in: the thread started here and the command that waits for a file take them in
    /// turn, so neither waits while the other has work left.
    static let chunkSize = 1 << 20
    /// Files below this size are left to the command (the thread would save nothing).
    static let minimumSize = 1 << 20

    private struct Identity: Equatable {
        var device: UInt64
        var inode: UInt64
        var size: Int64
        var seconds: Int
        var nanoseconds: Int

        init?(_ path: String) {
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
            size = Int64(info.st_size)
            #if os(Linux)
                seconds = Int(info.st_mtim.tv_sec)
                nanoseconds = Int(info.st_mtim.tv_nsec)
            #else
                seconds = Int(info.st_mtimespec.tv_sec)
                nanoseconds = Int(info.st_mtimespec.tv_nsec)
            #endif
        }
    }

    private final class File {
        let path: String
        let identity: Identity
        let data: Data
        /// Cut before bytes that are not continuation bytes, so no valid sequence spans a cut and the first invalid
        /// chunk holds the first invalid byte (as `UTF8Validation.firstInvalidOffset(_:parts:)` cuts).
        let chunks: [Range<Int>]
        var next = 0
        var done = 0
        var invalid: [Int?]
        var carriageReturns: [Bool]

        init(path: String, identity: Identity, data: Data) {
            self.path = path
            self.identity = identity
            self.data = data
            chunks = data.withUnsafeBytes { Self.cut($0.bindMemory(to: UInt8.self), size: InputReadAhead.chunkSize) }
            invalid = Array(repeating: nil, count: chunks.count)
            carriageReturns = Array(repeating: false, count: chunks.count)
        }

        static func cut(_ bytes: UnsafeBufferPointer<UInt8>, size: Int) -> [Range<Int>] {
            var bounds = [0]
            var cut = size
            while cut < bytes.count {
                let limit = min(bytes.count, cut + 4)
                var at = cut
                while at < limit && bytes[at] & 0xC0 == 0x80 { at += 1 }
                // Only continuation bytes there: invalid anyway, found in the chunk before.
                if at < limit && at > bounds[bounds.count - 1] { bounds.append(at) }
                cut += size
            }
            bounds.append(bytes.count)
            return zip(bounds, bounds.dropFirst()).map { $0..<$1 }
        }
    }

    private let condition = NSCondition()
    private var files: [File] = []
    /// Whether the thread has mapped every file it will (until then a file's absence means nothing yet).
    private var listed = false

    /// The read-ahead started for this process (set once, before any other thread runs, by `start`).
    nonisolated(unsafe) private static var current: InputReadAhead?

    /// Starts reading ahead the existing regular files among `paths` (at least `minimumSize` bytes), after running
    /// `first` on the same thread (start-up work of the command's own that needs no parsed argument). Call once, at
    /// the start of `main`, before any other thread exists.
    package static func start(paths: [String], first: @escaping @Sendable () -> Void = {}) {
        current = begin(paths: paths, first: first)
    }

    /// A read-ahead of its own (tests; `start` keeps the process's).
    package static func begin(paths: [String], first: @escaping @Sendable () -> Void = {}) -> InputReadAhead {
        let readAhead = InputReadAhead()
        Thread.detachNewThread {
            first()
            readAhead.run(paths)
        }
        return readAhead
    }

    /// The process's read-ahead of the file at `path` (see `take(_:)` of an instance); nil when none was started.
    package static func take(_ path: String) -> Validated? {
        current?.take(path)
    }

    private func run(_ paths: [String]) {
        var seen: Set<String> = []
        var mapped: [File] = []
        for path in paths where seen.insert(path).inserted {
            guard let identity = Identity(path), identity.size >= Self.minimumSize,
                let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped),
                data.count == identity.size
            else { continue }
            mapped.append(File(path: path, identity: identity, data: data))
        }
        condition.lock()
        files = mapped
        listed = true
        condition.broadcast()
        condition.unlock()
        for file in mapped { work(on: file) }
    }

    /// The file at `path` mapped, paged in and validated, when it was read ahead and has not changed since; nil
    /// otherwise (the caller reads it itself). Takes a share of the remaining work rather than waiting idle.
    package func take(_ path: String) -> Validated? {
        condition.lock()
        while !listed { condition.wait() }
        let file = files.first { $0.path == path }
        condition.unlock()
        guard let file else { return nil }
        work(on: file)
        condition.lock()
        while file.done < file.chunks.count { condition.wait() }
        let invalid = file.invalid.lazy.compactMap { $0 }.first
        let carriageReturn = file.carriageReturns.contains(true)
        condition.unlock()
        // The file at that path now must be the one mapped.
        guard Identity(path) == file.identity else { return nil }
        return Validated(data: file.data, firstInvalidOffset: invalid, hasCarriageReturn: carriageReturn)
    }

    /// Takes the file's chunks one by one until none is left: each paged in (one `madvise`), validated, and
    /// searched for a CR.
    private func work(on file: File) {
        while true {
            condition.lock()
            let index = file.next
            if index < file.chunks.count { file.next += 1 }
            condition.unlock()
            guard index < file.chunks.count else { return }
            let range = file.chunks[index]
            let (invalid, carriageReturn) = file.data.withUnsafeBytes { raw -> (Int?, Bool) in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[range])
                TextFile.populate(chunk)
                let invalid = UTF8Validation.firstInvalidOffset(chunk.bindMemory(to: UInt8.self))
                let carriageReturn = chunk.baseAddress.map { memchr($0, 0x0D, chunk.count) != nil } ?? false
                return (invalid.map { range.lowerBound + $0 }, carriageReturn)
            }
            condition.lock()
            file.invalid[index] = invalid
            file.carriageReturns[index] = carriageReturn
            file.done += 1
            if file.done == file.chunks.count { condition.broadcast() }
            condition.unlock()
        }
    }
}
