/// A city named by projects or reports; it gets a page listing them.
public struct City: Sendable, Hashable {
    /// The city's name as written ("Kroměříž").
    public var name: String
    /// Its URL slug ("kromeriz").
    public var slug: String
    /// Indexes into the portal's projects.
    public var projectIndexes: [Int]
    /// Indexes into the portal's reports.
    public var reportIndexes: [Int]

    /// Its page's path.
    public var path: String { Route.city(slug) }

    /// The path of page `page` (from 1) of its list of projects.
    public func path(page: Int) -> String { Route.listPage(path, page) }
}
