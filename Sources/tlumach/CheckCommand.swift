import ArgumentParser
import TlumachCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Check translations (XLIFF, PO, TMX, TSV) for CI.")

    func run() throws {
        throw InputError(path: "check", message: "not built yet")
    }
}
