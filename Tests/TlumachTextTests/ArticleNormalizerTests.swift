import TlumachCore
import XCTest

@testable import TlumachText

final class ArticleNormalizerTests: XCTestCase {
    private func normalize(_ text: String, _ options: NormalizerOptions = NormalizerOptions()) throws -> String {
        try ArticleNormalizer(options: options).normalize(text).text
    }

    private func rules(_ text: String, _ options: NormalizerOptions = NormalizerOptions()) throws -> [String] {
        try ArticleNormalizer(options: options).normalize(text).changes.map(\.rule)
    }

    // MARK: Unicode

    func testComposesDecomposedLettersToNFC() throws {
        // Compare bytes: Swift's == on strings treats canonically equivalent text as equal.
        XCTAssertEqual(Array(try normalize("Київ і\u{0308} и\u{0306}ого e\u{0301}\n").utf8), Array("Київ ї його \u{E9}\n".utf8))
        XCTAssertEqual(try rules("и\u{0306}ого\n"), ["nfc"])
        // Singleton decompositions: the Ångström sign and the Ohm sign.
        XCTAssertEqual(Array(try normalize("5 \u{212B} і 3 \u{2126}\n").utf8), Array("5 \u{C5} і 3 \u{3A9}\n".utf8))
    }

    func testRemovesByteOrderMarkZeroWidthAndSoftHyphens() throws {
        XCTAssertEqual(Array(try normalize("\u{FEFF}Ки\u{200B}їв пере\u{00AD}мога\u{2060}\n").utf8), Array("Київ перемога\n".utf8))
        XCTAssertEqual(
            try rules("\u{FEFF}Кий\u{200B}ів пере\u{00AD}мога\n"), ["bom", "zero-width", "soft-hyphen"])
    }

    func testKeepsZeroWidthJoinerInsideEmoji() throws {
        let programmer = "👩\u{200D}💻 працює\n"
        XCTAssertEqual(try normalize(programmer), programmer)
        XCTAssertEqual(try normalize("сло\u{200D}во\n"), "слово\n")
    }

    func testLineEndingsTrailingSpacesAndSpaceRuns() throws {
        XCTAssertEqual(try normalize("Перший  рядок   \r\nДругий\t \r\n"), "Перший рядок\nДругий\n")
        XCTAssertEqual(try rules("а  б \r\n"), ["space-runs", "trailing-space", "line-endings"])  // in text order
    }

    func testKeepsIndentation() throws {
        let list = "- пункт\n    - вкладений пункт\n"
        XCTAssertEqual(try normalize(list), list)
    }

    func testNoBreakSpacePolicy() throws {
        // Kept: digit groups, before units, before a dash, after short words and abbreviations, after №.
        for kept in ["1\u{A0}234\u{A0}567 гривень\n", "5\u{A0}км від міста\n", "Київ\u{A0}— столиця\n",
            "у\u{A0}Києві\n", "м.\u{A0}Київ\n", "В.\u{A0}Зеленський\n", "№\u{A0}5\n", "24 серпня 2024\u{202F}р.\n"]
        {
            XCTAssertEqual(try normalize(kept), kept, kept)
        }
        // Elsewhere it becomes a plain space.
        XCTAssertEqual(try normalize("велике\u{A0}місто\n"), "велике місто\n")
        XCTAssertEqual(try rules("велике\u{A0}місто\n"), ["no-break-space"])
        XCTAssertEqual(try normalize("слово\u{2003}слово\n"), "слово слово\n")
    }

    // MARK: Apostrophes

    func testUnifiesApostrophesInCyrillicWords() throws {
        for variant in ["'", "’", "ʼ", "`", "´", "‘", "ʹ", "′"] {
            XCTAssertEqual(try normalize("м\(variant)ясо\n"), "м’ясо\n", variant)
            XCTAssertEqual(
                try normalize("м\(variant)ясо\n", NormalizerOptions(apostrophe: .modifierLetterApostrophe)), "мʼясо\n",
                variant)
        }
    }

