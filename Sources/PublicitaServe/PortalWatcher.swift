import Foundation

/// Finds changes to a portal's sources by comparing modification times and sizes.
///
/// Polling is portable (Linux and macOS alike) and cheap for a portal's few
/// hundred files; `serve` polls every ~250 ms and waits for a burst of writes
/// (an editor saving, a `git checkout`) to settle before it rebuilds.
struct PortalWatcher: Sendable {
    /// What is known of one file.
    struct Stamp: Equatable, Sendable {
        var modified: TimeInterval
        var size: Int
    }

    /// Relative path → stamp, of every watched file.
    typealias Snapshot = [String: Stamp]

    /// The folders watched, relative to the portal.
    static let folders = ["content", "templates", "static"]
    /// The files watched, relative to the portal.
    static let files = ["portal.yaml"]

    let root: URL

    /// The current stamps of `portal.yaml` and every file under `content/`, `templates/` and `static/`.
    func snapshot() -> Snapshot {
        var result: Snapshot = [:]
        let manager = FileManager.default
        for file in Self.files {
            if let stamp = Self.stamp(root.appendingPathComponent(file)) { result[file] = stamp }
        }
        let keys: [URLResourceKey] = [.isRegularFileKey, .contentModificationDateKey, .fileSizeKey]
        for folder in Self.folders {
            // `templates` may be a link (the example portal's points into the theme): follow it.
            let base = root.appendingPathComponent(folder, isDirectory: true).resolvingSymlinksInPath()
            guard let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: keys,
                                                      options: [.skipsHiddenFiles]) else { continue }
            let prefix = base.standardizedFileURL.path
            for case let url as URL in enumerator {
                let path = url.standardizedFileURL.path
                let relative = folder + (path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : "/" + url.lastPathComponent)
                if let stamp = Self.stamp(url) { result[relative] = stamp }
            }
        }
        return result
    }

    private static func stamp(_ url: URL) -> Stamp? {
        // Links are followed, so an edit to a linked file is seen too.
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.resolvingSymlinksInPath().path),
              (attributes[.type] as? FileAttributeType) == .typeRegular else { return nil }
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSinceReferenceDate ?? 0
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        return Stamp(modified: modified, size: size)
    }
}
