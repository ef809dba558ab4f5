/// Case shapes of words: checking a term's casing rule and carrying a word's case over to its replacement.
package enum CasePattern {
    enum Shape { case upper, title, lower, mixed }

    static func shape(_ word: Substring) -> Shape {
        let letters = word.filter { $0.isLetter }
        guard let first = letters.first else { return .mixed }
        if letters.count >= 2 && letters.allSatisfy({ $0.isUppercase }) { return .upper }
        if letters.allSatisfy({ $0.isLowercase }) { return .lower }
        if first.isUppercase && letters.dropFirst().allSatisfy({ !$0.isUppercase }) { return .title }
        if letters.count == 1 && first.isUppercase { return .title }
        return .mixed
    }

    static func words(_ text: String) -> [Substring] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "-" || $0 == "\u{2011}" })
    }

    /// Whether `surface` follows the term's casing rule. All-capital text (headlines) passes any rule; a sentence
    /// may start with a capital even under the lower-case rule.
    package static func follows(_ surface: String, term: Term, sentenceStart: Bool) -> Bool {
        switch term.casing {
        case .any:
            return true
        case .lower:
            let surfaceWords = words(surface)
            if surfaceWords.count > 1 && surfaceWords.allSatisfy({ shape($0) == .upper }) { return true }
            for (index, word) in surfaceWords.enumerated() {
                let wordShape = shape(word)
                if wordShape == .lower { continue }
                if index == 0 && sentenceStart && wordShape == .title { continue }
                return false
            }
            return true
        case .exact:
            let surfaceWords = words(surface)
            let termWords = words(term.text)
            guard surfaceWords.count == termWords.count else { return true }
            if surfaceWords.allSatisfy({ shape($0) == .upper }) && surface.count > 3 { return true }
            for (index, (word, termWord)) in zip(surfaceWords, termWords).enumerated() {
                let expected = shape(termWord)
                let actual = shape(word)
                if expected == actual || expected == .mixed { continue }
                if expected == .lower && actual == .title && index == 0 && sentenceStart { continue }
                return false
            }
            return true
        }
    }

    /// `replacement` written with the case pattern of `surface` where the term's casing allows: KIEV → KYIV;
    /// Kiev → Kyiv; a common word keeps the capital of a sentence start.
    package static func carry(from surface: String, to replacement: String, casing: Casing, sentenceStart: Bool) -> String {
        let surfaceWords = words(surface)
        if surfaceWords.allSatisfy({ shape($0) == .upper }) && surface.filter(\.isLetter).count >= 2 {
            return replacement.uppercased()
        }
        switch casing {
        case .exact:
            return replacement
        case .lower:
            return sentenceStart ? capitalizingFirst(replacement) : replacement.lowercased()
        case .any:
            if let first = surface.first(where: \.isLetter), first.isUppercase { return capitalizingFirst(replacement) }
            return replacement
        }
    }

    /// `surface` rewritten to follow the term's casing rule (kyiv → Kyiv; Russia → russia under house style).
    package static func applyCasing(of term: Term, to surface: String, sentenceStart: Bool) -> String {
        switch term.casing {
        case .any:
            return surface
        case .lower:
            let lowered = surface.lowercased()
            return sentenceStart ? capitalizingFirst(lowered) : lowered
        case .exact:
            let termWords = words(term.text)
            var result = ""
            var wordIndex = 0
            // Walk the surface, reshaping each word like the term's word in the same place.
            var current = ""
            func flush() {
                guard !current.isEmpty else { return }
                if wordIndex < termWords.count {
                    switch shape(termWords[wordIndex]) {
                    case .upper: current = current.uppercased()
                    case .title: current = capitalizingFirst(current.lowercased())
                    case .lower: current = (wordIndex == 0 && sentenceStart) ? current : current.lowercased()
                    case .mixed: break
                    }
                }
                result += current
                current = ""
                wordIndex += 1
            }
            for character in surface {
                if character.isWhitespace || character == "-" || character == "\u{2011}" {
                    flush()
                    result.append(character)
                } else {
                    current.append(character)
                }
            }
            flush()
            return result
        }
    }

    static func capitalizingFirst(_ text: String) -> String {
        guard let first = text.first else { return text }
        return first.uppercased() + text.dropFirst()
    }
}
