import TlumachText

/// Glossary-side helpers that used to find settings on their own; the defaults now come from
/// `TlumachConfig.ProjectSettings`, which the CLI loads once and hands over as values.
public enum GlossarySources {
    /// The language of a text by its letters, as a tag: uk, ru or en (`LanguageDetector.documentLanguage`).
    public static func detectLanguage(_ text: String) -> String {
        LanguageDetector.documentLanguage(text).rawValue
    }
}
