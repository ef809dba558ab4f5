import ArgumentParser
import TlumachCore

struct LookupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lookup", abstract: "Find the glossary concepts a word or phrase belongs to.")

    func run() throws {
        throw InputError(path: "lookup", message: "not built yet")
    }
}