    func testLatinWordsGetEnglishApostrophe() throws {
        XCTAssertEqual(try normalize("Ukraine's army isn't tired\n"), "Ukraine’s army isn’t tired\n")
        // U+02BC chosen for Ukrainian still leaves English with ’.
        XCTAssertEqual(
            try normalize("Ukraine's п'ять\n", NormalizerOptions(apostrophe: .modifierLetterApostrophe)),
            "Ukraine’s пʼять\n")
    }

    // MARK: Quotes

    func testUkrainianQuotesWithNesting() throws {
        XCTAssertEqual(try normalize("Він сказав \"так\".\n"), "Він сказав «так».\n")
        XCTAssertEqual(
            try normalize("Компанія \"Нафтогаз \"Україна\"\" заявила\n"), "Компанія «Нафтогаз „Україна“» заявила\n")
        XCTAssertEqual(try normalize("Видання “Українська правда” пише\n"), "Видання «Українська правда» пише\n")
        XCTAssertEqual(try normalize("«Він сказав: «ні»», — пише газета.\n"), "«Він сказав: „ні“», — пише газета.\n")
    }

    func testEnglishQuotesWithNesting() throws {
        XCTAssertEqual(try normalize("He said \"yes\".\n"), "He said “yes”.\n")
        XCTAssertEqual(
            try normalize("The report \"on 'Ukrnafta' assets\" was read\n"),
            "The report “on ‘Ukrnafta’ assets” was read\n")
        XCTAssertEqual(try normalize("The «Kyiv Independent» reported\n"), "The “Kyiv Independent” reported\n")
    }

    func testUnbalancedQuotesAreLeftAlone() throws {
        XCTAssertEqual(try normalize("Він сказав \"так і пішов\n"), "Він сказав \"так і пішов\n")
    }

    func testEnglishPluralPossessiveIsApostrophe() throws {
        XCTAssertEqual(try normalize("The soldiers' families waited\n"), "The soldiers’ families waited\n")
    }

    // MARK: Dashes

    func testSpacedHyphenBecomesEmDash() throws {
        XCTAssertEqual(try normalize("Київ - столиця України\n"), "Київ — столиця України\n")
        XCTAssertEqual(try normalize("Kyiv - the capital\n"), "Kyiv—the capital\n")
        XCTAssertEqual(
            try normalize("Kyiv - the capital\n", NormalizerOptions(englishDash: .spaced)), "Kyiv — the capital\n")
        XCTAssertEqual(try normalize("Київ -- столиця\n"), "Київ — столиця\n")
        XCTAssertEqual(try normalize("Київ – столиця\n"), "Київ — столиця\n")
    }

    func testNumberRangesBecomeEnDashes() throws {
        XCTAssertEqual(try normalize("У 2020-2021 роках, 24-27 серпня, 10:00-12:00\n"), "У 2020–2021 роках, 24–27 серпня, 10:00–12:00\n")
    }

    func testHyphensInsideWordsDatesAndPhonesStay() throws {
        let text = "Івано-Франківськ, COVID-19, Су-27, 2024-08-24, тел. 044-123-45-67, 1-й\n"
        XCTAssertEqual(try normalize(text), text)
    }

    func testMarkdownListDashStays() throws {
        let list = "- перший\n- другий\n"
        XCTAssertEqual(try normalize(list), list)
    }

    // MARK: Look-alikes

    func testRepairsLatinLookAlikesInCyrillicWords() throws {
        XCTAssertEqual(try normalize("Мiнiстерство оборони\n"), "Міністерство оборони\n")
        XCTAssertEqual(try normalize("Kиїв\n"), "Київ\n")
        XCTAssertEqual(try normalize("ЗCУ наступають\n"), "ЗСУ наступають\n")
        XCTAssertEqual(try rules("Kиїв\n"), ["look-alikes"])
    }

    func testRepairsCyrillicLookAlikesInLatinWords() throws {
        XCTAssertEqual(try normalize("Ukrаine is here\n"), "Ukraine is here\n")
    }

    func testWordsWhollyInOneScriptStay() throws {
        let text = "XX століття, COVID-19, iPhone і Київ\n"
        XCTAssertEqual(try normalize(text), text)
    }

    // MARK: Protected spans

