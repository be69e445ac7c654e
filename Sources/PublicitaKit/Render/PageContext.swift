/// What every page's layout needs: the portal, the navigation, the page's title
/// and address, and the UI strings. Templates read it; nothing is formatted there.
struct PageContext {
    let site: Site
    let strings: Strings
    /// The path of the page being rendered (relative links in its body resolve against it).
    var path: String = Route.home
    /// Each language's name in that language, for the language switch.
    var languageNames: [Language: String] = [:]
    /// The project rows of the lists, rendered once per build (nil: the lists render them).
    var projectRows: ProjectRowMemo? = nil

    /// The addresses as written on this page (under the base path, or relative to the page).
    var addresses: PageAddresses { site.address.from(path) }

    /// The address of site path `sitePath` as written on this page: on a page in a
    /// further language of the portal, that of its version in the page's language when
    /// it has one (``localized(_:)``).
    func href(_ sitePath: String) -> String { addresses.href(localized(sitePath)) }

    /// The paths of this page's language's versions of the portal language's pages,
    /// when the page is in a further language of the portal.
    private var counterparts: [String: String]? {
        strings.language == site.portal.config.language ? nil : site.counterparts[strings.language]
    }

    /// `sitePath` (with any `?query` or `#fragment`), or the path of its version in
    /// this page's language: an English page links the English home page, lists and
    /// records, and a record without an English version as it is.
    func localized(_ sitePath: String) -> String {
        guard let counterparts else { return sitePath }
        if let found = counterparts[sitePath] { return found }
        guard let mark = sitePath.firstIndex(where: { $0 == "?" || $0 == "#" }),
              let found = counterparts[String(sitePath[..<mark])] else { return sitePath }
        return found + sitePath[mark...]
    }

    /// Whether this page is the version of the portal-language page at `sitePath` in its language.
    func isPage(_ sitePath: String) -> Bool { path == localized(sitePath) }

    /// The index of the translation into this page's language of the portal-language
    /// record at `recordPath`, which this page's lists show in its place; nil on a page
    /// in the portal's language or when the record has no such translation.
    func translation(of recordPath: String) -> Int? {
        guard counterparts != nil else { return nil }
        return site.translations[strings.language]?[recordPath]
    }

    /// The `lang` of a record's title listed on this page: its language when the page's differs.
    func titleLanguage(_ source: RecordSource) -> String? {
        let language = source.language(default: site.portal.config.language)
        return language == strings.language ? nil : language.rawValue
    }

    /// The `lang` of the portal's own texts (its title, statement, glossary) on this page: the portal's language when the page's differs.
    var portalTextLanguage: String? {
        strings.language == site.portal.config.language ? nil : site.portal.config.language.rawValue
    }

    /// The layout context for a page at `path` whose inner HTML is `content`.
    func layout(path: String, title: String, description: String?, content: RenderedHTML) -> [String: Any] {
        let config = site.portal.config
        var context: [String: Any] = [
            "lang": strings.language.rawValue,
            "t": strings.table,
            "portal_title": config.title,
            "publisher_name": config.publisher.name,
            "home_href": href(Route.home),
            "stylesheet_href": href(Route.stylesheet),
            "accessibility_href": href(Route.accessibility),
            "is_accessibility": isPage(Route.accessibility),
            "is_glossary": isPage(Route.glossary),
            "is_home": isPage(Route.home),
            "title": title,
            "document_title": isPage(Route.home) ? config.title : "\(title) – \(config.title)",
            "content": content,
            "nav": navigation(current: path),
        ]
        if !site.abbreviations.isEmpty { context["glossary_href"] = href(Route.glossary) }
        // On a page in another language than the portal, the portal's title keeps its own language.
        if strings.language != config.language { context["portal_lang"] = config.language.rawValue }
        // A page with language versions names them in the head and links them visibly.
        if let versions = site.alternates[path] {
            // Each version at its own address: not through `href`, which would name this page's own.
            var links = versions.map { version -> [String: Any] in
                ["hreflang": version.language.rawValue, "href": site.address.absolute(version.path) ?? addresses.href(version.path)]
            }
            // A portal with UI pages in several languages names its own language's version as the default.
            if !site.counterparts.isEmpty, let main = versions.first(where: { $0.language == config.language }) {
                links.append(["hreflang": "x-default", "href": site.address.absolute(main.path) ?? addresses.href(main.path)])
            }
            context["alternates"] = links
            context["has_language_switch"] = true
            context["language_switch"] = versions.filter { $0.path != path }.map { version -> [String: Any] in
                ["hreflang": version.language.rawValue, "href": addresses.href(version.path),
                 "label": languageNames[version.language] ?? version.language.rawValue]
            }
        }
        context.merge(discoveryHead(path: path, title: title), uniquingKeysWith: { $1 })
        if let url = config.publisher.url, LinkScheme.isAllowed(url) {
            context["publisher_href"] = url
            if let note = links.note(for: url) { context["publisher_link_note"] = note }
        }
        if let description = description ?? config.description { context["description"] = description }
        if !path.hasSuffix(Route.notFound), let canonical = site.address.absolute(path) { context["canonical"] = canonical }
        return context
    }

