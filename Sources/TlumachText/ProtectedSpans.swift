import ICU

/// Finds the parts of a paragraph no rule may change: inline code (`…`), URLs, e-mail addresses and Markdown link
/// destinations. (Fenced code blocks are whole blocks, handled before paragraphs.)
public enum ProtectedSpans {
    /// Protected ranges of `text` as UTF-8 byte ranges.
    public static func utf8Ranges(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        let flags = mark(scalars)
        var ranges: [Range<Int>] = []
        var offset = 0
        var start: Int?
        for (index, scalar) in scalars.enumerated() {
            if flags[index] {
                if start == nil { start = offset }
            } else if let open = start {
                ranges.append(open..<offset)
                start = nil
            }
            offset += UTF8.width(scalar)
        }
        if let open = start { ranges.append(open..<offset) }
        return ranges
    }

    /// One flag per scalar: true when protected.
    static func mark(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var flags = [Bool](repeating: false, count: scalars.count)
        markInlineCode(scalars, &flags)
        markLinks(scalars, &flags)
        markURLs(scalars, &flags)
        markEmails(scalars, &flags)
        return flags
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClass(of: scalar).contains(.letter)
    }

    private static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        CharacterClass(of: scalar).isSuperset(of: [.letter, .cyrillic])
    }

    /// `code` spans: a run of backticks closed by a run of the same length. A single backtick between two letters
    /// of a Cyrillic word is a mistyped apostrophe (м`ясо), not code.
    private static func markInlineCode(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 0
        while index < s.count {
            guard s[index] == "`" else {
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < s.count && s[runEnd] == "`" { runEnd += 1 }
            let length = runEnd - index
            if length == 1, index > 0, runEnd < s.count, isLetter(s[index - 1]), isLetter(s[runEnd]),
                isCyrillicLetter(s[index - 1]) || isCyrillicLetter(s[runEnd])
            {
                index = runEnd
                continue
            }
            var search = runEnd
            var closed = false
            while search < s.count {
                if s[search] == "`" {
                    var closeEnd = search
                    while closeEnd < s.count && s[closeEnd] == "`" { closeEnd += 1 }
                    if closeEnd - search == length {
                        for position in index..<closeEnd { flags[position] = true }
                        index = closeEnd
                        closed = true
                        break
                    }
                    search = closeEnd
                } else {
                    search += 1
                }
            }
            if !closed { index = runEnd }
        }
    }

    /// Markdown link destinations: the "(…)" right after "]".
    private static func markLinks(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 1
        while index < s.count {
            if s[index] == "(" && s[index - 1] == "]" {
                var end = index + 1
                while end < s.count && s[end] != ")" && s[end] != "\n" && s[end] != " " { end += 1 }
                if end < s.count && s[end] == ")" {
                    for position in index...end { flags[position] = true }
                    index = end
                }
            }
            index += 1
        }
    }

    private static let schemes: [[Unicode.Scalar]] = ["https://", "http://", "ftp://", "mailto:", "www.", "file://"]
        .map { Array($0.unicodeScalars) }

    private static func endsURL(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\n", "\t", "\r", "<", ">", "\"", "«", "»", "“", "”", "„", "\u{A0}", "`": return true
        default: return false
        }
    }

    private static func markURLs(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 0
        while index < s.count {
            let atWordStart = index == 0 || !(isLetter(s[index - 1]) || s[index - 1].properties.numericType != nil)
            guard atWordStart, s[index] == "h" || s[index] == "w" || s[index] == "f" || s[index] == "m"
                || s[index] == "H" || s[index] == "W"
            else {
                index += 1
                continue
            }
            var matched = false
            for scheme in schemes where index + scheme.count < s.count {
                var equal = true
                for (offset, character) in scheme.enumerated()
                where s[index + offset].properties.lowercaseMapping != String(character) {
                    equal = false
                    break
                }
                if equal {
                    matched = true
                    break
                }
            }
            guard matched else {
                index += 1
                continue
            }
            var end = index
            while end < s.count && !endsURL(s[end]) { end += 1 }
            // Trailing punctuation belongs to the sentence, and a closing bracket only if the URL opened one.
            while end > index {
                let last = s[end - 1]
                if ".,;:!?'’".unicodeScalars.contains(last) {
                    end -= 1
                } else if last == ")" {
                    let opens = s[index..<end].filter { $0 == "(" }.count
                    let closes = s[index..<end].filter { $0 == ")" }.count
                    if closes > opens { end -= 1 } else { break }
                } else {
                    break
                }
            }
            for position in index..<end { flags[position] = true }
            index = max(end, index + 1)
        }
    }

    private static func isEmailLocal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._%+-".unicodeScalars.contains(scalar))
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "."))
            || (scalar.value >= 0x80 && isLetter(scalar))
    }

    private static func markEmails(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        for index in s.indices where s[index] == "@" {
            var start = index
            while start > 0 && isEmailLocal(s[start - 1]) { start -= 1 }
            var end = index + 1
            while end < s.count && isDomain(s[end]) { end += 1 }
            while end > index + 1 && (s[end - 1] == "." || s[end - 1] == "-") { end -= 1 }
            let domain = s[(index + 1)..<end]
            guard start < index, domain.contains("."), domain.first != "." else { continue }
            for position in start..<end { flags[position] = true }
        }
    }
}
