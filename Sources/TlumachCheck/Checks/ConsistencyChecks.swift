/// Keys for grouping units: whitespace collapsed, case folded, accelerator markers (&File, _File) dropped.
enum ConsistencyKey {
    /// A 64-bit FNV-1a hash of the grouping form of `text` (whitespace collapsed, case folded, accelerators
    /// dropped), computed without building the string; `seed` separates PO contexts.
    static func hash(_ text: String, seed: String? = nil) -> UInt64 {
        hash(scalars: Array(text.unicodeScalars), seed: seed)
    }

    /// The same over already decoded scalars (the checked units have them).
    static func hash(scalars: [Unicode.Scalar], seed: String? = nil) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        @inline(__always) func mix(_ value: UInt32) {
            hash ^= UInt64(value)
            hash = hash &* 0x100_0000_01b3
        }
        if let seed {
            for byte in seed.utf8 { mix(UInt32(byte)) }
            mix(0x1F_FFFF)
        }
        var pendingSpace = false
        var started = false
        var previousIsLetter = false
        let count = scalars.count
        for index in 0..<count {
            let scalar = scalars[index]
            let next: Unicode.Scalar? = index + 1 < count ? scalars[index + 1] : nil
            if CharacterClass.isSpace(scalar) {
                pendingSpace = started
                previousIsLetter = false
                continue
            }
            if scalar == "&" || scalar == "_", let next, WordScanner.isLetter(next), scalar == "&" || !previousIsLetter {
                continue
            }
            if pendingSpace { mix(0x20) }
            pendingSpace = false
            started = true
            mix(lowercase(scalar).value)
            previousIsLetter = WordScanner.isLetter(scalar)
        }
        return started ? hash : 0
    }

    /// Endings set aside to compare word forms (crude stems: enough to tell forms of one word from other words).
    static let ukrainianEndings = [
        "ами", "ями", "ові", "еві", "ого", "ому", "ими", "іми", "их", "іх", "ів", "їв", "ей", "ах", "ях", "ом", "ем", "ою", "ею",
        "ий", "ій", "ої", "а", "я", "у", "ю", "і", "ї", "и", "е", "є", "о", "ь",
    ]

    static func stem(_ word: String, language: String) -> String {
        let lower = word.lowercased()
        if language == "en" {
            // -ing, -ed, -s, then a final e: file, files, filed → fil; import, importing → import.
            var stem = Substring(lower)
            for ending in ["ing", "ed", "s"] where stem.hasSuffix(ending) && stem.count - ending.count >= 3 {
                stem = stem.dropLast(ending.count)
                break
            }
            if stem.hasSuffix("e") && stem.count > 3 { stem = stem.dropLast() }
            return String(stem)
        }
        let endings = language == "uk" || language == "ru" ? ukrainianEndings : []
        for ending in endings where lower.hasSuffix(ending) && lower.count - ending.count >= 3 {
            return String(lower.dropLast(ending.count))
        }
        return lower
    }

    /// A hash of the text's words as stems (and of its digits and placeholders' positions: any non-word,
    /// non-space run counts only as a separator), ignoring punctuation, case and accelerators.
    static func looseHash(words: [Word], language: String, scalars: [Unicode.Scalar]? = nil) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for word in words {
            for byte in stem(word.text, language: language).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
            hash = (hash ^ 0x20) &* 0x100_0000_01b3
        }
        if let scalars {
            // Digits and placeholder characters count (%d and %s differ).
            for scalar in scalars where (scalar.value >= 0x30 && scalar.value <= 0x39) || scalar == "%" {
                hash = (hash ^ UInt64(scalar.value)) &* 0x100_0000_01b3
            }
        }
        return words.isEmpty && scalars == nil ? 0 : hash
    }

    static func make(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        var previousIsLetter = false
        var iterator = text.unicodeScalars.makeIterator()
        var current = iterator.next()
        while let scalar = current {
            let next = iterator.next()
            defer { current = next }
            if CharacterClass.isSpace(scalar) {
                pendingSpace = !result.isEmpty
                previousIsLetter = false
                continue
            }
            // Accelerator markers: &File anywhere, _File at a word start.
            if scalar == "&" || scalar == "_", let next, WordScanner.isLetter(next), scalar == "&" || !previousIsLetter {
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.append(lowercase(scalar))
            previousIsLetter = WordScanner.isLetter(scalar)
        }
        return String(result)
    }

    /// Lower case without allocating for ASCII and Cyrillic (the common letters); ICU-free.
    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        switch value {
        case 0x41...0x5A, 0x410...0x42F: return Unicode.Scalar(value + 0x20)!
        case 0x400...0x40F: return Unicode.Scalar(value + 0x50)!
        case 0..<0x80, 0x430...0x45F: return scalar
        default:
            guard scalar.properties.changesWhenLowercased, let mapped = scalar.properties.lowercaseMapping.unicodeScalars.first,
                scalar.properties.lowercaseMapping.unicodeScalars.count == 1
            else { return scalar }
            return mapped
        }
    }
}

