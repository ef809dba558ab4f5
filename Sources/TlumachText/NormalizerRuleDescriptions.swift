/// Which typography profile a normaliser rule belongs to, in the words `tlumach check` uses (`typography:` in
/// `.tlumach.yml`): `normalize` applies every rule; `check` reports a rule's changes as `not-normalized` only
/// under a profile that includes it.
public enum NormalizationProfile: String, Sendable, CaseIterable {
    /// Defects in any text (invisible characters, decomposed letters, a BOM): reported under every profile.
    case standard
    /// House typography of a newsroom (quotes, apostrophe, dashes, no-break spaces): reported only with
    /// `typography: strict`.
    case strict
}

/// An example a normaliser rule carries: the rule alone turns `input` into `output`. It is run as the rule's test
/// and printed on its documentation page.
public struct NormalizationExample: Sendable {
    public var language: Language
    public var input: String
    /// The same as `input` for an example the rule must leave alone.
    public var output: String
    public var note: String?

    public init(_ language: Language, _ input: String, _ output: String, note: String? = nil) {
        self.language = language
        self.input = input
        self.output = output
        self.note = note
    }

    /// An example the rule leaves as it is.
    public static func unchanged(_ language: Language, _ input: String, note: String? = nil) -> NormalizationExample {
        NormalizationExample(language, input, input, note: note)
    }

    public var changes: Bool { input != output || !input.unicodeScalars.elementsEqual(output.unicodeScalars) }
}

/// What a normaliser rule is, shaped like a check's description: its id (the name `--disable` takes, reports print
/// and `not-normalized` findings name), what it does, why, its profile, and examples that are its tests and docs.
public struct NormalizationRuleDescription: Sendable {
    public var rule: NormalizationRule
    public var id: String { rule.rawValue }
    public var name: String
    public var summary: String
    public var rationale: String
    public var profile: NormalizationProfile
    /// The check that reports what this rule would change, when it is not `not-normalized` (quotes: punctuation).
    public var reportedBy: String?
    public var examples: [NormalizationExample]
}

extension NormalizationRule {
    /// The rule's descriptor.
    public var descriptor: NormalizationRuleDescription {
        NormalizationRuleCatalog.descriptions.first { $0.rule == self }!
    }
}

