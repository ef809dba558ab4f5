import Foundation
import TlumachCore

/// A problem found in a glossary.
public struct LintIssue: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }
    public var severity: Severity
    public var path: String
    public var line: Int?
    public var column: Int?
    public var conceptID: String?
    public var message: String

    public var description: String {
        var location = path
        if let line { location += ":\(line)"; if let column { location += ":\(column)" } }
        return "\(location): \(severity.rawValue): \(message)"
    }
}

/// Checks glossaries: duplicate terms across concepts, a term both preferred and forbidden, do-not-use terms
/// without a replacement (or with one that is not in the concept), unknown fields, casing conflicts, overlays of
/// unknown concepts, duplicate concept ids (errors); missing languages (warnings).
public enum GlossaryLint {
    /// Lints files and folders. Unreadable or malformed files throw `InputError` (exit 2).
    public static func lint(paths: [String]) throws -> [LintIssue] {
        var issues: [LintIssue] = []
        var files: [GlossaryFile] = []
        for path in try Glossary.expand(paths) {
            if GlossaryFormat(path: path) == .yaml {
                var unknown: [InputError] = []
                let (info, concepts) = try GlossaryYAML.parse(try TextFile.read(path), path: path) { unknown.append($0) }
                issues += unknown.map {
                    LintIssue(severity: .error, path: path, line: $0.line, column: $0.column, message: $0.message)
                }
                files.append(GlossaryFile(path: path, info: info, concepts: concepts.map { var c = $0; c.file = path; return c }))
            } else {
                files.append(try Glossary.readFile(path))
            }
        }
        return issues + lint(files: files)
    }

    public static func lint(files: [GlossaryFile]) -> [LintIssue] {
        var steps = 0
        return lint(files: files, steps: &steps)
    }

    /// `steps` counts the look-ups of each concept's original: the work growth tests compare.
    package static func lint(files: [GlossaryFile], steps: inout Int) -> [LintIssue] {
        var issues: [LintIssue] = []
        func issue(_ severity: LintIssue.Severity, _ concept: Concept, _ message: String) {
            issues.append(
                LintIssue(
                    severity: severity, path: concept.file ?? "", line: concept.origin?.line,
                    column: concept.origin?.column, conceptID: concept.id, message: message))
        }
        // Combine as loading does, reporting instead of failing.
        var glossary = Glossary()
        var definedIn: [String: String] = [:]
        for file in files where !file.info.overlay {
            for concept in file.concepts {
                if let other = definedIn[concept.id] {
                    issue(.error, concept, "concept `\(concept.id)` is already defined in \(other)")
                    continue
                }
                definedIn[concept.id] = file.path
                glossary.add(concept)
            }
        }
        for file in files where file.info.overlay {
            for concept in file.concepts where !glossary.amend(with: concept) {
                issue(.error, concept, "overlay amends concept `\(concept.id)`, which no other glossary defines")
            }
        }
        let nonOverlay = files.filter { !$0.info.overlay }.flatMap(\.concepts)
        let allLanguages = Glossary(concepts: nonOverlay).languages

        // Same term (language, case-folded text) in two concepts; casing rules that disagree.
        var owners: [String: (concept: String, casing: Casing)] = [:]
        // Each id's first definition (as written, before overlays), found by id: a search per concept was
        // quadratic (a 240,001-line CSV ran for minutes).
        var originals: [String: Concept] = [:]
        for concept in nonOverlay where originals[concept.id] == nil { originals[concept.id] = concept }
        for concept in glossary.concepts {
            steps += 1
            let original = originals[concept.id] ?? concept
            for language in concept.languages {
                let terms = concept.terms[language] ?? []
                var seenHere: [String: TermStatus] = [:]
                for term in terms {
                    let key = language + "\u{1F}" + term.text.lowercased()
                    if let owner = owners[key], owner.concept != concept.id {
                        issue(.error, original, "\(language) term “\(term.text)” is also a term of concept `\(owner.concept)`")
                    }
                    if let owner = owners[key], owner.concept == concept.id, owner.casing != term.casing {
                        issue(.error, original, "\(language) term “\(term.text)” appears twice with different casing rules")
                    }
                    owners[key] = (concept.id, term.casing)
                    if let earlier = seenHere[term.text.lowercased()], earlier.isDoNotUse != term.status.isDoNotUse {
                        issue(.error, original, "\(language) term “\(term.text)” is both \(earlier.rawValue) and \(term.status.rawValue)")
                    }
                    seenHere[term.text.lowercased()] = term.status
                    if term.casing == .lower && term.text != term.text.lowercased() {
                        issue(.error, original, "\(language) term “\(term.text)” has casing `lower` but is written with capitals")
                    }
                    if term.status.isDoNotUse {
                        if let use = term.use {
                            if !terms.contains(where: { $0.text.lowercased() == use.lowercased() && !$0.status.isDoNotUse }) {
                                issue(.error, original, "\(language) term “\(term.text)” says use “\(use)”, which is not an allowed \(language) term of this concept")
                            }
                        } else if concept.replacement(for: term, language: language) == nil {
                            issue(.error, original, "\(term.status.rawValue) \(language) term “\(term.text)” has no replacement: add a preferred term or `use:`")
                        }
                    }
                }
                if !terms.isEmpty && terms.allSatisfy({ $0.status.isDoNotUse }) && terms.allSatisfy({ $0.use == nil }) {
                    // Already reported per term above.
                }
            }
            for language in allLanguages where concept.terms[language] == nil {
                issue(.warning, original, "concept `\(concept.id)` has no \(language) term")
            }
        }
        return issues
    }
}

/// Counts for `glossary stats`.
public struct GlossaryStats: Sendable, Equatable {
    public var files: Int
    public var concepts: Int
    public var termsByLanguage: [String: Int]
    public var termsByStatus: [String: Int]
    public var termsByType: [String: Int]
    public var multiword: Int

    public init(_ glossary: Glossary) {
        files = glossary.files.count
        concepts = glossary.concepts.count
        var byLanguage: [String: Int] = [:], byStatus: [String: Int] = [:], byType: [String: Int] = [:]
        var multiword = 0
        for concept in glossary.concepts {
            for (language, terms) in concept.terms {
                byLanguage[language, default: 0] += terms.count
                for term in terms {
                    byStatus[term.status.rawValue, default: 0] += 1
                    byType[term.type.rawValue, default: 0] += 1
                    if term.text.contains(" ") || term.text.contains("-") { multiword += 1 }
                }
            }
        }
        termsByLanguage = byLanguage
        termsByStatus = byStatus
        termsByType = byType
        self.multiword = multiword
    }
}
