/// Language tags as the files give them (BCP 47 "uk-UA", POSIX "uk_UA").
package enum LanguageTag {
    /// The primary subtag, lower-cased: "en-GB" → "en", "UK_ua" → "uk".
    package static func primary(_ tag: String) -> String {
        let lowered = tag.lowercased()
        if let cut = lowered.firstIndex(where: { $0 == "-" || $0 == "_" }) { return String(lowered[..<cut]) }
        return lowered
    }
}
