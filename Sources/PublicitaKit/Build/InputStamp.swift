import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What a build read: every input file of the portal with its size and
/// modification time, so an unchanged portal is recognised by `stat` alone.
/// The build cache and `publicita serve`'s watcher both use it.
public struct InputStamps: Equatable, Sendable {
    /// Path relative to the portal → "size:mtime-in-nanoseconds".
    public var stamps: [String: String]

    /// Stamps every input of the portal at `root`: `portal.yaml`, `content/`,
    /// `static/` and the portal's `templates/`, walked as ``PortalFiles`` sees them
    /// (folder links are not followed, so a loop cannot make the scan endless). A
    /// readable link is stamped with its target and itself, a refused entry with
    /// itself, so that replacing either is seen as a change.
    public static func scan(_ root: URL) -> InputStamps {
        var stamps: [String: String] = [:]
        let files = PortalFiles(root: root)
        func add(_ entry: PortalFiles.Entry) {
            switch entry.kind {
            case .folder: return
            case .file:
                if let target = entry.targetInfo {
                    stamps[entry.relative] = format(target) + "~" + format(entry.info)
                } else {
                    stamps[entry.relative] = format(entry.info)
                }
            case .refused: stamps[entry.relative] = "refused:" + format(entry.info)
            }
        }
        if let config = files.entry("portal.yaml") { add(config) }
        for folder in ["content", "static", "templates"] {
            guard let top = files.entry(folder) else { continue }
            add(top)
            if case .folder = top.kind { files.walk(folder, recursive: true, add) }
        }
        return InputStamps(stamps: stamps)
    }

    /// "size:mtime" of a regular file (symbolic links are followed), or nil.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return format(info)
    }

    private static func format(_ info: stat) -> String {
        // Nanoseconds padded to nine digits by hand: String(format:) was most of the time of
        // a scan, which `serve`'s watcher makes every 250 ms.
        let nanoseconds = String(info.st_mtim.tv_nsec)
        return "\(info.st_size):\(info.st_mtim.tv_sec)" + String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds
    }
}
