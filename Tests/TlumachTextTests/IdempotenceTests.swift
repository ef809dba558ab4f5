import TlumachCore
import TlumachTestSupport
import XCTest

@testable import TlumachText

/// Property tests over generated text: normalising twice equals normalising once, the fast scan never calls
/// text clean that the rules would change, and nothing a rule may not touch is lost.
final class IdempotenceTests: XCTestCase {
    /// Fragments chosen to make the rules meet: quotes next to dashes, apostrophes next to quotes, look-alikes,
    /// spaces of every kind, code and URLs.
    static let fragments = [
        "Київ", "м'ясо", "п’ять", "мʼясо", "Kиїв", "Мiнiстерство", "Ukrаine", "Ukraine's", "iPhone", "COVID-19",
        "слово", "word", "the", "2020", "24", "-", "--", "–", "—", "\"", "'", "«", "»", "„", "“", "”", "‘", "’", "`",
        " ", " ", " ", "  ", "\u{A0}", "\u{202F}", "\u{2009}", "\t", "\n", "\n\n", "\r\n", ".", ",", ":", "(", ")",
        "\u{200B}", "\u{00AD}", "\u{FEFF}", "и\u{0306}", "e\u{0301}", "👩\u{200D}💻", "https://x.ua/a-b", "a@b.ua",
        "`код - \"x\"`", "\n```\n\"raw\"  - 1\n```\n", "# Заголовок", "- пункт", "ы", "ё", "і", "ї", "км", "№", "%",
        "Він сказав", "He said", "т. зв.", "м.", "<b>", "</a>", "<a href=\"x\">", "---\n", "<", "%s", " of ", "is.", "TRAP", "%'d", "%-5s",
    ]

    /// More iterations on demand: TLUMACH_PROPERTY_ITERATIONS=100000 swift test --filter IdempotenceTests. Else 4,000
    /// with TLUMACH_LONG_TESTS=1 and 1,000 (the first quarter of the same sequence) by default.
    static let iterations = Int(ProcessInfo.processInfo.environment["TLUMACH_PROPERTY_ITERATIONS"] ?? "")
        ?? LongTests.count(long: 4000, short: 1000)
    static let seed = SeededGenerator.propertySeed(standard: 2024)

    static func sample(_ generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int(generator.next() % 40) { text += generator.pick(fragments) }
        return text
    }

    func testNormalisingTwiceChangesNothing() throws {
        let normalizer = try ArticleNormalizer()
        var generator = SeededGenerator(seed: Self.seed)
        for iteration in 0..<Self.iterations {
            let text = Self.sample(&generator)
            let once = normalizer.normalize(text)
            let twice = normalizer.normalize(once.text)
            if !twice.changes.isEmpty {
                XCTFail("iteration \(iteration): \(text.debugDescription) → \(once.text.debugDescription) → \(twice.text.debugDescription) \(twice.changes.map { "\($0.rule): \($0.original.debugDescription) → \($0.replacement.debugDescription)" })")
                return
            }
        }
    }

    func testEveryLanguageAndApostropheSettingIsIdempotent() throws {
        var generator = SeededGenerator(seed: 7)
        for language in [Language.uk, .en, .ru] {
            for apostrophe in ApostropheStyle.allCases {
                let normalizer = try ArticleNormalizer(options: NormalizerOptions(language: language, apostrophe: apostrophe, englishDash: .spaced))
                for _ in 0..<LongTests.count(long: 400, short: 100) {
                    let text = Self.sample(&generator)
                    let once = normalizer.normalize(text).text
                    let twice = normalizer.normalize(once)
                    XCTAssertEqual(twice.changes.map { "\($0.rule): \($0.original.debugDescription) → \($0.replacement.debugDescription) @\($0.position)" }, [], "\(language) \(apostrophe): \(text.debugDescription) → \(once.debugDescription) → \(twice.text.debugDescription)")
                }
            }
        }
    }

    /// The fast path must agree with the rules: when the scan calls a paragraph clean, the rules change nothing.
    func testFastScanNeverMissesAChange() throws {
        let normalizer = try ArticleNormalizer()
        var generator = SeededGenerator(seed: Self.seed &+ 99)
        for _ in 0..<Self.iterations {
            let text = Self.sample(&generator)
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                var position = 0
                var state = DocumentState()
                while position < buffer.count {
                    let block = Blocks.next(in: buffer, from: position)
                    defer { position = block.range.upperBound }
                    guard block.kind == .paragraph else { continue }
                    let scan = FastScan.run(buffer, block.range, classes: normalizer.classes, apostrophe: "\u{2019}")
                    let paragraph = String(decoding: buffer[block.range], as: UTF8.self)
                    let language = state.resolve(scan.evidence, commit: true)
                    if !scan.needsWork && scan.quotesAreCanonical(for: language) {
                        let alone = try? ArticleNormalizer(options: NormalizerOptions(language: language)).normalize(paragraph)
                        XCTAssertEqual(alone?.changes.map(\.summary) ?? [], [], paragraph.debugDescription)
                    }
                }
            }
        }
    }
}
