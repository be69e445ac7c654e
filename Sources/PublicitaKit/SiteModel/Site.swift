import Foundation

/// The site model: every page the portal will have, the cities, and the set of
/// paths internal links may point to. Built from a validated ``Portal``.
public struct Site: Sendable {
    /// The loaded content.
    public var portal: Portal
    /// Every page, in a stable order.
    public var pages: [SitePage]
    /// Cities, sorted by name.
    public var cities: [City]
    /// Every URL path a link may point to: pages, theme assets and static files.
    public var linkTargets: Set<String>
    /// The files under `static/` by name (their path inside it), for links' notes and favicons.
    public let staticFilesByName: [String: StaticFile]
    /// Ids on each page path (for `#anchor` links): headings, tables and the template's own.
    /// (Computed on demand by ``anchors(at:)``: most pages are never linked with a fragment.)
    /// The record giving each record page its ids, by kind and index: a copy of every
    /// record's source here would be a second copy of the portal's outlines and tables.
    var anchorSources: [String: (kind: ReadLog.RecordKind, index: Int)]
    /// The ids of each page asked for so far.
    var anchorMemo = AnchorMemo()
    /// The fingerprint of the site's structure (``DependencyKeys``), made once: a site
    /// model edited by ``SessionState/replaceProject(at:with:)``, which changes no structure, keeps it.
    let structureMemo = StructureMemo()
    /// The paths of all pages (not static files), which have at least the template's ids.
    private var pagePaths: Set<String>
    /// Ids the templates use; body headings never take them.
    public var reservedIDs: Set<String>
    /// Each project slug's first project (rules, page keys and views look projects up by slug).
    private var projectIndexBySlug: [String: Int]
    /// The portal's abbreviations: `portal.yaml`'s glossary, then every report's
    /// list (the first meaning given for an abbreviation wins).
    public var abbreviations: [Abbreviation]

    /// The day the site is built "as of": it decides which projects are running or finished.
    public var today: Day
    /// Projects that lists show: every project that is not a translation of another one.
    public var listedProjects: [Int]
    /// Reports that lists show (not translations).
    public var listedReports: [Int]
    /// News items that lists show (not translations).
    public var listedNews: [Int]
    /// The reports and news items naming each project (by its slug), in their order:
    /// a project's page finds its own without reading every report.
    public var reportsByProject: [String: [Int]] = [:]
    public var newsByProject: [String: [Int]] = [:]
    /// The filter pages' groups: by programme, by programming period, by status.
    public var groups: [ProjectGroup]
    /// Language versions of a page: for every record page that has a translation (or
    /// is one), all versions of it, the page itself included, in language order.
    public var alternates: [String: [LanguageVersion]]
    /// For each further language of a bilingual portal (`languages`), the path of
    /// each portal-language page's version in it: the UI pages' under the language's
    /// prefix, the records' translations. A page in that language links through it.
    public var counterparts: [Language: [String: String]] = [:]
    /// For each further language, the index (in its kind's records) of the translation
    /// of each portal-language record, by the original's path: what that language's
    /// lists show in place of the original.
    public var translations: [Language: [String: Int]] = [:]
    /// Each record page's language, in a portal with further languages (their pages note links to records in another).
    public var recordLanguages: [String: Language] = [:]

    /// How site paths become the addresses written into the site (base path or relative).
    public let address: SiteAddress

    /// How many projects one page of a list shows; longer lists are split into pages.
    public static let pageSize = 50

    /// The most addresses one sitemap file may list (the sitemap protocol's limit is
    /// 50 000 and 50 MB; a portal of every project of a country passes it). A longer
    /// sitemap is split into parts named by an index at `/sitemap.xml`.
    public let sitemapURLLimit: Int

