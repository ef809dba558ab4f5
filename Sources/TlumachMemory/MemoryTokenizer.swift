import ICU
import TlumachCore
import TlumachText

/// Reduces a case-folded word to its stem, so inflected forms compare equal ("штабу", "штабом" → "штаб").
public protocol MemoryStemmer: Sendable {
    /// A short name stored in the memory: when it changes, the memory's stem index is rebuilt.
    var identifier: String { get }
    func stem(_ foldedWord: String) -> String
}

/// The fallback when no stemmer exists for a language: every word is its own stem, so the stem score equals the
/// word score.
public struct IdentityStemmer: MemoryStemmer {
    public init() {}
    public var identifier: String { "identity" }
    public func stem(_ foldedWord: String) -> String { foldedWord }
}

/// What the memory compares: the word tokens of a segment (ICU word break, NFKC case-folded, apostrophes unified,
/// stress marks dropped), which of them are numbers, and their stems.
public struct SegmentAnalysis: Sendable, Hashable {
    public var words: [String]
    public var stems: [String]
    /// Indices into `words` of the number tokens.
    public var numberIndices: [Int]

    public var numbers: [String] { numberIndices.map { words[$0] } }
}

/// Turns segment text into comparison tokens for one language. Reusable across threads.
public final class MemoryTokenizer: Sendable {
    public let language: String
    public let stemmer: any MemoryStemmer
    private let words: BreakIterator
    var pieceIterator: BreakIterator { words }
    /// The language's word break is ICU's root rules, so `FastWordBreak` may stand in for ICU on the text it covers.
    let usesFastWordBreak: Bool

    public init(language: String, stemmer: (any MemoryStemmer)? = nil) throws {
        self.language = language
        self.stemmer = stemmer ?? MemoryStemmers.stemmer(for: language)
        usesFastWordBreak = FastWordBreak.applies(toLocale: TMXLocale.icuLocale(language))
        do {
            words = try BreakIterator(.word, locale: TMXLocale.icuLocale(language))
        } catch {
            throw InputError(path: "<memory>", message: "cannot tokenise \(language): \(error)")
        }
    }

    /// Word tokens of `text` (numbers included), folded for caseless comparison.
    public func analyze(_ text: String) -> SegmentAnalysis {
        var noCache: StemCache? = nil
        return analyze(text, cache: &noCache)
    }

    /// `analyze` with a cache of stems owned by the calling thread: words repeat (Zipf), stemming each again is
    /// most of the cost of tokenising a large import.
    func analyze(_ text: String, cache: inout StemCache?) -> SegmentAnalysis {
        var result = SegmentAnalysis(words: [], stems: [], numberIndices: [])
        guard !text.isEmpty else { return result }
        let folded = Self.comparisonForm(text)
        var scratch: [UInt8] = []
        folded.withUnsafeBufferPointer { buffer in
            try? words.forEachSegment(utf16: buffer) { segment in
                guard segment.isWordLike else { return }
                let word = Self.string(UnsafeBufferPointer(rebasing: buffer[segment.range]), scratch: &scratch)
                if segment.isNumber { result.numberIndices.append(result.words.count) }
                result.words.append(word)
            }
        }
        // numberIndices ascend: one pointer walks them (a search per word was quadratic on number-heavy lines).
        var nextNumber = 0
        result.stems = result.words.enumerated().map { index, word in
            if nextNumber < result.numberIndices.count && result.numberIndices[nextNumber] == index {
                nextNumber += 1
                return word
            }
            guard cache != nil else { return stemmer.stem(word) }
            return cache?.stem(word, with: stemmer) ?? stemmer.stem(word)
        }
        return result
    }

    /// UTF-16 to String through UTF-8 by hand: the generic transcoding initialiser is several times slower, and
    /// tokenising spends most of its time making word strings.
    static func string(_ units: UnsafeBufferPointer<UInt16>, scratch: inout [UInt8]) -> String {
        utf8(units, into: &scratch)
        return String(decoding: scratch, as: UTF8.self)
    }