/// Shared by both consistency checks: group units by one side and report those whose other side differs from
/// the most common rendering in the group.
enum ConsistencyGrouping {
    static func issues(
        _ units: [CheckedUnit], groupBy: (CheckedUnit) -> UInt64, compare: (CheckedUnit) -> UInt64,
        shown: (CheckedUnit) -> String, suggest: Bool, acrossFiles: Bool = true, variants: ((CheckedUnit, CheckedUnit) -> Bool)? = nil,
        message: (_ shown: String, _ majority: UInt64, _ count: Int, _ where: CheckedUnit) -> String
    ) -> [(Int, Issue)] {
        // First member of each group, then the others: most groups have one member and never allocate a list.
        var first: [UInt64: Int] = [:]
        var groups: [UInt64: [Int]] = [:]
        first.reserveCapacity(units.count)
        // Within one file unless asked to compare across the run: separate catalogs are separate projects.
        var fileNumbers: [String: UInt64] = [:]
        for (index, unit) in units.enumerated() {
            guard unit.hasTarget, !unit.isUnfinished else { continue }
            var key = groupBy(unit)
            guard key != 0 else { continue }
            if !acrossFiles {
                let number: UInt64
                if let known = fileNumbers[unit.file] {
                    number = known
                } else {
                    number = UInt64(fileNumbers.count + 1)
                    fileNumbers[unit.file] = number
                }
                key ^= number &* 0x9E37_79B9_7F4A_7C15
                if key == 0 { key = 1 }
            }
            if let existing = first[key] {
                if groups[key] == nil { groups[key] = [existing] }
                groups[key]!.append(index)
            } else {
                first[key] = index
            }
        }
        var result: [(Int, Issue)] = []
        for (_, members) in groups {
            var counts: [UInt64: Int] = [:]
            var firstOf: [UInt64: Int] = [:]
            for member in members {
                let value = compare(units[member])
                counts[value, default: 0] += 1
                if firstOf[value] == nil { firstOf[value] = member }
            }
            guard counts.count > 1 else { continue }
            // The majority rendering (first seen wins a tie) is taken as intended; the others are reported.
            let majority = counts.max { a, b in a.value < b.value || (a.value == b.value && firstOf[a.key]! > firstOf[b.key]!) }!.key
            let majorityUnit = units[firstOf[majority]!]
            for member in members where compare(units[member]) != majority {
                if let variants, variants(units[member], majorityUnit) { continue }
                result.append(
                    (member, Issue(message(shown(majorityUnit), majority, counts[majority]!, majorityUnit), suggestion: suggest ? shown(majorityUnit) : nil)))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func place(_ unit: CheckedUnit) -> String { "\(unit.file):\(unit.unit.line)" }

    /// Whether two texts are equal once whitespace and accelerator markers (_ and &, wherever they stand) are set
    /// aside; case counts.
    static func sameIgnoringAccelerators(_ a: String, _ b: String) -> Bool {
        func kept(_ scalar: Unicode.Scalar) -> Bool { scalar != "_" && scalar != "&" && !CharacterClass.isSpace(scalar) }
        return a.unicodeScalars.lazy.filter(kept).elementsEqual(b.unicodeScalars.lazy.filter(kept))
    }

    /// Whether both texts carry an accelerator marker, on different letters ("&Append" and "A&ppend"): two
    /// messages of two places in a UI (a catalog keeps them apart), each with its own wording.
    static func acceleratorsDiffer(_ a: String, _ b: String) -> Bool {
        func hasMarker(_ text: String) -> Bool { text.unicodeScalars.contains { $0 == "&" || $0 == "_" } }
        return a != b && hasMarker(a) && hasMarker(b)
    }

    /// Whether two texts share most of their words (as stems, in any order): "Zhuang, Yongnan" and "Yongnan
    /// Zhuang", "There was an error in the certificate." and "Error in the certificate.", "Import" and
    /// "Importing" are variants of one text; "Security Service of Ukraine" and "Defence Intelligence of Ukraine"
    /// are not.
    static func shareMostWords(_ a: [Word], _ b: [Word], language: String) -> Bool {
        let first = Set(a.map { ConsistencyKey.stem($0.text, language: language) })
        let second = Set(b.map { ConsistencyKey.stem($0.text, language: language) })
        if first.isEmpty || second.isEmpty { return first == second }
        let common = first.intersection(second).count
        return common * 2 >= first.union(second).count
    }
}

/// `inconsistent-translation`: one source translated in different ways across the checked files.
struct InconsistentTranslationCheck: Check {
    static let analyses: UnitAnalyses = .consistencyKeys
    static let description = CheckDescription(
        id: "inconsistent-translation", name: "Inconsistent translation",
        summary: "The same source text (in the same context) is translated differently across the checked files.",
        rationale: """
            Readers and users notice when one phrase has two translations. Sources compare with whitespace \
            collapsed and accelerator markers (&, _) dropped; PO contexts (msgctxt) keep units apart. Sources that \
            differ in case are different roles in a UI (a column name SWAP and a label Swap, a title and a status), \
            and so are sources with accelerators on different letters (&Append, A&ppend); translations that differ only in where the accelerator stands (В_идалити, Видалити) are one. \
            The most common translation is taken as intended and the others are reported, pointing at it. Units \
            are compared within each file (separate catalogs are separate projects, with their own wording); \
            `consistency: run` in `.tlumach.yml` compares across all the files of a run. \
            Translations that share most of their words (as stems, in any order) are variants, not reported: word \
            forms a sentence needs (невідомо, невідомий), agreement after a number (%d записи, %d записів) and \
            plural forms (msgstr[0..2], compared only with the same form of other entries). A note by default: \
            in software one source often stands in two places that want two wordings (a menu's “_Print” → \
            “_Надрукувати” and a button's “Друк”; “Location:” as an address and as a path), and in the judged \
            samples of real catalogs most reports were such places (docs/check-evaluation.md); \
            `severity: {inconsistent-translation: warning}` makes it count, as a newsroom keeping one wording may want.
            """,
        defaultSeverity: .info,
        examples: [
            .triggering(
                "Prisoner exchange", "Обмін бранцями", otherUnits: [("Prisoner exchange", "Обмін полоненими"), ("Prisoner exchange", "Обмін полоненими")]),
            .passing("Prisoner exchange", "Обмін полоненими", otherUnits: [("Prisoner exchange", "Обмін полоненими")]),
            .passing("Open", "Відкрити", note: "Accelerators are ignored.", otherUnits: [("&Open", "Відкрити")]),
            .passing("Swap", "Своп", note: "A column name and a label (procps-ng).", otherUnits: [("SWAP", "SWAP"), ("SWAP", "SWAP")]),
            .passing("_Remove", "В_идалити", note: "The accelerator inside a word (gtk20).", otherUnits: [("Remove", "Видалити"), ("Remove", "Видалити")]),
            .passing("A&ppend", "Дописати в &кінець", note: "Accelerators on different letters: two places in a UI (mc).", otherUnits: [("&Append", "До&писати"), ("&Append", "До&писати")]),
            .triggering("&Append", "Дописати в &кінець", note: "The same message, two wordings.", otherUnits: [("&Append", "До&писати"), ("&Append", "До&писати")]),
            .passing("unknown", "невідомо", note: "A word form the sentence needs.", otherUnits: [("unknown", "Невідомий"), ("unknown", "Невідомий")]),
            .passing("%d records", "%d записів", note: "Agreement after a number.", otherUnits: [("%d records", "%d записи"), ("%d records", "%d записи")]),
        ])

    let acrossFiles: Bool

    init(environment: CheckEnvironment) { acrossFiles = environment.options.consistencyAcrossFiles }

    func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        ConsistencyGrouping.issues(
            units, groupBy: { $0.sourceKey },
            compare: { $0.targetKey }, shown: { $0.target }, suggest: true, acrossFiles: acrossFiles,
            variants: {
                // Sources that differ in case are different roles in a UI (a column name SWAP and a label Swap, a
                // title and a status); targets that differ only in where the accelerator stands (В_идалити,
                // Видалити) are one translation.
                !ConsistencyGrouping.sameIgnoringAccelerators($0.source, $1.source)
                    || ConsistencyGrouping.acceleratorsDiffer($0.source, $1.source)
                    || ConsistencyGrouping.sameIgnoringAccelerators($0.target, $1.target)
                    || ConsistencyGrouping.shareMostWords($0.targetText.words, $1.targetText.words, language: $0.targetLanguage)
            },
            message: { shown, _, count, unit in
                "the same source is translated as “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}

/// `inconsistent-source`: one translation used for different sources.
struct InconsistentSourceCheck: Check {
    static let analyses: UnitAnalyses = .consistencyKeys
    static let description = CheckDescription(
        id: "inconsistent-source", name: "Inconsistent source",
        summary: "The same translation stands for different source texts across the checked files.",
        rationale: """
            Two different sources with one translation often mean a copy-paste slip, or a distinction the \
            translation lost (Defence Intelligence and Security Service both rendered as one agency). Texts \
            compare with whitespace collapsed, case folded and accelerator markers dropped. Sources that share \
            most of their words (as stems, in any order) are variants of one text, normal in a UI: “Import” and \
            “Importing” both → “Імпорт”, “Zhuang, Yongnan” and “Yongnan Zhuang”. A note by default (one \
            translation for several sources is common and usually right in software: “Parameters:” and \
            “Options:” → “Параметри:”); `severity: {inconsistent-source: warning}` makes it count. Compared within \
            each file unless `consistency: run`.
            """,
        defaultSeverity: .info,
        examples: [
            .triggering(
                "Security Service of Ukraine", "Головне управління розвідки",
                otherUnits: [("Defence Intelligence of Ukraine", "Головне управління розвідки"), ("Defence Intelligence of Ukraine", "Головне управління розвідки")]),
            .passing("Security Service of Ukraine", "Служба безпеки України", otherUnits: [("Defence Intelligence of Ukraine", "Головне управління розвідки")]),
            .passing("Importing", "Імпорт", note: "UI variants of one word (the second real set).", otherUnits: [("Import", "Імпорт"), ("Import", "Імпорт")]),
        ])

    let acrossFiles: Bool

    init(environment: CheckEnvironment) { acrossFiles = environment.options.consistencyAcrossFiles }

    func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        ConsistencyGrouping.issues(
            units, groupBy: { $0.targetKey }, compare: { $0.plainSourceKey },
            shown: { $0.source }, suggest: false, acrossFiles: acrossFiles,
            variants: { ConsistencyGrouping.shareMostWords($0.sourceText.words, $1.sourceText.words, language: $0.sourceLanguage) },
            message: { shown, _, count, unit in
                "the same translation stands for “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}
