/// Words that mix Latin and Cyrillic letters on purpose. The normaliser's look-alike rule leaves them as written and
/// `check`'s mixed-script check does not report them: both read a mix the same way.
package enum MixedScriptWord {
    /// A Latin name with a Ukrainian case ending after an apostrophe (root’а, Nautilus’у, dpkg'ем): how Ukrainian
    /// inflects a name it keeps in Latin letters. The ending is Cyrillic and short (Audacious'осові).
    package static func isInflectedLatinName(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let apostrophe = word.firstIndex(where: isApostropheVariant) else { return false }
        let stem = word[word.startIndex..<apostrophe].filter { $0.properties.isAlphabetic }
        let ending = word[(apostrophe + 1)...].filter { $0.properties.isAlphabetic }
        return !stem.isEmpty && !ending.isEmpty && stem.allSatisfy { $0.value < 0x80 }
            && ending.allSatisfy { (0x400...0x4FF).contains($0.value) } && ending.count <= 6
    }

    /// A metavariable or an acronym glued on purpose, not a slip: a Latin run of two or more capitals (IPвер,
    /// SEКОР for SEUSER, МетодHTTP), or one Latin capital without a Cyrillic twin before a word in capitals (RФАЙЛА
    /// for RFILE). Look-alike letters (МIНIСТЕРСТВО) and lower-case slips (Прикладиs, pБФВ, cек) are not.
    package static func isGluedAcronym(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        var latinRuns: [ArraySlice<Unicode.Scalar>] = []
        var runStart = word.startIndex
        for index in word.indices where index > word.startIndex {
            if (word[index].value < 0x80) != (word[index - 1].value < 0x80) {
                if word[index - 1].value < 0x80 { latinRuns.append(word[runStart..<index]) }
                runStart = index
            }
        }
        if let last = word.last, last.value < 0x80 { latinRuns.append(word[runStart..<word.endIndex]) }
        guard !latinRuns.isEmpty else { return false }
        func isUpper(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isUppercase }
        let twins = TextData.lookAlikes.toCyrillic
        return latinRuns.allSatisfy { run in
            let letters = run.filter { $0.properties.isAlphabetic }
            if letters.count >= 2 && letters.allSatisfy(isUpper) { return true }
            return letters.count == 1 && isUpper(letters[0]) && twins[letters[0]] == nil
                && word.allSatisfy { !$0.properties.isAlphabetic || isUpper($0) }
        }
    }
}
