import TlumachFormats

/// `placeholder-mismatch`: placeholders, markup tags and inline codes that differ between source and target.
struct PlaceholderMismatchCheck: Check {
    static let description = CheckDescription(
        id: "placeholder-mismatch", name: "Placeholders, tags and inline codes",
        summary: "A placeholder (printf, Qt, {brace}, %(name)s, %name%, ICU MessageFormat), an HTML/XML tag or an XLIFF/TMX inline code of the source is missing from the target, or the target has one the source lacks.",
        rationale: """
            A lost `%s` crashes a program or prints garbage; a lost `<b>` or inline code breaks the document. \
            Placeholders compare as a multiset, so their order may change; unnumbered printf placeholders are \
            numbered in order so `%s … %d` matches `%2$d … %1$s`. ICU MessageFormat arguments compare by name and \
            type, not by their plural branches, which legitimately differ between English (one, other) and \
            Ukrainian (one, few, many, other); likewise a PO plural form (msgstr[n]) may print the count (%d, \
            %lu) its English form leaves out, since a Ukrainian form serves several numbers. "100% sure" is text: \
            a space is not taken as a printf flag. An upper-case metavariable in braces (\\x{HEXNUMBER}) may be \
            translated into an upper-case one ({ШІСТН.ЧИСЛО}), and a LaTeX command's arguments \
            (\\section{title}) are words of help text, not placeholders. In a catalog of KDE's KUIT markup (two \
            units with `<nl/>`, `</numid>`, `</interface>`…), a translation may add KUIT elements to any message \
            (every %1 months → кожні <numid>%1</numid> місяців); an element of any name the text closes is markup. \
            A message marked `object-pascal-format` (Lazarus) takes Object Pascal's indexed `%0:s`. In a MediaWiki \
            catalog (messages with `{{PLURAL:…}}`, `{{GENDER:…}}`, `{{int:…}}`) the parameters are `$1`, `$2`… and \
            compare as sets: one the source uses only to choose a form may go unused, plural forms are each \
            language's own, wikitext's `'''bold'''` is `<strong>`, and inline HTML a translation adds renders. \
            In a catalog whose braces mark links' words (Stellarium's "{The Stellarium Wiki}" → "{Вікі \
            Stellarium}") only the number of links compares; MessageFormat's forms in braces never make a catalog one. \
            DocBook's `<quote>` may be written as quotation marks (or, with no marks, its words said otherwise), KDE's entities (`&MMB;`, `&Enter;`) as the elements \
            they stand for (`<mousebutton>`, `<keycap>`) and back, a metavariable in `<replaceable>` is translated, \
            and an interface element the source names twice word for word may be named once.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Deleted %d files", "Видалено файли"),
            .triggering("Hello, {name}!", "Привіт, {імʼя}!", note: "A translated placeholder name."),
            .triggering("<b>Warning:</b> %s", "<b>Увага: %s", note: "A lost closing tag."),
            .triggering(
                "Click Save", "Натисніть «Зберегти»", note: "An XLIFF inline code dropped.",
                sourceCodes: [InlineCode(kind: "x", id: "1", offset: 6)]),
            .triggering(
                "Click Save", "Натисніть «Зберегти»", note: "A lost <pc> and its </pc> are one finding.",
                sourceCodes: [InlineCode(kind: "pc-open", id: "1", offset: 6), InlineCode(kind: "pc-close", id: "1", offset: 10)]),
            .passing("%s of %d", "%2$d з %1$s", note: "Reordered with positions."),
            .passing("Password of the SSH Server.<br />Key-based login is not yet possible.", "Пароль сервера SSH.<br>Вхід за ключем поки неможливий.", note: "An empty element written the HTML way (freedombox)."),
            .passing("Press %1%left mouse button", "Натисніть %1%ліву кнопку миші", note: "boost::format's %1%: its closing sign starts no placeholder (PrusaSlicer)."),
            .triggering("Press %1%left mouse button", "Натисніть ліву кнопку миші", note: "The boost::format placeholder lost."),
            .passing("%1%2", "%1%2", note: "Qt's placeholders side by side."),
            .triggering("%1%2", "%1", note: "The second of two Qt placeholders side by side lost."),
            .passing("%a %l∶%M %p", "%a %H:%M", note: "A 12-hour clock written as a 24-hour one (gnome-system-monitor)."),
            .passing("%A %B %e %Y", "%A %-d %B %Y", note: "The day of the month in another padding (gnome-shell)."),
            .triggering("%A %B %e %Y", "%A %B %Y", note: "The day lost."),
            .passing("'%F %R'", "'%d.%m.%y %R'", note: "A date in the target's own order and fields (gnome-commander)."),
            .triggering("'%F %R'", "'%d.%m %R'", note: "The year lost."),
            .triggering("%a %l∶%M %p", "%a %l∶%M", note: "AM/PM lost from a 12-hour clock."),
            .passing(
                "{count, plural, one {# file} other {# files}}",
                "{count, plural, one {# файл} few {# файли} many {# файлів} other {# файлу}}"),
            .passing("100% sure", "на 100 % певен"),
            .passing("(every %gs)", "(кожні %g с)", note: "A conversion followed by a letter."),
            .passing("Medium (%1x%2)", "Середній (%1⨯%2)", note: "A Qt placeholder followed by a letter, not printf's %1x (kdenlive)."),
            .passing("You are trying to move armies from %1 to itself!", "Ви намагаєтеся пересунути армії з %1 у %1!", note: "A Qt placeholder repeated: arg() fills both (ksirk)."),
            .triggering("Moved from %1 to %2", "Переміщено з %1 у %1", note: "%2 lost."),
            .passing("Imported %i key", "Імпортовано %d ключ", note: "%i prints what %d prints (seahorse-nautilus)."),
            .passing(
                "To set a camera<br/>(which looks like a removable drive when mounted<br/>on your desktop), please use<br/>%1.",
                "Щоб вказати фотоапарат<br/>(який виглядає як зовнішній змінний диск), будь ласка<br/>скористайтеся пунктом %1.",
                note: "Line breaks that wrap a sentence, re-wrapped with fewer (digikam)."),
            .triggering("Line one.<br/>Line two.", "Рядок один. Рядок два.", note: "A break between sentences lost."),
            .passing("{Country}", "{Країна}", note: "A unit that is one token, which the program looks up translated (digikam's address format)."),
            .passing(
                "<i>Select an item on the left to edit the birthday</i>", "<emphasis>Позначте пункт ліворуч, щоб редагувати день народження.</emphasis>",
                note: "KDE's KUIT emphasis for HTML italics: they render alike (kphotoalbum)."),
            .triggering("<i>Select an item</i>", "<b>Позначте пункт</b>", note: "Italics made bold."),
            .passing("<corrupt note, size = %#lx>", "<пошкоджена нотатка, розмір = %#lx>", note: "A metavariable in angle brackets, not a tag."),
            .passing(" -L <label>  LABEL of device to be used", " -L <мітка>  МІТКА пристрою, який буде використано", note: "A metavariable in angle brackets translated (util-linux)."),
            .passing("<LINK>", "<ПОСИЛАННЯ>", note: "A metavariable in capitals that is also an element's name (wxstd)."),
            .passing("   --in <input file>\n", "   --in <файл вхідних даних>\n", note: "A metavariable of words whose first is an element's name (ipa)."),
            .passing("\t-t <title of paste:default is blank>", "\t-t <назва запису: типово порожня>", note: "A metavariable with its default after a colon (pastebinit)."),
            .triggering("<b>Warning</b>", "Увага", note: "Markup lost."),
            .passing(
                "-t type - statistics type <w>ireless, <e>thernet or <s>tations", "-t тип - тип статистики w - радіо, e - езернет або s - станції",
                note: "Key letters marked in plain text, never closed: not markup (ap-utils)."),
            .passing("Saves and quits (e<b>x</b>its).", "Зберігає і завершує роботу.", note: "A mnemonic letter's tags inside a word (ktexteditor)."),
            .triggering("Saves and <b>quits</b>.", "Зберігає і завершує роботу.", note: "A word's tags lost."),
            .passing(
                "You did <b>not</b> select them", "Ви <b>не</b><nl/> позначили їх",
                note: "A line break added to rich text (kleopatra)."),
            .passing("<p>Formats:<table><tr><td>d</td></tr></table></p>", "<p>Формати:<table><tr><td>d</td></tr><tr><td>MMMM</td></tr></table></p>", note: "A row added (ktexteditor)."),
            .triggering("If you select \"Immediately\"", "Якщо ви виберете <i>Негайно</i>", note: "Tags added to plain text."),
            .passing(
                "%s:%d: missing right brace on \\x{HEXNUMBER}", "%s:%d: відсутня права фігурна дужка у \\x{ШІСТН.ЧИСЛО}",
                note: "An upper-case metavariable translated (gettext-tools)."),
            .passing(
                "\\section{title}\n\\section*{title} : do not include a number", "\\section{заголовок}\n\\section*{заголовок} : не включати номер",
                note: "A LaTeX command's arguments, which help text names in the reader's language (kile)."),
            .passing(
                "\\begin{tabular}[pos]{cols}", "\\begin{tabular}[розміщення]{колонки}",
                note: "Every argument of a LaTeX command, in braces or brackets (kile)."),
            .passing(
                "Click Save", "Натисніть «Зберегти»", sourceCodes: [InlineCode(kind: "x", id: "1", offset: 6)],
                targetCodes: [InlineCode(kind: "x", id: "1", offset: 10)]),
        ])

    init(environment: CheckEnvironment) {}

    /// "%1$d" → "d", "%(name)s" → "(name)s": the conversion (and name), without the position.
    static func conversion(_ placeholder: Placeholder) -> String {
        guard let dollar = placeholder.key.firstIndex(of: "$") else { return placeholder.key }
        return String(placeholder.key[placeholder.key.index(after: dollar)...])
    }

    /// `%2$s`, and Object Pascal's `%2:s`: a printf placeholder that names its argument's position.
    static func hasPosition(_ placeholder: Placeholder) -> Bool {
        guard let first = placeholder.text.unicodeScalars.dropFirst().first, PlaceholderScanner.isDigit(first) else { return false }
        return placeholder.text.contains("$") || placeholder.text.contains(":")
    }

    static func describe(_ placeholder: Placeholder) -> String { placeholder.kind == .tag ? "tag" : "placeholder" }

    /// Issues past the collapse limit are counted, not built (one line of two million `%s`).
    static func compareMultiset(
        _ source: [Placeholder], _ target: [Placeholder], key: (Placeholder) -> String, into issues: inout IssueCollector
    ) {
        var remaining: [String: Int] = [:]
        for placeholder in target { remaining[key(placeholder), default: 0] += 1 }
        for placeholder in source {
            if let count = remaining[key(placeholder)], count > 0 {
                remaining[key(placeholder)] = count - 1
            } else {
                issues.append(Issue("\(describe(placeholder)) \(placeholder.text) of the source is missing from the target", suggestion: placeholder.text))
            }
        }
        for placeholder in target {
            if let count = remaining[key(placeholder)], count > 0 {
                remaining[key(placeholder)] = count - 1
                issues.append(Issue("\(describe(placeholder)) \(placeholder.text) in the target is not in the source", at: placeholder.range))
            }
        }
    }

    /// ap-utils: "statistics type <w>ireless, <e>thernet, associated <s>tations": an inline tag that must be closed
    /// (`<s>`, `<b>`, `<i>`…) but never is in the source marks a key letter in plain text, not markup; the
    /// target may write the letters its own way. A `<b>` closed in the source stays compared.
    static let phrasingTags: Set<String> = ["a", "b", "i", "u", "s", "em", "strong", "code", "tt", "sub", "sup", "small", "big", "span", "font"]

    static func withoutUnclosedPhrasingTags(_ source: [Placeholder], _ target: [Placeholder]) -> ([Placeholder], [Placeholder]) {
        let phrasing = phrasingTags
        func name(_ key: String) -> String { String(key.dropFirst().prefix { $0 != ">" && $0 != " " && $0 != "/" }) }
        var opened = Set<String>()
        var closed = Set<String>()
        for placeholder in source where placeholder.kind == .tag {
            if placeholder.key.hasPrefix("</") {
                closed.insert(String(placeholder.key.dropFirst(2).dropLast()))
            } else if phrasing.contains(name(placeholder.key)) {
                opened.insert(name(placeholder.key))
            }
        }
        let unclosed = opened.subtracting(closed)
        guard !unclosed.isEmpty else { return (source, target) }
        func keep(_ placeholder: Placeholder) -> Bool {
            placeholder.kind != .tag || placeholder.key.hasPrefix("</") || !unclosed.contains(name(placeholder.key))
        }
        return (source.filter(keep), target.filter(keep))
    }

    /// A placeholder's key, with tags that render alike made one: HTML's `<i>` and `<em>` and KDE's KUIT
    /// `<emphasis>` (kphotoalbum: `<i>Select an item…</i>` → `<emphasis>Позначте пункт…</emphasis>`), and `<b>` and
    /// `<strong>`. `<i>` → `<b>` stays a change.
    static func withMarkupKeys(_ placeholders: [Placeholder]) -> [Placeholder] {
        guard placeholders.contains(where: { $0.kind == .tag && markupKey($0) != $0.key }) else { return placeholders }
        return placeholders.map { placeholder in
            var keyed = placeholder
            keyed.key = markupKey(placeholder)
            return keyed
        }
    }

    static func markupKey(_ placeholder: Placeholder) -> String {
        guard placeholder.kind == .tag else { return placeholder.key }
        switch placeholder.key {
        case "<em>", "<emphasis>": return "<i>"
        case "</em>", "</emphasis>": return "</i>"
        case "<strong>": return "<b>"
        case "</strong>": return "</b>"
        default: return placeholder.key
        }
    }

    /// digikam: "camera<br/>(which looks like a removable drive when mounted<br/>on your desktop), please use<br/>…":
    /// line breaks that wrap a sentence in the middle (a letter or comma before, a lower-case word or bracket
    /// after) are layout, which a translation's other word lengths re-wrap with fewer of them. A break after a
    /// sentence's end ("Line one.<br/>Line two.") is structure and stays compared.
    static func withoutReflowedLineBreaks(_ source: [Placeholder], target: [Placeholder], scalars: [Unicode.Scalar]) -> [Placeholder] {
        var counts: [String: Int] = [:]
        for placeholder in source where placeholder.kind == .tag && (placeholder.key == "<br/>" || placeholder.key == "<br>") {
            counts[placeholder.key, default: 0] += 1
        }
        guard !counts.isEmpty else { return source }
        for placeholder in target where placeholder.kind == .tag && counts[placeholder.key] != nil { counts[placeholder.key]! -= 1 }
        guard counts.values.contains(where: { $0 > 0 }) else { return source }
        func isWrap(_ range: Range<Int>) -> Bool {
            var before = range.lowerBound - 1
            while before >= 0 && scalars[before] == " " { before -= 1 }
            var after = range.upperBound
            while after < scalars.count && CharacterClass.isSpace(scalars[after]) { after += 1 }
            guard before >= 0, after < scalars.count else { return false }
            let openedBefore = WordScanner.isLetter(scalars[before]) || scalars[before] == ","
            let continuesAfter = scalars[after].properties.isLowercase || scalars[after] == "("
            return openedBefore && continuesAfter
        }
        // The wraps go first, from the end; whatever else is missing stays reported.
        var dropped = Set<Int>()
        for (index, placeholder) in source.enumerated().reversed() {
            guard placeholder.kind == .tag, let left = counts[placeholder.key], left > 0, isWrap(placeholder.range) else { continue }
            counts[placeholder.key] = left - 1
            dropped.insert(index)
        }
        return dropped.isEmpty ? source : source.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// digikam's address tokens: a unit that is one brace token and nothing else (msgid "{Country}" → "{Країна}") is
    /// a name the program looks up translated, since no message is a bare placeholder; a token inside a message
    /// ("Hello, {name}!" → "Привіт, {імʼя}!") stays a placeholder.
    static func isTranslatedToken(_ unit: CheckedUnit) -> Bool {
        func isToken(_ text: String) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard scalars.count >= 3, scalars.first == "{", scalars.last == "}" else { return false }
            return scalars.dropFirst().dropLast().allSatisfy { WordScanner.isLetter($0) || $0 == " " || $0 == "-" }
                && scalars.dropFirst().first.map(WordScanner.isLetter) == true
        }
        return isToken(unit.source) && isToken(unit.target)
    }

    /// kile: "\section{title}" → "\section{заголовок}", "\begin{tabular}[pos]{cols}": the braces after a LaTeX
    /// command (a backslash and two letters or more, so a literal "\n{count}" is not one) hold its arguments, which
    /// help text names in the reader's language, not placeholders a program fills.
    static func withoutTeXArguments(_ placeholders: [Placeholder], scalars: [Unicode.Scalar]) -> [Placeholder] {
        guard placeholders.contains(where: { $0.kind == .brace }), scalars.contains("\\") else { return placeholders }
        let arguments = Set(TeXCommands.argumentGroups(scalars).filter { scalars[$0.lowerBound] == "{" }.map(\.lowerBound))
        guard !arguments.isEmpty else { return placeholders }
        return placeholders.filter { $0.kind != .brace || !arguments.contains($0.range.lowerBound) }
    }

    /// Whether a brace placeholder's name is an upper-case metavariable of help text ({HEXNUMBER}, {FILE_NAME}).
    static func isMetavariable(_ placeholder: Placeholder) -> Bool {
        let name = placeholder.key.unicodeScalars.dropFirst().dropLast()
        return name.count >= 2 && name.allSatisfy { ("A"..."Z").contains($0) || $0 == "_" || isDigitScalar($0) }
            && name.contains { ("A"..."Z").contains($0) }
    }

    static func isDigitScalar(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    /// How many `open`…`close` runs of `scalars` hold a translated metavariable: two Cyrillic letters or more (in
    /// capitals when `capitals`), with only `extra` characters besides. `{ШІСТН.ЧИСЛО}` for `{HEXNUMBER}`,
    /// `<мітка>` for `<label>`: the placeholder scanner takes neither for a placeholder.
    static func cyrillicRuns(
        _ scalars: [Unicode.Scalar], open: Unicode.Scalar, close: Unicode.Scalar, capitals: Bool, extra: String
    ) -> Int {
        var count = 0
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == open else { continue }
            var end = index + 1
            var cyrillic = 0
            while end < scalars.count, scalars[end] != close {
                let scalar = scalars[end]
                if (0x400...0x4FF).contains(scalar.value) {
                    guard !capitals || scalar.properties.isUppercase else { break }
                    cyrillic += 1
                } else if !extra.unicodeScalars.contains(scalar) {
                    break
                }
                end += 1
            }
            if end < scalars.count && scalars[end] == close && cyrillic >= 2 { count += 1 }
        }
        return count
    }

    /// Upper-case metavariables in braces (`{ШІСТН.ЧИСЛО}`).
    static func translatedMetavariables(_ scalars: [Unicode.Scalar]) -> Int {
        cyrillicRuns(scalars, open: "{", close: "}", capitals: true, extra: "._-0123456789")
    }

    /// Words in angle brackets (`<мітка>`, `<назва пристрою>`).
    static func cyrillicAngleWords(_ scalars: [Unicode.Scalar]) -> Int {
        cyrillicRuns(scalars, open: "<", close: ">", capitals: false, extra: " _-'’ʼ:,")
    }

    /// "-L <label>" → "-L <мітка>" (util-linux), "<LINK>" → "<ПОСИЛАННЯ>" (wxstd): an opening tag of a known element name with no closing tag in the
    /// source, missing from the target where the target has a translated `<…>`, is a metavariable. `<b>…</b>`
    /// and self-closing or attributed tags stay markup.
    static func withoutTranslatedAngleMetavariables(_ source: [Placeholder], target: [Placeholder], translated scalars: [Unicode.Scalar]) -> [Placeholder] {
        // Sets, not a search of both lists per tag: a line of a million `<b>` was quadratic.
        var sourceTags = Set<String>()
        for placeholder in source where placeholder.kind == .tag { sourceTags.insert(placeholder.key) }
        var targetTags = Set<String>()
        for placeholder in target where placeholder.kind == .tag { targetTags.insert(placeholder.key) }
        var lone = Set<Int>()
        for placeholder in source where placeholder.kind == .tag && !placeholder.key.hasPrefix("</")
            && !placeholder.key.hasSuffix("/>") && Self.isBareAngleWords(placeholder)
            && !sourceTags.contains("</" + placeholder.key.dropFirst()) && !targetTags.contains(placeholder.key)
        {
            lone.insert(placeholder.range.lowerBound)
        }
        guard !lone.isEmpty else { return source }
        var translated = cyrillicAngleWords(scalars)
        guard translated > 0 else { return source }
        return source.filter { placeholder in
            guard translated > 0, placeholder.kind == .tag, lone.contains(placeholder.range.lowerBound) else { return true }
            translated -= 1
            return false
        }
    }

    /// kcmkonqhtml: "<html>Controls how…</html>" → "Керує тим, як…<br />…": the wrapper that marks a Qt string as
    /// rich text, left out of a target whose other markup Qt detects as rich text all the same. Set aside only as
    /// the whole source's first and last tags, and only when the target keeps other markup.
    /// Qt Creator: "<p>Specifying the module … (CDB, LLDB)." → "Вказання модуля … (CDB, LLDB).": a lone opening
    /// `<p>` or `<qt>` that starts a source with no other markup only marks it as rich text; a target without
    /// any markup leaves it out harmlessly.
    /// Freeplane (Java Swing): "<html>Source<br>label" → "Змінити початковий напис": a leading `<html>` the source
    /// never closes only switches a label to HTML; a target without markup needs neither it nor its line breaks.
    static func withoutDroppedRichTextWrapper(_ source: [Placeholder], target: [Placeholder]) -> [Placeholder] {
        let sourceTags = source.filter { $0.kind == .tag }
        if sourceTags.count == 1, let only = sourceTags.first, only.range.lowerBound == 0,
            ["<p>", "<qt>"].contains(only.key.lowercased()), !target.contains(where: { $0.kind == .tag })
        {
            return source.filter { $0.kind != .tag }
        }
        if let first = sourceTags.first, first.range.lowerBound == 0, first.key.lowercased() == "<html>",
            !sourceTags.contains(where: { $0.key.lowercased() == "</html>" }),
            sourceTags.dropFirst().allSatisfy({ lineBreakTags.contains($0.key.lowercased()) }),
            !target.contains(where: { $0.kind == .tag })
        {
            return source.filter { $0.kind != .tag }
        }
        guard let first = source.first, let last = source.last, source.count > 2, first.kind == .tag, last.kind == .tag else { return source }
        let opening = first.key.lowercased()
        guard opening == "<html>" || opening == "<qt>", last.key.lowercased() == "</" + opening.dropFirst() else { return source }
        guard !target.contains(where: { $0.kind == .tag && $0.key.lowercased() == opening }),
            target.contains(where: { $0.kind == .tag })
        else { return source }
        return Array(source.dropFirst().dropLast())
    }

    /// Freeplane (Java Swing): "An internal error occurred.\nCould you…" → "<html>Трапилась внутрішня помилка.<br>Чи
    /// можете…": a target that switches a plain source to HTML (`<html>` first, `</html>` last or never) writes
    /// the source's line breaks as `<br>`; the wrapper, and as many line breaks as the source has, are no markup of
    /// their own. Only for a source with no tags.
    static func withoutAddedRichTextWrapper(_ target: [Placeholder], source: [Placeholder], sourceScalars: [Unicode.Scalar]) -> [Placeholder] {
        guard !source.contains(where: { $0.kind == .tag }), let first = target.first(where: { $0.kind == .tag }),
            first.range.lowerBound == 0, first.key.lowercased() == "<html>"
        else { return target }
        let closings = target.filter { $0.kind == .tag && $0.key.lowercased() == "</html>" }
        guard closings.count <= 1, closings.first.map({ $0 == target.last(where: { $0.kind == .tag }) }) ?? true else { return target }
        var breaks = sourceScalars.filter { $0 == "\n" }.count
        return target.filter { placeholder in
            guard placeholder.kind == .tag else { return true }
            let key = placeholder.key.lowercased()
            if key == "<html>" || key == "</html>" { return false }
            if breaks > 0, lineBreakTags.contains(key) {
                breaks -= 1
                return false
            }
            return true
        }
    }

    /// `<label>`, `<LINK>`, `<input file>` (ipa): an element's name, possibly followed by words, without an attribute's
    /// `=` or quotes: what help text writes as a metavariable.
    static func isBareAngleWords(_ placeholder: Placeholder) -> Bool {
        if placeholder.text.lowercased() == placeholder.key.lowercased() { return true }
        return !placeholder.text.unicodeScalars.contains { $0 == "=" || $0 == "\"" || $0 == "'" || $0 == "/" }
            && placeholder.text.unicodeScalars.dropFirst().dropLast().allSatisfy { $0.properties.isAlphabetic || " _-:,".unicodeScalars.contains($0) }
    }

    /// ktexteditor: `Saves document(s) and quits (e<b>x</b>its)`, `("<b>b</b>uffer")`: a tag pair around a letter or
    /// two inside a word marks the command's mnemonic, which a translated word cannot keep. As many such pairs as
    /// the target has fewer of their tag are set aside; a pair around a word (`<b>not</b>`) is still markup lost.
    static func withoutMnemonicTags(_ source: [Placeholder], target: [Placeholder], scalars: [Unicode.Scalar]) -> [Placeholder] {
        var pairs: [(open: Int, close: Int)] = []
        for index in source.indices.dropLast() {
            let open = source[index], close = source[index + 1]
            guard open.kind == .tag, close.kind == .tag, !open.key.hasPrefix("</"), !open.key.hasSuffix("/>"),
                close.key == "</" + open.key.dropFirst(),
                open.range.upperBound < close.range.lowerBound, close.range.lowerBound - open.range.upperBound <= 2,
                scalars[open.range.upperBound..<close.range.lowerBound].allSatisfy(WordScanner.isLetter)
            else { continue }
            let letterBefore = open.range.lowerBound > 0 && WordScanner.isLetter(scalars[open.range.lowerBound - 1])
            let letterAfter = close.range.upperBound < scalars.count && WordScanner.isLetter(scalars[close.range.upperBound])
            if letterBefore || letterAfter { pairs.append((index, index + 1)) }
        }
        guard !pairs.isEmpty else { return source }
        var fewer: [String: Int] = [:]
        for placeholder in source where placeholder.kind == .tag { fewer[placeholder.key, default: 0] += 1 }
        for placeholder in target where placeholder.kind == .tag { fewer[placeholder.key, default: 0] -= 1 }
        var dropped = Set<Int>()
        for pair in pairs {
            let openKey = source[pair.open].key, closeKey = source[pair.close].key
            guard (fewer[openKey] ?? 0) > 0, (fewer[closeKey] ?? 0) > 0 else { continue }
            fewer[openKey]! -= 1
            fewer[closeKey]! -= 1
            dropped.formUnion([pair.open, pair.close])
        }
        return dropped.isEmpty ? source : source.indices.filter { !dropped.contains($0) }.map { source[$0] }
    }

    /// ksirk: "from %1 to itself" → "з %1 у %1": Qt's `arg()` fills every `%1`, so a numbered placeholder the
    /// target writes more often than the source repeats the value; it takes no argument of its own (printf's `%s`
    /// would, and stays reported). The other way round is `withoutRepeatsWordedOtherwise`.
    static func withoutRepeatedQtPlaceholders(_ target: [Placeholder], source: [Placeholder]) -> [Placeholder] {
        var left: [String: Int] = [:]
        for placeholder in source where placeholder.kind == .qt { left[placeholder.key, default: 0] += 1 }
        guard !left.isEmpty else { return target }
        var seen: [String: Int] = [:]
        return target.filter { placeholder in
            guard placeholder.kind == .qt, let count = left[placeholder.key] else { return true }
            seen[placeholder.key, default: 0] += 1
            return seen[placeholder.key, default: 0] <= count
        }
    }

    /// akonadi_imap_resource: "to '%1', '%1' does not exist" → "до «%1», такої теки немає": a Qt placeholder the
    /// source repeats, which the translation writes fewer times and refers to in words, loses nothing, since
    /// `arg()` fills every copy. Not when the target holds the placeholder's bare number ("до «2»": a `%2` broken).
    static func withoutRepeatsWordedOtherwise(_ source: [Placeholder], target: [Placeholder], translated text: AnalyzedText, language: String) -> [Placeholder] {
        var written: [String: Int] = [:]
        for placeholder in target where placeholder.kind == .qt { written[placeholder.key, default: 0] += 1 }
        guard !written.isEmpty else { return source }
        var seen: [String: Int] = [:]
        // The target's numbers, read only when a repeat is missing (placeholders are masked, so "%2" is none).
        var numbers: Set<String>?
        func hasBareNumber(_ key: String) -> Bool {
            if numbers == nil { numbers = Set(NumberScanner.scan(text, language: language).map(\.text)) }
            return numbers?.contains(String(key.unicodeScalars.dropFirst())) ?? false
        }
        return source.filter { placeholder in
            guard placeholder.kind == .qt, let count = written[placeholder.key] else { return true }
            seen[placeholder.key, default: 0] += 1
            return seen[placeholder.key, default: 0] <= count || hasBareNumber(placeholder.key)
        }
    }

    /// mate-user-guide: "The <guimenu>Places</guimenu> menu is a quick way… The <guimenu>Places</guimenu> menu allows
    /// you to…" → "Меню <guimenu>Місця</guimenu> надає… і дозволяє…": an element the source repeats word for word
    /// may be named once, the second time by a pronoun; one the target never writes stays missing, and so does code
    /// (MediaWiki's `<var>$1file</var>` named twice is a parameter lost, not a pronoun).
    static func withoutRepeatedElements(_ source: [Placeholder], target: [Placeholder], scalars: [Unicode.Scalar]) -> [Placeholder] {
        var targetCount: [String: Int] = [:]
        for placeholder in target where placeholder.kind == .tag { targetCount[placeholder.key, default: 0] += 1 }
        // How many of each opening tag the target lacks: only those many repeats may be worded otherwise.
        var lacking: [String: Int] = [:]
        for placeholder in source where placeholder.kind == .tag && (targetCount[placeholder.key] ?? 0) > 0 { lacking[placeholder.key, default: 0] += 1 }
        for (key, count) in lacking { lacking[key] = count - (targetCount[key] ?? 0) }
        guard lacking.values.contains(where: { $0 > 0 }) else { return source }
        var dropped = Set<Int>()
        var seen = Set<String>()
        for (open, close) in elementPairs(source) {
            let key = source[open].key
            guard (lacking[key] ?? 0) > 0, namingElements.contains(String(key.dropFirst().dropLast())) else { continue }
            let content = ScalarString.make(scalars[source[open].range.upperBound..<source[close].range.lowerBound])
            if !seen.insert(key + content).inserted {
                dropped.insert(open)
                dropped.insert(close)
                lacking[key, default: 0] -= 1
            }
        }
        guard !dropped.isEmpty else { return source }
        return source.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// The indices of each opening tag and the closing tag that ends it (innermost first within a name), in the
    /// order of the opening tags; unclosed ones are left out. One pass with a stack per name.
    static func elementPairs(_ placeholders: [Placeholder]) -> [(open: Int, close: Int)] {
        var open: [String: [Int]] = [:]
        var pairs: [(open: Int, close: Int)] = []
        for (index, placeholder) in placeholders.enumerated() where placeholder.kind == .tag {
            if placeholder.key.hasPrefix("</") {
                let openingKey = "<" + placeholder.key.dropFirst(2)
                if let start = open[openingKey]?.popLast() { pairs.append((start, index)) }
            } else if !placeholder.key.hasSuffix("/>") {
                open[placeholder.key, default: []].append(index)
            }
        }
        return pairs.sorted { $0.open < $1.open }
    }

    /// The placeholders without the braces that stand inside a `<replaceable>` element.
    static func withoutBracesInReplaceable(_ placeholders: [Placeholder]) -> [Placeholder] {
        var spans: [Range<Int>] = []
        var open: Int?
        for placeholder in placeholders where placeholder.kind == .tag {
            if placeholder.key == "<replaceable>" { open = placeholder.range.upperBound }
            if placeholder.key == "</replaceable>", let start = open, start <= placeholder.range.lowerBound {
                spans.append(start..<placeholder.range.lowerBound)
                open = nil
            }
        }
        return placeholders.filter { placeholder in
            placeholder.kind != .brace || !spans.contains { $0.contains(placeholder.range.lowerBound) }
        }
    }

    /// DocBook's `<quote>` (and HTML's `<q>`) is printed as the language's quotation marks, which a translation may
    /// write itself (KDE's handbooks: "the <quote>Mars Pathfinder</quote> release" → "випуску «Mars Pathfinder»";
    /// kmail's '"Date:" header' → "<quote>Date:</quote>"): a quote element one side lacks is matched by a pair of
    /// marks on that side. Without marks it stays missing, unless its words are translated: a term said in the
    /// translation's own words needs no quotation (kmail's handbook: "the <quote>Pipe Through</quote> action" →
    /// "дію «пропускання»", but ksquares': "an <quote>Undo</quote> feature" → "функції скасування ходів"); a quotation
    /// whose words the target keeps as written, without its marks, is lost.
    static func withQuoteElementsAsMarks(
        _ source: [Placeholder], _ target: [Placeholder], source sourceScalars: [Unicode.Scalar], target targetScalars: [Unicode.Scalar]
    ) -> ([Placeholder], [Placeholder]) {
        func quoteElements(_ list: [Placeholder]) -> Int { list.filter { $0.kind == .tag && ($0.key == "<quote>" || $0.key == "<q>") }.count }
        func markPairs(_ scalars: [Unicode.Scalar]) -> Int {
            let opening = scalars.filter { $0 == "«" || $0 == "“" || $0 == "„" }.count
            return opening + scalars.filter { $0 == "\"" }.count / 2
        }
        func dropping(_ count: Int, from list: [Placeholder]) -> [Placeholder] {
            droppingElements(["quote": count], from: list) { $0 == "quote" || $0 == "q" ? "quote" : nil }
        }
        let (inSource, inTarget) = (quoteElements(source), quoteElements(target))
        if inSource > inTarget {
            let marks = markPairs(targetScalars)
            guard marks == 0 else { return (dropping(min(inSource - inTarget, marks), from: source), target) }
            // No marks at all: the quotations whose words the target does not keep were said in its own words. A
            // search of the target per quotation: only for a message's few (a text of hundreds keeps its findings).
            let quotations = elementPairs(source).filter { source[$0.open].key == "<quote>" || source[$0.open].key == "<q>" }
            guard quotations.count <= 16 else { return (source, target) }
            let translation = ScalarString.make(targetScalars)
            let translated = quotations.filter { pair in
                let words = ScalarString.make(sourceScalars[source[pair.open].range.upperBound..<source[pair.close].range.lowerBound])
                return !words.contains("<") && !words.isEmpty && !translation.contains(words)
            }.count
            return (dropping(min(inSource - inTarget, translated), from: source), target)
        } else if inTarget > inSource {
            return (source, dropping(min(inTarget - inSource, markPairs(sourceScalars)), from: target))
        }
        return (source, target)
    }

    /// KDE's handbooks name keys, mouse buttons, acronyms and programs by entities (`&MMB;`, `&Enter;`, `&HTML;`,
    /// `&Samba;`) that a translation may write out as their elements, or the other way round ("&Space;" →
    /// "<keycap>Пробіл</keycap>", "<keycap>Return</keycap>" → "&Enter;"): such an element one side lacks is matched
    /// by an entity only the other side has.
    static func withElementsWrittenAsEntities(
        _ source: [Placeholder], _ target: [Placeholder], source sourceScalars: [Unicode.Scalar], target targetScalars: [Unicode.Scalar]
    ) -> ([Placeholder], [Placeholder]) {
        guard sourceScalars.contains("&") || targetScalars.contains("&") else { return (source, target) }
        let sourceEntities = entityNames(sourceScalars)
        let targetEntities = entityNames(targetScalars)
        func onlyIn(_ side: [String: Int], _ other: [String: Int]) -> Int { side.reduce(0) { $0 + max(0, $1.value - (other[$1.key] ?? 0)) } }
        func elementCounts(_ list: [Placeholder]) -> [String: Int] {
            var counts: [String: Int] = [:]
            for placeholder in list where placeholder.kind == .tag && !placeholder.key.hasPrefix("</") {
                let name = String(placeholder.key.dropFirst().dropLast())
                if entityLikeElements.contains(name) { counts[name, default: 0] += 1 }
            }
            return counts
        }
        func dropping(_ extra: [String: Int], budget: Int, from list: [Placeholder]) -> [Placeholder] {
            var left = budget
            var counts: [String: Int] = [:]
            for (name, count) in extra.sorted(by: { $0.key < $1.key }) where left > 0 {
                let taken = min(count, left)
                counts[name] = taken
                left -= taken
            }
            return droppingElements(counts, from: list) { String($0) }
        }
        let (sourceElements, targetElements) = (elementCounts(source), elementCounts(target))
        func extra(_ side: [String: Int], over other: [String: Int]) -> [String: Int] {
            side.reduce(into: [String: Int]()) { $0[$1.key] = max(0, $1.value - (other[$1.key] ?? 0)) }.filter { $0.value > 0 }
        }
        let sourceExtra = extra(sourceElements, over: targetElements)
        let targetExtra = extra(targetElements, over: sourceElements)
        var (newSource, newTarget) = (source, target)
        if !sourceExtra.isEmpty { newSource = dropping(sourceExtra, budget: onlyIn(targetEntities, sourceEntities), from: source) }
        if !targetExtra.isEmpty { newTarget = dropping(targetExtra, budget: onlyIn(sourceEntities, targetEntities), from: target) }
        return (newSource, newTarget)
    }

    /// `list` without the first `counts[group]` opening and the first as many closing tags of each group of
    /// elements (`group` names an element's group, nil for elements never dropped): the pairs a translation wrote
    /// another way.
    static func droppingElements(
        _ counts: [String: Int], from list: [Placeholder], group: (Substring) -> String?
    ) -> [Placeholder] {
        var opens = counts
        var closes = counts
        return list.filter { placeholder in
            guard placeholder.kind == .tag else { return true }
            let closing = placeholder.key.hasPrefix("</")
            guard let name = group(placeholder.key.dropFirst(closing ? 2 : 1).dropLast()) else { return true }
            if closing, let count = closes[name], count > 0 { closes[name] = count - 1; return false }
            if !closing, let count = opens[name], count > 0 { opens[name] = count - 1; return false }
            return true
        }
    }

    /// kmail's handbook: "your <acronym>ISP</acronym>" → "постачальника послуг інтернету": an acronym the
    /// translation writes out in words, so the target has neither the element nor the letters; one whose letters
    /// the target keeps without the element stays missing.
    static func withoutAcronymsWrittenOut(_ source: [Placeholder], target: [Placeholder], scalars: [Unicode.Scalar], translated: String) -> [Placeholder] {
        let acronymKeys: Set<String> = ["<acronym>", "<abbrev>"]
        guard source.contains(where: { acronymKeys.contains($0.key) }) else { return source }
        var targetCount: [String: Int] = [:]
        for placeholder in target where acronymKeys.contains(placeholder.key) { targetCount[placeholder.key, default: 0] += 1 }
        var dropped = Set<Int>()
        // The target's words, read once (a check per acronym over the whole text would be quadratic).
        var targetWords: Set<Substring>?
        for (open, close) in elementPairs(source) where acronymKeys.contains(source[open].key) {
            let key = source[open].key
            if let count = targetCount[key], count > 0 {
                targetCount[key] = count - 1
                continue
            }
            let letters = ScalarString.make(scalars[source[open].range.upperBound..<source[close].range.lowerBound])
            if targetWords == nil { targetWords = Set(translated.split(whereSeparator: { !$0.isLetter && !$0.isNumber })) }
            if !letters.isEmpty && targetWords?.contains(Substring(letters)) == false {
                dropped.insert(open)
                dropped.insert(close)
            }
        }
        return dropped.isEmpty ? source : source.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// DocBook's elements that KDE's entities stand for.
    static let entityLikeElements: Set<String> = [
        "keycap", "keysym", "keycombo", "mousebutton", "acronym", "abbrev", "application", "guilabel", "systemitem", "productname",
    ]

    /// Named entities of a text (`&MMB;`, `&Carsten.Pfeiffer;`), by name, but the XML's own and HTML's characters.
    static func entityNames(_ scalars: [Unicode.Scalar]) -> [String: Int] {
        var names: [String: Int] = [:]
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "&", let name = LinkScanner.entityName(scalars, at: index) else { continue }
            if !characterEntityNames.contains(name) { names[name, default: 0] += 1 }
            index += name.unicodeScalars.count + 1
        }
        return names
    }

    static let characterEntityNames: Set<String> = [
        "amp", "lt", "gt", "quot", "apos", "nbsp", "copy", "reg", "trade", "hellip", "mdash", "ndash", "laquo", "raquo",
        "lsquo", "rsquo", "ldquo", "rdquo", "shy", "deg", "times", "middot", "bull",
    ]

    /// Elements that name a thing of the interface or stress words (DocBook's and Mallard's), which a pronoun may
    /// stand for.
    static let namingElements: Set<String> = [
        "gui", "guimenu", "guisubmenu", "guimenuitem", "guibutton", "guilabel", "guiicon", "interface", "app", "application",
        "productname", "em", "emphasis", "i", "b", "strong",
    ]

    /// MediaWiki's parameters: each may be used any number of times, so they compare as sets. One the source prints
    /// outside plural forms must be printed by the translation; one it prints only inside `{{PLURAL:$3|…|$3
    /// pages}}` may be carried by the target's own forms (`{{PLURAL:$3|1=…|…}}`); one it uses only to choose a form
    /// (`{{GENDER:$2|…}}`) may go unused ("User account $1 was {{GENDER:$2|created}}" → "Обліковий запис для $1 було
    /// створено"); and a translation may choose by one the source does not name ("(blocked)" →
    /// "({{GENDER:$1|заблокований|заблокована}})"), but not print it. Kept in the order the texts give them.
    static func wikitextParameters(
        _ source: [Placeholder], _ target: [Placeholder], source sourceScalars: [Unicode.Scalar], target targetScalars: [Unicode.Scalar]
    ) -> ([Placeholder], [Placeholder]) {
        func isSelector(_ placeholder: Placeholder, _ scalars: [Unicode.Scalar]) -> Bool {
            let start = placeholder.range.lowerBound
            guard start >= 9 else { return false }
            let before = ScalarString.make(scalars[(start - 9)..<start])
            return before == "{{PLURAL:" || before == "{{GENDER:"
        }
        // Which placeholders stand inside plural forms, by index (the scanner gives them in order).
        let sourceInForms = DocumentTraits.inside(source.map(\.range.lowerBound), DocumentTraits.pluralMagicWords(sourceScalars))
        let targetInForms = DocumentTraits.inside(target.map(\.range.lowerBound), DocumentTraits.pluralMagicWords(targetScalars))
        func firstOfEach(_ list: [Placeholder]) -> [Placeholder] {
            var seen = Set<String>()
            return list.filter { seen.insert($0.key).inserted }
        }
        // Tags inside plural forms ("{{PLURAL:$1|<strong>1</strong> result|<strong>$1</strong> results}}") are
        // written once per form, and each language has its own number of forms: then tags compare as sets too.
        let formsHoldTags = source.indices.contains { source[$0].kind == .tag && sourceInForms[$0] }
            || target.indices.contains { target[$0].kind == .tag && targetInForms[$0] }
        func others(_ list: [Placeholder]) -> [Placeholder] {
            let tags = list.filter { $0.kind == .tag }
            return list.filter { $0.kind != .qt && $0.kind != .tag } + (formsHoldTags ? firstOfEach(tags) : tags)
        }
        let sourceParameters = source.filter { $0.kind == .qt }, targetParameters = target.filter { $0.kind == .qt }
        let targetKeys = Set(targetParameters.map(\.key))
        let targetPrinted = Set(targetParameters.lazy.filter { !isSelector($0, targetScalars) }.map(\.key))
        var printedOutside = Set<String>(), printedInForms = Set<String>()
        for index in source.indices where source[index].kind == .qt && !isSelector(source[index], sourceScalars) {
            if sourceInForms[index] { printedInForms.insert(source[index].key) } else { printedOutside.insert(source[index].key) }
        }
        // A parameter only chosen by asks nothing; one printed asks to be printed (or, printed only in forms, used).
        let asked = firstOfEach(sourceParameters).filter { printedOutside.contains($0.key) || printedInForms.contains($0.key) }
        let answered = Set(asked.lazy.filter { printedOutside.contains($0.key) ? targetPrinted.contains($0.key) : targetKeys.contains($0.key) }.map(\.key))
        let sourceKeys = Set(sourceParameters.map(\.key))
        let offered = firstOfEach(targetParameters).filter { answered.contains($0.key) || (!sourceKeys.contains($0.key) && targetPrinted.contains($0.key)) }
        return (others(source) + asked, others(target) + offered)
    }

    /// Inline HTML a MediaWiki translation may add around its own words (a `<strong>` lead, "2<sup>го</sup>"):
    /// the wiki renders it; a tag of the source left out stays reported.
    static let wikitextInlineElements: Set<String> = [
        "strong", "b", "em", "i", "sup", "sub", "kbd", "code", "samp", "var", "span", "small", "u", "s", "bdi", "abbr", "p", "br",
    ]

    /// MediaWiki: "<strong>Warning:</strong> …" → "'''Увага:''' …": wikitext's bold (`'''`) and italics (`''`)
    /// render as `<strong>` and `<em>` do, so a pair of tags one side writes as a pair of quote runs the other side
    /// adds is the same markup.
    static func withEmphasisWrittenAsWikitext(
        _ source: [Placeholder], _ target: [Placeholder], source sourceScalars: [Unicode.Scalar], target targetScalars: [Unicode.Scalar]
    ) -> ([Placeholder], [Placeholder]) {
        func runs(_ scalars: [Unicode.Scalar]) -> (bold: Int, italic: Int) {
            var bold = 0, italic = 0, length = 0
            func endRun() {
                if length == 3 || length == 5 { bold += 1 }
                if length == 2 || length == 5 { italic += 1 }
                length = 0
            }
            for scalar in scalars {
                if scalar == "'" { length += 1 } else { endRun() }
            }
            endRun()
            return (bold, italic)
        }
        let sourceRuns = runs(sourceScalars), targetRuns = runs(targetScalars)
        var source = source, target = target
        for (open, close, sourceMarks, targetMarks) in [
            ("<b>", "</b>", sourceRuns.bold, targetRuns.bold), ("<i>", "</i>", sourceRuns.italic, targetRuns.italic),
        ] {
            func count(_ list: [Placeholder], _ key: String) -> Int { list.filter { markupKey($0) == key }.count }
            func dropping(_ list: [Placeholder], _ pairs: Int) -> [Placeholder] {
                var left = [open: pairs, close: pairs]
                return list.filter { placeholder in
                    let key = markupKey(placeholder)
                    guard let n = left[key], n > 0 else { return true }
                    left[key] = n - 1
                    return false
                }
            }
            let sourceExtra = min(count(source, open) - count(target, open), count(source, close) - count(target, close))
            let targetExtra = min(count(target, open) - count(source, open), count(target, close) - count(source, close))
            if sourceExtra > 0 { source = dropping(source, min(sourceExtra, max(0, targetMarks - sourceMarks) / 2)) }
            if targetExtra > 0 { target = dropping(target, min(targetExtra, max(0, sourceMarks - targetMarks) / 2)) }
        }
        return (source, target)
    }

    /// Line breaks a rich text may take anywhere: `<br>`, `<br/>`, KDE's `<nl/>`.
    static let lineBreakTags: Set<String> = ["<br>", "<br/>", "<nl/>"]

    /// kleopatra: "…did <b>not</b> explicitly select them" → "…<b>не</b><nl/> позначите їх"; ktexteditor's table of
    /// date formats with a row added for the Ukrainian month form: in a source that is markup already, the target
    /// may add line breaks and whole elements (each added opening tag closed as often). Unbalanced additions, and
    /// tags added to a source with none (plain text would show them), are still reported.
    /// `only`: the element names that count (KUIT's, added to any source of a KUIT document); nil: any, added
    /// to a source that has markup.
    static func withoutAddedMarkup(_ target: [Placeholder], source: [Placeholder], only names: Set<String>? = nil) -> [Placeholder] {
        guard names != nil || source.contains(where: { $0.kind == .tag }) else { return target }
        func counts(_ placeholder: Placeholder) -> Bool {
            guard placeholder.kind == .tag else { return false }
            guard let names else { return true }
            return names.contains(String(placeholder.key.drop { $0 == "<" || $0 == "/" }.prefix { $0 != ">" && $0 != "/" }))
        }
        var added: [String: Int] = [:]
        for placeholder in target where counts(placeholder) { added[placeholder.key, default: 0] += 1 }
        for placeholder in source where placeholder.kind == .tag { added[placeholder.key, default: 0] -= 1 }
        var drop: [String: Int] = [:]
        for (key, count) in added where count > 0 {
            if lineBreakTags.contains(key) {
                drop[key] = count
            } else if !key.hasPrefix("</"), !key.hasSuffix("/>"), added["</" + key.dropFirst()] == count {
                drop[key] = count
                drop["</" + key.dropFirst()] = count
            }
        }
        guard !drop.isEmpty else { return target }
        var kept: [Placeholder] = []
        for placeholder in target.reversed() {
            if placeholder.kind == .tag, let left = drop[placeholder.key], left > 0 {
                drop[placeholder.key] = left - 1
            } else {
                kept.append(placeholder)
            }
        }
        return kept.reversed()
    }

    /// Brace arguments compare as a set: a plural's branches repeat them. Up to `translated` upper-case
    /// metavariables of the source may be missing: the target translated them.
    static func compareBraces(
        _ source: [Placeholder], _ target: [Placeholder], translated: Int = 0, into issues: inout IssueCollector
    ) {
        var sourceKeys = Set<String>()
        for placeholder in source where placeholder.kind == .brace { sourceKeys.insert(placeholder.key) }
        var targetKeys = Set<String>()
        for placeholder in target where placeholder.kind == .brace { targetKeys.insert(placeholder.key) }
        var reported = Set<String>()
        var translated = translated
        for placeholder in source where placeholder.kind == .brace && !targetKeys.contains(placeholder.key) && reported.insert(placeholder.key).inserted {
            if translated > 0 && isMetavariable(placeholder) {
                translated -= 1
                continue
            }
            issues.append(Issue("placeholder \(placeholder.text) of the source is missing from the target", suggestion: placeholder.text))
        }
        for placeholder in target where placeholder.kind == .brace && !sourceKeys.contains(placeholder.key) && reported.insert(placeholder.key).inserted {
            issues.append(Issue("placeholder \(placeholder.text) in the target is not in the source", at: placeholder.range))
        }
    }

    static func outsideLinks(_ text: AnalyzedText) -> [Placeholder] {
        let placeholders = text.placeholders
        guard !placeholders.isEmpty else { return placeholders }
        let links = text.links
        guard !links.isEmpty else { return placeholders }
        return placeholders.filter { placeholder in !links.contains { $0.range.overlaps(placeholder.range) } }
    }

    /// Codes missing on one side, with a paired code's opening and closing halves (XLIFF `<pc>…</pc>`, `<g>…</g>`)
    /// merged into one entry, shown as `<pc id="1">…</pc>`.
    static func pairedCodes(_ codes: [InlineCode]) -> [(code: InlineCode, shown: String)] {
        var result: [(code: InlineCode, shown: String)] = []
        var used = Set<Int>()
        for (index, code) in codes.enumerated() where !used.contains(index) {
            used.insert(index)
            if code.kind.hasSuffix("-open") {
                let closeKind = code.kind.dropLast(5) + "-close"
                if let close = codes.indices.first(where: { !used.contains($0) && codes[$0].kind == closeKind && (codes[$0].id == code.id || codes[$0].id.isEmpty) }) {
                    used.insert(close)
                    result.append((code, code.display + "…" + codes[close].display))
                    continue
                }
            }
            result.append((code, code.display))
        }
        return result
    }

    /// gwenview: msgid "One image modified", msgid_plural "%1 images modified", msgstr[0] "Змінено %1 зображення".
    /// A singular that says "one" in words leaves its count to the plural; every Ukrainian form prints it (form 0
    /// serves 1, 21, 31…). The target's placeholders without those it has beyond the form's own source, as far as
    /// the plural source has them too (the last ones of a kind are set aside).
    static func withoutTheCountOfThePlural(_ target: [Placeholder], source: [Placeholder], plural: String) -> [Placeholder] {
        var counts: [String: (source: Int, plural: Int, target: Int)] = [:]
        for placeholder in PlaceholderScanner.scan(Array(plural.unicodeScalars)) { counts[placeholder.key, default: (0, 0, 0)].plural += 1 }
        for placeholder in source { counts[placeholder.key, default: (0, 0, 0)].source += 1 }
        for placeholder in target { counts[placeholder.key, default: (0, 0, 0)].target += 1 }
        var excess: [String: Int] = [:]
        for (key, count) in counts {
            let extra = min(count.plural - count.source, count.target - count.source)
            if extra > 0 { excess[key] = extra }
        }
        guard !excess.isEmpty else { return target }
        var kept: [Placeholder] = []
        for placeholder in target.reversed() {
            if let left = excess[placeholder.key], left > 0 {
                excess[placeholder.key] = left - 1
            } else {
                kept.append(placeholder)
            }
        }
        return kept.reversed()
    }

    /// kdenlive: "Medium (%1x%2)" → "Середній (%1⨯%2)", "%1s" → "%1с": in a message that is not marked c-format,
    /// printf's "%1x" (width 1, hexadecimal) unmatched in the target beside the target's own unmatched Qt "%1" is
    /// a Qt placeholder followed by a letter, which the translator translated. Both are set aside.
    static func pairingQtPlaceholdersBeforeLetters(_ source: [Placeholder], _ target: [Placeholder]) -> ([Placeholder], [Placeholder]) {
        func qtPrefix(_ placeholder: Placeholder) -> String? {
            // Length first: most printf placeholders (%s, %d, %ld) are rejected without building anything.
            guard placeholder.kind == .printf, (3...4).contains(placeholder.text.utf8.count) else { return nil }
            let scalars = Array(placeholder.text.unicodeScalars)
            guard scalars.count >= 3, scalars.count <= 4, scalars[0] == "%", scalars[1] != "0",
                scalars.dropFirst().dropLast().allSatisfy(PlaceholderScanner.isDigit),
                let last = scalars.last, PlaceholderScanner.isASCIILetter(last)
            else { return nil }
            return String(String.UnicodeScalarView(scalars.dropLast()))
        }
        guard target.contains(where: { $0.kind == .qt }), source.contains(where: { qtPrefix($0) != nil }) else { return (source, target) }
        var targetQt: [String: Int] = [:]
        for placeholder in target where placeholder.kind == .qt { targetQt[placeholder.key, default: 0] += 1 }
        for placeholder in source where placeholder.kind == .qt { targetQt[placeholder.key, default: 0] -= 1 }
        let targetPrintf = Set(target.lazy.filter { $0.kind == .printf }.map(\.text))
        var paired: [String: Int] = [:]
        let keptSource = source.filter { placeholder in
            guard let prefix = qtPrefix(placeholder), let left = targetQt[prefix], left > 0, !targetPrintf.contains(placeholder.text)
            else { return true }
            targetQt[prefix] = left - 1
            paired[prefix, default: 0] += 1
            return false
        }
        guard !paired.isEmpty else { return (source, target) }
        let keptTarget = target.filter { placeholder in
            guard placeholder.kind == .qt, let left = paired[placeholder.key], left > 0 else { return true }
            paired[placeholder.key] = left - 1
            return false
        }
        return (keptSource, keptTarget)
    }

    /// Whether a printf conversion prints an integer (%d, %i, %u and their length modifiers: %lu, %zd).
    static func isCount(_ placeholder: Placeholder) -> Bool {
        guard let last = placeholder.key.last else { return false }
        return last == "d" || last == "i" || last == "u"
    }

    /// The target's printf placeholders without the integers it adds beyond the source's: a plural form of a
    /// language with more forms than English prints the count its English form leaves out (Ukrainian msgstr[0]
    /// serves 1, 21, 31…: "one plural form" → "%lu множинну форму").
    /// A fourth Ukrainian plural form (msgstr[3]) exists only where the catalog gives n = 1 a form of its own
    /// ("nplurals=4; plural=n==1 ? 3 : …", GNOME and Launchpad catalogs): it may say "one" (одне, одна) or just
    /// the singular (nautilus: "older than %d day" → "із віком понад день") instead of printing the count.
    /// Forms 0–2 serve many numbers (1, 21, 31…) and must print it.
    static func formForOne(_ form: Int, _ unit: CheckedUnit) -> Bool {
        form >= 3 && unit.targetLanguage == "uk"
    }

    /// The form for n = 1 of a Qt-style message (gnote: "Really delete %1 notes?" → msgstr[3] "Вилучити
    /// нотатку?"): one numbered placeholder, the count, may be left out, as %d may; a second one lost is reported.
    static func withoutOneDroppedCount(_ source: [Placeholder], target: [Placeholder]) -> [Placeholder] {
        let targetKeys = Set(target.map(\.key))
        let missing = source.indices.filter { source[$0].kind == .qt && !targetKeys.contains(source[$0].key) }
        guard missing.count == 1, let index = missing.first else { return source }
        var kept = source
        kept.remove(at: index)
        return kept
    }

    /// A 12-hour clock of the source written as a 24-hour one (GNOME: "%a %l∶%M %p" → "%a %H:%M"): the target
    /// shows the hour with %H, %k, %R or %T and has no AM/PM of its own, so the source's %p is not lost.
    static func isClockLocalised(_ target: [Unicode.Scalar]) -> Bool {
        var hasHour = false
        for index in target.indices.dropLast() where target[index] == "%" {
            var next = index + 1
            if "-_0^".unicodeScalars.contains(target[next]) && next + 1 < target.count { next += 1 }
            switch target[next] {
            case "H", "k", "R", "T": hasHour = true
            case "p", "P": return false
            default: break
            }
        }
        return hasHour
    }

    /// A strftime format: it has a conversion printf lacks (%Y, %B, %H, %M…).
    static func isDateFormat(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.indices.dropLast().contains { index in
            scalars[index] == "%" && "YyBbHMZjk".unicodeScalars.contains(scalars[index + 1])
        }
    }

    /// The day of the month (%d, %e, %-d, %_d), the 24-hour (%H, %k, %-H) and the 12-hour hour (%I, %l, %-l)
    /// written in another padding (gnome-shell: "%A %B %e %Y" → "%A %-d %B %Y"): as many on each side, they are
    /// one field and set aside.
    static func withoutEquivalentDateFields(_ source: [Placeholder], _ target: [Placeholder]) -> ([Placeholder], [Placeholder]) {
        func field(_ placeholder: Placeholder) -> Character? {
            var text = Substring(placeholder.text)
            guard text.first == "%" else { return nil }
            text = text.dropFirst()
            if let flag = text.first, "-_0".contains(flag) { text = text.dropFirst() }
            guard text.count == 1, let letter = text.first else { return nil }
            switch letter {
            case "d", "e": return "d"
            case "H", "k": return "H"
            case "I", "l": return "I"
            default: return nil
            }
        }
        var source = source, target = target
        for kind: Character in ["d", "H", "I"] {
            let inSource = source.filter { field($0) == kind }.count
            guard inSource > 0, inSource == target.filter({ field($0) == kind }).count else { continue }
            source.removeAll { field($0) == kind }
            target.removeAll { field($0) == kind }
        }
        return (source, target)
    }

    /// The calendar fields a strftime conversion prints (%F → year, month, day; %e → day), or nil for one that is
    /// not a date or time field.
    static func dateFields(_ letter: Unicode.Scalar) -> [String]? {
        switch letter {
        case "Y", "y", "C", "G", "g": ["year"]
        case "m", "b", "B", "h": ["month"]
        case "d", "e": ["day"]
        case "a", "A", "u", "w": ["weekday"]
        case "H", "k", "I", "l": ["hour"]
        case "M": ["minute"]
        case "S": ["second"]
        case "p", "P": ["ampm"]
        case "F": ["year", "month", "day"]
        case "D": ["month", "day", "year"]
        case "T": ["hour", "minute", "second"]
        case "R": ["hour", "minute"]
        case "r": ["hour", "minute", "second", "ampm"]
        default: nil
        }
    }

    /// The calendar fields of a text whose every %-conversion is a strftime date or time field, one of them at
    /// least a conversion printf does not have (%Y, %m, %R…: "%lu", "%d of %u" are printf's, "%P: %pB" binutils'
    /// own); nil otherwise.
    static func strftimeFields(_ scalars: [Unicode.Scalar]) -> Set<String>? {
        var fields = Set<String>()
        var index = 0
        var any = false
        var strftimeOnly = false
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "%" else { continue }
            index += 1
            guard index < scalars.count else { return nil }
            if scalars[index] == "%" { continue }
            if "-_0^#".unicodeScalars.contains(scalars[index]) { index += 1 }
            if index + 1 < scalars.count, scalars[index] == "E" || scalars[index] == "O" { index += 1 }
            guard index < scalars.count, let letterFields = dateFields(scalars[index]) else { return nil }
            fields.formUnion(letterFields)
            if "YyCGmBbHMSRTk".unicodeScalars.contains(scalars[index]) { strftimeOnly = true }
            any = true
        }
        return any && strftimeOnly ? fields : nil
    }

    /// gnome-commander: "'%F %R'" → "'%d.%m.%y %R'": a date written in the target's own order and fields, the same
    /// calendar fields on both sides (every conversion a date or time field). A field lost ("%F" → "%d.%m") or
    /// added stays reported.
    static func sameDateFields(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        guard let sourceFields = strftimeFields(source), let targetFields = strftimeFields(target) else { return false }
        return sourceFields == targetFields
    }

    /// Only as many as the target has more of them: "%lu byte" → "%ld байт" stays a changed conversion.
    static func withoutAddedCounts(_ source: [Placeholder], _ target: [Placeholder]) -> [Placeholder] {
        var added = target.filter(isCount).count - source.filter(isCount).count
        guard added > 0 else { return target }
        var available: [String: Int] = [:]
        for placeholder in source where isCount(placeholder) { available[conversion(placeholder), default: 0] += 1 }
        return target.filter { placeholder in
            guard isCount(placeholder) else { return true }
            let key = conversion(placeholder)
            if let count = available[key], count > 0 {
                available[key] = count - 1
                return true
            }
            guard added > 0 else { return true }
            added -= 1
            return false
        }
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        // A placeholder-like stretch inside a URL (%20, {id}) is the URL's, left to url-mismatch: one finding per URL.
        var sourcePlaceholders = Self.outsideLinks(unit.sourceText)
        var targetPlaceholders = Self.outsideLinks(unit.targetText)
        // Calligra's undo commands (msgctxt "(qtundo-format)"): a second line of the translation names the command
        // in the undo history and repeats its placeholders; the first line is the one compared.
        if let context = unit.unit.context, context.contains("(qtundo-format)"), !unit.source.contains("\n"),
            let newline = unit.targetText.scalars.firstIndex(of: "\n")
        {
            targetPlaceholders = targetPlaceholders.filter { $0.range.lowerBound < newline }
        }
        if unit.unit.pluralForm != nil, let plural = unit.unit.pluralSource, !targetPlaceholders.isEmpty {
            targetPlaceholders = Self.withoutTheCountOfThePlural(targetPlaceholders, source: sourcePlaceholders, plural: plural)
        }
        if !unit.unit.flags.contains("c-format") {
            (sourcePlaceholders, targetPlaceholders) = Self.pairingQtPlaceholdersBeforeLetters(sourcePlaceholders, targetPlaceholders)
        }
        var issues = IssueCollector()
        if !sourcePlaceholders.isEmpty || !targetPlaceholders.isEmpty {
            let translated = sourcePlaceholders.contains { $0.kind == .brace && Self.isMetavariable($0) }
                ? Self.translatedMetavariables(unit.targetText.scalars) : 0
            if unit.document.contains(.bracesMarkLinks), !DocumentTraits.hasMessageFormatSelector(unit.source) {
                // Stellarium's links: the words in braces are translated, so only their number compares.
                let sourceBraces = DocumentTraits.bracedSpans(unit.sourceText.scalars).count
                let targetBraces = DocumentTraits.bracedSpans(unit.targetText.scalars).count
                if sourceBraces != targetBraces {
                    issues.append(Issue("the source has \(sourceBraces) link(s) in braces, the target \(targetBraces)"))
                }
            } else if !Self.isTranslatedToken(unit) {
                // DocBook's <replaceable>{foo_path}/krusader</replaceable> is a metavariable, translated
                // ({якийсь_шлях}).
                if sourcePlaceholders.contains(where: { $0.key == "<replaceable>" }) {
                    sourcePlaceholders = Self.withoutBracesInReplaceable(sourcePlaceholders)
                    targetPlaceholders = Self.withoutBracesInReplaceable(targetPlaceholders)
                }
                Self.compareBraces(
                    Self.withoutTeXArguments(sourcePlaceholders, scalars: unit.sourceText.scalars),
                    Self.withoutTeXArguments(targetPlaceholders, scalars: unit.targetText.scalars),
                    translated: translated, into: &issues)
            }
            var targetOthers = targetPlaceholders.filter { $0.kind != .brace && $0.kind != .printf }
            var sourceOthers = sourcePlaceholders.filter { $0.kind != .brace && $0.kind != .printf }
            if unit.document.contains(.wikitext) {
                (sourceOthers, targetOthers) = Self.wikitextParameters(
                    sourceOthers, targetOthers, source: unit.sourceText.scalars, target: unit.targetText.scalars)
            } else {
                targetOthers = Self.withoutRepeatedQtPlaceholders(targetOthers, source: sourceOthers)
                sourceOthers = Self.withoutRepeatsWordedOtherwise(sourceOthers, target: targetOthers, translated: unit.targetText, language: unit.targetLanguage)
            }
            if sourceOthers.contains(where: { $0.kind == .tag }) {
                (sourceOthers, targetOthers) = Self.withoutUnclosedPhrasingTags(sourceOthers, targetOthers)
                sourceOthers = Self.withMarkupKeys(sourceOthers)
                targetOthers = Self.withMarkupKeys(targetOthers)
                sourceOthers = Self.withoutMnemonicTags(sourceOthers, target: targetOthers, scalars: unit.sourceText.scalars)
                targetOthers = Self.withoutAddedMarkup(targetOthers, source: sourceOthers)
                sourceOthers = Self.withoutReflowedLineBreaks(sourceOthers, target: targetOthers, scalars: unit.sourceText.scalars)
                sourceOthers = Self.withoutDroppedRichTextWrapper(sourceOthers, target: targetOthers)
                sourceOthers = Self.withoutRepeatedElements(sourceOthers, target: targetOthers, scalars: unit.sourceText.scalars)
            }
            targetOthers = Self.withoutAddedRichTextWrapper(targetOthers, source: sourceOthers, sourceScalars: unit.sourceText.scalars)
            if unit.document.contains(.kuitMarkup) {
                targetOthers = Self.withoutAddedMarkup(targetOthers, source: sourceOthers, only: DocumentTraits.kuitElements)
            }
            if unit.document.contains(.wikitext) {
                (sourceOthers, targetOthers) = Self.withEmphasisWrittenAsWikitext(
                    sourceOthers, targetOthers, source: unit.sourceText.scalars, target: unit.targetText.scalars)
                targetOthers = Self.withoutAddedMarkup(targetOthers, source: sourceOthers, only: Self.wikitextInlineElements)
            }
            if let form = unit.unit.pluralForm, Self.formForOne(form, unit) {
                sourceOthers = Self.withoutOneDroppedCount(sourceOthers, target: targetOthers)
            }
            if sourceOthers.contains(where: { $0.kind == .tag }) || targetOthers.contains(where: { $0.kind == .tag }) {
                (sourceOthers, targetOthers) = Self.withQuoteElementsAsMarks(
                    sourceOthers, targetOthers, source: unit.sourceText.scalars, target: unit.targetText.scalars)
                (sourceOthers, targetOthers) = Self.withElementsWrittenAsEntities(
                    sourceOthers, targetOthers, source: unit.sourceText.scalars, target: unit.targetText.scalars)
                sourceOthers = Self.withoutAcronymsWrittenOut(sourceOthers, target: targetOthers, scalars: unit.sourceText.scalars, translated: unit.targetText.string)
            }
            Self.compareMultiset(
                Self.withoutTranslatedAngleMetavariables(sourceOthers, target: targetOthers, translated: unit.targetText.scalars),
                targetOthers, key: \.key, into: &issues)
            var sourcePrintf = Self.only(.printf, sourcePlaceholders)
            var targetPrintf = Self.only(.printf, targetPlaceholders)
            if Self.isClockLocalised(unit.targetText.scalars) {
                sourcePrintf = sourcePrintf.filter { $0.text != "%p" && $0.text != "%P" }
            }
            if Self.isDateFormat(unit.sourceText.scalars) {
                (sourcePrintf, targetPrintf) = Self.withoutEquivalentDateFields(sourcePrintf, targetPrintf)
            }
            if unit.sourceText.scalars.contains("%"), Self.sameDateFields(unit.sourceText.scalars, unit.targetText.scalars) {
                (sourcePrintf, targetPrintf) = ([], [])
            }
            if let form = unit.unit.pluralForm {
                targetPrintf = Self.withoutAddedCounts(sourcePrintf, targetPrintf)
                if Self.formForOne(form, unit) { sourcePrintf = sourcePrintf.filter { !Self.isCount($0) || targetPrintf.contains(where: Self.isCount) } }
            }
            // Lists of different lengths differ: no sorted copies of millions of keys to find that out.
            if sourcePrintf.count != targetPrintf.count || sourcePrintf.map(\.key).sorted() != targetPrintf.map(\.key).sorted() {
                // Compare by conversion alone first: a missing %d is clearer than a renumbered one.
                var byConversion = IssueCollector()
                Self.compareMultiset(sourcePrintf, targetPrintf, key: Self.conversion, into: &byConversion)
                if !byConversion.isEmpty {
                    issues.append(contentsOf: byConversion)
                } else if sourcePrintf.contains(where: Self.hasPosition) {
                    // Numbered already (%2$s, lazarus's %2:s): a position changed, not an order.
                    Self.compareMultiset(sourcePrintf, targetPrintf, key: \.key, into: &issues)
                } else {
                    let sourceOrder = sourcePrintf.map(\.text).joined(separator: " … ")
                    let targetOrder = targetPrintf.map(\.text).joined(separator: " … ")
                    issues.append(Issue("placeholders change order (\(sourceOrder) → \(targetOrder)) without positions: number them (%1$s, %2$d)"))
                }
            }
        }
        let sourceCodes = unit.unit.sourceCodes
        let targetCodes = unit.unit.targetCodes
        if !sourceCodes.isEmpty || !targetCodes.isEmpty {
            var remaining: [String: Int] = [:]
            for code in targetCodes { remaining[code.key, default: 0] += 1 }
            var missing: [InlineCode] = []
            for code in sourceCodes {
                if let count = remaining[code.key], count > 0 {
                    remaining[code.key] = count - 1
                } else {
                    missing.append(code)
                }
            }
            var added: [InlineCode] = []
            for code in targetCodes {
                if let count = remaining[code.key], count > 0 {
                    remaining[code.key] = count - 1
                    added.append(code)
                }
            }
            for (_, shown) in Self.pairedCodes(missing) {
                issues.append(Issue("inline code \(shown) of the source is missing from the target", suggestion: shown))
            }
            for (_, shown) in Self.pairedCodes(added) {
                issues.append(Issue("inline code \(shown) in the target is not in the source"))
            }
        }
        return issues.issues(check: Self.description.id)
    }

    /// The placeholders of one kind; the list itself (no copy) when all are of it (two million `%s`).
    static func only(_ kind: Placeholder.Kind, _ placeholders: [Placeholder]) -> [Placeholder] {
        placeholders.allSatisfy { $0.kind == kind } ? placeholders : placeholders.filter { $0.kind == kind }
    }
}
