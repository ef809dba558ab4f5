import Foundation
import TlumachCore
import Yams

/// The `check` section of `.tlumach.yml` (top-level `glossaries`, `source-lang` and `target-lang` apply when the
/// section does not set them). Every key is validated: an unknown key, check id or severity is an error naming the
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
/// ```
public struct CheckConfiguration: Sendable, Equatable {
    public var glossaries: [String] = []
    public var sourceLanguage: String?
    public var targetLanguage: String?
    public var enabled: [String]?
    public var disabled: [String] = []
    public var severities: [String: Severity] = [:]
    public var include: [String] = []
    public var ignore: [String] = []
    public var baseline: String?
    public var strict: Bool?
    public var options = CheckOptions()
    /// The folder relative paths in the file are resolved against (the file's folder).
    public var baseDirectory: String = "."

    public init() {}

    public static let fileName = ".tlumach.yml"

    static let sectionKeys: Set<String> = [
        "glossaries", "glossary", "source-lang", "target-lang", "enable", "disable", "severity", "include", "ignore",
        "baseline", "strict", "options",
    ]

    /// Reads `path`; nil when the file does not exist.
    public static func load(_ path: String) throws(InputError) -> CheckConfiguration? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        var configuration = try parse(TextFile.read(path), path: path)
        configuration.baseDirectory = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        return configuration
    }

    public static func parse(_ text: String, path: String) throws(InputError) -> CheckConfiguration {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw yamlError(error, path: path)
        } catch {
            throw InputError(path: path, message: "cannot parse YAML: \(error)")
        }
        var configuration = CheckConfiguration()
        guard let root else { return configuration }
        guard let mapping = root.mapping else {
            throw fail(path, root, "the configuration must be a mapping of sections")
        }
        // Shared top-level keys first; the check section overrides them.
        for (key, value) in mapping {
            switch key.string {
            case "glossaries", "glossary": configuration.glossaries = try glossaryPaths(value, path: path)
            case "source-lang": configuration.sourceLanguage = try string(value, path: path)
            case "target-lang": configuration.targetLanguage = try string(value, path: path)
            default: break
            }
        }
        guard let section = mapping["check"] else { return configuration }
        guard let keys = section.mapping else { throw fail(path, section, "the check section must be a mapping") }
        for (key, value) in keys {
            guard let name = key.string, sectionKeys.contains(name) else {
                throw fail(path, key, "unknown key \"\(key.string ?? "?")\" in the check section (known: \(sectionKeys.sorted().joined(separator: ", ")))")
            }
            switch name {
            case "glossaries", "glossary": configuration.glossaries = try glossaryPaths(value, path: path)
            case "source-lang": configuration.sourceLanguage = try string(value, path: path)
            case "target-lang": configuration.targetLanguage = try string(value, path: path)
            case "enable": configuration.enabled = try checkIDs(value, path: path)
            case "disable": configuration.disabled = try checkIDs(value, path: path)
            case "include": configuration.include = try strings(value, path: path)
            case "ignore": configuration.ignore = try strings(value, path: path)
            case "baseline": configuration.baseline = try string(value, path: path)
            case "strict":
                guard let flag = value.bool else { throw fail(path, value, "strict must be true or false") }
                configuration.strict = flag
            case "severity":
                guard let entries = value.mapping else { throw fail(path, value, "severity must map check ids to error, warning, info or off") }
                for (checkKey, level) in entries {
                    let id = try checkID(checkKey, path: path)
                    let word = try string(level, path: path)
                    if word == "off" {
                        configuration.disabled.append(id)
                    } else if let severity = Severity(rawValue: word) {
                        configuration.severities[id] = severity
                    } else {
                        throw fail(path, level, "unknown severity \"\(word)\" (error, warning, info or off)")
                    }
                }
            case "options":
                guard let entries = value.mapping else { throw fail(path, value, "options must be a mapping") }
                for (optionKey, optionValue) in entries {
                    switch optionKey.string {
                    case "length-ratio-min": configuration.options.minimumLengthRatio = try number(optionValue, path: path)
                    case "length-ratio-max": configuration.options.maximumLengthRatio = try number(optionValue, path: path)
                    case "length-ratio-min-source":
                        configuration.options.lengthRatioMinimumSourceLength = Int(try number(optionValue, path: path))
                    default:
                        throw fail(path, optionKey, "unknown option \"\(optionKey.string ?? "?")\" (length-ratio-min, length-ratio-max, length-ratio-min-source)")
                    }
                }
            default: break
            }
        }
        return configuration
    }

    static func fail(_ path: String, _ node: Node, _ message: String) -> InputError {
        InputError(path: path, line: node.mark?.line, column: node.mark?.column, message: message)
    }

    static func yamlError(_ error: YamlError, path: String) -> InputError {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            return InputError(path: path, line: mark.line, column: mark.column, message: "invalid YAML: \(prefix)\(problem)")
        default:
            return InputError(path: path, message: "invalid YAML: \(error)")
        }
    }

    static func string(_ node: Node, path: String) throws(InputError) -> String {
        guard let scalar = node.scalar else { throw fail(path, node, "expected a single value") }
        return scalar.string
    }

    static func number(_ node: Node, path: String) throws(InputError) -> Double {
        guard let value = node.float ?? node.int.map(Double.init) else { throw fail(path, node, "expected a number") }
        return value
    }

    static func strings(_ node: Node, path: String) throws(InputError) -> [String] {
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw fail(path, node, "expected a list") }
        var result: [String] = []
        for item in sequence { result.append(try string(item, path: path)) }
        return result
    }

    /// A path, a list of paths, or `{paths: [...]}` (the glossary module's form of the shared key).
    static func glossaryPaths(_ node: Node, path: String) throws(InputError) -> [String] {
        if let mapping = node.mapping {
            guard let list = mapping["paths"] else { throw fail(path, node, "glossaries: expected a path, a list of paths or {paths: [...]}") }
            return try strings(list, path: path)
        }
        return try strings(node, path: path)
    }

    static func checkID(_ node: Node, path: String) throws(InputError) -> String {
        let id = try string(node, path: path)
        guard CheckCatalog.type(for: id) != nil else {
            throw fail(path, node, "unknown check \"\(id)\" (known: \(CheckCatalog.identifiers.joined(separator: ", ")))")
        }
        return id
    }

    static func checkIDs(_ node: Node, path: String) throws(InputError) -> [String] {
        if node.scalar != nil { return [try checkID(node, path: path)] }
        guard let sequence = node.sequence else { throw fail(path, node, "expected a list of check ids") }
        var result: [String] = []
        for item in sequence { result.append(try checkID(item, path: path)) }
        return result
    }
}
