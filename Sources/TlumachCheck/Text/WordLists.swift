import Foundation
import TlumachCore

/// The word lists in Data/ (number words, month names, scale words): language → lower-case form → value.
struct WordLists: Sendable {
    let numberWords: [String: [String: Double]]
    let months: [String: [String: Double]]
    let scales: [String: [String: Double]]
    /// Common English words (Data/common-english-words.txt): what makes a copied target language, not a name.
    let commonEnglish: Set<String>
    /// Words by role (Data/exit-status-words.tsv, abbreviations.tsv, function-words.tsv, key-names.tsv,
    /// licence-notices.tsv, country-calling-codes.tsv): "language role" → forms.
    let roleWords: [String: [String]]
    /// Figures said in words (Data/number-idioms.tsv): "language kind" → entries in file order.
    let numberIdioms: [String: [NumberIdiom]]

    /// Units a translation may convert (Data/unit-conversions.tsv): "source-language target-language" → entries.
    let unitConversions: [String: [UnitConversion]]

    /// One line of Data/unit-conversions.tsv.
    struct UnitConversion: Sendable {
        let sourceForms: Set<String>
        /// Forms as written, and word starts (listed with a final "*").
        let targetForms: Set<String>
        let targetStarts: [String]
        let factor: Double

        func isTargetUnit(_ word: String) -> Bool {
            targetForms.contains(word) || targetStarts.contains { word.hasPrefix($0) }
        }
    }

    /// One line of Data/number-idioms.tsv: the source's words, and the starts of the target words that say them.
    struct NumberIdiom: Sendable {
        let source: String
        let targetStarts: [String]
        let notStarts: [String]
    }

    static let shared = WordLists()

    private init() {
        numberWords = Self.load("number-words")
        months = Self.load("months")
        scales = Self.load("scale-words")
        var common = Set<String>()
        if let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: "common-english-words", extension: "txt", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.isEmpty { common.insert(String(line)) }
        }
        commonEnglish = common
        var roles: [String: [String]] = [:]
        for name in ["exit-status-words", "abbreviations", "function-words", "key-names", "licence-notices", "country-calling-codes"] {
            guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: name, extension: "tsv", subdirectory: "Data"),
                let text = try? String(contentsOf: url, encoding: .utf8)
            else { continue }
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 3 else { continue }
                roles["\(fields[0]) \(fields[1])", default: []] += fields[2].split(separator: " ").map(String.init)
            }
        }
        roleWords = roles
        var idioms: [String: [NumberIdiom]] = [:]
        if let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: "number-idioms", extension: "tsv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard fields.count >= 4 else { continue }
                let starts = { (field: Substring) in field.split(separator: " ").map(String.init) }
                idioms["\(fields[0]) \(fields[1])", default: []].append(
                    NumberIdiom(source: String(fields[2]), targetStarts: starts(fields[3]), notStarts: fields.count > 4 ? starts(fields[4]) : []))
            }
        }
        numberIdioms = idioms
        var conversions: [String: [UnitConversion]] = [:]
        if let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: "unit-conversions", extension: "tsv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let fields = line.split(separator: "\t")
                guard fields.count >= 5, let factor = Double(fields[4]) else { continue }
                let targets = fields[3].split(separator: " ").map(String.init)
                conversions["\(fields[0]) \(fields[2])", default: []].append(UnitConversion(
                    sourceForms: Set(fields[1].split(separator: " ").map(String.init)),
                    targetForms: Set(targets.filter { !$0.hasSuffix("*") }),
                    targetStarts: targets.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) },
                    factor: factor))
            }
        }
        unitConversions = conversions
    }

    /// The unit conversions from `source` to `target` language.
    func unitConversions(from source: String, to target: String) -> [UnitConversion] { unitConversions["\(source) \(target)"] ?? [] }

    /// The number idioms of `kind` for a target in `language` (empty when none are listed).
    func numberIdioms(_ kind: String, language: String) -> [NumberIdiom] { numberIdioms["\(language) \(kind)"] ?? [] }

    /// The forms listed for `role` in `language` (empty when none are).
    func words(_ role: String, language: String) -> [String] { roleWords["\(language) \(role)"] ?? [] }

    /// Whether `word` (any case) is a common English word or one of its -s, -es, -ed, -ing forms.
    func isCommonEnglish(_ word: String) -> Bool {
        let lower = word.lowercased()
        if commonEnglish.contains(lower) { return true }
        for ending in ["s", "es", "ed", "d", "ing"] where lower.hasSuffix(ending) && lower.count > ending.count + 2 {
            let stem = String(lower.dropLast(ending.count))
            if commonEnglish.contains(stem) || commonEnglish.contains(stem + "e") { return true }
        }
        return false
    }

    private static func load(_ name: String) -> [String: [String: Double]] {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: name, extension: "tsv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        var table: [String: [String: Double]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 3, let value = Double(fields[1]) else { continue }
            for form in fields[2].split(separator: " ") {
                table[String(fields[0]), default: [:]][String(form)] = value
            }
        }
        return table
    }
}
