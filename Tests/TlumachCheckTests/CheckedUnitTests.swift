import Dispatch
import TlumachCore
import TlumachFormats
import XCTest

@testable import TlumachCheck

/// A checked unit is immutable and Sendable: its shared analyses are made in `init`, as the checks declare them,
/// not on first read by whichever check runs first.
final class CheckedUnitTests: XCTestCase {
    func unit(_ analyses: UnitAnalyses) -> CheckedUnit {
        CheckedUnit(
            unit: BilingualUnit(id: "1", source: "%d records in Kiev", target: "%d записів у Kiev"), file: "f",
            sourceLanguage: "en", targetLanguage: "uk-UA", environment: ExampleRunner.environment(), analyses: analyses)
    }

    func testAnalysesAreMadeAsAskedWithoutTheRunner() {
        let full = unit(.all)
        XCTAssertNotEqual(full.sourceKey, 0)
        XCTAssertNotEqual(full.plainSourceKey, 0)
        XCTAssertNotEqual(full.targetKey, 0)
        XCTAssertEqual(full.targetLanguage, "uk")
        XCTAssertEqual(full.sourceText.placeholders.map(\.text), ["%d"])
        let bare = unit([])
        XCTAssertEqual([bare.sourceKey, bare.plainSourceKey, bare.targetKey], [0, 0, 0])
        XCTAssertTrue(bare.targetTerms.isEmpty)
        // The same keys whether or not terms were asked for.
        XCTAssertEqual(unit(.consistencyKeys).targetKey, full.targetKey)
    }

    func testChecksDeclareWhatTheyRead() {
        XCTAssertEqual(TermMissingCheck.analyses, [.sourceTerms, .targetTerms])
        XCTAssertEqual(TermForbiddenCheck.analyses, .targetTerms)
        XCTAssertEqual(InconsistentTranslationCheck.analyses, .consistencyKeys)
        XCTAssertEqual(PunctuationCheck.analyses, [])
        // term-forbidden finds Kiev through the terms made in init, read from many threads at once.
        let shared = CheckedUnit(
            unit: BilingualUnit(id: "1", source: "у Києві", target: "in Kiev"), file: "f", sourceLanguage: "uk",
            targetLanguage: "en", environment: ExampleRunner.environment(), analyses: [.targetTerms])
        let check = TermForbiddenCheck(environment: ExampleRunner.environment())
        let serial = check.check(shared).map(\.message)
        XCTAssertEqual(serial.count, 1, "\(serial)")
        let results = ResultSlots<[String]>(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in results.set(index, check.check(shared).map(\.message)) }
        XCTAssertEqual(results.values.count, 64)
        XCTAssertTrue(results.values.allSatisfy { $0 == serial })
    }
}
