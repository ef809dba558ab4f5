import Foundation
import TlumachCheck
import TlumachFormats
import TlumachMemory
import TlumachTMX

/// A piece of a target being built: running text, or one of the query unit's own inline codes (by its index in
/// the unit's `sourceCodes`), so a writer can copy that code's markup from the file.
public enum SegmentPiece: Sendable, Hashable {
    case text(String)
    case code(Int)
}

/// Where an inline code stands in a pair: it opens a span, closes one, or stands alone. Codes are paired across
/// formats by role and order, never by their ids, which differ from tool to tool.
enum CodeRole: Hashable {
    case open, close, standalone

    /// An XLIFF code kind as `XLIFFReader` names it.
    init(xliffKind kind: String) {
        switch kind {
        case "g-open", "pc-open", "bx", "sc", "bpt": self = .open
        case "g-close", "pc-close", "ex", "ec", "ept": self = .close
        default: self = .standalone
        }
    }

    init(tmx element: TMXInlineElement) {
        switch element.name {
        case "bpt": self = .open
        case "ept": self = .close
        case "it": self = element.attributes["pos"] == "end" ? .close : element.attributes["pos"] == "begin" ? .open : .standalone
        default: self = .standalone
        }
    }
}

/// Mapping a memory match onto a new unit: inline codes, placeholders and numbers.
enum Placeables {
    /// The match's target as pieces whose codes are the query's own, or nil when the codes cannot be mapped: the
    /// match's source codes must pair one to one, role by role in order, with the query's (ids may differ), and
    /// every code of the match's target must be one of its source's.
    static func mapCodes(query: [InlineCode], matchSource: TMXSegment, matchTarget: TMXSegment) -> [SegmentPiece]? {
        let sourceCodes = matchSource.codes
        guard sourceCodes.count == query.count else { return nil }
        var queryByRole: [CodeRole: [Int]] = [:]
        for (index, code) in query.enumerated() { queryByRole[CodeRole(xliffKind: code.kind), default: []].append(index) }
        var sourceToQuery: [Int] = Array(repeating: -1, count: sourceCodes.count)
        var taken: [CodeRole: Int] = [:]
        for (index, element) in sourceCodes.enumerated() {
            let role = CodeRole(tmx: element)
            let position = taken[role, default: 0]
            guard let list = queryByRole[role], position < list.count else { return nil }
            sourceToQuery[index] = list[position]
            taken[role] = position + 1
        }
        var pieces: [SegmentPiece] = []
        var used = Set<Int>()
        var failed = false
        var roleOrder: [CodeRole: Int] = [:]
        func identify(_ element: TMXInlineElement) -> Int? {
            let role = CodeRole(tmx: element)
            defer { roleOrder[role, default: 0] += 1 }
            for key in ["i", "x"] {
                if let value = element.attributes[key],
                    let index = sourceCodes.indices.first(where: {
                        !used.contains($0) && sourceCodes[$0].name == element.name && sourceCodes[$0].attributes[key] == value
                    })
                {
                    return index
                }
            }
            if let index = sourceCodes.indices.first(where: { !used.contains($0) && sourceCodes[$0] == element }) {
                return index
            }
            let sameRole = sourceCodes.indices.filter { CodeRole(tmx: sourceCodes[$0]) == role }
            let position = roleOrder[role, default: 0]
            if position < sameRole.count, !used.contains(sameRole[position]) { return sameRole[position] }
            return nil
        }
        func visit(_ items: [TMXInline]) {
            for item in items {
                switch item {
                case .text(let text): pieces.append(.text(text))
                case .element(let element) where element.name == "hi": visit(element.children)
                case .element(let element) where !element.isCode: break
                case .element(let element):
                    guard let index = identify(element) else {
                        failed = true
                        return
                    }
                    used.insert(index)
                    pieces.append(.code(sourceToQuery[index]))
                }
            }
        }
        visit(matchTarget.content)
        return failed ? nil : merged(pieces)
    }

