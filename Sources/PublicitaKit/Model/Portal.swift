/// Everything a portal's source folder holds, loaded: the result of the load stage.
public struct Portal: Sendable {
    /// The portal's folder.
    public var root: String
    /// `portal.yaml`.
    public var config: PortalConfig
    /// Project records.
    public var projects: RecordList<Project>
    /// Reports.
    public var reports: RecordList<Report>
    /// Free pages.
    public var pages: RecordList<Page>
    /// News items.
    public var news: RecordList<NewsItem>
    /// Files under `static/`, in name order.
    public var staticFiles: [StaticFile]
    /// The address each record file that failed to load would have had (from its
    /// file name), with the file: a link there is not broken, its target has errors.
    public var failedRecords: [String: String] = [:]
    /// Where the render stage reads the records' bodies (they are not kept in memory).
    public var bodies = BodySource()
}

extension Portal {
    /// A portal of the records as loaded.
    init(root: String, config: PortalConfig, projects: [Project], reports: [Report], pages: [Page], news: [NewsItem],
         staticFiles: [StaticFile], failedRecords: [String: String] = [:]) {
        self.init(root: root, config: config, projects: RecordList(projects), reports: RecordList(reports),
                  pages: RecordList(pages), news: RecordList(news), staticFiles: staticFiles, failedRecords: failedRecords)
    }
}
