/// A number as written in a text, with the values it can stand for in its language.
struct NumberToken {
    /// As written ("2 500", "2,5", "24.08.2024").
    var text: String
    /// Values under the language's conventions (several when a scale word follows: 2.5 and 2 500 000 for
    /// "2,5 млн"); empty for date- and time-like tokens, which compare by their parts.
    var values: [Double]
    /// The digit groups as integers without leading zeros ("24.08.2024" → 24, 8, 2024): how dates, times and
    /// version numbers compare when their values cannot.
    var parts: [String]
    /// Where it stands in the text's scalars.
    var range: Range<Int>
}

/// Reads the numbers of a text by its language's conventions. Ukrainian groups digits with spaces (plain, no-break
/// or narrow) and writes a decimal comma; English groups with commas (or SI spaces) and writes a decimal point;
/// so "2 500" ≡ "2,500" and "2,5" ≡ "2.5" across the pair. Separators that appear twice or `:` `/` make a date,
/// time or version, compared by its parts.
enum NumberScanner {
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
    static func isGroupSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\u{A0}" || scalar == "\u{202F}" || scalar == "\u{2009}"
    }

    static func scan(_ text: AnalyzedText, language: String) -> [NumberToken] {
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        var tokens: [NumberToken] = []
        var index = 0
        let count = scalars.count
        while index < count {
            guard isDigit(scalars[index]), masked?[index] != true else {
                // A character reference (`&#x2014;`, `&#8212;`) names a character, not a number.
                index = scalars[index] == "&" ? characterReferenceEnd(scalars, from: index) ?? index + 1 : index + 1
                continue
            }
            let start = index
            var groups: [Range<Int>] = []
            var separators: [Unicode.Scalar] = []
            var groupStart = index
            while index < count && isDigit(scalars[index]) { index += 1 }
            groups.append(groupStart..<index)
            while index + 1 < count, isDigit(scalars[index + 1]), masked?[index + 1] != true {
                let separator = scalars[index]
                if isGroupSpace(separator) {
                    // A space groups only three digits after one to three, and only after earlier space groups.
                    var end = index + 1
                    while end < count && isDigit(scalars[end]) { end += 1 }
                    let previousOK = separators.allSatisfy(isGroupSpace)
                        && (separators.isEmpty ? groups[0].count <= 3 : groups.last?.count == 3)
                    guard end - index - 1 == 3, previousOK else { break }
                } else if !(separator == "," || separator == "." || separator == ":" || separator == "/") {
                    break
                }
                separators.append(separator)
                index += 1
                groupStart = index
                while index < count && isDigit(scalars[index]) { index += 1 }
                groups.append(groupStart..<index)
            }
            let digits = groups.map { range -> String in ScalarString.make(scalars[range]) }
            var values = interpret(digits: digits, separators: separators, language: language)
            if !values.isEmpty, let scale = scaleAfter(scalars, index, language: language) {
                values += values.map { $0 * scale }
            }
            let parts = digits.map { digits -> String in
                let trimmed = digits.drop { $0 == "0" }
                return trimmed.isEmpty ? "0" : String(trimmed)
            }
            tokens.append(NumberToken(text: PlaceholderScanner.text(scalars, start..<index), values: values, parts: parts, range: start..<index))
        }
        return tokens
    }

    /// A camel-case name split at its capitals with hyphens (lyx: "FiveAuthors" → "Five-Authors"); other words as
    /// they are.
    static func camelCaseParts(_ word: String) -> String {
        var result = String.UnicodeScalarView()
        var previousLower = false
        var split = false
        for scalar in word.unicodeScalars {
            let upper = scalar.isASCII && scalar.properties.isUppercase
            if upper && previousLower {
                result.append("-")
                split = true
            }
            result.append(scalar)
            previousLower = scalar.isASCII && scalar.properties.isLowercase
        }
        return split ? String(result) : word
    }

    /// The index after `&#…;` or `&#x…;` starting at `start` (at most eight digits), or nil when there is none.
    static func characterReferenceEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        guard index < scalars.count, scalars[index] == "#" else { return nil }
        index += 1
        let hex = index < scalars.count && (scalars[index] == "x" || scalars[index] == "X")
        if hex { index += 1 }
        let digitsStart = index
        while index < scalars.count && index - digitsStart <= 8
            && (isDigit(scalars[index]) || (hex && "abcdefABCDEF".unicodeScalars.contains(scalars[index])))
        {
            index += 1
        }
        guard index > digitsStart, index < scalars.count, scalars[index] == ";" else { return nil }
        return index + 1
    }

    /// The values a digit sequence stands for in `language`, or none when it is a date, time or list.
    static func interpret(digits: [String], separators: [Unicode.Scalar], language: String) -> [Double] {
        if separators.isEmpty { return Double(digits[0]).map { [$0] } ?? [] }
        if separators.contains(":") || separators.contains("/") { return [] }
        let spaces = separators.filter(isGroupSpace).count
        let commas = separators.filter { $0 == "," }.count
        let points = separators.filter { $0 == "." }.count
        if points > 1 && commas == 0 && spaces == 0 { return [] }  // 24.08.2024, 3.14.2
        var integer = ""
        var fraction = ""
        let groupedByComma = commas > 0 && points <= 1 && (1..<digits.count).allSatisfy { index in
            separators[index - 1] != "," || digits[index].count == 3
        } && (points == 0 || separators.last == ".")
        let decimal: Unicode.Scalar?
        if language == "uk" || language == "ru" {
            // Decimal comma; a lone point is read as a decimal point too (often typed so).
            if commas > 1 { return [] }
            decimal = commas == 1 ? "," : points == 1 ? "." : nil
            if commas == 1 && points > 0 { return [] }
        } else {
            if groupedByComma {
                decimal = points == 1 ? "." : nil
            } else if commas == 1 && points == 0 {
                decimal = ","  // "1,5" in English copy: a decimal comma typed by habit
            } else if points == 1 && commas == 0 {
                decimal = "."
            } else if points == 0 && commas == 0 {
                decimal = nil  // SI-style space grouping
            } else {
                return []
            }
        }
        var afterDecimal = false
        for (index, group) in digits.enumerated() {
            if index > 0 && separators[index - 1] == decimal { afterDecimal = true }
            if afterDecimal { fraction += group } else { integer += group }
        }
        guard let value = Double(fraction.isEmpty ? integer : "\(integer).\(fraction)") else { return [] }
        return [value]
    }

    /// The multiplier of a scale word right after a number ("2,5 млн", "2.5 million", "5k").
    static func scaleAfter(_ scalars: [Unicode.Scalar], _ end: Int, language: String) -> Double? {
        guard let table = WordLists.shared.scales[language] else { return nil }
        var index = end
        if index < scalars.count && isGroupSpace(scalars[index]) { index += 1 }
        var word = ""
        while index < scalars.count && WordScanner.isLetter(scalars[index]) && word.unicodeScalars.count < 12 {
            word.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !word.isEmpty else { return nil }
        return table[word.lowercased()]
    }

    /// Values the words of a text may stand for: number words and months, as parts ("2", "8"); a tens word
    /// followed by a units word also as their sum ("twenty four" → 24, 20 and 4).
    static func wordValues(_ text: AnalyzedText, language: String) -> [String: Int] {
        let lists = WordLists.shared
        let numbers = lists.numberWords[language] ?? [:]
        let months = lists.months[language] ?? [:]
        var result: [String: Int] = [:]
        var tens: Int?
        for word in text.words {
            for part in camelCaseParts(word.text).lowercased().split(separator: "-") {
                let lower = String(part)
                guard let value = numbers[lower] ?? months[lower] else {
                    tens = nil
                    continue
                }
                result[String(Int(value)), default: 0] += 1
                let number = Int(value)
                if let tens, (1...9).contains(number), numbers[lower] != nil { result[String(tens + number), default: 0] += 1 }
                tens = numbers[lower] != nil && (20...90).contains(number) && number % 10 == 0 ? number : nil
            }
        }
        return result
    }
}
