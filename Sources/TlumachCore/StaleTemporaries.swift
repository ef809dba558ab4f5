import Foundation

/// Temporary files beside a target: `.<name>.<tag>-<pid>…` so that a later run can tell a crashed run's litter
/// (its process is gone) from a file a live process is still writing, and remove only the former.
package enum StaleTemporaries {
    package static func path(beside target: String, tag: String) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(tag)-\(getpid())-\(UUID().uuidString).tmp").path
    }

    /// Removes `.<name>.<tag>-<pid>-….tmp` (and its SQLite `-wal`/`-shm`/`-journal` companions) whose process has ended.
    package static func remove(beside target: String, tag: String) {
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent).\(tag)-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isASCII && $0.isNumber }
            guard let pid = Int32(digits), pid != getpid() else { continue }
            if kill(pid, 0) == 0 || errno != ESRCH { continue }  // alive (or not ours to judge)
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    package static func removeDatabase(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(path + suffix) }
    }
}
