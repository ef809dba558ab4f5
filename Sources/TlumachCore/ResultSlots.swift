import Synchronization

/// One result slot per parallel task (each written once by its own task), read when the tasks are done: the one
/// box every `concurrentPerform` in the package hands its results back through.
package final class ResultSlots<Value: Sendable>: Sendable {
    private let slots: Mutex<[Value?]>
    package let count: Int

    package init(count: Int) {
        self.count = count
        slots = Mutex(Array(repeating: nil, count: count))
    }

    package func set(_ index: Int, _ value: Value) {
        slots.withLock { $0[index] = value }
    }

    package func value(_ index: Int) -> Value? {
        slots.withLock { $0[index] }
    }

    /// The filled slots' values, in slot order.
    package var values: [Value] {
        slots.withLock { $0.compactMap { $0 } }
    }

    /// Takes the value out of its slot (it is released by the caller, outside the lock).
    package func take(_ index: Int) -> Value? {
        slots.withLock { slots in
            let value = slots[index]
            slots[index] = nil
            return value
        }
    }
}

/// A value handed to other threads whose safe use is arranged by hand at each use (a buffer read by parallel workers
/// while its owner waits for them, or each worker writing its own region): the one place such a promise is made.
package struct UncheckedSendable<Value>: @unchecked Sendable {  // unchecked: see each use for the arrangement
    package let value: Value
    package init(_ value: Value) { self.value = value }
}