    func testProtectedSpansAreNeverChanged() throws {
        let text = """
            Див. https://example.com/a--b/2020-2021?q='x'&r=1 та mail@site-2020-2021.ua.
            Код `don't "touch" - me` лишається.

            ```
            let x = "straight" - 1  
            ```

            """
        let expected = """
            Див. https://example.com/a--b/2020-2021?q='x'&r=1 та mail@site-2020-2021.ua.
            Код `don't "touch" - me` лишається.

            ```
            let x = "straight" - 1  
            ```

            """
        XCTAssertEqual(try normalize(text), expected)
    }

    func testInlineHTMLAndFrontMatterAreProtected() throws {
        let html = "Див. <a href=\"https://x.ua\" title=\"a - b\">тут</a> - \"так\"\n"
        XCTAssertEqual(try normalize(html), "Див. <a href=\"https://x.ua\" title=\"a - b\">тут</a> — «так»\n")
        let article = "---\ntitle: \"Обмін - 2024\"\ntags: [a, b]\n---\n\nТекст - \"так\"\n"
        XCTAssertEqual(try normalize(article), "---\ntitle: \"Обмін - 2024\"\ntags: [a, b]\n---\n\nТекст — «так»\n")
        // A lone --- is a thematic break, not front matter.
        XCTAssertEqual(try normalize("---\nТекст - \"так\"\n"), "---\nТекст — «так»\n")
    }

    func testFencedCodeKeepsEverythingButLineEnds() throws {
        let code = "Текст:\r\n\r\n~~~swift\r\nlet s = \"a  -  b\"\u{200B} \r\n~~~\r\n"
        XCTAssertEqual(
            Array(try normalize(code).utf8), Array("Текст:\n\n~~~swift\nlet s = \"a  -  b\"\u{200B} \n~~~\n".utf8))
        XCTAssertEqual(Set(try rules(code)), ["line-endings"])
    }

    func testMarkdownLinkTargetIsProtected() throws {
        XCTAssertEqual(try normalize("Звіт [тут](docs/2020-2021.md) - читайте\n"), "Звіт [тут](docs/2020-2021.md) — читайте\n")
    }

    // MARK: Language per paragraph

    func testQuotesFollowEachParagraphsLanguage() throws {
        let text = "Він сказав \"так\".\n\nHe said \"yes\".\n\nОн сказал \"да\" и ушёл.\n"
        XCTAssertEqual(try normalize(text), "Він сказав «так».\n\nHe said “yes”.\n\nОн сказал «да» и ушёл.\n")
    }

    /// Real Ukrainian catalog lines (binutils, PostgreSQL, coreutils) whose code, options and placeholders outnumber
    /// their Cyrillic letters: the sentence is Ukrainian, so are its quotes and dashes (they got English “…” and
    /// closed dashes, and their own «…» were turned into “…”). English sentences with Cyrillic words stay English.
    func testMixedParagraphIsEnglishOnlyWithEnglishFunctionWords() throws {
        let cases = [
            ("розділ «%pA» з «%pB»\n", "розділ «%pA» з «%pB»\n"),
            ("Не можна ввімкнути \"log_statement_stats\", коли \"log_parser_stats\"\n",
             "Не можна ввімкнути «log_statement_stats», коли «log_parser_stats»\n"),
            // The call's argument is code (`ProtectedSpans`); the quotation after "Файл: " is prose.
            ("TRAP: %s(\"%s\", Файл: \"%s\", Рядок: %d, PID: %d)\n", "TRAP: %s(\"%s\", Файл: «%s», Рядок: %d, PID: %d)\n"),
            (" DW_MACRO_undef_strp - номер_рядка : %d макрос : %s\n", " DW_MACRO_undef_strp — номер_рядка : %d макрос : %s\n"),
            ("Фото - \"Getty Images\"\n", "Фото — «Getty Images»\n"),
            ("The word \"війна\" means war - and \"мир\" means peace.\n", "The word “війна” means war—and “мир” means peace.\n"),
            ("The «Kyiv Independent» reported\n", "The “Kyiv Independent” reported\n"),
            // AppStream's Gnumeric description: one "and" in a list of English product names.
            ("імпортовані: - GNU Oleo (.oleo); - Linear and integer program expression format (.mps); - WordPerfect "
                + "family \"Plan Perfect\" (.pln); - Quattro Pro (tm); - XSpread або SC; - XBase (.dbf).\n",
             "імпортовані: — GNU Oleo (.oleo); — Linear and integer program expression format (.mps); — WordPerfect "
                + "family «Plan Perfect» (.pln); — Quattro Pro (tm); — XSpread або SC; — XBase (.dbf).\n"),
        ]
        for (text, expected) in cases { XCTAssertEqual(try normalize(text), expected, text) }
        // A paragraph of placeholders only has no letters: it keeps the language before it.
        XCTAssertEqual(try normalize("Файл:\n\n%s -- «%s»\n"), "Файл:\n\n%s — «%s»\n")
        XCTAssertEqual(try normalize("File:\n\n%s -- \"%s\"\n"), "File:\n\n%s—“%s”\n")
    }

