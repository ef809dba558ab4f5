import Foundation
import TlumachCore

/// The project's settings as one value: `.tlumach.yml` (when there is one) read once, and the defaults every command
/// shares resolved once — glossaries, glossary profiles, languages, the memory store and the server's settings. The
/// CLI (and the server) load this and hand plain values to the libraries; libraries never look at the current
/// folder, the settings file or the environment themselves.
public struct ProjectSettings: Sendable {
    /// The settings file, or nil when the project has none.
    public let file: ConfigurationFile?
    /// The folder the project lives in (where `.tlumach.yml` and a `glossaries/` folder are looked for). With "."
    /// the paths the settings produce (the file in messages, the glossaries it names) stay relative; with an
    /// absolute folder they are absolute.
    public let directory: String
    /// The profiles chosen under `glossaries: {profiles: [...]}` (top level), else none.
    public let glossaryProfiles: [String]
    /// `source-lang` / `target-lang` at the top level.
    public let sourceLanguage: String?
    public let targetLanguage: String?
    /// `tm:` — where the translation memory lives: a file path or a `postgres://` URL, as written.
    public let memoryStore: String?
    /// `serve:` — the server's settings.
    public let serve: ServeSettings

    /// Settings of a project without a settings file.
    public init(directory: String = ".") {
        file = nil
        self.directory = directory
        glossaryProfiles = []
        sourceLanguage = nil
        targetLanguage = nil
        memoryStore = nil
        serve = ServeSettings()
    }

    /// Reads `configPath` (an error when it does not exist), or `.tlumach.yml` in `directory` when there is one.
    public static func load(configPath: String? = nil, directory: String = ".") throws(InputError) -> ProjectSettings {
        let location = configPath ?? defaultLocation(in: directory)
        guard FileManager.default.fileExists(atPath: location) else {
            if configPath != nil { throw InputError(path: location, message: "configuration file not found") }
            return ProjectSettings(directory: directory)
        }
        guard let file = try ConfigurationFile.load(path: location) else { return ProjectSettings(directory: directory) }
        return try ProjectSettings(file: file, directory: directory)
    }

    /// Settings from a file already read (tests, the server).
    public init(file: ConfigurationFile, directory: String = ".") throws(InputError) {
        try file.validateTopLevel()
        self.file = file
        self.directory = directory
        glossaryProfiles = try file.glossaryProfiles() ?? []
        sourceLanguage = try file.value("source-lang")?.string()
        targetLanguage = try file.value("target-lang")?.string()
        memoryStore = try file.value("tm")?.string()
        serve = try file.section("serve", as: ServeSettings.self, allowedKeys: ServeSettings.keys) ?? ServeSettings()
    }

    /// The folder a project keeps its glossaries in when its settings name none.
    public static let glossaryFolder = "glossaries"

    /// `.tlumach.yml` in `directory`, relative when the directory is the current one.
    public static func defaultLocation(in directory: String) -> String {
        directory == "." ? ConfigurationFile.defaultName : (directory as NSString).appendingPathComponent(ConfigurationFile.defaultName)
    }

