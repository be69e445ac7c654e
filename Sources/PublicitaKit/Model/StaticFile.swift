/// A file under `static/`, as the load stage found it: published as it is, at its name.
public struct StaticFile: Sendable, Hashable {
    /// Its path relative to `static/`, with `/` separators: also its address in the site.
    public var name: String
    /// The readable file the load stage found (a link's target inside the sources, never the link).
    public var path: String
    /// Its size in bytes when it was found, for links' notes ("PDF, 1,2 MB").
    public var size: Int64
}
