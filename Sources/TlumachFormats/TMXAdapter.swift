import TlumachCore

/// TMX as bilingual units: arrives with TlumachTMX (the translation-memory module).
enum TMXAdapter {
    static func read(path: String, sourceLanguage: String?, targetLanguage: String?) throws -> BilingualDocument {
        throw InputError(path: path, message: "TMX input is not supported yet")
    }
}
