/// A key per page that changes whenever anything the page shows may have changed,
/// so an unchanged page is never rendered again and a changed one always is.
///
/// A key hashes the site-wide inputs every page shows (tool, theme, `portal.yaml`,
/// navigation, glossary, static files), then the page's own inputs: a record page
/// its file's content hash and the records it names; a list page the listing data
/// of the entries it shows, so that an edit that changes no entry of a list (a
/// project's body text, say) leaves the list page alone. The incremental-build
/// test compares incremental with clean output after random edits to keep these
/// rules honest.
struct PageKeys: Sendable {
    /// What the keys of a site share: the hash of everything every page shows, and
    /// the reports and news items by the project they name. A long-running build
    /// (``BuildSession``) keeps them while an edit changes neither.
    struct Inputs: Sendable {
        /// The hash of everything every page shows.
        let base: UInt64
        /// Reports and news items by the project they name (looked up per project page).
        let reportsByProject: [String: [Int]]
        let newsByProject: [String: [Int]]
    }

    let site: Site
    /// The ``ProjectListing`` of every project, by index.
    let listings: [ProjectListing]
    /// What every key starts from.
    let inputs: Inputs
    private var base: UInt64 { inputs.base }

    init(site: Site, listings: [ProjectListing], themeHash: UInt64, tool: String, staticStamps: [String: String], configHash: UInt64) {
        var hash = ContentHash()
        hash.combine(tool)
        hash.combine(themeHash)
        hash.combine(configHash)
        // `--base-url` and `--relative-links` override portal.yaml; every address on every page shows them.
        hash.combine(site.portal.config.baseURL)
        hash.combine(site.portal.config.relativeLinks ? "relative" : "absolute")
        for page in site.portal.pages where page.order != nil {
            hash.combine(page.title); hash.combine(page.source.slug.value); hash.combine(UInt64(bitPattern: Int64(page.order ?? 0)))
        }
        for item in site.abbreviations { hash.combine(item.abbr); hash.combine(item.meaning) }
        // A further language's navigation names the translations of the ordered pages.
        if !site.counterparts.isEmpty {
            for page in site.portal.pages where page.source.translationOf != nil {
                hash.combine(page.title); hash.combine(page.source.slug.value); hash.combine(page.source.translationOf?.value)
            }
        }
        for (path, stamp) in staticStamps.sorted(by: { $0.key < $1.key }) { hash.combine(path); hash.combine(stamp) }
        // Which pages exist decides where links point (and the glossary and statement pages).
        for page in site.pages { hash.combine(page.path) }
        var reports: [String: [Int]] = [:], news: [String: [Int]] = [:]
        for (index, report) in site.portal.reports.enumerated() { if let slug = report.project?.value { reports[slug, default: []].append(index) } }
        for (index, item) in site.portal.news.enumerated() { if let slug = item.project?.value { news[slug, default: []].append(index) } }
        self.init(site: site, inputs: Inputs(base: hash.value, reportsByProject: reports, newsByProject: news), listings: listings)
    }

    /// Keys from kept `inputs`: valid while the site has the same pages, theme,
    /// `portal.yaml`, navigation, glossary, static files, reports and news.
    init(site: Site, inputs: Inputs, listings: [ProjectListing]) {
        self.site = site
        self.inputs = inputs
        self.listings = listings
    }

