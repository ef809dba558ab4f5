/// A setting with a fixed set of spellings (`lang: uk|en|ru|auto`). Decoding a value outside them fails with a
/// message that lists them; the synthesised decoder names the Swift type instead ("Cannot initialize
/// LanguageChoice from invalid String value ua"), which tells a user nothing.
public protocol SettingChoice: RawRepresentable, CaseIterable, Decodable where RawValue == String {}

extension SettingChoice {
    /// The spellings accepted, in declaration order.
    public static var allowedValues: [String] { allCases.map(\.rawValue) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Self(rawValue: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not allowed (allowed: \(Self.allowedValues.joined(separator: ", ")))")
        }
        self = value
    }
}
