import TlumachConfig
import TlumachCore
import TlumachFormats

/// `untranslated`: an empty target, or a target that repeats a source with words.
struct UntranslatedCheck: Check {
    static let description = CheckDescription(
        id: "untranslated", name: "Untranslated",
        summary: "The target is empty, or is the source copied unchanged although the source has words.",
        rationale: """
            An empty or copied target ships the source language to readers. A source without words (numbers, codes, \
            a URL, placeholders) may legitimately be copied or left empty (it falls back to itself), so it is not reported; neither are units with no source text. A \
            copied target counts as untranslated only when it reads as English: a common word alone (Help), or two \
            words or more with a common lower-case word among them. Names and codes kept on purpose (Kerberos, \
            Bugzilla, mscgen, `ps axu`, placeholders only), commands in code elements (`<cmd>`, `<screen>`), a man \
            page's example command lines (mostly options, paths, assignments and quoted arguments) and lists \
            of quoted values, a lower-case scheme (ksvn+file), a value a program prints as written (False, null), a lone lower-case word (a keyword the program matches: \
            help, list) and a key's name where the PO context says so (keyboard label: Delete) are not reported, \
            nor a licence kept in English (its notice, and every unit copied in one run with it: the GPL appended to \
            a manual), nor targets made only of the \
            `untranslatable` words of `.tlumach.yml`. A lone capitalised word copied (Help) is reported only when \
            no translated target of the run keeps that word as it is: “Windows” stays “Windows” when another unit \
            says “диск Windows”.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Prisoner exchange", ""),
            .passing("{prefix}: {error}", "", note: "A message of placeholders left empty falls back to itself (ihatemoney)."),
            .passing("---------", "", note: "No words: nothing to translate (django-oscar's empty choice)."),
            .triggering("{count} bills", "", note: "Words beside the placeholder."),
            .passing(
                "<html><head><style type=\"text/css\">p, li { white-space: pre-wrap; }</style></head><body><p>gocryptfs</p></body></html>",
                "<html><head><style type=\"text/css\">p, li { white-space: pre-wrap; }</style></head><body><p>gocryptfs</p></body></html>",
                note: "A name in rich text: the style sheet's words are code (plasma-vault)."),
            .triggering(
                "<html><head><style type=\"text/css\">p { margin: 0; }</style></head><body><p>Choose the file to open</p></body></html>",
                "<html><head><style type=\"text/css\">p { margin: 0; }</style></head><body><p>Choose the file to open</p></body></html>",
                note: "Rich text whose words are copied."),
            .passing("TRANSLATORS: Please see the notes in the translation comment.", " ", note: "A note to the translators, answered as it asks (kgoldrunner)."),
            .passing("none, leftline, topline, bottomline, lines, single", "none, leftline, topline, bottomline, lines, single", note: "A list of option values (lyx)."),
            .passing("minimize,maximize,close", "minimize,maximize,close", note: "A setting's list of values (gnome-applets' window buttons)."),
            .triggering("none, left line, top line", "none, left line, top line", note: "Words of a phrase in the list."),
            .passing("by ", " ", note: "A function word of a message assembled from pieces, left out (vim: \"Compiled by\")."),
            .triggering("File ", " ", note: "A content word blanked."),
            .passing("Prefs_App| ", " ", note: "A Q_() context whose message is a space (FontForge)."),
            .triggering("Prisoner exchange", "Prisoner exchange", note: "Copied source."),
            .passing("Prisoner exchange", "Обмін полоненими"),
            .passing("COVID-19", "COVID-19", note: "A code: the same in both languages."),
            .passing("Num lock", "Num lock", note: "A key's printed name kept (caribou's on-screen keyboard; Data/key-names.tsv)."),
            .passing("False", "False", note: "A value the program prints as written (Firefox's about:webauthn; Data/function-words.tsv)."),
            .triggering("Caps lock is on", "Caps lock is on", note: "A message about the key, not its name."),
            .passing("2024", "2024", note: "Numbers only."),
            .passing("Keytronic FlexPro", "Keytronic FlexPro", note: "A product name."),
            .triggering("Help", "Help", note: "A single word copied."),
            .passing("Windows", "Windows", note: "A name the run's translations keep (udisks2; gnome-disk-utility writes “диск Windows”).", otherUnits: [("Windows disk", "Диск Windows")]),
            .passing("Down", "Down", note: "A file that keeps four or more keys' names as printed is a key table (ncmpc).", otherUnits: [("Home", "Home"), ("Insert", "Insert"), ("Space", "Space")]),
            .passing("Home", "Home", note: "Keys named by everyday words beside other keys kept as printed: a key table (flare).", otherUnits: [("Backspace", "Backspace"), ("CapsLock", "CapsLock"), ("PageUp", "PageUp")]),
            .triggering("Home", "Home", note: "Other keys translated: no key table.", otherUnits: [("Backspace", "Backspace"), ("Page Up", "Page Up"), ("Delete", "Видалити")]),
            .passing(
                "This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation.",
                "This program is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation.",
                note: "A licence's notice kept in English on purpose (pysiogame; Data/licence-notices.tsv)."),
            .triggering(
                "This program lets children practise counting and reading with small games.",
                "This program lets children practise counting and reading with small games.",
                note: "An About box's own text copied."),
            .passing("Copyright &copy; 2008-%1 Graeme Gott", "Copyright &copy; 2008-%1 Graeme Gott", note: "A copyright line: a character entity's name is not a word (focuswriter)."),
            .triggering("Copy &amp; paste the text", "Copy &amp; paste the text", note: "Words around an entity copied."),
            .passing("ps", "ps", note: "A command name."),
            .passing("passwd: %s", "passwd: %s", note: "A command and a placeholder."),
            .passing("Kerberos", "Kerberos", note: "A name (libc, gnupg2 catalogs)."),
            .passing("Bugzilla", "Bugzilla", note: "A product name."),
            .passing("mscgen", "mscgen", note: "A program name."),
            .passing("ps axu", "ps axu", note: "A command line."),
            .passing(
                "sed 's/#.*//' /etc/fstab | column --table --table-columns SOURCE,TARGET,TYPE --table-hide -",
                "sed 's/#.*//' /etc/fstab | column --table --table-columns SOURCE,TARGET,TYPE --table-hide -",
                note: "A man page's example (column(1), manpages-l10n)."),
            .triggering(
                "use -f or --force to overwrite files in /tmp", "use -f or --force to overwrite files in /tmp",
                note: "A sentence with options in it, copied."),
            .passing("system-file-manager", "system-file-manager", note: "An icon name (gthumb)."),
            .passing("post-transaction-actions: %s", "post-transaction-actions: %s", note: "A plug-in's name before its message (dnf-plugins-core)."),
            .passing("GPGME data_new_from_mem: %s\n", "GPGME data_new_from_mem: %s\n", note: "An identifier (gnupg2)."),
            .passing("  --mbig-endian-data\n", "  --mbig-endian-data\n", note: "An option (binutils)."),
            .passing("BTC 9116U Mini Wireless Internet and Gaming", "BTC 9116U Mini Wireless Internet and Gaming", note: "A product name (xkeyboard-config)."),
            .passing("default:mm", "default:mm", note: "A setting the locale keeps (gtk20: millimetres)."),
            .passing("output", "output", note: "A lone lower-case word is a keyword the program matches (procps-ng)."),
            .triggering("list of files", "list of files", note: "Lower-case words of a phrase."),
            .passing("file1 file2", "file1 file2", note: "Argument names with indexes (mc)."),
            .triggering("compare 2 files", "compare 2 files", note: "A number beside words is not an index."),
            .passing(
                "1. You may copy and distribute verbatim copies of the Program's source code as you receive it.",
                "1. You may copy and distribute verbatim copies of the Program's source code as you receive it.",
                note: "A licence's clause kept in English in one run of copied units with its notice (Debian Edu's Audacity manual).",
                otherUnits: [(Self.gplNotice, Self.gplNotice)]),
            .triggering(
                "Then you choose the whole record and choose noise removal again.",
                "Then you choose the whole record and choose noise removal again.",
                note: "Copied text that a translated unit parts from a licence's notice.",
                otherUnits: [("Copyright and authors", "Авторське право та автори"), (Self.gplNotice, Self.gplNotice)]),
        ])

    private static let gplNotice =
        "This program is free software; you can redistribute it and/or modify it under the terms of the GNU General Public License."

    let untranslatables: Set<String>

    init(environment: CheckEnvironment) { untranslatables = environment.options.untranslatables }

    /// How a target that is not translated falls short.
    enum Shortfall: Equatable {
        case empty
        /// A copied phrase that reads as language.
        case copiedPhrase
        /// One capitalised common word copied (Help, Windows): reported only when no translated target of the run
        /// keeps that word as it is (checkAll), since a name the translators keep in Latin is a name.
        case copiedWord(String)
    }

    /// An empty target. Copies are reported by `checkAll`, which sees the units around them.
    func check(_ unit: CheckedUnit) -> [Issue] {
        shortfall(unit) == .empty ? [Issue("the target is empty")] : []
    }

    static let copiedMessage = "the target is the source copied unchanged"

    /// Whether `position` lies in one of `ranges` (sorted by their starts): a binary search, so a text of many
    /// style sheets and many words stays linear-logarithmic.
    static func isInside(_ position: Int, _ ranges: [Range<Int>]) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].lowerBound <= position { low = middle + 1 } else { high = middle }
        }
        return low > 0 && ranges[low - 1].contains(position)
    }

    /// The stretches of `<head>…</head>` and `<style>…</style>` in a rich text, sorted by their starts (a style
    /// sheet inside a head is inside its stretch; none without "<head" or "<style").
    static func headAndStyleRanges(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for name in ["head", "style"] {
            let open = Array("<\(name)".unicodeScalars), close = Array("</\(name)>".unicodeScalars)
            var index = 0
            while let start = firstIndex(of: open, in: scalars, from: index) {
                guard let end = firstIndex(of: close, in: scalars, from: start + open.count) else { break }
                ranges.append(start..<(end + close.count))
                index = end + close.count
            }
        }
        // Sorted, and one inside another dropped, so the stretch before a position is the one that can hold it.
        var merged: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, range.lowerBound < last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    /// Where `pattern` (lower-case ASCII) first starts at or after `from`, any case.
    static func firstIndex(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar], from: Int) -> Int? {
        guard !pattern.isEmpty, scalars.count >= pattern.count else { return nil }
        var start = from
        while start + pattern.count <= scalars.count {
            if scalars[start] == pattern[0] {
                var matched = 1
                while matched < pattern.count,
                    scalars[start + matched] == pattern[matched]
                        || (scalars[start + matched].isASCII && Character(scalars[start + matched]).lowercased() == String(pattern[matched]))
                {
                    matched += 1
                }
                if matched == pattern.count { return start }
            }
            start += 1
        }
        return nil
    }

    /// English function words that Ukrainian word order may leave out of a message assembled from pieces.
    static let leftOutWords: Set<String> = ["a", "an", "the", "by", "of", "at", "in", "on", "to", "for", "from", "with", "and", "or"]

    /// vim "by " → " ", sushi "by" → " ": a lone function word of a message assembled from pieces, translated as
    /// the space that keeps the pieces apart (the target's word order puts the name elsewhere, or needs no word).
    /// An empty target, or a content word blanked ("File " → " "), is still untranslated.
    static func isWordLeftOut(_ unit: CheckedUnit) -> Bool {
        guard !unit.target.isEmpty, unit.target.unicodeScalars.allSatisfy(CharacterClass.isSpace) else { return false }
        let words = unit.sourceText.words
        guard words.count == 1, let word = words.first else { return false }
        return leftOutWords.contains(word.text) && unit.sourceText.scalars.allSatisfy { WordScanner.isLetter($0) || CharacterClass.isSpace($0) }
    }

    /// Lone copied words, unless the run's translations keep the word: udisks2 "Windows" → "Windows" is a name
    /// when gnome-disk-utility writes "диск Windows"; gtk's "Help" → "Help" is untranslated when no Ukrainian
    /// target has "Help" in it.
    /// Copied phrases, unless they are part of a licence's text kept whole (`outsideCopiedLicences`).
    func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        var phrases: [Int] = []
        var candidates: [(index: Int, word: String)] = []
        for (index, unit) in units.enumerated() {
            switch shortfall(unit) {
            // A message key's unit is left to the checks that read the target alone, as the runner leaves it.
            case .copiedPhrase where !unit.isMessageKey: phrases.append(index)
            case .copiedWord(let word): candidates.append((index, word))
            default: break
            }
        }
        let copiedPhrases = Self.outsideCopiedLicences(phrases, units: units).map { ($0, Issue(Self.copiedMessage)) }
        guard !candidates.isEmpty else { return copiedPhrases }
        candidates = Self.withoutKeyTables(candidates, units: units)
        guard !candidates.isEmpty else { return copiedPhrases }
        let words = Set(candidates.map(\.word))
        var kept = Set<String>()
        for unit in units where unit.hasTarget && !unit.target.utf8.elementsEqual(unit.source.utf8) {
            // The words are capitalised Latin ones kept in a Cyrillic text: one pass over the bytes finds both
            // (Cyrillic letters are two bytes led by 0xD0–0xD3).
            var capital = false
            var cyrillic = false
            for byte in unit.target.utf8 {
                if (0x41...0x5A).contains(byte) { capital = true } else if (0xD0...0xD3).contains(byte) { cyrillic = true }
                if capital && cyrillic { break }
            }
            guard capital && cyrillic else { continue }
            for word in unit.targetText.words where words.contains(word.text) { kept.insert(word.text) }
        }
        return copiedPhrases + candidates.filter { !kept.contains($0.word) }.map { ($0.index, Issue(Self.copiedMessage)) }
    }

    /// Debian Edu's Audacity manual appends the GPL in English, paragraph after paragraph: its clauses ("1. You
    /// may copy and distribute verbatim copies…") name no licence, but they stand in one run of copied units with
    /// the notice that does ("…under the terms of the GNU General Public License…"). A run of consecutive units of
    /// one file whose targets copy their sources, with a licence's notice among them, is that licence's text kept
    /// whole on purpose; `indexes` without the units of such runs.
    static func outsideCopiedLicences(_ indexes: [Int], units: [CheckedUnit]) -> [Int] {
        func isCopy(_ unit: CheckedUnit) -> Bool { unit.hasTarget && unit.target.utf8.elementsEqual(unit.source.utf8) }
        // Only the runs around the reported units are read (`indexes` ascend, so each run is read once).
        var run = 0..<0
        var runIsLicence = false
        return indexes.filter { index in
            if !run.contains(index) {
                let file = units[index].file
                var start = index
                while start > 0 && units[start - 1].file == file && isCopy(units[start - 1]) { start -= 1 }
                var end = index + 1
                while end < units.count && units[end].file == file && isCopy(units[end]) { end += 1 }
                run = start..<end
                runIsLicence = run.contains { isLicenceNotice(units[$0].source, language: units[$0].sourceLanguage) }
            }
            return !runIsLicence
        }
    }

    /// snapper: "\tsnapper create", "\tsnapper list": a command line of the catalog's own program (its first word
    /// the file's name, snapper.po), in lower case.
    static func isOwnCommandLine(_ source: String, file: String) -> Bool {
        let words = source.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        guard words.count >= 2, let first = words.first, !source.unicodeScalars.contains(where: { $0.properties.isUppercase }) else { return false }
        let name = file.split(separator: "/").last.map { $0.split(separator: ".").first ?? $0 } ?? ""
        return !name.isEmpty && first == name
    }

    /// Man pages' examples (manpages-l10n: "sed 's/#.*//' /etc/fstab | column --table", "logger --journald <<end
    /// MESSAGE=The dogs bark… end", "B<blkid --probe --usages filesystem,other /dev/sda1>"): a shell command line,
    /// kept as written: a prompt (`$ `, `# `) and a command; or, in ASCII, a lower-case command or a path first, then mostly code: options,
    /// paths, assignments, quoted arguments, figures beside them — half its words at least, or a quarter beside a
    /// pipe, redirection, quote or variable ("use -f or --force to overwrite files in /tmp" copied is still
    /// untranslated).
    static func isShellCommandLine(_ source: String) -> Bool {
        var text = Substring(source.trimmingCharacters(in: .whitespacesAndNewlines))
        // po4a writes a command in bold: "B<…>".
        if (text.hasPrefix("B<") || text.hasPrefix("I<")) && text.hasSuffix(">") { text = text.dropFirst(2).dropLast() }
        var tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" })
        let prompted = tokens.first == "$" || tokens.first == "#"
        if prompted { tokens.removeFirst() }
        // A command's name, or a path (a program, or a device that starts a line of its output: fsck's
        // "/dev/sda1: status 0, rss 92828, real 4.002804…").
        guard tokens.count >= 2, let command = tokens.first, let head = command.first,
            (head.isLowercase && command.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || "._+-".contains($0)) }))
                || (head == "/" && command.count > 1)
        else { return false }
        // A prompt before a command is a terminal session, whatever its output prints (systemctl(1): "# systemctl
        // start sshd.service", "$ systemctl status bluetooth ● bluetooth.service - …").
        if prompted && head != "/" { return true }
        guard source.utf8.allSatisfy({ $0 < 0x80 }) else { return false }
        var code = 0
        var strong = command.first == "/" ? 1 : 0
        var shell = false
        for token in tokens.dropFirst() {
            // A redirection or here-document ("<<end", "2>&1"); a tag ("<strong>Ctrl</strong>") is no shell.
            let redirection = token == "<" || token.hasPrefix("<<") || token.hasPrefix(">") || token.hasPrefix("2>") || token.hasPrefix("&>")
            let signs = redirection || token.contains(where: { Self.shellSigns.contains($0) })
            shell = shell || signs
            if signs || (token.hasPrefix("-") && token.count >= 2) || token.contains("/") || token.contains("=") {
                strong += 1
                code += 1
            } else if isNumeral(token) {
                code += 1
            }
        }
        // Figures alone make no command ("compare 2 files" copied is untranslated).
        let words = tokens.count - 1
        return strong > 0 && (code * 2 >= words || (shell && code * 4 >= words))
    }

    /// A pipe, separator, variable, quote or escape: signs of a shell's syntax in a token.
    private static let shellSigns: Set<Character> = ["|", ";", "$", "'", "\"", "`", "\\"]

    /// "92828,", "4.002804": figures, a decimal point and a trailing comma or semicolon allowed.
    private static func isNumeral(_ token: Substring) -> Bool {
        let figures = token.reversed().drop(while: { $0 == "," || $0 == ";" })
        guard let last = figures.first, last.isNumber else { return false }
        return figures.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") }
    }

    /// QGIS's examples of expressions, kept as written: a literal list or map ("[ 'one', 'two' ]", "{'layerId': NULL,
    /// …}"), a function call ("day(to_interval('3 weeks 2 days'))") or a comparison of names ("min <= value < max").
    static func isExpression(_ source: String) -> Bool {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let first = trimmed.unicodeScalars.first, let last = trimmed.unicodeScalars.last, trimmed.utf8.count >= 3 else { return false }
        if (first == "[" && last == "]") || (first == "{" && last == "}") { return true }
        let scalars = Array(trimmed.unicodeScalars)
        if last == ")", let open = scalars.firstIndex(of: "("), open > 0,
            scalars[open - 1].properties.isAlphabetic || scalars[open - 1] == "_" || NumberScanner.isDigit(scalars[open - 1]),
            !scalars[..<open].contains(" ")
        {
            return true
        }
        let tokens = trimmed.split(separator: " ")
        let operators: Set<Substring> = ["<", "<=", ">", ">=", "==", "!=", "=", "+", "*", "&&", "||"]
        return tokens.count <= 7 && tokens.contains { operators.contains($0) }
            && tokens.allSatisfy { operators.contains($0) || $0.unicodeScalars.allSatisfy { $0.isASCII && !CharacterClass.isSpace($0) } }
            && !tokens.contains { $0.count > 1 && $0.first?.isUppercase == true && $0.dropFirst().allSatisfy(\.isLowercase) }
    }

    /// Help pages' commands and values, kept as written: a source made only of code elements (evolution's
    /// "<cmd>xdg-settings set … https browser.desktop</cmd>", mate-user-guide's "<screen>$ dconf read …</screen>")
    /// or of quoted values ("none", "wallpaper", "centered" in gnome-help).
    static func isCodeOnly(_ source: String) -> Bool {
        let scalars = Array(source.unicodeScalars)
        guard let first = scalars.first(where: { !CharacterClass.isSpace($0) }), first == "<" || first == "\"" || first == "“" else { return false }
        var rest: [Unicode.Scalar] = []
        var index = 0
        var spans = 0
        var closedNames: Set<String>?
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "<", let (afterOpen, key) = PlaceholderScanner.tag(scalars, from: index, closedNames: &closedNames),
                !key.hasPrefix("</"), !key.hasSuffix("/>"), case let name = String(key.dropFirst().dropLast()), codeElements.contains(name)
            {
                let closing = Array("</\(name)>".unicodeScalars)
                var end = afterOpen
                while end + closing.count <= scalars.count && !scalars[end..<(end + closing.count)].elementsEqual(closing) { end += 1 }
                guard end + closing.count <= scalars.count else { return false }
                index = end + closing.count
                spans += 1
                continue
            }
            if scalar == "\"" || scalar == "“", let close = scalars[(index + 1)...].firstIndex(where: { $0 == "\"" || $0 == "”" }),
                !scalars[(index + 1)..<close].contains(" ")
            {
                index = close + 1
                spans += 1
                continue
            }
            rest.append(scalar)
            index += 1
        }
        // Quoted values need company (a list); a code element may stand alone.
        let quotedOnly = first != "<"
        return spans >= (quotedOnly ? 2 : 1) && !rest.contains(where: { $0.properties.isAlphabetic })
    }

    static let codeElements: Set<String> = [
        "cmd", "code", "screen", "sys", "input", "output", "command", "literal", "userinput", "computeroutput",
        "programlisting", "filename", "file", "var", "replaceable",
    ]

    /// pysiogame's About box: a licence's notice ("…under the terms of the GNU General Public License…") kept in
    /// the language it was written in, on purpose (Data/licence-notices.tsv).
    static func isLicenceNotice(_ source: String, language: String) -> Bool {
        guard source.utf8.count >= 40 else { return false }
        let phrases = WordLists.shared.words("licence", language: language)
        guard !phrases.isEmpty else { return false }
        let text = source.lowercased().split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: "_")
        return phrases.contains { text.contains($0) }
    }

    /// ncmpc's key bindings: a file that keeps four or more keys' names as written (Down, Home, Insert, Space; or
    /// flare's Home and Insert beside Backspace, CapsLock, PageUp) is a table of the keys' printed names, and those
    /// copies are not reported; a lone "Delete" copied is.
    static func withoutKeyTables(_ candidates: [(index: Int, word: String)], units: [CheckedUnit]) -> [(index: Int, word: String)] {
        var keyCandidates = Set<Int>()
        var candidateFiles = Set<String>()
        for (position, candidate) in candidates.enumerated() {
            let unit = units[candidate.index]
            if WordLists.shared.words("everyday-key", language: unit.sourceLanguage).contains(candidate.word.lowercased()) {
                keyCandidates.insert(position)
                candidateFiles.insert(unit.file)
            }
        }
        guard !keyCandidates.isEmpty else { return candidates }
        // Every key name the file keeps as written counts, not only the copies reported.
        var keysByFile: [String: Set<String>] = [:]
        let lists = WordLists.shared
        for unit in units where unit.source.utf8.count <= 16 && candidateFiles.contains(unit.file) && unit.target.utf8.elementsEqual(unit.source.utf8) {
            let name = unit.source.trimmingCharacters(in: " ").lowercased().replacing(" ", with: "_")
            if lists.words("everyday-key", language: unit.sourceLanguage).contains(name) || lists.words("key", language: unit.sourceLanguage).contains(name) {
                keysByFile[unit.file, default: []].insert(name)
            }
        }
        let tables = Set(keysByFile.filter { $0.value.count >= 4 }.keys)
        guard !tables.isEmpty else { return candidates }
        return candidates.enumerated().filter { position, candidate in
            !(keyCandidates.contains(position) && tables.contains(units[candidate.index].file))
        }.map(\.element)
    }

    func shortfall(_ unit: CheckedUnit) -> Shortfall? {
        let source = unit.source
        guard source.unicodeScalars.contains(where: { !CharacterClass.isSpace($0) }) else { return nil }
        // FontForge's "Prefs_App| " → " ": a Q_() context whose message is a space.
        if unit.sourceMessageStart > 0, unit.sourceText.scalars[unit.sourceMessageStart...].allSatisfy(CharacterClass.isSpace) { return nil }
        let target = unit.target
        if !target.unicodeScalars.contains(where: { !CharacterClass.isSpace($0) }) {
            // A note to the translators in place of a message (kgoldrunner: "TRANSLATORS: Please see the notes in
            // the translation comment.") is answered as it asks, often with a space.
            if source.hasPrefix("TRANSLATORS") && !target.isEmpty { return nil }
            // django-oscar's "---------", ihatemoney's "{prefix}: {error}": a message without words of its own
            // falls back to itself, which is all it needs.
            let masked = unit.sourceText.hasMaskedSpans ? unit.sourceText.masked : nil
            if !unit.sourceText.words.contains(where: { masked?[$0.range.lowerBound] != true }) { return nil }
            return Self.isWordLeftOut(unit) ? nil : .empty
        }
        // Byte equality: a copy is byte for byte (Swift's == would normalise both sides first).
        guard target.utf8.elementsEqual(source.utf8) else { return nil }
        if CharacterClass.isSettingKey(source) { return nil }
        if Self.isOwnCommandLine(source, file: unit.file) || Self.isShellCommandLine(source) { return nil }
        if Self.isExpression(source) { return nil }
        if Self.isCodeOnly(source) { return nil }
        // kdesvn's "ksvn+file", "(k)svn+file": one lower-case token joined by signs words do not take is a scheme or
        // keyword, not words.
        if !source.unicodeScalars.contains(where: { CharacterClass.isSpace($0) || $0.properties.isUppercase }),
            source.unicodeScalars.contains(where: { "+()/:_=".unicodeScalars.contains($0) })
        {
            return nil
        }
        if Self.isLicenceNotice(source, language: unit.sourceLanguage) { return nil }
        // A key's printed name (caribou: "Num lock") kept as the key shows it (Data/key-names.tsv).
        if source.utf8.count <= 16 {
            let name = source.trimmingCharacters(in: " ").lowercased().replacing(" ", with: "_")
            if WordLists.shared.words("key", language: unit.sourceLanguage).contains(name) { return nil }
        }
        // A value the program prints as written (about:webauthn: "False"; Data/function-words.tsv).
        if source.utf8.count <= 9, WordLists.shared.words("value-literal", language: unit.sourceLanguage).contains(source.lowercased()) { return nil }
        // A keyword the program matches, as its context says (KDE: "Note this is a KRunner keyword": "to disk",
        // "restart;reboot"), may stay as typed in English.
        // Lower case only: a label about keywords ("Enter keywords" under "search keyword field") is still text.
        if let context = unit.unit.context, context.lowercased().contains("keyword"),
            !source.unicodeScalars.contains(where: { $0.properties.isUppercase })
        {
            return nil
        }
        // Language rather than a name, key or code: two words or more with a lower-case word among them
        // ("Prisoner exchange"), or one capitalised word standing alone ("Help"). "Keytronic FlexPro", "Alt+Shift",
        // "KP_Up", "passwd: %s", "ps" are names, keys and codes and may stay as they are.
        func isPlain(_ word: Word) -> Bool {
            let scalars = word.text.unicodeScalars
            return scalars.count >= 2 && scalars.dropFirst().allSatisfy { CharacterClass.isLowercaseLetter($0) || WordScanner.isApostrophe($0) }
        }
        let words = unit.sourceText.words
        if !untranslatables.isEmpty && words.allSatisfy({ untranslatables.contains($0.text) }) { return nil }
        let lists = WordLists.shared
        // Only English has a word list; other source languages keep the shape test alone.
        func isCommon(_ word: String) -> Bool { unit.sourceLanguage != "en" || lists.isCommonEnglish(word) }
        // Words inside a code token (data_new_from_mem, --mbig-endian-data, [find_call], key=value) are code.
        let scalars = unit.sourceText.scalars
        let masked = unit.sourceText.hasMaskedSpans ? unit.sourceText.masked : nil
        let lowerSource = source.contains("<") ? source.lowercased() : ""
        let styleSheets = lowerSource.contains("<head") || lowerSource.contains("<style") ? Self.headAndStyleRanges(scalars) : []
        func isCode(_ word: Word) -> Bool {
            // A placeholder's name (gramps: "%(first)s %(surname)s") is code, and so is a character entity's
            // (`AnalyzedText.entities`).
            if masked?[word.range.lowerBound] == true { return true }
            // So is a rich text's head and style sheet (Qt Designer: "p, li { white-space: pre-wrap; }").
            if Self.isInside(word.range.lowerBound, styleSheets) { return true }
            var start = word.range.lowerBound
            while start > 0 && !CharacterClass.isSpace(scalars[start - 1]) { start -= 1 }
            var end = word.range.upperBound
            while end < scalars.count && !CharacterClass.isSpace(scalars[end]) { end += 1 }
            let token = scalars[start..<end]
            if token.first == "-" { return true }
            // Hyphen-joined lower-case words without spaces are a name the program looks up (gthumb's icon
            // names: system-file-manager, applications-engineering), also as a log line's prefix (dnf's
            // "post-transaction-actions: %s").
            let name = token.last == ":" ? token.dropLast() : token
            if name.contains("-") && name.first != "-" && name.allSatisfy({ CharacterClass.isLowercaseLetter($0) || $0 == "-" || NumberScanner.isDigit($0) }) { return true }
            // An argument name with an index (file1 file2, mc) is a placeholder of a usage line.
            if token.contains(where: NumberScanner.isDigit) { return true }
            return token.contains { "_=/\\[]|{}<>@#$*".unicodeScalars.contains($0) }
                || (token.contains(".") && token.last != "." && !token.contains(" "))
        }
        // A list of option values (lyx: "none, leftline, topline, bottomline, lines, single"; gnome-applets' button
        // layout "minimize,maximize,close") is keywords.
        if source.contains(","), source.split(separator: ",", omittingEmptySubsequences: false).allSatisfy({ item in
            let trimmed = item.drop { $0 == " " }
            return !trimmed.isEmpty && trimmed.unicodeScalars.allSatisfy { $0.isASCII && CharacterClass.isLowercaseLetter($0) }
        }) {
            return nil
        }
        let plain = words.filter { isPlain($0) && !isCode($0) }
        // A lower-case content word: "BTC 9116U Mini Wireless Internet and Gaming" is a product name.
        let functionWords: Set<String> = ["and", "the", "for", "with", "from", "into", "over"]
        let hasLowercaseWord = plain.contains {
            $0.text.unicodeScalars.count >= 3 && $0.text.unicodeScalars.first.map(CharacterClass.isLowercaseLetter) == true
                && isCommon($0.text) && !functionWords.contains($0.text)
        }
        // A lone word in lower case is a keyword or command the program matches (procps-ng's help, list, output);
        // a word whose context names it a key (gtk20's "keyboard label": Delete) is the key's printed name.
        let namesAKey = unit.unit.context.map { context in
            // …or a Qt class of shortcuts (lximage-qt's "HiddenShortcutsDialog|": Home, End, Esc).
            context.lowercased().split(whereSeparator: { !$0.isLetter }).contains { $0.hasPrefix("key") }
                || context.lowercased().contains("shortcut")
        } ?? false
        let loneWord = words.count == 1 && plain.count == 1 && plain[0].text.unicodeScalars.count >= 4 && !namesAKey
            && plain[0].text.unicodeScalars.first.map(CharacterClass.isLowercaseLetter) == false
            && unit.sourceText.scalars.allSatisfy { WordScanner.isLetter($0) || CharacterClass.isSpace($0) || ".!?:…".unicodeScalars.contains($0) }
            && isCommon(plain[0].text)
        if plain.count >= 2 && hasLowercaseWord { return .copiedPhrase }
        return loneWord ? .copiedWord(plain[0].text) : nil
    }
}

/// `whitespace`: leading or trailing whitespace differs between source and target.
struct WhitespaceCheck: Check {
    static let description = CheckDescription(
        id: "whitespace", name: "Leading and trailing whitespace",
        summary: "Leading or trailing whitespace (spaces, tabs, line breaks) of the target differs from the source's.",
        rationale: """
            Software strings are often concatenated: a lost trailing space glues words together, an added line \
            break breaks a layout. Empty targets are left to `untranslated`.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("Prisoners: ", "Полонені:", note: "The trailing space is lost."),
            .passing(
                "\n                Impersonating user \"%(user)s\".\n            ", "\nВидавати себе за користувача \"%(user)s\".",
                note: "A Django template's indentation around {% blocktrans %}, trimmed (Mayan EDMS)."),
            .triggering("Impersonating user \"%(user)s\".\n", "Видавати себе за користувача \"%(user)s\".", note: "A line break lost."),
            .passing(" tab, then don't check it again with fetchmail.\n", ", не перевіряйте її знову за допомогою fetchmail.\n", note: "A fragment that starts with a comma after its first word moved into the message before (gkrellm)."),
            .passing("\nUnlock a user account\n\n    An account may become locked.\n    ", "\n    Розблокувати обліковий запис\n\n    Обліковий запис може бути заблоковано.\n    ", note: "A docstring's first line indented as its body, which the program strips (ipa)."),
            .passing(", and %1", " і %1", note: "The comma before і left out as Ukrainian writes it, the space kept (peruse)."),
            .triggering(", %d hidden", " %d приховане", note: "The separator lost."),
            .triggering("\nExchange", "Обмін", note: "The leading line break is lost."),
            .passing(
                "tells how many new messages in each mailbox|    %d in %s", "    %d в %s",
                note: "A glib Q_() message's context before “|”, left out of the translation (xfce4-mailwatch-plugin)."),
            .triggering("mailbox|%d in %s", "    %d в %s", note: "Indentation added to the message itself."),
            .passing("Prisoners: ", "Полонені: "),
            .passing("Exchange", "Обмін"),
            .passing("      --rfc-3339=FMT   output date/time", "       --rfc-3339[=СПЕЦ]  вивести дату/час", note: "Help text re-aligned (coreutils)."),
            .passing("%s: no server running\n", "%s: сервер не працює \n", note: "A space before the final line break is invisible."),
            .passing("time unknown       ", "час невідомий      ", note: "Column padding fitted to the words (coreutils)."),
            .passing("Mic     ", "Мікрофон", note: "A field of fixed width filled with the word (aumix)."),
            .triggering("Mic     ", "Мікрофон2", note: "Wider than the field: the padding lost."),
            .passing("\n      --check-order  check", "\n  --check-order  перевіряти", note: "Re-indented after a line break (coreutils)."),
            .triggering(" unknown file type %s\n", "невідомий тип файла %s\n", note: "A lost leading space glues the message to what precedes it."),
            .passing("Folder", " Папки ", note: "A tab label padded evenly (sylpheed)."),
            .triggering("Folder", " Папки", note: "Padded on one side only."),
            .passing("When decli_ned:", "При в_ідмові:    ", note: "A field label padded after its colon (evolution)."),
            .triggering("Server Type:", "Тип сервера: ", note: "One space slipped in after a colon."),
            .passing("<h1>No Backend Found</h1> ", "<h1>Не знайдено модулів</h1>", note: "Rich text from tag to tag: the renderer collapses the space (cantor)."),
            .triggering("<b>Name:</b> ", "<b>Назва:</b>", note: "Inline tags: the label's space is lost."),
        ])

    init(environment: CheckEnvironment) {}

    /// Whether the source starts with ", " and the target with a space and a conjunction that takes no comma
    /// before it (Data/function-words.tsv, role "comma-free-conjunction").
    static func dropsCommaBeforeConjunction(_ unit: CheckedUnit) -> Bool {
        let source = unit.sourceText.scalars, target = unit.targetText.scalars
        guard source.count >= 2, source[0] == ",", source[1] == " ", target.count >= 2 else { return false }
        let word = target.dropFirst().prefix { WordScanner.isLetter($0) }
        guard !word.isEmpty else { return false }
        return WordLists.shared.words("comma-free-conjunction", language: unit.targetLanguage).contains(ScalarString.make(word).lowercased())
    }

    /// The whitespace a text starts with and the whitespace it ends with (an all-space text is both).
    static func edges(_ scalars: [Unicode.Scalar]) -> (leading: ArraySlice<Unicode.Scalar>, trailing: ArraySlice<Unicode.Scalar>) {
        var start = 0
        while start < scalars.count && CharacterClass.isSpace(scalars[start]) { start += 1 }
        var end = scalars.count
        while end > 0 && CharacterClass.isSpace(scalars[end - 1]) { end -= 1 }
        return (scalars[..<start], scalars[max(end, 0)...])
    }

    /// Block-level HTML elements: whitespace next to them is not rendered, whatever is joined before or after.
    static let blockTags: Set<String> = ["address", "blockquote", "body", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5",
        "h6", "hr", "html", "li", "ol", "p", "pre", "qt", "table", "td", "th", "tr", "ul"]

    /// Whether the text, whitespace aside, starts with a block-level tag (or a `<!DOCTYPE …>`) and ends with the
    /// closing of one (`<h1>…</div>`, `<qt>…</qt>`); a label in inline tags (`<b>Name:</b> `) keeps its space.
    static func isMarkup(_ scalars: [Unicode.Scalar], _ edges: (leading: ArraySlice<Unicode.Scalar>, trailing: ArraySlice<Unicode.Scalar>)) -> Bool {
        let first = edges.leading.count, last = scalars.count - edges.trailing.count - 1
        guard last > first + 2, scalars[first] == "<", scalars[last] == ">" else { return false }
        func name(from start: Int) -> String {
            var end = start
            while end < last && scalars[end].value < 0x80 && (scalars[end].properties.isAlphabetic || ("1"..."6").contains(scalars[end])) { end += 1 }
            return ScalarString.make(scalars[start..<end]).lowercased()
        }
        // A document's own start (kmail: `<!DOCTYPE HTML …><html>…</html> `) opens a block too.
        guard scalars[first + 1] == "!" || blockTags.contains(name(from: first + 1)),
            let open = scalars[first..<last].lastIndex(of: "<"), open + 1 < last, scalars[open + 1] == "/"
        else { return false }
        return blockTags.contains(name(from: open + 2))
    }

    /// Equal as Swift compares strings (canonical equivalence: U+2000 equals U+2002), as the check always has.
    static func same(_ a: ArraySlice<Unicode.Scalar>, _ b: ArraySlice<Unicode.Scalar>) -> Bool {
        a.elementsEqual(b) || ScalarString.make(a) == ScalarString.make(b)
    }

    static func describe(_ whitespace: String) -> String {
        if whitespace.isEmpty { return "none" }
        return "\"" + whitespace.unicodeScalars.map { scalar -> String in
            switch scalar {
            case "\n": "\\n"
            case "\t": "\\t"
            case "\r": "\\r"
            case " ": "·"
            default: "U+" + String(scalar.value, radix: 16, uppercase: true)
            }
        }.joined() + "\""
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let source = unit.source
        let target = unit.target
        let first = source.unicodeScalars.first
        let firstTarget = target.unicodeScalars.first
        let last = source.unicodeScalars.last
        let lastTarget = target.unicodeScalars.last
        // Fast path: neither side starts or ends with whitespace.
        if first.map(CharacterClass.isSpace) != true && firstTarget.map(CharacterClass.isSpace) != true
            && last.map(CharacterClass.isSpace) != true && lastTarget.map(CharacterClass.isSpace) != true
        {
            return []
        }
        if UntranslatedCheck.isWordLeftOut(unit) { return [] }
        var issues: [Issue] = []
        var sourceEdges = Self.edges(unit.sourceText.scalars)
        let targetEdges = Self.edges(unit.targetText.scalars)
        // glib's Q_() messages carry their context before a "|" ("tells how many new messages in each mailbox|
        // %d in %s"), which the translation leaves out: the message starts after it.
        if sourceEdges.leading.isEmpty, !targetEdges.leading.isEmpty, unit.sourceMessageStart > 0 {
            sourceEdges.leading = Self.edges(Array(unit.sourceText.scalars[unit.sourceMessageStart...])).leading
        }
        // peruse: ", and %1" → " і %1": the comma before a conjunction left out as Ukrainian writes it, its space
        // kept; without a conjunction after it (", %d hidden" → " %d приховане") the separator is lost.
        if sourceEdges.leading.isEmpty, targetEdges.leading.elementsEqual([" "]), Self.dropsCommaBeforeConjunction(unit) {
            sourceEdges.leading = targetEdges.leading
        }
        // gkrellm: " tab, then do this…" → ", тоді визначте…": the fragment's first word moved into the message
        // before it, the target starts with a mark that clings to the word before, so no space leads it.
        if sourceEdges.leading.elementsEqual([" "]), targetEdges.leading.isEmpty,
            let first = unit.targetText.scalars.first, ",.;:!?".unicodeScalars.contains(first)
        {
            sourceEdges.leading = targetEdges.leading
        }
        // ipa's docstrings: "\nUnlock a user account\n\n    An account…" → "\n    Розблокувати…": the first line
        // indented as the source indents its body, which the program strips.
        if sourceEdges.leading.elementsEqual(["\n"]), targetEdges.leading.count > 1, targetEdges.leading.first == "\n",
            targetEdges.leading.dropFirst().allSatisfy({ $0 == " " }),
            PunctuationCheck.contains(unit.sourceText.scalars, Array(targetEdges.leading))
        {
            sourceEdges.leading = targetEdges.leading
        }
        // Indentation of aligned help text (both sides indented with spaces, by different amounts) is layout the
        // translator re-aligns; so is a space before a final line break, which nobody sees.
        let bothIndented = sourceEdges.leading.contains(" ") && targetEdges.leading.contains(" ")
            && sourceEdges.leading.filter { $0 != " " } == targetEdges.leading.filter { $0 != " " }
        // Padding of a table column (trailing spaces on both sides, counted to fit the translated words).
        let bothPadded = !sourceEdges.trailing.isEmpty && !targetEdges.trailing.isEmpty
            && sourceEdges.trailing.allSatisfy { $0 == " " } && targetEdges.trailing.allSatisfy { $0 == " " }
        let sourceTrailing = sourceEdges.trailing.filter { $0 != " " && $0 != "\t" }
        let targetTrailing = targetEdges.trailing.filter { $0 != " " && $0 != "\t" }
        let invisibleTrailing = !sourceTrailing.isEmpty && sourceTrailing.last == "\n" && targetEdges.trailing.last == "\n"
            && sourceTrailing.elementsEqual(targetTrailing)
        // A label padded evenly with spaces on one side and bare on the other (sylpheed's tabs: "Folder" →
        // " Папки ", " Send " → "Послати") is the translator's layout, not a space slipped in or lost.
        func evenlyPadded(_ edges: (leading: ArraySlice<Unicode.Scalar>, trailing: ArraySlice<Unicode.Scalar>)) -> Bool {
            !edges.leading.isEmpty && edges.leading.allSatisfy { $0 == " " } && edges.leading.elementsEqual(edges.trailing)
        }
        // Mayan EDMS: "\n                Impersonating user…\n            " → "\nВидавати себе…": a Django template's
        // indentation around a {% blocktrans %}, which HTML shows as one space at most, trimmed by the translator.
        func templateIndent(_ edge: ArraySlice<Unicode.Scalar>) -> Bool {
            guard edge.first == "\n", let newline = edge.lastIndex(of: "\n") else { return false }
            let indent = edge[(newline + 1)...]
            return indent.count >= 4 && indent.allSatisfy { $0 == " " }
        }
        func onlyLineBreaksAndSpaces(_ edge: ArraySlice<Unicode.Scalar>) -> Bool { edge.allSatisfy { $0 == "\n" || $0 == " " } }
        if templateIndent(sourceEdges.leading) && onlyLineBreaksAndSpaces(targetEdges.leading) { sourceEdges.leading = targetEdges.leading }
        if templateIndent(sourceEdges.trailing) && onlyLineBreaksAndSpaces(targetEdges.trailing) { sourceEdges.trailing = targetEdges.trailing }
        let sourceBare = sourceEdges.leading.isEmpty && sourceEdges.trailing.isEmpty
        let targetBare = targetEdges.leading.isEmpty && targetEdges.trailing.isEmpty
        if (sourceBare && evenlyPadded(targetEdges)) || (targetBare && evenlyPadded(sourceEdges)) { return [] }
        // Rich text from tag to tag on both sides (cantor: "<h1>…</div> " → "<h1>…</div>"): the renderer
        // collapses whitespace outside the tags.
        if Self.isMarkup(unit.sourceText.scalars, sourceEdges) && Self.isMarkup(unit.targetText.scalars, targetEdges) { return [] }
        // A field label padded after its colon (evolution: "When decli_ned:" → "При в_ідмові:    "): a run of
        // spaces lines up the fields; one space slipped in after a colon is reported.
        let labelPadded = sourceEdges.trailing.isEmpty && unit.sourceText.scalars.last == ":" && targetEdges.trailing.count >= 2
            && targetEdges.trailing.allSatisfy { $0 == " " } && unit.targetText.scalars.dropLast(targetEdges.trailing.count).last == ":"
        if !bothIndented && !Self.same(sourceEdges.leading, targetEdges.leading) {
            issues.append(Issue("leading whitespace differs: source \(Self.describe(ScalarString.make(sourceEdges.leading))), target \(Self.describe(ScalarString.make(targetEdges.leading)))"))
        }
        // A field of fixed width (aumix: "Mic     " → "Мікрофон", "Treble  " → "Високі ч"): the source padded
        // with spaces to its width, the target filling that width with letters.
        let widthFilled = sourceEdges.trailing.count >= 2 && targetEdges.trailing.isEmpty && sourceEdges.trailing.allSatisfy { $0 == " " }
            && unit.sourceText.scalars.count == unit.targetText.scalars.count
        if !invisibleTrailing && !bothPadded && !labelPadded && !widthFilled && !Self.same(sourceEdges.trailing, targetEdges.trailing) {
            issues.append(Issue("trailing whitespace differs: source \(Self.describe(ScalarString.make(sourceEdges.trailing))), target \(Self.describe(ScalarString.make(targetEdges.trailing)))"))
        }
        return issues
    }
}

