import ArgumentParser
import Foundation
import TlumachCore
import TlumachGlossary
import TlumachTranslit

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate Cyrillic text (KMU 2010, Russian schemes, ISO 9).",
        discussion: """
            With TEXT, prints its transliteration. Without TEXT, reads standard input and writes one output line \
            per input line, streaming (bounded memory on files of any size). Schemes: \
            \(TransliterationScheme.allCases.map(\.name).joined(separator: ", ")); see --list. \
            Names the glossary knows (Ukrainian or Russian proper nouns, any inflected form) take the concept's \
            preferred English spelling before any scheme: Зеленський → Zelenskyy, Шойгу → Shoigu. The default \
            glossaries are used when present (none otherwise; not with iso9 unless named); --no-glossary turns this \
            off.
            """)

    @Option(name: .long, help: "The scheme (see --list).")
    var scheme: String = TransliterationScheme.kmu2010.name

    @Flag(name: .long, help: "List the schemes with a description each.")
    var list = false

    @OptionGroup var glossary: GlossaryOptions

    @Flag(name: .long, help: "Transliterate names by the scheme too, ignoring any glossary.")
    var noGlossary = false

    @Argument(help: "Text to transliterate (words are joined with spaces); standard input when absent.")
    var text: [String] = []

    func run() throws {
        if list {
            print(TransliterationScheme.listing)
            return
        }
        guard let chosen = TransliterationScheme(name: scheme) else {
            throw InputError(
                path: "--scheme", message: "unknown scheme '\(scheme)'; available:\n\(TransliterationScheme.listing)")
        }
        if noGlossary && !glossary.paths.isEmpty {
            throw ValidationError("--glossary and --no-glossary exclude each other")
        }
        let transliterator = try SchemeTransliterator(scheme: chosen, names: try nameSpellings(for: chosen))
        if !text.isEmpty {
            print(transliterator.transliterate(text.joined(separator: " ")))
            return
        }
        try transliterator.transliterateStream(from: .standardInput, to: .standardOutput)
    }

    /// Names from the glossaries named with --glossary (errors in them are input errors), else from the default
    /// glossaries when there are any (silently none when there are not). ISO 9 is letter for letter (reversible,
    /// scholarly): the default glossaries' English spellings are not applied to it, named ones are.
    private func nameSpellings(for scheme: TransliterationScheme) throws -> (any NameSpellingSource)? {
        if noGlossary { return nil }
        let paths: [String]
        if glossary.paths.isEmpty {
            if scheme == .iso9 { return nil }
            guard let defaults = try? GlossarySources.defaultPaths() else { return nil }
            paths = defaults
        } else {
            paths = glossary.paths
        }
        let names = try GlossaryNameSpellings(glossary: try Glossary.load(paths: paths))
        return names.isEmpty ? nil : names
    }
}
