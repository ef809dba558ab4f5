import TlumachCore

/// A byte-level tokeniser for the text most of a Ukrainian–English memory is made of: ASCII, the basic Cyrillic block
/// (U+0400–U+045F, Ґ ґ), digits, spaces and common punctuation. It gives exactly the words `MemoryTokenizer` gets from
/// ICU (NFKC case folding, apostrophes unified, then UAX #29 word break with ICU's root rules) — proved by
/// `FastWordBreakTests` against ICU on generated and real text — and gives up (returns false) on anything else, which
/// then goes through ICU. Profiling showed folding and word break through ICU costing about a third of an import's
/// parsing thread; on this subset they are a table lookup per byte.
enum FastWordBreak {
    /// Languages whose ICU word break is the root rules (no tailoring), so the fast path may stand in for it.
    static func applies(toLocale locale: String) -> Bool {
        guard !locale.lowercased().contains("posix") else { return false }  // en_US_POSIX tailors "." between letters
        let primary = LanguageTag.primary(locale)
        return primary == "uk" || primary == "en" || primary == "ru"
    }

    private enum Kind: UInt8 {
        case letter, digit
        /// Apostrophes (every one becomes U+0027) and ".": join letters to letters and digits to digits (MidNumLet).
        case midNumLet
        /// "," and ";": join digits to digits only (MidNum).
        case midNum
        /// Breaks on both sides, never part of a word.
        case separator
        /// ":": MidLetter in Unicode, not in ICU's root rules; between word characters the fast path defers to ICU.
        case unsure
    }

    /// Appends the words of `text` to `result` (which must be empty); false when `text` needs ICU (then `result` holds
    /// garbage and must be discarded).
    static func words(_ text: String, into result: inout SegmentWords) -> Bool {
        var text = text
        return text.withUTF8 { words(utf8: $0, into: &result) }
    }

    static func words(utf8 input: UnsafeBufferPointer<UInt8>, into result: inout SegmentWords) -> Bool {
        let count = input.count
        // Folded words are never longer than the text, and average more than four bytes.
        result.bytes.reserveCapacity(count)
        result.ends.reserveCapacity(count / 4 + 1)
        result.isNumber.reserveCapacity(count / 4 + 1)
        var index = 0
        var inToken = false
        var tokenKind = Kind.letter
        // A MidNumLet or MidNum seen right after a token character: it joins only if the same kind follows.
        var pendingMid: Kind? = nil
        var pendingByte: UInt8 = 0
        // Folded UTF-8 of the current character (at most two bytes in this subset).
        var first: UInt8 = 0
        var second: UInt8 = 0
        var width = 0

        @inline(__always) func endToken() {
            if inToken {
                result.ends.append(result.bytes.count)
                result.isNumber.append(tokenKind == .digit)
                inToken = false
            }
            pendingMid = nil
        }

        while index < count {
            let byte = input[index]
            let kind: Kind
            if byte < 0x80 {
                index += 1
                switch byte {
                case 0x61...0x7A:
                    kind = .letter
                    first = byte
                    width = 1
                case 0x41...0x5A:
                    kind = .letter
                    first = byte | 0x20
                    width = 1
                case 0x40:  // ICU's rules count "@" as a letter (for e-mail addresses)
                    kind = .letter
                    first = byte
                    width = 1
                case 0x30...0x39:
                    kind = .digit
                    first = byte
                    width = 1
                case 0x27, 0x60:  // ' and ` (comparisonForm makes ` an apostrophe)
                    kind = .midNumLet
                    first = 0x27
                case 0x2E:
                    kind = .midNumLet
                    first = 0x2E
                case 0x2C, 0x3B:
                    kind = .midNum
                    first = byte
                case 0x3A:
                    kind = .unsure
                case 0x5F:
                    return false  // "_" (ExtendNumLet) joins even at the start of a word
                case 0x20, 0x09, 0x0A, 0x0D, 0x21...0x26, 0x28...0x2B, 0x2D, 0x2F, 0x3C...0x3F, 0x5B...0x5E, 0x7B...0x7E:
                    kind = .separator
                default:
                    return false  // other controls
                }
            } else {
                guard index + 1 < count else { return false }
                let next = input[index + 1]
                switch (byte, next) {
                case (0xD0, 0x80...0x8F):  // Ѐ–Џ → ѐ–џ (U+0450–U+045F)
                    kind = .letter
                    first = 0xD1
                    second = next &+ 0x10
                case (0xD0, 0x90...0x9F):  // А–П → а–п
                    kind = .letter
                    first = 0xD0
                    second = next &+ 0x20
                case (0xD0, 0xA0...0xAF):  // Р–Я → р–я (U+0440–U+044F)
                    kind = .letter
                    first = 0xD1
                    second = next &- 0x20
                case (0xD0, 0xB0...0xBF), (0xD1, 0x80...0x9F), (0xD2, 0x91):  // а–п, р–џ, ґ
                    kind = .letter
                    first = byte
                    second = next
                case (0xD2, 0x90):  // Ґ → ґ
                    kind = .letter
                    first = 0xD2
                    second = 0x91
                case (0xCA, 0xBC):  // ʼ modifier letter apostrophe → '
                    kind = .midNumLet
                    first = 0x27
                case (0xC2, 0xA0), (0xC2, 0xAB), (0xC2, 0xBB):  // no-break space (NFKC: space), « »
                    kind = .separator
                case (0xE2, 0x80):
                    guard index + 2 < count else { return false }
                    switch input[index + 2] {
                    case 0x98, 0x99:  // ‘ ’ → '
                        kind = .midNumLet
                        first = 0x27
                    case 0x93, 0x94, 0x9C, 0x9D, 0x9E:  // – — “ ” „
                        kind = .separator
                    default:
                        return false
                    }
                    index += 1
                default:
                    return false
                }
                index += 2
                width = 2
            }

            switch kind {
            case .letter, .digit:
                if inToken {
                    if let mid = pendingMid {
                        // Letter-mid-letter joins for MidNumLet; digit-mid-digit for MidNumLet and MidNum.
                        let joins = kind == tokenKind && (mid == .midNumLet || kind == .digit)
                        if joins {
                            result.bytes.append(pendingByte)
                            pendingMid = nil
                        } else {
                            endToken()
                            inToken = true
                            tokenKind = kind
                        }
                    } else if kind != tokenKind {
                        return false  // letters and digits in one word: ICU's rule status is not modelled
                    }
                } else {
                    inToken = true
                    tokenKind = kind
                }
                result.bytes.append(first)
                if width == 2 { result.bytes.append(second) }
            case .midNumLet, .midNum:
                if inToken && pendingMid == nil {
                    pendingMid = kind
                    pendingByte = first
                } else {
                    endToken()
                }
            case .separator:
                endToken()
            case .unsure:
                if inToken { return false }
                // Not after a word character: a break on both sides whatever follows.
            }
        }
        endToken()
        return true
    }
}
