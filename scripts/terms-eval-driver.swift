// Round 8's evaluation driver (docs/terminology-alignment.md, "Round 8"): what `tlumach glossary suggest --corpus
// C --batch B --format json` does, over TlumachTerminology alone, so that a release build needs none of the server
// modules. Not a target of the package: to use it, copy it to Scratch/termsdriver/main.swift, add
// `.executableTarget(name: "termsdriver", dependencies: ["TlumachTerminology"], path: "Scratch/termsdriver")` to
// Package.swift locally, `swift build -c release --product termsdriver`, and give scripts/eval-terms.py a wrapper
// as `--tlumach` that calls `termsdriver CORPUS BATCH [--without FEATURE]` for the script's
// `glossary suggest --corpus C --batch B --format json [--association dice] [--without F]`. (Rounds 9–10 had a
// `--with jump-model` switch here for the jump model, removed in round 10.)
import Foundation
import TlumachTerminology

var args = Array(CommandLine.arguments.dropFirst())
let corpus = args.removeFirst()
let batch = args.removeFirst()
var features = TerminologyFeatures()
while !args.isEmpty {
    let flag = args.removeFirst()
    let value = args.isEmpty ? "" : args.removeFirst()
    if flag == "--without" {
        switch value {
        case "inflections": features.inflections = false
        case "ordinary-words": features.ordinaryWords = false
        case "whole-units": features.wholeUnits = false
        case "form-agreement": features.formAgreement = false
        default: fatalError("unknown \(value)")
        }
    }
}
let loaded = try TermCorpusLoader.read(files: [corpus])
let aligner = TermAligner(pairs: loaded.pairs, features: features)
let queries = try String(contentsOfFile: batch, encoding: .utf8).split(whereSeparator: \.isNewline)
    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
for query in queries {
    let candidates = aligner.suggest(query, limit: 5)
    let object: [String: Any] = ["term": query, "candidates": candidates.map { ["text": $0.text, "score": $0.score, "count": $0.count] }]
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    print(String(decoding: data, as: UTF8.self))
}
