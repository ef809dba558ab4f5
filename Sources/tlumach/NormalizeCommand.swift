import ArgumentParser
import TlumachCore

struct NormalizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "normalize", abstract: "Normalise article text (Unicode, apostrophes, quotes, dashes, look-alikes).")

    func run() throws {
        throw InputError(path: "normalize", message: "not built yet")
    }
}