    /// Builds the site model for `portal`; `reservedIDs` are the ids the theme's templates write;
    /// `today` decides the projects' status (running, finished).
    /// `sitemapURLLimit` is the protocol's 50 000 but in tests.
    public init(portal: Portal, reservedIDs: Set<String> = [], today: Day = .today, sitemapURLLimit: Int = 50_000) {
        self.sitemapURLLimit = max(1, sitemapURLLimit)
        self.reservedIDs = reservedIDs
        self.portal = portal
        self.address = SiteAddress(baseURL: portal.config.baseURL, relative: portal.config.relativeLinks)
        self.today = today
        let listedProjects = portal.projects.indices.filter { portal.projects[$0].source.translationOf == nil }
        self.listedProjects = listedProjects
        self.listedReports = portal.reports.indices.filter { portal.reports[$0].source.translationOf == nil }
        self.listedNews = portal.news.indices.filter { portal.news[$0].source.translationOf == nil }
        for (index, report) in portal.reports.unnoted.enumerated() { if let slug = report.project?.value { reportsByProject[slug, default: []].append(index) } }
        for (index, item) in portal.news.unnoted.enumerated() { if let slug = item.project?.value { newsByProject[slug, default: []].append(index) } }
        let cities = Self.cities(of: portal)
        self.cities = cities
        let groups = ProjectGroup.groups(of: portal, listed: listedProjects, today: today)
        self.groups = groups
        var alternates = Self.alternates(of: portal)
        var list: [SitePage] = []
        // Grown by appending, the list of a large portal would keep up to twice the room it uses.
        list.reserveCapacity(16 + Self.pageCount(listedProjects.count) + 3 * portal.projects.count + portal.reports.count
            + portal.pages.count + portal.news.count + cities.count + groups.count + 4 * listedProjects.count / Self.pageSize + 32)
        list.append(SitePage(kind: .home, path: Route.home))
        let pageCount = Self.pageCount(listedProjects.count)
        if pageCount > 1 {
            list += (2...pageCount).map { SitePage(kind: .projectsPage($0), path: Route.projectsPage($0)) }
        }
        list += portal.projects.indices.map { SitePage(kind: .project($0), path: Route.project(portal.projects[$0].source.slug.value)) }
        list += portal.projects.indices.filter { portal.projects[$0].isEUFunded }
            .map { SitePage(kind: .poster($0), path: Route.poster(portal.projects[$0].source.slug.value)) }
        list += portal.reports.indices.map { SitePage(kind: .report($0), path: Route.report(portal.reports[$0].source.slug.value)) }
        list += portal.pages.indices.map { SitePage(kind: .page($0), path: Route.page(portal.pages[$0].source.slug.value)) }
        list.append(SitePage(kind: .newsList, path: Route.newsList))
        list += portal.news.indices.map { SitePage(kind: .newsItem($0), path: Route.news(portal.news[$0].source.slug.value)) }
        for (index, city) in cities.enumerated() {
            list += (1...Self.pageCount(city.projectIndexes.count)).map {
                SitePage(kind: .city(index, page: $0), path: city.path(page: $0))
            }
        }
        for (index, group) in groups.enumerated() {
            list += (1...Self.pageCount(group.projectIndexes.count)).map {
                SitePage(kind: .group(index, page: $0), path: group.path(page: $0))
            }
        }
        list.append(SitePage(kind: .searchIndex, path: Route.searchIndex))
        // A portal's own statement page (content/pages/prohlaseni-o-pristupnosti.md) replaces the generated one.
        if !list.contains(where: { $0.path == Route.accessibility }) {
            list.append(SitePage(kind: .accessibility, path: Route.accessibility))
        }
        var abbreviations: [Abbreviation] = []
        var seen: Set<String> = []
        for item in portal.config.glossary + portal.reports.flatMap(\.abbreviations) where seen.insert(item.abbr).inserted {
            abbreviations.append(item)
        }
        self.abbreviations = abbreviations
        // Likewise a portal's own page at /zkratky/ replaces the generated glossary page.
        if !abbreviations.isEmpty, !list.contains(where: { $0.path == Route.glossary }) {
            list.append(SitePage(kind: .glossary, path: Route.glossary))
        }
        list.append(SitePage(kind: .statistics, path: Route.statistics))
        list += Self.openDataPages(of: portal)
        list.append(SitePage(kind: .notFound, path: Route.notFound))
        var counterparts: [Language: [String: String]] = [:], translations: [Language: [String: Int]] = [:]
        for language in portal.config.languages where language != portal.config.language {
            let further = Self.languagePages(language, of: list, portal: portal, alternates: &alternates)
            list += further.pages
            counterparts[language] = further.counterparts
            translations[language] = further.translations
        }
        if !counterparts.isEmpty {
            let main = portal.config.language
            for p in portal.projects { recordLanguages[Route.project(p.source.slug.value)] = p.source.language(default: main) }
            for r in portal.reports { recordLanguages[Route.report(r.source.slug.value)] = r.source.language(default: main) }
            for p in portal.pages { recordLanguages[Route.page(p.source.slug.value)] = p.source.language(default: main) }
            for n in portal.news { recordLanguages[Route.news(n.source.slug.value)] = n.source.language(default: main) }
        }
        self.alternates = alternates
        self.counterparts = counterparts
        self.translations = translations
        if list.contains(where: { $0.kind == .file(.sitemap) }) {
            let addresses = list.count(where: \.isInSitemap)
            if addresses > self.sitemapURLLimit {
                let parts = (addresses + self.sitemapURLLimit - 1) / self.sitemapURLLimit
                list += (1...parts).map { SitePage(kind: .file(.sitemapPart($0)), path: Route.sitemapPart($0)) }
            }
        }
        self.pages = list

        var targets = Set(list.map(\.path))
        targets.insert(Route.stylesheet)
        for file in portal.staticFiles { targets.insert("/" + file.name) }
        self.linkTargets = targets
        self.staticFilesByName = Dictionary(portal.staticFiles.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

        var anchorSources: [String: (kind: ReadLog.RecordKind, index: Int)] = [:]
        anchorSources.reserveCapacity(portal.projects.count + portal.reports.count + portal.pages.count + portal.news.count)
        for (i, p) in portal.projects.unnoted.enumerated() { anchorSources[Route.project(p.source.slug.value)] = (.project, i) }
        for (i, r) in portal.reports.unnoted.enumerated() { anchorSources[Route.report(r.source.slug.value)] = (.report, i) }
        for (i, p) in portal.pages.unnoted.enumerated() { anchorSources[Route.page(p.source.slug.value)] = (.page, i) }
        for (i, n) in portal.news.unnoted.enumerated() { anchorSources[Route.news(n.source.slug.value)] = (.news, i) }
        self.anchorSources = anchorSources
        self.pagePaths = Set(list.map(\.path))
        var bySlug: [String: Int] = [:]
        for (index, project) in portal.projects.enumerated() where bySlug[project.source.slug.value] == nil {
            bySlug[project.source.slug.value] = index
        }
        self.projectIndexBySlug = bySlug
    }

    private static func cities(of portal: Portal) -> [City] {
        var byName: [String: City] = [:]
        for (index, project) in portal.projects.enumerated() where project.source.translationOf == nil {
            guard let name = project.city else { continue }
            byName[name, default: City(name: name, slug: Slug.make(from: name), projectIndexes: [], reportIndexes: [])]
                .projectIndexes.append(index)
        }
        for (index, report) in portal.reports.enumerated() where report.source.translationOf == nil {
            guard let name = report.city else { continue }
            byName[name, default: City(name: name, slug: Slug.make(from: name), projectIndexes: [], reportIndexes: [])]
                .reportIndexes.append(index)
        }
        return byName.values.sorted { czechOrder($0.name, $1.name) }
    }

    /// Czech alphabetical order; names the collation holds equal go by their code
    /// points, so that an order that starts from a dictionary's (which differs from
    /// run to run) always ends the same.
    static func czechOrder(_ a: String, _ b: String) -> Bool {
        switch a.compare(b, locale: Locale(identifier: "cs_CZ")) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
        }
    }

