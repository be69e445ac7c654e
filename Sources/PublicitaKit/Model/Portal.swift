/// Everything a portal's source folder holds, loaded: the result of the load stage.
public struct Portal: Sendable {
    /// The portal's folder.
    public var root: String
    /// `portal.yaml`.
    public var config: PortalConfig
    /// Project records.
    public var projects: [Project]
    /// Reports.
    public var reports: [Report]
    /// Free pages.
    public var pages: [Page]
    /// News items.
    public var news: [NewsItem]
    /// Files under `static/`, relative to it, with `/` separators.
    public var staticFiles: [String]
}
