import Foundation
import TlumachCore
import Yams

/// One value of `.tlumach.yml` with its position, for sections that validate key by key (the `check` section) and
/// for the keys every command shares. Errors name the file, line and UTF-16 column, like every other reader here.
/// Yams stays inside this module: callers see only strings, numbers, lists and mappings.
public struct ConfigurationValue {
    let node: Node
    let file: ConfigurationFile
    /// Where the value sits (`check.options.length-ratio-min`), named by the type errors below.
    let keyPath: String

    init(node: Node, file: ConfigurationFile, keyPath: String = "") {
        self.node = node
        self.file = file
        self.keyPath = keyPath
    }

    /// The value as a single text (a YAML scalar).
    public func string() throws(InputError) -> String {
        guard let scalar = node.scalar else { throw kindError("a single value") }
        return scalar.string
    }

    /// A single text or a list of texts.
    public func strings() throws(InputError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard node.sequence != nil else { throw kindError("a list") }
        var result: [String] = []
        for item in try items() { result.append(try item.string()) }
        return result
    }

    public func number() throws(InputError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else { throw kindError("a number") }
        return value
    }

    public func bool() throws(InputError) -> Bool {
        guard let flag = node.bool else { throw kindError("true or false") }
        return flag
    }

    /// The items of a list; a single value counts as a list of one.
    public func items() throws(InputError) -> [ConfigurationValue] {
        if node.scalar != nil { return [self] }
        guard let sequence = node.sequence else { throw kindError("a list") }
        return sequence.enumerated().map { ConfigurationValue(node: $1, file: file, keyPath: keyPath + "[\($0)]") }
    }

    /// The entries of a mapping in file order; each key is a value too, so an unknown key can be reported where it is.
    public func entries() throws(InputError) -> [(key: ConfigurationValue, value: ConfigurationValue)] {
        guard let mapping = node.mapping else { throw kindError("a mapping") }
        return mapping.map { entry in
            (ConfigurationValue(node: entry.key, file: file, keyPath: keyPath),
             ConfigurationValue(node: entry.value, file: file, keyPath: child(entry.key.string ?? "?")))
        }
    }

    /// The value of `key` when this is a mapping that has it.
    public subscript(key: String) -> ConfigurationValue? {
        node.mapping?[key].map { ConfigurationValue(node: $0, file: file, keyPath: child(key)) }
    }

    private func child(_ key: String) -> String { keyPath.isEmpty ? key : keyPath + "." + key }

    /// "check.strict: expected true or false, found 'maybe'" at the value's position.
    private func kindError(_ expected: String) -> InputError {
        let found: String
        if let scalar = node.scalar {
            found = scalar.string.isEmpty ? "nothing" : "'\(scalar.string)'"
        } else {
            found = node.sequence != nil ? "a list" : "a mapping"
        }
        return error((keyPath.isEmpty ? "" : keyPath + ": ") + "expected \(expected), found \(found)")
    }

    public var isMapping: Bool { node.mapping != nil }

    /// An input error at this value's line and column.
    public func error(_ message: String) -> InputError {
        file.error(at: node.mark, message)
    }
}

extension ConfigurationFile {
    /// The keys allowed at the top level: one section per command area plus the settings every command shares.
    /// Anything else is reported as a typo at its line, so a misspelt section never silently does nothing.
    public static let topLevelKeys: Set<String> = [
        "version", "normalize", "check", "glossaries", "glossary", "source-lang", "target-lang", "translit", "tm", "serve",
    ]

    /// The folder the file's relative paths are resolved against.
    public var directory: String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// A top-level value, or nil when the file does not set it.
    public func value(_ key: String) throws(InputError) -> ConfigurationValue? {
        guard let node = try root()?.mapping?[key] else { return nil }
        return ConfigurationValue(node: node, file: self, keyPath: key)
    }

    /// The glossary paths named under `glossaries` (or `glossary`) — in `section` when given and set there, else at
    /// the top level — as written (relative to `directory`). The value is a path, a list of paths, or
    /// `{paths: [...]}`. Nil when neither place names any.
    public func glossaryPaths(section: String? = nil) throws(InputError) -> [String]? {
        guard let items = try glossaryPathItems(section: section) else { return nil }
        var paths: [String] = []
        for item in items { paths.append(try item.string()) }
        return paths
    }

    /// The entries behind `glossaryPaths`, each with its position (for an error at the line naming a path).
    public func glossaryPathItems(section: String? = nil) throws(InputError) -> [ConfigurationValue]? {
        var places: [ConfigurationValue] = []
        if let section, let value = try value(section) { places.append(value) }
        if let root = try root() { places.append(ConfigurationValue(node: root, file: self)) }
        for place in places {
            guard let value = place["glossaries"] ?? place["glossary"] else { continue }
            if value.isMapping {
                guard let list = value["paths"] else {
                    if value["profiles"] != nil || value["profile"] != nil { continue }
                    throw value.error("glossaries: expected a path, a list of paths or {paths: [...], profiles: [...]}")
                }
                return try list.items()
            }
            return try value.items()
        }
        return nil
    }

    /// The glossary profiles chosen under `glossaries: {profiles: [house-style]}` (or `profile:`), in `section`
    /// when set there, else at the top level. Nil when none is named.
    public func glossaryProfiles(section: String? = nil) throws(InputError) -> [String]? {
        var places: [ConfigurationValue] = []
        if let section, let value = try value(section) { places.append(value) }
        if let root = try root() { places.append(ConfigurationValue(node: root, file: self)) }
        for place in places {
            guard let value = place["glossaries"] ?? place["glossary"], value.isMapping else { continue }
            if let list = value["profiles"] ?? value["profile"] { return try list.strings() }
        }
        return nil
    }

    /// Paths of the file resolved against its folder (absolute paths stay as they are).
    public func resolved(_ paths: [String]) -> [String] {
        paths.map { $0.hasPrefix("/") || directory == "." ? $0 : (directory as NSString).appendingPathComponent($0) }
    }
}
