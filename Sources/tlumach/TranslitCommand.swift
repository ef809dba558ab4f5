import ArgumentParser
import Foundation
import TlumachConfig
import TlumachCore
import TlumachGlossary
import TlumachTranslit

extension NameSource: ExpressibleByArgument {}

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate Cyrillic text (KMU 2010, Russian schemes, ISO 9).",
        discussion: """
            With TEXT, prints its transliteration. Without TEXT, reads standard input and writes one output line \
            per input line, streaming (bounded memory on files of any size). Schemes: \
            \(TransliterationScheme.allCases.map(\.name).joined(separator: ", ")); see --list. \
            The scheme applies to every word, names included, as passports, registers and maps need. On request \
            (--names glossary, --glossary PATH, or `translit: {names: glossary}` in .tlumach.yml) a person's name \
            written exactly as the glossary's term takes the glossary's English spelling when that spelling is the \
            same name (Зеленський → Zelenskyy, Шойгу → Shoigu); other forms, places and translations never do.
            """)

    @Option(name: .long, help: "The scheme (see --list).")
    var scheme: String = TransliterationScheme.kmu2010.name

    @Flag(name: .long, help: "List the schemes with a description each.")
    var list = false

    @Option(name: .long, help: "Where names' spellings come from: scheme (default) or glossary (people's names the glossary spells).")
    var names: NameSource?

    @OptionGroup var glossary: GlossaryOptions

    @Flag(name: .long, help: "The same as --names scheme.")
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
        if noGlossary && (!glossary.paths.isEmpty || names == .glossary) {
            throw ValidationError("--no-glossary excludes --glossary and --names glossary")
        }
        // The settings file is read as every command reads it: a broken one stops here, naming its line.
        let settings = try ProjectSettings.current()
        let configured =
            try settings.file?.section("translit", as: TranslitSettings.self, allowedKeys: TranslitSettings.keys)
            ?? TranslitSettings()
        let source: NameSource = noGlossary ? .scheme : names ?? (glossary.paths.isEmpty ? configured.names : .glossary)
        let spellings = source == .glossary ? try nameSpellings(settings: settings) : nil
        let transliterator = try SchemeTransliterator(scheme: chosen, names: spellings)
        if !text.isEmpty {
            print(transliterator.transliterate(text.joined(separator: " ")))
            return
        }
        try transliterator.transliterateStream(from: .standardInput, to: .standardOutput)
    }

    /// Names from the glossaries named with --glossary, else the default ones (.tlumach.yml, glossaries/); with
    /// none, an input error: the names were asked for.
    private func nameSpellings(settings: ProjectSettings) throws -> (any NameSpellingSource)? {
        let names = try GlossaryNameSpellings(glossary: try glossary.load(settings: settings))
        return names.isEmpty ? nil : names
    }
}
