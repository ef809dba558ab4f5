import Foundation
@testable import TlumachGlossary
import TlumachTestSupport
import XCTest

enum Support {
    static var packageRoot: URL { TestFiles.packageRoot }

    static var fixtures: URL { TestFiles.fixtures(of: "TlumachGlossaryTests") }

    /// The shipped glossaries (news-war and the house-style profile), compiled once for all tests.
    static let shipped: TermMatcher = {
        let glossary = try! Glossary.load(paths: [packageRoot.appendingPathComponent("glossaries").path], profiles: ["house-style"])
        return try! TermMatcher(glossary: glossary)
    }()

    /// The shipped glossaries without any profile (standard capitalisation).
    static let shippedPlain: TermMatcher = {
        let glossary = try! Glossary.load(paths: [packageRoot.appendingPathComponent("glossaries").path], profiles: [])
        return try! TermMatcher(glossary: glossary)
    }()

    /// Matchers over the shipped glossaries in the three shapes the scan's byte paths distinguish: as shipped (an
    /// exact lower-case term, рф, so every word wants its exact key), without lower-case exact terms (only
    /// capitalised words do), and without exact terms at all.
    static func matchersOfEachExactKind() throws -> [TermMatcher] {
        let shipped = Support.shipped.glossary
        func without(_ keep: (Term) -> Bool) -> Glossary {
            Glossary(concepts: shipped.concepts.map { concept in
                var concept = concept
                concept.terms = concept.terms.mapValues { $0.filter(keep) }
                return concept
            })
        }
        return [
            Support.shipped,
            try TermMatcher(glossary: without { $0.match != .exact || $0.text.unicodeScalars.contains { $0.properties.isUppercase } }),
            try TermMatcher(glossary: without { $0.match != .exact }),
        ]
    }

    /// The words of the evaluation set's inflected forms, and each word of every term and extra form of `glossary`
    /// in the variants `variants` makes of it (hyphens dropped), for tests that compare a fast path with the general one.
    static func evaluationAndTermWords(glossary: Glossary, variants: (String) -> [String]) throws -> [String] {
        var words: [String] = []
        let evaluation = try String(contentsOf: fixtures.appendingPathComponent("evaluation.tsv"), encoding: .utf8)
        for line in evaluation.split(separator: "\n") where !line.hasPrefix("#") {
            guard let text = line.split(separator: "\t").last else { continue }
            words += TermMatcher.patternWords(String(text)).filter { $0 != "-" }
        }
        for concept in glossary.concepts {
            for term in concept.terms.values.joined() {
                for text in [term.text] + term.forms {
                    words += TermMatcher.patternWords(text).filter { $0 != "-" }.flatMap(variants)
                }
            }
        }
        return words
    }

    static func glossary(_ yaml: String, path: String = "test.yaml") throws -> Glossary {
        let (_, concepts) = try GlossaryYAML.parse(yaml, path: path)
        return Glossary(concepts: concepts)
    }

    static func temporaryFile(_ name: String, _ contents: String, test: XCTestCase) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlumach-glossary-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent(name)
        try contents.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}
