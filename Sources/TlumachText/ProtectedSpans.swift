import ICU

/// Finds the parts of a paragraph no rule may change: inline code (`…`), URLs, e-mail addresses, Markdown link
/// destinations and values quoted in code (`STARTUP="$1"`). (Fenced code blocks are whole blocks, handled before
/// paragraphs.)
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
        // One pass says which kinds can occur at all (every scheme but www. has a colon); the markers are
        // independent, so skipping one that cannot match changes nothing.
        var code = false, tag = false, link = false, url = false, email = false, assigned = false
        let s = scalars
        for index in s.indices {
            switch s[index] {
            case "`": code = true
            case "\"", "'": if index > 0 && (s[index - 1] == "=" || s[index - 1] == ":" || s[index - 1] == "(") { assigned = true }
            case "<": tag = true
            case "]": if index + 1 < s.count && s[index + 1] == "(" { link = true }
            case ":": url = true
            case "w", "W":
                if index + 3 < s.count, s[index + 1] == "w" || s[index + 1] == "W", s[index + 2] == "w" || s[index + 2] == "W",
                    s[index + 3] == "."
                {
                    url = true
                }
            case "@": email = true
            default: break
            }
        }
        if code { markInlineCode(scalars, &flags) }
        if tag { markHTMLTags(scalars, &flags) }
        if link { markLinks(scalars, &flags) }
        if url { markURLs(scalars, &flags) }
        if email { markEmails(scalars, &flags) }
        if assigned { markAssignedValues(scalars, &flags) }
        return flags
    }

    /// A value quoted in code: a straight quotation mark right after `=`, `:` or `(` that follow a name (ASCII
    /// letters, digits, `_ - ] )`: `STARTUP="$1"`, `position='top'`, Evolution's search `location:"On This
    /// Computer"`, a call's argument `get_property("prop-name")`), up to the same mark on the same line. Prose
    /// puts a space before its quotations and brackets (Він сказав: "так"; the word ("quoted")). A mark that
    /// closes a quotation opened earlier on the line (a "Re:" prefix) is none of these.
    private static func markAssignedValues(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 2
        while index < s.count {
            let mark = s[index]
            guard mark == "\"" || mark == "'", s[index - 1] == "=" || s[index - 1] == ":" || s[index - 1] == "(",
                isNameEnd(s[index - 2]), opensOnItsLine(s, index)
            else {
                index += 1
                continue
            }
            var end = index + 1
            while end < s.count && s[end] != mark && s[end] != "\n" { end += 1 }
            guard end < s.count && s[end] == mark else {
                index += 1
                continue
            }
            for position in index...end { flags[position] = true }
            index = end + 1
        }
    }

    /// Whether the straight mark at `index` has an even number of its kind before it on its line.
    private static func opensOnItsLine(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        var count = 0
        var position = index - 1
        while position >= 0 && s[position] != "\n" {
            if s[position] == s[index] { count += 1 }
            position -= 1
        }
        return count % 2 == 0
    }

    static func isNameEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "-", "]", ")": true
        default: false
        }
    }

    /// Letters of words, not counting the modifier-letter apostrophes (ʼ ʹ), which Unicode files as letters.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        classOf(scalar).contains(.letter) && scalar.value != 0x2BC && scalar.value != 0x2B9
    }

    /// Characters the invisible-character rules remove: detection looks through them so that it finds the same
    /// spans before and after they are gone.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF: true
        default: false
        }
    }

    /// The character before `index`, looking through invisible characters and combining marks (whose base
    /// letter is what counts, composed by NFC or not).
    private static func visibleBefore(_ s: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar? {
        var position = index - 1
        while position >= 0 && (isInvisible(s[position]) || classOf(s[position]).contains(.mark)) {
            position -= 1
        }
        return position >= 0 ? s[position] : nil
    }

    private static func visibleAfter(_ s: [Unicode.Scalar], _ index: Int) -> Unicode.Scalar? {
        var position = index + 1
        while position < s.count && isInvisible(s[position]) { position += 1 }
        return position < s.count ? s[position] : nil
    }

    private static func isCyrillicLetter(_ scalar: Unicode.Scalar) -> Bool {
        classOf(scalar).isSuperset(of: [.letter, .cyrillic])
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
            let (runEnd, length) = backtickRun(s, index)
            if length == 1, let before = visibleBefore(s, index), let after = visibleAfter(s, index),
                isLetter(before), isLetter(after), isCyrillicLetter(before) || isCyrillicLetter(after)
            {
                index = runEnd
                continue
            }
            var search = runEnd
            var closed = false
            while search < s.count {
                if s[search] == "`" {
                    let (closeEnd, closeLength) = backtickRun(s, search)
                    if closeLength == length {
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

    /// The end of the run of backticks at `start` and how many backticks it has; invisible characters between
    /// backticks do not split a run (they are removed later, and the run must be the same before and after).
    private static func backtickRun(_ s: [Unicode.Scalar], _ start: Int) -> (end: Int, count: Int) {
        var end = start
        var count = 0
        var position = start
        while position < s.count {
            if s[position] == "`" {
                count += 1
                position += 1
                end = position
            } else if isInvisible(s[position]) {
                position += 1
            } else {
                break
            }
        }
        return (end, count)
    }

    /// Inline HTML tags and autolinks: "<" then a letter, "/" or "!", up to the next ">" (with no "<" between).
    private static func markHTMLTags(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 0
        while index + 1 < s.count {
            guard s[index] == "<", s[index + 1].isASCII,
                s[index + 1].properties.isAlphabetic || s[index + 1] == "/" || s[index + 1] == "!"
            else {
                index += 1
                continue
            }
            var end = index + 1
            while end < s.count && s[end] != ">" && s[end] != "<" && s[end] != "\n" { end += 1 }
            if end < s.count && s[end] == ">" {
                for position in index...end { flags[position] = true }
                index = end + 1
            } else {
                index += 1
            }
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
        // Typographic quotes and spaces never occur in a URL (they would be percent-encoded). Straight quotes do
        // (?q="x"&y='z'): a URL is one token up to whitespace; a quote closing a quotation around it is trimmed below.
        case " ", "\n", "\t", "\r", "<", ">", "«", "»", "“", "”", "„", "‘", "’", "‚", "‹", "›", "`": return true
        default: return Rules.isSpecialSpace(scalar) || isInvisible(scalar)
        }
    }

    private static func markURLs(_ s: [Unicode.Scalar], _ flags: inout [Bool]) {
        var index = 0
        while index < s.count {
            // The first letter first: the word-start test asks Unicode properties.
            guard s[index] == "h" || s[index] == "w" || s[index] == "f" || s[index] == "m"
                || s[index] == "H" || s[index] == "W",
                visibleBefore(s, index).map({ !(isLetter($0) || $0.properties.numericType != nil) }) ?? true
            else {
                index += 1
                continue
            }
            var matched = false
            for scheme in schemes where index + scheme.count < s.count {
                var equal = true
                // The schemes are ASCII; only ASCII letters fold to them (the Kelvin sign folds to k, in none).
                for (offset, character) in scheme.enumerated() {
                    let value = s[index + offset].value
                    let folded = value >= 0x41 && value <= 0x5A ? value | 0x20 : value
                    if folded != character.value {
                        equal = false
                        break
                    }
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
            var opens = 0
            var closes = 0
            var doubles = 0
            var singles = 0
            while end < s.count && !endsURL(s[end]) {
                switch s[end] {
                case "(": opens += 1
                case ")": closes += 1
                case "\"": doubles += 1
                case "'": singles += 1
                default: break
                }
                end += 1
            }
            // Trailing punctuation belongs to the sentence, a closing bracket only if the URL opened one, and a
            // straight quote only if the URL holds its partner (?q="x"); otherwise it closes a quotation.
            while end > index {
                let last = s[end - 1]
                if ".,;:!?".unicodeScalars.contains(last) {
                    end -= 1
                } else if last == ")" && closes > opens {
                    closes -= 1
                    end -= 1
                } else if last == "\"" && doubles % 2 == 1 {
                    doubles -= 1
                    end -= 1
                } else if last == "'" && singles % 2 == 1 {
                    singles -= 1
                    end -= 1
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