    /// Main navigation: home, news, the free pages with an `order`, and the cities.
    private func navigation(current: String) -> [[String: Any]] {
        var items: [(String, String)] = [(strings["home"], Route.home), (strings["news"], Route.newsList)]
        let ordered = site.portal.pages.filter { $0.order != nil }.sorted { ($0.order ?? 0) < ($1.order ?? 0) }
        var languages: [String: String] = [:]
        items += ordered.map { page in
            let path = Route.page(page.source.slug.value)
            // On a page in a further language, a page's translation in its place, or the page with its title's language named.
            let shown = translation(of: path).map { site.portal.pages[$0] } ?? page
            if let language = titleLanguage(shown.source) { languages[path] = language }
            return (shown.title, path)
        }
        return items.map { title, path in
            var item: [String: Any] = ["title": title, "href": href(path), "current": localized(path) == current]
            if let language = languages[path] { item["item_lang"] = language }
            return item
        }
    }

    /// The project a record belongs to, as its page names it (`project_title`,
    /// `project_href`, `project_lang`): its translation into this page's language when
    /// there is one, else itself with its title's language named when it differs.
    func projectReference(_ index: Int) -> [String: Any] {
        let original = site.portal.projects[index]
        let path = Route.project(original.source.slug.value)
        let project = translation(of: path).map { site.portal.projects[$0] } ?? original
        var view: [String: Any] = ["project_title": project.title, "project_href": href(path)]
        if counterparts != nil, let language = titleLanguage(project.source) { view["project_lang"] = language }
        return view
    }

    /// A report as an item of a list: its translation into this page's language in its
    /// place when there is one, else itself with its title's language named.
    func reportItem(_ original: Report, summary withSummary: Bool) -> [String: Any] {
        let path = Route.report(original.source.slug.value)
        let report = translation(of: path).map { site.portal.reports[$0] } ?? original
        var item: [String: Any] = ["title": report.title, "href": href(path)]
        if let language = titleLanguage(report.source) { item["record_lang"] = language }
        if withSummary, let summary = report.summary { item["summary"] = summary }
        return item
    }

    /// "1. 3. 2018 – 28. 2. 2021", or the reason no period is given.
    func periodText(_ period: Period?) -> String? {
        guard let period else { return nil }
        if let start = period.start?.value {
            let from = start.formatted(strings.language)
            guard let end = period.end?.value else { return from + strings["period_to"] }
            return from + strings["period_to"] + end.formatted(strings.language)
        }
        return period.notPublished
    }

    /// The label of a source kind.
    func kindLabel(_ kind: FundingSource.Kind) -> String { strings["kind_\(kind.rawValue)"] }

    /// Renders Markdown through cmark with the record's tables placed.
    /// `topLevel` is the level its first headings get; `reservedIDs` are ids the page holds besides the template's.
    func markdown(_ text: String, tables: [ContentTable] = [], topLevel: Int = 2, reservedIDs: Set<String> = []) -> String {
        let document = MarkdownDocument(text)
        return document.html(topLevel: topLevel, reservedIDs: site.reservedIDs.union(reservedIDs), footnoteBack: strings["footnote_back"], link: bodyLink) { id in
            tables.first { $0.id == id }.map(TableHTML.render)
        }
    }

