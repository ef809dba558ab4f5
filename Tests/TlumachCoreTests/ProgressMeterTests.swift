import Dispatch
import Foundation
import XCTest

@testable import TlumachCore

/// A clock the test moves by hand, and a terminal that records what is written to it.
private final class FakeClock: @unchecked Sendable {
    private let lock = NSLock()
    private var seconds = 0.0
    var now: Double { lock.withLock { seconds } }
    func advance(_ step: Double) { lock.withLock { seconds += step } }
}

private final class FakeTerminal: @unchecked Sendable {
    private let lock = NSLock()
    private var written: [String] = []
    var writes: [String] { lock.withLock { written } }
    func write(_ text: String) { lock.withLock { written.append(text) } }
}

final class ProgressMeterTests: XCTestCase {
    private let clock = FakeClock()
    private let terminal = FakeTerminal()

    private func meter(total: Int?, unit: ProgressMeter.Unit = .items("units"), terminal isTerminal: Bool = true,
                       delay: Double = 0) -> ProgressMeter {
        let (clock, terminal) = (clock, terminal)
        return ProgressMeter(
            label: "a.tmx", total: total, unit: unit, isTerminal: isTerminal, clock: { clock.now },
            write: { terminal.write($0) }, width: 100, interval: 0.1, delay: delay)
    }

    func testNothingIsWrittenWhenStandardErrorIsNotATerminal() {
        let progress = meter(total: 100, terminal: false)
        for done in 0...100 {
            clock.advance(1)
            progress.update(done: done)
        }
        progress.restart(label: "next", total: 5, unit: .bytes)
        progress.advance(by: 3)
        progress.finish()
        XCTAssertFalse(progress.isEnabled)
        XCTAssertEqual(terminal.writes, [])
    }

    func testRedrawsAreThrottledToTheInterval() {
        let progress = meter(total: 1000)
        // 1,000 updates over one second: at most one draw per 0.1 s.
        for done in 1...1000 {
            clock.advance(0.001)
            progress.update(done: done)
        }
        XCTAssertTrue((9...11).contains(terminal.writes.count), "\(terminal.writes.count) draws")
    }

    func testShortRunsDrawNothingAndLeaveNothingBehind() {
        let progress = meter(total: 10, delay: 0.5)
        for done in 1...10 {
            clock.advance(0.04)
            progress.update(done: done)
        }
        progress.finish()
        XCTAssertEqual(terminal.writes, [])
    }

    func testFinishClearsTheLineItDrew() {
        let progress = meter(total: 10)
        clock.advance(1)
        progress.update(done: 5)
        progress.finish()
        progress.finish()  // once only
        XCTAssertEqual(terminal.writes.count, 2)
        XCTAssertTrue(terminal.writes[0].hasPrefix("\ra.tmx "), terminal.writes[0])
        XCTAssertEqual(terminal.writes[1], "\r\u{1B}[K")
    }

    func testLineShowsCountRateAndTimeLeft() {
        // An import at line 250 of 1,000 after 10 s, 5,000 units read.
        XCTAssertEqual(
            ProgressMeter.line(
                label: "a.tmx", done: 250, total: 1000, shown: 5000, unit: .items("units"), elapsed: 10, width: 100),
            "a.tmx █████··············· 25% 5,000 units · 500 units/s · 0:30 left")
        XCTAssertEqual(
            ProgressMeter.line(
                label: "normalize", done: 50_000_000, total: 200_000_000, shown: nil, unit: .bytes, elapsed: 2,
                width: 100),
            "normalize █████··············· 25% 50 MB of 200 MB · 25 MB/s · 0:06 left")
        // Unknown total: no bar and no time left.
        XCTAssertEqual(
            ProgressMeter.line(label: "check", done: 1234, total: nil, shown: nil, unit: .items("files"), elapsed: 2, width: 100),
            "check 1,234 files · 617 files/s")
        XCTAssertEqual(ProgressMeter.duration(3725), "1:02:05")
        XCTAssertEqual(ProgressMeter.rate(2.5, .items("units")), "2.5 units/s")
    }

    func testLineNeverWrapsTheTerminal() {
        let label = String(repeating: "very-long-folder/", count: 10) + "file.tmx"
        let line = ProgressMeter.line(
            label: label, done: 1, total: 2, shown: nil, unit: .items("units"), elapsed: 1, width: 80)
        XCTAssertEqual(line.count, 79)
        XCTAssertTrue(line.hasPrefix("…"), line)
        XCTAssertTrue(line.hasSuffix("folder/file.tmx ██████████·········· 50% 1 units · 1.0 units/s · 0:01 left"), line)
        // Narrower still: the label goes, the figures stay.
        let narrow = ProgressMeter.line(
            label: label, done: 1, total: 2, shown: nil, unit: .items("units"), elapsed: 1, width: 50)
        XCTAssertEqual(narrow.count, 49)
    }

    func testAdvancingFromSeveralThreadsLosesNoCount() {
        let progress = meter(total: nil)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<1000 { progress.advance() }
        }
        clock.advance(10)
        progress.advance(by: 0)
        XCTAssertTrue(terminal.writes.last?.contains("8,000 units") == true, terminal.writes.last ?? "")
    }

    func testRestartStartsANewPhaseOnTheSameLine() {
        let progress = meter(total: 4)
        clock.advance(1)
        progress.update(done: 2)
        progress.restart(label: "check", total: 100, unit: .items("units"))
        clock.advance(1)
        progress.update(done: 50)
        XCTAssertEqual(terminal.writes.count, 3)
        XCTAssertEqual(terminal.writes[1], "\r\u{1B}[K")
        XCTAssertTrue(terminal.writes[2].contains("check ██████████·········· 50% 50 units · 50 units/s · 0:01 left"),
                      terminal.writes[2])
    }
}