    /// The UTF-8 bytes of `units` in `scratch` (replacing its contents).
    static func utf8(_ units: UnsafeBufferPointer<UInt16>, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var index = 0
        while index < units.count {
            let unit = UInt32(units[index])
            index += 1
            if unit < 0x80 {
                scratch.append(UInt8(unit))
            } else if unit < 0x800 {
                scratch.append(UInt8(0xC0 | unit >> 6))
                scratch.append(UInt8(0x80 | unit & 0x3F))
            } else if unit & 0xFC00 == 0xD800, index < units.count, units[index] & 0xFC00 == 0xDC00 {
                let scalar = 0x10000 + ((unit & 0x3FF) << 10 | UInt32(units[index]) & 0x3FF)
                index += 1
                scratch.append(UInt8(0xF0 | scalar >> 18))
                scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
                scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | scalar & 0x3F))
            } else {
                // A lone surrogate becomes U+FFFD, as String(decoding:) would make it.
                let scalar = unit & 0xF800 == 0xD800 ? 0xFFFD : unit
                scratch.append(UInt8(0xE0 | scalar >> 12))
                scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
                scratch.append(UInt8(0x80 | scalar & 0x3F))
            }
        }
    }

    /// NFKC case folding (which also drops default-ignorable characters such as soft hyphens), then the spellings
    /// that vary without changing the word made uniform: every apostrophe becomes U+0027 and stress marks go.
    static func comparisonForm(_ text: String) -> [UInt16] {
        var source = Array(text.utf16)
        var folded: [UInt16] =
            (try? source.withUnsafeMutableBufferPointer { buffer in
                try Normalizer.nfkcCasefold.normalize(utf16: UnsafeBufferPointer(buffer))
            }) ?? source
        source = []
        var write = 0
        for read in folded.indices {
            let unit = folded[read]
            switch unit {
            case 0x2019, 0x02BC, 0x2018, 0x0060, 0x00B4, 0x02B9, 0xFF07: folded[write] = 0x27
            case 0x0301: continue  // combining acute: Ukrainian stress mark
            default: folded[write] = unit
            }
            write += 1
        }
        folded.removeLast(folded.count - write)
        return folded
    }
}

/// Maps TMX language tags to ICU locale IDs.
enum TMXLocale {
    static func icuLocale(_ tag: String) -> String {
        tag.replacingOccurrences(of: "-", with: "_")
    }
}

/// The stemmer used for each language: TlumachText's light Ukrainian stemmer (inflectional endings only, which
/// also folds the common Russian adjective endings) for uk and ru, Porter2 for en, none for other languages.
public enum MemoryStemmers {
    public static func stemmer(for language: String) -> any MemoryStemmer {
        switch language.lowercased().prefix(2) {
        case "uk", "ru": UkrainianMemoryStemmer()
        case "en": EnglishMemoryStemmer()
        default: IdentityStemmer()
        }
    }
}

public struct UkrainianMemoryStemmer: MemoryStemmer {
    public init() {}
    public var identifier: String { "uk-light-1" }
    public func stem(_ foldedWord: String) -> String {
        // The stemmer expects words without apostrophes (п'ять → пять).
        if foldedWord.utf8.contains(0x27) {
            return UkrainianStemmer.stem(String(foldedWord.unicodeScalars.filter { $0 != "'" }))
        }
        return UkrainianStemmer.stem(foldedWord)
    }
}

public struct EnglishMemoryStemmer: MemoryStemmer {
    public init() {}
    public var identifier: String { "en-porter2-1" }
    public func stem(_ foldedWord: String) -> String { EnglishStemmer.stem(foldedWord) }
}

/// Stems already computed, for one thread's use; bounded so a huge vocabulary cannot grow it without limit.
struct StemCache {
    private var stems: [TokenKey: String] = [:]
    private let capacity = 500_000

    mutating func stem(_ word: String, with stemmer: any MemoryStemmer) -> String {
        let key = TokenKey(word)
        if let known = stems[key] { return known }
        let stem = stemmer.stem(word)
        if stems.count >= capacity { stems.removeAll(keepingCapacity: true) }
        stems[key] = stem
        return stem
    }
}
