import TlumachAlign
import TlumachCore
import TlumachFormats
import TlumachText

/// A pair of plain texts paired sentence by sentence by the aligner (`--align`), for translations whose paragraphs
/// do not correspond one to one. Each bead (1–1, 1–2, 2–1, or a sentence without partner) becomes a unit whose id
/// names the sentences ("s3-4 ↔ t3") and whose position is where its first target sentence starts.
public enum AlignedTextPair {
    public static func read(
        sourcePath: String, targetPath: String, sourceLanguage: String, targetLanguage: String
    ) throws -> BilingualDocument {
        let sourceText = try TextFile.read(sourcePath)
        let targetText = try TextFile.read(targetPath)
        let sourceTag = Language(rawValue: LanguageTag.primary(sourceLanguage)) ?? .uk
        let targetTag = Language(rawValue: LanguageTag.primary(targetLanguage)) ?? .en
        let sources = try AlignmentInput.segment(sourceText, language: sourceTag)
        let targets = try AlignmentInput.segment(targetText, language: targetTag)
        let beads = SentenceAligner(source: sourceTag, target: targetTag)
            .align(source: sources.map(\.text), target: targets.map(\.text))
        func name(_ range: Range<Int>, _ prefix: String) -> String {
            if range.isEmpty { return "\(prefix)–" }
            return range.count == 1 ? "\(prefix)\(range.lowerBound + 1)" : "\(prefix)\(range.lowerBound + 1)-\(range.upperBound)"
        }
        let targetColumns = columns(of: targets.map { ($0.text, $0.line) }, in: targetText)
        var units: [BilingualUnit] = []
        for bead in beads {
            let source = bead.source.map { sources[$0].text }.joined(separator: " ")
            let target = bead.target.map { targets[$0].text }.joined(separator: " ")
            let line = bead.target.first.map { targets[$0].line } ?? bead.source.first.map { sources[$0].line } ?? 1
            // Each target sentence of the bead stands where the segmenter found it; the unit's text joins them
            // with one space, so an anchor per sentence maps a word back to its line and column.
            var anchors: [TextAnchor] = []
            var offset = 0
            for index in bead.target {
                guard let column = targetColumns[index] else {
                    anchors = []
                    break
                }
                anchors.append(TextAnchor(offset: offset, line: targets[index].line, column: column))
                offset += targets[index].text.utf16.count + 1
            }
            units.append(
                BilingualUnit(
                    id: "\(name(bead.source, "s")) ↔ \(name(bead.target, "t"))", stableKey: source, source: source,
                    target: target, line: line, column: anchors.first?.column ?? 1,
                    targetLayout: anchors.isEmpty ? .unknown : .anchored(anchors)))
        }
        return BilingualDocument(
            path: targetPath, format: .text, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage, units: units)
    }

    /// The UTF-16 column (1-based) where each sentence starts on its line, searching each line from where the
    /// previous sentence on it ended; nil when a sentence's text is not found verbatim (the segmenter changed it).
    static func columns(of sentences: [(text: String, line: Int)], in text: String) -> [Int?] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var result: [Int?] = []
        result.reserveCapacity(sentences.count)
        var cursorLine = 0
        var cursor: Substring.Index?
        for sentence in sentences {
            guard sentence.line >= 1, sentence.line <= lines.count else {
                result.append(nil)
                continue
            }
            let line = lines[sentence.line - 1]
            let start = sentence.line == cursorLine ? (cursor ?? line.startIndex) : line.startIndex
            guard let found = line[start...].firstRange(of: sentence.text) else {
                result.append(nil)
                continue
            }
            result.append(line.utf16.distance(from: line.startIndex, to: found.lowerBound) + 1)
            cursorLine = sentence.line
            cursor = found.upperBound
        }
        return result
    }
}
