/// Which input files changed between two scans of a portal: what `publicita serve`'s
/// watcher already knows, handed to a ``BuildSession`` so that it reads only those
/// files instead of stamping the whole portal again.
public struct InputChanges: Equatable, Sendable {
    /// Path relative to the portal → its new stamp, or nil when the file is gone.
    public var files: [String: String?]

    /// The changes from `old` to `new` (path → stamp, as ``InputStamps/stamps``):
    /// files added or modified with their new stamp, files removed with nil.
    public init(from old: [String: String], to new: [String: String]) {
        var files: [String: String?] = [:]
        for (path, stamp) in new where old[path] != stamp { files[path] = .some(stamp) }
        for path in old.keys where new[path] == nil { files[path] = .some(nil) }
        self.files = files
    }

    /// The changes between two scans.
    public init(from old: InputStamps, to new: InputStamps) {
        self.init(from: old.stamps, to: new.stamps)
    }

    /// Changes given file by file.
    public init(files: [String: String?]) {
        self.files = files
    }

    /// Whether nothing changed.
    public var isEmpty: Bool { files.isEmpty }
}
