import TlumachCore
import TlumachText
import TlumachGlossary
import XCTest

final class LintTests: XCTestCase {
    /// robustness.md: `glossary lint` of a 240,001-line CSV took over 10 CPU-s (each concept's original was found
    /// by a linear search over all concepts). 10× the rows must cost about 10× the look-ups, not 100×.
    func testLintOfALargeCSVGrowsLinearly() throws {
        func lintSteps(rows: Int) throws -> Int {
            var csv = "en,uk\n"
            for row in 0..<rows { csv += "term\(row),термін\(row)\n" }
            let path = try Support.temporaryFile("big\(rows).csv", csv, test: self)
            var steps = 0
            let issues = GlossaryLint.lint(files: [try Glossary.readFile(path)], steps: &steps)
            XCTAssertEqual(issues.filter { $0.severity == .error }, [])
            return steps
        }
        let small = try lintSteps(rows: 1_000)
        let large = try lintSteps(rows: 10_000)
        XCTAssertGreaterThan(small, 0)
        XCTAssertLessThanOrEqual(large, small * 20, "10× the rows cost \(large / max(small, 1))× the look-ups")
    }

    func testShippedGlossariesPassLint() throws {
        let issues = try GlossaryLint.lint(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        XCTAssertEqual(issues.filter { $0.severity == .error }, [])
        let glossary = try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        XCTAssertGreaterThanOrEqual(glossary.concepts.count, 150)
        XCTAssertTrue(glossary.concepts.allSatisfy { $0.source != nil }, "every concept names its source")
        XCTAssertTrue(glossary.concepts.allSatisfy { Set($0.terms.keys).isSuperset(of: ["uk", "en", "ru"]) })
    }

    func testFindsEachKindOfProblem() throws {
        let yaml = """
            concepts:
              - id: a
                terms:
                  en: [Kyiv, {text: Kiev, status: forbidden}, {text: kyiv, status: forbidden}]
                  uk: [Київ]
              - id: b
                terms:
                  en: [Kyiv]
              - id: d
                terms:
                  en: [{text: Odessa, status: forbidden}]
              - id: c
                terms:
                  en: [{text: Lviv, casing: lower}, {text: Lvov, status: deprecated, use: Lemberg}]
                  uk: [{text: Львів, colour: blue}]
            """
        let path = try Support.temporaryFile("bad.yaml", yaml, test: self)
        let issues = try GlossaryLint.lint(paths: [path])
        let messages = issues.map(\.message).joined(separator: "\n")
        XCTAssertTrue(messages.contains("unknown term field `colour`"), messages)
        XCTAssertTrue(messages.contains("“Kyiv” is also a term of concept `a`"), messages)
        XCTAssertTrue(messages.contains("is both preferred and forbidden"), messages)
        XCTAssertTrue(messages.contains("forbidden en term “Odessa” has no replacement"), messages)
        XCTAssertTrue(messages.contains("has casing `lower` but is written with capitals"), messages)
        XCTAssertTrue(messages.contains("says use “Lemberg”"), messages)
        XCTAssertTrue(issues.contains { $0.severity == .warning && $0.message.contains("has no uk term") }, messages)
        XCTAssertTrue(issues.allSatisfy { $0.path == path && $0.line != nil })
    }

    func testEmptyFolderAndUnknownExtensionAreInputErrors() throws {
        let file = try Support.temporaryFile("notes.txt", "x", test: self)
        let folder = (file as NSString).deletingLastPathComponent
        XCTAssertThrowsError(try Glossary.load(paths: [folder])) { XCTAssertTrue("\($0)".contains("no glossary files"), "\($0)") }
        XCTAssertThrowsError(try Glossary.load(paths: [file])) { XCTAssertTrue("\($0)".contains("unknown glossary format"), "\($0)") }
    }

    func testOverlayOfUnknownConceptIsAnError() throws {
        let base = try Support.temporaryFile("base.yaml", "concepts:\n  - id: a\n    terms: {en: [x]}\n", test: self)
        let overlay = (base as NSString).deletingLastPathComponent + "/overlay.yaml"
        try "overlay: true\nconcepts:\n  - id: zz\n    terms: {en: [y]}\n".write(toFile: overlay, atomically: true, encoding: .utf8)
        XCTAssertTrue(try GlossaryLint.lint(paths: [base, overlay]).contains { $0.message.contains("overlay amends concept `zz`") })
        XCTAssertThrowsError(try Glossary.load(paths: [base, overlay])) { XCTAssertEqual(($0 as? InputError)?.line, 3) }
    }
}

final class TermFixerTests: XCTestCase {
    func testReplacesDoNotUseTermsKeepingTheCasePattern() throws {
        let glossary = try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries/news-war.yaml").path])
        let fixer = try TermFixer(glossary: glossary, language: "en")
        XCTAssertEqual(fixer.apply(to: "Kiev and KIEV, Kiev's mayor; Odessa and Kharkov.").text, "Kyiv and KYIV, Kyiv's mayor; Odesa and Kharkiv.")
        XCTAssertEqual(fixer.apply(to: "President Zelenskiy met Vladimir Zelensky.").text, "President Zelenskyy met Volodymyr Zelenskyy.")
        XCTAssertEqual(fixer.apply(to: "in the Ukraine").text, "in Ukraine")
        XCTAssertEqual(fixer.apply(to: "Kyiv is fine").fixes, [])
        // A lower-case word in running text is not the name: nothing to rewrite (issue 10: на рівні громад).
        XCTAssertEqual(fixer.apply(to: "the kyiv office").text, "the kyiv office")
        // The casing rule of the house style profile still applies.
        let house = try TermFixer(
            glossary: Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path], profiles: ["house-style"]),
            language: "en")
        XCTAssertEqual(house.apply(to: "They said Russia did it.").text, "They said russia did it.")
    }

    func testUkrainianDeprecatedInflectedFormIsReportedWithoutRewrite() throws {
        let glossary = try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries/news-war.yaml").path])
        let fixer = try TermFixer(glossary: glossary, language: "uk")
        let result = fixer.apply(to: "Він вчинив військові злочини.")
        XCTAssertEqual(result.text, "Він вчинив військові злочини.", "no safe rewrite of an inflected form")
        XCTAssertEqual(result.fixes.first?.reason, .doNotUse)
        XCTAssertNil(result.fixes.first?.replacement)
        XCTAssertEqual(fixer.apply(to: "Про військовий злочин.").text, "Про воєнний злочин.")
    }

    func testHouseStyleLowerCaseAndSoCalled() {
        let fixer = TermFixer(matcher: Support.shipped, language: "en")
        let result = fixer.apply(to: "Yesterday Russia's minister Sergei Shoigu spoke of the SVO. Russia lost.")
        XCTAssertEqual(result.text, "Yesterday russia's minister sergei shoigu spoke of the SVO. Russia lost.")
        XCTAssertTrue(result.fixes.contains { $0.reason == .context && $0.original == "SVO" && $0.replacement == nil })
        XCTAssertFalse(fixer.fixes(in: "the so-called SVO").contains { $0.reason == .context })
        let ukrainian = TermFixer(matcher: Support.shipped, language: "uk").apply(to: "Міністр оборони Росії Сергій Шойгу.")
        XCTAssertEqual(ukrainian.text, "Міністр оборони росії сергій шойгу.")
        XCTAssertEqual(TermFixer(matcher: Support.shipped, language: "en").apply(to: "in Sergey Shoygu's words").text, "in sergei shoigu's words")
    }
}

