import TlumachCore
import TlumachTestSupport
import XCTest

@testable import TlumachText

/// The text-only path (what `tlumach normalize FILE > out` runs) against the reporting reference path, growth in
/// counted steps on long runs of quotes (issue 17), language per line in files without blank lines, and URLs as
/// one token (issue 11).
final class NormalizerFastPathTests: XCTestCase {
    /// Lines shaped like the Ukrainian catalogs' msgstr text and newsroom copy: straight quotes and apostrophes,
    /// spaced hyphens, ranges, options, placeholders, paths, URLs, e-mail addresses, no-break spaces.
    static let realLike = [
        "Не вдалося відкрити файл \"%s\": %s", "Використання: %s [ПАРАМЕТР]... [ФАЙЛ]...",
        "  -a, --all                  не приховувати записи, що починаються з '.'",
        "Пам'ять вичерпано", "п'ять об'єктів - з'єднання", "Ім'я користувача: '%s'",
        "\"More than 2,500 defenders were returned,\" Yusov said.", "so called 'special operation'",
        "the so-called SVO - the return of prisoners", "shoigu's statement", "in 2020-2021 and 24-27 August",
        "Див. https://example.com/path?q=\"x\"&y='z' - там", "Пишіть на bugs@example.org - відповімо",
        "Файл `config.h` не \"знайдено\"", "<b>Увага</b> - \"важливо\"", "Kиїв і Мiнiстерство", "1\u{A0}234 км",
        "велике\u{A0}місто", "слово  слово   ", "кінець рядка\r", "\"Він сказав: \"ні\"\", - пише газета.",
        "He said \"it's 'fine'\" - again", "—", "«так»", "„ні“", "'", "\"", "-", "--", " ", "\n", "\n\n",
        "# Заголовок \"розділу\"", "- пункт 'перший'", "```\n\"код\" - 1\n```", "Ukrаine's", "и\u{0306}ого",
        // In-word apostrophes only (the byte-level path), and its near misses.
        "Пам'ять і з'єднання", "don't won't O'Neil's", "mailto:o'brien", "MAILTO:п'ять", "д'Артаньян l'état",
        "'п'ять", "п'ять'", "α'β", "ab'cd'ef", "п''ять", "Ukrа'ine", "п'я\u{0306}ть", "п'ять\u{A0}років",
        "Файл \"a\" і \"b\".", "He said \"yes\" and \"no\".", "(\"дужки\")", "x\"y\"", "\"a\"\"b\"", "\"відкрито",
        "\"Він\" - \"так\"", "\"don't\"", "\"It's\" \"п'ять\"", "\" \"", "\"/\"", "\"…\"",
        // Runs of spaces and trailing spaces (the byte-level path too), and their near misses.
        "слово  \"цитата\"  слово  ", "\"цитата\"   ", "  відступ  і  п'ять", "a \t b", "a\t  b", "a\u{A0}  b",
        "a  \u{A0}b", "рядок  \nдругий  рядок", "   ", "Ключ:      значення", "x \r", "a  b\u{200B}  c",
        "  -h, --help     показати довідку", " \"так\"  ",
        // Dashes and number ranges (the byte-level path too), and their near misses.
        "помилка - зупинка", "error -- abort", "1,5-2,5 і 10:00-12:00", "5 - 3", "v1.5-2", "1-2-3", "\u{0663}-5",
        "\u{0663},5-6", "2021-07-22", "a -\u{2013} b", "a\u{A0}- b", "a - \u{2014}b", "(2020-2021)", "x-1-2",
    ]

    static func messy(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int(generator.next() % 24) {
            let pool = generator.next() % 2 == 0 ? realLike : IdempotenceTests.fragments
            text += generator.pick(pool)
            text += generator.pick([" ", "\n", "", " ", "\n\n"])
        }
        return text
    }

