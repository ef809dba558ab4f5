import ArgumentParser
import TlumachCore

struct TermsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "terms", abstract: "List every glossary term found in texts.")

    func run() throws {
        throw InputError(path: "terms", message: "not built yet")
    }
}
