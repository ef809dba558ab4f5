import Foundation
import TlumachAlign
import TlumachTestSupport

/// An evaluation article: blocks separated by blank lines are gold beads; "uk:" lines are source sentences, "en:"
/// lines target sentences; "#" lines are comments.
struct BitextFixture {
    var name: String
    var source: [String] = []
    var target: [String] = []
    var gold: [Bead] = []

    init(name: String, text: String) throws {
        self.name = name
        var blockSource: [String] = []
        var blockTarget: [String] = []
        func close() {
            guard !blockSource.isEmpty || !blockTarget.isEmpty else { return }
            gold.append(Bead(source: source.count..<(source.count + blockSource.count),
                             target: target.count..<(target.count + blockTarget.count)))
            source += blockSource
            target += blockTarget
            blockSource = []
            blockTarget = []
        }
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                close()
            } else if line.hasPrefix("uk: ") {
                blockSource.append(String(line.dropFirst(4)))
            } else if line.hasPrefix("en: ") {
                blockTarget.append(String(line.dropFirst(4)))
            } else {
                throw NSError(domain: "BitextFixture", code: 1,
                              userInfo: [NSLocalizedDescriptionKey: "\(name):\(number + 1): not a uk:/en: line"])
            }
        }
        close()
    }

    static func all(in subdirectory: String = "eval") throws -> [BitextFixture] {
        let directory = TestFiles.fixtures(of: "TlumachAlignTests").appendingPathComponent(subdirectory)
        let files = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "bitext" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
        return try files.map {
            try BitextFixture(name: $0.deletingPathExtension().lastPathComponent,
                              text: String(contentsOf: $0, encoding: .utf8))
        }
    }
}
