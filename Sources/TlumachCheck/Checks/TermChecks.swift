import Foundation
import TlumachCore
import TlumachGlossary

/// The example glossary the term checks' examples run against (Data/example-glossary.yaml: a few concepts of the
/// shipped news glossary), through the glossary module's matcher, as `check` runs with a real glossary.
enum ExampleGlossary {
    /// nil only if the data file is missing from the build (then every term example fails its test).
    static let matcher: (any TermFinder)? = {
        guard let url = try? ResourceLocator.url(bundleName: "Tlumach_TlumachCheck", resource: "example-glossary", extension: "yaml", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return nil }
        return try? GlossaryTermFinder(yaml: text, path: url.path)
    }()
}

/// `term-missing`: a source term without an approved translation in the target.
struct TermMissingCheck: Check {
    static let analyses: UnitAnalyses = [.sourceTerms, .targetTerms]
    static let description = CheckDescription(
        id: "term-missing", name: "Glossary term not translated as agreed",
        summary: "A glossary term of the source (in any inflected form) has no approved translation of its concept in the target (in any inflected form).",
        rationale: """
            Agreed terminology is what makes a newsroom's or a product's language consistent. Matching is \
            inflection-aware on both sides (Coordination Headquarters → до Координаційного штабу), and an \
            abbreviation counts for its full form across languages (SVO → СВО, NATO summit → саміт НАТО). When the \
            target uses a deprecated or forbidden term of the concept instead, term-forbidden reports it. Only a \
            source term that demands its concept is asked for: a preferred term that is not a variant, or one the \
            glossary marks `trigger: true` (`trigger: false` silences a preferred one); a variant or admitted term \
            is often an everyday word (“Region” and “Province” in software are not the oblast concept). A target \
            that says the concept with another word of its family (“the defender's strength” → “сила захисту”, \
            “oblast council” → “обласна рада”), or with a compound or adjective built on a one-word term \
            (“anti-tank missile” → “протитанкова ракета”), gets the finding as information only; so does an \
            abbreviation standing without its full form in the source, which may name something else in another \
            field (MFA, multi-factor authentication in a web framework, is not the ministry).
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("The Coordination Headquarters is working.", "Штаб з координації працює."),
            .triggering("prisoners of war", "полонені"),
            .passing("The Coordination Headquarters is working.", "Координаційний штаб працює."),
            .passing("He appealed to the Coordination Headquarters.", "Він звернувся до Координаційного штабу.", note: "An inflected form."),
            .passing("The Coordination _Headquarters", "Координаційний ш_таб", note: "An accelerator inside the word (balsa: _Russian → Росі_йська)."),
            .passing("NATO summit", "саміт НАТО"),
            .passing("the so-called SVO", "так звана СВО"),
            .triggering("Kharkiv oblast", "Харківський регіон", note: "The preferred term demands область."),
            .passing("Region", "Регіон", note: "A variant of the oblast concept: an everyday word here (software catalogs)."),
            .passing("Province", "Провінція", note: "An admitted term does not demand the concept either."),
            .passing("NATO format", "формат NATO", note: "An abbreviation kept as it is names a format or product, not the concept (ICC profile → профіль ICC, shared-mime-info)."),
            .passing(
                "The Coordination Headquarters is working.", "The Coordination Headquarters is working.",
                note: "A copied target: `untranslated` reports it (or keeps it, a licence in English)."),
        ])

    let terms: (any TermFinder)?

    init(environment: CheckEnvironment) { terms = environment.terms }

    /// Two or more letters, all capitals (ICC, CMU, ARC).
    static func isAbbreviation(_ text: String) -> Bool {
        let letters = text.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.count == text.unicodeScalars.count && letters.allSatisfy { $0.properties.isUppercase }
    }

    /// Glossary words are short: beginnings of target words past this many letters are not kept.
    static let familyPrefixLimit = 40

    /// The target's words by each of their beginnings of five letters or more, lower case (made once per unit,
    /// and only when a term is missing: each lookup is then one probe, not a pass over the words).
    static func familyPrefixes(of words: [Word]) -> [String: String] {
        var prefixes: [String: String] = [:]
        for word in words {
            let lower = Array(word.text.lowercased().unicodeScalars)
            guard lower.count >= 5 else { continue }
            // A hostile word of a million letters costs a few dozen strings.
            for length in 5...min(lower.count, familyPrefixLimit) {
                let prefix = String(String.UnicodeScalarView(lower[..<length]))
                if prefixes[prefix] == nil { prefixes[prefix] = word.text }
            }
        }
        return prefixes
    }

    /// The target's words (lower case, at most twice the family limit long) by each run of four letters in them,
    /// made once per unit and only when a term is missing: a stem is then looked up by its first four letters, not
    /// searched for in every word.
    static func fourLetterRuns(of words: [Word]) -> [String: [String]] {
        var runs: [String: [String]] = [:]
        var seen = Set<String>()
        for word in words {
            let lower = word.text.lowercased()
            guard seen.insert(lower).inserted else { continue }
            let letters = Array(lower.unicodeScalars)
            guard letters.count >= 6, letters.count <= familyPrefixLimit * 2 else { continue }
            var keys = Set<String>()
            for start in 0...(letters.count - 4) {
                let key = String(String.UnicodeScalarView(letters[start..<(start + 4)]))
                if keys.insert(key).inserted { runs[key, default: []].append(lower) }
            }
        }
        return runs
    }

    /// A target word that holds a one-word approved term's stem (four letters or more, a final vowel, й or ь
    /// dropped) and runs on past it by two letters or more: протитанкові for танк, бронетанковий, артилерійський
    /// for артилерія.
    static func compoundOf(_ terms: [String], runs: [String: [String]]) -> String? {
        guard !runs.isEmpty else { return nil }
        for term in terms where !term.contains(" ") {
            var letters = Array(term.lowercased().unicodeScalars)
            if let last = letters.last, "аяоеєіїиуюйь".unicodeScalars.contains(last) { letters.removeLast() }
            guard letters.count >= 4, letters.count <= familyPrefixLimit else { continue }
            let stem = String(String.UnicodeScalarView(letters))
            let key = String(String.UnicodeScalarView(letters[0..<4]))
            if let word = runs[key]?.first(where: { $0.unicodeScalars.count >= letters.count + 2 && $0.contains(stem) }) { return word }
        }
        return nil
    }

    /// A target word for each word of five letters or more of an approved term that begins like it, all but at
    /// most three of its letters (захисту for захисник, агресивні for агресія): the same family, other words. A
    /// word of a longer term left out (Республіка Крим for Автономна Республіка Крим) is no family.
    static func wordOfTheFamily(of terms: [String], prefixes: [String: String]) -> String? {
        guard !prefixes.isEmpty else { return nil }
        for term in terms {
            let stems = term.lowercased().split(separator: " ").map { Array($0.unicodeScalars) }.filter { $0.count >= 5 }
            guard !stems.isEmpty, stems.allSatisfy({ $0.count - 3 <= familyPrefixLimit }) else { continue }
            let found = stems.map { stem in prefixes[String(String.UnicodeScalarView(stem[..<max(5, stem.count - 3)]))] }
            if found.allSatisfy({ $0 != nil }), let first = found.first { return first }
        }
        return nil
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard let terms, unit.hasTarget else { return [] }
        let sourceTerms = unit.sourceTerms
        guard !sourceTerms.isEmpty else { return [] }
        // A target that copies its source is no translation to ask terms of: `untranslated` reports it, or keeps
        // it on purpose (a licence appended in English).
        guard !unit.target.utf8.elementsEqual(unit.source.utf8) else { return [] }
        let targetTerms = unit.targetTerms
        var reported = Set<String>()
        var issues: [Issue] = []
        var familyPrefixes: [String: String]?
        var fourLetterRuns: [String: [String]]?
        var targetWords: Set<String>?
        // Only a source term that demands its concept (preferred, not a variant, or marked `trigger`) is asked for:
        // "Region" in a UI string is not the oblast concept's "region" variant.
        for occurrence in sourceTerms where occurrence.demandsTranslation && !reported.contains(occurrence.concept) {
            // An abbreviation the target keeps as it is names something else, a format or a product (ICC profile →
            // профіль ICC, CMU raster image, the ARC processor), not the glossary's concept.
            // So does a common noun capitalised as a name that the target keeps as the source writes it
            // (seahorse-nautilus: "War (.war)", the Java archive format, is not the war); a proper name left in
            // Latin letters (Kyiv) is still asked for.
            if Self.isAbbreviation(occurrence.text)
                || (occurrence.casing != .exact && occurrence.text.first?.isUppercase == true && !occurrence.text.contains(" "))
            {
                let words = targetWords ?? Set(unit.targetText.words.map(\.text))
                targetWords = words
                if words.contains(occurrence.text) { continue }
            }
            // Qt's "Custom (%1CC x %2CC)": a figure read as a look-alike letter (1CC as ICC) is a figure, not the
            // glossary's abbreviation.
            if occurrence.text.unicodeScalars.contains(where: { $0.properties.numericType != nil }),
                !terms.approvedTerms(concept: occurrence.concept, language: unit.sourceLanguage)
                    .contains(where: { $0.unicodeScalars.contains { $0.properties.numericType != nil } })
            {
                continue
            }
            let inTarget = targetTerms.filter { $0.concept == occurrence.concept }
            if inTarget.isEmpty && !terms.mentions(concept: occurrence.concept, in: unit.target, language: unit.targetLanguage)
                // balsa: "_Russian" → "Росі_йська": the term behind an accelerator mark.
                && unit.targetText.withoutAcceleratorMarks(where: { _, after in after?.properties.isAlphabetic == true })
                    .map({ terms.mentions(concept: occurrence.concept, in: $0, language: unit.targetLanguage) }) != true
            {
                reported.insert(occurrence.concept)
                let expected = terms.approvedTerms(concept: occurrence.concept, language: unit.targetLanguage)
                guard let first = expected.first else { continue }
                let list = expected.prefix(3).map { "“\($0)”" }.joined(separator: " or ")
                // The concept said by another word of its family (the defender's strength → сила захисту, about
                // aggression → через агресивні дії) may be a fair translation: information, not a defect.
                let prefixes = familyPrefixes ?? Self.familyPrefixes(of: unit.targetText.words)
                familyPrefixes = prefixes
                // …and so may a compound or adjective built on a one-word term (warzone2100: "Anti-Tank" →
                // протитанкова, "tank traps" → протитанкові пастки for танк).
                var relative = Self.wordOfTheFamily(of: expected, prefixes: prefixes)
                if relative == nil {
                    let runs = fourLetterRuns ?? Self.fourLetterRuns(of: unit.targetText.words)
                    fourLetterRuns = runs
                    relative = Self.compoundOf(expected, runs: runs)
                }
                if let relative {
                    issues.append(Issue(
                        "“\(occurrence.text)” has no approved translation in the target (expected \(list)); “\(relative)” is of the same family",
                        suggestion: first, ceiling: .info))
                    continue
                }
                // An abbreviation alone names different things in different fields (django-allauth: MFA, multi-factor
                // authentication, is not the ministry): without its full form in the source, information.
                if Self.isAbbreviation(occurrence.text)
                    && !sourceTerms.contains(where: { $0.concept == occurrence.concept && !Self.isAbbreviation($0.text) })
                {
                    issues.append(Issue(
                        "“\(occurrence.text)” has no approved translation in the target (expected \(list)); the abbreviation may name something else here",
                        suggestion: first, ceiling: .info))
                    continue
                }
                issues.append(Issue("“\(occurrence.text)” has no approved translation in the target (expected \(list))", suggestion: first))
            }
        }
        return issues
    }
}

/// `term-forbidden`: a deprecated or forbidden term in the target.
struct TermForbiddenCheck: Check {
    static let analyses: UnitAnalyses = .targetTerms
    static let description = CheckDescription(
        id: "term-forbidden", name: "Forbidden or deprecated term",
        summary: "The target uses a term the glossary marks deprecated or forbidden; the suggestion is the preferred term.",
        rationale: """
            Glossaries record the spellings and words a publication has decided against (Kiev for Kyiv). Forms \
            are matched through inflection, so no case form slips through.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("Київ", "↓Kiev", from: "uk", to: "en"),
            .triggering("NATO summit", "↓самміт НАТО", note: "A deprecated spelling."),
            .passing("Київ", "Kyiv", from: "uk", to: "en"),
            .passing("NATO summit", "саміт НАТО"),
        ])

    let terms: (any TermFinder)?

    init(environment: CheckEnvironment) { terms = environment.terms }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard let terms, unit.hasTarget else { return [] }
        var issues: [Issue] = []
        for occurrence in unit.targetTerms where !occurrence.status.isApproved {
            let preferred = terms.approvedTerms(concept: occurrence.concept, language: unit.targetLanguage).first
            let advice = preferred.map { "; use “\($0)”" } ?? ""
            issues.append(Issue("“\(occurrence.text)” is \(occurrence.status.rawValue)\(advice)", suggestion: preferred, at: occurrence.range))
        }
        return issues
    }
}

