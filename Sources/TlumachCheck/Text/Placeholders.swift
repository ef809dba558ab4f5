/// A placeholder or markup tag in a text.
public struct Placeholder: Sendable, Hashable {
    public enum Kind: String, Sendable {
        case printf, qt, brace, tag
    }

    public var kind: Kind
    /// What must match across source and target: `1$s` for the first unnumbered `%s`, `{name}`, `<b>`, `</b>`.
    public var key: String
    /// As written.
    public var text: String
    /// Range in the text's scalars.
    public var range: Range<Int>
}

/// Finds printf (`%s`, `%1$d`, `%.2f`, `%lld`, `%@`, `%(name)s`), Qt (`%1`), named (`%name%`), brace (`{0}`, `{name}`, ICU
/// MessageFormat arguments and their nested sub-messages) placeholders and HTML/XML tags. A space is not accepted
/// as a printf flag, so "100% sure" is text, not `% s`. `objectPascal`: a message marked `object-pascal-format`
/// (Lazarus), whose `Format` also takes an index before a colon (`%0:s`, `%1:-8d`). `mediaWiki`: a message of a
/// MediaWiki catalog, whose parameters are `$1`…`$99` (read as Qt's numbered kind: a value may repeat). `pod`: a
/// po4a catalog's (`DocumentTraits.podFormatting`), whose `B<…>` and `I<…>` are fonts, not tags.
package enum PlaceholderScanner {
    package static func scan(
        _ scalars: [Unicode.Scalar], objectPascal: Bool = false, mediaWiki: Bool = false, pod: Bool = false
    ) -> [Placeholder] {
        var result: [Placeholder] = []
        var index = 0
        let count = scalars.count
        var sequential = 0
        var closedNames: Set<String>?
        while index < count {
            let scalar = scalars[index]
            if scalar == "%" {
                if index + 1 < count && scalars[index + 1] == "%" {
                    index += 2
                    continue
                }
                if let end = percentName(scalars, from: index) {
                    let text = text(scalars, index..<end)
                    result.append(Placeholder(kind: .qt, key: text, text: text, range: index..<end))
                    index = end
                    continue
                }
                if let (end, key) = printf(scalars, from: index, objectPascal: objectPascal) {
                    var finalKey = key
                    if key.first == "$" {
                        sequential += 1
                        finalKey = "\(sequential)\(key)"
                    }
                    result.append(Placeholder(kind: .printf, key: finalKey, text: text(scalars, index..<end), range: index..<end))
                    index = end
                    continue
                }
                if let end = qt(scalars, from: index) {
                    let text = text(scalars, index..<end)
                    result.append(Placeholder(kind: .qt, key: text, text: text, range: index..<end))
                    index = end
                    // boost::format's `%1%` (PrusaSlicer: "Press %1%left mouse button"): the closing percent sign
                    // starts nothing ("%le" is no placeholder); before a digit it may start Qt's next one ("%1%2").
                    if index < count && scalars[index] == "%" && !(index + 1 < count && (isDigit(scalars[index + 1]) || scalars[index + 1] == "%")) {
                        index += 1
                    }
                    continue
                }
            } else if scalar == "$", mediaWiki, let end = dollar(scalars, from: index) {
                let text = text(scalars, index..<end)
                result.append(Placeholder(kind: .qt, key: text, text: text, range: index..<end))
                index = end
                continue
            } else if scalar == "{" {
                if index + 1 < count && scalars[index + 1] == "{" {
                    index += 2
                    continue
                }
                if let end = brace(scalars, from: index, into: &result) {
                    index = end
                    continue
                }
            } else if scalar == "<" {
                // A POD formatting code's "<" ("B</dir>", "I<<label>>") opens no tag.
                if pod && DocumentTraits.isPodCodeStart(scalars, index) {
                    index += 1
                    continue
                }
                if let (end, key) = tag(scalars, from: index, closedNames: &closedNames) {
                    result.append(Placeholder(kind: .tag, key: key, text: text(scalars, index..<end), range: index..<end))
                    index = end
                    continue
                }
            }
            index += 1
        }
        return result
    }

    static func text(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        ScalarString.make(scalars[range])
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }
    static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
    static func isIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        isASCIILetter(scalar) || isDigit(scalar) || scalar == "_" || scalar == "."
    }

    /// `%[(name)][N$][flags][width][.precision][length]conversion`. The key is `N$conv`, `(name)conv`, or `$conv`
    /// (to be numbered in order) so reordering with positions is allowed.
    static func printf(_ scalars: [Unicode.Scalar], from start: Int, objectPascal: Bool = false) -> (Int, String)? {
        var index = start + 1
        let count = scalars.count
        var name: String?
        var position: String?
        if index < count && scalars[index] == "(" {
            var end = index + 1
            while end < count && scalars[end] != ")" && isIdentifier(scalars[end]) { end += 1 }
            guard end < count, scalars[end] == ")", end > index + 1 else { return nil }
            name = text(scalars, (index + 1)..<end)
            index = end + 1
        } else {
            var end = index
            while end < count && isDigit(scalars[end]) { end += 1 }
            if end > index && end < count && (scalars[end] == "$" || (objectPascal && scalars[end] == ":")) {
                position = text(scalars, index..<end)
                index = end + 1
            }
        }
        while index < count && "-+#0'".unicodeScalars.contains(scalars[index]) { index += 1 }
        while index < count && (isDigit(scalars[index]) || scalars[index] == "*") { index += 1 }
        if index < count && scalars[index] == "." {
            index += 1
            while index < count && (isDigit(scalars[index]) || scalars[index] == "*") { index += 1 }
        }
        var lengthModifier = ""
        while index < count && "hlLqjzt".unicodeScalars.contains(scalars[index]) {
            lengthModifier.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index < count, "diouxXeEfFgGaAcsSpn@".unicodeScalars.contains(scalars[index])
            || (objectPascal && "DUNmMPx".unicodeScalars.contains(scalars[index]))
        else { return nil }
        // transmission-qt: "%1timed out" is Qt's %1 before a word, not printf's %1ti (ptrdiff_t): a rare length
        // modifier (t, z, j, q) whose conversion runs on into letters is a word.
        if lengthModifier.unicodeScalars.contains(where: { "tzjq".unicodeScalars.contains($0) }), index + 1 < count,
            scalars[index + 1].properties.isAlphabetic
        {
            return nil
        }
        // Stellarium's "%3here%4", ksnip's "%1here%2": h and hh only shorten an integer, so "%3he" is Qt's %3 before a word.
        if lengthModifier.hasPrefix("h"), !"diouxXn".unicodeScalars.contains(scalars[index]) { return nil }
        let conversion = scalars[index]
        // %i prints what %d prints (seahorse-nautilus: "Imported %i key" → "Імпортовано %d ключ").
        let key = lengthModifier + (conversion == "i" ? "d" : String(Character(conversion)))
        if let name { return (index + 1, "(\(name))\(key)") }
        if let position { return (index + 1, "\(position)$\(key)") }
        return (index + 1, "$\(key)")
    }

    /// A name between percent signs (FreeCol's `%colony%`, `%enemyNation%`): a letter, then two letters, digits or
    /// underscores at least, one of them lower case, then `%`. Not where printf reads the same letters to the closing
    /// sign (`%ld%%` is a long and a percent sign), nor after a letter or digit, nor before one. Read as Qt's kind:
    /// a value may repeat.
    static func percentName(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let count = scalars.count
        guard start + 4 < count, isASCIILetter(scalars[start + 1]) else { return nil }
        if start > 0, isASCIILetter(scalars[start - 1]) || isDigit(scalars[start - 1]) { return nil }
        var index = start + 1
        while index < count && (isASCIILetter(scalars[index]) || isDigit(scalars[index]) || scalars[index] == "_") { index += 1 }
        guard index < count, scalars[index] == "%", index - start - 1 >= 3 else { return nil }
        // coreutils' usage "%REGEXP%[OFFSET]": a name in capitals is a metavariable the translation may name in its
        // own words (%ВИРАЗ%), as braces' are.
        guard scalars[(start + 1)..<index].contains(where: { (0x61...0x7A).contains($0.value) }) else { return nil }
        // aptitude's "%BRemove%b": a format code glued to the next word, whose closing sign starts another code.
        if index + 1 < count, isASCIILetter(scalars[index + 1]) || isDigit(scalars[index + 1]) { return nil }
        if let (end, _) = printf(scalars, from: start), end == index { return nil }
        return index + 1
    }

    /// MediaWiki's `$1`…`$99`, not inside a word or a number and not followed by a digit.
    static func dollar(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        let count = scalars.count
        guard start + 1 < count, isDigit(scalars[start + 1]), scalars[start + 1] != "0" else { return nil }
        if start > 0, isIdentifier(scalars[start - 1]) || scalars[start - 1] == "$" || scalars[start - 1] == "\\" { return nil }
        var index = start + 1
        while index < count && isDigit(scalars[index]) && index - start <= 2 { index += 1 }
        return index < count && isDigit(scalars[index]) ? nil : index
    }

    /// Qt and KDE: `%1`…`%99`, not followed by a digit; a percent sign may follow (kruler: "%1%" → "%1 %").
    static func qt(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var index = start + 1
        let count = scalars.count
        guard index < count, isDigit(scalars[index]), scalars[index] != "0" else { return nil }
        while index < count && isDigit(scalars[index]) && index - start <= 2 { index += 1 }
        if index < count && isDigit(scalars[index]) { return nil }
        // "50%1" after a digit is a percentage followed by text, not a placeholder; "%1%2" is two placeholders.
        if start > 0 && isDigit(scalars[start - 1]) {
            var digits = start - 1
            while digits > 0 && isDigit(scalars[digits - 1]) { digits -= 1 }
            guard digits > 0, scalars[digits - 1] == "%", digits < 2 || scalars[digits - 2] != "%" else { return nil }
        }
        return index
    }

    /// `{name}`, `{0}`, `{name:format}`, `{}` and ICU MessageFormat `{n, plural, one {…} other {…}}`, whose
    /// sub-messages are scanned for nested arguments. Returns the index after the closing brace.
    static func brace(_ scalars: [Unicode.Scalar], from start: Int, into result: inout [Placeholder]) -> Int? {
        var index = start + 1
        let count = scalars.count
        while index < count && isIdentifier(scalars[index]) { index += 1 }
        let name = text(scalars, (start + 1)..<index)
        guard index < count else { return nil }
        if scalars[index] == "}" {
            guard name.isEmpty || name.unicodeScalars.first.map({ isASCIILetter($0) || isDigit($0) || $0 == "_" }) == true
            else { return nil }
            result.append(Placeholder(kind: .brace, key: "{\(name)}", text: text(scalars, start..<(index + 1)), range: start..<(index + 1)))
            return index + 1
        }
        guard !name.isEmpty else { return nil }
        if scalars[index] == ":" || scalars[index] == "!" {
            // Python format spec: up to the closing brace.
            var end = index
            while end < count && scalars[end] != "}" && scalars[end] != "{" && end - index < 40 { end += 1 }
            guard end < count, scalars[end] == "}" else { return nil }
            result.append(Placeholder(kind: .brace, key: "{\(name)}", text: text(scalars, start..<(end + 1)), range: start..<(end + 1)))
            return end + 1
        }
        guard scalars[index] == "," else { return nil }
        // MessageFormat: {name, type[, style]} — style may hold sub-messages in braces.
        var depth = 1
        var end = index + 1
        var typeEnd = end
        while typeEnd < count && scalars[typeEnd] != "," && scalars[typeEnd] != "}" { typeEnd += 1 }
        let type = text(scalars, (index + 1)..<min(typeEnd, count)).trimmingCharacters(in: " ")
        guard !type.isEmpty, type.unicodeScalars.allSatisfy(isASCIILetter) else { return nil }
        var nested: [Placeholder] = []
        while end < count && depth > 0 {
            if scalars[end] == "{" {
                if depth >= 2, let nestedEnd = brace(scalars, from: end, into: &nested) {
                    end = nestedEnd
                    continue
                }
                depth += 1
            } else if scalars[end] == "}" {
                depth -= 1
            }
            end += 1
        }
        guard depth == 0 else { return nil }
        result.append(Placeholder(kind: .brace, key: "{\(name), \(type)}", text: "{\(name), \(type), …}", range: start..<end))
        result.append(contentsOf: nested)
        return end
    }

    /// `<b>`, `</b>`, `<br/>`, `<a href="…">`: keyed by name and role, attributes ignored. `closedNames`: the
    /// names of the text's closing tags, found on the first bare opening tag of an unknown name that needs them.
    static func tag(_ scalars: [Unicode.Scalar], from start: Int, closedNames: inout Set<String>?) -> (Int, String)? {
        var index = start + 1
        let count = scalars.count
        var closing = false
        if index < count && scalars[index] == "/" {
            closing = true
            index += 1
        }
        guard index < count, isASCIILetter(scalars[index]) else { return nil }
        let nameStart = index
        while index < count && (isASCIILetter(scalars[index]) || isDigit(scalars[index]) || scalars[index] == ":" || scalars[index] == "-" || scalars[index] == "_") {
            index += 1
        }
        let name = text(scalars, nameStart..<index).lowercased()
        guard index < count else { return nil }
        var selfClosing = false
        if scalars[index] != ">" {
            guard scalars[index] == " " || scalars[index] == "/" || scalars[index] == "\n" || scalars[index] == "\t" else { return nil }
            var quote: Unicode.Scalar?
            while index < count {
                let scalar = scalars[index]
                if let open = quote {
                    if scalar == open { quote = nil }
                } else if scalar == "\"" || scalar == "'" {
                    quote = scalar
                } else if scalar == ">" {
                    break
                } else if scalar == "<" {
                    return nil
                }
                index += 1
            }
            guard index < count else { return nil }
            selfClosing = scalars[index - 1] == "/"
        }
        // "<file>" or "<corrupt R2>" in a help text is a metavariable, translated with the text, not markup: only
        // known element names, closing or self-closing tags, or tags with attributes count.
        // An attribute is name=value with nothing between the name, '=' and the value ("size = %lx" is prose).
        let hasAttribute = (nameStart + 1..<max(nameStart + 1, index - 1)).contains { position in
            scalars[position] == "=" && isASCIILetter(scalars[position - 1])
                && !CharacterClass.isSpace(scalars[position + 1])
        }
        // KDE's KUIT: "кожні <numid>%1</numid> місяців", "<interface>Project</interface>": an element of any name
        // that the text closes is markup ("-i <interface>" alone stays a metavariable).
        if !(closing || selfClosing || hasAttribute || knownElements.contains(name)) {
            if closedNames == nil { closedNames = Self.closingTagNames(scalars) }
            guard closedNames?.contains(name) == true else { return nil }
        }
        // HTML's empty elements are one element however written (freedombox: "<br />" → "<br>").
        let key = closing ? "</\(name)>" : selfClosing && !emptyElements.contains(name) ? "<\(name)/>" : "<\(name)>"
        return (index + 1, key)
    }

    /// The lower-case names of a text's closing tags (`</numid>` → "numid").
    static func closingTagNames(_ scalars: [Unicode.Scalar]) -> Set<String> {
        var names = Set<String>()
        var index = 0
        while index + 2 < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "<", scalars[index + 1] == "/" else { continue }
            var end = index + 2
            while end < scalars.count && (isASCIILetter(scalars[end]) || isDigit(scalars[end]) || scalars[end] == ":" || scalars[end] == "-" || scalars[end] == "_") {
                end += 1
            }
            let name = (index + 2)..<end
            // XML allows spaces before the end of a closing tag (krusader's handbook: "</KrusaderUserActions >").
            while end < scalars.count && scalars[end] == " " { end += 1 }
            if !name.isEmpty, end < scalars.count, scalars[end] == ">" { names.insert(text(scalars, name).lowercased()) }
        }
        return names
    }

    /// HTML elements that never have content, written `<br>`, `<br/>` or `<br />` alike.
    static let emptyElements: Set<String> = ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]

    /// HTML and XML inline element names taken as markup even without attributes.
    static let knownElements: Set<String> = [
        "a", "abbr", "b", "big", "blockquote", "body", "br", "button", "caption", "cite", "code", "dd", "del", "div",
        "dl", "dt", "em", "font", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "html", "i", "img", "input", "ins",
        "kbd", "label", "li", "link", "mark", "meta", "ol", "p", "pre", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "table", "tbody", "td", "th", "thead", "title", "tr", "tt", "u", "ul", "var",
        "g", "x", "ph", "bpt", "ept", "it", "mrk", "pc", "sc", "ec", "bx", "ex", "placeholder",
        // KDE's KUIT markup that no help text writes as a metavariable (<filename>, <command> are, so not those).
        "emphasis", "para",
    ]
}

