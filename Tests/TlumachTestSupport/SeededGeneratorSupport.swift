import Foundation
import TlumachCore

extension SeededGenerator {
    /// The seed for property tests: `TLUMACH_PROPERTY_SEED` when set (to replay or vary a run), else `standard`.
    public static func propertySeed(standard: UInt64) -> UInt64 {
        UInt64(ProcessInfo.processInfo.environment["TLUMACH_PROPERTY_SEED"] ?? "") ?? standard
    }

    /// One of `items`, drawn by `next() % count` (so a seed gives the same picks on every platform).
    public mutating func pick<T>(_ items: [T]) -> T { items[Int(next() % UInt64(items.count))] }
}