    /// The key of `page`.
    func key(for page: SitePage) -> UInt64 {
        let portal = site.portal
        var hash = ContentHash()
        hash.combine(base)
        hash.combine(page.path)
        switch page.kind {
        case .home:
            // The home page lists the first page of projects; of the others it shows only
            // their number, their budgets (in the portal totals), cities and filter groups.
            combineListPage(site.listedProjects, page: 1, language: page.language, into: &hash)
            for index in site.listedProjects { hash.combine(listings[index].budgetDigest) }
            for report in portal.reports { combineListing(report, into: &hash) }
            for item in portal.news { combineListing(item, into: &hash) }
            for city in site.cities {
                hash.combine(city.name); hash.combine(UInt64(city.projectIndexes.count)); hash.combine(UInt64(city.reportIndexes.count))
            }
            // The filter links count the projects per status, which depends on the day.
            combineGroups(into: &hash)
        case .group(let index, let number):
            // A page of a list shows its own slice of the list and the list's length
            // (the pagination): hashing only those keeps a 50 000-project portal's
            // thousand list pages linear, not quadratic.
            let group = site.groups[index]
            hash.combine(UInt64(number))
            combineListPage(group.projectIndexes, page: number, language: page.language, into: &hash)
            if case .status = group.kind { hash.combine(site.today.iso) }
        case .projectsPage(let number):
            hash.combine(UInt64(number))
            combineListPage(site.listedProjects, page: number, language: page.language, into: &hash)
        case .searchIndex:
            for index in portal.projects.indices { hash.combine(listings[index].digest) }
            hash.combine(site.today.iso)
        case .project(let index):
            let project = portal.projects[index]
            hash.combine(project.source.contentHash)
            let slug = project.source.slug.value
            for index in inputs.reportsByProject[slug] ?? [] { combineListing(portal.reports[index], into: &hash) }
            for index in inputs.newsByProject[slug] ?? [] { combineListing(portal.news[index], into: &hash) }
        case .poster(let index):
            // Its listing (name, summary, programme, period, budget, language) and the few
            // fields only the poster adds, not the body: a body edit re-renders the project page alone.
            let project = portal.projects[index]
            hash.combine(listings[index].digest)
            hash.combine(project.beneficiary); hash.combine(project.goals.first); hash.combine(project.euStatement)
            hash.combine(project.registrationNumber?.value)
        case .statistics:
            // Sums of the listed projects' programme, city, period and budget: all in their listings.
            hash.combine(UInt64(site.listedProjects.count))
            for index in site.listedProjects { hash.combine(listings[index].digest) }
        case .report(let index):
            let report = portal.reports[index]
            hash.combine(report.source.contentHash)
            combineReferenced(report.project?.value, into: &hash)
        case .page(let index):
            hash.combine(portal.pages[index].source.contentHash)
        case .newsList:
            for item in portal.news { combineListing(item, into: &hash) }
        case .newsItem(let index):
            let item = portal.news[index]
            hash.combine(item.source.contentHash)
            combineReferenced(item.project?.value, into: &hash)
        case .city(let index, let number):
            // Like a filter page: its slice of the city's projects and their count;
            // the reports are on the first page.
            let city = site.cities[index]
            hash.combine(city.name)
            hash.combine(UInt64(number))
            combineListPage(city.projectIndexes, page: number, language: page.language, into: &hash)
            if number == 1 {
                for i in city.reportIndexes { combineListing(portal.reports[i], into: &hash) }
                // A further language's city page lists the reports' translations.
                if page.language != nil { for report in portal.reports { combineListing(report, into: &hash) } }
            }
        case .accessibility, .glossary, .notFound:
            break
        case .openData, .file(.sitemap), .file(.sitemapPart), .file(.robots):
            break  // the base covers them: every page's path, portal.yaml and base_url, static files, the theme
        case .file(.newsFeed):
            for item in portal.news { combineListing(item, into: &hash) }
        case .file(.projectJSON(let index)):
            // One project's data file shows that record only (its address comes from the base).
            hash.combine(portal.projects[index].source.contentHash)
            combineLanguage(portal.projects[index].source, into: &hash)
        case .file(.catalog):
            break  // portal.yaml and base_url only: the base covers them
        case .file(.dataPackage), .file(.csvMetadata), .file(.catalogDataset):
            // The primary key (do all listed projects have a registration number?), the
            // dataset's cities and time span: keyed by the records, like the lists.
            for index in site.listedProjects { hash.combine(portal.projects[index].source.contentHash) }
        case .file(.projectsJSON), .file(.projectsCSV):
            // The lists show every listed project's exported fields: keyed by the records
            // (computing the files' text for the key would build them twice).
            for index in site.listedProjects { hash.combine(portal.projects[index].source.contentHash) }
        }
        // A record page links its language versions (head and language switch).
        for version in site.alternates[page.path] ?? [] { hash.combine(version.language.rawValue); hash.combine(version.path) }
        return hash.value
    }

    /// What page `page` of a list of `indexes` shows: its slice and the list's length.
    /// A further language's list shows its projects' translations in their place: their records too.
    private func combineListPage(_ indexes: [Int], page: Int, language: Language?, into hash: inout ContentHash) {
        hash.combine(UInt64(indexes.count))
        let translations = language.flatMap { site.translations[$0] }
        for i in ProjectListView.slice(indexes, page: page) {
            hash.combine(listings[i].digest)
            if let translations, let t = translations[Route.project(site.portal.projects[i].source.slug.value)] {
                hash.combine(site.portal.projects[t].source.contentHash)
            }
        }
    }

    /// The filter groups the home page links, with their sizes, and the day (statuses).
    private func combineGroups(into hash: inout ContentHash) {
        hash.combine(site.today.iso)
        for group in site.groups { hash.combine(group.path); hash.combine(UInt64(group.projectIndexes.count)) }
    }

    /// Whether a record is listed (not a translation) and in which language.
    private func combineLanguage(_ source: RecordSource, into hash: inout ContentHash) {
        hash.combine(source.language?.value.rawValue)
        hash.combine(source.translationOf?.value)
    }

    private func combineListing(_ report: Report, into hash: inout ContentHash) {
        combineLanguage(report.source, into: &hash)
        hash.combine(report.source.slug.value); hash.combine(report.title); hash.combine(report.city)
        hash.combine(report.summary); hash.combine(report.project?.value)
    }

    private func combineListing(_ item: NewsItem, into hash: inout ContentHash) {
        combineLanguage(item.source, into: &hash)
        hash.combine(item.source.slug.value); hash.combine(item.title); hash.combine(item.date.iso)
        hash.combine(item.summary); hash.combine(item.project?.value)
    }

    /// A record page names the project it belongs to: its title and address.
    private func combineReferenced(_ slug: String?, into hash: inout ContentHash) {
        guard let slug, let index = site.projectIndex(slug: slug) else { hash.combine("-"); return }
        hash.combine(slug)
        hash.combine(site.portal.projects[index].title)
        // A page in a further language names the project's translation into it.
        for language in site.furtherLanguages {
            if let translation = site.translations[language]?[Route.project(slug)] { hash.combine(site.portal.projects[translation].title) }
        }
    }
}