/// `length-ratio`: a target much shorter or longer than its source.
struct LengthRatioCheck: Check {
    static let description = CheckDescription(
        id: "length-ratio", name: "Length ratio",
        summary: "The target is much shorter or longer than the source (letters and digits counted; bounds in `check.options`).",
        rationale: """
            A translation a third as long as its source has usually lost a sentence; one three times as long may \
            hold a pasted paragraph. Ukrainian runs about 10–25 % longer than English. Short sources vary too much \
            to judge (at least `length-ratio-min-source` letters, 20 by default), so they are skipped. A note by \
            default: it asks for a look, not a fix (reviewed catalogs drop region codes from names and spell out \
            terse messages on purpose); `severity: {length-ratio: warning}` makes it count.
            """,
        defaultSeverity: .info,
        examples: [
            .triggering(
                "Ukraine returned 42 more defenders and 2 civilians from captivity.", "Україна повернула.",
                note: "Most of the sentence is lost."),
            .passing(
                "Ukraine returned 42 more defenders and 2 civilians from captivity.",
                "Україна повернула з полону ще 42 захисників і двох цивільних."),
            .passing("Exchange", "Обмін полоненими між країнами", note: "Short sources are skipped."),
        ])

    /// The bounds, from `check.options` in `.tlumach.yml`.
    struct Options: CheckOptionSet {
        /// A target/source ratio of letters and digits outside these bounds is reported…
        var minimumLengthRatio = 0.4
        var maximumLengthRatio = 2.5
        /// …when the source has at least this many.
        var lengthRatioMinimumSourceLength = 20

