import Foundation

/// The word lists in Data/ (number words, month names, scale words): language → lower-case form → value.
struct WordLists: Sendable {
    let numberWords: [String: [String: Double]]
    let months: [String: [String: Double]]
    let scales: [String: [String: Double]]

    static let shared = WordLists()

    private init() {
        numberWords = Self.load("number-words")
        months = Self.load("months")
        scales = Self.load("scale-words")
    }

    private static func load(_ name: String) -> [String: [String: Double]] {
        guard let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Data"),
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