extension String {
    func trimmingCharacters(in set: String) -> String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, set.unicodeScalars.contains(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, set.unicodeScalars.contains(last) { scalars = scalars.dropLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}

/// A URL or e-mail address in a text.
public struct Link: Sendable, Hashable {
    public var text: String
    public var range: Range<Int>
    public var isEmail: Bool
}

/// Finds http(s)/ftp URLs, `www.` addresses and e-mail addresses; trailing sentence punctuation is not part of a
/// URL, and a closing bracket only when the URL opened one.
enum LinkScanner {
    static func isStopper(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\t", "\n", "\r", "<", ">", "\"", "«", "»", "“", "”", "„", "\u{A0}", "'", "‘", "’", "`": true
        default: false
        }
    }

    static func scan(_ scalars: [Unicode.Scalar]) -> [Link] {
        var links: [Link] = []
        let count = scalars.count
        var index = 0
        while index < count {
            let scalar = scalars[index]
            if scalar == "h" || scalar == "f" || scalar == "w" || scalar == "H" || scalar == "W" {
                if index == 0 || !WordScanner.isLetter(scalars[index - 1]) {
                    if hasPrefix(scalars, index, "https://") || hasPrefix(scalars, index, "http://")
                        || hasPrefix(scalars, index, "ftp://") || hasPrefix(scalars, index, "www.")
                    {
                        let end = urlEnd(scalars, from: index)
                        let text = PlaceholderScanner.text(scalars, index..<end)
                        // A template whose host is a metavariable in angle brackets (freedombox:
                        // "https://<your.freedombox.address>", escaped "https://&lt;ваша…&gt;") names no address.
                        let host = text.range(of: "://").map { text[$0.upperBound...] }
                        if let host, host.isEmpty || host.hasPrefix("&lt;") {
                            index = end
                            continue
                        }
                        links.append(Link(text: text, range: index..<end, isEmail: false))
                        index = end
                        continue
                    }
                }
            } else if scalar == "@" {
                if let email = email(scalars, at: index) {
                    // Drop a link already covering it (mailto:…).
                    if let last = links.last, last.range.overlaps(email.range) { links.removeLast() }
                    links.append(email)
                    index = email.range.upperBound
                    continue
                }
            }
            index += 1
        }
        return links
    }

    static func hasPrefix(_ scalars: [Unicode.Scalar], _ start: Int, _ prefix: String) -> Bool {
        var index = start
        for expected in prefix.unicodeScalars {
            guard index < scalars.count else { return false }
            let actual = scalars[index]
            let lower = (0x41...0x5A).contains(actual.value) ? Unicode.Scalar(actual.value + 32)! : actual
            guard lower == expected else { return false }
            index += 1
        }
        return true
    }

    /// Where a URL starting at `start` ends: at a space, quote or angle bracket, at `|` (not a URL character;
    /// wiki markup's [[url|text]]), or at a closing parenthesis or bracket the URL did not open.
    static func urlEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        var openParens = 0
        var openBrackets = 0
        while end < scalars.count && !isStopper(scalars[end]) && scalars[end] != "|" {
            switch scalars[end] {
            case "(": openParens += 1
            case "[": openBrackets += 1
            case ")":
                if openParens == 0 { return trimmed(scalars, start, end) }
                openParens -= 1
            case "]":
                if openBrackets == 0 { return trimmed(scalars, start, end) }
                openBrackets -= 1
            case "&":
                // An entity of the document after the address (KDE's glossary: "…/anonsvn.html&linkend;"); a URL's
                // own "&amp;" stays inside.
                if let name = entityName(scalars, at: end), name != "amp" { return trimmed(scalars, start, end) }
            default: break
            }
            end += 1
        }
        return trimmed(scalars, start, end)
    }