        static let keys: [CheckOptionKey] = [
            CheckOptionKey("length-ratio-min", summary: "the smallest target/source ratio not reported", defaultValue: "0.4"),
            CheckOptionKey("length-ratio-max", summary: "the largest target/source ratio not reported", defaultValue: "2.5"),
            CheckOptionKey("length-ratio-min-source", summary: "letters and digits a source needs to be judged", defaultValue: "20"),
        ]

        init() {}

        mutating func set(_ key: String, to value: ConfigurationValue) throws(InputError) {
            switch key {
            case "length-ratio-min": minimumLengthRatio = try value.number(in: 0...1_000_000, key: key)
            case "length-ratio-max": maximumLengthRatio = try value.number(in: 0...1_000_000, key: key)
            case "length-ratio-min-source": lengthRatioMinimumSourceLength = Int(try value.number(in: 0...1_000_000_000, key: key))
            default: throw value.error("unknown option \"\(key)\"")
            }
        }
    }

    let options: Options

    init(environment: CheckEnvironment) { options = environment.options.checks.options(for: Self.self) }

    static func measure(_ scalars: [Unicode.Scalar]) -> Int {
        var count = 0
        for scalar in scalars where CharacterClass.isLetterOrDigit(scalar) {
            count += 1
        }
        return count
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        // Cheap bound first: fewer UTF-8 bytes than the minimum means fewer letters too.
        guard unit.source.utf8.count >= options.lengthRatioMinimumSourceLength else { return [] }
        let sourceLength = Self.measure(unit.sourceText.scalars)
        guard sourceLength >= options.lengthRatioMinimumSourceLength, sourceLength > 0 else { return [] }
        let ratio = Double(Self.measure(unit.targetText.scalars)) / Double(sourceLength)
        let formatted = (ratio * 100).rounded() / 100
        if ratio < options.minimumLengthRatio {
            return [Issue("the target is \(formatted)× the source's length (below \(options.minimumLengthRatio)×): is something missing?")]
        }
        if ratio > options.maximumLengthRatio {
            return [Issue("the target is \(formatted)× the source's length (above \(options.maximumLengthRatio)×): is something added?")]
        }
        return []
    }
}