/// Every built-in rule of the article normaliser, in the order they run.
public enum NormalizationRuleCatalog {
    public static let descriptions: [NormalizationRuleDescription] = [
        NormalizationRuleDescription(
            rule: .bom, name: "Byte-order mark",
            summary: "Removes a byte-order mark at the start of the text.",
            rationale: "A BOM is invisible, breaks concatenation and makes identical texts compare unequal.",
            profile: .standard, reportedBy: nil,
            examples: [
                .init(.uk, "\u{FEFF}Київ", "Київ"),
                .unchanged(.uk, "Київ"),
            ]),
        NormalizationRuleDescription(
            rule: .lineEndings, name: "Line endings",
            summary: "CRLF and lone CR line ends become LF (also inside code blocks).",
            rationale: "Mixed line ends make diffs and memories see changes nobody made.",
            profile: .standard, reportedBy: "whitespace",
            examples: [
                .init(.en, "one\r\ntwo", "one\ntwo"),
                .init(.en, "one\rtwo", "one\ntwo", note: "A lone CR."),
                .unchanged(.en, "one\ntwo"),
            ]),
        NormalizationRuleDescription(
            rule: .zeroWidth, name: "Zero-width characters",
            summary: "Removes U+200B–U+200F, U+2060–U+2064 and U+FEFF inside text; a zero-width joiner inside an emoji sequence stays.",
            rationale: "Invisible characters split words for search, spell checking and glossary matching while looking right.",
            profile: .standard, reportedBy: nil,
            examples: [
                .init(.uk, "полон\u{200B}ені", "полонені"),
                .unchanged(.en, "👩\u{200D}💻 developers", note: "A joiner inside an emoji sequence."),
            ]),
        NormalizationRuleDescription(
            rule: .softHyphen, name: "Soft hyphens",
            summary: "Removes soft hyphens (U+00AD).",
            rationale: "Hyphenation hints pasted from layout software hide inside words and break matching.",
            profile: .standard, reportedBy: nil,
            examples: [
                .init(.uk, "військово\u{AD}полонені", "військовополонені"),
                .unchanged(.uk, "військово-морський", note: "A real hyphen."),
            ]),
        NormalizationRuleDescription(
            rule: .nfc, name: "Unicode NFC",
            summary: "Composes decomposed letters (Unicode NFC): и + U+0306 → й, і + U+0308 → ї.",
            rationale: "A decomposed ї looks like ї but is two characters: search and glossary matching miss it.",
            profile: .standard, reportedBy: nil,
            examples: [
                .init(.uk, "Киі\u{308}в", "Київ"),
                .init(.uk, "и\u{306}ти", "йти"),
                .unchanged(.uk, "Київ"),
            ]),
        NormalizationRuleDescription(
            rule: .lookAlikes, name: "Look-alike letters",
            summary: "A word mixing Latin and Cyrillic letters, flagged by ICU's spoof checker, is rewritten in the script most of its letters use.",
            rationale: """
                Only when every minority letter has a look-alike (Data/lookalikes.txt) and the confusable skeleton stays \
                the same; a word with as many letters of each script is left alone, and words wholly in one script never \
                change (XX століття, COVID-19, iPhone).
                """,
            profile: .standard, reportedBy: "mixed-script",
            examples: [
                .init(.uk, "Мiнiстерство оборони", "Міністерство оборони", note: "Latin i."),
                .init(.en, "Ukrаine", "Ukraine", note: "Cyrillic а."),
                .unchanged(.uk, "XX століття"),
                .unchanged(.uk, "потрібні права root’а", note: "A Latin name with a Ukrainian case ending."),
                .unchanged(.uk, "сумісна з IPвер.6", note: "An acronym glued to a word."),
                .unchanged(.uk, "редагували уShotwell", note: "Two words glued: a space is missing, no letter looks alike."),
            ]),
        NormalizationRuleDescription(
            rule: .noBreakSpace, name: "No-break spaces",
            summary: "No-break and fixed-width spaces stay only where typography wants them (docs/normalizer.md); elsewhere they become plain spaces.",
            rationale: "Stray no-break spaces pasted from other documents block line breaks in odd places.",
            profile: .strict, reportedBy: nil,
            examples: [
                .init(.uk, "полонені\u{A0}повернулися", "полонені повернулися"),
                .unchanged(.uk, "2\u{A0}500 захисників", note: "Between digit groups."),
                .unchanged(.uk, "для CUPS\u{A0}>=\u{A0}1.6", note: "Beside a comparison sign."),
                .unchanged(.uk, "для Openbox\u{A0}2", note: "Between a word and its number."),
                .unchanged(.en, "3.14.1.\u{A0}Activating the Tool", note: "A section's number and its title."),
                .unchanged(.uk, "Переклад: 2018\u{A0}Володимир Бриняк", note: "A number and the word after it."),
                .unchanged(.uk, "Частина\u{A0}II. Довідник", note: "A word and a Roman numeral."),
                .unchanged(.uk, "Налаштування\u{A0}→ Мова", note: "Before an arrow of a menu path."),
            ]),
        NormalizationRuleDescription(
            rule: .spaceRuns, name: "Runs of spaces",
            summary: "Runs of spaces inside a line collapse to one (a kept no-break space wins); indentation and aligned columns stay.",
            rationale: """
                Doubled spaces are typing slips; indentation is layout and is kept, and so is a run that aligns a \
                column with the line above or below (a table, help text's options and their meanings).
                """,
            profile: .standard, reportedBy: "punctuation",
            examples: [
                .init(.uk, "Полонені  і цивільні", "Полонені і цивільні"),
                .unchanged(.en, "    indented line", note: "Indentation."),
                .unchanged(.uk, "U+0020-U+007F  Основна латиниця\nU+00A0-U+00FF  Доповнення 1", note: "A table's columns."),
                .init(.uk, "Два  пробіли\nі ще  рядок", "Два пробіли\nі ще рядок", note: "Runs in two lines that align nothing."),
            ]),
        NormalizationRuleDescription(
            rule: .trailingSpace, name: "Trailing spaces",
            summary: "Spaces and tabs at line ends are removed.",
            rationale: "Invisible at the end of a line, they still make texts differ (a Markdown hard break by two spaces is lost: use a backslash).",
            profile: .standard, reportedBy: "whitespace",
            examples: [
                .init(.en, "line \nnext", "line\nnext"),
                .unchanged(.en, "line\nnext"),
            ]),
        NormalizationRuleDescription(
            rule: .apostrophe, name: "Apostrophe",
            summary: "An apostrophe variant between two letters becomes ’ (U+2019) in Cyrillic words (or U+02BC with `--apostrophe U+02BC`), and ’ in Latin words.",
            rationale: "One apostrophe makes м'ясо and м’ясо one word for search and memories; reviewed software catalogs often keep the straight one, so `check` reports it only under `typography: strict`.",
            profile: .strict, reportedBy: nil,
            examples: [
                .init(.uk, "м'ясо", "м’ясо"),
                .init(.en, "Ukraine's", "Ukraine’s"),
                .unchanged(.uk, "м’ясо"),
            ]),
        NormalizationRuleDescription(
            rule: .quotes, name: "Quotation marks",
            summary: "Quotation marks by the paragraph's language with nesting: Ukrainian and Russian «…„…“…», English “…‘…’…».",
            rationale: "Straight quotes get their direction from the spaces around them; a paragraph whose quotes do not pair up keeps them.",
            profile: .strict, reportedBy: "punctuation",
            examples: [
                .init(.uk, "Він сказав \"так\".", "Він сказав «так»."),
                .init(.en, "He said \"yes\".", "He said “yes”."),
                .unchanged(.uk, "Він сказав \"так."),
            ]),
        NormalizationRuleDescription(
            rule: .dashes, name: "Dashes",
            summary: "A spaced hyphen between words becomes an em dash (spaced in Ukrainian, closed in English by default); number ranges become en dashes.",
            rationale: "Hyphens inside words (Івано-Франківськ, COVID-19) and identifiers (iso_3166-2), dates (2024-08-24) and phone numbers stay; a UI string's hyphen is house typography, so `check` reports it only under `typography: strict`.",
            profile: .strict, reportedBy: nil,
            examples: [
                .init(.uk, "Київ - столиця", "Київ — столиця"),
                .init(.en, "Kyiv - the capital", "Kyiv—the capital"),
                .init(.uk, "2020-2021 роки", "2020–2021 роки"),
                .unchanged(.uk, "Івано-Франківськ"),
                .unchanged(.uk, "стандарт iso_3166-2"),
                .unchanged(.en, "Features: - e-mail alerts; - journal pages", note: "an inline list's items, which a closed dash would glue to the text before"),
            ]),
    ]
}

