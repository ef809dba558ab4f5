import ArgumentParser
import TlumachCore

struct GlossaryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "glossary", abstract: "Lint, convert and count glossaries.")

    func run() throws {
        throw InputError(path: "glossary", message: "not built yet")
    }
}
