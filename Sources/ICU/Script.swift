import CICU

/// The Unicode script of a character, as far as Tlumach cares: look-alike repair and language detection only
/// need to tell Latin from Cyrillic from everything else.
public enum Script: Sendable, Equatable, Hashable {
    /// Digits, punctuation, spaces: shared by every script.
    case common
    /// Combining marks that take the script of their base.
    case inherited
    case latin
    case cyrillic
    case greek
    /// Any other script, by ICU's UScriptCode.
    case other(Int32)

    public init(of scalar: Unicode.Scalar) {
        // ASCII and Cyrillic blocks are decided without calling into ICU: they are most of the text we see.
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x61...0x7A: self = .latin
        case 0..<0x80: self = .common
        case 0x400...0x482, 0x48A...0x52F: self = .cyrillic
        default:
            var status: Int32 = 0
            let code = tl_script_of(Int32(bitPattern: value), &status)
            switch code {
            case 0: self = .common
            case 1: self = .inherited
            case 7: self = .cyrillic
            case 14: self = .greek
            case 25: self = .latin
            default: self = .other(code)
            }
        }
    }
}
