import Foundation
import TlumachCore
import TlumachFormats

/// Writes fills into a bilingual TSV: the target field of the unit's row is replaced and, when the header has a
/// `state` (or `status`) column, it is set to `translated` or `needs-review`. TSV has no other place for a
/// review mark, so fills that need review are written only when there is such a column. Rows whose text spans
/// lines (quoted fields) are left alone.
enum TSVWriter {
    static func fields(_ line: String) -> [String] { line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }

    static func escaped(_ value: String) -> String {
        guard value.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\"" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The target and state columns the header names (as `DelimitedReader` chooses the target).
    static func columns(_ header: [String]) -> (target: Int, state: Int?)? {
        let names = header.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let state = names.firstIndex(of: "state") ?? names.firstIndex(of: "status")
        if let target = names.firstIndex(of: "target") { return (target, state) }
        let languages = names.indices.filter { DelimitedReader.looksLikeLanguage(names[$0]) }
        return languages.count >= 2 ? (languages[1], state) : nil
    }

    static func write(_ input: LeverageInput, fills: [Fill], notes: inout [String]) throws -> [UInt8] {
        let bytes = input.bytes
        let lines = POWriter.lines(bytes)
        guard let headerLine = lines.first(where: { !$0.content.isEmpty }),
            let columns = columns(fields(POWriter.text(bytes, headerLine)))
        else {
            throw InputError(path: input.path, line: 1, message: "the header must name the columns source and target")
        }
        var byNumber: [Int: POWriter.Line] = [:]
        for line in lines { byNumber[line.number] = line }
        var patches: [BytePatch] = []
        for fill in fills {
            let unit = input.document.units[fill.unit]
            if fill.needsReview && columns.state == nil {
                notes.append("\(input.path):\(unit.line): a fill that needs review was not written (TSV without a state column)")
                continue
            }
            guard let line = byNumber[unit.line] else { continue }
            let content = POWriter.text(bytes, line)
            var row = fields(content)
            guard !content.contains("\""), row.count > columns.target else {
                notes.append("\(input.path):\(unit.line): row with quoted fields left as it was")
                continue
            }
            row[columns.target] = escaped(fill.plainTarget)
            if let state = columns.state {
                while row.count <= state { row.append("") }
                row[state] = fill.needsReview ? "needs-review" : "translated"
            }
            patches.append(BytePatch(line.content, row.joined(separator: "\t")))
        }
        return try BytePatch.apply(patches, to: bytes, path: input.path)
    }
}
