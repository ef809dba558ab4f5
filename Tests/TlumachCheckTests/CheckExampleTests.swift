@testable import TlumachCheck
import TlumachCore
import TlumachText
import XCTest

/// Every check's own examples are its tests: triggering examples must be reported (where the example marks a place
/// with ↓, a finding must point there), the others must not. One test walks every check (XCTest cannot generate a
/// method per check); each failure names the check.
final class CheckExampleTests: XCTestCase {
    func testEveryCheckHasExamplesBothWays() {
        for type in CheckCatalog.all {
            let description = type.description
            XCTAssertTrue(description.examples.contains(where: \.triggers), "\(description.id) has no triggering example")
            XCTAssertTrue(description.examples.contains { !$0.triggers }, "\(description.id) has no passing example")
            XCTAssertFalse(description.rationale.isEmpty, description.id)
        }
    }

    func testIdentifiersAreTheContract() {
        XCTAssertEqual(
            Set(CheckCatalog.identifiers),
            [
                "term-missing", "term-forbidden", "term-casing", "term-context", "number-mismatch", "placeholder-mismatch",
                "untranslated", "inconsistent-translation", "inconsistent-source", "mixed-script", "punctuation",
                "transliteration", "not-normalized", "whitespace", "length-ratio", "url-mismatch", "cyrillic-alphabet",
            ])
        XCTAssertEqual(CheckCatalog.identifiers.count, 17)
        // A former id never names another check's current id.
        let aliases = CheckCatalog.all.flatMap { $0.description.aliases }
        XCTAssertTrue(Set(aliases).isDisjoint(with: CheckCatalog.identifiers))
        XCTAssertEqual(Set(aliases).count, aliases.count)
    }

    func testExamples() {
        for type in CheckCatalog.all {
            let id = type.description.id
            for example in type.description.examples {
                let issues = ExampleRunner.issues(type, on: example)
                if example.triggers {
                    XCTAssertFalse(issues.isEmpty, "\(id) must report: \(example.source) → \(example.target)")
                    if let offset = example.expectedOffset {
                        XCTAssertTrue(
                            issues.contains { $0.range?.lowerBound == offset },
                            "\(id) must point at offset \(offset) of “\(example.target)”; got \(issues.map { "\($0.range.map(String.init(describing:)) ?? "no range"): \($0.message)" })")
                    }
                } else {
                    XCTAssertNil(example.expectedOffset, "\(id): a passing example marks no place")
                    XCTAssertTrue(
                        issues.isEmpty,
                        "\(id) must not report: \(example.source) → \(example.target); got \(issues.map(\.message))")
                }
            }
        }
    }

    func testMarkerIsRemovedFromTheTarget() {
        let example = CheckExample.triggering("Kyiv", "у ↓Kieві")
        XCTAssertEqual(example.target, "у Kieві")
        XCTAssertEqual(example.expectedOffset, 2)
        XCTAssertNil(CheckExample.passing("Kyiv", "Київ").expectedOffset)
    }

    func testEachOptionKeyBelongsToOneCheck() {
        let keys = CheckCatalog.all.flatMap { $0.optionKeys.map(\.key) }
        XCTAssertEqual(Set(keys).count, keys.count)
        XCTAssertEqual(CheckCatalog.owner(ofOption: "length-ratio-max")?.description.id, "length-ratio")
        XCTAssertNil(CheckCatalog.owner(ofOption: "length-ratio"))
    }

    func testOptionsAreDecodedByTheCheckThatOwnsThem() throws {
        let configuration = try CheckConfiguration.parse(
            "check:\n  options: {length-ratio-min: 0.2, length-ratio-min-source: 5}\n", path: ".tlumach.yml")
        let options = configuration.options.checks.options(for: LengthRatioCheck.self)
        XCTAssertEqual(options.minimumLengthRatio, 0.2)
        XCTAssertEqual(options.maximumLengthRatio, 2.5)
        XCTAssertEqual(options.lengthRatioMinimumSourceLength, 5)
        // The check reads them: a 10-letter source is judged now.
        var environment = ExampleRunner.environment()
        environment.options = configuration.options
        let issues = ExampleRunner.issues(LengthRatioCheck.self, on: .triggering("abcdefghij", "a"), environment: environment)
        XCTAssertEqual(issues.count, 1)
        XCTAssertNotEqual(configuration.options, CheckOptions())
    }

    /// A check renamed keeps its former id working through `aliases` (no shipped check is renamed yet, so a check
    /// made here stands in).
    struct RenamedCheck: Check {
        static let description = CheckDescription(
            id: "new-name", name: "Renamed", summary: "s", rationale: "r", defaultSeverity: .warning,
            examples: [], aliases: ["old-name"])
        init(environment: CheckEnvironment) {}
    }

    func testFormerIDsResolveToTheCurrentCheck() throws {
        let types: [any Check.Type] = CheckCatalog.all + [RenamedCheck.self]
        let current = try XCTUnwrap(CheckCatalog.resolve("new-name", in: types))
        XCTAssertFalse(current.isAlias)
        let former = try XCTUnwrap(CheckCatalog.resolve("old-name", in: types))
        XCTAssertTrue(former.isAlias)
        XCTAssertEqual(former.type.description.id, "new-name")
        XCTAssertNil(CheckCatalog.resolve("no-such-check", in: types))
        XCTAssertEqual(
            CheckCatalog.aliasNote("old-name", current: "new-name"),
            "tlumach: check \"old-name\" was renamed \"new-name\"; the old id still works but is deprecated")
        let page = CheckDocumentation.page(for: RenamedCheck.description)
        XCTAssertTrue(page.contains("Former ids (still accepted, deprecated): `old-name`"), page)
    }
}

/// `normalize` and `check` speak of the same rules: the not-normalized check takes its profiles from the
/// normaliser rules' descriptors.
final class NormalizerProfileTests: XCTestCase {
    func testNotNormalizedProfilesComeFromTheRuleDescriptors() {
        XCTAssertEqual(ArticleNormalizerCheck.coveredElsewhere, [.quotes, .lookAlikes, .spaceRuns, .trailingSpace, .lineEndings])
        XCTAssertEqual(ArticleNormalizerCheck.houseTypography, [.apostrophe, .dashes, .noBreakSpace])
        // Every check a rule names as its reporter exists.
        for rule in NormalizationRuleCatalog.descriptions {
            if let check = rule.reportedBy { XCTAssertNotNil(CheckCatalog.type(for: check), "\(rule.id) → \(check)") }
        }
        // The standard profile reports an invisible character, not a straight apostrophe; strict reports both.
        XCTAssertEqual(DefaultNormalizer.normalizer.ruleViolations(in: "з'єднання\u{200B}", language: "uk"), ["zero-width"])
        XCTAssertEqual(Set(DefaultNormalizer.strict.ruleViolations(in: "з'єднання\u{200B}", language: "uk")), ["zero-width", "apostrophe"])
    }
}
