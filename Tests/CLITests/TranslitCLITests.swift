import Foundation
import TlumachTestSupport
import XCTest

final class TranslitCLITests: XCTestCase {
    /// The published examples of Resolution No. 55 (76), one per line through standard input.
    static let officialExamples: [(String, String)] = [
        ("Алушта", "Alushta"), ("Андрій", "Andrii"), ("Борщагівка", "Borshchahivka"), ("Борисенко", "Borysenko"),
        ("Вінниця", "Vinnytsia"), ("Володимир", "Volodymyr"), ("Гадяч", "Hadiach"), ("Богдан", "Bohdan"),
        ("Згурський", "Zghurskyi"), ("Ґалаґан", "Galagan"), ("Ґорґани", "Gorgany"), ("Донецьк", "Donetsk"),
        ("Дмитро", "Dmytro"), ("Рівне", "Rivne"), ("Олег", "Oleh"), ("Есмань", "Esman"), ("Єнакієве", "Yenakiieve"),
        ("Гаєвич", "Haievych"), ("Короп’є", "Koropie"), ("Житомир", "Zhytomyr"), ("Жанна", "Zhanna"),
        ("Жежелів", "Zhezheliv"), ("Закарпаття", "Zakarpattia"), ("Казимирчук", "Kazymyrchuk"),
        ("Медвин", "Medvyn"), ("Михайленко", "Mykhailenko"), ("Іванків", "Ivankiv"), ("Іващенко", "Ivashchenko"),
        ("Їжакевич", "Yizhakevych"), ("Кадиївка", "Kadyivka"), ("Мар’їне", "Marine"), ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"), ("Олексій", "Oleksii"), ("Київ", "Kyiv"), ("Коваленко", "Kovalenko"),
        ("Лебедин", "Lebedyn"), ("Леонід", "Leonid"), ("Миколаїв", "Mykolaiv"), ("Маринич", "Marynych"),
        ("Ніжин", "Nizhyn"), ("Наталія", "Nataliia"), ("Одеса", "Odesa"), ("Онищенко", "Onyshchenko"),
        ("Полтава", "Poltava"), ("Петро", "Petro"), ("Решетилівка", "Reshetylivka"),
        ("Рибчинський", "Rybchynskyi"), ("Суми", "Sumy"), ("Соломія", "Solomiia"), ("Тернопіль", "Ternopil"),
        ("Троць", "Trots"), ("Ужгород", "Uzhhorod"), ("Уляна", "Uliana"), ("Фастів", "Fastiv"),
        ("Філіпчук", "Filipchuk"), ("Харків", "Kharkiv"), ("Христина", "Khrystyna"),
        ("Біла Церква", "Bila Tserkva"), ("Стеценко", "Stetsenko"), ("Чернівці", "Chernivtsi"),
        ("Шевченко", "Shevchenko"), ("Шостка", "Shostka"), ("Кишеньки", "Kyshenky"), ("Щербухи", "Shcherbukhy"),
        ("Гоща", "Hoshcha"), ("Гаращенко", "Harashchenko"), ("Юрій", "Yurii"), ("Корюківка", "Koriukivka"),
        ("Яготин", "Yahotyn"), ("Ярошенко", "Yaroshenko"), ("Костянтин", "Kostiantyn"),
        ("Знам’янка", "Znamianka"), ("Феодосія", "Feodosiia"), ("Згорани", "Zghorany"), ("Розгон", "Rozghon"),
    ]

    func testEveryPublishedExampleThroughStandardInput() throws {
        XCTAssertEqual(Self.officialExamples.count, 76)
        let input = Self.officialExamples.map(\.0).joined(separator: "\n") + "\n"
        let result = try CLI.run(["translit", "--scheme", "kmu2010"], stdin: input)
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertEqual(lines.count, Self.officialExamples.count + 1)
        for (index, (cyrillic, latin)) in Self.officialExamples.enumerated() {
            XCTAssertEqual(lines[index], latin, cyrillic)
        }
    }

    func testTextArgumentsAndCaseApostrophesContexts() throws {
        let cases: [(String, String)] = [
            ("Щука", "Shchuka"), ("ЩУКА", "SHCHUKA"), ("Ярослав ЯРОШЕНКО", "Yaroslav YAROSHENKO"),
            ("Ukraine’s ЗСУ", "Ukraine’s ZSU"), ("Юрій-Євген", "Yurii-Yevhen"), ("п'ятниця мʼясо сім`я", "piatnytsia miaso simia"),
            ("Андріи\u{0306}", "Andrii"), ("ёж, «Київ» 2024", "ёzh, «Kyiv» 2024"),
        ]
        for (cyrillic, latin) in cases {
            let result = try CLI.run(["translit", "--scheme", "kmu2010", cyrillic])
            XCTAssertEqual(result.status, 0)
            XCTAssertEqual(result.stdout, latin + "\n", cyrillic)
        }
        // Several words as separate arguments are joined with spaces; kmu2010 is the default scheme.
        XCTAssertEqual(try CLI.run(["translit", "Біла", "Церква"]).stdout, "Bila Tserkva\n")
    }

