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

    /// The address of site path `sitePath` as written on this page.
    func href(_ sitePath: String) -> String { addresses.href(sitePath) }

    /// The layout context for a page at `path` whose inner HTML is `content`.
    func layout(path: String, title: String, description: String?, content: String) -> [String: Any] {
        let config = site.portal.config
        var context: [String: Any] = [
            "lang": strings.language.rawValue,
            "t": strings.table,
            "portal_title": config.title,
            "publisher_name": config.publisher.name,
            "home_href": href(Route.home),
            "stylesheet_href": href(Route.stylesheet),
            "accessibility_href": href(Route.accessibility),
            "is_accessibility": path == Route.accessibility,
            "is_glossary": path == Route.glossary,
            "is_home": path == Route.home,
            "title": title,
            "document_title": path == Route.home ? config.title : "\(title) – \(config.title)",
            "content": content,
            "nav": navigation(current: path),
        ]
        if !site.abbreviations.isEmpty { context["glossary_href"] = href(Route.glossary) }
        // On a page in another language than the portal, the portal's title keeps its own language.
        if strings.language != config.language { context["portal_lang"] = config.language.rawValue }
        // A page with language versions names them in the head and links them visibly.
        if let versions = site.alternates[path] {
            context["alternates"] = versions.map { version -> [String: Any] in
                ["hreflang": version.language.rawValue, "href": site.address.absolute(version.path) ?? href(version.path)]
            }
            context["has_language_switch"] = true
            context["language_switch"] = versions.filter { $0.path != path }.map { version -> [String: Any] in
                ["hreflang": version.language.rawValue, "href": href(version.path),
                 "label": languageNames[version.language] ?? version.language.rawValue]
            }
        }
        context.merge(discoveryHead(path: path, title: title), uniquingKeysWith: { $1 })
        if let url = config.publisher.url, LinkScheme.isAllowed(url) {
            context["publisher_href"] = url
            if let note = links.note(for: url) { context["publisher_link_note"] = note }
        }
        if let description = description ?? config.description { context["description"] = description }
        if path != Route.notFound, let canonical = site.address.absolute(path) { context["canonical"] = canonical }
        return context
    }

    /// Main navigation: home, news, the free pages with an `order`, and the cities.
    private func navigation(current: String) -> [[String: Any]] {
        var items: [(String, String)] = [(strings["home"], Route.home), (strings["news"], Route.newsList)]
        let ordered = site.portal.pages.filter { $0.order != nil }.sorted { ($0.order ?? 0) < ($1.order ?? 0) }
        items += ordered.map { ($0.title, Route.page($0.source.slug.value)) }
        return items.map { title, path in
            ["title": title, "href": href(path), "current": path == current]
        }
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
        let note = links.note(for: destination, from: path)
        guard let written = internalHref(destination) else {
            return note.map { MarkdownDocument.LinkRewrite(destination: destination, note: $0) }
        }
        return MarkdownDocument.LinkRewrite(destination: written, note: note)
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
            if let note = links.note(for: destination, from: path) { item["link_note"] = note }
        }
        if let note = document.note { item["note"] = note }
        return item
    }
}
