/// LaTeX commands in help text (kile: "\section{title}", "\begin{tabular}[pos]{cols}", ktp-filters' preamble
/// "\usepackage[T2A]{fontenc}"): their arguments are TeX's, named or chosen by the translator, not placeholders or
/// figures of the message.
package enum TeXCommands {
    /// The ranges of each argument group, braces or brackets included, that directly follows a command: a
    /// backslash and two letters or more (so a literal "\n{count}" is not one), an optional star, then every `{…}`
    /// and `[…]` in a row.
    package static func argumentGroups(_ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        guard scalars.contains("\\") else { return [] }
        var groups: [Range<Int>] = []
        var index = 0
        let count = scalars.count
        while index < count {
            guard scalars[index] == "\\" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < count && PlaceholderScanner.isASCIILetter(scalars[end]) { end += 1 }
            guard end - index > 2 else {
                index = max(end, index + 1)
                continue
            }
            if end < count && scalars[end] == "*" { end += 1 }
            while end < count, scalars[end] == "{" || scalars[end] == "[" {
                let open = scalars[end]
                let close: Unicode.Scalar = open == "{" ? "}" : "]"
                var depth = 0
                var groupEnd = end
                while groupEnd < count {
                    if scalars[groupEnd] == open { depth += 1 }
                    if scalars[groupEnd] == close {
                        depth -= 1
                        if depth == 0 { break }
                    }
                    groupEnd += 1
                }
                guard groupEnd < count else { break }
                groups.append(end..<(groupEnd + 1))
                end = groupEnd + 1
            }
            index = end
        }
        return groups
    }
}
