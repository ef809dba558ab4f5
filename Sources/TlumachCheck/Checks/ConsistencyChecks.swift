/// Keys for grouping units: whitespace collapsed, case folded, accelerator markers (&File, _File) dropped.
enum ConsistencyKey {
    static func make(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        var previous: Unicode.Scalar = " "
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            if scalar.properties.isWhitespace {
                pendingSpace = !result.isEmpty
                previous = scalar
                continue
            }
            if (scalar == "&" || scalar == "_"), index + 1 < scalars.count, WordScanner.isLetter(scalars[index + 1]),
                !WordScanner.isLetter(previous) || scalar == "&"
            {
                previous = scalar
                continue
            }
            if pendingSpace { result.append(" ") }
            pendingSpace = false
            result.unicodeScalars.append(scalar)
            previous = scalar
        }
        return result.lowercased()
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
            units, groupBy: { ConsistencyKey.make($0.source) + "\u{4}" + ($0.unit.context ?? "") },
            compare: { ConsistencyKey.make($0.target) }, shown: { $0.target }, suggest: true,
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
            units, groupBy: { ConsistencyKey.make($0.target) }, compare: { ConsistencyKey.make($0.source) },
            shown: { $0.source }, suggest: false,
            message: { shown, _, count, unit in
                "the same translation stands for “\(shown)” elsewhere (\(count)×, first at \(ConsistencyGrouping.place(unit)))"
            })
    }
}