/// `url-mismatch`: URLs and e-mail addresses of the source missing from the target, or added to it.
struct URLMismatchCheck: Check {
    static let description = CheckDescription(
        id: "url-mismatch", name: "URLs and e-mail addresses",
        summary: "A URL or e-mail address of the source is missing from the target, or the target has one the source lacks.",
        rationale: """
            A changed link sends readers elsewhere or nowhere. Trailing sentence punctuation is not part of a URL, \
            scheme and host compare case-insensitively, and a language code that follows the pair (`/en/` → \
            `/uk/`, `en.wikipedia.org` → `uk.wikipedia.org`) is an allowed localisation; on a host named by its language, so \
            is the site's article in the target's language under its own title. A sample mailbox at a domain \
            reserved for examples (bob@example.com → olexandr@example.com) may be localised. A sample address given \
            the reader's words (ftp://my.server.org/sub/folder → ftp://мій.сервер.org/під/тека), a sample URL whose \
            bracketed metavariable is renamed (…/blog/[my-slug]/ → …/blog/[nazva_storinky]/), a sample \
            identity's mailbox named after its person, or a mailbox the source marks as a sample (after \
            "Example:", "e.g.") written otherwise is reported as information.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Details: https://example.org/report.", "Подробиці: ↓https://example.org/raport."),
            .triggering("Write to press@example.org", "Пишіть нам"),
            .passing(
                "try the forum at <a href=\"https://forum.kde.org/viewforum.php?f=69\">https://forum.kde.org/viewforum.php?f=69</a>",
                "запитайте на <a href=\"https://forum.kde.org/viewforum.php?f=69\">форумі KMyMoney</a>",
                note: "A link kept, its text worded instead of the address (alkimia)."),
            .passing("bob@example.com", "olexandr@example.com", note: "A sample name at a domain reserved for examples (kcm_ktp_chat_appearance)."),
            .passing("user@example.org", "користувач@example.org", note: "A sample mailbox in Cyrillic letters (plasma-phonebook)."),
            .passing(
                "the REST API URL, usually https://servername/ovirt-engine/api", "адреса REST, зазвичай https://назва_сервера/ovirt-engine/api",
                note: "A host that is a metavariable, named in the reader's language (virt-v2v)."),
            .passing(
                "Enter the URL of the server (e.g. https://<your.freedombox.address>).", "Введіть адресу сервера (наприклад, https://&lt;ваша.freedombox.address&gt;).",
                note: "A template whose host is a metavariable, its brackets escaped in the target (freedombox)."),
            .triggering("Write to press@kyiv.ua", "Пишіть на ↓olexandr@kyiv.ua", note: "A real mailbox changed."),
            .triggering(
                "Example: user@hotmail.com", "Приклад: ↓user@gmail.com",
                note: "A mailbox the source calls a sample, localised: reported as information (kcmtelepathyaccounts)."),
            .passing(
                "see https://userbase.kde.org/Akonadi", "див. https://userbase.kde.org/Akonadi_(uk)",
                note: "KDE UserBase's translation of the page (libakonadi)."),
            .triggering(
                "e.g. ftp://my.server.org/sub/folder.", "наприклад ↓ftp://мій.сервер.org/під/тека.",
                note: "A sample address given the reader's words: reported as information (kipiplugin_remotestorage)."),
            .triggering(
                "in this form:\n    \"Heinrich Heine (Der Dichter) <heinrichh@duesseldorf.de>\"",
                "у такому форматі:\n    \"Ivan Ivanenko (farmer) <↓iivanenko@moyahata.ua>\"",
                note: "A sample identity localised, its mailbox named after its person: reported as information (gnupg1)."),
            .passing("Details: https://example.org/report.", "Подробиці: https://example.org/report."),
            .passing(
                "See https://en.wikipedia.org/wiki/Kyiv", "Див. https://uk.wikipedia.org/wiki/Kyiv",
                note: "The language code follows the pair."),
            .passing(
                "See https://en.wikipedia.org/wiki/Gravitation", "Див. http://uk.wikipedia.org/wiki/Гравітація",
                note: "The site's article in the target's language, under its own title (KDE Step)."),
            .triggering(
                "See https://en.wikipedia.org/wiki/Gravitation", "Див. ↓https://uk.example.org/wiki/Гравітація",
                note: "Another site."),
            .passing(
                "Report bugs to <https://translationproject.org/team/>", "Повідомляйте на <https://translationproject.org/team/uk.html>",
                note: "The page of the target's language (coreutils)."),
            .passing(
                "see https://docs.kde.org/?application=katepart&path=config-variables.html#variable-remove-trailing-spaces",
                "див. https://docs.kde.org/?application=katepart&language=uk&path=config-variables.html#variable-remove-trailing-spaces",
                note: "The documentation asked for in the target's language (ktexteditor)."),
            .triggering(
                "see https://docs.kde.org/?application=katepart&path=config-variables.html",
                "див. ↓https://docs.kde.org/?application=kwrite&language=uk&path=config-variables.html",
                note: "Another page."),
            .passing(
                "see the <a href=\"https://userbase.kde.org/KDevelop\">User Manual</a>",
                "див. <a href=\"https://userbase.kde.org/Special:myLanguage/KDevelop\">Підручник користувача</a>",
                note: "A wiki page asked for in the reader's language (kdevelop)."),
            .triggering(
                "see https://userbase.kde.org/KDevelop", "див. ↓https://userbase.kde.org/Special:myLanguage/Kate",
                note: "Another page."),
        ])

    init(environment: CheckEnvironment) {}

    static func key(_ link: Link, sourceLanguage: String, targetLanguage: String) -> String {
        var text = link.text
        while text.hasSuffix("/") { text.removeLast() }
        var lowered = text
        // Scheme and host are case-insensitive; the path is not.
        if let schemeEnd = text.range(of: "://") {
            let afterScheme = text[schemeEnd.upperBound...]
            let hostEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
            let host = afterScheme[..<hostEnd]
            // virt-v2v: "https://servername/ovirt-engine/api" → "https://назва_сервера/ovirt-engine/api": a host
            // without a dot (but localhost) is a metavariable, which the translator may name in the reader's language.
            if !host.isEmpty, !host.contains("."), !host.contains(":"), host.lowercased() != "localhost", !host.contains("[") {
                lowered = text[..<schemeEnd.upperBound].lowercased() + "{host}" + text[hostEnd...]
            } else {
                lowered = text[..<hostEnd].lowercased() + text[hostEnd...]
            }
        } else if link.isEmail {
            lowered = text.lowercased()
        }
        if link.isEmail { return exampleMailbox(lowered) ?? lowered }
        lowered = withoutLanguageParameters(lowered, sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        // A MediaWiki page through Special:MyLanguage is the same page in the reader's language (KDE UserBase:
        // `userbase.kde.org/KDevelop` → `userbase.kde.org/Special:myLanguage/KDevelop`).
        for spelling in ["/Special:myLanguage/", "/Special:MyLanguage/", "/special:mylanguage/"] where lowered.contains(spelling) {
            lowered = lowered.replacing(spelling, with: "/")
        }
        // Language codes of the pair as host labels or path segments are interchangeable.
        let pieces = lowered.split(separator: "/", omittingEmptySubsequences: false).map { whole -> String in
            // KDE UserBase's translated pages: "…/Akonadi" → "…/Akonadi_(uk)".
            var piece = whole
            for language in [targetLanguage, sourceLanguage, "ua"] where piece.hasSuffix("_(\(language))") {
                piece = piece.dropLast(language.count + 3)
            }
            let labels = piece.split(separator: ".", omittingEmptySubsequences: false).map { label -> String in
                let lower = label.lowercased()
                return lower == sourceLanguage || lower == targetLanguage || lower == "ua" ? "{lang}" : String(label)
            }
            return labels.joined(separator: ".")
        }
        return pieces.joined(separator: "/")
    }

    /// A sample address the translator gave the reader's words, where a real one would be copied:
    /// kipiplugin_remotestorage's "ftp://my.server.org/sub/folder" → "ftp://мій.сервер.org/під/тека" (the same
    /// scheme, top-level domain and number of path segments, its host's words in Cyrillic), and gnupg's identity template
    /// "Heinrich Heine (Der Dichter) <heinrichh@duesseldorf.de>" → "Ivan Ivanenko (farmer) <iivanenko@moyahata.ua>"
    /// (a mailbox in angle brackets named after the person before it, on each side).
    /// `target` is one of `couldBeLocalisedSample`'s.
    static func isLocalisedSample(_ source: Link, _ target: Link, in unit: CheckedUnit) -> Bool {
        guard source.isEmail == target.isEmail else { return false }
        if source.isEmail { return isNamedMailbox(source, in: unit.sourceText.scalars) || isMarkedSample(source, in: unit) }
        guard let sourceScheme = source.text.range(of: "://"), let targetScheme = target.text.range(of: "://") else { return false }
        guard source.text[..<sourceScheme.lowerBound].lowercased() == target.text[..<targetScheme.lowerBound].lowercased() else { return false }
        let sourcePieces = source.text[sourceScheme.upperBound...].split(separator: "/")
        let targetPieces = target.text[targetScheme.upperBound...].split(separator: "/")
        guard sourcePieces.count == targetPieces.count, let sourceHost = sourcePieces.first, let targetHost = targetPieces.first else { return false }
        // wagtail: "http://domain.com/blog/[my-slug]/" → "…/blog/[nazva_storinky]/": only a bracketed metavariable
        // of the path differs, the example's own name for the reader.
        if sourceHost.lowercased() == targetHost.lowercased(), zip(sourcePieces, targetPieces).contains(where: { $0 != $1 }),
            zip(sourcePieces, targetPieces).allSatisfy({ $0 == $1 || (isMetavariable($0) && isMetavariable($1)) })
        {
            return true
        }
        return sourceHost.split(separator: ".").last?.lowercased() == targetHost.split(separator: ".").last?.lowercased()
            && couldBeLocalisedSample(target, in: unit, byHostOnly: true)
    }

    /// A path segment that is a metavariable: `[my-slug]`, `{id}`, `<name>`.
    static func isMetavariable(_ segment: Substring) -> Bool {
        guard let first = segment.first, let last = segment.last, segment.count > 2 else { return false }
        return (first == "[" && last == "]") || (first == "{" && last == "}") || (first == "<" && last == ">")
    }

    /// A target address shaped like a localised sample: a mailbox named after the person before it, or a URL whose
    /// host has Cyrillic letters.
    static func couldBeLocalisedSample(_ link: Link, in unit: CheckedUnit, byHostOnly: Bool = false) -> Bool {
        if link.isEmail {
            return isNamedMailbox(link, in: unit.targetText.scalars)
                || unit.sourceText.links.contains { $0.isEmail && isMarkedSample($0, in: unit) }
        }
        guard let scheme = link.text.range(of: "://") else { return false }
        let host = link.text[scheme.upperBound...].prefix { $0 != "/" }
        if host.unicodeScalars.contains(where: { (0x400...0x4FF).contains($0.value) }) { return true }
        return !byHostOnly && link.text[scheme.upperBound...].split(separator: "/").dropFirst().contains(where: isMetavariable)
    }

    /// A mailbox the source gives as a sample, which a translator may localise: after words that say so
    /// (kcmtelepathyaccounts: "Example: user@hotmail.com" → "Приклад: user@gmail.com"; the source language's
    /// `sample-marker` words in Data/function-words.tsv). A message that is an address alone may be a real one, and
    /// stays compared.
    static func isMarkedSample(_ link: Link, in unit: CheckedUnit) -> Bool {
        let scalars = unit.sourceText.scalars
        let before = ScalarString.make(scalars[max(0, link.range.lowerBound - 24)..<link.range.lowerBound]).lowercased()
        let lead = before.trimmingCharacters(in: " :,(<\t\n")
        return WordLists.shared.words("sample-marker", language: unit.sourceLanguage).contains {
            lead.hasSuffix($0.replacingOccurrences(of: "_", with: " "))
        }
    }

    /// Whether a mailbox stands in angle brackets after a name its local part spells ("Heinrich Heine
    /// <heinrichh@…>", "Ivan Ivanenko <iivanenko@…>"): four or more letters of a preceding word inside it.
    static func isNamedMailbox(_ link: Link, in scalars: [Unicode.Scalar]) -> Bool {
        let start = link.range.lowerBound
        guard start > 1, scalars[start - 1] == "<", let at = link.text.firstIndex(of: "@") else { return false }
        let local = link.text[..<at].lowercased()
        let before = ScalarString.make(scalars[max(0, start - 60)..<(start - 1)])
        let words = before.split { !$0.isLetter }.map { $0.lowercased() }.filter { $0.count >= 4 }
        return words.contains { local.contains($0) }
    }

    /// kcm_ktp_chat_appearance: "ted@example.com" → "olexandr@example.com": at a domain reserved for examples (RFC
    /// 2606: example.com, .org, .net and any *.example), the mailbox is a sample name the translator may localise.
    static func exampleMailbox(_ address: String) -> String? {
        guard let at = address.lastIndex(of: "@") else { return nil }
        let domain = address[address.index(after: at)...]
        return isReservedDomain(domain) ? "{mailbox}@" + domain : nil
    }

    /// RFC 2606's names for examples and tests: example.com, .org, .net, and any *.example, *.invalid, *.test.
    static func isReservedDomain(_ domain: Substring) -> Bool {
        ["example.com", "example.org", "example.net"].contains { domain == $0 || domain.hasSuffix("." + $0) }
            || ["example", "invalid", "test"].contains { domain == $0 || domain.hasSuffix("." + $0) }
    }

    /// pacman: "'Example Name <email@address.invalid>'" → "«Петрик П'яточкін <пошта@адреса.невірна>»": a sample
    /// mailbox at a reserved domain written wholly in the reader's words (a mailbox with a Cyrillic domain).
    static func hasMailboxInCyrillic(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.indices.dropFirst().dropLast().contains { index in
            scalars[index] == "@" && (0x400...0x4FF).contains(scalars[index + 1].value) && scalars[index - 1].properties.isAlphabetic
        }
    }

    /// The link without query parameters naming a language of the pair (ktexteditor: `…?application=katepart&path=…`
    /// → `…?application=katepart&language=uk&path=…`, the documentation in the reader's language; `?hl=en` → `?hl=uk`).
    static func withoutLanguageParameters(_ link: String, sourceLanguage: String, targetLanguage: String) -> String {
        guard let question = link.firstIndex(of: "?") else { return link }
        let fragmentStart = link[question...].firstIndex(of: "#") ?? link.endIndex
        let query = link[link.index(after: question)..<fragmentStart]
        func isLanguage(_ value: Substring) -> Bool {
            let code = value.prefix { $0 != "_" && $0 != "-" }.lowercased()
            return code == sourceLanguage || code == targetLanguage || code == "ua"
        }
        let parameters = query.split(separator: "&", omittingEmptySubsequences: false)
        let kept = parameters.filter { parameter in
            guard let equals = parameter.firstIndex(of: "=") else { return true }
            return !isLanguage(parameter[parameter.index(after: equals)...])
        }
        guard kept.count < parameters.count else { return link }
        return String(link[..<question]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&")) + link[fragmentStart...]
    }

    /// The host of a web link whose first label is a language of the pair (`en.wikipedia.org` → `{lang}.wikipedia.org`),
    /// without scheme or path; nil for any other link.
    static func languageHost(_ link: Link, _ sourceLanguage: String, _ targetLanguage: String) -> String? {
        guard !link.isEmail, let schemeEnd = link.text.range(of: "://") else { return nil }
        let afterScheme = link.text[schemeEnd.upperBound...]
        let host = afterScheme[..<(afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex)].lowercased()
        guard let dot = host.firstIndex(of: "."), host[host.index(after: dot)...].contains(".") else { return nil }
        let label = host[..<dot]
        guard label == sourceLanguage || label == targetLanguage || label == "ua" else { return nil }
        return "{lang}" + host[dot...]
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        // `links` is only scanned when a text has ':', '@' or "www.".
        let sourceLinks = unit.sourceText.links
        let targetLinks = unit.targetText.links
        if sourceLinks.isEmpty && targetLinks.isEmpty { return [] }
        // WordPress: a message that is only an address ("http://wordpress.org/support/" → "http://wordpress.co.ua/forum")
        // asks for the reader's own page: another address there is information.
        if sourceLinks.count == 1, targetLinks.count == 1, !sourceLinks[0].isEmail, !targetLinks[0].isEmail,
            sourceLinks[0].text != targetLinks[0].text,
            unit.source.trimmingCharacters(in: .whitespacesAndNewlines) == sourceLinks[0].text,
            unit.target.trimmingCharacters(in: .whitespacesAndNewlines) == targetLinks[0].text
        {
            return [Issue("the address \(sourceLinks[0].text) is given as \(targetLinks[0].text): a page for the reader's language?", at: targetLinks[0].range, ceiling: .info)]
        }
        var remaining: [String: [Link]] = [:]
        for link in targetLinks {
            remaining[Self.key(link, sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage), default: []].append(link)
        }
        var issues: [Issue] = []
        var matched = Set<String>()
        // The target's addresses that could be a sample localised, found once.
        let samples = targetLinks.filter { Self.couldBeLocalisedSample($0, in: unit) }
        var sampleCursor = 0
        var usedSamples = Set<Int>()
        for link in sourceLinks {
            let key = Self.key(link, sourceLanguage: unit.sourceLanguage, targetLanguage: unit.targetLanguage)
            if var list = remaining[key], !list.isEmpty {
                list.removeLast()
                remaining[key] = list
                matched.insert(key)
            } else if !link.isEmail, matched.contains(key),
                unit.source.contains("href=\"\(link.text)") || unit.source.contains("href='\(link.text)")
            {
                // alkimia: `<a href="U"><span>U</span></a>`: the link kept, its text worded in the target.
                continue
            } else if let localised = remaining.first(where: { entry in
                // team/ → team/uk.html: the source's page in the target's language.
                !entry.value.isEmpty && entry.key.hasPrefix(key + "/") && entry.key.dropFirst(key.count).contains("{lang}")
            }) {
                remaining[localised.key] = Array(localised.value.dropLast())
            } else if let host = Self.languageHost(link, unit.sourceLanguage, unit.targetLanguage),
                let localised = remaining.first(where: { entry in
                    // en.wikipedia.org/wiki/Gravitation → uk.wikipedia.org/wiki/Гравітація: the site's own article
                    // in the target's language, under its own title.
                    entry.value.contains { Self.languageHost($0, unit.sourceLanguage, unit.targetLanguage) == host }
                })
            {
                var list = localised.value
                if let used = list.lastIndex(where: { Self.languageHost($0, unit.sourceLanguage, unit.targetLanguage) == host }) {
                    list.remove(at: used)
                }
                remaining[localised.key] = list
            } else if link.isEmail, let at = link.text.lastIndex(of: "@"),
                Self.isReservedDomain(link.text[link.text.index(after: at)...].lowercased()[...])
                    || Self.isMarkedSample(link, in: unit),
                Self.hasMailboxInCyrillic(unit.targetText.scalars)
            {
                issues.append(Issue("the sample e-mail address \(link.text) is written in the reader's words", ceiling: .info))
            } else if let position = samples[sampleCursor...].prefix(4).firstIndex(where: {
                // Only the next few candidates are tried: a sample is one or two addresses, and a unit of
                // thousands stays linear.
                !usedSamples.contains($0.range.lowerBound) && Self.isLocalisedSample(link, $0, in: unit)
            }) {
                let written = samples[position]
                usedSamples.insert(written.range.lowerBound)
                while sampleCursor < samples.count && usedSamples.contains(samples[sampleCursor].range.lowerBound) { sampleCursor += 1 }
                let kind = link.isEmail ? "e-mail address" : "URL"
                issues.append(Issue("the sample \(kind) \(link.text) is written \(written.text) (localised?)", at: written.range, ceiling: .info))
            } else {
                let kind = link.isEmail ? "e-mail address" : "URL"
                issues.append(Issue("\(kind) \(link.text) of the source is missing from the target", suggestion: link.text))
            }
        }
        // What no source address took, in the target's order: one set, not a search of each key's list.
        let unmatched = Set(remaining.values.joined())
        for link in targetLinks where unmatched.contains(link) && !usedSamples.contains(link.range.lowerBound) {
            let kind = link.isEmail ? "e-mail address" : "URL"
            issues.append(Issue("\(kind) \(link.text) in the target is not in the source", at: link.range))
        }
        return issues
    }
}
