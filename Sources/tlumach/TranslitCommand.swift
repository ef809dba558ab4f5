import ArgumentParser
import TlumachCore

struct TranslitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "translit", abstract: "Transliterate Cyrillic text (KMU 2010, Russian schemes).")

    func run() throws {
        throw InputError(path: "translit", message: "not built yet")
    }
}
