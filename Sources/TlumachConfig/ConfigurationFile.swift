import Foundation
import TlumachCore
import Yams

/// The project settings file `.tlumach.yml`: one YAML mapping whose top-level keys are sections, one per command
/// area (`normalize`, `check`, `glossaries`, …). Each area decodes its own section into its own `Decodable` type;
/// every error names the file, line and column and is an `InputError` (exit 2).
///
/// ```yaml
/// normalize:
///   lang: auto
///   apostrophe: U+2019
///   disable: [dashes]
/// ```
public struct ConfigurationFile: Sendable {
    public static let defaultName = ".tlumach.yml"

    public let path: String
    public let text: String
    /// The YAML composed once, however many sections and values are asked for.
    private let composed: ComposedYAML

    public init(path: String, text: String) {
        self.path = path
        self.text = text
        composed = ComposedYAML(path: path, text: text)
    }

    /// Loads the file at `path`, or `.tlumach.yml` in `directory` (the current directory by default) when `path`
    /// is nil. Returns nil only when no path was given and the directory has no such file.
    public static func load(path: String? = nil, directory: String? = nil) throws(InputError) -> ConfigurationFile? {
        let location: String
        if let path {
            location = path
        } else {
            let folder = directory ?? FileManager.default.currentDirectoryPath
            location = (folder as NSString).appendingPathComponent(defaultName)
            guard FileManager.default.fileExists(atPath: location) else { return nil }
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: location))
        } catch {
            throw InputError(path: location, message: "cannot read configuration: \(error.localizedDescription)")
        }
        let text = try TextFile.decode(data, path: location)
        let file = ConfigurationFile(path: location, text: text)
        try file.validateTopLevel()  // syntax errors and misspelt sections fail on load, whatever is asked for later
        return file
    }

    /// The names of the sections present, in file order.
    public func sectionNames() throws(InputError) -> [String] {
        guard let mapping = try root()?.mapping else { return [] }
        return mapping.keys.compactMap(\.string)
    }

    /// Decodes section `name` as `T`, or returns nil when the file has no such section. With `allowedKeys`, a key
    /// the section does not know (a typo such as `disabel`) is an error at its line and column.
    public func section<T: Decodable>(_ name: String, as type: T.Type, allowedKeys: Set<String>? = nil)
        throws(InputError) -> T?
    {
        guard let root = try root() else { return nil }
        guard let node = root.mapping?[name] else { return nil }
        if let allowedKeys, let mapping = node.mapping {
            for key in mapping.keys {
                guard let keyName = key.string, !allowedKeys.contains(keyName) else { continue }
                throw error(
                    at: key.mark,
                    "unknown key '\(keyName)' in section '\(name)' (known: \(allowedKeys.sorted().joined(separator: ", ")))")
            }
        }
        do {
            return try YAMLDecoder().decode(T.self, from: node)
        } catch let decoding as DecodingError {
            let path = Self.codingPath(of: decoding)
            let target = Self.node(at: path, in: node) ?? node
            let message = Self.describe(decoding, found: target)
            let keyPath = path.reduce(name) { text, key in key.intValue.map { text + "[\($0)]" } ?? text + "." + key.stringValue }
            throw error(at: target.mark, "\(keyPath): \(message)")
        } catch {
            throw self.error(at: node.mark, "section '\(name)': not valid (\(error.localizedDescription))")
        }
    }

    /// The format version this build reads; `version:` absent means 1.
    public static let currentVersion = 1

    /// Fails on YAML syntax errors, on a `version` newer than this build knows, and on top-level keys no command
    /// knows (see `topLevelKeys`).
    public func validateTopLevel() throws(InputError) {
        guard let mapping = try root()?.mapping else { return }
        _ = try version()
        for key in mapping.keys {
            guard let name = key.string, !Self.topLevelKeys.contains(name) else { continue }
            throw error(
                at: key.mark,
                "unknown section '\(name)' (known: \(Self.topLevelKeys.sorted().joined(separator: ", ")))")
        }
    }

    /// `version:` (1 when absent). A newer version is refused: its keys may mean what this build cannot know.
    public func version() throws(InputError) -> Int {
        guard let node = try root()?.mapping?["version"] else { return 1 }
        guard let scalar = node.scalar, let version = Int(scalar.string), version >= 1 else {
            throw error(at: node.mark, "version: expected a whole number from 1, found \(Self.kind(of: node))")
        }
        guard version <= Self.currentVersion else {
            throw error(
                at: node.mark,
                "settings version \(version) is newer than this tlumach reads (\(Self.currentVersion)): upgrade tlumach")
        }
        return version
    }

    // MARK: Internals

    func root() throws(InputError) -> Node? {
        let node = try composed.result.get()
        guard let node else { return nil }
        guard node.mapping != nil else {
            throw self.error(at: node.mark, "the top level must be a mapping of sections (normalize:, check:, …)")
        }
        return node
    }

    func error(at mark: Mark?, _ message: String) -> InputError {
        guard let mark else { return InputError(path: path, message: message) }
        return InputError(path: path, line: mark.line, column: Self.utf16Column(mark, in: text), message: message)
    }

    /// libYAML counts columns in scalars; Tlumach reports UTF-16 columns.
    static func utf16Column(_ mark: Mark, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return mark.column }
        let line = lines[mark.line - 1].unicodeScalars
        let prefix = line.prefix(max(0, mark.column - 1))
        return prefix.reduce(0) { $0 + UTF16.width($1) } + 1
    }

    static func inputError(_ error: YamlError, path: String, text: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = [context.map { "\($0.text)" }, problem].compactMap { $0 }.filter { !$0.isEmpty }
            return InputError(
                path: path, line: mark.line, column: utf16Column(mark, in: text),
                message: "invalid YAML: " + detail.joined(separator: ": "))
        case .reader(let problem, let offset, _, _):
            return InputError(path: path, byteOffset: offset, message: "invalid YAML: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputError(
                path: path, line: context.mark.line, column: utf16Column(context.mark, in: text),
                message: "duplicated keys: \(duplicates.joined(separator: ", "))")
        default:
            return InputError(path: path, message: "invalid YAML: \(error)")
        }
    }

    private static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .keyNotFound(_, let context),
            .dataCorrupted(let context):
            return context.codingPath
        @unknown default:
            return []
        }
    }

    /// A decoding error in the user's terms: what was expected and what the file has, never a Swift type name.
    static func describe(_ error: DecodingError, found node: Node) -> String {
        switch error {
        case .typeMismatch(let type, _):
            return "expected \(name(of: type)), found \(kind(of: node))"
        case .valueNotFound(let type, _):
            return "expected \(name(of: type)), found nothing"
        case .keyNotFound(let key, _):
            return "missing key '\(key.stringValue)'"
        case .dataCorrupted(let context):
            // Enumerations decoded by the synthesised initialiser say "Cannot initialize T from invalid String
            // value x"; types of this project list their values (`SettingChoice`).
            if context.debugDescription.hasPrefix("Cannot initialize") {
                return "\(kind(of: node)) is not an allowed value"
            }
            return context.debugDescription
        @unknown default:
            return "not a valid value"
        }
    }

    /// What a node holds, as a message shows it: a scalar by its text, a collection by its kind.
    static func kind(of node: Node) -> String {
        if let scalar = node.scalar { return "'\(scalar.string)'" }
        if node.sequence != nil { return "a list" }
        return "a mapping"
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        // Yams names the node kind it expected.
        case is Node.Sequence.Type: "a list"
        case is Node.Mapping.Type: "a mapping"
        case is Node.Scalar.Type: "a single value"
        default: DecodedKind(type).description
        }
    }

    /// The node a decoding error's coding path leads to, as far as it exists.
    private static func node(at path: [any CodingKey], in start: Node) -> Node? {
        var current = start
        for key in path {
            if let index = key.intValue, let sequence = current.sequence, index < sequence.count {
                current = sequence[index]
            } else if let mapping = current.mapping, let next = mapping[key.stringValue] {
                current = next
            } else {
                break
            }
        }
        return current
    }
}

/// The composed document or its syntax error. Yams' `Node` is not `Sendable`, but this one is never changed after
/// composing, so sharing it between threads is safe.
private final class ComposedYAML: @unchecked Sendable {  // unchecked: Yams' Node is not Sendable; never changed
    let result: Result<Node?, InputError>

    init(path: String, text: String) {
        do {
            result = .success(try Yams.compose(yaml: text))
        } catch let yaml as YamlError {
            result = .failure(ConfigurationFile.inputError(yaml, path: path, text: text))
        } catch {
            result = .failure(InputError(path: path, message: "invalid YAML: \(error)"))
        }
    }
}
