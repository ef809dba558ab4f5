import ArgumentParser

/// Usage help that ArgumentParser does not give on its own: the nearest subcommand for a mistyped one, and the
/// usage of the command that failed (not the top-level one) for usage errors found after parsing.
enum CommandLineHelp {
    /// The message for a mistyped subcommand (`tlumach chek f.xlf`, `tlumach tm serach`), or nil when every
    /// subcommand word in `arguments` (without the program name) names one. Only the words before the first
    /// option or argument of a command without subcommands are looked at.
    static func unknownSubcommand(_ arguments: [String], root: any ParsableCommand.Type) -> String? {
        var command = root
        var path = [name(of: root)]
        for word in arguments {
            let subcommands = configuration(of: command).subcommands
            guard !subcommands.isEmpty, !word.hasPrefix("-") else { return nil }
            if word == "help" && ObjectIdentifier(command) == ObjectIdentifier(root) { return nil }  // ArgumentParser's `tlumach help CMD`
            if let next = subcommands.first(where: { names(of: $0).contains(word) }) {
                command = next
                path.append(name(of: next))
                continue
            }
            let known = subcommands.map { name(of: $0) }
            let prefix = path.joined(separator: " ")
            var message = "\(prefix): unknown command '\(word)'"
            if let nearest = nearest(to: word, among: known) {
                message += "; did you mean '\(nearest)'?"
            } else {
                message += " (commands: \(known.joined(separator: ", ")))"
            }
            return message + "\n  See '\(prefix) --help' for more information."
        }
        return nil
    }

    /// The closest name within a small edit distance (a typo, a swapped pair of letters), or nil.
    static func nearest(to word: String, among names: [String]) -> String? {
        let lowered = word.lowercased()
        let scored = names.map { (name: $0, distance: editDistance(lowered, $0)) }
        guard let best = scored.min(by: { $0.distance < $1.distance }) else { return nil }
        // Up to a third of the word may be wrong (at least one letter): `chek` → check, `serach` → search.
        let allowed = max(1, min(word.count, best.name.count) / 3)
        if best.distance <= allowed { return best.name }
        // A prefix of a command (`norm`, `gloss`) is a suggestion too.
        if lowered.count >= 3, let prefixed = names.first(where: { $0.hasPrefix(lowered) }) { return prefixed }
        return nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions and swaps of adjacent letters.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previous2[j - 2] + 1) }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The usage block ArgumentParser prints for a parse error, for `command` inside `root`'s tree.
    static func usage(of command: any ParsableCommand.Type, root: any ParsableCommand.Type) -> String {
        let path = commandPath(to: command, from: root) ?? [name(of: root)]
        return "Usage: \(usageString(root, command))\n  See '\(path.joined(separator: " ")) --help' for more information."
    }

    private static func names(of command: any ParsableCommand.Type) -> [String] {
        [name(of: command)] + configuration(of: command).aliases
    }

    // Static members reached through generic functions: the compiler crashes (signal 11 in SILGen) when they
    // are reached on an existential metatype directly.
    private static func name<Command: ParsableCommand>(of command: Command.Type) -> String { Command._commandName }

    private static func configuration<Command: ParsableCommand>(of command: Command.Type) -> CommandConfiguration {
        Command.configuration
    }

    private static func usageString<Root: ParsableCommand>(_ root: Root.Type, _ command: any ParsableCommand.Type)
        -> String
    {
        Root.usageString(for: command)
    }

    private static func commandPath(to target: any ParsableCommand.Type, from command: any ParsableCommand.Type)
        -> [String]?
    {
        if ObjectIdentifier(command) == ObjectIdentifier(target) { return [name(of: command)] }
        for sub in configuration(of: command).subcommands {
            if let rest = commandPath(to: target, from: sub) { return [name(of: command)] + rest }
        }
        return nil
    }
}
