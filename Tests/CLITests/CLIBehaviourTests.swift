import Foundation
import TlumachTestSupport
import XCTest

/// The command line's edges (issues 11 and 17): list options, configuration messages, mistyped commands, usage
/// errors, gold beads and parameter files, and the progress meter's silence on pipes.
final class CLIBehaviourTests: XCTestCase {
    private func write(_ text: String, _ name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    // MARK: A list option never swallows the files after it

    func testDisableTakesOneValueAndLeavesTheFilesAlone() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let notes = try write("He said \"yes\" - then left.\n", "notes.md", in: directory)
        let untouched = "He said \"yes\" - then left.\n"
        for arguments in [
            ["--disable", "quotes,dashes", "notes.md"], ["--disable=quotes,dashes", "notes.md"],
            ["--disable", "quotes", "--disable", "dashes", "notes.md"], ["notes.md", "--disable", "quotes,dashes"],
        ] {
            let result = try CLI.run(["normalize", "--lang", "en"] + arguments, in: directory)
            XCTAssertEqual(result.status, 0, "\(arguments): \(result.stderr)")
            XCTAssertEqual(result.stdout, untouched, "\(arguments)")
        }
        // One rule off: the other still applies, and the file is read (it used to be taken for a rule name).
        let one = try CLI.run(["normalize", "--lang", "en", "--disable=quotes", notes])
        XCTAssertEqual(one.status, 0, one.stderr)
        XCTAssertEqual(one.stdout, "He said \"yes\"—then left.\n")
    }

    func testARuleWrittenAfterASpaceIsExplained() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        _ = try write("x\n", "notes.md", in: directory)
        let result = try CLI.run(["normalize", "--disable", "quotes", "dashes", "notes.md"], in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertTrue(result.stderr.hasPrefix("tlumach: dashes: no such file ('dashes' is a rule"), result.stderr)
        XCTAssertTrue(result.stderr.contains("--disable quotes,dashes"), result.stderr)
    }

    // MARK: Configuration errors in the user's terms

    func testABadSettingNamesItsKeyLineAndAllowedValues() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        _ = try write("normalize: {lang: ua}\n", ".tlumach.yml", in: directory)
        let result = try CLI.run(["normalize"], stdin: "x\n", in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(
            result.stderr,
            "tlumach: \(directory.path)/.tlumach.yml:1:19: normalize.lang: 'ua' is not allowed (allowed: uk, en, ru, auto)\n")

        _ = try write("normalize:\n  englishDash: wide\n", ".tlumach.yml", in: directory)
        let dash = try CLI.run(["normalize"], stdin: "x\n", in: directory)
        XCTAssertTrue(dash.stderr.contains(".tlumach.yml:2:16: normalize.englishDash: 'wide' is not allowed (allowed: closed, spaced)"), dash.stderr)

        _ = try write("normalize:\n  disable: {quotes: true}\n", ".tlumach.yml", in: directory)
        let kind = try CLI.run(["normalize"], stdin: "x\n", in: directory)
        XCTAssertEqual(kind.status, 2)
        XCTAssertTrue(kind.stderr.contains(".tlumach.yml:2:12: normalize.disable: expected a list, found a mapping"), kind.stderr)
        for text in [result.stderr, dash.stderr, kind.stderr] {
            XCTAssertFalse(text.contains("Cannot initialize") || text.contains("Choice") || text.contains("Array<"), text)
        }
    }