    func testOneOutputLinePerInputLine() throws {
        let result = try CLI.run(["translit"], stdin: "Київ\r\n\nЛьвів\nОдеса")
        XCTAssertEqual(result.status, 0)
        XCTAssertEqual(result.stdout, "Kyiv\r\n\nLviv\nOdesa")
    }

    func testOtherSchemes() throws {
        XCTAssertEqual(try CLI.run(["translit", "--scheme", "ru-simple", "Сергей Шойгу, Дмитрий Песков"]).stdout,
                       "Sergei Shoigu, Dmitry Peskov\n")
        XCTAssertEqual(try CLI.run(["translit", "--scheme", "ru-bgn"], stdin: "Сергей\nЩукин\n").stdout,
                       "Sergey\nShchukin\n")
        XCTAssertEqual(try CLI.run(["translit", "--scheme", "iso9", "Київ"]).stdout, "Kiïv\n")
    }

    func testListAndUnknownScheme() throws {
        let list = try CLI.run(["translit", "--list"])
        XCTAssertEqual(list.status, 0)
        for name in ["kmu2010", "ru-bgn", "ru-simple", "iso9"] {
            XCTAssertTrue(list.stdout.contains(name), name)
        }
        let unknown = try CLI.run(["translit", "--scheme", "kmu1996", "Київ"])
        XCTAssertEqual(unknown.status, 2)
        XCTAssertTrue(unknown.stderr.contains("unknown scheme 'kmu1996'"), unknown.stderr)
        XCTAssertTrue(unknown.stderr.contains("ru-simple"), unknown.stderr)
        XCTAssertEqual(unknown.stdout, "")
    }