/// `term-casing`: a term written against its casing rule.
struct TermCasingCheck: Check {
    static let analyses: UnitAnalyses = .targetTerms
    static let description = CheckDescription(
        id: "term-casing", name: "Term casing",
        summary: "A glossary term in the target is written against its casing rule: exact-case terms and abbreviations (SVO, Kyiv) as in the glossary, house-style lower-case terms (russia) in lower case.",
        rationale: """
            Proper names keep their initial and abbreviations their capitals; a house style may write some names \
            in lower case (russia, russian officials' names), which is a choice made in data, never in code. The \
            glossary matcher compares abbreviations letter for letter and reads a name written all in lower case \
            as another word, so those slips are not found here. A lower-case term at the start of a sentence may \
            take a capital, and a text set in capitals (a headline) may write any term so. An inflected form of a \
            proper name written all in lower case is taken for a common word of the same stem (сум is not Суми).
            """,
        defaultSeverity: .warning,
        examples: [
            .triggering("the aggression of russia", "агресія ↓Росії", note: "House style: lower case."),
            .triggering("агресія росії", "the aggression of ↓Russia", from: "uk", to: "en", note: "House style in English too."),
            .passing("the so-called SVO", "так звана СВО"),
            .passing(
                "the so-called SVO", "так звана сво",
                note: "The glossary matcher compares abbreviations letter for letter: сво is not taken for СВО (neither term-casing nor term-missing reports it)."),
            .passing("Київ", "kyiv", from: "uk", to: "en", note: "A name written in lower case is taken for another word, not the name."),
            .passing("the aggression of russia", "агресія росії"),
            .passing("Russia attacked.", "Росія напала.", note: "Start of a sentence."),
            .passing("THE AGGRESSION OF RUSSIA", "АГРЕСІЯ РОСІЇ", note: "A headline set in capitals says nothing of a term's casing."),
            .triggering("THE AGGRESSION OF RUSSIA", "Агресія ↓Росії", note: "The same headline in sentence case."),
        ])

