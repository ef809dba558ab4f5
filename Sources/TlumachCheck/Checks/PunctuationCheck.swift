import TlumachConfig
import TlumachCore

/// `punctuation`: end punctuation, quote style of the target language, doubled punctuation, a space before
/// punctuation, doubled spaces.
struct PunctuationCheck: Check {
    static let description = CheckDescription(
        id: "punctuation", name: "Punctuation",
        summary: "End punctuation differs beyond language conventions; quotes are not the target language's; punctuation is doubled; a space stands before punctuation; spaces are doubled.",
        rationale: """
            End punctuation is compared after closing quotes, brackets and tags are set aside, so a closing quote moved \
            around the full stop (English “….” and Ukrainian «…».) is not reported; "..." equals "…"; a quoted or \
            bracketed mark (expected ','; (!)) is text; a full stop or an exclamation mark the target adds to an \
            open message is house style or the translator's tone, not reported (one it loses is); so is a full stop that was an abbreviation's (…, Inc. → …, Inc., \
            2022), a colon ending a lead-in to an appended value, and commands a colon introduces at the end. \
            A question turned into a request (an imperative: "What content were you casting?" → "Укажіть…"), a \
            lead-in's colon said in words ("the following permissions:" → "наведені нижче дозволи."), a list item \
            written the Ukrainian way (lower case, ending with ";"), a sentence running into the steps after it said \
            as a lead-in ("To mark a folder," → "…, виконайте такі дії:") and a URI scheme's colon (about:) are not \
            reported either. \
            Quote style \
            is house typography, checked only with `typography: strict` in `.tlumach.yml`: then Ukrainian \
            targets use «…» with „…“ nested and English targets use “…” and ‘…’, and straight quotes or the other \
            language's quotes are reported — except around code (placeholders, identifiers, file names, options: \
            `"%s"`, `"max_wal_size"`), which is never prose. Doubled punctuation, a space before , . ; : ! ? and doubled spaces \
            are reported only when the source does not have them too (a copied layout is not a translation \
            error). Placeholders, tags and URLs are skipped.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("The exchange took place.", "Обмін відбувся", note: "The full stop is lost."),
            .triggering("Is the exchange over?", "Обмін завершено."),
            .passing("What content/URL were you casting?", "Укажіть тип контенту, який Ви транслювали, або URL-адресу.", note: "A question turned into a request (Chromium)."),
            .passing("This extension requests the following permissions:", "Цьому розширенню потрібні наведені нижче дозволи.", note: "A lead-in's colon said in words (Chromium)."),
            .passing(
                "Wildcards % and _ should be escaped with a \\ to use them literally.", "Символи % і _ треба екранувати символом \\.",
                note: "The sentence's full stop after the backslash it names (phpMyAdmin)."),
            .passing("Bright. dur.", "Час яскравості", note: "A label whose every word is abbreviated, written out (flowblade)."),
            .passing("Lunar Az./Alt.", "Аз./Вис. Місяця", note: "Abbreviations joined by a slash (Stellarium)."),
            .passing("Culminates at %1 (in %2) at %3 deg.", "Кульмінація о %1 (за %2) у %3°", note: "deg. for degrees, written as the sign (Stellarium)."),
            .passing("Sum. Gula Egyptised?", "Шум. Гула (єгиптизований?)", note: "The question mark kept inside the bracket the target ends with (Stellarium)."),
            .triggering("Brightness dur.", "Час яскравості", note: "Only the last word abbreviated, in lower case: a full stop lost."),
            .passing("Reset quest: \"Brother?\"", "Квест \"Брат?\" скинуто", note: "The quotation's own mark, moved with it inside the sentence (flare)."),
            .triggering("Reset quest: \"Brother?\"", "Квест \"Брат\" скинуто", note: "The quotation's question mark lost."),
            .passing(
                "Insert space padding after parenthesis headers (e.g. 'if', 'for', 'while', ...)",
                "Додавати пробіли після заголовків з дужками (наприклад «if», «for», «while» тощо)",
                note: "A list's trailing ellipsis said in words (kdevelop's astyle plug-in)."),
            .passing("Bitrate Mode (ABR, VBR, CBR, etc...)", "Режим бітової швидкості (ABR, VBR, CBR тощо)", note: "…also “etc...” (kwave)."),
            .triggering("Headers (if, for, while, ...)", "Заголовки (if, for, while)", note: "The ellipsis lost."),
            .passing("launch new process or restart?.", "запустити новий процес чи перезавантажити?", note: "The source's stray full stop after its question mark (guvcview)."),
            .triggering("launch new process or restart?.", "запустити новий процес чи перезавантажити.", note: "The question made a statement."),
            .passing("<br>See: ", "<br>Див. ", note: "A lead-in's colon become the full stop of an abbreviation (kdevplatform)."),
            .passing("Activates a \"What's This?\" tool.", "Вмикає інструмент «Що це?»", note: "No full stop after a quoted question (kexi)."),
            .passing("? expected in expression", "не вистачає ? у виразі", note: "The mark the source names alone (rpm)."),
            .passing("If it gets hit again, the", "Якщо вона знову потрапить під комету,", note: "A line of wrapped text that goes on in the next message (tuxmath)."),
            .triggering("If it gets hit again", "Якщо вона знову потрапить під комету,", note: "A clause that ends its message."),
            .passing("Attach what to holder?", "Що прикріпити до тримача? (на поясі)", note: "A remark in brackets added after the source's mark (cataclysm-dda)."),
            .triggering("Attach what to holder?", "Що прикріпити до тримача (на поясі)", note: "The question mark lost before the remark."),
            .passing("And for what reason ?", "Вкажіть причину:", note: "A question made a prompt for the answer (gtklp)."),
            .passing("h,?             - give this help", "h або ?             - показати цю довідку", note: "A key named in a list (ebook-speaker)."),
            .passing("(that thing with a paper clip icon).", "(квадратик з іконкою скріпки для паперів ;).", note: "A smiley spaced as a word (WPrefs)."),
            .passing("Edit the video information (start, end, author, etc.)", "Змінити інформацію про відео (початок, кінець, автор, ...)", note: "A list's etc. said as an ellipsis (burner)."),
            .passing("Use ; to separate emails", "Для відокремлення адрес скористайтеся ;", note: "The character the source names, at the end (libksieve)."),
            .triggering("See: ", "Дивіться. ", note: "A full stop for a colon, no abbreviation."),
            .passing("%s\n\nExpanded Options:\n\"\"", "%s\n\nРозширені опції:\n„“", note: "An empty quotation at the end, in the target's quotes (HandBrake)."),
            .passing("He said \"yes\".", "Він сказав \"так\".", note: "Straight quotes: house typography, reported only with `typography: strict`."),
            .triggering("Prisoners, civilians.", "Полонені,, цивільні.", note: "A doubled comma."),
            .triggering("Prisoners, civilians.", "Полонені , цивільні.", note: "A space before a comma."),
            .triggering("Prisoners and civilians.", "Полонені  і цивільні.", note: "A doubled space."),
            .passing("“More than 2,500 defenders were returned.”", "«Понад 2 500 захисників повернули».", note: "The closing quote moved around the full stop."),
            .passing("He said “yes”.", "Він сказав «так».", note: "«…» in a Ukrainian target."),
            .passing("He said “it is ‘final’”.", "Він сказав «це „остаточно“».", note: "Nested quotes."),
            .passing("Wait...", "Зачекайте…", note: "Three dots equal an ellipsis."),
            .passing("store new preset..", "зберегти новий пресет...", note: "Two dots are an ellipsis mistyped (darktable)."),
            .passing("syntax error; expected ','", "синтаксична помилка; пропущено кому", note: "A quoted comma is not end punctuation (gettext-tools)."),
            .passing("Write output to file NAME", "Вивести дані до файла з назвою НАЗВА.", note: "A full stop added: house style (binutils)."),
            .passing("writeback (!) must be used for VLDMDB", "для VLDMDB слід використовувати зворотний запис (!)", note: "A mark in brackets is text."),
            .passing("Logitech Cordless Desktop Pro (2nd alt.)", "Logitech Cordless Desktop Pro (альтернативний варіант 2)", note: "An abbreviation's full stop in brackets (xkeyboard-config)."),
            .passing("Consult the last few lines of \"%s\".\n", "Зверніться до останніх рядків файлу \"%s\".\n", note: "A full stop after a closing quote (pg_upgrade)."),
            .passing("%pB: in function `%pT':\n", "%pB: у функції «%pT»:\n", note: "A colon after a quoted placeholder (ld)."),
            .passing("misaligned [:upper:] and/or [:lower:] construct", "непарні конструкції [:upper:] та/або [:lower:]", note: "A POSIX class (coreutils)."),
            .passing("the absolute ellipsis `...' must not be used", "не можна використовувати абсолютний еліпсис «...»", note: "A quoted ellipsis (libc)."),
            .passing("list of zones (contexts, labels, whatever?) must follow -z", "після -z слід вказати список зон (контекстів, міток, чогось іншого?)", note: "A mark inside the closing bracket (procps-ng)."),
            .passing("shell used by the \\! command", "оболонка, що використовується командою \\!", note: "An escaped mark is a command (psql)."),
            .passing("Did you mean to use the --null option?", "Ви забули вказати параметр --null ?", note: "A space keeps the option apart from the mark (findutils)."),
            .passing("Copyright (C) 2022 Free Software Foundation, Inc.", "© Free Software Foundation, Inc., 2022", note: "The full stop was Inc.'s and moved with it (bash)."),
            .triggering("Copyright (C) 2022 Free Software Foundation, Inc.", "© 2022 Free Software Foundation, Inc", note: "The abbreviation's full stop lost."),
            .passing("STYLE can be ", "Можливі значення параметра СТИЛЬ: ", note: "A lead-in to an appended value may end with a colon (binutils)."),
            .triggering("Location", "Розташування:", note: "A colon added to a label."),
            .passing("do not add [...] suffix\n", "не додавати суфікс [...]\n", note: "Dots inside brackets (binutils)."),
            .triggering("wait [-fn] [-p var] [id ...]", "wait [-fn] [-p змінна] [ідентифікатор]", note: "The repetition mark lost from a synopsis (bash)."),
            .passing(
                " Try '%s --%s <%s>'\n for additional help text.\n", " Довідку можна отримати за допомогою команди:   %s --%s <%s>\n",
                note: "Rephrased to end with the command a colon introduces (procps-ng)."),
            .passing(
                "The playback of this movie requires a %s plugin which is not installed.",
                "Для відтворення цього відео потрібно не встановлено такий додаток:\n\n%s",
                note: "Rephrased to end with a list set off after a colon (totem)."),
            .passing(
                "Choose a special character from the list below and double click on it.",
                "Спеціальний символ (двічі клацніть на ньому):", note: "A sentence rewritten as a lead-in (geany)."),
            .triggering("Tooltips: ", "Підказки", note: "The lead-in's colon lost."),
            .passing(
                "TCP/UDP port number for peer. (Default value when there is no port for gateway).",
                "Номер порту TCP/UDP для вузла. (Типове значення, якщо для шлюзу немає порту.)",
                note: "The full stop inside the brackets of a sentence wholly in them (plasma-nm)."),
            .triggering("Port number (the default).", "Номер порту (типовий)", note: "The full stop lost."),
            .passing(
                "See <a href='https://defuse.ca/audits/encfs.htm'>defuse.ca</a> for more information.",
                "Докладніше тут: <a href='https://defuse.ca/audits/encfs.htm'>defuse.ca</a>",
                note: "Rewritten to end with the link (plasma-vault)."),
            .passing("What’s New", "Що нового?", note: "A title that is an elided question asked with its mark (libadwaita)."),
            .triggering("Nothing new", "Нічого нового?", note: "A statement made a question."),
            .passing("reformat To: and Cc: addresses", "переформатувати адреси To: і Cc:", note: "The colon belongs to a header name the source writes (mailutils)."),
            .passing(
                "Template #%s in %s does not contain a 'Template:' line", "Шаблон #%s в %s не містить рядка \"Template:\"",
                note: "The colon belongs to the quoted field name (debconf)."),
            .passing("SD Video (4 ∶ 3)", "Стандартне відео (4 : 3)", note: "A ratio (shotwell)."),
            .passing("%1 has won versus %2 with %4 versus %3 points!", "%1 виграв у %2 з рахунком %4 : %3 очок!", note: "A score (ksnakeduel)."),
            .triggering("%1: %2 armies to place", "%1 : залишилося розмістити %2 армій", note: "A label's colon spaced."),
            .passing("Copyright (c) 2009-2015 The Granatier Team!", "© Команда розробників Гренадера, 2009–2015", note: "A copyright line in the Ukrainian style (granatier)."),
            .passing("screenshot;screencast;record", "screenshot;screencast;record;знімок;запис;", note: "Search keywords end with their separator (gnome-shell)."),
            .triggering("File %s was not found.", "Не знайдено файл %s", note: "A full stop lost after a placeholder."),
            .passing("Question mark", "?", note: "The target is the character the source names (mc)."),
            .passing("Amount Num.", "Номер рахунку", note: "An abbreviated column title written out (gnucash)."),
            .passing("Attendee status updated", "Стан учасника оновлено!", note: "An exclamation mark the translator chose (evolution)."),
            .passing("Feed List exported!", "Список подач експортовано.", note: "An exclamation toned down to a full stop (liferea)."),
            .triggering("Look at today's date!", "Подивіться на сьогоднішню дату", note: "The exclamation mark lost."),
            .passing(
                "Please see https://bugs.gnucash.org/show_bug.cgi?id=645216 for more information.",
                "Щоб дізнатися більше, ознайомтеся зі сторінкою https://bugs.gnucash.org/show_bug.cgi?id=645216",
                note: "Rewritten to end with the link, left without a full stop (gnucash)."),
            .passing(
                " -S, --semaphore <number> create semaphore array\n", " -S, --semaphore <число>  створити масив семафорів\n",
                note: "Option help padded to the source's column (util-linux)."),
            .triggering("Proceed?", "Продовжити", note: "A question mark lost."),
            .passing("File highlight", "Підсвітка файлів…", note: "An ellipsis added to a menu item: house style (mc)."),
            .passing("Він сказав «так».", "He said “yes.”", from: "uk", to: "en"),
        ])

    /// From `check.options` in `.tlumach.yml`.
    struct Options: CheckOptionSet {
        /// Whether a full stop the target leaves out is reported (Roundcube's Ukrainian team drops them from every
        /// status message on purpose; other marks lost stay reported).
        var lostFullStop = true

        static let keys: [CheckOptionKey] = [
            CheckOptionKey(
                "punctuation-lost-full-stop", summary: "whether a full stop the target leaves out at the end is reported",
                defaultValue: "true"),
        ]

        init() {}

        mutating func set(_ key: String, to value: ConfigurationValue) throws(InputError) {
            switch key {
            case "punctuation-lost-full-stop": lostFullStop = try value.bool()
            default: throw value.error("unknown option \"\(key)\"")
            }
        }
    }

    let typography: Typography
    let options: Options

    init(environment: CheckEnvironment) {
        typography = environment.options.typography
        options = environment.options.checks.options(for: Self.self)
    }

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

    /// The text without an accelerator in brackets at its end (freeciv: "Зберегти … як... (_A)"), which some
    /// translations place after the end mark.
    static func withoutTrailingAccelerator(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var end = scalars.count
        while end > 0 && CharacterClass.isSpace(scalars[end - 1]) { end -= 1 }
        guard end >= 5, scalars[end - 1] == ")", scalars[end - 4] == "(", scalars[end - 3] == "_" || scalars[end - 3] == "&",
            WordScanner.isLetter(scalars[end - 2]) || NumberScanner.isDigit(scalars[end - 2])
        else { return scalars }
        var start = end - 4
        while start > 0 && CharacterClass.isSpace(scalars[start - 1]) { start -= 1 }
        return Array(scalars[..<start])
    }

    /// `bracketsAsText`: a mark inside closing round or square brackets is the bracketed words', not the end.
    /// `twoDotsAsEllipsis`: ".." ends with an ellipsis, not a full stop.
    /// Whether the source names `mark` as a key of a list: after a comma or slash and before a space ("h,? ").
    static func namesKeyInList(_ mark: Unicode.Scalar, _ source: [Unicode.Scalar]) -> Bool {
        guard source.count >= 3 else { return false }
        for index in 1..<(source.count - 1) where source[index] == mark {
            if (source[index - 1] == "," || source[index - 1] == "/") && CharacterClass.isSpace(source[index + 1]) { return true }
        }
        return false
    }

    /// Whether the text's last word (nothing after it but spaces) is a function word of its language
    /// (Data/function-words.tsv: the, a, from, of…).
    static func endsWithFunctionWord(_ text: AnalyzedText, language: String) -> Bool {
        guard let last = text.words.last, text.scalars[last.range.upperBound...].allSatisfy(CharacterClass.isSpace) else { return false }
        return WordLists.shared.words("function", language: language).contains(last.text.lowercased())
    }

    /// cataclysm-dda: "Attach what to holder?" → "Що прикріпити до тримача? (на поясі)": the source's mark, then a
    /// bracketed remark the translator added, which the source does not end with.
    static func endsWithRemarkAfterMark(_ mark: EndMark, _ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        guard let last = target.lastIndex(where: { !CharacterClass.isSpace($0) }), target[last] == ")",
            source.last(where: { !CharacterClass.isSpace($0) }) != ")",
            let open = target[..<last].lastIndex(of: "("), open > 0
        else { return false }
        return endMark(Array(target[..<open])) == mark
    }

    /// The end mark read before the closing tags the text ends with; inside an interface element only a sentence's
    /// mark counts (kate's handbook: "…<guimenuitem>Configure Editor...</guimenuitem></menuchoice>" ends with the
    /// menu item's ellipsis, no sentence's).
    static func endMarkBeforeClosingTags(_ scalars: [Unicode.Scalar]) -> EndMark {
        let stripped = withoutClosingTags(scalars)
        guard stripped.count < scalars.count else { return endMark(scalars) }
        let mark = endMark(stripped)
        guard mark == .ellipsis || mark == .colon else { return mark }
        guard let open = scalars[stripped.count...].firstIndex(of: "<") else { return mark }
        var nameEnd = open + 2
        while nameEnd < scalars.count && scalars[nameEnd] != ">" && scalars[nameEnd] != " " { nameEnd += 1 }
        let innermost = ScalarString.make(scalars[min(open + 2, nameEnd)..<nameEnd]).lowercased()
        return interfaceElements.contains(innermost) ? .none : mark
    }

    static let interfaceElements: Set<String> = ["gui", "guimenu", "guisubmenu", "guimenuitem", "guibutton", "guilabel", "guiicon", "interface", "menuchoice"]

    static func endMark(_ scalars: [Unicode.Scalar], bracketsAsText: Bool = true, twoDotsAsEllipsis: Bool = false) -> EndMark {
        var index = scalars.count - 1
        var closers: [Unicode.Scalar] = []
        while index >= 0 && (CharacterClass.isSpace(scalars[index]) || isCloser(scalars[index])
            // An empty quotation at the end (ghb: `Options:\n""` → `опції:\n„“`) is skipped whole, its opening
            // quote with it.
            || (!closers.isEmpty && (scalars[index] == "„" || scalars[index] == "«" || scalars[index] == "‹") && index + 1 < scalars.count && isCloser(scalars[index + 1])))
        {
            if isCloser(scalars[index]) { closers.append(scalars[index]) }
            index -= 1
        }
        guard index >= 0 else { return .none }
        // A quoted or bracketed mark is text, not the end punctuation (expected ','; (!)); so is the full stop of an
        // abbreviation closing a bracket ("(2nd alt.)").
        var markStart = index
        while scalars[index] == "." && markStart > 0 && scalars[markStart - 1] == "." { markStart -= 1 }
        if !closers.isEmpty && markStart > 0 && "'\"‘“«`„(".unicodeScalars.contains(scalars[markStart - 1]) { return .none }
        // The colon of a POSIX class ([:lower:]) is the class's.
        if closers.last == "]" && scalars[index] == ":" { return .none }
        // A mark inside a closing bracket belongs to the bracketed words ("(contexts, labels, whatever?)",
        // "(pty, tty...)", "(2nd alt.)"), not to the message.
        if bracketsAsText && (closers.last == ")" || closers.last == "]") { return .none }
        // An escaped mark is a command or a literal character (psql's \! command).
        if index > 0 && scalars[index - 1] == "\\" { return .none }
        switch scalars[index] {
        case ".":
            // A question or exclamation with a stray full stop after it (guvcview: "or restart?.") ends as the
            // question or exclamation.
            if index >= 1 && (scalars[index - 1] == "?" || scalars[index - 1] == "!") { return scalars[index - 1] == "?" ? .question : .exclamation }
            if index >= 1 && scalars[index - 1] == "." && (twoDotsAsEllipsis || (index >= 2 && scalars[index - 2] == ".")) { return .ellipsis }
            // Spaced dots (kstars: "on port %2. . .") are an ellipsis too.
            if index >= 4 && scalars[index - 1] == " " && scalars[index - 2] == "." && scalars[index - 3] == " " && scalars[index - 4] == "." {
                return .ellipsis
            }
            return .period
        case "…": return .ellipsis
        case "?", "？": return .question
        case "!", "！": return .exclamation
        case ":": return .colon
        case ";":
            // "&gt;" and "&#8230;" are character references, "&Carsten.Pfeiffer.mail;" an entity (KDE's handbooks),
            // not a semicolon.
            var start = index - 1
            while start >= 0 && (PlaceholderScanner.isASCIILetter(scalars[start]) || PlaceholderScanner.isDigit(scalars[start])
                || scalars[start] == "#" || scalars[start] == "." || scalars[start] == "-" || scalars[start] == "_")
            {
                start -= 1
            }
            if start >= 0 && start < index - 1 && scalars[start] == "&" { return .none }
            return .semicolon
        case ",": return .comma
        default: return .none
        }
    }

    /// Whether the text just before the space at `space` ends with a figure or a numbered placeholder (`4`, `%4`,
    /// `(%2)`).
    static func isNumberSide(_ scalars: [Unicode.Scalar], before space: Int) -> Bool {
        var index = space - 1
        if index >= 0 && scalars[index] == ")" { index -= 1 }
        return index >= 0 && NumberScanner.isDigit(scalars[index])
    }

    /// Whether the text just after the space at `space` starts with a figure or a numbered placeholder.
    static func isNumberSide(_ scalars: [Unicode.Scalar], after space: Int) -> Bool {
        let index = space + 1
        guard index < scalars.count else { return false }
        return NumberScanner.isDigit(scalars[index])
            || (scalars[index] == "%" && index + 1 < scalars.count && NumberScanner.isDigit(scalars[index + 1]))
    }

    /// A copyright line (granatier: "Copyright (c) 2009-2015 The Granatier Team!" → "© Команда розробників
    /// Гренадера, 2009–2015") rewritten in the Ukrainian style, which ends with the years; one that ends otherwise
    /// ("© 2022 Free Software Foundation, Inc") keeps its marks.
    static func isCopyrightLine(_ source: String, _ target: String) -> Bool {
        guard target.contains("©"), target.unicodeScalars.last.map(NumberScanner.isDigit) == true else { return false }
        return source.hasPrefix("Copyright") || source.contains("(c)") || source.contains("(C)") || source.contains("©")
    }

    /// Whether `text` has no `mark` anywhere (for …, ? and !; other marks are never looked for).
    static func lacks(_ mark: EndMark, in text: [Unicode.Scalar]) -> Bool {
        switch mark {
        case .ellipsis: !text.contains("…") && !contains(text, [".", ".", "."])
        case .question: !text.contains("?")
        case .exclamation: !text.contains("!")
        default: false
        }
    }

    /// The index of the last scalar that is neither whitespace nor a closing quote or bracket, or nil.
    static func lastMarkIndex(_ scalars: [Unicode.Scalar]) -> Int? {
        var index = scalars.count - 1
        while index >= 0 && (CharacterClass.isSpace(scalars[index]) || isCloser(scalars[index])) { index -= 1 }
        return index >= 0 ? index : nil
    }

    /// The letters and inner full stops before `end` ("Inc", "U.S").
    static func wordBefore(_ scalars: [Unicode.Scalar], _ end: Int) -> ArraySlice<Unicode.Scalar> {
        var start = end
        while start > 0 && (WordScanner.isLetter(scalars[start - 1]) || (scalars[start - 1] == "." && start - 1 > 0 && WordScanner.isLetter(scalars[start - 2]))) {
            start -= 1
        }
        return scalars[start..<end]
    }

    /// "…, Inc." → "…, Inc., 2022", "Virgin Islands, U.S." → "… (США)": the source's final full stop is an
    /// abbreviation's (Data/abbreviations.tsv, or a word with inner full stops), and the target does not end with
    /// that abbreviation stripped of it. "…, Inc." → "…, Inc" (the abbreviation's own stop lost) stays reported.
    static func endsWithAbbreviation(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar], language: String) -> Bool {
        guard let period = lastMarkIndex(source), source[period] == "." else { return false }
        let word = wordBefore(source, period)
        guard !word.isEmpty else { return false }
        let text = ScalarString.make(word)
        let dotted = word.contains(".") && word.split(separator: ".").allSatisfy { $0.count <= 2 }
        guard dotted || WordLists.shared.words("abbreviation", language: language).contains(text) else { return false }
        guard let last = lastMarkIndex(target) else { return true }
        return ScalarString.make(wordBefore(target, last + 1)) != text
    }

    /// Whether the target, before its closing quotes and brackets and a full stop, ends with one of `role`'s forms
    /// in Data/abbreviations.tsv (spaces ignored: "і т. д." is "іт.д"), as a whole word.
    static func endsWithListedWord(_ target: [Unicode.Scalar], role: String, language: String, within words: Int = 1) -> Bool {
        guard var end = lastMarkIndex(target) else { return false }
        if target[end] == "." { end -= 1 }
        guard end >= 0 else { return false }
        let tail = ScalarString.make(target[max(0, end - 24)...end]).lowercased()
        let chunks = tail.split(whereSeparator: { $0 == " " || $0 == "\u{A0}" })
        let forms = WordLists.shared.words(role, language: language)
        // `within` > 1: one of the last words, not only the last ("такі дії", "таку команду").
        if words > 1 {
            return chunks.suffix(words).contains { chunk in
                chunk.split(whereSeparator: { !$0.isLetter }).contains { word in forms.contains(String(word)) }
            }
        }
        for count in 1...max(1, min(3, chunks.count)) where count <= chunks.count {
            // The word's own letters and dots: "<br>Див" is "див", "(тощо" is "тощо".
            guard let word = chunks.suffix(count).joined().split(whereSeparator: { !$0.isLetter && $0 != "." }).last else { continue }
            if forms.contains(where: { $0 == word }) { return true }
        }
        return false
    }

    /// gnucash's column titles "Descr." → "Опис", "Amount Num." → "Номер рахунку", lyx's "expr." → "вираз": a label
    /// of at most three words whose last is a capitalised abbreviation (two to five letters, not an English word)
    /// written out in the target, or a lone lower-case one, or one whose every word is abbreviated ("Bright. dur.").
    /// "Done." → "Готово", "done." and "Run gcc." → "Запустіть gcc" stay reported.
    static func endsWithAbbreviatedLabel(_ source: [Unicode.Scalar]) -> Bool {
        guard source.last == ".", source.count <= 40 else { return false }
        let word = wordBefore(source, source.count - 1)
        let label = source.dropLast()
        let words = label.split(whereSeparator: { $0 == " " || $0 == "/" })
        // flowblade's "Bright. dur." → "Час яскравості", Stellarium's "Lunar Az./Alt." → "Аз./Вис. Місяця": every
        // word of the label abbreviated (but a leading one), words apart or joined by a slash.
        let allAbbreviated = words.count >= 2 && words.dropLast().dropFirst(words.count > 2 ? 1 : 0).allSatisfy { word in
            word.last == "." && (2...6).contains(word.count - 1) && word.dropLast().allSatisfy { $0.isASCII && $0.properties.isAlphabetic }
        }
        // Capitalised, or (lyx: "expr." → "вираз") a one-word label in lower case.
        let oneWord = !label.contains(" ")
        guard (2...5).contains(word.count), let first = word.first, first.properties.isUppercase || oneWord || allAbbreviated,
            word.allSatisfy({ $0.isASCII && $0.properties.isAlphabetic }),
            word.dropFirst().allSatisfy({ $0.properties.isLowercase })
        else { return false }
        guard allAbbreviated || !label.contains(where: { ".,;:!?".unicodeScalars.contains($0) }), label.split(separator: " ").count <= 3
        else { return false }
        return !WordLists.shared.isCommonEnglish(ScalarString.make(word))
    }

    /// gnucash: "Please see https://… for more information." → "…ознайомтеся із вмістом сторінки https://…": the
    /// target was rewritten to end with its link and leaves the full stop out, so it is not read as part of the
    /// address. A source that ends with the link and its full stop ("See https://….") is not rewritten so.
    static func endsWithRewrittenLink(_ source: AnalyzedText, _ target: AnalyzedText) -> Bool {
        var end = target.scalars.count
        while end > 0 && CharacterClass.isSpace(target.scalars[end - 1]) { end -= 1 }
        // …or with a link's anchor (plasma-vault: "See <a href='…'>…</a> for more information." → "…тут: <a …>…</a>").
        let endsWithAnchor = endsWithClosingAnchor(target.scalars, at: end)
        guard endsWithAnchor || target.links.contains(where: { $0.range.upperBound == end }) else { return false }
        guard let period = lastMarkIndex(source.scalars) else { return true }
        if endsWithAnchor { return !endsWithClosingAnchor(source.scalars, at: period) }
        return !source.links.contains { $0.range.upperBound == period }
    }

    /// Whether `scalars[..<end]` ends with `</a>`.
    static func endsWithClosingAnchor(_ scalars: [Unicode.Scalar], at end: Int) -> Bool {
        end >= 4 && ScalarString.make(scalars[(end - 4)..<end]).lowercased() == "</a>"
    }

    /// The source's last mark kept inside the bracket the target ends with. plasma-nm: "(Default value when there
    /// is no port for gateway)." → "(Типове значення, якщо … немає порту.)", a sentence wholly in brackets takes its
    /// mark inside them in Ukrainian; Stellarium: "Sum. Gula Egyptised?" → "Шум. Гула (єгиптизований?)". A full
    /// stop moves so only out of a bracket of the source's own; a question or exclamation from anywhere.
    static func markKeptInsideFinalBracket(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        func trimmedEnd(_ scalars: [Unicode.Scalar]) -> Int {
            var end = scalars.count
            while end > 0 && CharacterClass.isSpace(scalars[end - 1]) { end -= 1 }
            return end
        }
        let sourceEnd = trimmedEnd(source), targetEnd = trimmedEnd(target)
        guard sourceEnd >= 1, targetEnd >= 2, target[targetEnd - 1] == ")" else { return false }
        let mark = source[sourceEnd - 1]
        guard ".!?".unicodeScalars.contains(mark), target[targetEnd - 2] == mark else { return false }
        return mark != "." || (sourceEnd >= 2 && source[sourceEnd - 2] == ")")
    }

    /// util-linux's option help keeps its columns: " -o, --login-options <opts> options" → "… <пар>  параметри",
    /// a shorter word padded so the next one starts in the column where the source's does on the same line. Only
    /// lines laid out as help (starting with a space or an option's hyphen on both sides): in prose a column
    /// matches by chance. `lines` are the line starts of both sides, found once per unit (the scan asks at every
    /// doubled space, so nothing here may walk the whole text).
    static func padsToTheSourceColumn(
        _ target: [Unicode.Scalar], spaceAt index: Int, source: [Unicode.Scalar], lines: (target: [Int], source: [Int])
    ) -> Bool {
        // The target line holding `index`: the last start at or before it.
        var low = 0
        var high = lines.target.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lines.target[middle] <= index { low = middle } else { high = middle - 1 }
        }
        let lineStart = lines.target[low]
        guard low < lines.source.count else { return false }
        let sourceStart = lines.source[low]
        let position = sourceStart + index + 1 - lineStart
        let sourceEnd = low + 1 < lines.source.count ? lines.source[low + 1] - 1 : source.count
        guard position < sourceEnd else { return false }
        guard [" ", "\t", "-"].contains(target[lineStart]), [" ", "\t", "-"].contains(source[sourceStart]) else { return false }
        return source[position - 1] == " " && !CharacterClass.isSpace(source[position])
    }

    /// Where each line of `scalars` starts.
    static func lineStarts(_ scalars: [Unicode.Scalar]) -> [Int] {
        var starts = [0]
        for (index, scalar) in scalars.enumerated() where scalar == "\n" { starts.append(index + 1) }
        return starts
    }

    /// "Try '%s --help' or … for more help." → "… за допомогою таких команд: %s --help\n …": the target ends with
    /// a command line a colon introduces (no Cyrillic after the last colon), where no full stop follows.
    static func endsWithCodeAfterColon(_ text: AnalyzedText) -> Bool {
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        guard let colon = scalars.indices.last(where: { scalars[$0] == ":" && masked?[$0] != true }) else { return false }
        let tail = scalars[(colon + 1)...]
        guard !tail.contains(where: { (0x400...0x4FF).contains($0.value) }),
            scalars[..<colon].contains(where: { (0x400...0x4FF).contains($0.value) })
        else { return false }
        // A command line: an option after a space. A lone placeholder after a colon ("Відсутня директорія: %s"
        // for "Directory %s is missing.") has lost the full stop; set off on a line of its own after the colon
        // (totem: "…такий додаток:\n\n%s") it is a displayed list that takes none.
        if let first = tail.first(where: { $0 != " " && $0 != "\t" }), first == "\n" { return true }
        // A path alone after the colon (gnome-system-tools: "i.e.: /bin/bash." → "наприклад: /bin/bash"), where a
        // full stop would read as part of it.
        let token = tail.drop { $0 == " " }
        if token.first == "/", !token.contains(where: CharacterClass.isSpace) { return true }
        return tail.indices.contains { scalars[$0] == "-" && $0 > 0 && CharacterClass.isSpace(scalars[$0 - 1]) }
    }

    static func quoteProblem(_ text: AnalyzedText, language: String) -> String? {
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        var hasLowQuote = false
        var index = -1
        while index + 1 < scalars.count {
            index += 1
            let scalar = scalars[index]
            if masked?[index] == true { continue }
            // Straight quotes around code (a placeholder, identifier, path or option) are part of the code.
            if scalar == "\"", let close = codeQuoteEnd(scalars, from: index, masked: masked, language: language) {
                index = close
                continue
            }
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

    /// The index of the straight quote closing the one at `open` when what they enclose is code, not prose: a
    /// placeholder, URL or tag, an identifier (`max_wal_size`, `--force`, `file.txt`), or, in a Ukrainian target,
    /// anything without a Cyrillic letter (an English name or command quoted in the translation).
    static func codeQuoteEnd(_ scalars: [Unicode.Scalar], from open: Int, masked: [Bool]?, language: String) -> Int? {
        var close = open + 1
        while close < scalars.count && scalars[close] != "\"" && scalars[close] != "\n" { close += 1 }
        guard close < scalars.count, scalars[close] == "\"" else { return nil }
        let inside = scalars[(open + 1)..<close]
        if inside.isEmpty { return close }
        if let masked, inside.indices.contains(where: { masked[$0] }) { return close }
        if language == "uk" && !inside.contains(where: { (0x400...0x4FF).contains($0.value) }) { return close }
        let hasSpace = inside.contains(where: CharacterClass.isSpace)
        let codeMark = inside.contains { "_./\\=$%{}[]<>()@:#*-+0123456789".unicodeScalars.contains($0) }
        return !hasSpace && codeMark ? close : nil
    }

    /// English interrogatives that open a title asked without its question mark ("What’s New", "How It Works").
    /// Interrogatives, and the verbs that open a yes-no question (JupyterLab: "Are you sure you want to delete %1" →
    /// "Справді видалити %1?").
    static let questionWords: Set<String> = ["what", "what's", "what’s", "why", "how", "who", "where", "when", "which", "are", "does", "should", "shall"]

    /// Whether the text's first word is an interrogative (a title that is a question without its mark).
    static func startsWithQuestionWord(_ scalars: [Unicode.Scalar]) -> Bool {
        var end = 0
        while end < scalars.count && (WordScanner.isLetter(scalars[end]) || WordScanner.isApostrophe(scalars[end])) { end += 1 }
        guard end > 0 else { return false }
        return questionWords.contains(ScalarString.make(scalars[..<end]).lowercased())
    }

    /// Whether the last sentence of `target` starts with a verb in the imperative (Data/function-words.tsv's
    /// `imperative-ending`, a word of five letters or more).
    static func lastSentenceStartsWithImperative(_ target: [Unicode.Scalar], language: String) -> Bool {
        let endings = WordLists.shared.words("imperative-ending", language: language)
        guard !endings.isEmpty else { return false }
        var end = target.count
        while end > 0 && (CharacterClass.isSpace(target[end - 1]) || ".?!".unicodeScalars.contains(target[end - 1])) { end -= 1 }
        var start = end
        while start > 0 && !(".?!".unicodeScalars.contains(target[start - 1]) && (start == end || CharacterClass.isSpace(target[start]))) { start -= 1 }
        while start < end && !WordScanner.isLetter(target[start]) { start += 1 }
        var wordEnd = start
        while wordEnd < end && (WordScanner.isLetter(target[wordEnd]) || WordScanner.isApostrophe(target[wordEnd])) { wordEnd += 1 }
        guard wordEnd - start >= 5, target[start].properties.isUppercase else { return false }
        let word = ScalarString.make(target[start..<wordEnd]).lowercased()
        return endings.contains { word.hasSuffix($0) }
    }

    /// Whether one of the words of `text` is in the word list `role`.
    static func hasListedWord(_ text: AnalyzedText, role: String, language: String) -> Bool {
        let forms = WordLists.shared.words(role, language: language)
        guard !forms.isEmpty else { return false }
        return text.words.contains { forms.contains($0.text.lowercased()) }
    }

    /// Whether the first letter of the text (after spaces and opening marks) is upper (or lower) case.
    static func startsWithLetter(_ scalars: [Unicode.Scalar], upperCase: Bool) -> Bool {
        guard let first = scalars.first(where: { WordScanner.isLetter($0) || NumberScanner.isDigit($0) }), WordScanner.isLetter(first) else { return false }
        return upperCase ? first.properties.isUppercase : first.properties.isLowercase
    }

    static func lastWordWithColonIsInSource(_ target: [Unicode.Scalar], _ source: [Unicode.Scalar]) -> Bool {
        var end = target.count
        // …also inside the quotes the target puts around it (debconf: "a 'Template:' line" → "рядка "Template:"").
        while end > 0 && (CharacterClass.isSpace(target[end - 1]) || isCloser(target[end - 1])) { end -= 1 }
        guard end > 1, target[end - 1] == ":" else { return false }
        var start = end - 1
        while start > 0 && !CharacterClass.isSpace(target[start - 1]) { start -= 1 }
        while start < end - 1 && "'\"‘“«„`".unicodeScalars.contains(target[start]) { start += 1 }
        let word = Array(target[start..<end])
        // A word, not the colon alone: "Cc:" yes; ":" or "адреси:" only if the source has them (it cannot have the
        // Cyrillic one).
        guard word.count >= 2, word.dropLast().contains(where: WordScanner.isLetter) else { return false }
        // A URI scheme's name keeps its colon (Firefox: "About About" → "Про сторінки about:").
        if uriSchemes.contains(ScalarString.make(word.dropLast())) { return true }
        guard contains(source, word) else { return false }
        // Standing as a word in the source, not a lead-in's colon at its end.
        var sourceEnd = source.count
        while sourceEnd > 0 && CharacterClass.isSpace(source[sourceEnd - 1]) { sourceEnd -= 1 }
        return !(sourceEnd >= word.count && Array(source[(sourceEnd - word.count)..<sourceEnd]) == word)
    }

    static let uriSchemes: Set<String> = ["about", "mailto", "file", "data", "javascript", "http", "https", "ftp", "tel", "view-source", "chrome", "blob"]

    static func contains(_ scalars: [Unicode.Scalar], _ pattern: [Unicode.Scalar]) -> Bool {
        guard pattern.count <= scalars.count else { return false }
        for start in 0...(scalars.count - pattern.count) where scalars[start] == pattern[0] {
            if Array(scalars[start..<(start + pattern.count)]) == pattern { return true }
        }
        return false
    }


    /// Whether the text's final full stop is that of "etc." (before closing brackets and quotes).
    static func endsWithEtc(_ source: [Unicode.Scalar]) -> Bool {
        guard let period = lastMarkIndex(source), source[period] == "." else { return false }
        return ScalarString.make(wordBefore(source, period)).lowercased() == "etc"
    }

    /// Whether the text ends with "?" or "!" and a closing quotation mark («Що це?»).
    static func endsWithQuotedMark(_ target: [Unicode.Scalar], anyMark: Bool = false) -> Bool {
        var end = target.count - 1
        while end >= 0 && CharacterClass.isSpace(target[end]) { end -= 1 }
        guard end >= 1, "»”\"'’“".unicodeScalars.contains(target[end]) else { return false }
        return target[end - 1] == "?" || target[end - 1] == "!" || (anyMark && ".:;…".unicodeScalars.contains(target[end - 1]))
    }

    /// flare: 'Reset quest: "Brother?"' → 'Квест "Брат?" скинуто': the source's last mark is its quotation's, and
    /// the target keeps the quotation, mark and all, inside the sentence.
    static func quotedEndMarkMovedInside(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        guard endsWithQuotedMark(source, anyMark: true), let quote = source.lastIndex(where: { !CharacterClass.isSpace($0) }), quote >= 1 else { return false }
        let mark = source[quote - 1]
        let quotes = "»”\"'’“".unicodeScalars
        return target.indices.dropLast().contains { target[$0] == mark && quotes.contains(target[$0 + 1]) }
    }

    /// phpMyAdmin: "…escaped with a \ to use them literally." → "…екранувати їх символом \.": the target ends with
    /// the backslash it names, then the sentence's full stop; psql's "\!" command, which the source writes too, stays
    /// a command.
    static func endsWithNamedBackslash(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        guard let last = target.lastIndex(where: { !CharacterClass.isSpace($0) }), last >= 1, target[last - 1] == "\\",
            ".!?:".unicodeScalars.contains(target[last])
        else { return false }
        return !contains(source, ["\\", target[last]])
    }

    /// The text without the closing tags and spaces at its end (`</link>`, `</gui>`; a wrapper's `</html>`: freeplane
    /// "…більше часу.</html>" for "…more time.").
    static func withoutClosingTags(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var end = scalars.count
        while true {
            while end > 0 && CharacterClass.isSpace(scalars[end - 1]) { end -= 1 }
            guard end > 3, scalars[end - 1] == ">", let open = scalars[..<end].lastIndex(of: "<"), open + 2 < end, scalars[open + 1] == "/",
                scalars[(open + 2)..<(end - 1)].allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || NumberScanner.isDigit($0) || $0 == ":" || $0 == "-") })
            else { break }
            end = open
        }
        return end == scalars.count ? scalars : Array(scalars[..<end])
    }

    /// `scalars` without the `>` that close POD formatting codes at its very end (and the spaces between them).
    static func withoutClosingPodCodes(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard scalars.last == ">" else { return scalars }
        var open = 0
        var closers = Set<Int>()
        for index in scalars.indices {
            if scalars[index] == "<" && DocumentTraits.isPodCodeStart(scalars, index) {
                open += 1
            } else if scalars[index] == ">" && open > 0 {
                open -= 1
                closers.insert(index)
            }
        }
        var end = scalars.count
        while end > 0 && (CharacterClass.isSpace(scalars[end - 1]) || closers.contains(end - 1)) { end -= 1 }
        return end == scalars.count ? scalars : Array(scalars[..<end])
    }

    /// Whether the text's last visible character closes a quotation.
    static func endsWithQuote(_ text: [Unicode.Scalar]) -> Bool {
        guard let last = text.last(where: { !CharacterClass.isSpace($0) }) else { return false }
        return "»”\"'’“".unicodeScalars.contains(last)
    }

    static func endsWithAStandaloneMarkTheSourceNames(_ source: [Unicode.Scalar], _ target: [Unicode.Scalar]) -> Bool {
        var end = target.count - 1
        while end >= 0 && target[end] == " " { end -= 1 }
        guard end >= 1, target[end - 1] == " " else { return false }
        let mark = target[end]
        guard !WordScanner.isLetter(mark), !NumberScanner.isDigit(mark) else { return false }
        return contains(source, [" ", mark, " "]) || Array(source.prefix(2)) == [mark, " "] || Array(source.suffix(2)) == [" ", mark]
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let targetText = unit.targetText
        // A man page's closing fonts are no part of the sentence ("I<Див. сторінку >B<attr>I<(1).>").
        let pod = unit.document.contains(.podFormatting)
        let source = pod ? Self.withoutClosingPodCodes(unit.sourceText.scalars) : unit.sourceText.scalars
        let target = pod ? Self.withoutClosingPodCodes(targetText.scalars) : targetText.scalars
        var issues: [Issue] = []
        // Closing tags at the end are no part of the sentence: its mark may stand inside them or after them
        // (gnome-help: "<link>Take a screenshot of the entire screen.</link>." → "<link>Зробити знімок усього
        // екрана.</link>"), and one lost inside them is lost.
        var sourceEnd = Self.endMarkBeforeClosingTags(source)
        var targetEnd = Self.endMarkBeforeClosingTags(Self.withoutTrailingAccelerator(target))
        // The source's two dots read as the target reads them: an ellipsis mistyped when the target writes one
        // (darktable: "store new preset.." → "зберегти новий пресет..."), else a full stop ("etc..", "PREFIX/..").
        let twoDots = sourceEnd == .period && targetEnd == .ellipsis && Self.endMark(source, twoDotsAsEllipsis: true) == .ellipsis
        if twoDots { sourceEnd = .ellipsis }
        // A bracketed mark is text as long as the other side has it too: "do not add [...] suffix" → "суфікс
        // [...]" moved it; "wait [id ...]" → "wait [ідентифікатор]" lost the repetition mark.
        if sourceEnd == targetEnd && !twoDots {
            let rawSource = Self.endMark(source, bracketsAsText: false)
            let rawTarget = Self.endMark(target, bracketsAsText: false)
            // …but a list's trailing ellipsis may be said in words ("(if, for, while, ...)" → "(… тощо)").
            let etcetera = rawSource == .ellipsis && rawTarget == .none && Self.endsWithListedWord(target, role: "etcetera", language: unit.targetLanguage)
            if rawSource != rawTarget && !etcetera && (Self.lacks(rawSource, in: target) || Self.lacks(rawTarget, in: source)) {
                (sourceEnd, targetEnd) = (rawSource, rawTarget)
            }
        }
        // A full stop or an ellipsis added to a message the source leaves open is house style, an exclamation mark
        // the translator's tone (evolution: "Attendee status updated" → "…оновлено!"), not a defect (a mark lost,
        // or a question turned into a statement, is reported).
        let periodAdded = sourceEnd == .none && (targetEnd == .period || targetEnd == .ellipsis || targetEnd == .exclamation)
            // …and a question mark for a title that is an elided question (libadwaita: "What’s New" → "Що нового?").
            || (sourceEnd == .none && targetEnd == .question && Self.startsWithQuestionWord(source))
        // A target with no letter or digit is the character the source names ("Question mark" → "?", mc).
        let onlyMarks = !target.contains { WordScanner.isLetter($0) || NumberScanner.isDigit($0) }
            && source.contains { WordScanner.isLetter($0) }
        // A lead-in to a value the program appends ("STYLE can be " → "Можливі значення СТИЛЬ: ") may end with a
        // colon; a colon added to a closed label ("Location" → "Розташування:") is reported.
        let leadInColon = sourceEnd == .none && targetEnd == .colon && source.last == " " && target.last == " "
        let rephrasedEnd = sourceEnd == .period && targetEnd == .none
            && (Self.endsWithAbbreviation(source, target, language: unit.sourceLanguage) || Self.endsWithCodeAfterColon(targetText)
                || Self.endsWithAbbreviatedLabel(source) || Self.endsWithRewrittenLink(unit.sourceText, targetText))
            || (sourceEnd != .none && targetEnd == .none && Self.endsWithRemarkAfterMark(sourceEnd, source, target))
            || (sourceEnd != .none && targetEnd == .none && Self.isCopyrightLine(unit.source, unit.target))
        // A sentence rewritten to end as a lead-in or an exclamation (geany: "Choose a special character from the
        // list below…." → "Спеціальний символ (…):") is the translator's choice of mark, not a mark lost.
        let markChosen = (sourceEnd == .period && (targetEnd == .colon || targetEnd == .exclamation))
            // …and a question made a prompt for the answer (gtklp: "And for what reason ?" → "Вкажіть причину:").
            || (sourceEnd == .question && targetEnd == .colon)
            // …and a list's trailing ellipsis said in words (kwave: "etc..." → "тощо"), a lead-in's colon become an
            // abbreviation's full stop (kdevplatform: "See: " → "Див. ").
            || (sourceEnd == .ellipsis && (targetEnd == .none || targetEnd == .period)
                && Self.endsWithListedWord(target, role: "etcetera", language: unit.targetLanguage))
            || (sourceEnd == .colon && targetEnd == .period && Self.endsWithListedWord(target, role: "abbreviation", language: unit.targetLanguage))
            // …and a question turned into a request (Chromium: "What content/URL were you casting?" → "Укажіть тип
            // контенту…", "Can you find spots nearby…?" → "Пошукай поблизу…").
            || (sourceEnd == .question && (targetEnd == .period || targetEnd == .none)
                && Self.lastSentenceStartsWithImperative(target, language: unit.targetLanguage))
            // …and a lead-in's colon said in words (Chromium: "This extension requests the following permissions:"
            // → "Цьому розширенню потрібні наведені нижче дозволи.").
            || (sourceEnd == .colon && targetEnd == .period && Self.hasListedWord(targetText, role: "lead-in-word", language: unit.targetLanguage))
            // …and a sentence that runs into the steps or command after it, said as a lead-in (evolution: "To mark
            // a mail folder for offline use," → "…, виконайте такі дії:"; gnome-boxes: "In a terminal window, type"
            // → "…введіть таку команду:").
            || ((sourceEnd == .comma || sourceEnd == .none) && targetEnd == .colon
                && Self.endsWithListedWord(Array(target.dropLast()), role: "lead-in-word", language: unit.targetLanguage, within: 2))

            // …and a list item ended as the translator ends list items, with a full stop for a semicolon (kmail's
            // handbook: "…to choose a file;" → "…для вибору файла.").
            || (sourceEnd == .semicolon && targetEnd == .period)
            // …and a list item written as Ukrainian lists write them, in lower case with a semicolon (Chromium:
            // "Installed apps & extensions in your work profile" → "установлені додатки й розширення…;").
            || (sourceEnd == .none && targetEnd == .semicolon && Self.startsWithLetter(source, upperCase: true) && Self.startsWithLetter(target, upperCase: false))
            // …and a question that trails off asked outright (kmymoney's handbook: "Why isn't there an easy way to
            // print…, or ..." → "Чому не передбачено…чи щось інше?").
            || (sourceEnd == .ellipsis && targetEnd == .question && Self.startsWithQuestionWord(source))
            // …and a question that trails off said as a lead-in (skrooge: "Did you know ...?" → "Чи знаєте ви, що…").
            || (sourceEnd == .question && targetEnd == .ellipsis && Self.endMark(Array(source.dropLast())) == .ellipsis)
            // …and an exclamation toned down to a full stop (liferea: "Feed List exported!" → "…експортовано."),
            // as Ukrainian interfaces often prefer; an exclamation mark lost altogether is reported.
            || (sourceEnd == .exclamation && targetEnd == .period)
            // …and a sentence ending with a quoted question or exclamation, after which Ukrainian puts no full stop
            // (kexi: "Activates a \"What's This?\" tool." → "Вмикає інструмент «Що це?»").
            // A label naming a quoted question is alike (Qt Designer: "Edit WhatsThis" → "Редагування підказки
            // \"Що це?\"").
            || ((sourceEnd == .period || sourceEnd == .none) && (targetEnd == .question || targetEnd == .exclamation) && Self.endsWithQuotedMark(target))
            // …and a quotation that ends both texts, the target's with a mark of its own (psi: 'Enable "Says
            // style"' → 'Увімкнути стиль "...каже:"'): the mark is the quoted words'.
            || (sourceEnd == .none && Self.endsWithQuotedMark(target, anyMark: true) && Self.endsWithQuote(source))
            // …and a full stop after a backslash the target names, which endMark takes for an escaped mark.
            || (targetEnd == .none && sourceEnd != .none && Self.endsWithNamedBackslash(source, target))
            // …and the source's mark kept inside the bracket the target ends with.
            || (targetEnd == .none && Self.markKeptInsideFinalBracket(source, target))
            // …and a quotation ending the source with its own mark, moved inside the target's sentence with it.
            || (targetEnd == .none && Self.quotedEndMarkMovedInside(source, target))
            // …and a list's "etc." said as an ellipsis (burner: "(start, end, author, etc.)" → "(…, автор, ...)").
            || (sourceEnd == .period && targetEnd == .ellipsis && Self.endsWithEtc(source))
        // The last word of the target is one the source writes with its colon (mailutils: "reformat To: and Cc:
        // addresses" → "переформатувати адреси To: і Cc:"), or a URI scheme's name: the colon is the word's.
        let copiedColonWord = targetEnd == .colon && Self.lastWordWithColonIsInSource(target, source)
        // A list of search keywords (gnome-shell: "screenshot;screencast;…") ends with its separator by convention.
        let keywordList = targetEnd == .semicolon && Self.contains(source, [";"]) && !Self.contains(source, [";", " "])
            && !target.contains(where: { $0 == "\n" })
        // A plural form ends as the plural source does (gtg: "Due tomorrow!" / "%(days)d days left" → msgstr[0]
        // "Залишився %(days)d день": a Ukrainian form serves many numbers, so it may translate the plural alone).
        let endsAsThePlural = unit.unit.pluralForm != nil && unit.unit.pluralSource.map { Self.endMark(Array($0.unicodeScalars)) == targetEnd } == true
        // tuxmath: "If it gets hit again, the" → "Якщо вона знову потрапить під комету,": a line of wrapped text
        // that ends with a function word continues in the next message, so its end is no sentence's end.
        let continuedFragment = sourceEnd == .none && Self.endsWithFunctionWord(unit.sourceText, language: unit.sourceLanguage)
        if sourceEnd != targetEnd && !periodAdded && !leadInColon && !rephrasedEnd && !onlyMarks && !markChosen && !copiedColonWord
            && !keywordList && !endsAsThePlural && !continuedFragment
            && (options.lostFullStop || !(sourceEnd == .period && targetEnd == .none))
            && !(unit.unit.sourceCodes.isEmpty == false && targetEnd == .none)
            // libksieve: "Use ; to separate emails" → "…скористайтеся ;": a mark standing alone at the target's end
            // that the source names standing alone is the character, not the message's end.
            && !(targetEnd != .none && Self.endsWithAStandaloneMarkTheSourceNames(source, target))
        {
            issues.append(Issue("end punctuation differs: the source ends with \(sourceEnd.rawValue), the target with \(targetEnd.rawValue)"))
        }
        if typography == .strict, let problem = Self.quoteProblem(targetText, language: unit.targetLanguage),
            !(unit.sourceLanguage == unit.targetLanguage)
        {
            issues.append(Issue(problem))
        }
        let masked = targetText.hasMaskedSpans ? targetText.masked : nil
        var reportedDouble = false
        var reportedSpaceBefore = false
        var keysInList: [Unicode.Scalar: Bool] = [:]
        var sourceSpacedMarks: [Unicode.Scalar: Bool] = [:]
        var reportedDoubleSpace = false
        var lineStarts: (target: [Int], source: [Int])?
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
                // A ratio (shotwell: "4 ∶ 3" → "4 : 3") or a score (ksnakeduel: "%4 versus %3" → "%4 : %3", "%1 (%2) :
                // %3 (%4)") is spaced on both sides.
                let isRatio = scalar == ":" && Self.isNumberSide(target, before: index - 1) && Self.isNumberSide(target, after: index + 1)
                // A space that keeps an option, path or command apart from the mark ("--null ?") is deliberate.
                var tokenStart = index - 2
                while tokenStart > 0 && !CharacterClass.isSpace(target[tokenStart - 1]) { tokenStart -= 1 }
                let afterCode = target[tokenStart] == "-" || target[tokenStart..<(index - 1)].contains { "/\\_".unicodeScalars.contains($0) }
                // rpm: "? expected in expression" → "не вистачає ? у виразі": the mark the source names alone.
                let namedAlone = source.count >= 2 && source[0] == scalar && source[1] == " " && CharacterClass.isSpace(next)
                // ebook-speaker: "h,?  - give this help" → "h або ?  - показати…": a key named in a list. Asked last
                // and once per mark: a text of thousands of " :" must not scan the source for each.
                func keyInList() -> Bool {
                    if let known = keysInList[scalar] { return known }
                    let named = Self.namesKeyInList(scalar, source)
                    keysInList[scalar] = named
                    return named
                }
                // Whether the source itself spaces the mark, looked for once per mark.
                func sourceSpaces() -> Bool {
                    if let known = sourceSpacedMarks[scalar] { return known }
                    let spaced = Self.contains(source, [" ", scalar]) || Self.contains(source, ["\u{A0}", scalar])
                    sourceSpacedMarks[scalar] = spaced
                    return spaced
                }
                // WPrefs: "хто знає, що робить ;)...": a smiley, spaced as a word.
                let isSmiley = (scalar == ":" || scalar == ";") && (next == ")" || next == "(")
                if endsWord && !isEllipsis && !isRatio && !afterCode && !namedAlone && !isSmiley && !sourceSpaces()
                    && !(CharacterClass.isSpace(next) && keyInList())
                {
                    reportedSpaceBefore = true
                    issues.append(Issue("a space before \(scalar)"))
                }
            }
            if !reportedDoubleSpace, scalar == " ", previous == " ", index >= 2, !CharacterClass.isSpace(target[index - 2]),
                index + 1 < target.count, !CharacterClass.isSpace(target[index + 1]), !Self.contains(source, [" ", " "]),
                !Self.padsToTheSourceColumn(
                    target, spaceAt: index, source: source,
                    lines: lineStarts ?? { lineStarts = (Self.lineStarts(target), Self.lineStarts(source)); return lineStarts! }())
            {
                reportedDoubleSpace = true
                issues.append(Issue("doubled space", suggestion: " "))
            }
        }
        return issues
    }
}