    /// The glossaries a command uses when none is named on its command line: those the settings name (in `section`
    /// when it names its own, else at the top level; relative to the settings file), else a `glossaries/` folder,
    /// else nil. Every command that defaults its glossary asks here.
    public func glossaryPaths(section: String? = nil) throws(InputError) -> [String]? {
        if let file, let paths = try file.glossaryPaths(section: section) { return file.resolved(paths) }
        let folder = (directory as NSString).appendingPathComponent(Self.glossaryFolder)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
            // Relative when the project is the current folder, as every command has always printed it.
            let current = directory == "." || directory == FileManager.default.currentDirectoryPath
            return [current ? Self.glossaryFolder : folder]
        }
        return nil
    }

    /// "glossary not found" for `path` (as `glossaryPaths(section:)` gives it): at the settings line that names it
    /// when the settings file does, else naming the path alone (a path from the command line).
    public func glossaryNotFound(_ path: String, section: String? = nil) -> InputError {
        glossaryError(path, section: section, message: "not found (no such file or folder)")
            ?? InputError(path: path, message: "glossary not found")
    }

    /// "glossary `PATH`: MESSAGE" at the settings line that names `path`, or `PATH: MESSAGE` when the settings do not
    /// name it.
    public func glossaryError(_ path: String, section: String? = nil, message: String) -> InputError {
        glossaryError(path, section: section, message: message) ?? InputError(path: path, message: message)
    }

    private func glossaryError(_ path: String, section: String?, message: String) -> InputError? {
        guard let file, let items = try? file.glossaryPathItems(section: section) else { return nil }
        for item in items {
            guard let text = try? item.string(), file.resolved([text]).first == path else { continue }
            return item.error("glossary `\(text)`: \(message)")
        }
        return nil
    }

    /// The default glossaries for a command that cannot work without one: an input error when there are none.
    public func requiredGlossaryPaths() throws(InputError) -> [String] {
        if let paths = try glossaryPaths() { return paths }
        throw InputError(
            path: Self.absolute(directory),
            message: "no glossary: pass --glossary PATH, add a glossaries/ folder, or name one in .tlumach.yml (glossaries:)")
    }

    /// The glossaries that lend `align` its term anchors: `explicit` when given; otherwise optional — only a project
    /// that has a settings file or a `glossaries/` folder gets anchors, and then its default glossary is required
    /// (a settings file that names none, with no folder either, is the "no glossary" error, as before).
    public func anchorGlossaryPaths(explicit: [String], disabled: Bool) throws(InputError) -> [String]? {
        if disabled { return nil }
        if !explicit.isEmpty { return explicit }
        let folder = (directory as NSString).appendingPathComponent(Self.glossaryFolder)
        guard file != nil || FileManager.default.fileExists(atPath: folder) else { return nil }
        return try requiredGlossaryPaths()
    }

    /// `source-lang` / `target-lang` for a command: `section`'s own keys win over the top-level ones.
    public func languages(section: String) throws(InputError) -> (source: String?, target: String?) {
        guard let file, let values = try file.value(section), values.isMapping else { return (sourceLanguage, targetLanguage) }
        return (
            try values["source-lang"]?.string() ?? sourceLanguage,
            try values["target-lang"]?.string() ?? targetLanguage)
    }

    /// The folder baseline keys are relative to: the settings file's folder when there is one, else the repository
    /// root (the nearest folder up from `directory` with `.git`), else `directory` (made absolute).
    public var baselineRoot: String {
        if let file { return file.directory }
        let start = URL(fileURLWithPath: Self.absolute(directory), isDirectory: true).standardizedFileURL
        var folder = start
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) { return folder.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return Self.absolute(directory)
    }

    /// The folder as an absolute path, for messages that name the project.
    static func absolute(_ directory: String) -> String {
        directory == "." ? FileManager.default.currentDirectoryPath : directory
    }
}

/// The `serve:` section: plain values the server takes (flags and the environment win over them).
///
/// ```yaml
/// serve:
///   host: 127.0.0.1
///   port: 8080
///   body-limit: 52428800          # bytes; requests over it get 413
///   allow-anonymous-read: false   # without tokens, reads from other hosts only when true
/// ```
public struct ServeSettings: Sendable, Equatable, Decodable {
    public var host: String?
    public var port: Int?
    public var bodyLimit: Int?
    public var allowAnonymousRead: Bool?

    public init(host: String? = nil, port: Int? = nil, bodyLimit: Int? = nil, allowAnonymousRead: Bool? = nil) {
        self.host = host
        self.port = port
        self.bodyLimit = bodyLimit
        self.allowAnonymousRead = allowAnonymousRead
    }

    static let keys: Set<String> = ["host", "port", "body-limit", "allow-anonymous-read"]

    enum CodingKeys: String, CodingKey {
        case host, port
        case bodyLimit = "body-limit"
        case allowAnonymousRead = "allow-anonymous-read"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        host = try container.decodeIfPresent(String.self, forKey: .host)
        port = try container.decodeIfPresent(Int.self, forKey: .port)
        if let port, !(1...65_535).contains(port) {
            throw DecodingError.dataCorruptedError(
                forKey: .port, in: container, debugDescription: "a port is a number from 1 to 65535, not \(port)")
        }
        bodyLimit = try container.decodeIfPresent(Int.self, forKey: .bodyLimit)
        if let bodyLimit, bodyLimit <= 0 {
            throw DecodingError.dataCorruptedError(
                forKey: .bodyLimit, in: container, debugDescription: "body-limit is a positive number of bytes, not \(bodyLimit)")
        }
        allowAnonymousRead = try container.decodeIfPresent(Bool.self, forKey: .allowAnonymousRead)
    }
}

/// What the CLI reads from its environment, read once and handed on as values.
public struct RunEnvironment: Sendable, Equatable {
    /// `GITHUB_ACTIONS=true`: reports default to GitHub annotations.
    public var isGitHubActions: Bool
    /// `GITHUB_STEP_SUMMARY`: a file a job summary is appended to.
    public var stepSummaryPath: String?

    public init(isGitHubActions: Bool = false, stepSummaryPath: String? = nil) {
        self.isGitHubActions = isGitHubActions
        self.stepSummaryPath = stepSummaryPath
    }

    public init(_ variables: [String: String]) {
        isGitHubActions = variables["GITHUB_ACTIONS"] == "true"
        stepSummaryPath = variables["GITHUB_STEP_SUMMARY"].flatMap { $0.isEmpty ? nil : $0 }
    }
}
