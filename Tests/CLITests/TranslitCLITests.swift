import Foundation
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
        try process.run()
        let outData = output.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIResult(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

final class TranslitGlossaryNamesCLITests: XCTestCase {
    func testDefaultGlossarySpellsKnownNames() throws {
        let result = try CLI.run(["translit", "Володимир Зеленський і Шойгу, Зеленського"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "Volodymyr Zelenskyy i Shoigu, Zelenskyy\n")
        let stream = try CLI.run(["translit"], stdin: "Зеленський\nМар’їне, Шойгу\n")
        XCTAssertEqual(stream.status, 0, stream.stderr)
        XCTAssertEqual(stream.stdout, "Zelenskyy\nMarine, Shoigu\n")
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
        // ISO 9 stays letter for letter unless a glossary is named.
        let letterForLetter = try CLI.run(["translit", "--scheme", "iso9", "--no-glossary", "Зеленський"]).stdout
        XCTAssertTrue(letterForLetter.hasPrefix("Zelens") && letterForLetter != "Zelenskyy\n", letterForLetter)
        XCTAssertEqual(try CLI.run(["translit", "--scheme", "iso9", "Зеленський"]).stdout, letterForLetter)
        let named = try CLI.run(["translit", "--scheme", "iso9", "--glossary", "glossaries", "Зеленський"])
        XCTAssertEqual(named.stdout, "Zelenskyy\n", named.stderr)
    }

    func testNamedGlossaryAndBadGlossary() throws {
        let directory = try CLI.temporaryDirectory(for: self)
        let file = directory.appendingPathComponent("names.yaml")
        try """
            concepts:
              - id: kuleba
                terms:
                  uk: [{text: Кулеба, type: properNoun}]
                  en: [{text: Kuleba, type: properNoun}]
              - id: kyiv
                terms:
                  uk: [{text: Київ, type: properNoun}]
                  en: [{text: Kyiv, type: properNoun}, {text: Kiev, type: properNoun, status: forbidden}]
              - id: odesa
                terms:
                  uk: [{text: Одеса, type: properNoun}]
                  en: [{text: Odessa-on-Sea, type: properNoun}]
            """.write(to: file, atomically: true, encoding: .utf8)
        let named = try CLI.run(["translit", "--glossary", file.path, "Одесі", "Зеленський"])
        XCTAssertEqual(named.status, 0, named.stderr)
        // Only the named glossary: Зеленський is not in it.
        XCTAssertEqual(named.stdout, "Odessa-on-Sea Zelenskyi\n")
        let missing = try CLI.run(["translit", "--glossary", directory.appendingPathComponent("none.yaml").path, "Київ"])
        XCTAssertEqual(missing.status, 2)
        let both = try CLI.run(["translit", "--glossary", file.path, "--no-glossary", "Київ"])
        XCTAssertEqual(both.status, 2)
    }
}
