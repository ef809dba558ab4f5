import ICU

/// The ICU character class table as a raw pointer for the hot loops (the array behind it lives for the whole
/// process and is never written after it is built).
nonisolated(unsafe) let classTable: UnsafePointer<CharacterClass> = {
    let table = CharacterClassTable.shared.classes
    let pointer = UnsafeMutablePointer<CharacterClass>.allocate(capacity: table.count)
    pointer.initialize(from: table, count: table.count)
    return UnsafePointer(pointer)
}()

/// The class of a scalar: a table lookup for the Basic Multilingual Plane.
@inline(__always)
func classOf(_ scalar: Unicode.Scalar) -> CharacterClass {
    scalar.value < 0x10000 ? classTable[Int(scalar.value)] : CharacterClass(of: scalar)
}

/// Apostrophe-like characters typists put inside words: ' ’ ʼ ` ´ ‘ ʹ ′.
@inline(__always)
func isApostropheVariant(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x27, 0x2019, 0x2BC, 0x60, 0xB4, 0x2018, 0x2B9, 0x2032: true
    default: false
    }
}

/// A letter of a word (the modifier-letter apostrophes ʼ ʹ are letters to Unicode, but apostrophes to us).
@inline(__always)
func isWordLetter(_ scalar: Unicode.Scalar) -> Bool {
    classOf(scalar).contains(.letter) && !isApostropheVariant(scalar)
}
