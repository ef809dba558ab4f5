import Foundation
import TlumachCore
import TlumachConfig

/// The `check` section of `.tlumach.yml`. Its `glossaries`, `source-lang` and `target-lang` (which win over the
/// top-level ones) are read by `ProjectSettings`, the one place every command takes them from. Every key is validated: an unknown key, check id or severity is an error naming the
/// file, line and column, so a typo never silently turns a check off.
///
/// ```yaml
/// check:
///   source-lang: en
///   target-lang: uk
///   glossaries: [glossaries/]
///   include: ["**/*.xlf", "po/*.po"]
///   ignore: ["vendor/**"]
///   disable: [length-ratio]
///   severity: {punctuation: error, inconsistent-source: off}
///   baseline: .tlumach-baseline.json
///   strict: false
///   options: {length-ratio-min: 0.4, length-ratio-max: 2.5, length-ratio-min-source: 20}
///   typography: strict        # house typography (quotes, apostrophe, dashes); default: standard
///   untranslatable: [Kerberos, Bugzilla, mscgen]   # names and codes a target may copy
///   states: all               # check unfinished units (fuzzy, new, needs-*, initial) too; default: final
///   consistency: run          # the consistency checks compare across all files; default: file
/// ```
public struct CheckConfiguration: Sendable, Equatable {
    public var enabled: [String]?
    public var disabled: [String] = []
    public var severities: [String: Severity] = [:]
    public var include: [String] = []
    public var ignore: [String] = []
    public var baseline: String?
    public var strict: Bool?
    public var options = CheckOptions()
    /// Deprecation notes for standard error (a check named by a former id).
    public var notes: [String] = []

    public init() {}

    public static let fileName = ConfigurationFile.defaultName

    static let sectionKeys: Set<String> = [
        "glossaries", "glossary", "source-lang", "target-lang", "enable", "disable", "severity", "include", "ignore",
        "baseline", "strict", "options", "typography", "untranslatable", "states", "consistency",
    ]

    /// Reads `path`; nil when the file does not exist.
    public static func load(_ path: String) throws(InputError) -> CheckConfiguration? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let file = try ConfigurationFile.load(path: path) else { return nil }
        return try parse(file)
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> CheckConfiguration {
        let file = ConfigurationFile(path: path, text: text)
        try file.validateTopLevel()
        return try parse(file)
    }

    /// The check section of a loaded settings file (through TlumachConfig, the one reader of `.tlumach.yml`).
    public static func parse(_ file: ConfigurationFile) throws(InputError) -> CheckConfiguration {
        var configuration = CheckConfiguration()
        guard let section = try file.value("check") else { return configuration }
        guard section.isMapping else { throw section.error("the check section must be a mapping") }
        for (key, value) in try section.entries() {
            let name = try key.string()
            guard sectionKeys.contains(name) else {
                throw key.error("unknown key \"\(name)\" in the check section (known: \(sectionKeys.sorted().joined(separator: ", ")))")
            }
            switch name {
            case "enable": configuration.enabled = try checkIDs(value, notes: &configuration.notes)
            case "disable": configuration.disabled = try checkIDs(value, notes: &configuration.notes)
            case "include": configuration.include = try value.strings()
            case "ignore": configuration.ignore = try value.strings()
            case "baseline": configuration.baseline = try value.string()
            case "strict": configuration.strict = try value.bool()
            case "typography":
                let word = try value.string()
                guard let typography = Typography(rawValue: word) else {
                    throw value.error("unknown typography \"\(word)\" (standard or strict)")
                }
                configuration.options.typography = typography
            case "untranslatable": configuration.options.untranslatables = Set(try value.strings())
            case "consistency":
                let word = try value.string()
                guard word == "file" || word == "run" else { throw value.error("unknown consistency \"\(word)\" (file or run)") }
                configuration.options.consistencyAcrossFiles = word == "run"
            case "states":
                let word = try value.string()
                guard word == "all" || word == "final" else { throw value.error("unknown states \"\(word)\" (final or all)") }
                configuration.options.checkAllStates = word == "all"
            case "severity":
                guard value.isMapping else { throw value.error("severity must map check ids to error, warning, info or off") }
                for (checkKey, level) in try value.entries() {
                    let id = try checkID(checkKey, notes: &configuration.notes)
                    let word = try level.string()
                    if word == "off" {
                        configuration.disabled.append(id)
                    } else if let severity = Severity(rawValue: word) {
                        configuration.severities[id] = severity
                    } else {
                        throw level.error("unknown severity \"\(word)\" (error, warning, info or off)")
                    }
                }
            case "options":
                guard value.isMapping else { throw value.error("options must be a mapping") }
                // Each key belongs to one check, whose own Options type decodes it.
                for (optionKey, optionValue) in try value.entries() {
                    let key = try optionKey.string()
                    guard let owner = CheckCatalog.owner(ofOption: key) else {
                        throw optionKey.error("unknown option \"\(key)\" (\(CheckCatalog.optionKeys.joined(separator: ", ")))")
                    }
                    try owner.decodeOption(key, optionValue, into: &configuration.options)
                }
            default: break  // glossaries, source-lang, target-lang: ProjectSettings reads them
            }
        }
        return configuration
    }

    /// The current id of the check `value` names; a former id (an alias) is accepted with a deprecation note.
    static func checkID(_ value: ConfigurationValue, notes: inout [String]) throws(InputError) -> String {
        let id = try value.string()
        guard let (type, isAlias) = CheckCatalog.resolve(id) else {
            throw value.error("unknown check \"\(id)\" (known: \(CheckCatalog.identifiers.joined(separator: ", ")))")
        }
        let current = type.description.id
        if isAlias { notes.append(CheckCatalog.aliasNote(id, current: current)) }
        return current
    }

    static func checkIDs(_ value: ConfigurationValue, notes: inout [String]) throws(InputError) -> [String] {
        var result: [String] = []
        for item in try value.items() { result.append(try checkID(item, notes: &notes)) }
        return result
    }
}
