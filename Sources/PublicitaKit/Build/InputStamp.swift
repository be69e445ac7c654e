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
    /// `static/` and the portal's `templates/` (links are followed).
    public static func scan(_ root: URL) -> InputStamps {
        var stamps: [String: String] = [:]
        func add(_ relative: String) {
            if let stamp = stamp(root.path + "/" + relative) { stamps[relative] = stamp }
        }
        add("portal.yaml")
        for folder in ["content", "static", "templates"] {
            walk(root.path + "/" + folder, relative: folder, add)
        }
        return InputStamps(stamps: stamps)
    }

    /// "size:mtime" of a regular file (symbolic links are followed), or nil.
    static func stamp(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        // Nanoseconds padded to nine digits by hand: String(format:) was most of the time of
        // a scan, which `serve`'s watcher makes every 250 ms.
        let nanoseconds = String(info.st_mtim.tv_nsec)
        return "\(info.st_size):\(info.st_mtim.tv_sec)" + String(repeating: "0", count: max(0, 9 - nanoseconds.count)) + nanoseconds
    }

    private static func walk(_ path: String, relative: String, _ visit: (String) -> Void) {
        guard let directory = opendir(path) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let childPath = path + "/" + name
            let childRelative = relative + "/" + name
            var info = stat()
            guard stat(childPath, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                walk(childPath, relative: childRelative, visit)
            } else {
                visit(childRelative)
            }
        }
    }
}
