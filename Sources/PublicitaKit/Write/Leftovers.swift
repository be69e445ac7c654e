import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The work folders a build keeps beside its output, and what a killed build left
/// of them. Each is named `.<site>.<kind>-<pid>-<token>`, so a later build can tell
/// a folder of a dead process (removed) from one of a build still running (kept).
enum Leftovers {
    enum Kind: String {
        /// A complete new site being written (``StagedOutput``).
        case staging
        /// The previous site, moved aside while the new one is swapped in.
        case old
        /// An in-place update's new and old files and its journal (``InPlaceUpdate``).
        case update
    }

    /// The journal of an in-place update, inside its folder.
    static let journalName = "journal"

    /// A fresh work folder's URL beside `output` (not created).
    static func workFolder(beside output: URL, kind: Kind) -> URL {
        let output = output.standardizedFileURL
        let token = UUID().uuidString.prefix(8)
        return output.deletingLastPathComponent()
            .appendingPathComponent(".\(output.lastPathComponent).\(kind.rawValue)-\(getpid())-\(token)")
    }

    /// Removes what dead builds left beside `output`, puts back a previous site a
    /// killed swap had moved aside (when the output is missing), and returns the
    /// paths interrupted in-place updates may have changed: their content is
    /// not what the manifest says.
    static func clear(beside output: URL) -> Set<String> {
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        let prefix = ".\(output.lastPathComponent)."
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: parent.path) else { return [] }
        var touched: Set<String> = []
        for name in names.sorted() where name.hasPrefix(prefix) {
            let rest = name.dropFirst(prefix.count)
            guard let dash = rest.firstIndex(of: "-"), let kind = Kind(rawValue: String(rest[..<dash])) else { continue }
            let fields = rest[rest.index(after: dash)...].split(separator: "-")
            guard fields.count == 2, let pid = Int32(fields[0]), !isAlive(pid) else { continue }
            let folder = parent.appendingPathComponent(name)
            switch kind {
            case .update:
                if let journal = try? String(contentsOf: folder.appendingPathComponent(journalName), encoding: .utf8) {
                    touched.formUnion(journal.split(separator: "\n").map(String.init))
                }
            case .old:
                var info = stat()
                if lstat(output.path, &info) != 0, rename(folder.path, output.path) == 0 { continue }
            case .staging:
                break
            }
            try? FileManager.default.removeItem(at: folder)
        }
        return touched
    }

    private static func isAlive(_ pid: Int32) -> Bool {
        pid == getpid() || kill(pid, 0) == 0 || errno == EPERM
    }
}