    func testInvalidUTF8IsAnInputErrorWithByteOffset() throws {
        let result = try runWithFileInput(Data([0xD0, 0x9A, 0x0A, 0x61, 0xFF, 0x62, 0x0A]))
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("byte 4"), result.stderr)
        // Deep in a large block, which is split over the cores: the offset is still the absolute one.
        var large = Data(String(repeating: "Київ і Харків\n", count: 40_000).utf8)
        let offset = large.count - 100
        large[offset] = 0xFF
        let deep = try runWithFileInput(large)
        XCTAssertEqual(deep.status, 2)
        XCTAssertTrue(deep.stderr.contains("byte \(offset)"), deep.stderr)
    }

    /// Many lines across the reader's 1 MB chunks: every line out, each as expected.
    func testLargeStreamKeepsEveryLine() throws {
        let line = "Мар’їне — Короп’є, ЩУКА і Щука; Юрій-Євген Ярошенко у Згоранах.\n"
        let input = String(repeating: line, count: 30_000)  // about 3 MB
        let result = try runWithFileInput(Data(input.utf8))
        XCTAssertEqual(result.status, 0)
        let expected = "Marine — Koropie, SHCHUKA i Shchuka; Yurii-Yevhen Yaroshenko u Zghoranakh.\n"
        XCTAssertEqual(result.stdout, String(repeating: expected, count: 30_000))
    }

    /// Runs `tlumach translit` with standard input from a file (no pipe to fill while the output is unread).
    private func runWithFileInput(_ data: Data, arguments: [String] = ["translit"]) throws -> CLIResult {
        let directory = try CLI.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("input.txt")
        try data.write(to: file)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.standardInput = try FileHandle(forReadingFrom: file)
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        let exited = CLI.exitSignal(of: process)
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        exited.wait()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

final class TranslitGlossaryNamesCLITests: XCTestCase {
    /// Issue 10: in a folder with glossaries/, the scheme's official results, not glossary translations.
    func testTheSchemeByDefaultEvenBesideGlossaries() throws {
        let cases = [
            ("«Українські Новини»", "«Ukrainski Novyny»"),
            ("Автономна Республіка Крим", "Avtonomna Respublika Krym"),
            ("Верховна Рада України", "Verkhovna Rada Ukrainy"),
            ("у Києві", "u Kyievi"),
            ("вулиця Героїв Маріуполя", "vulytsia Heroiv Mariupolia"),
            ("Зеленський", "Zelenskyi"),
        ]
        for (input, expected) in cases {
            let result = try CLI.run(["translit", "--scheme", "kmu2010", input])
            XCTAssertEqual(result.status, 0, result.stderr)
            XCTAssertEqual(result.stdout, expected + "\n", input)
        }
        let stream = try CLI.run(["translit"], stdin: "Зеленський\nу Києві\n")
        XCTAssertEqual(stream.stdout, "Zelenskyi\nu Kyievi\n")
    }

    func testGlossaryNamesOnRequestForWholePeoplesNamesOnly() throws {
        let result = try CLI.run(["translit", "--names", "glossary", "Володимир Зеленський і Шойгу, Зеленського у Києві, Крим"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Volodymyr Zelenskyy i Shoigu, Zelenskoho u Kyievi, Krym\n")
        let stream = try CLI.run(["translit", "--names", "glossary"], stdin: "Зеленський\nМар’їне, Шойгу\n«Українські Новини»\n")
        XCTAssertEqual(stream.status, 0, stream.stderr)
        XCTAssertEqual(stream.stdout, "Zelenskyy\nMarine, Shoigu\n«Ukrainski Novyny»\n")
    }

    func testConfiguredNamesAndBrokenSettingsFile() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let config = directory.appendingPathComponent(".tlumach.yml")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("glossaries"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: CLI.packageRoot.appendingPathComponent("glossaries/news-war.yaml"),
            to: directory.appendingPathComponent("glossaries/news-war.yaml"))
        try "translit:\n  names: glossary\n".write(to: config, atomically: true, encoding: .utf8)
        XCTAssertEqual(try CLI.run(["translit", "Зеленський"], in: directory).stdout, "Zelenskyy\n")
        XCTAssertEqual(try CLI.run(["translit", "--names", "scheme", "Зеленський"], in: directory).stdout, "Zelenskyi\n")
        // Issue 11: a broken settings file stops translit as it stops every other command, naming the line.
        for (text, line) in [("glosaries: glossaries\n", 1), ("translit:\n  names: glossary\nchek:\n  fail-on: error\n", 3), ("translit:\n  names: glosary\n", 2)] {
            try text.write(to: config, atomically: true, encoding: .utf8)
            let broken = try CLI.run(["translit", "Зеленський"], in: directory)
            XCTAssertEqual(broken.status, 2, text)
            XCTAssertTrue(broken.stderr.contains(".tlumach.yml:\(line)"), broken.stderr)
            XCTAssertEqual(broken.stdout, "")
        }
    }

    func testNoGlossaryAndNoDefaultGlossaryUseTheScheme() throws {
        let off = try CLI.run(["translit", "--no-glossary", "Зеленський", "Шойгу"])
        XCTAssertEqual(off.status, 0, off.stderr)
        XCTAssertEqual(off.stdout, "Zelenskyi Shoihu\n")
        let empty = try CLI.temporaryDirectory(for: self)
        let none = try CLI.run(["translit", "Зеленський"], in: empty)
        XCTAssertEqual(none.status, 0, none.stderr)
        XCTAssertEqual(none.stdout, "Zelenskyi\n")
        XCTAssertEqual(none.stderr, "")
        let letterForLetter = try CLI.run(["translit", "--scheme", "iso9", "Зеленський"]).stdout
        XCTAssertTrue(letterForLetter.hasPrefix("Zelens") && letterForLetter != "Zelenskyy\n", letterForLetter)
        let named = try CLI.run(["translit", "--scheme", "iso9", "--glossary", "glossaries", "Зеленський"])
        XCTAssertEqual(named.stdout, "Zelenskyy\n", named.stderr)
        // Names asked for where there is no glossary: an input error, not a silent scheme.
        XCTAssertEqual(try CLI.run(["translit", "--names", "glossary", "Зеленський"], in: empty).status, 2)
    }

    func testNamedGlossaryAndBadGlossary() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("names.yaml")
        try """
            concepts:
              - id: kuleba
                subject: people
                terms:
                  uk: [{text: Кулеба, type: properNoun}]
                  en: [{text: Kuleba, type: properNoun}]
              - id: odesa
                subject: places
                terms:
                  uk: [{text: Одеса, type: properNoun}]
                  en: [{text: Odessa-on-Sea, type: properNoun}]
            """.write(to: file, atomically: true, encoding: .utf8)
        let named = try CLI.run(["translit", "--glossary", file.path, "Одеса", "Кулеба", "Зеленський"])
        XCTAssertEqual(named.status, 0, named.stderr)
        // Only the named glossary's people: Одеса is a place, Зеленський is not in it.
        XCTAssertEqual(named.stdout, "Odesa Kuleba Zelenskyi\n")
        let missing = try CLI.run(["translit", "--glossary", directory.appendingPathComponent("none.yaml").path, "Київ"])
        XCTAssertEqual(missing.status, 2)
        let both = try CLI.run(["translit", "--glossary", file.path, "--no-glossary", "Київ"])
        XCTAssertEqual(both.status, 2)
    }
}
