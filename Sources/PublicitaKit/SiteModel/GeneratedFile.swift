/// A generated file that is not an HTML page: the open data and the files that
/// help search engines and feed readers find the portal.
public enum GeneratedFile: Sendable, Hashable {
    /// `/data/projekty.json`: one object per project (the list of operations).
    case projectsJSON
    /// `/data/projekty.csv`: the same list as CSV.
    case projectsCSV
    /// `/data/projekty/<slug>.json`: the full record of one project (an index into the portal's projects).
    case projectJSON(Int)
    /// `/sitemap.xml`: every HTML page but the 404 page, with absolute addresses; above
    /// ``Site/sitemapURLLimit`` pages, an index of the ``sitemapPart(_:)`` files instead.
    case sitemap
    /// `/sitemaps/sitemap-<n>.xml` (from 1): one part of a sitemap too long for one file.
    case sitemapPart(Int)
    /// `/robots.txt`: allows everything and names the sitemap.
    case robots
    /// `/aktuality/feed.xml`: the news as an Atom feed.
    case newsFeed
    /// `/data/datapackage.json`: the CSV list as a Frictionless Data Package (Table Schema).
    case dataPackage
    /// `/data/projekty.csv-metadata.json`: the CSV list's CSVW metadata (W3C tabular data).
    case csvMetadata
    /// `/data/katalog.jsonld`: the local open-data catalogue NKOD harvests (DCAT-AP-CZ);
    /// only with a `base_url`, since its identifiers are absolute addresses.
    case catalog
    /// `/data/katalog/projekty.jsonld`: the catalogue's record of the list of operations.
    case catalogDataset
}

extension Route {
    /// `/data/`: the page that describes the open data and links its files.
    public static let openData = "/data/"
    /// `/data/projekty.json`
    public static let projectsJSON = "/data/projekty.json"
    /// `/data/projekty.csv`
    public static let projectsCSV = "/data/projekty.csv"
    /// `/data/projekty/<slug>.json`
    public static func projectJSON(_ slug: String) -> String { "/data/projekty/\(slug).json" }
    /// `/data/datapackage.json`
    public static let dataPackage = "/data/datapackage.json"
    /// `/data/projekty.csv-metadata.json`: named after the CSV, as CSVW finds metadata beside a file.
    public static let csvMetadata = "/data/projekty.csv-metadata.json"
    /// `/data/katalog.jsonld`
    public static let catalog = "/data/katalog.jsonld"
    /// `/data/katalog/projekty.jsonld`
    public static let catalogDataset = "/data/katalog/projekty.jsonld"
    /// `/sitemap.xml`
    public static let sitemap = "/sitemap.xml"
    /// `/sitemaps/sitemap-<n>.xml`
    public static func sitemapPart(_ number: Int) -> String { "/sitemaps/sitemap-\(number).xml" }
    /// `/robots.txt`
    public static let robots = "/robots.txt"
    /// `/aktuality/feed.xml`
    public static let newsFeed = "/aktuality/feed.xml"
}

extension SitePage {
    /// Whether the page is an HTML page (not a data file, feed, sitemap or robots.txt).
    public var isHTMLPage: Bool { outputFile.hasSuffix(".html") }

    /// Whether the sitemap lists the page: every HTML page but the 404 page.
    var isInSitemap: Bool { isHTMLPage && kind != .notFound }
}

extension Site {
    /// The data page and the generated files, for `portal`.
    ///
    /// Without a `base_url` there is no sitemap, no feed and no catalogue: all of them
    /// need absolute addresses (the validator warns). A portal's own `static/robots.txt` or
    /// `static/sitemap.xml` replaces the generated one.
    static func openDataPages(of portal: Portal) -> [SitePage] {
        var list: [SitePage] = [
            SitePage(kind: .openData, path: Route.openData),
            SitePage(kind: .file(.projectsJSON), path: Route.projectsJSON),
            SitePage(kind: .file(.projectsCSV), path: Route.projectsCSV),
            SitePage(kind: .file(.dataPackage), path: Route.dataPackage),
            SitePage(kind: .file(.csvMetadata), path: Route.csvMetadata),
        ]
        list += portal.projects.indices.map {
            SitePage(kind: .file(.projectJSON($0)), path: Route.projectJSON(portal.projects[$0].source.slug.value))
        }
        let hasBase = portal.config.baseURL != nil
        let staticFiles = Set(portal.staticFiles.map(\.name))
        if hasBase { list.append(SitePage(kind: .file(.newsFeed), path: Route.newsFeed)) }
        if hasBase {
            list.append(SitePage(kind: .file(.catalog), path: Route.catalog))
            list.append(SitePage(kind: .file(.catalogDataset), path: Route.catalogDataset))
        }
        if hasBase, !staticFiles.contains("sitemap.xml") { list.append(SitePage(kind: .file(.sitemap), path: Route.sitemap)) }
        if !staticFiles.contains("robots.txt") { list.append(SitePage(kind: .file(.robots), path: Route.robots)) }
        return list
    }

    /// Whether the site has the Atom feed of news (it needs a `base_url`).
    var hasNewsFeed: Bool { portal.config.baseURL != nil }

    /// Whether the site has the open-data catalogue (it needs a `base_url`).
    var hasCatalog: Bool { portal.config.baseURL != nil }

    /// The absolute address of `path` when the portal has a `base_url`, else its address under the base path.
    func absoluteURL(_ path: String) -> String { address.absoluteOrRooted(path) }
}
