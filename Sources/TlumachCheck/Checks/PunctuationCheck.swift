/// `punctuation`: end punctuation, quote style of the target language, doubled punctuation, a space before
/// punctuation, doubled spaces.
public struct PunctuationCheck: Check {
    public static let description = CheckDescription(
        id: "punctuation", name: "Punctuation",
        summary: "End punctuation differs beyond language conventions; quotes are not the target language's; punctuation is doubled; a space stands before punctuation; spaces are doubled.",
        rationale: """
            End punctuation is compared after closing quotes and brackets are set aside, so a closing quote moved \
            around the full stop (English “….” and Ukrainian «…».) is not reported; "..." equals "…". Ukrainian \
            targets use «…» with „…“ nested; English targets use “…” and ‘…’: straight quotes or the other \
            language's quotes are reported. Doubled punctuation, a space before , . ; : ! ? and doubled spaces \
            are reported only when the source does not have them too (a copied layout is not a translation \
            error). Placeholders, tags and URLs are skipped.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("The exchange took place.", "Обмін відбувся", note: "The full stop is lost."),
            .triggering("Is the exchange over?", "Обмін завершено."),
            .triggering("He said \"yes\".", "Він сказав \"так\".", note: "Straight quotes in a Ukrainian target."),
            .triggering("He said “yes”.", "Він сказав “так”.", note: "English quotes in a Ukrainian target."),
            .triggering("Prisoners, civilians.", "Полонені,, цивільні.", note: "A doubled comma."),
            .triggering("Prisoners, civilians.", "Полонені , цивільні.", note: "A space before a comma."),
            .triggering("Prisoners and civilians.", "Полонені  і цивільні.", note: "A doubled space."),
            .passing("“More than 2,500 defenders were returned.”", "«Понад 2 500 захисників повернули».", note: "The closing quote moved around the full stop."),
            .passing("He said “yes”.", "Він сказав «так».", note: "«…» in a Ukrainian target."),
            .passing("He said “it is ‘final’”.", "Він сказав «це „остаточно“».", note: "Nested quotes."),
            .passing("Wait...", "Зачекайте…", note: "Three dots equal an ellipsis."),
            .passing("Він сказав «так».", "He said “yes.”", from: "uk", to: "en"),
        ])

    public init(environment: CheckEnvironment) {}

    enum EndMark: String {
        case none = "nothing", period = "“.”", ellipsis = "“…”", question = "“?”", exclamation = "“!”",
            colon = "“:”", semicolon = "“;”", comma = "“,”"
    }

    /// Closing quotes and brackets, set aside when comparing end punctuation.
    @inline(__always)
    static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\"", "'", "”", "’", "»", "“", "‘", ")", "]", "›", "\u{201F}": true
        default: false
        }
    }

    @inline(__always)
    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", ":", "!", "?": true
        default: false
        }
    }

    static func endMark(_ scalars: [Unicode.Scalar]) -> EndMark {
        var index = scalars.count - 1
        while index >= 0 && (CharacterClass.isSpace(scalars[index]) || isCloser(scalars[index])) { index -= 1 }
        guard index >= 0 else { return .none }
        switch scalars[index] {
        case ".":
            return index >= 2 && scalars[index - 1] == "." && scalars[index - 2] == "." ? .ellipsis : .period
        case "…": return .ellipsis
        case "?", "？": return .question
        case "!", "！": return .exclamation
        case ":": return .colon
        case ";":
            // "&gt;" and "&#8230;" are character references, not a semicolon.
            var start = index - 1
            while start >= 0 && (PlaceholderScanner.isASCIILetter(scalars[start]) || PlaceholderScanner.isDigit(scalars[start]) || scalars[start] == "#") {
                start -= 1
            }
            if start >= 0 && start < index - 1 && scalars[start] == "&" { return .none }
            return .semicolon
        case ",": return .comma
        default: return .none
        }
    }

    static func quoteProblem(_ text: AnalyzedText, language: String) -> String? {
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        var hasLowQuote = false
        for (index, scalar) in scalars.enumerated() where masked?[index] != true {
            switch language {
            case "uk":
                if scalar == "\u{201E}" { hasLowQuote = true }
                if scalar == "\"" { return "straight quotes \" in a Ukrainian target: use «…» (and „…“ inside)" }
                if scalar == "\u{201D}" || (scalar == "\u{201C}" && !hasLowQuote) {
                    return "English quotes “…” in a Ukrainian target: use «…» (and „…“ inside)"
                }
            case "en":
                if scalar == "«" || scalar == "»" || scalar == "\u{201E}" {
                    return "quotes \(scalar) in an English target: use “…” (and ‘…’ inside)"
                }
                if scalar == "\"" { return "straight quotes \" in an English target: use “…” (and ‘…’ inside)" }
            default:
                return nil
            }
        }
        return nil
    }

    static func contains(_ scalars: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        guard pattern.count <= scalars.count else { return false }
        for start in 0...(scalars.count - pattern.count) where scalars[start] == pattern[0] {
            if Array(scalars[start..<(start + pattern.count)]) == pattern { return true }
        }
        return false
    }


    public func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let source = unit.sourceText.scalars
        let targetText = unit.targetText
        let target = targetText.scalars
        var issues: [Issue] = []
        let sourceEnd = Self.endMark(source)
        let targetEnd = Self.endMark(target)
        if sourceEnd != targetEnd && !(unit.unit.sourceCodes.isEmpty == false && targetEnd == .none) {
            issues.append(Issue("end punctuation differs: the source ends with \(sourceEnd.rawValue), the target with \(targetEnd.rawValue)"))
        }
        if let problem = Self.quoteProblem(targetText, language: unit.targetLanguage),
            !(unit.sourceLanguage == unit.targetLanguage)
        {
            issues.append(Issue(problem))
        }
        let masked = targetText.hasMaskedSpans ? targetText.masked : nil
        var reportedDouble = false
        var reportedSpaceBefore = false
        var reportedDoubleSpace = false
        var index = 1
        while index < target.count {
            defer { index += 1 }
            if masked?[index] == true || masked?[index - 1] == true { continue }
            let scalar = target[index]
            let previous = target[index - 1]
            if !reportedDouble, scalar == previous, Self.isMark(scalar), scalar != "!" && scalar != "?" {
                let isEllipsis = scalar == "." && ((index + 1 < target.count && target[index + 1] == ".") || (index >= 2 && target[index - 2] == "."))
                if !isEllipsis && !Self.contains(source, [scalar, scalar]) {
                    reportedDouble = true
                    issues.append(Issue("doubled punctuation \(scalar)\(scalar)", suggestion: String(Character(scalar))))
                }
            }
            if !reportedSpaceBefore, Self.isMark(scalar), previous == " " || previous == "\u{A0}", index >= 2,
                !CharacterClass.isSpace(target[index - 2])
            {
                let next = index + 1 < target.count ? target[index + 1] : " "
                let endsWord = CharacterClass.isSpace(next) || Self.isCloser(next) || Self.isMark(next)
                let isEllipsis = scalar == "." && next == "."
                if endsWord && !isEllipsis && !Self.contains(source, [" ", scalar]) && !Self.contains(source, ["\u{A0}", scalar]) {
                    reportedSpaceBefore = true
                    issues.append(Issue("a space before \(scalar)"))
                }
            }
            if !reportedDoubleSpace, scalar == " ", previous == " ", index >= 2, !CharacterClass.isSpace(target[index - 2]),
                index + 1 < target.count, !CharacterClass.isSpace(target[index + 1]), !Self.contains(source, [" ", " "])
            {
                reportedDoubleSpace = true
                issues.append(Issue("doubled space", suggestion: " "))
            }
        }
        return issues
    }
}
