import Foundation
import Synchronization

/// The one progress display of every long command (`tm import`, `check`, `align`, `normalize`): a single line on
/// standard error with a bar, the count, the rate and the time left, redrawn at most every `interval` seconds and
/// cleared at the end. It writes nothing at all unless standard error is a terminal, so pipes, logs and CI output
/// never see it. Safe to advance from several threads at once.
public final class ProgressMeter: Sendable {
    /// What is counted: items of some kind ("units", "files") or bytes (shown in MB).
    public enum Unit: Sendable, Equatable {
        case items(String)
        case bytes
    }

    /// Whether anything is ever drawn (standard error is a terminal).
    public let isEnabled: Bool
    private let clock: @Sendable () -> Double
    private let write: @Sendable (String) -> Void
    private let width: Int
    private let interval: Double
    private let delay: Double
    /// What changes as the work goes on, behind one lock.
    private struct State {
        var label: String
        var total: Int?
        var unit: Unit
        var done = 0
        var shown: Int?
        var started: Double
        var lastDraw: Double?
        var visible = false
    }
    private let state: Mutex<State>

    /// - Parameters:
    ///   - total: the work to do (drives the bar and the time left), nil when unknown.
    ///   - isTerminal: whether to draw; standard error's `isatty` unless a test says otherwise.
    ///   - clock: seconds on a monotonic clock; injected by tests.
    ///   - write: where the line goes (standard error); injected by tests.
    ///   - interval: the least time between two redraws.
    ///   - delay: nothing is drawn before this much time has passed (short runs show no meter at all).
    public init(
        label: String, total: Int?, unit: Unit, isTerminal: Bool = ProgressMeter.standardErrorIsTerminal,
        clock: @escaping @Sendable () -> Double = ProgressMeter.monotonicSeconds,
        write: @escaping @Sendable (String) -> Void = ProgressMeter.writeToStandardError,
        width: Int? = nil, interval: Double = 0.1, delay: Double = 0.3
    ) {
        isEnabled = isTerminal
        self.clock = clock
        self.write = write
        self.width = max(20, width ?? (isTerminal ? ProgressMeter.terminalColumns() : 80))
        self.interval = interval
        self.delay = delay
        state = Mutex(State(label: label, total: total.map { max(0, $0) }, unit: unit, started: isTerminal ? clock() : 0))
    }

    /// Adds `amount` to the work done (from any thread).
    public func advance(by amount: Int = 1) {
        guard isEnabled else { return }
        state.withLock { state in
            state.done += amount
            drawIfDue(&state)
        }
    }

    /// Sets the work done, and the count shown when it differs from the work (an import advances by line and
    /// shows units).
    public func update(done: Int, shown: Int? = nil) {
        guard isEnabled else { return }
        state.withLock { state in
            state.done = done
            state.shown = shown
            drawIfDue(&state)
        }
    }

    /// Starts a new phase on the same line: new label, total and unit, counts and clock from zero.
    public func restart(label: String, total: Int?, unit: Unit) {
        guard isEnabled else { return }
        state.withLock { state in
            clearLine(&state)
            state.label = label
            state.total = total.map { max(0, $0) }
            state.unit = unit
            state.done = 0
            state.shown = nil
            state.started = clock()
            state.lastDraw = nil
        }
    }

    /// Removes the line, leaving the terminal as it was (call when the work ends, by success or failure).
    public func finish() {
        guard isEnabled else { return }
        state.withLock { clearLine(&$0) }
    }

    private func drawIfDue(_ state: inout State) {
        let now = clock()
        let elapsed = now - state.started
        guard elapsed >= delay else { return }
        if let lastDraw = state.lastDraw, now - lastDraw < interval { return }
        state.lastDraw = now
        state.visible = true
        let text = Self.line(
            label: state.label, done: state.done, total: state.total, shown: state.shown, unit: state.unit,
            elapsed: elapsed, width: width)
        write("\r" + text + "\u{1B}[K")
    }

    private func clearLine(_ state: inout State) {
        guard state.visible else { return }
        state.visible = false
        write("\r\u{1B}[K")
    }

    // MARK: Formatting

    /// One meter line, at most `width - 1` columns: `label ████······ 45% 1,234 units · 310 units/s · 0:05 left`.
    public static func line(
        label: String, done: Int, total: Int?, shown: Int?, unit: Unit, elapsed: Double, width: Int
    ) -> String {
        let count = shown ?? done
        let seconds = max(elapsed, 1e-3)
        var parts: [String] = []
        var bar = ""
        if let total, total > 0 {
            let fraction = min(1, max(0, Double(done) / Double(total)))
            let cells = 20
            let filled = Int(fraction * Double(cells))
            bar = String(repeating: "█", count: filled) + String(repeating: "·", count: cells - filled)
            bar += " \(Int(fraction * 100))%"
            parts.append(unit == .bytes ? "\(amount(count, unit)) of \(amount(total, unit))" : amount(count, unit))
            parts.append(rate(Double(count) / seconds, unit))
            if fraction > 0 && fraction < 1 {
                parts.append("\(duration(seconds * (1 - fraction) / fraction)) left")
            }
        } else {
            parts.append(amount(count, unit))
            parts.append(rate(Double(count) / seconds, unit))
        }
        let tail = (bar.isEmpty ? "" : bar + " ") + parts.joined(separator: " · ")
        // The label gives way first when the line would wrap (a wrapped line cannot be redrawn in place).
        let room = width - 1 - tail.count - 1
        var shortLabel = label
        if shortLabel.count > room {
            shortLabel = room > 1 ? "…" + String(label.suffix(room - 1)) : ""
        }
        let text = shortLabel.isEmpty ? tail : shortLabel + " " + tail
        return String(text.prefix(width - 1))
    }

    static func amount(_ value: Int, _ unit: Unit) -> String {
        switch unit {
        case .items(let name): return "\(grouped(value)) \(name)"
        case .bytes: return megabytes(Double(value))
        }
    }

    static func rate(_ perSecond: Double, _ unit: Unit) -> String {
        switch unit {
        case .items(let name):
            let value = perSecond < 10 ? String(format: "%.1f", perSecond) : grouped(Int(perSecond.rounded()))
            return "\(value) \(name)/s"
        case .bytes: return megabytes(perSecond) + "/s"
        }
    }

    /// Time as m:ss, or h:mm:ss from an hour on.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded(.up))
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0
            ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }

    private static func megabytes(_ bytes: Double) -> String {
        let mb = bytes / 1_000_000
        return mb < 10 ? String(format: "%.1f MB", mb) : "\(grouped(Int(mb.rounded()))) MB"
    }

    /// 12345 → "12,345".
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return value < 0 ? "-" + out : out
    }

    // MARK: The real terminal

    public static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) != 0 }

    public static let monotonicSeconds: @Sendable () -> Double = {
        Double(DispatchTime.now().uptimeNanoseconds) / 1e9
    }

    public static let writeToStandardError: @Sendable (String) -> Void = { text in
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Standard error's width in columns (80 when unknown).
    static func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}
