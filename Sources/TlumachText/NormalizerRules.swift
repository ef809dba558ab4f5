import ICU

/// The built-in rules. Each returns the edits it wants on the paragraph's current text; `ParagraphWork.apply`
/// drops edits that touch protected spans.
struct Rules {
    let normalizer: ArticleNormalizer
    /// The class table, held here so hot loops do not go through the lazy global each time.
    let table = classTable
    typealias Edit = ParagraphWork.Edit

    init(normalizer: ArticleNormalizer) { self.normalizer = normalizer }

    @inline(__always) func classOf(_ scalar: Unicode.Scalar) -> CharacterClass {
        scalar.value < 0x10000 ? table[Int(scalar.value)] : CharacterClass(of: scalar)
    }

    @inline(__always) func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        classOf(scalar).contains(.letter) && !isApostropheVariant(scalar)
    }

    @inline(__always) func isDigit(_ scalar: Unicode.Scalar) -> Bool { classOf(scalar).contains(.digit) }

    /// The no-break and fixed-width spaces the no-break space policy governs.
    static func isSpecialSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xA0, 0x202F, 0x2007, 0x2000...0x200A, 0x205F, 0x3000: return true
        default: return false
        }
    }

    static func isHorizontalSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || isSpecialSpace(scalar) }

    // MARK: Unicode

    func lineEndings(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        for index in s.indices where s[index] == "\r" {
            if index + 1 < s.count && s[index + 1] == "\n" {
                edits.append(Edit(range: index..<(index + 2), replacement: ["\n"], rule: "line-endings", summary: "CRLF → LF"))
            } else {
                edits.append(Edit(range: index..<(index + 1), replacement: ["\n"], rule: "line-endings", summary: "CR → LF"))
            }
        }
        return edits
    }

    func invisibles(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        let options = normalizer.options
        var edits: [Edit] = []
        for index in s.indices {
            let value = s[index].value
            switch value {
            case 0xAD where options.isEnabled(.softHyphen):
                edits.append(Edit(range: index..<(index + 1), replacement: [], rule: "soft-hyphen", summary: "U+00AD soft hyphen removed"))
            case 0x200D where options.isEnabled(.zeroWidth):
                // A zero-width joiner inside an emoji sequence (👩‍💻) is part of the emoji.
                let before = index > 0 && (classOf(s[index - 1]).contains(.pictographic) || s[index - 1].value == 0xFE0F
                    || (0x1F3FB...0x1F3FF).contains(s[index - 1].value))
                let after = index + 1 < s.count && classOf(s[index + 1]).contains(.pictographic)
                if !(before && after) {
                    edits.append(Edit(range: index..<(index + 1), replacement: [], rule: "zero-width", summary: "U+200D zero-width joiner removed"))
                }
            case 0x200B, 0x200C, 0x200E, 0x200F, 0x2060...0x2064, 0xFEFF:
                if options.isEnabled(.zeroWidth) {
                    let name = "U+" + String(value, radix: 16, uppercase: true).leftPadded(to: 4)
                    edits.append(Edit(range: index..<(index + 1), replacement: [], rule: "zero-width", summary: "\(name) removed"))
                }
            default: break
            }
        }
        return edits
    }

    /// NFC, one normalisation segment at a time: a segment starts at a character NFC never changes whatever
    /// precedes it, so segments can be normalised separately and only the ones that change are reported.
    func nfc(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        var index = 0
        while index < s.count {
            var end = index + 1
            while end < s.count && !classOf(s[end]).contains(.nfcBoundary) { end += 1 }
            if end - index > 1 || !classOf(s[index]).contains(.nfcBoundary) {
                let segment = String(String.UnicodeScalarView(s[index..<end]))
                // Compare scalars: Swift's == on strings already treats canonically equivalent text as equal.
                if let normalized = try? Normalizer.nfc.normalize(segment),
                    !normalized.unicodeScalars.elementsEqual(segment.unicodeScalars)
                {
                    edits.append(Edit(range: index..<end, replacement: Array(normalized.unicodeScalars), rule: "nfc"))
                }
            }
            index = end
        }
        return edits
    }

    // MARK: Look-alikes

    /// Words mixing Latin and Cyrillic letters, confirmed by ICU's spoof checker, rewritten in the script most of
    /// their letters use — only when every minority letter has a look-alike and the confusable skeleton stays the
    /// same. Words wholly in one script are never touched.
    func lookAlikes(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        let tables = TextData.lookAlikes
        var index = 0
        while index < s.count {
            guard isLetter(s[index]) else {
                index += 1
                continue
            }
            var end = index
            var latin = 0
            var cyrillic = 0
            while end < s.count {
                let scalar = s[end]
                let classes = classOf(scalar)
                if isLetter(scalar) || classes.contains(.mark) {
                    if classes.contains(.latin) { latin += 1 } else if classes.contains(.cyrillic) { cyrillic += 1 }
                    end += 1
                } else if isApostropheVariant(scalar), end + 1 < s.count, isLetter(s[end + 1]) {
                    end += 1
                } else {
                    break
                }
            }
            defer { index = end }
            guard latin > 0 && cyrillic > 0 else { continue }
            // Mixed on purpose: a Latin name with a Ukrainian ending (Nautilus’у), an acronym glued on (IPвер).
            let letters = s[index..<end]
            if MixedScriptWord.isInflectedLatinName(letters) || MixedScriptWord.isGluedAcronym(letters) { continue }
            // Two words glued where the script changes from a lower-case letter to a capital (уShotwell, вLinux):
            // a space is missing, and no letter is a look-alike to swap.
            if letters.indices.dropFirst().contains(where: { position in
                let before = classOf(letters[position - 1]), after = classOf(letters[position])
                return before.contains(.latin) != after.contains(.latin)
                    && letters[position - 1].properties.isLowercase && letters[position].properties.isUppercase
            }) {
                continue
            }
            let word = String(String.UnicodeScalarView(s[index..<end]))
            guard let findings = try? normalizer.spoofChecker.check(word), findings.contains(.mixedScript) else { continue }
            // As many letters of each script: no telling which was meant.
            guard cyrillic != latin else { continue }
            let toCyrillic = cyrillic > latin
            var repaired: [Unicode.Scalar] = []
            var repairable = true
            for scalar in s[index..<end] {
                let classes = classOf(scalar)
                if toCyrillic && classes.contains(.latin) && classes.contains(.letter) {
                    guard let mapped = tables.toCyrillic[scalar] else { repairable = false; break }
                    repaired.append(mapped)
                } else if !toCyrillic && classes.contains(.cyrillic) && classes.contains(.letter) {
                    guard let mapped = tables.toLatin[scalar] else { repairable = false; break }
                    repaired.append(mapped)
                } else {
                    repaired.append(scalar)
                }
            }
            guard repairable else { continue }
            let fixed = String(String.UnicodeScalarView(repaired))
            guard let before = try? normalizer.spoofChecker.skeleton(word),
                let after = try? normalizer.spoofChecker.skeleton(fixed), before == after
            else { continue }
            edits.append(Edit(range: index..<end, replacement: repaired, rule: "look-alikes", summary: "\(word) → \(fixed) (\(toCyrillic ? "Latin letters in a Cyrillic word" : "Cyrillic letters in a Latin word"))"))
        }
        return edits
    }

    // MARK: Spaces

    /// The word (letters) ending right before `end`, and whether a dot follows it.
    private func wordBefore(_ s: [Unicode.Scalar], _ end: Int) -> (length: Int, dotted: Bool) {
        var position = end
        var dotted = false
        if position > 0 && s[position - 1] == "." {
            dotted = true
            position -= 1
        }
        var length = 0
        while position > 0 && isLetter(s[position - 1]) {
            length += 1
            position -= 1
        }
        return (length, dotted)
    }

    /// Whether a no-break space at `index` stands where typography wants one (docs/normalizer.md).
    func keepsNoBreakSpace(_ s: [Unicode.Scalar], _ index: Int) -> Bool {
        let policy = TextData.noBreakSpacePolicy
        let previous = index > 0 ? s[index - 1] : nil
        let next = index + 1 < s.count ? s[index + 1] : nil
        if let next, next == "-" || next == "–" || next == "—" { return true }
        if let previous, let next, isDigit(previous) && isDigit(next) { return true }
        if let previous, policy.after.contains(String(previous)) { return true }
        // A comparison or arithmetic sign keeps its operands (CUPS >= 1.6, користувач + пароль).
        if let previous, policy.beside.contains(String(previous)) { return true }
        if let next, policy.beside.contains(String(next)) { return true }
        // A name or noun and the number that follows it (Openbox 2, Windows 10, розділ 5), Roman or a letter's
        // (Частина II., Appendix C., Figure A.9).
        if let previous, let next, isLetter(previous) && (isDigit(next) || startsLabel(s, index + 1)) { return true }
        // A number and the word it counts or numbers (2018 Марс Ямбар, 25 років, 3.14.1. Activating the Tool,
        // Figure 17.143. “Angle” example): a no-break space put there was put on purpose.
        if let next, isLetter(next) || "«„“‘\"'(".unicodeScalars.contains(next), index > 0,
            isDigit(s[index - 1]) || (s[index - 1] == "." && index > 1 && isDigit(s[index - 2]))
        {
            return true
        }
        if let previous, isDigit(previous), index + 1 < s.count {
            // The unit is the letters that follow (with a dot if one follows), or a sign such as % or °C.
            var end = index + 1
            while end < s.count && isLetter(s[end]) { end += 1 }
            var candidates: [String] = []
            if end > index + 1 {
                let letters = String(String.UnicodeScalarView(s[(index + 1)..<end]))
                candidates.append(letters)
                if end < s.count && s[end] == "." { candidates.append(letters + ".") }
            } else {
                candidates.append(String(s[index + 1]))
                if index + 2 < s.count { candidates.append(String(s[index + 1]) + String(s[index + 2])) }
            }
            if candidates.contains(where: policy.units.contains) { return true }
        }
        let before = wordBefore(s, index)
        if before.length > 0 {
            let start = index - before.length - (before.dotted ? 1 : 0)
            let startsWord = start == 0 || !isLetter(s[start - 1]) && !isDigit(s[start - 1])
            if startsWord && (before.length <= 2 || (before.dotted && before.length <= 3)) { return true }
        }
        return false
    }

    private static let romanNumeralLetters: Set<Unicode.Scalar> = Set("IVXLCDMІХ".unicodeScalars)

    /// Whether a Roman numeral (Latin letters, or Cyrillic І and Х as typed for them) or a capital letter with a dot
    /// or digit after it (A.9, C.) starts at `start` and ends before any other letter: a part's, appendix's or
    /// figure's number.
    private func startsLabel(_ s: [Unicode.Scalar], _ start: Int) -> Bool {
        var end = start
        while end < s.count && end - start < 8 && Self.romanNumeralLetters.contains(s[end]) { end += 1 }
        if end > start { return end == s.count || !isLetter(s[end]) }
        guard start + 1 < s.count, ("A"..."Z").contains(s[start]) else { return false }
        return s[start + 1] == "." || isDigit(s[start + 1])
    }

    func noBreakSpaces(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        for index in s.indices where Self.isSpecialSpace(s[index]) {
            // At a line end the trailing-space rule removes it.
            let next = index + 1 < s.count ? s[index + 1] : "\n"
            if next == "\n" { continue }
            if !keepsNoBreakSpace(s, index) {
                edits.append(Edit(range: index..<(index + 1), replacement: [" "], rule: "no-break-space"))
            }
        }
        return edits
    }

    /// Runs of spaces inside a line become one (a no-break space in the run wins); indentation stays, and so does
    /// every run of a paragraph laid out in columns (`Blocks.isLaidOutInColumns`: a table, help text's options and
    /// their meanings). Decided for the whole paragraph, so that a second run finds nothing to do; `laidOut` says
    /// so, and the dash rule then makes no change of more than one character there (it would shift the columns).
    func spaceRuns(_ work: ParagraphWork) -> (edits: [Edit], laidOut: Bool) {
        let s = work.scalars
        var edits: [Edit] = []
        var lineHasText = false
        var columns: Bool?
        var index = 0
        while index < s.count {
            let scalar = s[index]
            if scalar == "\n" {
                lineHasText = false
                index += 1
                continue
            }
            guard Self.isHorizontalSpace(scalar) else {
                if scalar != "\t" { lineHasText = true }
                index += 1
                continue
            }
            var end = index
            while end < s.count && Self.isHorizontalSpace(s[end]) { end += 1 }
            let atLineEnd = end == s.count || s[end] == "\n" || s[end] == "\r"
            if lineHasText && end - index > 1 && !atLineEnd {
                if columns == nil {
                    var utf8: [UInt8] = []
                    work.appendUTF8(to: &utf8)
                    columns = utf8.withUnsafeBufferPointer(Blocks.isLaidOutInColumns)
                }
                if columns == true { return ([], true) }
                let keep = s[index..<end].first(where: Self.isSpecialSpace) ?? " "
                edits.append(Edit(range: index..<end, replacement: [keep], rule: "space-runs"))
            }
            index = end
        }
        return (edits, false)
    }

    func trailingSpaces(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        var index = 0
        while index < s.count {
            let scalar = s[index]
            guard Self.isHorizontalSpace(scalar) || scalar == "\t" else {
                index += 1
                continue
            }
            var end = index
            while end < s.count && (Self.isHorizontalSpace(s[end]) || s[end] == "\t") { end += 1 }
            if end == s.count || s[end] == "\n" {
                edits.append(Edit(range: index..<end, replacement: [], rule: "trailing-space", summary: "trailing space removed: '\(ParagraphWork.visible(s[index..<end]))'"))
            }
            index = end
        }
        return edits
    }

    // MARK: Apostrophes

    /// An apostrophe between two letters: the canonical one in Cyrillic words, ’ in Latin words.
    func apostrophes(_ work: ParagraphWork) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        guard s.count >= 3 else { return [] }
        for index in 1..<(s.count - 1) where isApostropheVariant(s[index]) {
            let previous = s[index - 1]
            let next = s[index + 1]
            guard isLetter(previous), isLetter(next) else { continue }
            let cyrillic = classOf(previous).contains(.cyrillic) || classOf(next).contains(.cyrillic)
            let latin = classOf(previous).contains(.latin) && classOf(next).contains(.latin)
            let wanted: Unicode.Scalar
            if cyrillic {
                wanted = normalizer.options.apostrophe.scalar
            } else if latin {
                wanted = "\u{2019}"
            } else {
                continue
            }
            if s[index] != wanted {
                edits.append(Edit(range: index..<(index + 1), replacement: [wanted], rule: "apostrophe"))
            }
        }
        return edits
    }

    // MARK: Quotes

    private enum Direction { case open, close, unknown }

    // (Shared with the byte-level path, which must decide as this rule does.)
    private func isOpeningContext(_ scalar: Unicode.Scalar?) -> Bool { ApostropheBytePath.isOpeningContext(scalar) }

    private func isClosingContext(_ scalar: Unicode.Scalar?) -> Bool { ApostropheBytePath.isClosingContext(scalar) }

    /// Quotation marks re-drawn for the paragraph's language with correct nesting: Ukrainian and Russian «…„…“…»,
    /// English “…‘…’…”. Straight quotes get their direction from the spaces around them. A paragraph whose quotes
    /// do not pair up is left as it is (a quotation may go on in the next paragraph).
    func quotes(_ work: ParagraphWork, language: Language) -> [Edit] {
        let edits = quoteEdits(work.scalars, work.protected, language: language)
        if edits.isEmpty { return [] }
        // Quotation marks decide each other's direction; make sure the result reads the same way again, or leave
        // the paragraph's quotes alone (the rules must be idempotent).
        var result = work.scalars
        if edits.allSatisfy({ $0.range.count == $0.replacement.count }) {
            // One mark for another (every quote edit): in place, in any order. Sorting a copy of the edit list was
            // the peak of memory on millions of marks (issue 11: one line of 4,000,000 apostrophes, 634 MB).
            for edit in edits {
                for (offset, scalar) in edit.replacement.enumerated() { result[edit.range.lowerBound + offset] = scalar }
            }
        } else {
            for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
                result.replaceSubrange(edit.range, with: edit.replacement)
            }
        }
        if !quoteEdits(result, work.protected, language: language, firstOnly: true).isEmpty { return [] }
        return edits
    }

    /// `firstOnly`: whether there is any edit is all the caller wants (the check that the result reads the same).
    func quoteEdits(_ s: [Unicode.Scalar], _ protected: [Bool], language: Language, firstOnly: Bool = false) -> [Edit] {
        // One Int a mark (index, double, direction), 8 bytes instead of 16: beside the edit list, the mark list was
        // the next largest on a line of millions of marks (issue 11).
        struct Mark {
            private let bits: Int
            init(index: Int, double: Bool, direction: Direction) {
                let code = direction == .open ? 0 : direction == .close ? 1 : 2
                bits = index << 3 | (double ? 4 : 0) | code
            }
            var index: Int { bits >> 3 }
            var double: Bool { bits & 4 != 0 }
            var direction: Direction { bits & 3 == 0 ? .open : bits & 3 == 1 ? .close : .unknown }
        }
        var marks: [Mark] = []
        for index in s.indices {
            let scalar = s[index]
            // Most scalars are no quotation mark: one comparison or two before the switch below.
            let value = scalar.value
            if value < 0x80 ? (value != 0x22 && value != 0x27) : !(value == 0xAB || value == 0xBB || (0x2018...0x203A).contains(value)) {
                continue
            }
            if protected[index] { continue }
            let previous = index > 0 ? s[index - 1] : nil
            let next = index + 1 < s.count ? s[index + 1] : nil
            switch scalar {
            case "«", "»", "„", "‚", "‹", "›", "\"", "“", "”", "'", "‘", "’": break
            default: continue
            }
            // Glued between letters: an apostrophe or a typo, never a quotation mark.
            if let previous, let next, isLetter(previous), isLetter(next) { continue }
            switch scalar {
            case "«": marks.append(Mark(index: index, double: true, direction: .open))
            case "»": marks.append(Mark(index: index, double: true, direction: .close))
            case "„": marks.append(Mark(index: index, double: true, direction: .open))
            case "‚", "‹": marks.append(Mark(index: index, double: false, direction: .open))
            case "›": marks.append(Mark(index: index, double: false, direction: .close))
            case "\"", "“", "”", "'", "‘", "’":
                let double = scalar == "\"" || scalar == "“" || scalar == "”"
                let openSide = isOpeningContext(previous)
                let closeSide = isClosingContext(next)
                let direction: Direction
                if openSide && !closeSide {
                    direction = .open
                } else if !openSide && closeSide {
                    direction = .close
                } else if openSide && closeSide {
                    continue  // a lone mark between spaces is not a quote
                } else if scalar == "”" || scalar == "’" {
                    direction = .close
                } else if scalar == "‘" {
                    direction = .open
                } else if scalar == "“" {
                    direction = language == .en ? .open : .close
                } else {
                    direction = .unknown
                }
                marks.append(Mark(index: index, double: double, direction: direction))
            default: continue
            }
        }
        if marks.isEmpty { return [] }
        // Pair marks with a stack. A closing single mark with no single opening is an apostrophe (soldiers’).
        var stack: [Int] = []
        // Single marks on the stack, kept as a count: looking through the stack for one at every closing single
        // mark made a long run of them quadratic (issue 17).
        var singlesOnStack = 0
        // Per mark one byte: whether it is paired, opens its pair, and stands at an even depth (the outer quotes).
        // Two Int arrays here (depth, partner) were 16 bytes a mark beside the edit list (issue 11: a line of
        // 4,000,000 apostrophes).
        var roles = [UInt8](repeating: 0, count: marks.count)
        let pairedFlag: UInt8 = 1, opensFlag: UInt8 = 2, outerFlag: UInt8 = 4
        var apostropheMarks: [Int] = []
        for (number, mark) in marks.enumerated() {
            var direction = mark.direction
            if direction == .unknown {
                direction = stack.last.map { marks[$0].double == mark.double } == true ? .close : .open
            }
            if direction == .open {
                roles[number] = stack.count % 2 == 0 ? outerFlag : 0
                stack.append(number)
                if !mark.double { singlesOnStack += 1 }
                continue
            }
            if let top = stack.last, marks[top].double == mark.double {
                stack.removeLast()
                if !mark.double { singlesOnStack -= 1 }
                roles[top] |= pairedFlag | opensFlag
                roles[number] = pairedFlag | (roles[top] & outerFlag)
            } else if !mark.double && singlesOnStack == 0 {
                apostropheMarks.append(number)
            } else {
                return []  // unbalanced
            }
        }
        guard stack.isEmpty else { return [] }
        var edits: [Edit] = []
        // Reserved at the most it can hold: grown by doubling, a list of millions of edits had its old and new
        // buffers alive at once (issue 11: one line of 4,000,000 apostrophes peaked at 634 MB).
        if !firstOnly { edits.reserveCapacity(roles.count(where: { $0 & pairedFlag != 0 }) + apostropheMarks.count) }
        for (number, mark) in marks.enumerated() where roles[number] & pairedFlag != 0 {
            if firstOnly && !edits.isEmpty { return edits }
            let outer = roles[number] & outerFlag != 0
            let opening = roles[number] & opensFlag != 0
            let wanted: Unicode.Scalar
            switch (language, outer, opening) {
            case (.en, true, true): wanted = "“"
            case (.en, true, false): wanted = "”"
            case (.en, false, true): wanted = "‘"
            case (.en, false, false): wanted = "’"
            case (_, true, true): wanted = "«"
            case (_, true, false): wanted = "»"
            case (_, false, true): wanted = "„"
            case (_, false, false): wanted = "“"
            }
            if s[mark.index] != wanted {
                edits.append(Edit(range: mark.index..<(mark.index + 1), replacement: [wanted], rule: "quotes"))
            }
        }
        let gnuClosers = apostropheMarks.isEmpty ? [] : Self.gnuQuotationClosers(s, protected: protected)
        for number in apostropheMarks where s[marks[number].index] == "'" {
            let index = marks[number].index
            if index > 0, classOf(s[index - 1]).contains(.latin), !gnuClosers.contains(index) {
                edits.append(Edit(range: index..<(index + 1), replacement: ["’"], rule: "apostrophe"))
            }
        }
        return edits
    }

    /// The straight single marks closing GNU quoting (`%s', `make install'): a backtick with room to open before
    /// it, then the first `'` after it on its line (protected text passed over; an apostrophe between letters is
    /// ’ by now). Such a mark is no apostrophe (`%s’ would be half a quotation
    /// turned typographic), so it stays as it is, with its backtick.
    static func gnuQuotationClosers(_ s: [Unicode.Scalar], protected: [Bool]) -> Set<Int> {
        guard s.contains("`") else { return [] }
        var closers: Set<Int> = []
        var opened = false
        for (index, scalar) in s.enumerated() where !protected[index] {
            switch scalar {
            case "`": opened = ApostropheBytePath.isOpeningContext(index > 0 ? s[index - 1] : nil)
            case "\n": opened = false
            case "'":
                if opened { closers.insert(index) }
                opened = false
            default: break
            }
        }
        return closers
    }

    // MARK: Dashes

    /// A spaced hyphen after a colon, semicolon or comma starts an item of a list written inline ("like: - e-mail
    /// alerts; - journal pages"): a closed English dash would glue it to the text before (";—journal"), so it stays.
    @inline(__always)
    static func startsListItem(after left: Unicode.Scalar) -> Bool { left == ":" || left == ";" || left == "," }

    /// Spaced hyphens (and "--") between words become em dashes — spaced in Ukrainian and Russian, closed or spaced
    /// in English as configured; Ukrainian spaced en dashes between words become em dashes; digit-hyphen-digit
    /// ranges become en dashes. Hyphens inside words, dates (2024-08-24) and phone numbers stay.
    func dashes(_ work: ParagraphWork, language: Language) -> [Edit] {
        let s = work.scalars
        var edits: [Edit] = []
        var index = 0
        while index < s.count {
            let scalar = s[index]
            guard scalar == "-" || (scalar == "–" && language != .en) else {
                index += 1
                continue
            }
            var end = index + 1
            if scalar == "-" && end < s.count && s[end] == "-" { end += 1 }
            defer { index = end }
            let before = index > 0 ? s[index - 1] : nil
            let after = end < s.count ? s[end] : nil
            // Spaced dash between words.
            if let before, let after, Self.isHorizontalSpace(before), Self.isHorizontalSpace(after), index >= 2,
                end + 1 < s.count
            {
                let left = s[index - 2]
                let right = s[end + 1]
                // A neighbour that is itself a dash makes the run ambiguous ("-- -"): leave it.
                func isText(_ scalar: Unicode.Scalar) -> Bool {
                    switch scalar {
                    case "\n", "\t", "\r", "-", "–", "—": return false
                    default: return !Self.isHorizontalSpace(scalar)
                    }
                }
                let leftIsText = isText(left)
                let rightIsText = isText(right)
                let closed = language == .en && normalizer.options.englishDash == .closed
                if leftIsText && rightIsText && !(isDigit(left) && isDigit(right))
                    && !(closed && Self.startsListItem(after: left))
                {
                    if closed {
                        edits.append(Edit(range: (index - 1)..<(end + 1), replacement: ["—"], rule: "dashes"))
                    } else {
                        edits.append(Edit(range: index..<end, replacement: ["—"], rule: "dashes"))
                    }
                }
                continue
            }
            // Number ranges: 2020-2021, 24-27, 10:00-12:00, 1,5-2,5.
            guard scalar == "-", end == index + 1, let before, let after, isDigit(before), isDigit(after) else { continue }
            func isNumberPart(_ position: Int) -> Bool {
                isDigit(s[position])
                    || ((s[position] == "." || s[position] == "," || s[position] == ":") && position > 0
                        && position + 1 < s.count && isDigit(s[position - 1]) && isDigit(s[position + 1]))
            }
            var leftStart = index - 1
            while leftStart > 0 && isNumberPart(leftStart - 1) { leftStart -= 1 }
            var rightEnd = end
            while rightEnd < s.count && isNumberPart(rightEnd) { rightEnd += 1 }
            // A number glued to an identifier (iso_3166-2, x86-64) is a name, not a range.
            let leftOK = leftStart == 0 || !(isLetter(s[leftStart - 1]) || "-–+./_".unicodeScalars.contains(s[leftStart - 1]))
            let rightOK = rightEnd == s.count || !(isLetter(s[rightEnd]) || "-–/_".unicodeScalars.contains(s[rightEnd]))
            if leftOK && rightOK {
                edits.append(Edit(range: index..<end, replacement: ["–"], rule: "dashes"))
            }
        }
        return edits
    }

    // MARK: Other modules' rules

    func external(_ rewriter: any ParagraphRewriter, enabled: Set<String>, _ work: ParagraphWork, language: Language) -> [Edit] {
        let s = work.scalars
        var text = ""
        text.unicodeScalars.append(contentsOf: s)
        // UTF-8 offset of each scalar, to turn byte ranges back into scalar ranges.
        var offsets: [Int: Int] = [:]
        var protectedRanges: [Range<Int>] = []
        var offset = 0
        var protectedStart: Int?
        for (index, scalar) in s.enumerated() {
            offsets[offset] = index
            if work.protected[index] {
                if protectedStart == nil { protectedStart = offset }
            } else if let start = protectedStart {
                protectedRanges.append(start..<offset)
                protectedStart = nil
            }
            offset += UTF8.width(scalar)
        }
        offsets[offset] = s.count
        if let start = protectedStart { protectedRanges.append(start..<offset) }
        let context = ParagraphContext(text: text, language: language, protectedUTF8Ranges: protectedRanges)
        var edits: [Edit] = []
        for rewrite in rewriter.rewrites(in: context) where enabled.contains(rewrite.rule) {
            guard let start = offsets[rewrite.utf8Range.lowerBound], let end = offsets[rewrite.utf8Range.upperBound] else {
                continue
            }
            edits.append(Edit(range: start..<end, replacement: Array(rewrite.replacement.unicodeScalars), rule: rewrite.rule))
        }
        return edits
    }
}
