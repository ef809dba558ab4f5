import ArgumentParser
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachText

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terms", abstract: "List every glossary term found in texts, in any grammatical form.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, summary }

    @Argument(help: "Text files (UTF-8); - or none reads standard input.") var files: [String] = []
    @OptionGroup var glossary: GlossaryOptions
    @Option(help: "Language of the terms to find: uk, en, ru, another tag, or auto (by the text's letters).") var lang: String = "auto"
    @Option(help: "text, json or summary (counts per concept)") var format: Format = .text

    func run() throws {
        let matcher = try glossary.loadMatcher(settings: ProjectSettings.current())
        var jsonMatches: [String] = []
        var counts: [String: Int] = [:]
        for file in files.isEmpty ? ["-"] : files {
            if format == .summary && lang != "auto" && file != "-" {
                // No String of the file: the matcher validates the bytes as it scans them, on every core.
                let (data, bom) = try TextFile.readBytes(file)
                let found: Result<[String: Int], InvalidUTF8> = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                    let bytes = raw.assumingMemoryBound(to: UInt8.self)
                    return Result { () throws(InvalidUTF8) in
                        try matcher.counts(inUnvalidatedUTF8: UnsafeBufferPointer(rebasing: bytes[bom...]), language: lang)
                    }
                }
                guard case .success(let found) = found else {
                    if case .failure(let error) = found { throw TextFile.invalidUTF8(error.byteOffset + bom, path: file) }
                    continue
                }
                for (concept, count) in found { counts[concept, default: 0] += count }
                continue
            }
            let text = file == "-" ? try TextFile.readStandardInput() : try TextFile.read(file)
            let name = file == "-" ? "<stdin>" : file
            let language = lang == "auto" ? LanguageDetector.documentLanguage(text).rawValue : lang
            if format == .summary {
                for (concept, count) in matcher.counts(in: text, language: language) { counts[concept, default: 0] += count }
                continue
            }
            let lines = LineIndex(text)
            // A sentence-initial name that may be an ordinary word (Сума допомоги…) is listed, marked ambiguous.
            for match in matcher.matches(in: text, language: language, options: [.ambiguous]) {
                let position = lines.position(ofByte: match.utf8Range.lowerBound)
                switch format {
                case .text:
                    var line = "\(name):\(position.line):\(position.column): \(match.text) → \(match.conceptID) (\(match.language) “\(match.term)”, \(match.status.rawValue)"
                    if match.kind != .exact { line += ", \(match.kind.rawValue)" }
                    if match.ambiguous { line += ", ambiguous: also an ordinary word" }
                    print(line + ")")
                case .json:
                    jsonMatches.append(
                        GlossaryJSON.termMatch(file: name, line: position.line, column: position.column, match))
                case .summary:
                    break
                }
            }
        }
        switch format {
        case .json:
            print(GlossaryJSON.terms(jsonMatches))
        case .summary:
            for (concept, count) in counts.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                print("\(count)\t\(concept)")
            }
        case .text:
            break
        }
    }
}