    /// How many pages a list of `count` projects takes (at least one).
    public static func pageCount(_ count: Int) -> Int { max(1, (count + pageSize - 1) / pageSize) }

    /// The language versions of every record that has a translation or is one.
    private static func alternates(of portal: Portal) -> [String: [LanguageVersion]] {
        let language = portal.config.language
        var result: [String: [LanguageVersion]] = [:]
        func link(_ sources: [RecordSource], route: (String) -> String) {
            let slugs = Set(sources.map(\.slug.value))
            var groups: [String: [LanguageVersion]] = [:]
            for source in sources {
                let original = source.translationOf?.value ?? source.slug.value
                // A translation of a record that does not exist is reported by the validator; it links nowhere.
                guard slugs.contains(original) else { continue }
                groups[original, default: []].append(LanguageVersion(language: source.language(default: language), path: route(source.slug.value)))
            }
            for versions in groups.values where versions.count > 1 {
                var seen: Set<Language> = []
                let sorted = versions.sorted { ($0.language.rawValue, $0.path) < ($1.language.rawValue, $1.path) }
                    .filter { seen.insert($0.language).inserted }
                guard sorted.count > 1 else { continue }
                for version in versions { result[version.path] = sorted }
            }
        }
        link(portal.projects.map(\.source), route: Route.project)
        link(portal.reports.map(\.source), route: Route.report)
        link(portal.pages.map(\.source), route: Route.page)
        link(portal.news.map(\.source), route: Route.news)
        return result
    }