    /// GNU quoting in real catalogs (binutils, glibc: 1,206 marks in 2.6 MB of their English): the closing `'` got
    /// the apostrophe's ’, leaving `%s’, half a quotation made typographic. It stays as written; a word-final
    /// apostrophe without a backtick before it is still one.
    func testGNUQuotingIsLeftWhole() throws {
        for text in [
            "invalid write mask `%s'\n", "%s: missing `reorder-sections-end' keyword\n",
            "невідомий стиль декодування `%s'\n", "ДІЄЮ може бути `read' (прочитати)\n",
        ] {
            XCTAssertEqual(try normalize(text), text)
        }
        XCTAssertEqual(try normalize("file `%s' has \"bad\" magic\n"), "file `%s' has “bad” magic\n")
        XCTAssertEqual(try normalize("the users' files\n"), "the users’ files\n")
    }

    /// AppStream descriptions (cb2Bib, FLTK games) write lists inline: a closed English dash glued each item to the
    /// one before ("like:—email alerts;—journal"). Such hyphens stay; a dash between words is still closed up.
    func testInlineListHyphensStayInEnglish() throws {
        XCTAssertEqual(
            try normalize("sources, like: - email alerts; - journal Web pages; - and PDF files.\n"),
            "sources, like: - email alerts; - journal Web pages; - and PDF files.\n")
        XCTAssertEqual(
            try normalize("Wireshark is a network \"sniffer\" - a tool that captures packets.\n"),
            "Wireshark is a network “sniffer”—a tool that captures packets.\n")
        XCTAssertEqual(try normalize("можливості: - перейменування; - створення\n"), "можливості: — перейменування; — створення\n")
    }

    /// Debian's Ukrainian package descriptions (Translation-uk, bookworm) and coreutils' help text lay columns out
    /// with spaces; a file of such lines has no blank line, yet is not one paragraph a line. Their runs stay; a
    /// doubled space in prose goes, also when two lines' slips happen to fall in one column.
    func testRunsThatAlignColumnsStay() throws {
        let table = " U+0020-U+007F  Основна латиниця\n U+00A0-U+00FF  Доповнення 1 до латиниці\n U+0100-U+017F  Розширена латиниця-A\n"
        XCTAssertEqual(try normalize(table), table)
        XCTAssertEqual(try normalize("Діапазони:\n\n" + table + "\nКінець.\n"), "Діапазони:\n\n" + table + "\nКінець.\n")
        let help = """
              -a, --all         еквівалент -b -d --login -p -r -t -T -u
              -b, --boot        час останнього звантаження системи
              -H, --heading     виводити рядок з заголовками
                                стовпчиків

            """
        XCTAssertEqual(try normalize(help), help)
        // Other fixes in such a paragraph leave its columns (the byte path keeps the runs it would collapse).
        XCTAssertEqual(
            try normalize("Options:\n  -a, --all     don't ignore entries\n  -A, --almost  list \"all\" but . and ..\n"),
            "Options:\n  -a, --all     don’t ignore entries\n  -A, --almost  list “all” but . and ..\n")
        // Its hyphens stay too: a dash closed up would shift the columns, and a second run would find none.
        let spaced = "Options:\n  -a, --all - x  show all entries\n  -b, --boot     time of boot\n  -c, --count    count\n"
        XCTAssertEqual(try normalize(spaced, NormalizerOptions(language: .en)), spaced)
        let bytes = Array(help.utf8)
        XCTAssertFalse(bytes.withUnsafeBufferPointer { Blocks.linesAreParagraphs($0) })
        // Prose, one paragraph a line: the runs are slips, though two of them end in one column.
        let prose = "Скретч  — це просте середовище.\nГравці  — це люди.\nТретій рядок, а  тут ще пробіл.\nІ четвертий  рядок.\n"
        XCTAssertTrue(Array(prose.utf8).withUnsafeBufferPointer { Blocks.linesAreParagraphs($0) })
        XCTAssertEqual(
            try normalize(prose),
            "Скретч — це просте середовище.\nГравці — це люди.\nТретій рядок, а тут ще пробіл.\nІ четвертий рядок.\n")
        XCTAssertEqual(
            try normalize("Вступ.\n\nСкретч  — це просте середовище,\nгравці  — це люди,\nа  тут ще пробіл.\n"),
            "Вступ.\n\nСкретч — це просте середовище,\nгравці — це люди,\nа тут ще пробіл.\n")
    }

