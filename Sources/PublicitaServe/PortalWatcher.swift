import Foundation
import PublicitaKit

/// Finds changes to a portal's sources by comparing modification times and sizes.
///
/// Polling is simple and cheap (one `stat` per file, the same scan the build cache
/// makes); `serve` polls every ~250 ms and waits for a burst of writes
/// (an editor saving, a `git checkout`) to settle before it rebuilds.
struct PortalWatcher: Sendable {
    /// Relative path → stamp ("size:mtime"), of every watched file.
    typealias Snapshot = [String: String]

    let root: URL

    /// The current stamps of `portal.yaml` and every file under `content/`, `templates/`
    /// and `static/`: the build cache's own scan, less hidden files (an editor's swap
    /// file is not an edit worth a rebuild).
    func snapshot() -> Snapshot {
        InputStamps.scan(root).stamps.filter { entry in
            !entry.key.split(separator: "/").contains { $0.hasPrefix(".") }
        }
    }
}
