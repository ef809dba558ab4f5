import CICU

/// Character properties Tlumach's byte-level fast paths need, taken from ICU once and kept as a 64 KB table for
/// the Basic Multilingual Plane (supplementary code points are asked of ICU one by one; they are rare in prose).
public struct CharacterClass: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// NFC never changes this character whatever precedes it (NFC_QC=Yes and canonical combining class 0):
    /// a run of such characters is already NFC.
    public static let nfcBoundary = CharacterClass(rawValue: UInt8(TL_TEXT_NFC_BOUNDARY))
    public static let letter = CharacterClass(rawValue: UInt8(TL_TEXT_LETTER))
    public static let mark = CharacterClass(rawValue: UInt8(TL_TEXT_MARK))
    public static let latin = CharacterClass(rawValue: UInt8(TL_TEXT_LATIN))
    public static let cyrillic = CharacterClass(rawValue: UInt8(TL_TEXT_CYRILLIC))
    public static let digit = CharacterClass(rawValue: UInt8(TL_TEXT_DIGIT))
    public static let space = CharacterClass(rawValue: UInt8(TL_TEXT_SPACE))
    public static let pictographic = CharacterClass(rawValue: UInt8(TL_TEXT_PICTOGRAPHIC))

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
