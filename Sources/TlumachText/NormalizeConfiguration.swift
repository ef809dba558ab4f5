import TlumachConfig
import TlumachCore

extension NormalizeSettings {
    /// The `normalize` section of the project's settings file, or nil when there is none.
    public static func configured(in file: ConfigurationFile?) throws(InputError) -> NormalizeSettings? {
        try file?.section("normalize", as: NormalizeSettings.self, allowedKeys: keys)
    }

    /// The normaliser's options: the settings file's `normalize` section overridden by `flags` (the command line,
    /// already validated). A rule name only the file can have got wrong is reported where the file writes it.
    public static func options(
        file: ConfigurationFile?, flags: NormalizeSettings, rewriters: [any ParagraphRewriter] = []
    ) throws -> NormalizerOptions {
        let section = try configured(in: file)
        do {
            return try (section ?? NormalizeSettings()).merged(with: flags).options(rewriters: rewriters)
        } catch {
            let message = "normalize.disable: \(error.description)"
            guard let file, section != nil else { throw InputError(path: ConfigurationFile.defaultName, message: message) }
            let items = try file.value("normalize")?["disable"]?.items() ?? []
            if let item = items.first(where: { (try? $0.string()) == error.name }) { throw item.error(message) }
            throw InputError(path: file.path, message: message)
        }
    }
}
