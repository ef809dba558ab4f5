import Foundation
import TlumachTestSupport
import XCTest

/// `glossary suggest` and `glossary extract` end to end, on the shipped article pairs.
final class TerminologyCLITests: XCTestCase {
    private func memoryOfTheExamples() throws -> String {
        let memory = try CLI.temporaryDirectory(for: self).appendingPathComponent("news.tmdb").path
        for article in ["examples/terms/article", "examples/align/article"] {
            let result = try CLI.run([
                "align", "\(article).en.txt", "\(article).uk.txt", "--source-lang", "en", "--target-lang", "uk",
                "--into-tm", memory, "--format", "beads",
            ])
            XCTAssertEqual(result.status, 0, result.stderr)
        }
        return memory
    }

    /// The round trip of the README: align into a memory, extract a YAML draft (the shipped one), lint it.
    func testRoundTripOnTheShippedExamples() throws {
        let memory = try memoryOfTheExamples()
        let draft = try CLI.temporaryDirectory(for: self).appendingPathComponent("draft.yaml").path
        let extract = try CLI.run(["glossary", "extract", "--tm", memory, "--format", "yaml", "--output", draft])
        XCTAssertEqual(extract.status, 0, extract.stderr)
        let written = try String(contentsOfFile: draft, encoding: .utf8)
        let shipped = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("examples/terms/extracted.yaml"), encoding: .utf8)
        XCTAssertEqual(written, shipped, "examples/terms/extracted.yaml is stale: regenerate it (examples/terms/README.md)")
        XCTAssertTrue(written.contains("Юсов"))
        let lint = try CLI.run(["glossary", "lint", draft])
        XCTAssertEqual(lint.status, 0, lint.stdout + lint.stderr)
    }

    func testSuggestJSONLinesOnAMemory() throws {
        let memory = try memoryOfTheExamples()
        let result = try CLI.run(["glossary", "suggest", "--tm", memory, "--format", "json", "SBU", "Yusov"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n")
        XCTAssertEqual(lines.count, 2)
        let first = try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any]
        XCTAssertEqual(first?["term"] as? String, "SBU")
        let candidates = first?["candidates"] as? [[String: Any]]
        XCTAssertEqual(candidates?.first?["text"] as? String, "СБУ")
        XCTAssertEqual(candidates?.first?["kind"] as? String, "abbreviation")
        XCTAssertNotNil(candidates?.first?["examples"] as? [String])
        XCTAssertTrue(lines[1].contains("\"text\":\"Юсов\""), String(lines[1]))
    }

    func testExtractFromATSVCorpusAgainstAGlossary() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let corpus = directory.appendingPathComponent("ui.tsv")
        var rows = ["id\ten\tuk"]
        for n in 1...3 {
            rows.append("f\(n)\tOpen file \(n)\tВідкрити файл \(n)")
            rows.append("k\(n)\tKiev news \(n)\tНовини Києва \(n)")
        }
        rows += ["f4\tFile\tФайл", "f5\tOpen\tВідкрити", "k4\tKiev\tКиїв", "k5\tNews\tНовини"]
        try (rows.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let glossary = directory.appendingPathComponent("g.yaml")
        try """
            concepts:
              - id: kyiv
                terms:
                  uk: [Київ]
                  en: [Kyiv, {text: Kiev, status: forbidden}]
            """.write(to: glossary, atomically: true, encoding: .utf8)
        let result = try CLI.run(["glossary", "extract", corpus.path, "--against", glossary.path, "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let pairs = object?["pairs"] as? [[String: Any]] ?? []
        XCTAssertTrue(pairs.contains { ($0["source"] as? String)?.lowercased() == "file" && ($0["target"] as? String) == "файл" }, result.stdout)
        let conflicts = object?["conflicts"] as? [[String: Any]] ?? []
        XCTAssertEqual(conflicts.first?["concept"] as? String, "kyiv", result.stdout)
    }

    func testMissingCorpusIsOneLineExitTwo() throws {
        let result = try CLI.run(["glossary", "extract", "no-such-file.po"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("no-such-file.po"), result.stderr)
    }
    /// A pair of plain texts aligned line by line is read directly (no memory), and the same names come out.
    func testExtractReadsAPairOfLineAlignedTexts() throws {
        let result = try CLI.run([
            "glossary", "extract", "examples/terms/article.en.txt", "examples/terms/article.uk.txt", "--format", "json",
        ])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        XCTAssertEqual(object?["sourceLanguage"] as? String, "en")
        let pairs = object?["pairs"] as? [[String: Any]] ?? []
        XCTAssertTrue(pairs.contains { ($0["source"] as? String) == "Yusov" && ($0["target"] as? String) == "Юсов" }, result.stdout)
        let suggest = try CLI.run([
            "glossary", "suggest", "--corpus", "examples/terms/article.en.txt", "--corpus", "examples/terms/article.uk.txt",
            "--format", "tsv", "SBU",
        ])
        XCTAssertEqual(suggest.status, 0, suggest.stderr)
        XCTAssertTrue(suggest.stdout.hasPrefix("SBU\t1\tСБУ\t"), suggest.stdout)
    }

    /// An article and a translation whose lines do not correspond (here the translation is one paragraph) are
    /// sentence-aligned as `tlumach align` does, instead of refused: the names and abbreviations still come out.
    func testExtractSentenceAlignsTextsWhoseLinesDoNotCorrespond() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let english = CLI.packageRoot.appendingPathComponent("examples/terms/article.en.txt").path
        let ukrainian = directory.appendingPathComponent("article.uk.txt")
        let paragraphs = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("examples/terms/article.uk.txt"), encoding: .utf8)
            .split(whereSeparator: \.isNewline)
        try (paragraphs.joined(separator: " ") + "\n").write(to: ukrainian, atomically: true, encoding: .utf8)
        let result = try CLI.run(["glossary", "extract", english, ukrainian.path, "--min-count", "1", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let pairs = object?["pairs"] as? [[String: Any]] ?? []
        XCTAssertTrue(pairs.contains { ($0["source"] as? String) == "Yusov" && ($0["target"] as? String) == "Юсов" }, result.stdout)
        XCTAssertTrue(pairs.contains { ($0["source"] as? String) == "SBU" && ($0["target"] as? String) == "СБУ" }, result.stdout)
        XCTAssertTrue(
            pairs.allSatisfy { (($0["examples"] as? [String]) ?? []).allSatisfy { $0.hasPrefix("article.en.txt:s") } },
            "sentence pairs are named by their number: \(result.stdout)")
        let suggest = try CLI.run(["glossary", "suggest", "--corpus", english, "--corpus", ukrainian.path, "--format", "tsv", "SBU"])
        XCTAssertEqual(suggest.status, 0, suggest.stderr)
        XCTAssertTrue(suggest.stdout.hasPrefix("SBU\t1\tСБУ\t"), suggest.stdout)
    }

    func testAPlainTextWithoutItsPartnerIsOneLineExitTwo() throws {
        let result = try CLI.run(["glossary", "extract", "examples/terms/article.en.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        XCTAssertTrue(result.stderr.contains("article.en.txt"), result.stderr)
    }

    /// Round 9's form agreement through the command, and its ablation switch: the 14 real units of the installed
    /// catalogs with "room" (binutils, bfd, elfutils, gold, gprof, gtk20-properties, shadow).
    func testSuggestFormAgreementAndItsAblationSwitch() throws {
        let corpus = try CLI.temporaryDirectory(for: self).appendingPathComponent("room.tsv")
        let rows = [
            "id\ten\tuk",
            "bfd:706\t%pB: not enough room for program headers, try linking with -N\t%pB: недостатньо місця для заголовків програми, спробуйте виконати компонування з -N",
            "bfd:1025\tDWARF error: ran out of room reading opcodes\tПомилка DWARF: вихід за межі області під час читання кодів операцій",
            "bfd:1026\tDWARF error: ran out of room reading prologue\tПомилка DWARF: вихід за межі області під час читання вступу",
            "binutils:1282\tInternal error: not enough buffer room for section flag info\tВнутрішня помилка: недостатньо місця у буфері для інформації щодо прапорців розділів",
            "elfutils:904\tsection [%2d] '%s': hash table has not even room for initial administrative entries\tрозділ [%2d] «%s»: у таблиці хешів виявлено незвичайне розташування початкових адміністративних записів",
            "gold:837\tsections loaded on first page without room for file and program headers are not supported\tпідтримки розділів, що завантажуються на першій сторінці без місця для заголовків файла і програми, не передбачено",
            "gprof:56\t%s: ran out room for %lu bytes of text space\t%s: вичерпано місце у %lu байтів текстового простору",
            "gtk20-properties:452\tHow to break the string into multiple lines, if the cell renderer does not have enough room to display the entire string\tЯк розривати рядок на кілька рядків, якщо механізму відображення рядка не вистачає місця для відображення усього рядка.",
            "gtk20-properties:1220\tThe preferred place to ellipsize the string, if the cell renderer does not have enough room to display the entire string\tБажане місце еліптизації рядка, якщо механізму відображення рядка не вистачає місця для відображення усього рядка",
            "gtk20-properties:1221\tThe preferred place to ellipsize the string, if the label does not have enough room to display the entire string\tБажане місце для еліптизації рядка, якщо для відображення усього рядка не вистачає місця.",
            "gtk20-properties:1222\tThe preferred place to ellipsize the string, if the progress bar does not have enough room to display the entire string, if at all.\tБажане місце для еліптизації рядка, якщо у панелі поступу не вистачає місця для відображення усього рядка.",
            "shadow:117\t-r, --room ROOM_NUMBER        change user's room number\t-r, --room НОМЕР_КІМНАТИ     змінити номер кімнати користувача",
            "shadow:363\t%s: invalid room number: '%s'\t%s: некоректний номер кімнати: «%s»",
            "shadow:406\t%s: room number with non-ASCII characters: '%s'\t%s: номер кімнати із символами поза ASCII: «%s»",
        ]
        try (rows.joined(separator: "\n") + "\n").write(to: corpus, atomically: true, encoding: .utf8)
        let with = try CLI.run(["glossary", "suggest", "--corpus", corpus.path, "--format", "tsv", "room"])
        XCTAssertEqual(with.status, 0, with.stderr)
        XCTAssertTrue(with.stdout.hasPrefix("room\t1\tмісця\t"), with.stdout)
        XCTAssertFalse(with.stdout.contains("вистачає"), with.stdout)
        let without = try CLI.run([
            "glossary", "suggest", "--corpus", corpus.path, "--format", "tsv", "--without", "form-agreement", "room",
        ])
        XCTAssertEqual(without.status, 0, without.stderr)
        XCTAssertTrue(without.stdout.contains("\tвистачає місця\t"), without.stdout)
    }
}
