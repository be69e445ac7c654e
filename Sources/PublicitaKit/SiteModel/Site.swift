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
    /// Ids on each page path (for `#anchor` links): headings, tables and the template's own.
    public var anchors: [String: Set<String>]
    /// Ids the templates use; body headings never take them.
    public var reservedIDs: Set<String>
    /// The portal's abbreviations: `portal.yaml`'s glossary, then every report's
    /// list (the first meaning given for an abbreviation wins).
    public var abbreviations: [Abbreviation]

    /// Builds the site model for `portal`; `reservedIDs` are the ids the theme's templates write.
    public init(portal: Portal, reservedIDs: Set<String> = []) {
        self.reservedIDs = reservedIDs
        self.portal = portal
        let cities = Self.cities(of: portal)
        self.cities = cities
        var list: [SitePage] = [SitePage(kind: .home, path: Route.home)]
        list += portal.projects.indices.map { SitePage(kind: .project($0), path: Route.project(portal.projects[$0].source.slug.value)) }
        list += portal.reports.indices.map { SitePage(kind: .report($0), path: Route.report(portal.reports[$0].source.slug.value)) }
        list += portal.pages.indices.map { SitePage(kind: .page($0), path: Route.page(portal.pages[$0].source.slug.value)) }
        list.append(SitePage(kind: .newsList, path: Route.newsList))
        list += portal.news.indices.map { SitePage(kind: .newsItem($0), path: Route.news(portal.news[$0].source.slug.value)) }
        list += cities.indices.map { SitePage(kind: .city($0), path: cities[$0].path) }
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
        list.append(SitePage(kind: .notFound, path: Route.notFound))
        self.pages = list

        var targets = Set(list.map(\.path))
        targets.insert(Route.stylesheet)
        for file in portal.staticFiles { targets.insert("/" + file) }
        self.linkTargets = targets

        var anchors: [String: Set<String>] = [:]
        func add(_ path: String, _ source: RecordSource, tables: [ContentTable] = []) {
            var ids = Set(source.outline.headingIDs(reserved: reservedIDs)).union(reservedIDs)
            for table in tables { ids.formUnion(TableHTML.ids(for: table)) }
            anchors[path] = ids
        }
        for p in portal.projects { add(Route.project(p.source.slug.value), p.source, tables: p.tables) }
        for r in portal.reports { add(Route.report(r.source.slug.value), r.source, tables: r.tables) }
        for p in portal.pages { add(Route.page(p.source.slug.value), p.source) }
        for n in portal.news { add(Route.news(n.source.slug.value), n.source) }
        for path in list.map(\.path) where anchors[path] == nil { anchors[path] = reservedIDs }
        self.anchors = anchors
    }

    private static func cities(of portal: Portal) -> [City] {
        var byName: [String: City] = [:]
        for (index, project) in portal.projects.enumerated() {
            guard let name = project.city else { continue }
            byName[name, default: City(name: name, slug: Slug.make(from: name), projectIndexes: [], reportIndexes: [])]
                .projectIndexes.append(index)
        }
        for (index, report) in portal.reports.enumerated() {
            guard let name = report.city else { continue }
            byName[name, default: City(name: name, slug: Slug.make(from: name), projectIndexes: [], reportIndexes: [])]
                .reportIndexes.append(index)
        }
        return byName.values.sorted { $0.name.compare($1.name, locale: .init(identifier: "cs_CZ")) == .orderedAscending }
    }

    /// The path of the project with `slug`, when there is one.
    public func projectIndex(slug: String) -> Int? {
        portal.projects.firstIndex { $0.source.slug.value == slug }
    }
}
