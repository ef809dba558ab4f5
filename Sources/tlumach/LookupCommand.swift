import ArgumentParser
import TlumachConfig
import TlumachCore
import TlumachGlossary

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Find the glossary concepts a word or phrase belongs to, in any language and grammatical form.")

    @Argument(help: "A word or phrase, in any language and form (Києва, CBO, Andriy Yusov).") var query: String
    @OptionGroup var glossary: GlossaryOptions
    @OptionGroup var output: FormatOption
    @Option(help: "At most this many concepts.") var limit: Int = 20

    func run() throws {
        let matcher = try glossary.loadMatcher(settings: ProjectSettings.current())
        let results = matcher.lookup(query, limit: limit)
        switch output.format {
        case .json:
            print(GlossaryJSON.lookup(query: query, results, matcher: matcher))
        case .text:
            if results.isEmpty {
                printError("no concept found for “\(query)”")
                return
            }
            for result in results {
                guard let concept = matcher.glossary.concept(id: result.conceptID) else { continue }
                print("\(concept.id)  [\(result.kind.rawValue), \(result.score)]" + (concept.subject.map { "  (\($0))" } ?? ""))
                for language in concept.languages {
                    let shown = concept.terms(in: language).map { term -> String in
                        var label = term.text
                        var marks: [String] = []
                        if term.type != .fullForm { marks.append(term.type.rawValue) }
                        if term.status != .preferred { marks.append(term.status.rawValue.uppercased()) }
                        if !marks.isEmpty { label += " (\(marks.joined(separator: ", ")))" }
                        return label
                    }
                    print("  \(language): \(shown.joined(separator: " · "))")
                }
                if let definition = concept.definition { print("  definition: \(definition)") }
            }
        }
    }
}
