import Foundation
import TlumachGlossary

/// A pair the memory uses that the glossary says otherwise about.
public struct TermConflict: Sendable, Hashable {
    public var pair: TermPair
    public var conceptID: String
    /// What the glossary approves in the target language (preferred or admitted terms).
    public var approved: [String]
    public var reason: String
}

/// Turns extracted pairs into a glossary draft, and compares them with an existing glossary.
public enum GlossaryDraft {
    /// Concepts for the native YAML / TBX writers: one per pair; a full form and the abbreviation it is defined
    /// with share one concept; the score and count go into the note.
    public static func concepts(_ pairs: [TermPair], sourceLanguage: String, targetLanguage: String) -> [Concept] {
        var concepts: [Concept] = []
        var usedIDs = Set<String>()
        var abbreviationsInConcepts = Set<String>()
        for pair in pairs where pair.abbreviationSource != nil {
            abbreviationsInConcepts.insert(key(pair.abbreviationSource ?? "", pair.abbreviationTarget ?? ""))
        }
        // A term belongs to one concept only (lint): a pair sharing a term with an earlier, better pair joins its
        // concept as a synonym.
        var conceptOfTerm: [String: Int] = [:]
        func termKey(_ language: String, _ text: String) -> String { language + "\u{1}" + text.lowercased() }
        for pair in pairs {
            if pair.kind == .abbreviation && abbreviationsInConcepts.contains(key(pair.source, pair.target)) { continue }
            if let index = conceptOfTerm[termKey(sourceLanguage, pair.source)] ?? conceptOfTerm[termKey(targetLanguage, pair.target)] {
                for (language, text) in [(sourceLanguage, pair.source), (targetLanguage, pair.target)]
                where conceptOfTerm[termKey(language, text)] == nil {
                    concepts[index].terms[language, default: []].append(term(text, kind: pair.kind))
                    conceptOfTerm[termKey(language, text)] = index
                }
                concepts[index].note = (concepts[index].note ?? "")
                    + "; \(pair.source) → \(pair.target): score \(format(pair.score)), count \(pair.count)"
                continue
            }
            var sourceTerms = [term(pair.source, kind: pair.kind)]
            var targetTerms = [term(pair.target, kind: pair.kind)]
            if let abbreviationSource = pair.abbreviationSource, let abbreviationTarget = pair.abbreviationTarget {
                sourceTerms.append(Term(text: abbreviationSource, type: .abbreviation))
                targetTerms.append(Term(text: abbreviationTarget, type: .abbreviation))
            }
            var id = slug(pair.source)
            if usedIDs.contains(id) {
                var counter = 2
                while usedIDs.contains("\(id)-\(counter)") { counter += 1 }
                id = "\(id)-\(counter)"
            }
            usedIDs.insert(id)
            var note = "tlumach glossary extract: score \(format(pair.score)), count \(pair.count)"
            if !pair.examples.isEmpty { note += ", e.g. " + pair.examples.joined(separator: ", ") }
            var terms: [String: [Term]] = [sourceLanguage: sourceTerms]
            terms[targetLanguage, default: []] += targetTerms
            for (language, list) in terms {
                for item in list { conceptOfTerm[termKey(language, item.text)] = concepts.count }
            }
            concepts.append(Concept(id: id, note: note, terms: terms))
        }
        return concepts
    }

    private static func key(_ a: String, _ b: String) -> String { a.lowercased() + "\u{1}" + b.lowercased() }

    private static func term(_ text: String, kind: TermKind) -> Term {
        switch kind {
        case .name: Term(text: text, type: .properNoun)
        case .abbreviation: Term(text: text, type: .abbreviation)
        case .term: Term(text: text)
        }
    }

    static func format(_ score: Double) -> String { String(format: "%.3f", score) }

    /// A concept id from a term: ASCII letters and digits (Cyrillic transliterated by ICU-free simple table is not
    /// needed: ids only have to be unique and readable), lower case, words joined by hyphens.
    static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                pendingHyphen = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return result.isEmpty ? "term" : result
    }

    /// Stem key of a phrase: how pairs and glossary terms are compared (inflections and case ignored).
    static func stemKey(_ text: String) -> String {
        TermTokenizer.tokenize(text).map(\.stem).joined(separator: " ")
    }

    /// Leaves out the pairs the glossary already has; reports as conflicts the pairs whose source term the glossary
    /// knows but whose target it does not approve (a deprecated or forbidden term, or another translation), and
    /// pairs whose source term itself is marked do-not-use.
    public static func compare(
        _ pairs: [TermPair], with glossary: Glossary, sourceLanguage: String, targetLanguage: String
    ) -> (new: [TermPair], conflicts: [TermConflict]) {
        func language(_ tag: String, _ wanted: String) -> Bool {
            tag.lowercased() == wanted.lowercased() || tag.lowercased().hasPrefix(wanted.lowercased() + "-")
        }
        var bySource: [String: [(Concept, Term)]] = [:]
        for concept in glossary.concepts {
            for (tag, terms) in concept.terms where language(tag, sourceLanguage) {
                for term in terms { bySource[stemKey(term.text), default: []].append((concept, term)) }
            }
        }
        var new: [TermPair] = []
        var conflicts: [TermConflict] = []
        for pair in pairs {
            guard let entries = bySource[stemKey(pair.source)] else {
                new.append(pair)
                continue
            }
            let targetKey = stemKey(pair.target)
            var known = false
            var conflict: TermConflict?
            for (concept, sourceTerm) in entries {
                let targets = concept.terms.filter { language($0.key, targetLanguage) }.flatMap(\.value)
                guard !targets.isEmpty else { continue }
                let approved = targets.filter { !$0.status.isDoNotUse }.map(\.text)
                if sourceTerm.status.isDoNotUse {
                    conflict = TermConflict(
                        pair: pair, conceptID: concept.id, approved: approved,
                        reason: "the memory uses “\(pair.source)”, which the glossary marks \(sourceTerm.status.rawValue)")
                    continue
                }
                if let match = targets.first(where: { stemKey($0.text) == targetKey }) {
                    if match.status.isDoNotUse {
                        conflict = TermConflict(
                            pair: pair, conceptID: concept.id, approved: approved,
                            reason: "the memory translates “\(pair.source)” as “\(pair.target)”, which the glossary marks \(match.status.rawValue)")
                    } else {
                        known = true
                    }
                } else if conflict == nil {
                    conflict = TermConflict(
                        pair: pair, conceptID: concept.id, approved: approved,
                        reason: "the memory translates “\(pair.source)” as “\(pair.target)”, not as the approved “\(approved.joined(separator: "”, “"))”")
                }
            }
            if known { continue }
            if let conflict { conflicts.append(conflict) } else { new.append(pair) }
        }
        return (new, conflicts)
    }
}