    /// The name of a named entity (`&linkend;`, XML's names: letters, digits, dots, hyphens, underscores) starting at
    /// `index`, nil when none does.
    static func entityName(_ scalars: [Unicode.Scalar], at index: Int) -> String? {
        var end = index + 1
        guard end < scalars.count, PlaceholderScanner.isASCIILetter(scalars[end]) else { return nil }
        while end < scalars.count && end - index <= 48
            && (PlaceholderScanner.isASCIILetter(scalars[end]) || PlaceholderScanner.isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "-" || scalars[end] == "_")
        {
            end += 1
        }
        guard end < scalars.count, scalars[end] == ";" else { return nil }
        return PlaceholderScanner.text(scalars, (index + 1)..<end)
    }

    /// `end` moved back over punctuation that ends the sentence rather than the URL.
    static func trimmed(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> Int {
        var end = end
        while end > start, ".,;:!?".unicodeScalars.contains(scalars[end - 1]) { end -= 1 }
        return end
    }

    /// A mailbox's local part may have letters of any script (RFC 6531: plasma-phonebook's "користувач@example.org").
    static func isEmailCharacter(_ scalar: Unicode.Scalar) -> Bool {
        PlaceholderScanner.isASCIILetter(scalar) || PlaceholderScanner.isDigit(scalar) || "._%+-".unicodeScalars.contains(scalar)
            || (scalar.value >= 0x80 && scalar.properties.isAlphabetic)
    }

    static func email(_ scalars: [Unicode.Scalar], at: Int) -> Link? {
        var start = at
        while start > 0 && isEmailCharacter(scalars[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        var end = at + 1
        while end < scalars.count
            && (PlaceholderScanner.isASCIILetter(scalars[end]) || PlaceholderScanner.isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "-")
        {
            end += 1
        }
        while end > at + 1 && scalars[end - 1] == "." { end -= 1 }
        // The domain has a dot of its own, not only the sentence's full stop after it (valentina: "For example,
        // 1@Fabric2." is a material's number and name), and starts with a letter or digit.
        guard end > at + 3, scalars[(at + 1)..<end].contains("."),
            PlaceholderScanner.isASCIILetter(scalars[at + 1]) || PlaceholderScanner.isDigit(scalars[at + 1])
        else { return nil }
        // systemd's instantiated units ("getty@tty1.service", systemctl(1)'s "foo@bar.service") name no mailbox.
        if let dot = scalars[(at + 1)..<end].lastIndex(of: "."),
            systemdUnitTypes.contains(PlaceholderScanner.text(scalars, (dot + 1)..<end))
        {
            return nil
        }
        return Link(text: PlaceholderScanner.text(scalars, start..<end), range: start..<end, isEmail: true)
    }

    /// The unit types of systemd (systemd.unit(5)), written as a unit name's suffix.
    static let systemdUnitTypes: Set<String> = [
        "service", "socket", "device", "mount", "automount", "swap", "target", "path", "timer", "slice", "scope",
    ]
}
