import Foundation

/// A small pool of clones of one ICU service object that is not safe to use from two threads at once
/// (transliterators, break iterators). Each use borrows a clone, so concurrent tasks never share one, and clones
/// are kept for reuse rather than re-created per call. The prototype itself is never lent out: cloning it while
/// another thread iterates with it would copy state mid-change (a data race).
final class HandlePool: @unchecked Sendable {  // unchecked: C handles; `idle` only under `lock`, a borrowed one used by one thread
    // The lock guards `idle`; a borrowed handle is used by exactly one thread until it is returned.
    private let lock = NSLock()
    private var idle: [UnsafeMutableRawPointer]
    private let prototype: UnsafeMutableRawPointer
    /// The C clone function: returns nil or sets a failure status when it cannot clone.
    private let clone: (UnsafeMutableRawPointer, UnsafeMutablePointer<Int32>) -> UnsafeMutableRawPointer?
    private let close: (UnsafeMutableRawPointer) -> Void
    /// What is pooled, for error messages ("a transliterator").
    private let what: String
    private let maximumIdle = 16

    init(
        prototype: UnsafeMutableRawPointer, what: String,
        clone: @escaping (UnsafeMutableRawPointer, UnsafeMutablePointer<Int32>) -> UnsafeMutableRawPointer?,
        close: @escaping (UnsafeMutableRawPointer) -> Void
    ) {
        self.prototype = prototype
        self.idle = []
        self.what = what
        self.clone = clone
        self.close = close
    }

    func withHandle<T>(_ body: (UnsafeMutableRawPointer) throws(ICUError) -> T) throws(ICUError) -> T {
        let handle = try borrow()
        defer { giveBack(handle) }
        return try body(handle)
    }

    private func borrow() throws(ICUError) -> UnsafeMutableRawPointer {
        lock.lock()
        if let handle = idle.popLast() {
            lock.unlock()
            return handle
        }
        lock.unlock()
        // Clone outside the lock: nobody uses the prototype, and ICU's clone functions only read it.
        var status: Int32 = 0
        guard let copy = clone(prototype, &status), !failed(status) else {
            throw ICUError(code: status == 0 ? 1 : status, operation: "cloning \(what)")
        }
        return copy
    }

    private func giveBack(_ handle: UnsafeMutableRawPointer) {
        lock.lock()
        if idle.count < maximumIdle {
            idle.append(handle)
            lock.unlock()
        } else {
            lock.unlock()
            close(handle)
        }
    }

    deinit {
        for handle in idle { close(handle) }
        close(prototype)
    }
}