    /// The text-only path writes exactly what the reference path writes, and counts the same changes.
    func testTextOnlyPathEqualsReportingPath() throws {
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 17)
        let normalizers = try [NormalizerOptions(), NormalizerOptions(language: .en), NormalizerOptions(apostrophe: .modifierLetterApostrophe, englishDash: .spaced)]
            .map { try ArticleNormalizer(options: $0) }
        for iteration in 0..<IdempotenceTests.iterations {
            let text = Self.messy(&generator)
            let normalizer = normalizers[iteration % normalizers.count]
            let bytes = Array(text.utf8)
            let reference = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: true) }
            let fast = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
            XCTAssertEqual(fast.utf8, reference.utf8, "iteration \(iteration): \(text.debugDescription)")
            XCTAssertEqual(fast.changeCount, reference.changes.count, text.debugDescription)
            XCTAssertEqual(fast.isChanged, reference.isChanged)
            XCTAssertEqual(fast.changes, [])
            if fast.utf8 != reference.utf8 { return }
        }
    }

    /// The byte-level path writes its quotes in the previous paragraph's language first and again when the letters
    /// say otherwise; clean paragraphs, blank lines and code between changed paragraphs are copied as they are.
    func testQuotesFollowEachParagraphsLanguageOnTheTextOnlyPath() throws {
        let text = "Він сказав \"так\".\n\nHe said \"yes\".\n\n\nShe said \"no\".\nAll clean.\n\n"
            + "Вона сказала \"ні\".\n\n```\n\"код\"\n```\nClean line.\n\n  \n\nКінець \"тексту\""
        let expected = "Він сказав «так».\n\nHe said “yes”.\n\n\nShe said “no”.\nAll clean.\n\n"
            + "Вона сказала «ні».\n\n```\n\"код\"\n```\nClean line.\n\n\n\nКінець «тексту»"
        let normalizer = try ArticleNormalizer()
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
        let reference = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: true) }
        XCTAssertEqual(String(decoding: fast.utf8, as: UTF8.self), expected)
        XCTAssertEqual(reference.utf8, fast.utf8)
        XCTAssertEqual(fast.changeCount, reference.changes.count)
    }

    /// The byte-level path takes a paragraph whose only fixes are in-word straight apostrophes, and leaves every
    /// other to the rules (which the test above compares it with).
    func testApostropheBytePathTakesOnlyInWordApostrophes() {
        func taken(_ text: String, _ apostrophe: Unicode.Scalar = "\u{2019}", language: Language? = nil) -> String? {
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            let result = bytes.withUnsafeBufferPointer {
                ApostropheBytePath.rewrite(
                    $0, 0..<$0.count, into: &output, apostrophe: apostrophe,
                    quotes: true, spaceRuns: true, trailing: true, language: language,
                    resolve: { $0.language ?? .uk })
            }
            if result == nil { XCTAssertEqual(output, [], text) }
            return result.map { _ in String(decoding: output, as: UTF8.self) }
        }
        XCTAssertEqual(taken("Пам'ять і з'єднання\n"), "Пам’ять і з’єднання\n")
        XCTAssertEqual(taken("Пам'ять\n", "\u{2BC}"), "Памʼять\n")
        XCTAssertEqual(taken("don't\n"), "don’t\n")
        XCTAssertEqual(taken("Файл \"a.txt\" не \"знайдено\".\n"), "Файл «a.txt» не «знайдено».\n")
        XCTAssertEqual(taken("He said \"it's fine\".\n"), "He said “it’s fine”.\n")
        XCTAssertEqual(taken("\"так\"\n", language: .en), "“так”\n")
        // Runs of spaces after text become one space, spaces at a line's end go, indentation stays.
        XCTAssertEqual(taken("Ключ:      значення  \n"), "Ключ: значення\n")
        XCTAssertEqual(taken("  список     довідка\n"), "  список довідка\n")
        // With a line above or below, a run after text that lays out no column is one space; where it lays one out
        // (`Blocks.isLaidOutInColumns`) it stays, and the scan of the result takes it as it is.
        XCTAssertEqual(taken("Ключ:      значення  \n  список     довідка\n"), "Ключ: значення\n  список довідка\n")
        XCTAssertEqual(taken("-a, --all   усі \n-b, --boot  завантаження\n"), "-a, --all   усі\n-b, --boot  завантаження\n")
        XCTAssertEqual(taken("слово  \"цитата\"   \n"), "слово «цитата»\n")
        XCTAssertEqual(taken("кінець   "), "кінець")
        // Beside a tab (no text to the space-runs rule, which it ends): after text on the line a run is one space.
        XCTAssertEqual(taken("a\t  b\n"), "a\t b\n")
        XCTAssertEqual(taken("a  \tb\n"), "a \tb\n")
        // Quotation marks already right stay when only apostrophes are written; a plain HTML tag is passed over.
        XCTAssertEqual(taken("Пам'ять «%s» і з'єднання\n"), "Пам’ять «%s» і з’єднання\n")
        XCTAssertEqual(taken("don't \u{201C}%s\u{201D}\n", language: .en), "don’t \u{201C}%s\u{201D}\n")
        XCTAssertEqual(taken("Пам'ять %#<PRIx64> <b>так</b>\n"), "Пам’ять %#<PRIx64> <b>так</b>\n")
        for text in [
            "п'ять <a  b>\n", "п'ять <a href='x'>\n", "п'ять <a-1>\n", "п'ять «так\n", "п'ять „так“\n",
            "mailto:o'brien\n", "'п'ять\n", "п'ять'\n", "п''ять\n", "п'ять - так\n", "α'β\n", "п'ять\n\u{201C}",
            "\"відкрито\n", "x\"y\"\n", "\"a\"\"b\"\n", "\" \"\n", "«a» \"b\"\n",
            "a \t b\n", "a\u{A0}  b\n", "a  \u{A0}b\n", "a  \r\n", "a  b\u{200B}\n", "a  - b\n",
            "a b\n", "  a\n",
        ] {
            XCTAssertNil(taken(text), text)
        }
    }

    /// Spaced hyphens between words and number ranges are written on the byte path as the dash rule writes them
    /// (real catalog lines: "Критична помилка - негайна зупинка", "Critical error - immediate abort"); English
    /// closes the dash up unless spaced dashes are asked for. What the rule leaves (a date, "5 - 3", "-a") stays
    /// or goes to the rules, and every result equals the reporting path's.
    func testBytePathWritesDashesAsTheDashRule() throws {
        func taken(_ text: String, closed: Bool = true, language: Language? = nil) -> String? {
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            let result = bytes.withUnsafeBufferPointer {
                ApostropheBytePath.rewrite(
                    $0, 0..<$0.count, into: &output, apostrophe: "\u{2019}", quotes: true, spaceRuns: true,
                    trailing: true, dashes: ApostropheBytePath.Dashes(closedInEnglish: closed), language: language,
                    resolve: { $0.language ?? .uk })
            }
            if result == nil { XCTAssertEqual(output, [], text) }
            return result.map { _ in String(decoding: output, as: UTF8.self) }
        }
        XCTAssertEqual(taken("Критична помилка - негайна зупинка\n"), "Критична помилка — негайна зупинка\n")
        XCTAssertEqual(taken("Critical error - immediate abort\n"), "Critical error—immediate abort\n")
        XCTAssertEqual(taken("Critical error - immediate abort\n", closed: false), "Critical error — immediate abort\n")
        XCTAssertEqual(taken("Critical error -- immediate abort\n", language: .en), "Critical error—immediate abort\n")
        XCTAssertEqual(taken("сторінки 24-27, 1,5-2,5 і 10:00-12:00\n"), "сторінки 24–27, 1,5–2,5 і 10:00–12:00\n")
        XCTAssertEqual(taken("Пам'ять - \"так\"\n"), "Пам’ять — «так»\n")
        XCTAssertEqual(taken("don't - \"yes\"\n"), "don’t—“yes”\n")
        XCTAssertEqual(taken("--all - показати, a - 3 - b\n"), "--all — показати, a — 3 — b\n")
        // Left as they are, or for the rules to decide.
        for text in [
            "PO-Revision-Date: 2021-07-22 00:28+0000\n", "5 - 3\n", "v1.5-2\n", "1-2-3\n", "a\u{A0}- b\n", "a -\u{2013} b\n", "a - \u{2014}b\n", "a\u{0663},5-6\n",
            "\u{0663}-5\n", "a  - b\n", "a -\n",
        ] {
            if let written = taken(text) { XCTFail("\(text) → \(written)") }
        }
        // A date the dash rule leaves, in the result the byte path scans again, no longer sends it to the rules.
        XCTAssertEqual(
            taken("сторінки 24-27 і з'єднання 2021-07-22\n"), "сторінки 24–27 і з’єднання 2021-07-22\n")
        // The whole normaliser, byte path and rules, against the reporting path (the rules alone).
        let normalizer = try ArticleNormalizer()
        let english = try ArticleNormalizer(options: NormalizerOptions(englishDash: .spaced))
        let text = """
            Критична помилка - негайна зупинка

            Critical error - immediate abort

            сторінки 24-27, 1,5-2,5 і 10:00-12:00

            PO-Revision-Date: 2021-07-22 00:28+0000

            5 - 3 and a - 3 - b, v1.5-2, 1-2-3

            Пам'ять - "так" - 2020-2021

            """
        let bytes = Array(text.utf8)
        for normalizer in [normalizer, english] {
            let fast = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
            let reference = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: true) }
            XCTAssertEqual(String(decoding: fast.utf8, as: UTF8.self), String(decoding: reference.utf8, as: UTF8.self))
            XCTAssertEqual(fast.changeCount, reference.changeCount)
        }
    }

    /// A paragraph with an HTML tag and nothing else to fix is copied as it is, and the tag's letters (a protected
    /// span) do not count for its language, as on the rules' path: "<abcdefghijk> слово" is Cyrillic, so the quotes
    /// of the paragraph without letters after it are Ukrainian. A "<" that opens no tag ("а < б", "<п>") is punctuation.
    func testTagLettersDoNotCountForTheLanguage() throws {
        let normalizer = try ArticleNormalizer()
        let text = "<abcdefghijk> слово\n\n\"123\"\n\n%pB: %#<PRIx64>: попередження\n\nа < б і в > г\n\n\"4\"\n"
        let expected = "<abcdefghijk> слово\n\n«123»\n\n%pB: %#<PRIx64>: попередження\n\nа < б і в > г\n\n«4»\n"
        let bytes = Array(text.utf8)
        let fast = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
        let reference = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: true) }
        XCTAssertEqual(String(decoding: fast.utf8, as: UTF8.self), expected)
        XCTAssertEqual(reference.utf8, fast.utf8)
        XCTAssertEqual(fast.changeCount, 4)
        func scan(_ paragraph: String) -> FastScan {
            Array(paragraph.utf8).withUnsafeBufferPointer {
                FastScan.run($0, 0..<$0.count, classes: normalizer.classes, apostrophe: "\u{2019}")
            }
        }
        let tagged = scan("<abcdefghijk> слово\n")
        XCTAssertFalse(tagged.needsWork)
        XCTAssertEqual(tagged.evidence.latinLetters, 0)
        XCTAssertEqual(tagged.evidence.cyrillicLetters, 5)
        // Tags holding what a rule looks at, and mailto: beside a tag, still go to the rules.
        for paragraph in ["<a  b> x\n", "<a href=\"x\"> y\n", "<a - b>\n", "<1-2>\n", "<a:b>\n", "<a@b.ua>\n",
            "mailto:x <b>\n"]
        {
            XCTAssertTrue(scan(paragraph).needsWork, paragraph)
        }
    }

    /// Whenever the scan calls a paragraph clean, its letter counts are the rules' (the letters outside protected
    /// spans): the language remembered for the next paragraphs is the same on both paths.
    func testCleanScanCountsTheLettersTheRulesCount() throws {
        let normalizer = try ArticleNormalizer()
        let rules = Rules(normalizer: normalizer)
        let pieces = [
            "<b>", "</b>", "<PRIx64>", "<UNUSED GARBAGE>", "<file-name>", "<!x>", "<a b>", "< b>", "<", ">", "<a", "word",
            "слово", "і", "ы", "Kиїв", " ", "\n", "%s", "#", ": ", "(", ")", "1", "w", "www.x", "«", "»", "%1$lu", "%-2", "the", "of", "is.", "\"", "—", "“", "’", " and ", "%'", "--",
        ]
        var generator = SeededGenerator(seed: 41)
        var clean = 0
        for _ in 0..<LongTests.count(long: 20000, short: 4000) {
            var text = ""
            for _ in 0..<Int(generator.next() % 14) { text += generator.pick(pieces) }
            let bytes = Array(text.utf8)
            let scan = bytes.withUnsafeBufferPointer {
                FastScan.run($0, 0..<$0.count, classes: normalizer.classes, apostrophe: "\u{2019}")
            }
            guard !scan.needsWork else { continue }
            clean += 1
            let scalars = Array(text.unicodeScalars)
            let protected = ProtectedSpans.mark(scalars)
            var evidence = LanguageEvidence()
            evidence.countParagraph(scalars, protected: protected, classOf: rules.classOf)
            XCTAssertEqual(scan.evidence, evidence, text.debugDescription)
        }
        XCTAssertGreaterThan(clean, 100)
    }

    /// The scan reads words eight bytes at a time past a paragraph's end (round 12): what follows the paragraph
    /// in the text never counts. A paragraph scanned in place, with letters right after its end, gives what the
    /// same bytes scanned alone give.
    func testScanInPlaceIgnoresTheLettersAfterTheParagraph() throws {
        let normalizer = try ArticleNormalizer()
        func scan(_ bytes: [UInt8], _ range: Range<Int>) -> FastScan {
            bytes.withUnsafeBufferPointer {
                FastScan.run($0, range, classes: normalizer.classes, apostrophe: "\u{2019}")
            }
        }
        func assertSame(_ paragraph: String, followedBy after: String, file: StaticString = #filePath, line: UInt = #line) {
            let alone = Array(paragraph.utf8)
            let inText = alone + Array(after.utf8)
            let expected = scan(alone, 0..<alone.count)
            let found = scan(inText, 0..<alone.count)
            XCTAssertEqual(found.needsWork, expected.needsWork, paragraph.debugDescription, file: file, line: line)
            XCTAssertEqual(found.evidence, expected.evidence, paragraph.debugDescription, file: file, line: line)
            XCTAssertEqual(found.quoteCount, expected.quoteCount, paragraph.debugDescription, file: file, line: line)
        }
        // Real catalog text, cut inside a word: the Cyrillic and the ASCII word run up to the cut only.
        assertSame("Не вдалося відкрити файл", followedBy: "іїєіїєіїє ыыыы")
        assertSame("Could not open the file", followedBy: "wwwwwwww.example")
        let whole = scan(Array("Не вдалося відкрити файл".utf8), 0..<45)
        XCTAssertEqual(whole.evidence.cyrillicLetters, 21)
        XCTAssertEqual(whole.evidence.ukrainianMarkers, 1)
        // Every cut of mixed text with letters after it.
        let pieces = ["слово", "і", "ы", "word", "w", " ", "Київ", "%s", ", ", "1", "ab", "абвгдеє"]
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<LongTests.count(long: 20000, short: 3000) {
            var text = ""
            for _ in 0..<Int(generator.next() % 10) { text += generator.pick(pieces) }
            assertSame(text, followedBy: generator.pick(["абвгдежзиклмн", "abcdefghijklmn", "ї", "z", " x"]))
        }
    }

    /// Presence skips the class table for ASCII letters: they must be Latin letters at NFC boundaries there.
    func testASCIILettersAreLatinLettersAtNFCBoundaries() {
        for value in Array(0x41...0x5A) + Array(0x61...0x7A) {
            let scalar = Unicode.Scalar(UInt8(value))
            XCTAssertTrue(classOf(scalar).isSuperset(of: [.letter, .latin, .nfcBoundary]), "\(scalar)")
        }
    }

    /// Issue 17: a line of n straight quotes (or apostrophes) took time growing with n² (20k: 0.66 s, 100k:
    /// 9.3 s): each change's column was counted from the start of its line. Ten times the input must cost about
    /// ten times the steps, not a hundred.
    func testLongRunsOfQuotesCostLinearSteps() throws {
        let normalizer = try ArticleNormalizer()
        for unit in ["\"", "'", "\"a\" ", "'", "«", "`", "п'"] {
            func steps(_ count: Int) -> (steps: Int, changes: Int) {
                let result = normalizer.normalize(String(repeating: unit, count: count) + "\n")
                return (result.steps, result.changes.count)
            }
            // Ten times the input must not cost a hundred times the steps (larger sizes in the long run).
            let size = LongTests.count(long: 1_000, short: 400)
            let small = steps(size)
            let large = steps(10 * size)
            XCTAssertGreaterThan(large.steps, 0, unit)
            XCTAssertLessThan(
                Double(large.steps), 15 * Double(small.steps),
                "\(unit): \(small.steps) steps for \(size) (\(small.changes) changes), \(large.steps) for \(10 * size)")
        }
    }

    /// Round 13: GNU quoting (`` `dirs' ``) and word-final straight apostrophes (users', the boss') after a Latin
    /// letter, a third of the English catalog paragraphs the rules got, are written on the byte path as the quote
    /// rule writes them (’, the backtick left); a lone backtick and a ’ closing a Latin word are clean for the scan.
    /// What the rules decide otherwise stays theirs: two backticks (a code span), a backtick between letters (a
    /// mistyped apostrophe), a mark after a digit or a Cyrillic letter, a single quotation still open.
    func testBytePathTakesGNUQuotingAndWordFinalApostrophes() throws {
        func taken(_ text: String, language: Language? = nil) -> String? {
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            let result = bytes.withUnsafeBufferPointer {
                ApostropheBytePath.rewrite(
                    $0, 0..<$0.count, into: &output, apostrophe: "\u{2019}", quotes: true, spaceRuns: true,
                    trailing: true, dashes: ApostropheBytePath.Dashes(closedInEnglish: true), language: language,
                    guess: .en, resolve: { $0.language ?? .en })
            }
            if result == nil { XCTAssertEqual(output, [], text) }
            return result.map { _ in String(decoding: output, as: UTF8.self) }
        }
        // Real msgid text (coreutils, tar, gettext catalogs): GNU quoting stays whole (nothing to write: nil).
        XCTAssertNil(taken("cannot open `%s' for reading\n"))
        XCTAssertEqual(taken("Try  `%s --help' for more information.\n"), "Try `%s --help' for more information.\n")
        XCTAssertEqual(taken("`%s' is the users' file\n"), "`%s' is the users’ file\n")
        XCTAssertEqual(taken("the users' files and the boss' car\n"), "the users’ files and the boss’ car\n")
        XCTAssertEqual(
            taken("He said \"the users' files\" - twice.\n", language: .en), "He said “the users’ files”—twice.\n")
        XCTAssertEqual(taken("'It's the users' turn'\n", language: .en), "“It’s the users” turn’\n")
        // A lone mark with room on both sides is no quotation mark to the quote rule: it stays.
        XCTAssertEqual(
            taken("no exec command specified via '--exec'. Can not create 'Exec=' key.\n"),
            "no exec command specified via '--exec’. Can not create “Exec=” key.\n")
        for text in [
            "`a' and `b'\n", "don`t '%s'\n", "5' and 6'\n", "п'ять'\n", "users'\"\n", "'%s\n", "a ' b\n",
        ] {
            if let written = taken(text) { XCTFail("\(text) → \(written)") }
        }
        // The scan: a lone backtick and a ’ closing a Latin word are clean, what the rules would touch is not.
        let normalizer = try ArticleNormalizer()
        func needsWork(_ paragraph: String) -> Bool {
            Array(paragraph.utf8).withUnsafeBufferPointer {
                FastScan.run($0, 0..<$0.count, classes: normalizer.classes, apostrophe: "\u{2019}").needsWork
            }
        }
        for clean in [
            "cannot open `%s’ for reading\n", "the users’ files, the boss’.\n", "`dirs’\n", "(`x’)", "a `b",
            "You need to specify a NEWS file as output, or '-' to print to stdout.\n", "a '-\n", "'\n", "(' x",
        ] {
            XCTAssertFalse(needsWork(clean), clean)
        }
        for flagged in [
            "`a’ and `b’\n", "don`t\n", "п`ять\n", "a`é\n", "users’5\n", "п’ять’ x\n", "Kиїв’ x\n", "5’ x\n",
            "’tis\n", "a ’ b\n", "users’\"\n", "-> \".\"\n", "x'-'\n", "«'»\n", "' x'\n", "'a\n", "\" \"x\n",
        ] {
            XCTAssertTrue(needsWork(flagged), flagged)
        }
        // Against the rules alone (a rewriter that changes nothing sends every paragraph to them), on generated
        // paragraphs of these pieces, for each language setting.
        let pieces = [
            "`", "'", "’", "\"", "users", "dirs", "%s", "--help", " ", "  ", "\n", "\n\n", ".", ",", ")", "(", "-",
            " - ", "5", "п'ять", "слово", "don't", "é", "«", "»", "“", "”", "x", " `%s' ", "<b>", "Kиїв", " '-' ",
            " '--exec'.", "\"-\"", "/", "\t", "[", "’", " 'bar’ ", "—", "%'", "'x",
        ]
        try assertTextOnlyPathMatchesRules(
            pieces: pieces, seed: 13, options: [nil, Language.en, .uk].map { NormalizerOptions(language: $0) })
    }

    /// Real Ukrainian catalog lines whose hyphens the dash rule leaves ("| -сигнал", "x86-64", "-a - --all") and
    /// whose "@" starts no e-mail address ("@<файл>", "[-@]", «@») are clean to the scan, so they stay off the
    /// rules' path; a hyphen the rule changes and a real address still go there. Then generated paragraphs of these
    /// pieces, normalised by the text-only path and by the rules alone, for each language and dash setting.
    func testScanPassesOverHyphensTheDashRuleLeavesAndAtSignsOutsideAddresses() throws {
        let normalizer = try ArticleNormalizer()
        func needsWork(_ paragraph: String) -> Bool {
            Array(paragraph.utf8).withUnsafeBufferPointer {
                FastScan.run($0, 0..<$0.count, classes: normalizer.classes, apostrophe: "\u{2019}").needsWork
            }
        }
        for clean in [
            "kill [-s сигнал | -n номер-сигналу | -сигнал] pid | завдання ... чи kill -l [сигнал]\n",
            "%s: не є файлом ELF i386 або x86-64\n", "зокрема FSFAP, CC0-1.0 або 0BSD\n",
            "  -a - --all сканувати увесь файл\n", "cd [-L|[-P [-e]] [-@]] [каталог]\n",
            "символ «@» можна замінити на «_at_»\n", "@<файл> Читати ключі з <файла>\n", "a@b\n", "a@.b\n",
            "v1.5-2 і 1-2-3, 5 - 3\n", "a -\n", "@x.y\n", "x@y.\n",
        ] {
            XCTAssertFalse(needsWork(clean), clean)
        }
        for flagged in [
            "Розбіжність розмірів, напишіть на apt@packages.debian.org\n", "Пишіть на bugs@example.org\n",
            "a@пошта.укр\n", "помилка - зупинка\n", "в 2020-2021 роках\n", "сторінки 24-27\n", "a -- b\n",
            "a\u{A0}- b\n", "a - \u{2014}b\n", "x_y@a-b.c-\n",
            // Another script's digits make number ranges too (the scan took these for clean before).
            "\u{0663}-5\n", "\u{0663}-64\n", "5-\u{0663}\n", "x \u{FF15}-\u{FF16}\n",
        ] {
            XCTAssertTrue(needsWork(flagged), flagged)
        }
        // The byte path leaves a paragraph with an address to the rules: it would write a range in its domain
        // (found by the long run of the property test below), and its result would no longer hold the address.
        let bytes = Array("x@5-641.org - так\n".utf8)
        var output: [UInt8] = []
        XCTAssertNil(
            bytes.withUnsafeBufferPointer {
                ApostropheBytePath.rewrite(
                    $0, 0..<$0.count, into: &output, apostrophe: "\u{2019}", quotes: true, spaceRuns: true,
                    trailing: true, dashes: ApostropheBytePath.Dashes(closedInEnglish: true))
            })
        XCTAssertEqual(
            String(decoding: try Array("x@5-641.org - так\n".utf8).withUnsafeBufferPointer {
                try ArticleNormalizer().normalize(utf8Buffer: $0, reporting: false)
            }.utf8, as: UTF8.self), "x@5-641.org — так\n")
        let pieces = [
            "@", "a@b.c", "y.z@5-6", "41.0", "x@", "@y.z", "_", "%", "+", ".", "..", "-", "--", " - ", " -- ", " ", "  ", "\n", "\n\n", "5",
            "1.0", "86", "-64", "сигнал", "|", "[", "]", "<", ">", "<b>", "пошта", "укр", "x", "CC0", "\u{A0}", "\u{2013}",
            "\u{2014}", "\u{0663}", ",", ":", "/", "+", "'", "\"", "п'ять", "\t", "é",
        ]
        try assertTextOnlyPathMatchesRules(
            pieces: pieces, seed: 14,
            options: [
                NormalizerOptions(), NormalizerOptions(language: .en), NormalizerOptions(language: .uk),
                NormalizerOptions(language: .en, englishDash: .spaced),
            ])
    }

    /// Space runs beside tabs in help text (bash's "    \t\tзліва …" indentation, "-N\t   Показує") on the byte path:
    /// a tab ends the space-runs rule's run and is no text to it, the trailing-space rule's run takes tabs in.
    /// Real lines written as the rules write them, near misses left to the rules, then generated paragraphs
    /// against the rules alone.
    func testBytePathTakesSpaceRunsBesideTabs() throws {
        func taken(_ text: String) -> String? {
            let bytes = Array(text.utf8)
            var output: [UInt8] = []
            let result = bytes.withUnsafeBufferPointer {
                ApostropheBytePath.rewrite(
                    $0, 0..<$0.count, into: &output, apostrophe: "\u{2019}", quotes: true, spaceRuns: true,
                    trailing: true, dashes: ApostropheBytePath.Dashes(closedInEnglish: true), language: .uk)
            }
            if result == nil { XCTAssertEqual(output, [], text) }
            return result.map { _ in String(decoding: output, as: UTF8.self) }
        }
        // (Its GNU quoting stays as it is, indentation too: nothing to write.)
        XCTAssertNil(
            taken("      -N\tЦиклічно обертає стек, рахуючи\n    \t\tзліва у списку, що виводить команда `dirs'\n"))
        XCTAssertEqual(taken("  -N\t   Показує N-ний каталог  у списку\n"), "  -N\t Показує N-ний каталог у списку\n")
        XCTAssertEqual(taken("Пам'ять \t x\n"), "Пам’ять \t x\n")
        for text in ["слово'  \t\n", "x \t \n", "a\u{A0}\t  b'c\n", "\u{A0}\t  b'c\n", "a\t  \r\nb'c", "a  \t"] {
            if let written = taken(text) { XCTFail("\(text.debugDescription) → \(written.debugDescription)") }
        }
        let pieces = [
            "\t", " ", "  ", "   ", "    \t\t", "\t   ", " \t", "\n", "\n\n", "слово", "x", "п'ять", "don't", "\"", "-",
            " - ", "\u{A0}", "\r", ".", "`dirs'",
        ]
        try assertTextOnlyPathMatchesRules(
            pieces: pieces, seed: 16, options: [NormalizerOptions(), NormalizerOptions(language: .en)], comparesSummaries: false)
    }

    /// The scan that finds its paragraph's end as it goes (what `processBlocks` runs for a paragraph starting with
    /// a letter, instead of a split, then a scan) gives the end `Blocks.next` gives, and the verdict, letters and
    /// quotation marks of a scan of that paragraph alone: generated lines with Markdown block starts, fences,
    /// blank and space-only lines, CRs and what the scan looks at.
    /// Help text laid out in columns, with the fixes around it (apostrophes, quotes, hyphens the dash rule would
    /// change, runs that align and runs that do not): the text-only path writes what the rules write, and a second
    /// run changes nothing (a closed-up dash would shift the columns, so a laid-out paragraph keeps its hyphens).
    func testColumnsOnTheTextOnlyPathEqualTheRulesAndStay() throws {
        let pieces = [
            "  -a, --all     ", "  -b, --boot    ", "  -c, --count   ", "show all - entries", "don't", "\"all\"",
            "час - завантаження", "1-2", "  ", "   ", "\n", "\n", "word ", "x  y", "\t", "значення\n", "a -- b",
        ]
        try assertTextOnlyPathMatchesRules(
            pieces: pieces, seed: IdempotenceTests.seed &+ 91,
            options: [NormalizerOptions(language: .en), NormalizerOptions(disabled: [.spaceRuns])])
        var generator = SeededGenerator(seed: IdempotenceTests.seed &+ 92)
        let normalizers = try [NormalizerOptions(language: .en), NormalizerOptions()].map { try ArticleNormalizer(options: $0) }
        for iteration in 0..<LongTests.count(long: 20000, short: 1500) {
            var text = ""
            for _ in 0..<Int(generator.next() % 14) { text += generator.pick(pieces) }
            let normalizer = normalizers[iteration % normalizers.count]
            let once = try normalizer.normalize(text).text
            XCTAssertEqual(try normalizer.normalize(once).text, once, text.debugDescription)
            if try normalizer.normalize(once).text != once { return }
        }
    }

    func testScanFindingTheParagraphEndAgreesWithTheBlockSplit() throws {
        let normalizer = try ArticleNormalizer()
        let pieces = [
            "слово", "word", "Їжак", " ", "  ", "\n", "\n\n", "\n  ", "\n    ", "\n# ", "\n## ", "\n#x", "\n- ", "\n-x",
            "\n> ", "\n1. ", "\n12) ", "\n1234. ", "\n* x", "\n+", "\n```\n", "\n~~~", "\n`x`", "\r\n", "\r", "\t",
            "\n\u{A0}\n", "\n\u{200B}\n", "\n\u{A0}x", "-", " - ", "'", "\"", "«", "»", "<b>", "@", "a@b.c", "mailto:x",
            "5", "2020-2021", "п'ять", "é", "’", "`", ".", "\u{2014}", "\u{FEFF}",
        ]
        var generator = SeededGenerator(seed: 15)
        for _ in 0..<LongTests.count(long: 40000, short: 8000) {
            var text = generator.pick(["слово", "word", "x"])
            for _ in 0..<Int(generator.next() % 16) { text += generator.pick(pieces) }
            let bytes = Array(text.utf8)
            let carriageReturns = bytes.contains(0x0D) || generator.next() % 2 == 0
            for linesAreParagraphs in [false, true] {
                bytes.withUnsafeBufferPointer { buffer in
                    var position = 0
                    while position < buffer.count {
                        let block = Blocks.next(
                            in: buffer, from: position, linesAreParagraphs: linesAreParagraphs,
                            carriageReturns: carriageReturns)
                        defer { position = block.range.upperBound }
                        guard !Blocks.mayStartBlock(buffer[position]) else { continue }
                        XCTAssertEqual(block.kind, .paragraph)
                        let alone = FastScan.run(buffer, block.range, classes: normalizer.classes, apostrophe: "\u{2019}")
                        let fused = FastScan.run(
                            buffer, position..<buffer.count, classes: normalizer.classes, apostrophe: "\u{2019}",
                            findingEnd: true, linesAreParagraphs: linesAreParagraphs, carriageReturns: carriageReturns)
                        let context = "\(text.debugDescription) at \(position), lines \(linesAreParagraphs)"
                        XCTAssertEqual(fused.needsWork, alone.needsWork, context)
                        if fused.paragraphEnd >= 0 { XCTAssertEqual(fused.paragraphEnd, block.range.upperBound, context) }
                        XCTAssertTrue(fused.paragraphEnd >= 0 || fused.needsWork, context)
                        guard !alone.needsWork else { continue }
                        XCTAssertEqual(fused.evidence.latinLetters, alone.evidence.latinLetters, context)
                        XCTAssertEqual(fused.evidence.cyrillicLetters, alone.evidence.cyrillicLetters, context)
                        XCTAssertEqual(fused.evidence.ukrainianMarkers, alone.evidence.ukrainianMarkers, context)
                        XCTAssertEqual(fused.evidence.russianMarkers, alone.evidence.russianMarkers, context)
                        XCTAssertEqual(fused.quoteCount, alone.quoteCount, context)
                        XCTAssertEqual(fused.quotesAreCanonical(for: .en), alone.quotesAreCanonical(for: .en), context)
                        XCTAssertEqual(fused.quotesAreCanonical(for: .uk), alone.quotesAreCanonical(for: .uk), context)
                        XCTAssertEqual(fused.looseApostrophes, alone.looseApostrophes, context)
                    }
                }
            }
        }
    }

    // MARK: Issue 11: language per line, URLs as one token

    func testCMSExportWithoutBlankLinesDecidesLanguagePerLine() throws {
        let export = """
            Президент заявив, що "переговорів не буде".
            The president said talks were "not on the table" - for now.
            Міністр назвав це "політичним рішенням".
            Он сказал "нет" и ушёл.

            """
        let expected = """
            Президент заявив, що «переговорів не буде».
            The president said talks were “not on the table”—for now.
            Міністр назвав це «політичним рішенням».
            Он сказал «нет» и ушёл.

            """
        XCTAssertEqual(try ArticleNormalizer().normalize(export).text, expected)
    }

    func testParagraphsSeparatedByBlankLinesStillPairQuotesAcrossLines() throws {
        // Hard-wrapped paragraphs: the quotation spans two lines and still pairs up.
        let text = "Він сказав \"так,\nі пішов\".\n\nHe said \"yes,\nand left\".\n"
        XCTAssertEqual(
            try ArticleNormalizer().normalize(text).text, "Він сказав «так,\nі пішов».\n\nHe said “yes,\nand left”.\n")
    }

    func testURLIsOneTokenUpToWhitespace() throws {
        let normalizer = try ArticleNormalizer()
        let url = "https://example.com/path?q=\"x\"&y='z'"
        XCTAssertEqual(normalizer.normalize("Див. \(url) - там \"все\".\n").text, "Див. \(url) — там «все».\n")
        XCTAssertEqual(normalizer.normalize("See \(url) now.\n").text, "See \(url) now.\n")
        // A quotation around a URL is still a quotation; the URL keeps its own quotes.
        XCTAssertEqual(normalizer.normalize("Посилання \"\(url)\" не працює.\n").text, "Посилання «\(url)» не працює.\n")
        XCTAssertEqual(
            normalizer.normalize("Read \"https://kyivindependent.com/it's-here\" today.\n").text,
            "Read “https://kyivindependent.com/it's-here” today.\n")
        XCTAssertEqual(normalizer.normalize("(див. https://uk.wikipedia.org/wiki/Київ_(місто)).\n").text,
                       "(див. https://uk.wikipedia.org/wiki/Київ_(місто)).\n")
    }

    /// A large file reports its progress within it (issue 11: a run over one 1 GB file showed nothing until done),
    /// the reported bytes add up to its size, and the text is the same as without a progress closure.
    func testALargeBufferReportsProgressWithinIt() throws {
        let normalizer = try ArticleNormalizer(options: NormalizerOptions(language: .uk))
        var text = ""
        var generator = SeededGenerator(seed: 11)
        let step = 4096
        while text.utf8.count < 5 * step {
            text += Self.realLike[Int.random(in: 0..<Self.realLike.count, using: &generator)] + "\n\n"
        }
        let bytes = Array(text.utf8)
        var calls: [Int] = []
        let withProgress = bytes.withUnsafeBufferPointer {
            normalizer.normalize(utf8Buffer: $0, reporting: false, progress: { calls.append($0) }, progressEvery: step)
        }
        let without = bytes.withUnsafeBufferPointer { normalizer.normalize(utf8Buffer: $0, reporting: false) }
        XCTAssertEqual(withProgress.utf8, without.utf8)
        XCTAssertEqual(calls.reduce(0, +), bytes.count)
        XCTAssertGreaterThanOrEqual(calls.count, 4)
        XCTAssertTrue(calls.dropLast().allSatisfy { $0 >= step })
    }
}

