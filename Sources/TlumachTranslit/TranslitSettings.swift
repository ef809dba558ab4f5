import TlumachCore

/// Where transliteration takes people's names from: the scheme (default) or the glossary's spellings.
public enum NameSource: String, SettingChoice, Sendable {
    case scheme, glossary
}

/// The `translit` section of `.tlumach.yml`: `names: scheme | glossary`.
public struct TranslitSettings: Decodable, Sendable, Equatable {
    public var names: NameSource = .scheme

    public init(names: NameSource = .scheme) {
        self.names = names
    }

    /// The keys the section may have; any other is a typo reported at its line.
    public static let keys: Set<String> = ["names"]

    enum CodingKeys: String, CodingKey { case names }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        names = try container.decodeIfPresent(NameSource.self, forKey: .names) ?? .scheme
    }
}
