import TlumachAlign
import TlumachCore
import TlumachFormats
import TlumachText

/// A pair of plain texts paired sentence by sentence by the aligner (`--align`), for translations whose paragraphs
/// do not correspond one to one. Each bead (1–1, 1–2, 2–1, or a sentence without partner) becomes a unit whose id
/// names the sentences ("s3-4 ↔ t3") and whose position is the line of its first target sentence.
public enum AlignedTextPair {
    public static func read(
        sourcePath: String, targetPath: String, sourceLanguage: String, targetLanguage: String
    ) throws -> BilingualDocument {
        let sourceText = try TextFile.read(sourcePath)
        let targetText = try TextFile.read(targetPath)
        let sourceTag = Language(rawValue: CheckedUnit.primary(sourceLanguage)) ?? .uk
        let targetTag = Language(rawValue: CheckedUnit.primary(targetLanguage)) ?? .en
        let sources = try AlignmentInput.segment(sourceText, language: sourceTag)
        let targets = try AlignmentInput.segment(targetText, language: targetTag)
        let beads = SentenceAligner(source: sourceTag, target: targetTag)
            .align(source: sources.map(\.text), target: targets.map(\.text))
        func name(_ range: Range<Int>, _ prefix: String) -> String {
            if range.isEmpty { return "\(prefix)–" }
            return range.count == 1 ? "\(prefix)\(range.lowerBound + 1)" : "\(prefix)\(range.lowerBound + 1)-\(range.upperBound)"
        }
        var units: [BilingualUnit] = []
        for bead in beads {
            let source = bead.source.map { sources[$0].text }.joined(separator: " ")
            let target = bead.target.map { targets[$0].text }.joined(separator: " ")
            let line = bead.target.first.map { targets[$0].line } ?? bead.source.first.map { sources[$0].line } ?? 1
            units.append(
                BilingualUnit(
                    id: "\(name(bead.source, "s")) ↔ \(name(bead.target, "t"))", stableKey: source, source: source,
                    target: target, line: line, column: 1))
        }
        return BilingualDocument(
            path: targetPath, format: .text, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units)
    }
}
