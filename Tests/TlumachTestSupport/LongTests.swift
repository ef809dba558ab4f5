import Foundation

/// Long property and size tests run in full only when `TLUMACH_LONG_TESTS=1` (as CI does); the default `swift test`
/// stays fast by running a smaller version of each (none is skipped).
public enum LongTests {
    public static let variable = "TLUMACH_LONG_TESTS"

    /// Whether the long versions run: `TLUMACH_LONG_TESTS` set to anything but empty or "0".
    public static var enabled: Bool {
        let value = ProcessInfo.processInfo.environment[variable] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// `long` when the long tests are enabled, `short` otherwise (iterations, sizes, counts).
    public static func count(long: Int, short: Int) -> Int { enabled ? long : short }
}

extension LongTests {
    /// Every item in the long run; by default every `step`-th one (the first included), for tests whose cost is one
    /// check per item of a large generated or shipped list.
    public static func sample<T>(_ items: [T], oneIn step: Int) -> [T] {
        guard !enabled, step > 1 else { return items }
        return stride(from: 0, to: items.count, by: step).map { items[$0] }
    }

    /// A lower bound on how many items a test must have checked, scaled down like `sample(_:oneIn:)` scales the items.
    public static func atLeast(_ count: Int, sampledOneIn step: Int) -> Int {
        enabled || step <= 1 ? count : count / step
    }
}
