import ArgumentParser
import Foundation
import TlumachConfig
import TlumachGlossary

// Options several commands take, declared once. Each command loads the project's settings once
// (`ProjectSettings.load`) and resolves these against it; the libraries get plain values.

extension ProjectSettings {
    /// The settings of the project in the current folder (or of `configPath`). Messages name the file and the
    /// glossaries it names by absolute paths, as these commands always have; `check` reports them relative
    /// (`relative: true`), as it always has.
    static func current(configPath: String? = nil, relative: Bool = false) throws -> ProjectSettings {
        try load(configPath: configPath, directory: relative ? "." : FileManager.default.currentDirectoryPath)
    }
}

/// `--config FILE`: the settings file instead of `.tlumach.yml` in the current folder.
struct ConfigOption: ParsableArguments {
    @Option(help: "Settings file (default: .tlumach.yml in the current folder, if present).")
    var config: String?

    func load(relative: Bool = false) throws -> ProjectSettings {
        try ProjectSettings.current(configPath: config, relative: relative)
    }
}

/// `--glossary` and `--profile` for commands that need a glossary (lookup, terms, normalize --fix-terms, translit).
struct GlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: "A glossary file or folder (.yaml, .yml, .tbx, .csv, .tsv); repeatable. Default: glossaries/ or what .tlumach.yml names.")
    var paths: [String] = []

    @Option(name: .customLong("profile"), help: "A glossary profile to apply (house-style); repeatable. Default: what .tlumach.yml names under glossaries: {profiles: [...]}, else none.")
    var profiles: [String] = []

    /// The glossary these options name, else the project's default one (an error when there is none).
    func load(settings: ProjectSettings) throws -> Glossary {
        try Glossary.load(
            paths: paths.isEmpty ? try settings.requiredGlossaryPaths() : paths,
            profiles: profiles.isEmpty ? settings.glossaryProfiles : profiles, cache: GlossaryCache.forCommandLine())
    }

    /// The glossary compiled for matching, its compiled form taken from (or written to) the same cache.
    func loadMatcher(settings: ProjectSettings) throws -> TermMatcher {
        try TermMatcher(glossary: try load(settings: settings), cache: GlossaryCache.forCommandLine())
    }
}

extension GlossaryCache {
    /// The parsed-glossary cache for this user: $TLUMACH_CACHE_DIR (empty: no cache), else
    /// $XDG_CACHE_HOME/tlumach/glossaries, else ~/.cache/tlumach/glossaries.
    static func forCommandLine(environment: [String: String] = ProcessInfo.processInfo.environment) -> GlossaryCache? {
        if let chosen = environment["TLUMACH_CACHE_DIR"] {
            return chosen.isEmpty ? nil : GlossaryCache(directory: chosen)
        }
        let base: String
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            base = xdg
        } else if let home = environment["HOME"], !home.isEmpty {
            base = (home as NSString).appendingPathComponent(".cache")
        } else {
            return nil
        }
        return GlossaryCache(directory: ((base as NSString).appendingPathComponent("tlumach") as NSString).appendingPathComponent("glossaries"))
    }
}

/// `--glossary` and `--no-glossary` for commands where a glossary is optional (check, align).
struct OptionalGlossaryOptions: ParsableArguments {
    @Option(name: .customLong("glossary"), help: "A glossary file or folder (repeatable). Default: glossaries/ or what .tlumach.yml names, if present.")
    var paths: [String] = []

    @Flag(name: .customLong("no-glossary"), help: "Use no glossary (check: the term checks find nothing; align: no term anchors).")
    var disabled = false
}

/// `--source-lang` and `--target-lang`.
struct LanguagePairOptions: ParsableArguments {
    @Option(name: .customLong("source-lang"), help: "Source language (uk, en, ru, …).")
    var source: String?

    @Option(name: .customLong("target-lang"), help: "Target language (uk, en, ru, …).")
    var target: String?
}

/// Output formats of the commands that print text or JSON.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// `--format text|json`.
struct FormatOption: ParsableArguments {
    @Option(help: "text or json") var format: OutputFormat = .text
}
