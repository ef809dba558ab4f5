import ArgumentParser
import TlumachCore

struct MemoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "tm", abstract: "Translation memory — import, export, search, concordance.")

    func run() throws {
        throw InputError(path: "tm", message: "not built yet")
    }
}