    static func merged(_ pieces: [SegmentPiece]) -> [SegmentPiece] {
        var result: [SegmentPiece] = []
        for piece in pieces {
            if case .text(let text) = piece, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + text)
            } else if case .text("") = piece {
                continue
            } else {
                result.append(piece)
            }
        }
        return result
    }

    static func placeholders(_ text: String) -> [Placeholder] {
        PlaceholderScanner.scan(Array(text.unicodeScalars)).filter { $0.kind != .tag }
    }

    /// What pairs placeholders across texts: a printf conversion (`s`, `d`…), or the kind for named ones.
    static func role(_ placeholder: Placeholder) -> String {
        switch placeholder.kind {
        case .printf: "printf-" + String(placeholder.text.unicodeScalars.last.map(Character.init) ?? "?")
        default: placeholder.kind.rawValue
        }
    }

    /// Match-source placeholder → query placeholder, pairing them role by role in order; empty when they are the
    /// same; nil when the counts per role differ (the match cannot be mapped).
    static func placeholderMap(query: String, matchSource: String) -> [String: String]? {
        let queryPlaceholders = placeholders(query)
        let matchPlaceholders = placeholders(matchSource)
        if queryPlaceholders.map(\.text) == matchPlaceholders.map(\.text) { return [:] }
        var queryByRole: [String: [String]] = [:]
        for placeholder in queryPlaceholders { queryByRole[role(placeholder), default: []].append(placeholder.text) }
        var matchByRole: [String: [String]] = [:]
        for placeholder in matchPlaceholders { matchByRole[role(placeholder), default: []].append(placeholder.text) }
        guard queryByRole.mapValues(\.count) == matchByRole.mapValues(\.count) else { return nil }
        var map: [String: String] = [:]
        for (role, matchTexts) in matchByRole {
            for (index, text) in matchTexts.enumerated() {
                let replacement = queryByRole[role]?[index] ?? text
                if let existing = map[text], existing != replacement { return nil }
                map[text] = replacement
            }
        }
        return map.allSatisfy({ $0.key == $0.value }) ? [:] : map
    }

    /// The text with the match's placeholders replaced by the query's; nil when the text holds a placeholder the
    /// match's source does not explain.
    static func applyPlaceholders(_ map: [String: String], to text: String) -> String? {
        guard !map.isEmpty else { return text }
        let found = placeholders(text)
        guard !found.isEmpty else { return text }
        let values = Set(map.values)
        var scalars = Array(text.unicodeScalars)
        for placeholder in found.reversed() {
            if let replacement = map[placeholder.text] {
                scalars.replaceSubrange(placeholder.range, with: Array(replacement.unicodeScalars))
            } else if !values.contains(placeholder.text) {
                return nil
            }
        }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// The text with placeholders blanked, for comparing texts that differ only in them.
    static func masked(_ text: String) -> String {
        let found = placeholders(text)
        guard !found.isEmpty else { return text }
        var scalars = Array(text.unicodeScalars)
        for placeholder in found.reversed() { scalars.replaceSubrange(placeholder.range, with: ["\u{FFFC}"]) }
        var result = ""
        result.unicodeScalars.append(contentsOf: scalars)
        return result
    }

    /// Number changes (match's → query's) when the two texts differ only in numbers, word for word; nil when
    /// they differ in anything else or not at all.
    static func numberChanges(query: SegmentAnalysis, match: SegmentAnalysis) -> [(from: String, to: String)]? {
        guard query.words.count == match.words.count, query.numberIndices == match.numberIndices else { return nil }
        let numbers = Set(query.numberIndices)
        var changes: [(from: String, to: String)] = []
        for index in query.words.indices where query.words[index] != match.words[index] {
            guard numbers.contains(index) else { return nil }
            changes.append((match.words[index], query.words[index]))
        }
        return changes.isEmpty ? nil : changes
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// Separators that may stand inside a written number: comma, point, apostrophe and the spaces used to group
    /// thousands.
    static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        [",", ".", "'", " ", "\u{00A0}", "\u{202F}", "\u{2009}"].contains(scalar)
    }

    /// Numbers written in a text: digits with single separators between them, and their scalar ranges.
    static func writtenNumbers(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]), index == 0 || !isDigit(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index + 1
            while end < scalars.count {
                if isDigit(scalars[end]) {
                    end += 1
                } else if isNumberSeparator(scalars[end]), end + 1 < scalars.count, isDigit(scalars[end + 1]),
                    scalars[end] != " " || groupOfThree(scalars, from: end + 1)
                {
                    end += 2
                } else {
                    break
                }
            }
            result.append(index..<end)
            index = end
        }
        return result
    }

    /// A plain space groups digits only before exactly three digits ("2 500", not "5 10").
    static func groupOfThree(_ scalars: [Unicode.Scalar], from start: Int) -> Bool {
        guard start + 3 <= scalars.count else { return false }
        for offset in 0..<3 where !isDigit(scalars[start + offset]) { return false }
        return start + 3 == scalars.count || !isDigit(scalars[start + 3])
    }

    static func digits<S: Sequence>(_ scalars: S) -> String where S.Element == Unicode.Scalar {
        String(String.UnicodeScalarView(scalars.filter(isDigit)))
    }

    /// Carries number changes into a target text: every written number whose digits are a changed number's is
    /// rewritten with the new digits in the target's own separators ("2 500" with 2,500 → 3,000 gives "3 000").
    /// Returns nil when a changed number does not occur in the target.
    static func carryNumbers(_ changes: [(from: String, to: String)], into texts: [String]) -> [String]? {
        var byDigits: [String: String] = [:]
        for change in changes {
            let key = digits(change.from.unicodeScalars)
            if let existing = byDigits[key], existing != change.to { return nil }
            byDigits[key] = change.to
        }
        var seen = Set<String>()
        var results: [String] = []
        for text in texts {
            var scalars = Array(text.unicodeScalars)
            for range in writtenNumbers(scalars).reversed() {
                let written = Array(scalars[range])
                let key = digits(written)
                guard let replacement = byDigits[key] else { continue }
                seen.insert(key)
                scalars.replaceSubrange(range, with: reformat(replacement, like: written))
            }
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars)
            results.append(result)
        }
        return seen.count == byDigits.count ? results : nil
    }

    /// A number in the separators of a written one: the i-th separator kind of the original maps to the
    /// written number's (so "3,000" written like "2 500" becomes "3 000", and "1.5" like "2,5" becomes "1,5").
    static func reformat(_ number: String, like written: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let writtenSeparators = written.filter { !isDigit($0) }
        let numberScalars = Array(number.unicodeScalars)
        let numberSeparators = numberScalars.filter { !isDigit($0) }
        var map: [Unicode.Scalar: Unicode.Scalar] = [:]
        for (index, separator) in numberSeparators.enumerated() where index < writtenSeparators.count {
            if map[separator] == nil { map[separator] = writtenSeparators[index] }
        }
        // A lone separator in the written form with none in the new number: nothing to map.
        return numberScalars.map { isDigit($0) ? $0 : (map[$0] ?? $0) }
    }

    static func edges(_ text: String) -> (leading: Substring, trailing: Substring) {
        let leading = text.prefix(while: \.isWhitespace)
        let rest = text.dropFirst(leading.count)
        let trailing = Substring(String(rest.reversed().prefix(while: \.isWhitespace).reversed()))
        return (leading, trailing)
    }

    /// The target with the query's leading and trailing white space instead of its own, when the query's edges
    /// differ from the match source's; nil when they are the same (nothing to carry).
    static func carryEdges(from query: String, matchSource: String, into pieces: [SegmentPiece]) -> [SegmentPiece]? {
        let wanted = edges(query)
        let stored = edges(matchSource)
        guard wanted.leading != stored.leading || wanted.trailing != stored.trailing else { return nil }
        var result = pieces
        if case .text(let first)? = result.first {
            result[0] = .text(String(first.drop(while: \.isWhitespace)))
        }
        if case .text(let last)? = result.last {
            var trimmed = Substring(last)
            while let character = trimmed.last, character.isWhitespace { trimmed = trimmed.dropLast() }
            result[result.count - 1] = .text(String(trimmed))
        }
        result.insert(.text(String(wanted.leading)), at: 0)
        result.append(.text(String(wanted.trailing)))
        return merged(result)
    }

    /// Text compared for an exact match: NFC, spaces collapsed, trimmed.
    static func normalized(_ text: String) -> String {
        var result = ""
        var pendingSpace = false
        for character in text.precomposedStringWithCanonicalMapping {
            if character.isWhitespace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
