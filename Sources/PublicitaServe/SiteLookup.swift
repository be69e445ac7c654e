import Foundation

/// Maps a request's path to a file of the served folder, and refuses anything
/// that could lead outside it.
enum SiteLookup {
    /// What a request path names.
    enum Resolution: Equatable {
        /// A regular file inside the folder.
        case file(URL)
        /// A folder asked for without its trailing slash: redirect to this path.
        case redirect(String)
        /// A path that tries to leave the folder (`..`, encoded or not, back-slashes, NUL,
        /// a link pointing outside) or is not a path at all.
        case forbidden
        /// Nothing there (or a hidden file such as the output marker).
        case notFound
    }

    /// Resolves `rawPath`, the request target's path exactly as sent
    /// (percent-encoded, without the query), inside `root`.
    static func resolve(rawPath: String, in root: URL) -> Resolution {
        // Only origin-form targets ("/…"); "*", "http://host/…" and the like are refused.
        guard rawPath.hasPrefix("/") else { return .forbidden }
        // Decode once; malformed escapes are refused. `..` in any spelling is seen after decoding.
        guard let decoded = rawPath.removingPercentEncoding else { return .forbidden }
        guard !decoded.contains("\0"), !decoded.contains("\\") else { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Hidden files (the output marker `.publicita-site`, editor leftovers) are never served.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        let base = root.resolvingSymlinksInPath().standardizedFileURL
        var url = base
        for segment in segments { url.appendPathComponent(segment) }
        // Whatever links the path passes through, the file itself must lie inside the folder.
        let resolved = url.resolvingSymlinksInPath().standardizedFileURL
        guard isInside(resolved, base) else { return .forbidden }

        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) else { return .notFound }
        if isDirectory.boolValue {
            guard decoded.hasSuffix("/") else { return .redirect(rawPath + "/") }
            let index = resolved.appendingPathComponent("index.html").resolvingSymlinksInPath().standardizedFileURL
            guard isInside(index, base) else { return .forbidden }
            return isRegularFile(index) ? .file(index) : .notFound
        }
        return isRegularFile(resolved) ? .file(resolved) : .notFound
    }

    /// Whether `url` is `base` itself or lies below it.
    static func isInside(_ url: URL, _ base: URL) -> Bool {
        let path = url.path
        let basePath = base.path.hasSuffix("/") ? base.path : base.path + "/"
        return path == base.path || path.hasPrefix(basePath)
    }

    private static func isRegularFile(_ url: URL) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: url.path) else { return false }
        return (attributes[.type] as? FileAttributeType) == .typeRegular
    }
}
