import CICU

/// Character properties Tlumach's byte-level fast paths need, taken from ICU once and kept as a 64 KB table for
/// the Basic Multilingual Plane (supplementary code points are asked of ICU one by one; they are rare in prose).
public struct CharacterClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    @inlinable public init(rawValue: UInt8) { self.rawValue = rawValue }

    // The raw values mirror the TL_TEXT_* constants of cicu_text.h. They are spelled out (and @inlinable) so
    // that hot loops in other modules test bits with no call and no lazy-global check; ICUTests checks the meaning.

    /// NFC never changes this character whatever precedes it (it has an NFC boundary before it and NFC_QC=Yes):
    /// a run of such characters is already NFC.
    @inlinable public static var nfcBoundary: CharacterClass { CharacterClass(rawValue: 1) }
    @inlinable public static var letter: CharacterClass { CharacterClass(rawValue: 2) }
    @inlinable public static var mark: CharacterClass { CharacterClass(rawValue: 4) }
    @inlinable public static var latin: CharacterClass { CharacterClass(rawValue: 8) }
    @inlinable public static var cyrillic: CharacterClass { CharacterClass(rawValue: 16) }
    @inlinable public static var digit: CharacterClass { CharacterClass(rawValue: 32) }
    @inlinable public static var space: CharacterClass { CharacterClass(rawValue: 64) }
    @inlinable public static var pictographic: CharacterClass { CharacterClass(rawValue: 128) }

    /// The class of any code point.
    public init(of scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x10000 {
            self = CharacterClassTable.shared.classes[Int(value)]
        } else {
            self = CharacterClass(rawValue: tl_text_class_of(Int32(bitPattern: value)))
        }
    }
}

extension CharacterClass {
    /// The class ICU gives this one code point, asked directly (what the table holds for the BMP; for tests).
    static func askingICU(_ value: UInt32) -> CharacterClass {
        CharacterClass(rawValue: tl_text_class_of(Int32(bitPattern: value)))
    }
}

/// The BMP class table, built from ICU on first use (about a millisecond).
public final class CharacterClassTable: Sendable {
    public static let shared = CharacterClassTable()
    /// Indexed by BMP code point.
    public let classes: [CharacterClass]

    private init() {
        var raw = [UInt8](repeating: 0, count: 0x10000)
        raw.withUnsafeMutableBufferPointer { tl_text_fill_class_table($0.baseAddress) }
        classes = raw.map { CharacterClass(rawValue: $0) }
    }
}
