import TlumachCore

/// The JSON the `tm` commands print, with a fixed key order (stable output that diffs well). Shared by the CLI and
/// the HTTP service so that both give the same body for the same operation.
public enum MemoryJSON {
    /// `tm search --format json`: one query and its matches.
    public static func result(query: String, _ matches: [MemoryMatch]) -> String {
        let items = matches.map { match in
            object([
                ("id", "\(match.id)"), ("source", string(match.source)), ("target", string(match.target)),
                ("score", number(match.score)), ("diff", string(match.diff)), ("stemScore", number(match.stemScore)),
                ("tuid", string(match.tuid)),
                ("numbers", object([("query", array(match.numbersOnlyInQuery)), ("match", array(match.numbersOnlyInMatch))])),
                ("tags", "\(match.sourceCodes)"),
            ])
        }
        return object([("query", string(query)), ("matches", "[" + items.joined(separator: ",") + "]")])
    }

    /// `tm concord --format json`.
    public static func concordance(query: String, total: Int, _ hits: [ConcordanceHit]) -> String {
        let items = hits.map { hit in
            object([
                ("id", "\(hit.id)"), ("tuid", string(hit.tuid)), ("source", string(hit.source)),
                ("target", string(hit.target)), ("sourceMatches", ranges(hit.sourceMatches)),
                ("targetMatches", ranges(hit.targetMatches)),
            ])
        }
        return object([("query", string(query)), ("total", "\(total)"), ("units", "[" + items.joined(separator: ",") + "]")])
    }

    /// `tm stats --format json`; `problems` only with `--verify`.
    public static func statistics(_ stats: MemoryStatistics, problems: [String]? = nil) -> String {
        let languages = stats.languages.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        return object(
            [
                ("path", string(stats.path)), ("schema", string(stats.schemaVersion)),
                ("sourceLanguage", string(stats.sourceLanguage)), ("targetLanguage", string(stats.targetLanguage)),
                ("units", "\(stats.units)"), ("unitsWithoutSource", "\(stats.unitsWithoutSource)"),
                ("unitsWithoutTarget", "\(stats.unitsWithoutTarget)"),
                ("languages", object(languages.map { ($0.key, "\($0.value)") })),
                ("vocabulary", "\(stats.vocabulary)"), ("imports", "\(stats.imports)"),
                ("lastImport", string(stats.lastImport)), ("created", string(stats.created)),
                ("fileBytes", "\(stats.fileBytes)"),
            ] + (problems.map { [("problems", array($0))] } ?? []))
    }

    /// What an import or an addition did, unit by unit (the counts `tm import` prints as a sentence).
    public static func importSummary(_ summary: ImportSummary) -> String {
        object([
            ("read", "\(summary.read)"), ("added", "\(summary.added)"), ("merged", "\(summary.merged)"),
            ("identical", "\(summary.identical)"), ("mergedIntoStored", "\(summary.mergedIntoStored)"),
            ("withoutSource", "\(summary.withoutSource)"),
        ])
    }

    public static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? "\(Int(rounded))" : "\(rounded)"
    }

    public static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    public static func array(_ items: [String]) -> String { "[" + items.map { string($0) }.joined(separator: ",") + "]" }

    public static func ranges(_ ranges: [Range<Int>]) -> String {
        "[" + ranges.map { "[\($0.lowerBound),\($0.upperBound)]" }.joined(separator: ",") + "]"
    }

    public static func string(_ value: String?) -> String { JSONText.quoted(value) }
}
