import TlumachCore

/// The JSON `lookup` and `terms` print, with a fixed key order; shared by the CLI and the HTTP service so that both
/// give the same body for the same operation.
public enum GlossaryJSON {
    /// `lookup --format json`: the concepts a word or phrase belongs to, with every term of each.
    public static func lookup(query: String, _ results: [LookupResult], matcher: TermMatcher) -> String {
        let list = results.map { result -> String in
            let concept = matcher.glossary.concept(id: result.conceptID)
            let terms = (concept?.languages ?? []).map { language -> (String, String) in
                let items = (concept?.terms(in: language) ?? []).map { term in
                    object([
                        ("text", quoted(term.text)), ("status", quoted(term.status.rawValue)),
                        ("type", quoted(term.type.rawValue)),
                    ])
                }
                return (language, "[" + items.joined(separator: ",") + "]")
            }
            return object([
                ("concept", quoted(result.conceptID)), ("match", quoted(result.kind.rawValue)),
                ("score", "\(result.score)"), ("terms", object(terms)),
            ])
        }
        return object([("query", quoted(query)), ("results", "[" + list.joined(separator: ",") + "]")])
    }

    /// One entry of `terms --format json`.
    public static func termMatch(file: String, line: Int, column: Int, _ match: TermMatch) -> String {
        object(
            [
                ("file", quoted(file)), ("line", "\(line)"), ("column", "\(column)"), ("length", "\(match.range.count)"),
                ("text", quoted(match.text)), ("concept", quoted(match.conceptID)), ("lang", quoted(match.language)),
                ("term", quoted(match.term)), ("status", quoted(match.status.rawValue)),
            ] + (match.ambiguous ? [("ambiguous", "true")] : []))
    }

    /// `terms --format json`: every match of every file, each from `termMatch`.
    public static func terms(_ renderedMatches: [String]) -> String {
        object([("matches", "[" + renderedMatches.joined(separator: ",") + "]")])
    }

    private static func object(_ fields: [(String, String)]) -> String {
        "{" + fields.map { quoted($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    private static func quoted(_ text: String) -> String { JSONText.quoted(text) }
}