/// A rewriter that changes nothing: with it every paragraph goes to the rules, the reference the byte path must equal.
private struct NoRewrites: ParagraphRewriter {
    var ruleNames: [String] { ["nothing"] }
    func rewrites(in paragraph: ParagraphContext) -> [ParagraphRewrite] { [] }
}

/// Generated paragraphs of up to eleven `pieces` (20,000 per option set with `TLUMACH_LONG_TESTS`, else 4,000),
/// normalised by the text-only path and by the rules alone: the same output and number of changes, and (when
/// `comparesSummaries`) the same changes reported. Stops at the first paragraph that differs.
private func assertTextOnlyPathMatchesRules(
    pieces: [String], seed: UInt64, options settings: [NormalizerOptions], comparesSummaries: Bool = true,
    file: StaticString = #filePath, line: UInt = #line
) throws {
    var generator = SeededGenerator(seed: seed)
    for options in settings {
        let fast = try ArticleNormalizer(options: options)
        var withRules = options
        withRules.rewriters = [NoRewrites()]
        let rules = try ArticleNormalizer(options: withRules)
        for _ in 0..<LongTests.count(long: 20000, short: 4000) {
            var text = ""
            for _ in 0..<Int(generator.next() % 12) { text += generator.pick(pieces) }
            let bytes = Array(text.utf8)
            let written = bytes.withUnsafeBufferPointer { fast.normalize(utf8Buffer: $0, reporting: false) }
            let reference = bytes.withUnsafeBufferPointer { rules.normalize(utf8Buffer: $0, reporting: true) }
            let shown = "\(String(describing: options.language)): \(text.debugDescription)"
            XCTAssertEqual(
                String(decoding: written.utf8, as: UTF8.self), String(decoding: reference.utf8, as: UTF8.self), shown,
                file: file, line: line)
            XCTAssertEqual(written.changeCount, reference.changes.count, shown, file: file, line: line)
            if comparesSummaries {
                let reported = bytes.withUnsafeBufferPointer { fast.normalize(utf8Buffer: $0, reporting: true) }
                XCTAssertEqual(reported.changes.map(\.summary), reference.changes.map(\.summary), shown, file: file, line: line)
            }
            if written.utf8 != reference.utf8 { return }
        }
    }
}
