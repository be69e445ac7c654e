/// One page of the generated site: what it shows and where it goes.
public struct SitePage: Sendable, Hashable {
    /// What a page shows.
    public enum Kind: Sendable, Hashable {
        case home
        case project(Int)
        /// The A3 publicity poster of project `n` (``Project/isEUFunded``).
        case poster(Int)
        case report(Int)
        case page(Int)
        case newsList
        case newsItem(Int)
        /// Page `page` (from 1) of a city's page (its projects are listed ``Site/pageSize`` to a page).
        case city(Int, page: Int)
        /// Page `page` (from 1) of a filter group (``Site/groups``): by programme, period or status.
        case group(Int, page: Int)
        /// Page `n` (from 2) of the list of all projects; page 1 is the home page.
        case projectsPage(Int)
        /// `/data/hledani.json`: the small index the home page's search script filters.
        case searchIndex
        case accessibility
        case glossary
        case notFound
        /// `/statistiky/`: the portal's figures by programme, city and year.
        case statistics
        /// `/data/`: the open data page.
        case openData
        /// A generated file that is not an HTML page (data, feed, sitemap, robots.txt).
        case file(GeneratedFile)
    }

    /// What it shows.
    public var kind: Kind
    /// Its URL path (`/projekty/liberec-apk/`).
    public var path: String
    /// The language of a UI page of a further language of the portal (`languages`),
    /// written under that language's prefix; nil for the portal language's pages and
    /// for records, which are in their own language (``Site/language(of:)``).
    public var language: Language? = nil
    /// The file it is written to, relative to the output folder.
    public var outputFile: String { Route.outputFile(for: path) }
}

extension SitePage.Kind {
    /// Whether a page of this kind gets a version in each further language of a
    /// bilingual portal (`languages: [cs, en]`), at ``Route/inLanguage(_:_:)`` of
    /// its path. Records are not among them: a record's versions are its translations.
    /// A new UI page kind that has a view taking the page's language joins this list.
    var hasLanguageVersions: Bool {
        switch self {
        case .home, .projectsPage, .newsList, .city, .group, .searchIndex, .accessibility, .glossary, .notFound, .openData, .statistics:
            return true
        case .project, .poster, .report, .page, .newsItem, .file:
            return false
        }
    }
}
