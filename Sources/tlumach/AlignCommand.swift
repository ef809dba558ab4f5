import ArgumentParser
import TlumachCore

struct AlignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "align", abstract: "Align the sentences of an article and its translation.")

    func run() throws {
        throw InputError(path: "align", message: "not built yet")
    }
}
