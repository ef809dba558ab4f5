import TlumachCore
import TlumachTMX

/// Writes an alignment in the formats of `tlumach align --format`.
public struct AlignmentOutput: Sendable {
    public var source: [NumberedSentence]
    public var target: [NumberedSentence]
    public var beads: [Bead]
    /// Number beads by input line (presegmented input) rather than by sentence.
    public var numberByLine: Bool

    public init(source: [NumberedSentence], target: [NumberedSentence], beads: [Bead], numberByLine: Bool) {
        self.source = source
        self.target = target
        self.beads = beads
        self.numberByLine = numberByLine
    }

    /// The text of one side of a bead: its sentences joined by a space.
    public func sourceText(_ bead: Bead) -> String { bead.source.map { source[$0].text }.joined(separator: " ") }
    public func targetText(_ bead: Bead) -> String { bead.target.map { target[$0].text }.joined(separator: " ") }

    /// One line per bead: source numbers, a tab, target numbers (1-based, comma-separated, empty for none).
    public func beadsFormat() -> String {
        func numbers(_ range: Range<Int>, _ sentences: [NumberedSentence]) -> String {
            range.map { String(numberByLine ? sentences[$0].line : $0 + 1) }.joined(separator: ",")
        }
        return beads.map { numbers($0.source, source) + "\t" + numbers($0.target, target) + "\n" }.joined()
    }

    /// A header naming the languages (`uk<TAB>en`), then per bead the source text, a tab and the target text: the
    /// bilingual TSV that `check` and `glossary extract` read. Tabs and line breaks inside sentences
    /// become spaces; a cell that starts with `"` is quoted (inner quotes doubled), since a reader of such files
    /// takes a leading `"` as the start of a quoted field.
    public func tsv(sourceLanguage: String, targetLanguage: String) -> String {
        var text = Self.cell(sourceLanguage) + "\t" + Self.cell(targetLanguage) + "\n"
        for bead in beads {
            text += Self.cell(sourceText(bead)) + "\t" + Self.cell(targetText(bead)) + "\n"
        }
        return text
    }

    /// The pairs worth keeping in a memory: beads with sentences on both sides (1-1 and merged).
    public var translationPairs: [(source: String, target: String)] {
        beads.filter { !$0.source.isEmpty && !$0.target.isEmpty }.map { (sourceText($0), targetText($0)) }
    }

    /// A TMX 1.4b document of the translation pairs (TlumachTMX's writer), each unit dated `creationDate`
    /// (YYYYMMDDThhmmssZ).
    public func tmx(sourceLanguage: String, targetLanguage: String, creationDate: String, version: String = TlumachVersion.current)
        -> String
    {
        let units = translationPairs.map { pair in
            TMXUnit(
                attributes: ["creationdate": creationDate, "creationid": "Tlumach align"],
                variants: [
                    TMXVariant(language: sourceLanguage, segment: TMXSegment(text: pair.source)),
                    TMXVariant(language: targetLanguage, segment: TMXSegment(text: pair.target)),
                ])
        }
        let header = TMXHeader.tlumach(sourceLanguage: sourceLanguage, version: version)
        return TMXWriter.document(TMXDocument(header: header, units: units))
    }

    static func cell(_ text: String) -> String {
        let flat = String(text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        guard flat.hasPrefix("\"") else { return flat }
        var quoted = "\""
        for character in flat {
            quoted.append(character)
            if character == "\"" { quoted.append("\"") }
        }
        return quoted + "\""
    }
}
