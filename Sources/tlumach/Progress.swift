import Foundation
import Synchronization
import TlumachCore

/// The shared progress meter as the commands set it up. `TLUMACH_PROGRESS_DELAY` (seconds before the first
/// redraw, default 0.3) lets tests make a short run draw.
extension ProgressMeter {
    convenience init(command label: String, total: Int?, unit: Unit) {
        let delay = ProcessInfo.processInfo.environment["TLUMACH_PROGRESS_DELAY"].flatMap(Double.init) ?? 0.3
        self.init(label: label, total: total, unit: unit, delay: delay)
    }

    /// `tm import`: advanced by the line the reader is at (the bar and time left), showing units read.
    static func forImport(of path: String) -> ProgressMeter {
        let label = (path as NSString).lastPathComponent
        guard standardErrorIsTerminal else { return ProgressMeter(command: label, total: nil, unit: .items("units")) }
        return ProgressMeter(command: label, total: lineCount(path), unit: .items("units"))
    }

    /// Lines in a file, counted on the raw bytes (fast enough to precede an import). UTF-16 files have a zero byte
    /// beside each newline; counting 0x0A bytes works for both.
    private static func lineCount(_ path: String) -> Int? {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe) else { return nil }
        return data.withUnsafeBytes { bytes in bytes.reduce(into: 1) { if $1 == 0x0A { $0 += 1 } } }
    }
}

/// The aligner's row progress on a meter. A search that starts again from row 0 (its band widened, or the
/// document ratio was re-estimated) is shown as a new pass.
final class AlignmentProgress: Sendable {
    let meter: ProgressMeter
    private let position = Mutex((lastRow: 0, pass: 1))

    init(sentences: Int) {
        meter = ProgressMeter(command: "align", total: sentences, unit: .items("sentences"))
    }

    func report(row: Int, rows: Int) {
        position.withLock { position in
            if row < position.lastRow {
                position.pass += 1
                meter.restart(label: "align (pass \(position.pass))", total: rows, unit: .items("sentences"))
            }
            position.lastRow = row
            meter.update(done: row)
        }
    }
}
