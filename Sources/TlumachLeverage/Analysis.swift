import Foundation
import TlumachCore
import TlumachFormats
import TlumachMemory

/// The match bands of an analysis, in the order reports list them.
public enum Band: String, Sendable, CaseIterable {
    case repetition, context, exact
    case high = "95-99"
    case good = "85-94"
    case fair = "75-84"
    case low = "50-74"
    case none

    /// The band of a best-match percent (101 is in context).
    public init(percent: Int?) {
        switch percent ?? 0 {
        case 101...: self = .context
        case 100: self = .exact
        case 95...99: self = .high
        case 85...94: self = .good
        case 75...84: self = .fair
        case 50...74: self = .low
        default: self = .none
        }
    }

    var title: String {
        switch self {
        case .repetition: "Repetitions"
        case .context: "101% (context)"
        case .exact: "100%"
        case .high: "95–99%"
        case .good: "85–94%"
        case .fair: "75–84%"
        case .low: "50–74%"
        case .none: "No match"
        }
    }
}

public struct BandCounts: Sendable, Equatable {
    public var segments = 0
    public var words = 0
    public var characters = 0

    public init(segments: Int = 0, words: Int = 0, characters: Int = 0) {
        self.segments = segments
        self.words = words
        self.characters = characters
    }

    static func + (a: BandCounts, b: BandCounts) -> BandCounts {
        BandCounts(segments: a.segments + b.segments, words: a.words + b.words, characters: a.characters + b.characters)
    }
}

/// Counts per band; every band is present.
public struct BandTable: Sendable, Equatable {
    public var counts: [Band: BandCounts] = Dictionary(uniqueKeysWithValues: Band.allCases.map { ($0, BandCounts()) })

    public init() {}

    public subscript(band: Band) -> BandCounts {
        get { counts[band] ?? BandCounts() }
        set { counts[band] = newValue }
    }

    public var total: BandCounts { Band.allCases.reduce(BandCounts()) { $0 + self[$1] } }

    static func + (a: BandTable, b: BandTable) -> BandTable {
        var result = BandTable()
        for band in Band.allCases { result[band] = a[band] + b[band] }
        return result
    }
}

/// Words and characters of a segment, counted as Trados counts them:
/// - words are the ICU word-break segments with word status of the memory's tokenizer (the same words the scores
///   compare), so a number ("2,500", "3.5") is one word and a hyphenated compound is as ICU splits it;
/// - each placeholder (`%s`, `%1$d`, `{name}`, `%1`) is one word, and its characters count;
/// - inline codes (tags) count no words and no characters;
/// - characters are the user-perceived characters of the plain text, spaces excluded.
public struct WordCounter: Sendable {
    let tokenizer: MemoryTokenizer

    public init(tokenizer: MemoryTokenizer) { self.tokenizer = tokenizer }

    public func count(_ text: String) -> (words: Int, characters: Int) {
        let placeholders = Placeables.placeholders(text)
        let masked = placeholders.isEmpty ? text : Placeables.masked(text).replacingOccurrences(of: "\u{FFFC}", with: " ")
        let words = tokenizer.analyze(masked).words.count + placeholders.count
        let characters = text.reduce(0) { $0 + ($1.isWhitespace ? 0 : 1) }
        return (words, characters)
    }
}

public struct FileAnalysis: Sendable {
    public var file: String
    public var bands: BandTable
}

/// An analysis of files against a memory: each segment counts in exactly one band. Repetitions are the second and
/// later occurrences of a source (text and code kinds) within all analysed files, whatever the memory holds; every
/// first occurrence counts in the band of its best match (usable or not).
public struct AnalysisReport: Sendable {
    public var files: [FileAnalysis]
    public var total: BandTable { files.reduce(BandTable()) { $0 + $1.bands } }

    public func json() -> String {
        func table(_ table: BandTable) -> String {
            let bands = Band.allCases.map { band in
                let counts = table[band]
                return "\"\(band.rawValue)\": {\"segments\": \(counts.segments), \"words\": \(counts.words), "
                    + "\"characters\": \(counts.characters)}"
            }
            return "{\"bands\": {" + bands.joined(separator: ", ") + "}}"
        }
        let entries = files.map { file in
            "{\"file\": " + JSONText.quoted(file.file) + ", " + table(file.bands).dropFirst()
        }
        return "{\"files\": [" + entries.joined(separator: ", ") + "], \"total\": " + table(total) + "}\n"
    }

    public func csv() -> String {
        var lines = ["file,band,segments,words,characters"]
        func quoted(_ text: String) -> String {
            text.contains(where: { ",\"\n\r".contains($0) }) ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        for (name, table) in files.map({ ($0.file, $0.bands) }) + [("TOTAL", total)] {
            for band in Band.allCases {
                let counts = table[band]
                lines.append("\(quoted(name)),\(band.rawValue),\(counts.segments),\(counts.words),\(counts.characters)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public func text() -> String {
        var out = ""
        func render(_ title: String, _ table: BandTable) {
            out += title + "\n"
            let header = "  " + "Band".padding(toLength: 16, withPad: " ", startingAt: 0)
                + pad("Segments") + pad("Words") + pad("Characters") + pad("Words %")
            out += header + "\n"
            let totalWords = max(1, table.total.words)
            for band in Band.allCases + [nil] {
                let counts = band.map { table[$0] } ?? table.total
                let name = band?.title ?? "Total"
                let share = String(format: "%.1f", Double(counts.words) * 100 / Double(totalWords))
                out += "  " + name.padding(toLength: 16, withPad: " ", startingAt: 0) + pad(String(counts.segments))
                    + pad(String(counts.words)) + pad(String(counts.characters)) + pad(share) + "\n"
            }
        }
        for file in files { render(file.file, file.bands) }
        if files.count != 1 { render("Total (\(files.count) files)", total) }
        return out
    }

    private func pad(_ text: String) -> String {
        String(repeating: " ", count: max(1, 12 - text.count)) + text
    }
}

/// Runs an analysis.
public enum Analyzer {
    public static func analyze(
        _ inputs: [LeverageInput], leverager: Leverager, progress: ((Int, Int) -> Void)? = nil
    ) throws -> AnalysisReport {
        let counter = WordCounter(tokenizer: leverager.tokenizer)
        var seen = Set<String>()
        var files: [FileAnalysis] = []
        let totalSegments = inputs.reduce(0) { $0 + $1.segments.count }
        var done = 0
        for input in inputs {
            var table = BandTable()
            for (position, index) in input.segments.enumerated() {
                let unit = input.document.units[index]
                let (words, characters) = counter.count(unit.source)
                let band: Band
                if !seen.insert(Leverager.cacheKey(unit)).inserted {
                    band = .repetition
                } else {
                    let best = try leverager.matches(
                        for: unit, context: input.context(ofSegment: position), minimum: 50
                    ).first
                    band = Band(percent: best?.percent)
                }
                table[band] = table[band] + BandCounts(segments: 1, words: words, characters: characters)
                done += 1
                progress?(done, totalSegments)
            }
            files.append(FileAnalysis(file: input.path, bands: table))
        }
        return AnalysisReport(files: files)
    }
}