    func testValuesOfTheWrongKindNameTheirKeyAndWhatWasFound() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        _ = try write("examples/check/article.uk.txt\n", "a.txt", in: directory)
        for (settings, expected) in [
            ("check: {strict: maybe}\n", ".tlumach.yml:1:17: check.strict: expected true or false, found 'maybe'"),
            ("source-lang: [uk]\n", ".tlumach.yml:1:14: source-lang: expected a single value, found a list"),
            ("check:\n  options: {length-ratio-min-source: [1]}\n",
             ".tlumach.yml:2:38: check.options.length-ratio-min-source: expected a number, found a list"),
            ("normalize: {disable: [quotes, {a: b}]}\n", ".tlumach.yml:1:31: normalize.disable[1]: expected a single value, found a mapping"),
        ] {
            _ = try write(settings, ".tlumach.yml", in: directory)
            let command = settings.hasPrefix("normalize") ? ["normalize", "a.txt"] : ["check", "--source", "a.txt", "--target", "a.txt"]
            let result = try CLI.run(command, in: directory)
            XCTAssertEqual(result.status, 2, settings)
            XCTAssertTrue(result.stderr.contains(expected), "\(settings): \(result.stderr)")
        }
    }

    func testAnUnknownRuleInTheFileNamesItsLineAndColumn() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        _ = try write("normalize:\n  disable:\n    - quotes\n    - dashez\n", ".tlumach.yml", in: directory)
        let result = try CLI.run(["normalize"], stdin: "x\n", in: directory)
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(directory.path)/.tlumach.yml:4:7: normalize.disable: unknown rule 'dashez'"), result.stderr)
    }

    // MARK: Mistyped commands and each command's own usage

    func testAMistypedCommandGetsTheNearestOne() throws {
        let check = try CLI.run(["chek", "f.xlf"])
        XCTAssertEqual(check.status, 2)
        XCTAssertTrue(check.stderr.contains("unknown command 'chek'; did you mean 'check'?"), check.stderr)
        let search = try CLI.run(["tm", "serach", "--tm", "x.tmdb", "query"])
        XCTAssertEqual(search.status, 2)
        XCTAssertTrue(search.stderr.contains("tlumach tm: unknown command 'serach'; did you mean 'search'?"), search.stderr)
        let nothingClose = try CLI.run(["xyzzy"])
        XCTAssertEqual(nothingClose.status, 2)
        XCTAssertTrue(nothingClose.stderr.contains("(commands: normalize, translit,"), nothingClose.stderr)
        // Real commands, options and ArgumentParser's own `help` are untouched.
        XCTAssertEqual(try CLI.run(["help", "check"]).status, 0)
        XCTAssertEqual(try CLI.run(["--version"]).status, 0)
        XCTAssertEqual(try CLI.run(["translit", "Київ"]).stdout, "Kyiv\n")
    }

    func testNestedCommandsKeepTheirNamesInHelpAndSuggestions() throws {
        // Each command names itself in its configuration (ArgumentParser would otherwise spell the type's name,
        // which costs a scan of every protocol conformance in the binary at each start): the names are as before.
        let glossary = try CLI.run(["glossary", "--help"])
        XCTAssertEqual(glossary.status, 0)
        for name in ["lint", "convert", "stats", "suggest", "extract"] {
            XCTAssertTrue(glossary.stdout.contains("\n  \(name) "), "\(name): \(glossary.stdout)")
        }
        let tokens = try CLI.run(["serve", "token", "--help"])
        for name in ["add", "list", "revoke"] {
            XCTAssertTrue(tokens.stdout.contains("\n  \(name) "), "\(name): \(tokens.stdout)")
        }
        let lint = try CLI.run(["glossary", "lnt"])
        XCTAssertEqual(lint.status, 2)
        XCTAssertTrue(lint.stderr.contains("tlumach glossary: unknown command 'lnt'; did you mean 'lint'?"), lint.stderr)
        let revoke = try CLI.run(["serve", "token", "revok"])
        XCTAssertTrue(revoke.stderr.contains("did you mean 'revoke'?"), revoke.stderr)
        XCTAssertTrue(try CLI.run(["glossary", "stats", "--help"]).stdout.contains("USAGE: tlumach glossary stats "))
    }

    func testUsageErrorsShowTheFailingCommandsUsage() throws {
        let translit = try CLI.run(["translit", "--glossary", "glossaries", "--no-glossary", "Київ"])
        XCTAssertEqual(translit.status, 2)
        XCTAssertTrue(translit.stderr.contains("Usage: tlumach translit "), translit.stderr)
        XCTAssertTrue(translit.stderr.contains("See 'tlumach translit --help'"), translit.stderr)
        XCTAssertFalse(translit.stderr.contains("<subcommand>"), translit.stderr)
        let align = try CLI.run(["align", "-", "-"], stdin: "")
        XCTAssertEqual(align.status, 2)
        XCTAssertTrue(align.stderr.contains("only one of SRC and TGT"), align.stderr)
        XCTAssertTrue(align.stderr.contains("Usage: tlumach align "), align.stderr)
        let language = try CLI.run(["align", "examples/align/article.uk.txt", "examples/align/article.en.txt", "--source-lang", "de"])
        XCTAssertEqual(language.status, 2)
        XCTAssertTrue(language.stderr.contains("Usage: tlumach align "), language.stderr)
    }

    // MARK: align --gold and --parameters

    private let source = "examples/align/article.uk.txt"
    private let target = "examples/align/article.en.txt"

    func testGoldBeadsAreCheckedAgainstTheTexts() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let cases: [(String, String)] = [
            ("1,2\t1\n3,2\t2\n", ":2: the source sentences of a bead must follow each other ('3,2')"),
            ("1\t1,999999999999999\n", ":1: no target sentence numbered 999999999999999 (the target text has 8 sentences)"),
            ("1\t1,100000000\n", ":1: no target sentence numbered 100000000"),
            ("40\t1\n", ":1: no source sentence numbered 40 (the source text has 9 sentences)"),
            ("1\t9223372036854775807,1\n", ":1: no target sentence numbered 9223372036854775807"),
            ("1 1\n", ":1: not a bead line"),
            ("\t\n", ":1: a bead needs a sentence on at least one side"),
        ]
        for (text, expected) in cases {
            let gold = try write(text, "gold.beads", in: directory)
            let result = try CLI.run(["align", source, target, "--gold", gold, "--no-glossary"])
            XCTAssertEqual(result.status, 2, text)
            XCTAssertEqual(result.stdout, "", text)
            XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(gold)\(expected)"), "\(text): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, result.stderr)
        }
        // The shipped gold scores itself perfectly.
        let shipped = try CLI.run(["align", source, target, "--format", "beads", "--gold", "examples/align/article.beads"])
        XCTAssertEqual(shipped.status, 0, shipped.stderr)
        XCTAssertTrue(shipped.stderr.contains("strict: P 1.000 R 1.000 F1 1.000"), shipped.stderr)
    }

    func testPresegmentedGoldUsesLineNumbersAcrossBlankLines() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let uk = try write("Перше речення.\n\nДруге речення.\nТретє.\n", "a.uk", in: directory)
        let en = try write("First sentence. Second sentence.\nThird.\n", "a.en", in: directory)
        let gold = try write("1,3\t1\n4\t2\n", "gold.beads", in: directory)
        let result = try CLI.run(["align", uk, en, "--presegmented", "--format", "beads", "--gold", gold, "--no-glossary"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "1,3\t1\n4\t2\n")
        XCTAssertTrue(result.stderr.contains("strict: P 1.000 R 1.000 F1 1.000"), result.stderr)
        let missing = try write("2\t1\n", "gold2.beads", in: directory)
        let blank = try CLI.run(["align", uk, en, "--presegmented", "--gold", missing, "--no-glossary"])
        XCTAssertEqual(blank.status, 2)
        XCTAssertTrue(blank.stderr.contains("\(missing):1: no source sentence numbered 2"), blank.stderr)
    }

    func testBadParametersFileIsOneLineWithItsPosition() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let shipped = try String(
            contentsOf: CLI.packageRoot.appendingPathComponent("Sources/TlumachAlign/Data/alignment-parameters.json"),
            encoding: .utf8)
        let wrongKind = try write(shipped.replacingOccurrences(of: "\"variance\":", with: "\"variance\": \"x\", \"ignored\":"), "kind.json", in: directory)
        let truncated = try write(String(shipped.prefix(40)), "cut.json", in: directory)
        let missingKey = try write("{\"characterRatio\": 1}\n", "short.json", in: directory)
        for (path, expected) in [
            (wrongKind, "variance: expected a number, found a string (alignment parameters)"),
            (truncated, "not valid JSON (alignment parameters)"),
            (missingKey, "missing key"),
        ] {
            let result = try CLI.run(["align", source, target, "--parameters", path])
            XCTAssertEqual(result.status, 2)
            let lines = result.stderr.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, result.stderr)
            XCTAssertTrue(result.stderr.hasPrefix("tlumach: \(path):"), result.stderr)
            XCTAssertTrue(result.stderr.contains(expected), result.stderr)
            XCTAssertFalse(result.stderr.contains("DecodingError") || result.stderr.contains("CodingKeys"), result.stderr)
        }
        let kind = try CLI.run(["align", source, target, "--parameters", wrongKind])
        let line = shipped.components(separatedBy: "\n").firstIndex { $0.contains("\"variance\":") }.map { $0 + 1 }
        XCTAssertTrue(kind.stderr.hasPrefix("tlumach: \(wrongKind):\(line ?? 0):"), kind.stderr)
    }

    // MARK: Progress only on a terminal

    /// With the meter's start delay at zero every command below would draw at once on a terminal; on a pipe
    /// standard error must hold nothing of it.
    func testNoProgressIsWrittenWhenStandardErrorIsAPipe() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let environment = ["TLUMACH_PROGRESS_DELAY": "0"]
        let runs: [[String]] = [
            ["normalize", "examples/normalize/article.md"],
            ["check", "examples/check/app.uk.po", "examples/check/article.xlf", "--no-glossary"],
            ["align", source, target, "--no-glossary"],
            ["tm", "import", "--tm", directory.appendingPathComponent("m.tmdb").path, "examples/memory/newsroom.tmx"],
        ]
        for arguments in runs {
            let result = try CLI.run(arguments, environment: environment)
            XCTAssertLessThan(result.status, 2, "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stderr.contains("\r") || result.stderr.contains("\u{1B}"), "\(arguments): \(result.stderr)")
            XCTAssertFalse(result.stdout.contains("\r") || result.stdout.contains("\u{1B}"), "\(arguments)")
        }
    }

    /// The same commands on a terminal (a pseudo-terminal from util-linux `script`) draw the meter, with its rate,
    /// and clear it at the end.
    func testProgressIsDrawnAndClearedOnATerminal() throws {
        let script = URL(fileURLWithPath: "/usr/bin/script")
        guard FileManager.default.isExecutableFile(atPath: script.path) else {
            throw XCTSkip("needs util-linux `script` to give the command a terminal")
        }
        let directory = try CLI.temporaryDirectory(for: self)
        // The importer reports every thousand units: a memory of 2,500 makes it draw.
        var tmx = "<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"><header srclang=\"uk\" datatype=\"plaintext\" "
            + "segtype=\"sentence\" adminlang=\"en\" o-tmf=\"t\" creationtool=\"t\" creationtoolversion=\"1\"/><body>\n"
        for index in 0..<2500 {
            tmx += "<tu><tuv xml:lang=\"uk\"><seg>Речення \(index).</seg></tuv><tuv xml:lang=\"en\"><seg>Sentence \(index).</seg></tuv></tu>\n"
        }
        let memory = try write(tmx + "</body></tmx>\n", "big.tmx", in: directory)
        let binary = CLI.binary.path
        let runs: [(String, String)] = [
            ("normalize examples/normalize/article.md", "\rnormalize ████████████████████ 100%"),
            ("check examples/check/app.uk.po examples/check/article.xlf --no-glossary", "\rcheck: reading "),
            ("align \(source) \(target) --no-glossary", "\ralign "),
            ("tm import --tm '\(directory.path)/m.tmdb' '\(memory)'", "\rbig.tmx "),
        ]
        for (arguments, expected) in runs {
            let command = "TLUMACH_PROGRESS_DELAY=0 '\(binary)' \(arguments) >/dev/null"
            let result = try CLI.run(executable: script, ["-qec", command, "/dev/null"])
            XCTAssertLessThan(result.status, 2, "\(arguments): \(result.stdout)")
            XCTAssertTrue(result.stdout.contains(expected), "\(arguments): \(result.stdout.debugDescription)")
            XCTAssertTrue(result.stdout.contains("/s"), "\(arguments): \(result.stdout.debugDescription)")
            XCTAssertTrue(result.stdout.hasSuffix("\r\u{1B}[K"), "\(arguments): \(result.stdout.debugDescription)")
        }
    }
}
