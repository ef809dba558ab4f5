import ICU

/// Tells Ukrainian, Russian and English apart from the letters of a text: Latin against Cyrillic letters, then the
/// letters only Ukrainian has (і ї є ґ) against those only Russian has (ы э ё ъ).
public struct LanguageEvidence: Sendable, Hashable {
    public var latinLetters = 0
    public var cyrillicLetters = 0
    /// і ї є ґ (either case).
    public var ukrainianMarkers = 0
    /// ы э ё ъ (either case).
    public var russianMarkers = 0

    public init() {}

    /// Adds one letter.
    @inline(__always)
    mutating func count(_ scalar: Unicode.Scalar, _ classes: CharacterClass) {
        guard classes.contains(.letter) else { return }
        if classes.contains(.latin) {
            latinLetters += 1
        } else if classes.contains(.cyrillic) {
            cyrillicLetters += 1
            switch scalar.value {
            case 0x404, 0x406, 0x407, 0x454, 0x456, 0x457, 0x490, 0x491: ukrainianMarkers += 1
            case 0x401, 0x42A, 0x42B, 0x42D, 0x44A, 0x44B, 0x44D, 0x451: russianMarkers += 1
            default: break
            }
        }
    }

    /// The language the letters point to, or nil when they do not decide (no letters, or Cyrillic without any
    /// letter specific to Ukrainian or Russian).
    /// (Inlined: asked for every paragraph of a text.)
    public var language: Language? {
        @inline(__always) get {
            if latinLetters == 0 && cyrillicLetters == 0 { return nil }
            if latinLetters > cyrillicLetters { return .en }
            if russianMarkers > ukrainianMarkers { return .ru }
            if ukrainianMarkers > 0 { return .uk }
            return nil
        }
    }
}

public enum LanguageDetector {
    /// The evidence for `text`.
    public static func evidence(_ text: String) -> LanguageEvidence {
        var evidence = LanguageEvidence()
        for scalar in text.unicodeScalars { evidence.count(scalar, classOf(scalar)) }
        return evidence
    }

    /// The language of `text`, or `fallback` when its letters do not decide. Cyrillic text without і ї є ґ or
    /// ы э ё ъ counts as `fallback` too (Ukrainian by default).
    public static func detect(_ text: String, fallback: Language = .uk) -> Language {
        evidence(text).language ?? fallback
    }

    /// The language of a whole document, always an answer (the tag a file without one gets): as `detect`, but
    /// Cyrillic without deciding letters is Ukrainian and text without letters English. Only the first `limit`
    /// scalars are read: a document's language shows early.
    public static func documentLanguage(_ text: String, limit: Int = 200_000) -> Language {
        var evidence = LanguageEvidence()
        for scalar in text.unicodeScalars.prefix(limit) { evidence.count(scalar, classOf(scalar)) }
        return evidence.language ?? (evidence.cyrillicLetters > 0 ? .uk : .en)
    }
}
