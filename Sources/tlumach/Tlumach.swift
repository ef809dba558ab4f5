import ArgumentParser
import Foundation
import TlumachCore
import TlumachText

@main
struct Tlumach: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tlumach",
        abstract: "Ukrainian↔English translation toolkit: normalise, transliterate, find terms, check, remember.",
        version: TlumachVersion.current,
        subcommands: [
            NormalizeCommand.self, TranslitCommand.self, LookupCommand.self, TermsCommand.self,
            GlossaryCommand.self, CheckCommand.self, MemoryCommand.self, AlignCommand.self, PretranslateCommand.self, AnalyzeCommand.self,
            ServeCommand.self,
        ]
    )

    /// One file of each other module's resource bundle. The modules find their files through `ResourceLocator`
    /// (beside the binary, in ../share/tlumach, or in TLUMACH_RESOURCES) and read an empty list when one is
    /// missing, so a binary installed without a bundle stops here (exit 2, what to install) rather than checking
    /// with empty word lists.
    static let bundledFiles: [(bundle: String, resource: String, ext: String, subdirectory: String?)] = [
        ("Tlumach_TlumachTranslit", "kmu2010", "txt", "Schemes"),
        ("Tlumach_TlumachCheck", "number-words", "tsv", "Data"),
        ("Tlumach_TlumachTerminology", "dictionary-form-uk", "txt", "Data"),
        ("Tlumach_TlumachAlign", "alignment-parameters", "json", "Data"),
        ("Tlumach_TlumachLeverage", "plural-forms", "tsv", "Data"),
        ("Tlumach_TlumachServer", "openapi", "yaml", nil),
    ]

    static func verifyBundles() throws(InputError) {
        for file in bundledFiles {
            _ = try ResourceLocator.url(bundleName: file.bundle, resource: file.resource, extension: file.ext, subdirectory: file.subdirectory)
        }
    }

    /// Maps every failure to the exit codes pipelines rely on: 2 for bad input or usage, never a crash.
    static func main() {
        // `tlumach normalize FILE…`: the files (a guess: the arguments not starting with "-") are paged in and
        // validated, and the text module's data files read, on the other core while the command line is parsed.
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "normalize" {
            InputReadAhead.start(paths: arguments.dropFirst().filter { !$0.hasPrefix("-") }, first: TextDataFiles.warmUp)
        }
        if let message = CommandLineHelp.unknownSubcommand(arguments, root: Self.self) {
            printError("Error: \(message)")
            Foundation.exit(ExitStatus.inputError.rawValue)
        }
        var parsed: (any ParsableCommand)?
        do {
            var command = try parseAsRoot()
            parsed = command
            // A binary installed without its data files stops here with exit 2, not with quietly weaker rules (every
            // command reaches the text module's tables: look-alikes in check and terms, abbreviations in align).
            try TextDataFiles.verify()
            try verifyBundles()
            try command.run()
        } catch let error as ValidationError {
            // Only run() throws a bare ValidationError (parsing wraps its own): the failing command's usage.
            let failed: any ParsableCommand.Type = parsed.map { type(of: $0) } ?? Self.self
            printError("Error: \(error.message)\n" + CommandLineHelp.usage(of: failed, root: Self.self))
            Foundation.exit(ExitStatus.inputError.rawValue)
        } catch let error as InputError {
            printError("tlumach: \(error)")
            Foundation.exit(ExitStatus.inputError.rawValue)
        } catch let error as ExitCode {
            Foundation.exit(error.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                // --help, --version.
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error))
            // Usage errors (ArgumentParser's 64) and any other failure are input errors to a pipeline.
            Foundation.exit(ExitStatus.inputError.rawValue)
        }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
