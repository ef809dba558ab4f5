/// Keys for grouping units: whitespace collapsed, case folded, accelerator markers (&File, _File) dropped.
enum ConsistencyKey {
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
        _ units: [CheckedUnit], groupBy: (CheckedUnit) -> String, compare: (CheckedUnit) -> String,
        shown: (CheckedUnit) -> String, suggest: Bool, message: (_ key: String, _ majority: String, _ count: Int, _ where: CheckedUnit) -> String
    ) -> [(Int, Issue)] {
        var groups: [String: [Int]] = [:]
        var keys: [String] = []
        keys.reserveCapacity(units.count)
        for (index, unit) in units.enumerated() {
            guard unit.hasTarget, unit.unit.state != "fuzzy" else {
                keys.append("")
                continue
            }
            let key = groupBy(unit)
            keys.append(key)
            if !key.isEmpty { groups[key, default: []].append(index) }
        }
        var result: [(Int, Issue)] = []
        for (_, members) in groups where members.count > 1 {
            var counts: [String: Int] = [:]
            var firstOf: [String: Int] = [:]
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
            units, groupBy: { unit in (unit.unit.context.map { "\($0)\u{4}" } ?? "") + unit.sourceKey },
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
            units, groupBy: { $0.targetKey }, compare: { $0.sourceKey },
            shown: { $0.source }, suggest: false,
            message: { shown, _, count, unit in
                "the same translation stands for “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}