    /// The pages of `language`, a further language of the portal: a version of every
    /// UI page among the portal language's `pages`, each paired with its original as
    /// language versions; and the records' translations into it, for its lists.
    private static func languagePages(_ language: Language, of pages: [SitePage], portal: Portal, alternates: inout [String: [LanguageVersion]])
        -> (pages: [SitePage], counterparts: [String: String], translations: [String: Int]) {
        let main = portal.config.language
        var added: [SitePage] = [], paths: [String: String] = [:]
        var originals = pages.filter { $0.language == nil && $0.kind.hasLanguageVersions }
        // A portal's own statement page (which replaced the generated one) without a
        // translation into `language`: that language gets the generated statement.
        let statementSlug = String(Route.accessibility.dropFirst().dropLast())
        if !originals.contains(where: { $0.kind == .accessibility }),
           !portal.pages.contains(where: { $0.source.translationOf?.value == statementSlug && $0.source.language(default: main) == language }) {
            originals.append(SitePage(kind: .accessibility, path: Route.accessibility))
        }
        for page in originals {
            let path = Route.inLanguage(page.path, language)
            added.append(SitePage(kind: page.kind, path: path, language: language))
            paths[page.path] = path
            guard page.isHTMLPage else { continue }
            var versions = alternates[page.path] ?? [LanguageVersion(language: main, path: page.path)]
            versions.append(LanguageVersion(language: language, path: path))
            versions.sort { $0.language.rawValue < $1.language.rawValue }
            for version in versions { alternates[version.path] = versions }
        }
        var indexes: [String: Int] = [:]
        func link(_ sources: [RecordSource], route: (String) -> String) {
            for (index, source) in sources.enumerated() where source.language(default: main) == language {
                guard let original = source.translationOf?.value else { continue }
                let path = route(original), translated = route(source.slug.value)
                // Only a translation the original's language versions name (one per language, the validator's choice).
                guard alternates[path]?.contains(LanguageVersion(language: language, path: translated)) == true,
                      alternates[path]?.contains(LanguageVersion(language: main, path: path)) == true else { continue }
                paths[path] = translated
                indexes[path] = index
            }
        }
        link(portal.projects.map(\.source), route: Route.project)
        link(portal.reports.map(\.source), route: Route.report)
        link(portal.pages.map(\.source), route: Route.page)
        link(portal.news.map(\.source), route: Route.news)
        return (added, paths, indexes)
    }

    /// The portal's further languages (`languages` but its own), each with its own UI pages.
    public var furtherLanguages: [Language] { Array(counterparts.keys).sorted { $0.rawValue < $1.rawValue } }

    /// The language a page is written in: a further language's UI page's, its record's
    /// `lang`, or the portal's.
    public func language(of page: SitePage) -> Language {
        if let language = page.language { return language }
        let portal = self.portal
        switch page.kind {
        case .project(let i), .poster(let i): return portal.projects[i].source.language(default: portal.config.language)
        case .report(let i): return portal.reports[i].source.language(default: portal.config.language)
        case .page(let i): return portal.pages[i].source.language(default: portal.config.language)
        case .newsItem(let i): return portal.news[i].source.language(default: portal.config.language)
        default: return portal.config.language
        }
    }

    /// The ids on the page at `path` (headings, tables and the template's own), or nil
    /// when `path` is not a page.
    public func anchors(at path: String) -> Set<String>? {
        guard pagePaths.contains(path) else { return nil }
        let record = anchorSources[path].map(anchorRecord)
        // What the ids come from is read on every call, memo or not: the page asking depends on it.
        if let (source, _) = record {
            ReadLog.note(file: source.file)
            ReadLog.note(body: source.file)
        }
        // Once per page: thousands of links may name anchors of one long page.
        return anchorMemo.ids(at: path) {
            var ids = reservedIDs
            if let (source, tables) = record {
                ids.formUnion(source.outline.headingIDs(reserved: reservedIDs))
                ids.formUnion(source.outline.footnoteIDs)
                for table in tables { ids.formUnion(TableHTML.ids(for: table)) }
            }
            return ids
        }
    }

    /// The source and tables of the record of `kind` at `index` (the caller notes the read).
    private func anchorRecord(_ at: (kind: ReadLog.RecordKind, index: Int)) -> (source: RecordSource, tables: [ContentTable]) {
        switch at.kind {
        case .project: let p = portal.projects.unnoted[at.index]; return (p.source, p.tables)
        case .report: let r = portal.reports.unnoted[at.index]; return (r.source, r.tables)
        case .page: return (portal.pages.unnoted[at.index].source, [])
        case .news: return (portal.news.unnoted[at.index].source, [])
        }
    }

    /// The path of the project with `slug`, when there is one.
    public func projectIndex(slug: String) -> Int? {
        projectIndexBySlug[slug]
    }

    /// Whether no two projects have one slug (the usual case: the uniqueness rule
    /// then need not claim every project's address).
    var projectSlugsAreDistinct: Bool { projectIndexBySlug.count == portal.projects.count }

    /// Whether no two cities' names make one slug (the address rule then finds no two
    /// cities sharing a page). The cities are few: this goes over them, not the records.
    var citySlugsAreDistinct: Bool { Set(cities.map(\.slug)).count == cities.count }

    /// Whether every listed project of a programme group has the group's name, as
    /// written (the groups are by slug, named by their first project): then no two
    /// programme names share an address. Compares bytes, no hashing: the address rule
    /// asks after every edit in `serve`.
    var programmeGroupsHaveOneNameEach: Bool {
        let projects = portal.projects.unnoted
        return groups.allSatisfy { group in
            guard case .programme(let name) = group.kind else { return true }
            return group.projectIndexes.allSatisfy { index in projects[index].programme.map { UTF8Key.sameBytes($0, name) } ?? true }
        }
    }
}
