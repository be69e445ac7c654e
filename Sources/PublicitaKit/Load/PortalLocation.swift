import Foundation

/// Which portal a command run without a portal folder means.
public enum PortalLocation {
    /// The nearest of `folder` and its parents that holds a `portal.yaml`, as git
    /// finds its repository from any folder inside it; nil when none does.
    public static func enclosing(_ folder: URL) -> URL? {
        var candidate = folder.standardizedFileURL
        while true {
            var info = stat()
            if lstat(candidate.appendingPathComponent("portal.yaml").path, &info) == 0 { return candidate }
            let parent = candidate.deletingLastPathComponent().standardizedFileURL
            if parent.path == candidate.path { return nil }
            candidate = parent
        }
    }

    /// The portal folder for a command line: `given` as is when there is one, else the
    /// portal around the current folder (the current folder itself when there is none,
    /// so that the usual "no portal.yaml" message names it).
    public static func resolve(_ given: String?) -> URL {
        if let given { return URL(fileURLWithPath: given, isDirectory: true) }
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return enclosing(current) ?? current
    }
}
