import TlumachFormats

/// Runs a check on one of its own examples (the example unit plus any other units of the example), the way the
/// tests and the documentation use them. Term checks run against the example glossary.
public enum ExampleRunner {
    /// `terms` nil: the example glossary (Data/example-glossary.yaml) through the glossary matcher.
    public static func environment(terms: (any TermFinder)? = nil) -> CheckEnvironment {
        CheckEnvironment(terms: terms ?? ExampleGlossary.matcher)
    }

    /// The issues `type` reports on the example's own unit.
    public static func issues(_ type: any Check.Type, on example: CheckExample, environment: CheckEnvironment? = nil) -> [Issue] {
        let environment = environment ?? Self.environment()
        let check = type.init(environment: environment)
        var units: [CheckedUnit] = []
        let main = BilingualUnit(
            id: "example", source: example.source, target: example.target, sourceCodes: example.sourceCodes,
            targetCodes: example.targetCodes)
        units.append(CheckedUnit(unit: main, file: "example", sourceLanguage: example.sourceLanguage, targetLanguage: example.targetLanguage, environment: environment))
        for (index, other) in example.otherUnits.enumerated() {
            let unit = BilingualUnit(id: "other \(index + 1)", source: other.source, target: other.target, line: index + 2)
            units.append(CheckedUnit(unit: unit, file: "example", sourceLanguage: example.sourceLanguage, targetLanguage: example.targetLanguage, environment: environment))
        }
        var issues = check.check(units[0])
        issues += check.checkAll(units).filter { $0.0 == 0 }.map(\.1)
        return issues
    }
}