    let terms: (any TermFinder)?

    init(environment: CheckEnvironment) { terms = environment.terms }

    static func atSentenceStart(_ scalars: [Unicode.Scalar], _ position: Int) -> Bool {
        var index = position - 1
        while index >= 0 && (CharacterClass.isSpace(scalars[index]) || "«“„\"'(".unicodeScalars.contains(scalars[index])) { index -= 1 }
        return index < 0 || ".!?…".unicodeScalars.contains(scalars[index])
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard terms != nil, unit.hasTarget, !unit.targetTerms.isEmpty else { return [] }
        var issues: [Issue] = []
        let scalars = unit.targetText.scalars
        let hasLowercase = scalars.contains { $0.properties.isLowercase }
        for occurrence in unit.targetTerms where occurrence.status.isApproved {
            // A headline or heading set in capitals ("EBAY REPORTS RECORD SALES", "АГРЕСІЯ РОСІЇ") writes every
            // word so: it says nothing of a term's casing.
            if !hasLowercase
                && scalars.indices.contains(where: { !occurrence.range.contains($0) && scalars[$0].properties.isUppercase })
            {
                continue
            }
            // An inflected form written all in lower case is far more often a common word that shares the stem of a
            // proper noun (сум and Суми, рівні and Рівне) than a miswritten name: not reported.
            if occurrence.casing == .exact && occurrence.isInflected && !occurrence.text.contains(where: \.isUppercase)
                && occurrence.term.contains(where: \.isLowercase)
            {
                continue
            }
            switch occurrence.casing {
            case .any:
                continue
            case .lower:
                guard occurrence.text.contains(where: \.isUppercase) else { continue }
                if Self.atSentenceStart(unit.targetText.scalars, occurrence.range.lowerBound)
                    && !occurrence.text.dropFirst().contains(where: \.isUppercase)
                {
                    continue
                }
                issues.append(
                    Issue(
                        "house style writes “\(occurrence.term)” in lower case: “\(occurrence.text.lowercased())”",
                        suggestion: occurrence.text.lowercased(), at: occurrence.range))
            case .exact:
                let term = occurrence.term
                let isAbbreviation = term.count >= 2 && term.allSatisfy { !$0.isLetter || $0.isUppercase }
                let written = occurrence.text
                let wrong: Bool
                if isAbbreviation {
                    wrong = written.contains { $0.isLetter && !$0.isUppercase }
                } else {
                    // Compare the case of each word's first letter; inflected endings may differ.
                    let termWords = term.split(whereSeparator: { $0 == " " || $0 == "-" })
                    let writtenWords = written.split(whereSeparator: { $0 == " " || $0 == "-" })
                    wrong = zip(termWords, writtenWords).contains { pair in
                        pair.0.first?.isUppercase != pair.1.first?.isUppercase
                    }
                }
                if wrong {
                    issues.append(Issue("“\(written)” should be written as the glossary has it: “\(term)”", suggestion: term, at: occurrence.range))
                }
            }
        }
        return issues
    }
}

