/// Character tests without Unicode property lookups for the common scripts: the checks call these for every
/// scalar, and the standard library's property tables cost a binary search each.
enum CharacterClass {
    /// A setting the translator gives a locale's value, not text (GTK's `calendar:week_start:0`, `default:mm`,
    /// vino's `vino-mdns:showusername` → `0`): one token of two or more colon-separated parts in lower-case ASCII
    /// letters, digits, underscores and hyphens.
    static func isSettingKey(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 2, let first = text.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }
        }
    }

    /// CSS declarations of sizes (`width: 15.4em`, `min-width: 45em; min-height: 32em;`): Mozilla's `.style`
    /// attributes, which each language sizes for its own words. Every declaration a lower-case property and
    /// numbers with a CSS unit (or `auto`); at least one such number.
    static func isStyleDeclarations(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first), text.utf8.contains(UInt8(ascii: ":")) else { return false }
        var sizes = 0
        for declaration in text.split(separator: ";") where !declaration.allSatisfy({ $0 == " " }) {
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { return false }
            let property = parts[0].trimmingCharacters(in: .whitespaces)
            guard !property.isEmpty, property.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) else { return false }
            for value in parts[1].split(separator: " ") {
                if value == "auto" { continue }
                let digits = value.prefix { ("0"..."9").contains($0) || $0 == "." || $0 == "-" }
                guard digits.contains(where: \.isNumber), styleUnits.contains(String(value.dropFirst(digits.count))) else { return false }
                sizes += 1
            }
        }
        return sizes > 0
    }

    static let styleUnits: Set<String> = ["em", "ex", "ch", "rem", "px", "pt", "vw", "vh", "%"]

    /// A constant's name whose translation is the locale's value (libmateweather: `'DEFAULT_COORDINATES'` →
    /// `50,400002 30,566668`): capitals, digits and at least one underscore, in quotes or not.
    static func isConstantName(_ text: String) -> Bool {
        var scalars = Substring(text).unicodeScalars[...]
        if scalars.first == "'" || scalars.first == "\"" {
            guard scalars.count >= 3, scalars.last == scalars.first else { return false }
            scalars = scalars.dropFirst().dropLast()
        }
        guard let first = scalars.first, ("A"..."Z").contains(first), scalars.contains("_"), scalars.count <= 64 else { return false }
        return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// A GSettings default the translator gives a locale's value as a list of strings (amtk's candidate encodings:
    /// `['UTF-8', 'CURRENT', 'ISO-8859-15', 'UTF-16']` → `['UTF-8', 'CURRENT', 'CP1251', 'KOI8U', 'UTF-16']`).
    static func isStringArray(_ text: String) -> Bool {
        // Asked of every unit with a digit: nothing is made unless the text opens with a bracket.
        guard text.utf8.first(where: { $0 != 0x20 }) == UInt8(ascii: "[") else { return false }
        let trimmed = text.trimmingCharacters(in: " ")
        guard trimmed.count >= 4, trimmed.hasPrefix("['") || trimmed.hasPrefix("[\""), trimmed.hasSuffix("']") || trimmed.hasSuffix("\"]")
        else { return false }
        var inside: Character?
        for character in trimmed.dropFirst().dropLast() {
            if let quote = inside {
                if character == quote { inside = nil }
            } else if character == "'" || character == "\"" {
                inside = character
            } else if character != "," && character != " " {
                return false
            }
        }
        return inside == nil
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if value < 0x1680 { return value == 0x85 || value == 0xA0 }
        return value == 0x1680 || (0x2000...0x200A).contains(value) || value == 0x2028 || value == 0x2029
            || value == 0x202F || value == 0x205F || value == 0x3000
    }

    /// Letters (any script) and digits: what the length ratio counts.
    @inline(__always)
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        if (0x400...0x4FF).contains(value) { return value < 0x482 || value >= 0x48A }
        if value < 0xC0 { return false }
        return scalar.properties.isAlphabetic
    }

    @inline(__always)
    static func isLowercaseLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x61...0x7A).contains(value) }
        if (0x430...0x45F).contains(value) { return true }
        if (0x400...0x42F).contains(value) { return false }
        return scalar.properties.isLowercase
    }

    @inline(__always)
    static func isUppercaseASCIILetter(_ scalar: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(scalar.value) }

    /// Whether a text has any character that is not whitespace.
    static func hasContent(_ text: String) -> Bool {
        text.unicodeScalars.contains { !isSpace($0) }
    }

    /// Substring search over UTF-8 bytes (Foundation's is far slower on Linux).
    static func contains(_ text: String, _ needle: StaticString) -> Bool {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let first = pattern.first else { return true }
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Bool in
            guard bytes.count >= pattern.count else { return false }
            for start in 0...(bytes.count - pattern.count) where bytes[start] == first {
                var matched = true
                for offset in 1..<pattern.count where bytes[start + offset] != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return true }
            }
            return false
        }) {
            return found
        }
        var copy = text
        copy.makeContiguousUTF8()
        return contains(copy, needle)
    }
}
