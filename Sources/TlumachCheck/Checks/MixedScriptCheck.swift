import ICU
import TlumachText

/// `mixed-script`: words mixing Latin and Cyrillic look-alike letters, and words left in the wrong script.
struct MixedScriptCheck: Check {
    static let analyses: UnitAnalyses = .targetTerms
    static let description = CheckDescription(
        id: "mixed-script", name: "Mixed scripts and look-alike letters",
        summary: "A target word mixes Latin, Cyrillic or Greek letters (Мiнiстерство with a Latin i); an English target keeps Cyrillic words; a Ukrainian target has a Latin look-alike word or conjunction.",
        rationale: """
            Look-alike letters break search, spell checking, sorting and glossary checks while looking right. \
            Words wholly in one script are fine (XX століття, COVID-19, iPhone in Ukrainian; NATO stays NATO). In a \
            Ukrainian target a Latin i, a, o, y standing as a conjunction is reported, and so is a Latin word made \
            only of Cyrillic look-alikes where the glossary reads it as a Cyrillic term (CBO for СВО); Latin \
            acronyms (PC, MIME) and Roman numerals are not.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Ministry of Defence", "↓Мiнiстерство оборони", note: "Latin i inside a Cyrillic word."),
            .triggering("Ukraine", "↓Ukrаine", from: "uk", to: "en", note: "Cyrillic а inside an English word."),
            .triggering("the so-called SVO", "так звана ↓CBO", note: "СВО typed in Latin letters (found through the glossary)."),
            .passing("no PC-relative relocations", "немає переміщень відносно PC", note: "A Latin acronym."),
            .triggering("Ukraine and Poland", "Україна ↓i Польща", note: "A Latin i as the conjunction і."),
            .triggering("Обмін полоненими", "↓Обмін prisoners", from: "uk", to: "en", note: "A Cyrillic word left in English."),
            .passing("the 20th century", "XX століття", note: "Roman numerals."),
            .passing("COVID-19 vaccines", "вакцини від COVID-19"),
            .passing("NATO summit", "саміт НАТО"),
            .passing("iPhone users", "користувачі iPhone"),
            .passing("maximum delta E", "максимальна ΔE*", note: "Greek notation beside a Latin letter (darktable)."),
            .passing("fd.o's reverse-DNS name", "зворотна DNS-назва fd.o", note: "A letter inside a name is not a conjunction."),
            .passing("%s\\nrespective", "%s\\nвідповідних", note: "An escape glued to a word (gnupg2) is not part of it."),
            .passing("%%0Aspecial", "%%0Aспеціальних", note: "A URL escape glued to a word (gnupg2)."),
            .passing("%BRemove%b the following packages:", "%BВидалити%b такі пакунки:", note: "A format code glued to a word (aptitude)."),
            .triggering("at %m in", "у %↓mв", note: "A lower-case conversion glued to a word (postgres)."),
            .passing("\\uNNNN", "\\uНННН", note: "A translated metavariable after an escape."),
            .passing("base size on RFILE", "основний розмір RФАЙЛА", note: "A metavariable (coreutils)."),
            .passing("^[nN]", "^[nNнН]", note: "A regular expression's character class (coreutils)."),
            .passing("done by dpkg.", "зроблено dpkg'ем.", note: "A Latin name with a case ending (apt)."),
            .passing("at 0xADDRESS", "за 0xАДРЕСА", note: "A hex prefix (binutils)."),
            .passing("ǂUngkue", "ǂУнкве", note: "A click letter in a name (iso_639_3)."),
            .passing("oO", "oOгГ", note: "Answer keys, the English ones kept (gnupg2)."),
            .passing("Yy", "YyТт", note: "Answer keys, upper case first (nano)."),
            .triggering("Yy", "↓YТт", note: "Not pairs of one letter: a Latin Y glued to a word."),
            .triggering("ARG1 * ARG2", "↓AРГ1 * АРГ2", note: "A Latin A in a Cyrillic metavariable (coreutils)."),
            .passing("use a specific SEUSER", "використати вказаного SEКОР", note: "An acronym glued to a metavariable (coreutils)."),
            .passing("  -kWORD, --keyword=WORD", "  -kСЛОВО, --keyword=СЛОВО", note: "An option letter before its translated metavariable (gettext-tools)."),
            .triggering("  -kWORD  look for WORD", "  ↓kСЛОВО  шукати СЛОВО", note: "A Latin letter glued to a word, not an option."),
            .passing("  --ifFORMAT  process @ifFORMAT", "  --ifФОРМАТ  обробляти @ifФОРМАТ", note: "An option name before its translated metavariable (texinfo)."),
            .passing("Test video subsystem in mode WxH.", "Перевірити відеопідсистему у режимі ВxШ.", note: "Dimensions: metavariables joined by x (grub)."),
            .passing("(usually WidthxHeight+XPos+YPos)", "(зазвичай, ШиринаxВисота + позиція за X + позиція за Y)", note: "Capitalised words joined by x as the source joins its own (kdelibs4support)."),
            .triggering("the width and height", "ширину та ↓Ширинаxвисоту", note: "A Latin x inside a word where the source has no such dimensions."),
            .triggering("width x height", "ширина ↓дxе висота", note: "A Latin x inside a lower-case word."),
            .triggering("IP2K specific command line options:", "Специфічні для IP2K параметри командного ↓рядкаs:", note: "A Latin s typed after a word (binutils)."),
            .triggering("[[:<:]]pBRE", "[[:<:]]↓pБФВ", note: "A regex class translated (real: a published catalog)."),
            .passing("file1 ... fileN", "файл1 ... файлN", note: "An argument's index letter kept (xarchiver)."),
            .passing("KnownX", "ВідоміX", note: "A capitalised argument's index letter kept (calligrasheets)."),
            .passing("%UChannel  Users", "%UКанал  Користувачі", note: "A code the source glues to a word, glued to its translation (hexchat)."),
            .passing("$tNotify list is empty.", "$tСписок сповіщень порожній.", note: "hexchat's tab code."),
            .passing("microsecond,microseconds,us,μs", "мікросекунда,мікросекунди,мкс,μs", note: "The source's own symbol copied (gnome-calculator)."),
            .passing("D)elete domain, or C)ancel?", "ВиD)алити домен чи C)касувати?", note: "Hotkeys the source marks, kept in Latin (lynx)."),
            .passing("'A'lways allowing from domain '%s'.", "З'A'вжди беремо з домена '%s'.", note: "A hotkey between apostrophes (lynx)."),
            .triggering("Proceed or cancel?", "↓пPодовжити чи скасувати?", note: "No hotkey marked in the source: a Latin P in a word."),
            .triggering("&Tree", "Д&↓eрево", note: "A Latin look-alike as the hotkey: the reader presses the Cyrillic е and nothing happens (mc)."),
            .passing("Cconflicts with some other fs @b", "Cконфліктує з іншою файловою системою @b", note: "The source's leading key letter kept (e2fsprogs' abbreviation table)."),
            .triggering("Cancel", "↓Cкасувати", note: "A Latin C for С: the source's first letter, not a key glued to a word."),
            .triggering("vdevice", "↓vпристрій", note: "One such unit is a slip; a file with five or more keeps a key table (e2fsprogs), and none is reported."),
            .passing("@d %p has the casefold flag", "для @dу %p встановлено прапорець", note: "A code with a case ending (e2fsprogs: @d is “каталог”)."),
            .passing("Y-data", "Дані y", note: "An axis letter the source writes alone, kept in Latin (labplot)."),
            .triggering("Saved in the file", "Збережено ↓y файлі", note: "A Latin y for the preposition у."),
            .passing("DebSz", "DebРозмір", note: "A camel-case compound with the source's Latin half kept (aptitude's column)."),
            .passing("IUsed", "IВикористано", note: "One letter of a camel-case compound kept: I for inodes (guestfs-tools' column)."),
            .passing(
                "expect YYYY-MM-DDTHH:MM:SS", "час мало бути вказано у форматі РРРР-ММ-ДДTГГ:ХХ:СС",
                note: "ISO 8601's literal T between translated metavariables (libvirt)."),
            .passing("GnumericSpreadsheet", "ЕлектроннаТаблицяGnumeric", note: "A camel-case compound with the Latin half last (lyx)."),
            .triggering("the argument to -C must be a number", "аргументом параметра -C ↓mмає бути число", note: "A Latin letter left over from the source's word (sudo)."),
        ], readsTargetAlone: true)

    init(environment: CheckEnvironment) {}

    /// How many units of one file must keep the source's leading letter before a translated word for it to be the
    /// file's key table (e2fsprogs has 30) rather than a slip.
    static let keyTableMinimum = 5

    /// Units whose target starts with the source's first Latin letter glued to a Cyrillic word (`vdevice` →
    /// `vпристрій`, `must be` → `mмає бути`), reported unless their file has `keyTableMinimum` of them or more:
    /// a convention a catalog repeats is its key table, a one-off is a letter left over from the source.
    func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        var candidates: [String: [(index: Int, word: Range<Int>)]] = [:]
        for (index, unit) in units.enumerated() {
            if let word = Self.leadingKeyCandidate(unit) { candidates[unit.file, default: []].append((index, word)) }
        }
        var issues: [(Int, Issue)] = []
        for (_, found) in candidates where found.count < Self.keyTableMinimum {
            for (index, word) in found {
                let unit = units[index]
                let text = PlaceholderScanner.text(unit.targetText.scalars, word)
                issues.append((index, Issue("“\(text)” mixes Latin and Cyrillic letters", suggestion: repaired(text, for: unit.targetLanguage), at: word)))
            }
        }
        return issues.sorted { $0.0 < $1.0 }
    }

    /// The first word of the target when it is the source's first Latin letter glued to Cyrillic letters, the
    /// source going on with a letter or a code (`vdevice`, `Lis`, `must`), and no other exemption applies.
    static func leadingKeyCandidate(_ unit: CheckedUnit) -> Range<Int>? {
        guard unit.hasTarget, unit.targetLanguage != "en" else { return nil }
        let target = unit.targetText.scalars
        let source = unit.sourceText.scalars
        guard target.count >= 3, source.count >= 3, let letter = target.first, letter.value < 0x80,
            letter.properties.isAlphabetic, source[0] == letter,
            source[1].value < 0x80, source[1].properties.isAlphabetic || source[1] == "@",
            (0x400...0x4FF).contains(target[1].value)
        else { return nil }
        var end = 1
        while end < target.count, (0x400...0x4FF).contains(target[end].value) || WordScanner.isApostrophe(target[end]) { end += 1 }
        // The word must end here (vпристрій, not vпристрійX) and not be doubled in the source (kept by its own rule).
        if end < target.count && WordScanner.isLetter(target[end]) { return nil }
        if isKeptLeadingKey(target, 0..<end, source: source) { return nil }
        // IUsed → IВикористано: a camel-case head, which `isCamelCaseKeptPrefix` judges, not a key letter.
        if source[1].properties.isUppercase && target[1].properties.isUppercase { return nil }
        return 0..<end
    }

    /// Latin letters that look like Cyrillic ones, with their Cyrillic twins: the normaliser's table
    /// (TlumachText/Data/lookalikes.txt).
    static let latinLookalikes = TextData.lookAlikes.toCyrillic
    /// Greek letters that pass for Latin ones (Α Β Ε … ο ν ρ): beside Latin letters they are a slip, where Δ, λ or
    /// μ are notation.
    static let greekLookalikes = Set("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧαικνορτυχ".unicodeScalars)
    static let romanNumeral: Set<Unicode.Scalar> = ["I", "V", "X", "L", "C", "D", "M"]

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard unit.hasTarget else { return [] }
        let text = unit.targetText
        // Fast path: pure ASCII cannot mix scripts; an English target in ASCII has nothing to report.
        if text.isASCII && unit.targetLanguage != "uk" { return [] }
        var issues: [Issue] = []
        var latinCandidates: [Range<Int>] = []
        var cyrillicWords = 0
        var cyrillicInEnglish: [String] = []
        var firstCyrillicInEnglish: Range<Int>?
        let scalars = text.scalars
        let masked = text.hasMaskedSpans ? text.masked : nil
        let isUkrainian = unit.targetLanguage == "uk"
        let isEnglish = unit.targetLanguage == "en"
        // Only a target with a % or $ can have a code glued to a word.
        let gluedCodes = text.scalars.contains(where: { $0 == "%" || $0 == "$" })
            ? Self.codesGluedToWords(unit.sourceText.scalars) : []
        // What the exemptions ask of the source, read once per unit and kept: a target of thousands of mixed
        // words must not read the source once per word.
        var sourceFacts = SourceFacts(source: unit.sourceText)
        // One pass over the scalars, word by word (letters, with apostrophes between letters), no strings made
        // unless a word is reported.
        var index = 0
        let count = scalars.count
        while index < count {
            guard WordScanner.isLetter(scalars[index]) else {
                index += 1
                continue
            }
            // An escape glued to a word is not part of it: the n of `\nвідповідних`, the u of `\uНННН`, the A of
            // a URL escape `%0Aспеціальних`.
            if let escape = Self.escapeLength(scalars, at: index, gluedInSource: gluedCodes), escape > 0 {
                index += escape
                continue
            }
            let start = index
            var latin = false
            var cyrillic = false
            var greek = false
            var greekLookalike = false
            var allLookalikeUpper = true
            while index < count {
                let scalar = scalars[index]
                if WordScanner.isLetter(scalar) {
                    let value = scalar.value
                    if value < 0x80 {
                        latin = true
                        if value >= 0x61 || Self.latinLookalikes[scalar] == nil { allLookalikeUpper = false }
                    } else if (0x400...0x4FF).contains(value) {
                        cyrillic = true
                    } else {
                        // Click letters (ǀ ǁ ǂ ǃ) belong to names in any script (ǂУнкве for ǂUngkue).
                        if (0x1C0...0x1C3).contains(value) {
                            index += 1
                            continue
                        }
                        switch Script(of: scalar) {
                        case .latin: latin = true
                        case .cyrillic: cyrillic = true
                        case .greek:
                            greek = true
                            if Self.greekLookalikes.contains(scalar) { greekLookalike = true }
                        default: break
                        }
                        allLookalikeUpper = false
                    }
                    index += 1
                } else if WordScanner.isApostrophe(scalar) && index + 1 < count && WordScanner.isLetter(scalars[index + 1]) {
                    index += 1
                } else {
                    break
                }
            }
            if masked?[start] == true { continue }
            let kinds = (latin ? 1 : 0) + (cyrillic ? 1 : 0) + (greek ? 1 : 0)
            if kinds > 1 && !greek && MixedScriptWord.isGluedAcronym(scalars[start..<index]) {
                continue
            }
            // Greek letters that look like no Latin one beside Latin letters are notation (darktable's ΔE, λmax).
            if kinds == 2 && latin && greek && !greekLookalike {
                continue
            }
            // A Latin name with a Ukrainian case ending after an apostrophe (dpkg'ем) is how Ukrainian inflects it.
            if kinds > 1 && MixedScriptWord.isInflectedLatinName(scalars[start..<index]) {
                continue
            }
            // Answer keys (gnupg's "oO" → "oOгГ"): each letter in lower then upper case, the English keys kept.
            if kinds > 1 && Self.isAnswerKeys(scalars[start..<index]) {
                continue
            }
            // An option letter glued to its translated metavariable (-kWORD → -kСЛОВО); metavariables joined by
            // the dimension sign x (ШИРИНАxВИСОТА), or by ISO 8601's literal T where the source's format has it
            // (libvirt: YYYY-MM-DDTHH:MM:SS → РРРР-ММ-ДДTГГ:ХХ:СС).
            if kinds > 1 && (Self.isOptionBeforeMetavariable(scalars, start..<index, sourceOptions: { sourceFacts.options })
                || Self.isDimensions(scalars[start..<index])
                || (Self.isCapitalisedDimensions(scalars[start..<index]) && sourceFacts.joinsCapitalisedWordsByX)
                || (Self.isDimensions(scalars[start..<index], joiner: "T") && Self.hasISODateTimeSeparator(sourceFacts.source.scalars)))
            {
                continue
            }
            // A hotkey kept in Latin inside a translated word (lynx: D)elete → ВиD)алити, 'A'lways → З'A'вжди):
            // the program reacts to the source's key, so the letter the source marks stays marked in the target.
            if kinds > 1 && (Self.isKeptHotkey(scalars, start..<index, sourceHas: { sourceFacts.contains($0) })
                || Self.isKeptIndexLetter(scalars[start..<index], facts: &sourceFacts))
            {
                continue
            }
            // Where the translator kept a Latin letter on purpose: the source's leading key letter (e2fsprogs:
            // Ffor → Fдля), a code with a case ending (@dу for @d), or the Latin half of a camel-case compound
            // (DebSz → DebРозмір).
            // The source's first letter kept before the word it starts (vdevice → vпристрій) is left to checkAll,
            // which tells a file's key table from a one-off slip (must → mмає).
            if kinds > 1 && (Self.isKeptLeadingKey(scalars, start..<index, source: unit.sourceText.scalars)
                || (start == 0 && Self.leadingKeyCandidate(unit) == start..<index)  // only the first word can be one
                || Self.isInflectedCode(scalars, start..<index, source: unit.sourceText.scalars)
                || Self.isCamelCaseKeptPrefix(scalars[start..<index], sourceCamelHeads: { sourceFacts.camelHeads })
                || Self.isCamelCaseKeptSuffix(scalars[start..<index], sourceCamelRuns: { sourceFacts.camelRuns }))
            {
                continue
            }
            // A regular expression's character class (^[nNнН]) lists letters of both scripts on purpose.
            if kinds > 1 && start > 0 && scalars[start - 1] == "[" && index < count && scalars[index] == "]" {
                continue
            }
            if kinds > 1 {
                let word = PlaceholderScanner.text(scalars, start..<index)
                // The source's own word copied (gnome-calculator's unit symbol μs: a Greek mu and a Latin s) is
                // not a slip of the translator.
                if sourceFacts.words.contains(word) { continue }
                var names: [String] = []
                if latin { names.append("Latin") }
                if cyrillic { names.append("Cyrillic") }
                if greek { names.append("Greek") }
                issues.append(
                    Issue("“\(word)” mixes \(names.joined(separator: " and ")) letters", suggestion: repaired(word, for: unit.targetLanguage), at: start..<index))
            } else if cyrillic {
                cyrillicWords += 1
                if isEnglish {
                    cyrillicInEnglish.append(PlaceholderScanner.text(scalars, start..<index))
                    if firstCyrillicInEnglish == nil { firstCyrillicInEnglish = start..<index }
                }
            } else if latin && isUkrainian {
                let length = index - start
                // A conjunction stands between spaces (or punctuation), not inside "fd.o" or "x_i".
                let before = start > 0 ? scalars[start - 1] : " "
                let after = index < count ? scalars[index] : " "
                let isConjunction = length == 1 && ["i", "a", "o", "y"].contains(scalars[start])
                    && CharacterClass.isSpace(before) && (CharacterClass.isSpace(after) || ",;:".unicodeScalars.contains(after))
                let isRoman = scalars[start..<index].allSatisfy { Self.romanNumeral.contains($0) }
                if isConjunction || (length >= 2 && allLookalikeUpper && !isRoman) { latinCandidates.append(start..<index) }
            }
        }
        if !cyrillicInEnglish.isEmpty {
            let shown = cyrillicInEnglish.prefix(3).map { "“\($0)”" }.joined(separator: ", ")
            let more = cyrillicInEnglish.count > 3 ? " and \(cyrillicInEnglish.count - 3) more" : ""
            issues.append(Issue("Cyrillic \(cyrillicInEnglish.count == 1 ? "word" : "words") \(shown)\(more) in an English target", at: firstCyrillicInEnglish))
        }
        if isUkrainian && cyrillicWords > 0 && !latinCandidates.isEmpty {
            let sourceWords = Set(unit.sourceText.words.map(\.text))
            // A capitalised look-alike word counts only where the glossary reads it as a Cyrillic term (CBO as СВО):
            // Latin acronyms (PC, MIME, CA) are normal in Ukrainian text.
            let cyrillicTermRanges = unit.targetTerms.filter { $0.term.unicodeScalars.contains { (0x400...0x4FF).contains($0.value) } }.map(\.range)
            // Asked once per letter: a text of thousands of Latin y's reads the source once.
            var lettersAlone: [Unicode.Scalar: Bool] = [:]
            for range in latinCandidates {
                let word = PlaceholderScanner.text(scalars, range)
                // fdroidserver: "your APKs" → "свої APK": an acronym kept without its English plural.
                guard !sourceWords.contains(word), !sourceWords.contains(word + "s") else { continue }
                let isConjunction = range.count == 1
                // A letter the source writes alone, in either case (labplot: "Y-data" → "Дані y", an axis), is kept.
                if isConjunction {
                    let letter = scalars[range.lowerBound]
                    let alone = lettersAlone[letter] ?? Self.standsAlone(letter, in: unit.sourceText.scalars)
                    lettersAlone[letter] = alone
                    if alone { continue }
                }
                guard isConjunction || cyrillicTermRanges.contains(where: { $0.overlaps(range) }) else { continue }
                var cyrillic = ""
                for scalar in word.unicodeScalars { cyrillic.unicodeScalars.append(Self.latinLookalikes[scalar] ?? scalar) }
                issues.append(Issue("“\(word)” is written in Latin letters that look Cyrillic: “\(cyrillic)”?", suggestion: cyrillic, at: range))
            }
        }
        return issues
    }

    /// Whether `letter` (in either case) stands in `scalars` with no letter on either side ("Y-data", "x and y").
    static func standsAlone(_ letter: Unicode.Scalar, in scalars: [Unicode.Scalar]) -> Bool {
        let lower = letter.properties.lowercaseMapping.unicodeScalars.first ?? letter
        let upper = letter.properties.uppercaseMapping.unicodeScalars.first ?? letter
        for (index, scalar) in scalars.enumerated() where scalar == lower || scalar == upper {
            let before = index > 0 ? scalars[index - 1] : " "
            let after = index + 1 < scalars.count ? scalars[index + 1] : " "
            if !WordScanner.isLetter(before) && !WordScanner.isLetter(after) { return true }
        }
        return false
    }

    /// Pairs of one letter in lower and upper case (oOгГ, qQвВ, YyТт): the keys a prompt accepts, one pair per
    /// language. A look-alike slip (cС, Latin c then Cyrillic С) is not a pair.
    static func isAnswerKeys(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let letters = Array(word)
        guard letters.count >= 4, letters.count % 2 == 0 else { return false }
        // Lower case first (oO) or upper case first (Yy, nano), the same order throughout.
        func pairs(lowerFirst: Bool) -> Bool {
            stride(from: 0, to: letters.count, by: 2).allSatisfy { index in
                let lower = letters[lowerFirst ? index : index + 1], upper = letters[lowerFirst ? index + 1 : index]
                return lower.properties.isLowercase && upper.properties.isUppercase
                    && lower.properties.uppercaseMapping == String(upper)
            }
        }
        return pairs(lowerFirst: true) || pairs(lowerFirst: false)
    }

    /// `-kСЛОВО` for `-kWORD`: after a hyphen, one Latin letter the source also has as an option (-k), then an
    /// upper-case Cyrillic metavariable. `kСЛОВО` without the hyphen, or `-kслово`, stays a mix.
    /// The same for a longer option or command name (`--ifFORMAT` → `--ifФОРМАТ`, `@ifFORMAT` → `@ifФОРМАТ`,
    /// texinfo): the Latin letters after the hyphen or @, followed in the source by a capital Latin letter.
    static func isOptionBeforeMetavariable(_ scalars: [Unicode.Scalar], _ word: Range<Int>, sourceOptions: () -> Set<String>) -> Bool {
        guard word.lowerBound > 0, word.count >= 3 else { return false }
        let lead = scalars[word.lowerBound - 1]
        guard lead == "-" || lead == "@" else { return false }
        var split = word.lowerBound
        while split < word.upperBound && scalars[split].value < 0x80 && scalars[split].properties.isLowercase { split += 1 }
        guard split > word.lowerBound, word.upperBound - split >= 2 else { return false }
        let rest = scalars[split..<word.upperBound]
        guard rest.allSatisfy({ (0x400...0x4FF).contains($0.value) && $0.properties.isUppercase }) else { return false }
        return sourceOptions().contains(ScalarString.make([lead] + Array(scalars[word.lowerBound..<split])))
    }

    /// The source's options followed by a capital Latin letter, as `isOptionBeforeMetavariable` asks for them: a
    /// hyphen or @ and the run of lower-case Latin letters after it (`-k` of `-kWORD`, `-if` of `--ifFORMAT`).
    static func optionsBeforeCapitals(_ source: [Unicode.Scalar]) -> Set<String> {
        var options = Set<String>()
        for start in source.indices where source[start] == "-" || source[start] == "@" {
            var end = start + 1
            while end < source.count && source[end].value < 0x80 && source[end].properties.isLowercase { end += 1 }
            if end > start + 1 && end < source.count && source[end].value < 0x80 && source[end].properties.isUppercase {
                options.insert(ScalarString.make(source[start..<end]))
            }
        }
        return options
    }

    /// An argument's index letter kept (xarchiver: "file1 ... fileN" → "файл1 ... файлN", calligrasheets: "KnownX" →
    /// "ВідоміX"): a lower-case or capitalised Cyrillic word and one Latin capital at its end, where a source word
    /// ends in that capital after lower-case letters.
    static func isKeptIndexLetter(_ word: ArraySlice<Unicode.Scalar>, facts: inout SourceFacts) -> Bool {
        guard let last = word.last, last.value < 0x80, last.properties.isUppercase, word.count >= 3 else { return false }
        // Capitalised too (calligrasheets: "KnownX" → "ВідоміX").
        guard word.dropLast().allSatisfy({ (0x400...0x4FF).contains($0.value) }),
            word.dropLast().dropFirst().allSatisfy({ $0.properties.isLowercase })
        else { return false }
        return facts.indexLetters.contains(last)
    }

    /// What the exemptions ask of a unit's source, each made the first time it is asked for.
    struct SourceFacts {
        let source: AnalyzedText
        private var wordSet: Set<String>?
        private var optionSet: Set<String>?
        private var indexLetterSet: Set<Unicode.Scalar>?
        /// Marks (`D)`, `'A'`) already looked for, with the answer: at most 26 × 2 scans of the source.
        private var marks: [String: Bool] = [:]
        private var capitalisedDimensions: Bool?

        init(source: AnalyzedText) { self.source = source }

        /// Whether the source joins capitalised Latin words by the dimension sign (WidthxHeight), looked for once.
        var joinsCapitalisedWordsByX: Bool {
            mutating get {
                if let capitalisedDimensions { return capitalisedDimensions }
                let scalars = source.scalars
                var found = false
                if scalars.count >= 3 {
                    for index in 1..<(scalars.count - 1) where scalars[index] == "x" {
                        let before = scalars[index - 1], after = scalars[index + 1]
                        if before.value < 0x80, before.properties.isLowercase, after.value < 0x80, after.properties.isUppercase {
                            found = true
                            break
                        }
                    }
                }
                capitalisedDimensions = found
                return found
            }
        }

        var words: Set<String> {
            mutating get {
                if let wordSet { return wordSet }
                let made = Set(source.words.map(\.text))
                wordSet = made
                return made
            }
        }

        /// Every run of whole camel-case parts of the source's ASCII words ("GnumericSpreadsheet": Gnumeric,
        /// Spreadsheet and itself), made once: a camel-case half is looked up, not searched for in every word.
        var camelRuns: Set<String> {
            mutating get {
                if let camelRunSet { return camelRunSet }
                var runs = Set<String>()
                for word in words {
                    let scalars = Array(word.unicodeScalars)
                    guard scalars.allSatisfy({ $0.isASCII }), scalars.count <= 64 else { continue }
                    var bounds = [0]
                    for index in 1..<max(1, scalars.count) where scalars[index].properties.isUppercase && scalars[index - 1].properties.isLowercase {
                        bounds.append(index)
                    }
                    bounds.append(scalars.count)
                    for from in bounds.indices.dropLast() {
                        for to in bounds.indices.dropFirst() where to > from {
                            runs.insert(ScalarString.make(scalars[bounds[from]..<bounds[to]]))
                        }
                    }
                }
                camelRunSet = runs
                return runs
            }
        }
        private var camelRunSet: Set<String>?

        /// The ASCII letters that open a source word before one of its capitals ("KDE" and "KDEConnect" of
        /// "KDEConnectApp"), made once: a kept prefix is looked up, not searched for in every word.
        var camelHeads: Set<String> {
            mutating get {
                if let camelHeadSet { return camelHeadSet }
                var heads = Set<String>()
                for word in words {
                    let scalars = Array(word.unicodeScalars.prefix(65))
                    for index in 1..<max(1, scalars.count) {
                        guard scalars[index - 1].isASCII, scalars[index - 1].properties.isAlphabetic else { break }
                        if scalars[index].isASCII, scalars[index].properties.isUppercase {
                            heads.insert(ScalarString.make(scalars[0..<index]))
                        }
                    }
                }
                camelHeadSet = heads
                return heads
            }
        }
        private var camelHeadSet: Set<String>?

        var options: Set<String> {
            mutating get {
                let made = optionSet ?? MixedScriptCheck.optionsBeforeCapitals(source.scalars)
                optionSet = made
                return made
            }
        }

        /// The capitals that end a source word of lower-case Latin letters (fileN, itemX).
        var indexLetters: Set<Unicode.Scalar> {
            mutating get {
                if let indexLetterSet { return indexLetterSet }
                var made = Set<Unicode.Scalar>()
                for candidate in source.words {
                    let letters = Array(candidate.text.unicodeScalars)
                    if letters.count >= 3, let last = letters.last, last.value < 0x80, last.properties.isUppercase,
                        letters.dropLast().allSatisfy({ $0.value < 0x80 && $0.properties.isAlphabetic }),
                        letters.dropLast().dropFirst().allSatisfy({ $0.properties.isLowercase })
                    {
                        made.insert(last)
                    }
                }
                indexLetterSet = made
                return made
            }
        }

        mutating func contains(_ mark: [Unicode.Scalar]) -> Bool {
            let key = ScalarString.make(mark)
            if let known = marks[key] { return known }
            let scalars = source.scalars
            let found = scalars.indices.contains { start in
                start + mark.count <= scalars.count && scalars[start..<(start + mark.count)].elementsEqual(mark)
            }
            marks[key] = found
            return found
        }
    }

    /// One Latin capital in the word, marked as the source marks its hotkeys: followed by ")" (`ВиD)алити` for
    /// `D)elete`) or between apostrophes (`З'A'вжди` for `'A'lways`), the same mark on the same letter being in the
    /// source. `пP)` without a `P)` in the source, or a lower-case letter, stays a mix.
    static func isKeptHotkey(_ scalars: [Unicode.Scalar], _ word: Range<Int>, sourceHas: (_ mark: [Unicode.Scalar]) -> Bool) -> Bool {
        let latin = word.filter { scalars[$0].value < 0x80 && scalars[$0].properties.isAlphabetic }
        guard latin.count == 1, let position = latin.first, scalars[position].properties.isUppercase else { return false }
        let letter = scalars[position]
        let next: Unicode.Scalar? = position + 1 < scalars.count ? scalars[position + 1] : nil
        let previous: Unicode.Scalar? = position > 0 ? scalars[position - 1] : nil
        let mark: [Unicode.Scalar]
        if next == ")" {
            mark = [letter, ")"]
        } else if previous == "'" && next == "'" {
            mark = ["'", letter, "'"]
        } else {
            return false
        }
        return sourceHas(mark)
    }

    /// `Fдля` for `Ffor`, `Cконфліктує` for `Cconflicts`, `Eзапис` for `E@e` (e2fsprogs' abbreviation table): the
    /// unit starts with a key letter the program reads, glued to the word it stands before, and the translator kept
    /// it before the translated word. Here only where the source doubles the letter or glues it to a code:
    /// `Cкасувати` for `Cancel` and `mмає` for `must` are slips of the shape of `vпристрій` for `vdevice`, which
    /// `checkAll` tells apart by how often the file repeats it.
    static func isKeptLeadingKey(_ scalars: [Unicode.Scalar], _ word: Range<Int>, source: [Unicode.Scalar]) -> Bool {
        guard word.lowerBound == 0, word.count >= 2, source.count >= 3 else { return false }
        let letter = scalars[0]
        guard letter.value < 0x80, source[0] == letter,
            scalars[1..<word.upperBound].allSatisfy({ (0x400...0x4FF).contains($0.value) })
        else { return false }
        let next = source[1]
        return next == "@" || (next.value < 0x80 && next.properties.lowercaseMapping == letter.properties.lowercaseMapping)
    }

    /// `@dу` for `@d` (e2fsprogs: the code expands to "каталог", the translator adds the case ending): Latin letters
    /// after @ that the source has as a code of their own, then at most three lower-case Cyrillic letters.
    static func isInflectedCode(_ scalars: [Unicode.Scalar], _ word: Range<Int>, source: [Unicode.Scalar]) -> Bool {
        guard word.lowerBound > 0, scalars[word.lowerBound - 1] == "@" else { return false }
        var split = word.lowerBound
        while split < word.upperBound && scalars[split].value < 0x80 { split += 1 }
        let ending = scalars[split..<word.upperBound]
        guard split > word.lowerBound, (1...3).contains(ending.count),
            ending.allSatisfy({ (0x400...0x4FF).contains($0.value) && $0.properties.isLowercase })
        else { return false }
        let code = ["@"] + Array(scalars[word.lowerBound..<split])
        return source.indices.contains { start in
            let end = start + code.count
            return end <= source.count && source[start..<end].elementsEqual(code)
                && (end == source.count || !WordScanner.isLetter(source[end]))
        }
    }

    /// `DebРозмір` for `DebSz`, `HxПошук` for `HxSrch` (aptitude's column names, mc's button bar): a camel-case
    /// compound whose Latin half is the start of a source word, the translated half starting with a capital where
    /// the source's next part did. One Latin letter only before a capitalised word (guestfs-tools' df columns:
    /// `IВикористано` for `IUsed`, I for inodes): `IНФОРМАЦІЯ`, a look-alike in a word in capitals, stays a mix.
    static func isCamelCaseKeptPrefix(_ word: ArraySlice<Unicode.Scalar>, sourceCamelHeads: () -> Set<String>) -> Bool {
        guard let split = word.firstIndex(where: { $0.value >= 0x80 }), split - word.startIndex >= 1 else { return false }
        let rest = word[split...]
        if split - word.startIndex == 1 {
            guard rest.count >= 2, rest[rest.index(after: rest.startIndex)].properties.isLowercase else { return false }
        }
        guard let first = rest.first, (0x400...0x4FF).contains(first.value), first.properties.isUppercase,
            rest.allSatisfy({ (0x400...0x4FF).contains($0.value) }),
            word[word.startIndex..<split].allSatisfy({ $0.value < 0x80 && $0.properties.isAlphabetic })
        else { return false }
        return sourceCamelHeads().contains(ScalarString.make(word[word.startIndex..<split]))
    }

    /// `ЕлектроннаТаблицяGnumeric` for `GnumericSpreadsheet` (lyx's module names): a camel-case compound whose
    /// translated half comes first and whose Latin half, starting with a capital, is a camel-case part of a source
    /// word. `термiналу` (a Latin i inside a word) stays a slip.
    static func isCamelCaseKeptSuffix(_ word: ArraySlice<Unicode.Scalar>, sourceCamelRuns: () -> Set<String>) -> Bool {
        guard let split = word.firstIndex(where: { $0.value < 0x80 }), split - word.startIndex >= 2 else { return false }
        let head = word[word.startIndex..<split], tail = word[split...]
        guard let first = head.first, first.properties.isUppercase, head.allSatisfy({ (0x400...0x4FF).contains($0.value) }),
            tail.count >= 2, let tailFirst = tail.first, tailFirst.properties.isUppercase,
            tail.allSatisfy({ $0.value < 0x80 && $0.properties.isAlphabetic })
        else { return false }
        return sourceCamelRuns().contains(ScalarString.make(tail))
    }

    /// `ШИРИНАxВИСОТА`, `ВxШ` for WIDTHxHEIGHT, WxH (grub, kbd): capital Cyrillic metavariables joined by a Latin
    /// x, the dimension sign. `дxе` (a Latin x inside a lower-case word) stays a slip.
    static func isDimensions(_ word: ArraySlice<Unicode.Scalar>, joiner: Unicode.Scalar = "x") -> Bool {
        let parts = word.split(separator: joiner, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.allSatisfy { (0x400...0x4FF).contains($0.value) && $0.properties.isUppercase }
        }
    }

    /// `ШиринаxВисота` for WidthxHeight (kdelibs4support's X geometry): capitalised Cyrillic words joined by the
    /// dimension sign, accepted where the source joins capitalised Latin words so (`SourceFacts`); without such a
    /// source word it stays a slip.
    static func isCapitalisedDimensions(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        let parts = word.split(separator: "x", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { part in
            guard let first = part.first, first.properties.isUppercase, part.count >= 2 else { return false }
            return part.allSatisfy { (0x400...0x4FF).contains($0.value) }
        }
    }

    /// Whether a format in the source joins a day to an hour by ISO 8601's literal T (YYYY-MM-DDTHH, yyyy-mm-ddThh).
    static func hasISODateTimeSeparator(_ scalars: [Unicode.Scalar]) -> Bool {
        guard scalars.count >= 3 else { return false }
        for index in 1..<(scalars.count - 1) where scalars[index] == "T" {
            if (scalars[index - 1] == "D" || scalars[index - 1] == "d") && (scalars[index + 1] == "H" || scalars[index + 1] == "h") { return true }
        }
        return false
    }

    static func isHex(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "0"..."9", "a"..."f", "A"..."F": true
        default: false
        }
    }

    /// How many ASCII letters at `index` (a word's start) belong to an escape before them: 1 after a backslash
    /// (\n, \t, \u), the hex letters of a percent escape (%0A, %AB).
    static func escapeLength(_ scalars: [Unicode.Scalar], at index: Int, gluedInSource: Set<UInt64> = []) -> Int? {
        guard index > 0, scalars[index].value < 0x80 else { return nil }
        let previous = scalars[index - 1]
        if previous == "\\" { return 1 }
        // A code the source itself glues to a word, glued the same way to the translation (hexchat: %UChannel →
        // %UКанал, $tNotify → $tСписок; geany: %mmode → %mрежим).
        if !gluedInSource.isEmpty && gluedInSource.contains(Self.codeKey(previous, scalars[index])) { return 1 }
        // 0xADDRESS → 0xАДРЕСА: the x of a hex prefix.
        if previous == "0" && scalars[index] == "x" { return 1 }
        // A format code that is switched on and off (aptitude's bold %B…%b: %BВидалити%b). %mв (glibc's %m glued
        // to a word) and %CПроц for %Cpu (procps-ng: no %c after it) stay.
        if previous == "%" && scalars[index].properties.isUppercase && index + 1 < scalars.count && scalars[index + 1].value >= 0x80,
            let off = Unicode.Scalar(scalars[index].value + 0x20),
            scalars[(index + 1)...].indices.contains(where: { $0 + 1 < scalars.count && scalars[$0] == "%" && scalars[$0 + 1] == off })
        {
            return 1
        }
        if previous == "%" && isHex(scalars[index]) {
            return index + 1 < scalars.count && isHex(scalars[index + 1]) && scalars[index + 1].value < 0x80 ? 2 : nil
        }
        if index >= 2 && scalars[index - 2] == "%" && isHex(previous) && isHex(scalars[index]) { return 1 }
        return nil
    }

    static func codeKey(_ sigil: Unicode.Scalar, _ letter: Unicode.Scalar) -> UInt64 {
        UInt64(sigil.value) << 32 | UInt64(letter.value)
    }

    /// The codes (`%U`, `$t`: a % or $ and one Latin letter) the source glues to the start of a word: what
    /// follows the letter is itself a word (capitalised: %UChannel; or a common one: %mmode), unlike procps-ng's "%Cpu(s)", where the
    /// letter belongs to the word.
    static func codesGluedToWords(_ source: [Unicode.Scalar]) -> Set<UInt64> {
        var codes = Set<UInt64>()
        guard source.count >= 3 else { return codes }
        for index in 0..<(source.count - 2) where source[index] == "%" || source[index] == "$" {
            let letter = source[index + 1]
            guard letter.value < 0x80, letter.properties.isAlphabetic, WordScanner.isLetter(source[index + 2]) else { continue }
            // Not itself glued after a letter (a word with a % inside is not a code).
            if index > 0 && WordScanner.isLetter(source[index - 1]) { continue }
            var end = index + 2
            while end < source.count && WordScanner.isLetter(source[end]) { end += 1 }
            // A capital starts a new word (%UChannel, $tNotify); in lower case it must be a word of its own, or three
            // letters or more after a capital code (gcc's %Kmay, %Kargument; procps-ng's "%Cpu" is a word, CPU).
            guard source[index + 2].properties.isUppercase || (letter.properties.isUppercase && end - (index + 2) >= 3)
                || WordLists.shared.isCommonEnglish(PlaceholderScanner.text(source, (index + 2)..<end))
            else { continue }
            codes.insert(codeKey(source[index], letter))
        }
        return codes
    }

    /// The word with look-alikes mapped to the script of most of its letters.
    func repaired(_ word: String, for language: String) -> String? {
        var latin = 0
        var cyrillic = 0
        for scalar in word.unicodeScalars {
            if scalar.value < 0x80 { latin += 1 } else if (0x400...0x4FF).contains(scalar.value) { cyrillic += 1 }
        }
        var result = ""
        if cyrillic >= latin {
            for scalar in word.unicodeScalars { result.unicodeScalars.append(Self.latinLookalikes[scalar] ?? scalar) }
        } else {
            let reverse = TextData.lookAlikes.toLatin
            for scalar in word.unicodeScalars { result.unicodeScalars.append(reverse[scalar] ?? scalar) }
        }
        return result == word ? nil : result
    }
}

/// `cyrillic-alphabet`: letters of another Cyrillic alphabet in the target: э ы ё ъ in Ukrainian, і ї є ґ in Russian.
struct CyrillicAlphabetCheck: Check {
    static let description = CheckDescription(
        id: "cyrillic-alphabet", name: "Letters of another Cyrillic alphabet",
        summary: "A target word has letters its language's alphabet lacks: э, ы, ё or ъ in Ukrainian; і, ї, є or ґ in Russian.",
        rationale: """
            A translator switching between Ukrainian and Russian keyboard layouts types ы for і or э for є; the \
            word looks almost right and slips through review. Only Ukrainian and Russian targets are checked; \
            placeholders, tags and URLs are skipped, and so is a word the source has too (a quoted name).
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Disk is full", "↓Дыск заповнено", note: "ы typed for и (Russian layout)."),
            .triggering("their own", "своє ↓власнэ", note: "э for е."),
            .triggering("Disk is full", "↓Діск переполнен", from: "en", to: "ru", note: "Ukrainian і in a Russian target."),
            .passing("Disk is full", "Диск заповнено"),
            .passing("Disk is full", "Диск переполнен", from: "en", to: "ru"),
            .passing("The word «объект»", "Слово «объект»", note: "The source has the word too."),
            .passing("|steal the lock|sS", "|перехоплення блокування|sSыЫіІ", note: "Answer keys for the Russian and Ukrainian layouts (joe)."),
            .triggering("|cancel edit due to lock|qQ", "|↓выдміна редагування|qQйЙ", note: "ы typed in a word beside the answer keys (joe)."),
        ], readsTargetAlone: true)

    init(environment: CheckEnvironment) {}

    static func foreign(_ scalar: Unicode.Scalar, language: String) -> Bool {
        switch language {
        case "uk":
            switch scalar {
            case "э", "Э", "ы", "Ы", "ё", "Ё", "ъ", "Ъ": return true
            default: return false
            }
        case "ru":
            switch scalar {
            case "і", "І", "ї", "Ї", "є", "Є", "ґ", "Ґ": return true
            default: return false
            }
        default: return false
        }
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        let language = unit.targetLanguage
        guard unit.hasTarget, language == "uk" || language == "ru" else { return [] }
        let text = unit.targetText
        guard !text.isASCII, text.scalars.contains(where: { Self.foreign($0, language: language) }) else { return [] }
        let masked = text.hasMaskedSpans ? text.masked : nil
        var sourceWords: Set<String>?
        var issues: [Issue] = []
        for word in text.words where !(masked?[word.range.lowerBound] ?? false) {
            guard let letter = word.text.unicodeScalars.first(where: { Self.foreign($0, language: language) }) else { continue }
            if sourceWords == nil { sourceWords = Set(unit.sourceText.words.map(\.text)) }
            if sourceWords?.contains(word.text) == true { continue }
            // Answer keys for both layouts (joe: "sS" → "sSыЫіІ": the key under S in the Russian and the Ukrainian layout).
            if MixedScriptCheck.isAnswerKeys(ArraySlice(word.text.unicodeScalars)) { continue }
            let alphabet = language == "uk" ? "Ukrainian" : "Russian"
            issues.append(Issue("“\(word.text)” has “\(letter)”, a letter the \(alphabet) alphabet does not have (another keyboard layout?)", at: word.range))
        }
        return issues
    }
}