/// `term-context`: a term without the context its glossary entry requires.
struct TermContextCheck: Check {
    static let analyses: UnitAnalyses = .targetTerms
    static let description = CheckDescription(
        id: "term-context", name: "Term context",
        summary: "A glossary term appears in the target without the words its entry requires before it (English SVO without “so-called”).",
        rationale: """
            Some terms may only be used with a qualifier: a newsroom writes "the so-called SVO", never a bare SVO \
            that would adopt the aggressor's framing. The required words may stand in quotes or be separated by \
            a hyphen or space.
            """,
        defaultSeverity: .error,
        examples: [
            .triggering("цілі СВО", "the goals of the ↓SVO", from: "uk", to: "en"),
            .passing("цілі так званої СВО", "the goals of the so-called SVO", from: "uk", to: "en"),
            .passing("цілі так званої СВО", "the goals of the so called “SVO”", from: "uk", to: "en"),
        ])

    let terms: (any TermFinder)?

    init(environment: CheckEnvironment) { terms = environment.terms }

    /// Letters only, lower case: "so-called", "so called" and "So-Called “" compare equal.
    static func letters<S: Sequence<Unicode.Scalar>>(_ scalars: S) -> String {
        var result = ""
        for scalar in scalars where WordScanner.isLetter(scalar) { result.unicodeScalars.append(scalar) }
        return result.lowercased()
    }

    func check(_ unit: CheckedUnit) -> [Issue] {
        guard terms != nil, unit.hasTarget, !unit.targetTerms.isEmpty else { return [] }
        var issues: [Issue] = []
        let scalars = unit.targetText.scalars
        for occurrence in unit.targetTerms {
            guard let required = occurrence.requiredPrecedingContext, !required.isEmpty else { continue }
            let needed = Self.letters(required.unicodeScalars)
            // The letters right before the term, as many as the context needs.
            var collected: [Unicode.Scalar] = []
            var index = occurrence.range.lowerBound - 1
            while index >= 0 && collected.count < needed.unicodeScalars.count {
                if WordScanner.isLetter(scalars[index]) { collected.append(scalars[index]) }
                index -= 1
            }
            if Self.letters(collected.reversed()) != needed {
                issues.append(Issue("“\(occurrence.text)” needs “\(required)” before it", suggestion: "\(required) \(occurrence.text)", at: occurrence.range))
            }
        }
        return issues
    }
}
