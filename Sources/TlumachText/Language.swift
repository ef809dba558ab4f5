/// The languages Tlumach tells apart in text.
public enum Language: String, Sendable, Hashable, CaseIterable, Codable {
    case uk, en, ru

    /// The ICU locale ID used for break iteration, case mapping and collation.
    public var localeID: String { rawValue }
}
