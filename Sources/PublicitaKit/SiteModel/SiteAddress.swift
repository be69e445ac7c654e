/// The one place where a site path (`/projekty/liberec-apk/`, as ``Route`` gives it)
/// becomes an address written into the site.
///
/// A site can live under a path (`https://owner.github.io/portal/`): then every
/// internal address starts with that base path. Or it can be written with
/// addresses relative to each page (`relative_links: true`), so that the folder
/// works from disk (`file://`) and from any folder of any host: then folder
/// addresses name `index.html`, since a browser on `file://` does not open folders.
public struct SiteAddress: Sendable, Hashable {
    /// The absolute address of the site's root, ending in `/` (`base_url`), if known.
    public let baseURL: String?
    /// The path the site lives under, from `base_url`: `/` or `/portal/`.
    public let basePath: String
    /// Whether internal addresses are written relative to their page.
    public let relative: Bool

    /// Addresses for a site published at `baseURL` (nil: at an unknown host's root).
    public init(baseURL: String?, relative: Bool) {
        self.baseURL = baseURL
        self.basePath = baseURL.map(Self.path(of:)) ?? "/"
        self.relative = relative
    }

    /// The path part of an absolute `http(s)` address: `https://a.cz/portal/` → `/portal/`.
    static func path(of url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return "/" }
        let afterHost = url[schemeEnd.upperBound...].drop(while: { $0 != "/" })
        return afterHost.isEmpty ? "/" : String(afterHost)
    }

    /// The absolute address of `sitePath` (canonical links, feeds, sitemaps, data files),
    /// or nil when the site's address is unknown.
    public func absolute(_ sitePath: String) -> String? {
        guard let baseURL else { return nil }
        return baseURL + String(sitePath.drop(while: { $0 == "/" }))
    }

    /// The absolute address of `sitePath` when the site's address is known, else the
    /// address under the base path (for data files, which have no page to be relative to).
    public func absoluteOrRooted(_ sitePath: String) -> String {
        absolute(sitePath) ?? basePath + String(sitePath.drop(while: { $0 == "/" }))
    }

    /// The addresses as written on the page at `pagePath`.
    public func from(_ pagePath: String) -> PageAddresses {
        // A host serves the 404 page at any depth: relative addresses would break there,
        // so it keeps the base path whenever the site's address is known (each language's 404 page alike).
        guard relative, !(pagePath.hasSuffix(Route.notFound) && baseURL != nil) else {
            return PageAddresses(prefix: basePath, namesIndex: relative)
        }
        // A page's folder: `/` for `/` and `/404.html`, `/projekty/x/` for itself.
        let depth = pagePath.utf8.reduce(0) { $1 == UInt8(ascii: "/") ? $0 + 1 : $0 } - 1
        let prefix = depth <= 0 ? "./" : String(repeating: "../", count: depth)
        return PageAddresses(prefix: prefix, namesIndex: true)
    }
}

/// The addresses written on one page: every internal address of that page goes through ``href(_:)``.
public struct PageAddresses: Sendable, Hashable {
    /// What every internal address starts with: the base path, or `../…` back to the site's root.
    public let prefix: String
    /// Whether a folder address names its `index.html`.
    public let namesIndex: Bool

    /// The address of `sitePath`, which may carry a `?query` and a `#fragment`.
    public func href(_ sitePath: String) -> String {
        var path = Substring(sitePath)
        var suffix: Substring = ""
        if let mark = path.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            suffix = path[mark...]
            path = path[..<mark]
        }
        var result = prefix + path.drop(while: { $0 == "/" })
        if namesIndex, result.hasSuffix("/") { result += "index.html" }
        return result + suffix
    }
}
