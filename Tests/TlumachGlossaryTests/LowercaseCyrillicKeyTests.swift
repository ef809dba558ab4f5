import Foundation
@testable import TlumachGlossary
import XCTest

/// The scan keys lower-case Cyrillic words straight from their bytes: it must give exactly the general path's symbols.
final class LowercaseCyrillicKeyTests: XCTestCase {
    func testBytePathAgreesWithTheGeneralPath() throws {
        // The byte path is only taken when no term wants lower-case exact keys (the shipped рф does): the shipped
        // glossaries without such terms.
        let shipped = try Glossary.load(paths: [Support.packageRoot.appendingPathComponent("glossaries").path])
        XCTAssertTrue(try TermMatcher(glossary: shipped).lowercaseExact)
        let glossary = Glossary(concepts: shipped.concepts.map { concept in
            var concept = concept
            concept.terms = concept.terms.mapValues { terms in
                terms.filter { $0.match != .exact || $0.text.unicodeScalars.contains { $0.properties.isUppercase } }
            }
            return concept
        })
        let matcher = try TermMatcher(glossary: glossary)
        XCTAssertTrue(matcher.needsExact)
        XCTAssertFalse(matcher.lowercaseExact)
        var words = ["україни", "україна", "збройних", "сил", "м’ясо", "м'ясо", "мʼясо", "окупантів", "росії", "росія",
                     "ґудзь", "ёлка", "їжак", "київ", "києві", "бахмута", "держави-агресора", "сво", "рф", "шойгу"]
        var generator = SystemRandomNumberGenerator()
        let letters = Array("абвгґдеєжзиіїйклмнопрстуфхцчшщьюяёыэъ")
        let apostrophes = ["'", "’", "ʼ", "`", "´", "‘", "ʹ", "′"]
        for _ in 0..<3000 {
            var word = String((0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! })
            if word.count > 2 && Bool.random(using: &generator) {
                word.insert(contentsOf: apostrophes.randomElement(using: &generator)!, at: word.index(after: word.startIndex))
            }
            words.append(word)
        }
        // Every glossary word in lower case, so words that do have symbols are compared too.
        for concept in glossary.concepts {
            for terms in concept.terms.values {
                for term in terms { words += TermMatcher.patternWords(term.text.lowercased()).filter { $0 != "-" } }
            }
        }
        var withSymbols = 0
        for word in words {
            var text = word
            // Only words the tokenizer reports as one lower-case Cyrillic word take the byte path.
            var isPlain = false
            text.withUTF8 { bytes in
                TextTokens.forEach(bytes: bytes) { token, range, _ in
                    if case .word(_, let prefix) = token, range == 0..<bytes.count, prefix >= 0, prefix & (1 << 30) == 0 {
                        isPlain = true
                    }
                }
            }
            guard isPlain else { continue }
            let fast = text.withUTF8 { matcher.symbolsForLowercaseCyrillic($0) }
            let general = matcher.symbolsFor(word)
            XCTAssertEqual(fast.symbols, general.symbols, word)
            XCTAssertEqual(fast.homoglyph, general.homoglyph, word)
            if !fast.symbols.isEmpty { withSymbols += 1 }
        }
        XCTAssertGreaterThan(withSymbols, 100)
    }
}