    /// A body with at least this many sections gets a table of contents.
    static let tableOfContentsMinimum = 4

    /// The table of contents of a body: its sections (headings at its top two
    /// levels) with their anchors, the second level nested under the first; nil
    /// below ``tableOfContentsMinimum`` sections.
    func tableOfContents(_ outline: BodyOutline) -> [[String: Any]]? {
        let ids = outline.headingIDs(reserved: site.reservedIDs)
        guard let top = outline.headingLevels.min() else { return nil }
        let sections = zip(zip(outline.headings, ids), outline.headingLevels).filter { $0.1 <= top + 1 }
        guard sections.count >= Self.tableOfContentsMinimum else { return nil }
        var items: [[String: Any]] = []
        for ((text, id), level) in sections {
            let item: [String: Any] = ["text": text, "href": "#" + id]
            if level > top, var parent = items.last, parent["top"] as? Bool == true {
                items.removeLast()
                var children = parent["children"] as? [[String: Any]] ?? []
                children.append(item)
                parent["children"] = children
                parent["has_children"] = true
                items.append(parent)
            } else {
                var entry = item
                entry["top"] = level == top
                items.append(entry)
            }
        }
        return items
    }

    /// A body's link as this page writes it: an internal one at its address (a clerk
    /// writes `/projekty/x/`, the page links it under the base path or relative to
    /// itself), with its note ("externí odkaz", "PDF, 1,2 MB"); nil leaves it as written.
    func bodyLink(_ destination: String) -> MarkdownDocument.LinkRewrite? {
        let note = joined(links.note(for: destination, from: path), languageNote(destination))
        guard let written = internalHref(destination) else {
            return note.map { MarkdownDocument.LinkRewrite(destination: destination, note: $0) }
        }
        return MarkdownDocument.LinkRewrite(destination: written, note: note)
    }

    /// "in Czech": the note of a link from a page in a further language of the portal to
    /// a record page in another language (one without a version in the page's).
    func languageNote(_ destination: String) -> String? {
        guard counterparts != nil, destination.first != "#", let target = InternalLink(destination, from: path),
              let language = site.recordLanguages[localized(target.path)], language != strings.language else { return nil }
        return strings["in_language_\(language.rawValue)"]
    }

    private func joined(_ a: String?, _ b: String?) -> String? {
        guard let a else { return b }
        return b.map { a + ", " + $0 } ?? a
    }

    /// The address of an internal link as written on this page (its query and fragment
    /// kept); nil for external links and for `#anchor` on the page itself.
    func internalHref(_ destination: String) -> String? {
        guard destination.first != "#", let target = InternalLink(destination, from: path) else { return nil }
        var suffix = ""
        if let mark = destination.firstIndex(where: { $0 == "?" || $0 == "#" }) { suffix = String(destination[mark...]) }
        return href(target.path + suffix)
    }

    /// Notes for links: external, file type and size.
    var links: LinkDescription { LinkDescription(site: site, strings: strings) }

    /// Tables a body does not place itself are shown after it.
    func unplacedTables(_ tables: [ContentTable], outline: BodyOutline) -> String {
        let placed = Set(outline.tableReferences.map(\.id))
        return tables.filter { !placed.contains($0.id) }.map(TableHTML.render).joined()
    }

    /// A link for a document: internal paths as they are, outside ones marked
    /// "(externí odkaz)", files in `static/` with their type and size ("PDF, 1,2 MB").
    func documentLink(_ document: DocumentLink) -> [String: Any] {
        var item: [String: Any] = ["title": document.title]
        if let destination = document.href?.value, LinkScheme.isAllowed(destination) {
            item["href"] = internalHref(destination) ?? destination
            if let note = joined(links.note(for: destination, from: path), languageNote(destination)) { item["link_note"] = note }
        }
        if let note = document.note { item["note"] = note }
        return item
    }
}