/// Documentation generated from the rules' own descriptions and examples: docs/normalizer-rules/<id>.md and an
/// index (`tlumach normalize --write-docs docs/normalizer-rules`; a test fails when it is stale).
public enum NormalizationRuleDocumentation {
    static let generatedNote = "<!-- Generated by `tlumach normalize --write-docs docs/normalizer-rules` from the rules' own descriptions; do not edit. -->\n\n"

    static func profileText(_ profile: NormalizationProfile) -> String {
        switch profile {
        case .standard: "standard (reported by `tlumach check` under every typography profile)"
        case .strict: "strict (reported by `tlumach check` only with `typography: strict`)"
        }
    }

    public static func page(for rule: NormalizationRuleDescription) -> String {
        var page = "# `\(rule.id)` — \(rule.name)\n\n" + generatedNote
        page += "\(rule.summary)\n\n"
        page += "- Profile: \(profileText(rule.profile))\n"
        if let check = rule.reportedBy {
            page += "- In `tlumach check`: reported by [`\(check)`](../checks/\(check).md), not by `not-normalized`\n"
        } else {
            page += "- In `tlumach check`: reported by [`not-normalized`](../checks/not-normalized.md) under this rule's id\n"
        }
        page += "- Turn off: `tlumach normalize --disable \(rule.id)` or `normalize: {disable: [\(rule.id)]}` in `.tlumach.yml`\n\n"
        page += "## Why\n\n\(rule.rationale)\n\n"
        page += "## Examples\n\n| language | text | after the rule | note |\n|---|---|---|---|\n"
        for example in rule.examples {
            let after = example.changes ? cell(example.output) : "*(unchanged)*"
            page += "| \(example.language.rawValue) | \(cell(example.input)) | \(after) | \(escapePipes(example.note ?? "")) |\n"
        }
        return page
    }

    public static func index() -> String {
        var text = "# Rules of `tlumach normalize`\n\n" + generatedNote
        text += "In the order they run. The ids are the names `--disable` takes, `--check` and `--report json` print, and "
        text += "`tlumach check` names in `not-normalized` findings.\n\n"
        text += "| id | profile | what it does |\n|---|---|---|\n"
        for rule in NormalizationRuleCatalog.descriptions {
            text += "| [`\(rule.id)`](\(rule.id).md) | \(rule.profile.rawValue) | \(escapePipes(rule.summary)) |\n"
        }
        return text
    }

    /// Every file of docs/normalizer-rules: name → contents.
    public static func files() -> [(name: String, contents: String)] {
        [("README.md", index())] + NormalizationRuleCatalog.descriptions.map { ("\($0.id).md", page(for: $0)) }
    }

    /// Invisible and special characters shown by name, so a reader sees what the rule changes.
    static func cell(_ text: String) -> String {
        var shown = ""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x7C: shown += "\\|"
            case 0x0A: shown += "↵"
            case 0x0D: shown += "[CR]"
            case 0x09: shown += "⇥"
            case 0x20 where shown.isEmpty: shown += "·"
            case 0x60: shown += "ˋ"
            case 0xA0, 0xAD, 0x200B...0x200F, 0x2060...0x2064, 0xFEFF, 0x300...0x36F:
                shown += "[U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + "]"
            default: shown.unicodeScalars.append(scalar)
            }
        }
        if shown.hasSuffix(" ") { shown = String(shown.dropLast()) + "·" }
        return "`` \(shown) ``"
    }

    static func escapePipes(_ text: String) -> String {
        text.split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }
}
