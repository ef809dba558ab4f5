import ArgumentParser
import Foundation
import TlumachCore
import TlumachTranslit

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "translit",
        abstract: "Transliterate Cyrillic text (KMU 2010, Russian schemes, ISO 9).",
        discussion: """
            With TEXT, prints its transliteration. Without TEXT, reads standard input and writes one output line \
            per input line, streaming (bounded memory on files of any size). Schemes: \
            \(TransliterationScheme.allCases.map(\.name).joined(separator: ", ")); see --list.
            """)

    @Option(name: .long, help: "The scheme (see --list).")
    var scheme: String = TransliterationScheme.kmu2010.name

    @Flag(name: .long, help: "List the schemes with a description each.")
    var list = false

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
        let transliterator = try SchemeTransliterator(scheme: chosen)
        if !text.isEmpty {
            print(transliterator.transliterate(text.joined(separator: " ")))
            return
        }
        try transliterator.transliterateStream(from: .standardInput, to: .standardOutput)
    }
}