    /// Words mixed on purpose, from the same descriptions: a Latin name with a Ukrainian ending, an acronym glued
    /// to a word; and two words glued. A look-alike slip beside them is still repaired.
    func testWordsMixedOnPurposeKeepTheirLetters() throws {
        XCTAssertEqual(
            try normalize("потрібні права root’а; дані потрібні Nautilus’у; сумісна з IPвер.6; Cтиснення звуку\n"),
            "потрібні права root’а; дані потрібні Nautilus’у; сумісна з IPвер.6; Стиснення звуку\n")
        // GNOME's help: a preposition glued to a name is a missing space, not a look-alike.
        XCTAssertEqual(try normalize("якщо ви їх редагували уShotwell, і\n"), "якщо ви їх редагували уShotwell, і\n")
    }

    /// GNOME's Ukrainian help writes values quoted in code (shell, Mallard attributes, Evolution's search syntax)
    /// straight after `=` or `:`; they are code, not quotations. Quotations in prose beside them still change.
    func testValuesQuotedInCodeKeepTheirMarks() throws {
        XCTAssertEqual(
            try normalize("Змініть STARTUP=\"$1\" на STARTUP=$1, атрибут position='top' і пошук f:\"John Smith\".\n"),
            "Змініть STARTUP=\"$1\" на STARTUP=$1, атрибут position='top' і пошук f:\"John Smith\".\n")
        XCTAssertEqual(
            try normalize("Приклад: location:\"On This Computer/Inbox\" — \"Вхідні\".\n"),
            "Приклад: location:\"On This Computer/Inbox\" — «Вхідні».\n")
        XCTAssertEqual(try normalize("Він сказав: \"так\".\n"), "Він сказав: «так».\n")
        // GNOME's developer help: a call's argument, and markup's attribute.
        XCTAssertEqual(
            try normalize("get and set the properties with get_property(\"prop-name\"), set translatable=\"yes\" and the \"active\" property\n"),
            "get and set the properties with get_property(\"prop-name\"), set translatable=\"yes\" and the “active” property\n")
        XCTAssertEqual(try normalize("the word (\"quoted\") stays prose\n"), "the word (“quoted”) stays prose\n")
        // A mark after a colon that closes a quotation (Evolution's help) is prose.
        XCTAssertEqual(
            try normalize("in case you want \"AW:\" and \"SV:\" to be recognized; a \"Re:\" prefix is \"added\"\n"),
            "in case you want “AW:” and “SV:” to be recognized; a “Re:” prefix is “added”\n")
    }

    /// Documentation's no-break spaces (GIMP's manual, Double Commander's help): after a section's or figure's
    /// number, between a word and a Roman numeral, before a menu path's arrow, and a number before a name.
    func testNoBreakSpacesAfterNumbersAndBeforeArrowsStay() throws {
        let kept = [
            "3.14.1.\u{A0}Activating the Tool\n", "Figure\u{A0}17.143.\u{A0}“Angle” example\n",
            "Процедура\u{A0}12.1.\u{A0}Using dynamic keyboard shortcuts\n", "Частина\u{A0}II. Як стати чарівником GIMP\n",
            "Appendix\u{A0}C. How to Contribute\n", "Налаштування\u{A0}→ Основні\u{A0}→ Кольори\n",
            "Переклад: 2018\u{A0}Марс Ямбар\n",
        ]
        for text in kept { XCTAssertEqual(try normalize(text), text) }
        // Between words they are still stray: the manual's own "Brush\u{A0}Editor", a typo's "тоб\u{A0}то".
        XCTAssertEqual(try normalize("activate the Brush\u{A0}Editor.\n"), "activate the Brush Editor.\n")
        XCTAssertEqual(try normalize("в пам’яті, тоб\u{A0}то на диску\n"), "в пам’яті, тоб то на диску\n")
        // A space beside a kept no-break space goes; the no-break one stays.
        XCTAssertEqual(try normalize("в меню \"Налаштування \u{A0}→ Мова\"\n"), "в меню «Налаштування\u{A0}→ Мова»\n")
    }

