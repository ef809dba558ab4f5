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
        shown: (CheckedUnit) -> String, suggest: Bool, message: (_ shown: String, _ majority: UInt64, _ count: Int, _ where: CheckedUnit) -> String
    ) -> [(Int, Issue)] {
        // First member of each group, then the others: most groups have one member and never allocate a list.
        var first: [UInt64: Int] = [:]
        var groups: [UInt64: [Int]] = [:]
        first.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            guard unit.hasTarget, !unit.isFuzzy else { continue }
            let key = groupBy(unit)
            guard key != 0 else { continue }
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
                result.append(
                    (member, Issue(message(shown(majorityUnit), majority, counts[majority]!, majorityUnit), suggestion: suggest ? shown(majorityUnit) : nil)))
            }
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func place(_ unit: CheckedUnit) -> String { "\(unit.file):\(unit.unit.line)" }
}

/// `inconsistent-translation`: one source translated in different ways across the checked files.
public struct InconsistentTranslationCheck: Check {
    public static let description = CheckDescription(
        id: "inconsistent-translation", name: "Inconsistent translation",
        summary: "The same source text (in the same context) is translated differently across the checked files.",
        rationale: """
            Readers and users notice when one phrase has two translations. Sources compare with whitespace \
            collapsed, case folded and accelerator markers (&, _) dropped; PO contexts (msgctxt) keep units apart. \
            The most common translation is taken as intended and the others are reported, pointing at it.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering(
                "Prisoner exchange", "Обмін бранцями", otherUnits: [("Prisoner exchange", "Обмін полоненими"), ("Prisoner exchange", "Обмін полоненими")]),
            .passing("Prisoner exchange", "Обмін полоненими", otherUnits: [("Prisoner exchange", "Обмін полоненими")]),
            .passing("Open", "Відкрити", note: "Accelerators are ignored.", otherUnits: [("&Open", "Відкрити")]),
        ])

    public init(environment: CheckEnvironment) {}

    public func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        ConsistencyGrouping.issues(
            units, groupBy: { $0.sourceKey },
            compare: { $0.targetKey }, shown: { $0.target }, suggest: true,
            message: { shown, _, count, unit in
                "the same source is translated as “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}

/// `inconsistent-source`: one translation used for different sources.
public struct InconsistentSourceCheck: Check {
    public static let description = CheckDescription(
        id: "inconsistent-source", name: "Inconsistent source",
        summary: "The same translation stands for different source texts across the checked files.",
        rationale: """
            Two different sources with one translation often mean a copy-paste slip, or a distinction the \
            translation lost (Defence Intelligence and Security Service both rendered as one agency). Texts \
            compare with whitespace collapsed, case folded and accelerator markers dropped.
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering(
                "Security Service of Ukraine", "Головне управління розвідки",
                otherUnits: [("Defence Intelligence of Ukraine", "Головне управління розвідки"), ("Defence Intelligence of Ukraine", "Головне управління розвідки")]),
            .passing("Security Service of Ukraine", "Служба безпеки України", otherUnits: [("Defence Intelligence of Ukraine", "Головне управління розвідки")]),
        ])

    public init(environment: CheckEnvironment) {}

    public func checkAll(_ units: [CheckedUnit]) -> [(Int, Issue)] {
        ConsistencyGrouping.issues(
            units, groupBy: { $0.targetKey }, compare: { $0.plainSourceKey },
            shown: { $0.source }, suggest: false,
            message: { shown, _, count, unit in
                "the same translation stands for “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}
