import TlumachCore
import TlumachText

/// A sentence of an input text with the 1-based line it starts on.
public struct NumberedSentence: Sendable, Equatable {
    public var text: String
    public var line: Int

    public init(_ text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// Splits the texts to align into sentences.
public enum AlignmentInput {
    /// One sentence per line (`--presegmented`): blank lines are skipped, each sentence keeps its line number.
    public static func presegmented(_ text: String) -> [NumberedSentence] {
        var sentences: [NumberedSentence] = []
        var lineNumber = 0
        for line in Self.lines(text) {
            lineNumber += 1
            let trimmed = String(String.UnicodeScalarView(line)).trimmingWhitespace()
            if !trimmed.isEmpty { sentences.append(NumberedSentence(trimmed, line: lineNumber)) }
        }
        return sentences
    }

    /// Lines split at LF (a CRLF file keeps its CR at the line end, trimmed later), numbered as editors do.
    static func lines(_ text: String) -> [Substring.UnicodeScalarView] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// Running text: each line (paragraph) is split into sentences; sentences never cross a line break.
    public static func segment(_ text: String, language: Language) throws -> [NumberedSentence] {
        let splitter = try SentenceSplitter(language: language)
        var sentences: [NumberedSentence] = []
        var lineNumber = 0
        for line in Self.lines(text) {
            lineNumber += 1
            let paragraph = String(String.UnicodeScalarView(line)).trimmingWhitespace()
            guard !paragraph.isEmpty else { continue }
            for sentence in try splitter.sentences(paragraph) {
                sentences.append(NumberedSentence(sentence, line: lineNumber))
            }
        }
        return sentences
    }
}

/// The sentence segmenter behind the aligner: the project segmenter (ICU sentence break plus the abbreviation lists
/// of TlumachText, so "р.", "тис." or "Mr." do not end a sentence).
struct SentenceSplitter {
    private let segmenter: SentenceSegmenter

    init(language: Language) throws {
        segmenter = try SentenceSegmenter(language: language)
    }

    func sentences(_ paragraph: String) throws -> [String] {
        try segmenter.sentences(in: paragraph).map { $0.text.trimmingWhitespace() }.filter { !$0.isEmpty }
    }
}

extension StringProtocol {
    /// Drops leading and trailing white space (including no-break spaces) and a carriage return.
    func trimmingWhitespace() -> String {
        let scalars = Array(unicodeScalars)
        var start = 0
        var end = scalars.count
        while start < end, scalars[start].properties.isWhitespace { start += 1 }
        while end > start, scalars[end - 1].properties.isWhitespace { end -= 1 }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars[start..<end])
        return result
    }
}