final class LookupTests: XCTestCase {
    func testFindsConceptInAnyLanguageAndForm() {
        let m = Support.shipped
        XCTAssertEqual(m.lookup("Києва").first?.conceptID, "kyiv")
        XCTAssertEqual(m.lookup("Києва").first?.kind, .inflection)
        XCTAssertEqual(m.lookup("Kyiv").first?.kind, .exact)
        XCTAssertEqual(m.lookup("Kyiv").first?.score, 100)
        XCTAssertEqual(m.lookup("KYIV").first?.kind, .case)
        XCTAssertEqual(m.lookup("CBO").first?.conceptID, "svo")
        XCTAssertEqual(m.lookup("CBO").first?.kind, .homoglyph)
        XCTAssertEqual(m.lookup("Координаційного штабу").first?.conceptID, "coordination-hq-pow")
        XCTAssertEqual(m.lookup("prisoners of war").first?.conceptID, "prisoner-of-war")
    }

    func testWordInsideMultiwordTermAndFuzzyLast() {
        let m = Support.shipped
        let results = m.lookup("Хреста")
        XCTAssertEqual(results.first?.conceptID, "red-cross")
        XCTAssertTrue(results.contains { $0.conceptID == "icrc" && $0.score < 60 }, "a longer term containing the word ranks lower")
        let typo = m.lookup("Zaporizzhia")
        XCTAssertEqual(typo.first?.conceptID, "zaporizhzhia")
        XCTAssertEqual(typo.first?.kind, .fuzzy)
        XCTAssertLessThan(typo.first?.score ?? 100, 70)
        let spelling = m.lookup("Zaporizhzhya")
        XCTAssertEqual(spelling.first?.conceptID, "zaporizhzhia")
        XCTAssertEqual(spelling.first?.kind, .transliteration, "another romanisation of the name, not a typo")
        XCTAssertEqual(m.lookup("Andrij Jusov").first?.conceptID, "andrii-yusov")
        XCTAssertEqual(m.lookup("Zelenskyi").first?.conceptID, "volodymyr-zelenskyy")
        let kinds = m.lookup("Kyiv").map(\.kind)
        if let firstFuzzy = kinds.firstIndex(of: .fuzzy) {
            XCTAssertTrue(kinds[firstFuzzy...].allSatisfy { $0 == .fuzzy }, "fuzzy results come after all others")
        }
        XCTAssertTrue(m.lookup("   ").isEmpty)
    }
}

final class TermRewriterTests: XCTestCase {
    func testRewritesThroughTheNormalizerAndIsIdempotent() throws {
        let options = NormalizerOptions(language: .en, rewriters: [TermRewriter(matcher: Support.shipped)])
        let normalizer = try ArticleNormalizer(options: options)
        let once = normalizer.normalize("Yesterday Russia shelled Kharkov and KIEV.\n")
        XCTAssertEqual(once.text, "Yesterday russia shelled Kharkiv and KYIV.\n")
        XCTAssertEqual(once.countsByRule, ["term-casing": 1, "forbidden-terms": 2])
        XCTAssertFalse(normalizer.normalize(once.text).isChanged, "its own output changes nothing")
        let disabled = try ArticleNormalizer(
            options: NormalizerOptions(language: .en, rewriters: [TermRewriter(matcher: Support.shipped)], disabledRewriterRules: ["term-casing"]))
        XCTAssertEqual(disabled.normalize("Yesterday Russia shelled Kharkov.\n").text, "Yesterday Russia shelled Kharkiv.\n")
    }
}