    func testLanguageOverride() throws {
        XCTAssertEqual(try normalize("Він сказав \"так\".\n", NormalizerOptions(language: .en)), "Він сказав “так”.\n")
    }

    // MARK: Switches, positions, extension point

    func testDisabledRulesDoNothing() throws {
        let text = "Він сказав \"так\" - і пішов  геть\n"
        XCTAssertEqual(
            try normalize(text, NormalizerOptions(disabled: [.quotes, .dashes, .spaceRuns])), text)
        for rule in NormalizationRule.allCases {
            let messy = "\u{FEFF}Мiнiстерство \"м'ясо\"  -  2020-2021\u{00AD} сло\u{200B}во\u{A0}текст \r\n"
            let result = try ArticleNormalizer(options: NormalizerOptions(disabled: [rule])).normalize(messy)
            XCTAssertFalse(result.changes.contains { $0.rule == rule.rawValue }, rule.rawValue)
        }
    }

    func testChangesReportOriginalLineAndColumn() throws {
        let result = try ArticleNormalizer().normalize("Перший рядок.\nДругий\u{200B}  рядок: м'ясо\n")
        let byRule = Dictionary(grouping: result.changes, by: \.rule)
        XCTAssertEqual(byRule["zero-width"]?.first?.position, SourcePosition(line: 2, column: 7, byteOffset: 37))
        XCTAssertEqual(byRule["space-runs"]?.first?.position.column, 8)
        XCTAssertEqual(byRule["apostrophe"]?.first?.position.column, 18)
        XCTAssertEqual(byRule["apostrophe"]?.first?.summary, "м'ясо → м’ясо")
    }

    func testRewriterExtensionPoint() throws {
        struct LowercaseRussia: ParagraphRewriter {
            var ruleNames: [String] { ["house-style"] }
            func rewrites(in paragraph: ParagraphContext) -> [ParagraphRewrite] {
                var result: [ParagraphRewrite] = []
                let bytes = Array(paragraph.text.utf8)
                let needle = Array("Росія".utf8)
                var index = 0
                while index + needle.count <= bytes.count {
                    if Array(bytes[index..<(index + needle.count)]) == needle {
                        result.append(ParagraphRewrite(utf8Range: index..<(index + 2), replacement: "р", rule: "house-style"))
                        index += needle.count
                    } else {
                        index += 1
                    }
                }
                return result
            }
        }
        let options = NormalizerOptions(rewriters: [LowercaseRussia()])
        let result = try ArticleNormalizer(options: options).normalize("Росія напала. `Росія` в коді.\n")
        XCTAssertEqual(result.text, "росія напала. `Росія` в коді.\n")
        XCTAssertEqual(result.countsByRule, ["house-style": 1])
        var disabled = options
        disabled.disabledRewriterRules = ["house-style"]
        XCTAssertEqual(try ArticleNormalizer(options: disabled).normalize("Росія\n").text, "Росія\n")
    }

    func testCleanTextIsUnchangedAndReportsNothing() throws {
        let clean = """
            Міністерство оборони України повідомило, що 24–27 серпня 2024 р. ЗСУ звільнили 1\u{A0}234 км² території.
            «Ми п’ятий день тримаємо позиції, — сказав командир. — Це „Азов“ і Нацгвардія».

            Ukraine’s Defense Ministry said the “Azov” brigade held its ground—again.

            """
        let result = try ArticleNormalizer().normalize(clean)
        XCTAssertEqual(result.changes, [])
        XCTAssertEqual(result.text, clean)
    }
}
