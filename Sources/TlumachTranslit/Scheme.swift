// Interface placeholder; the transliteration issue replaces this file.
import TlumachCore

/// Folds Latin spellings of one Cyrillic name from different standards to one key (Andrii/Andriy/Andrij).
public enum LatinMatchKey {
    public static func key(_ latin: String) -> String { latin.lowercased() }
}
