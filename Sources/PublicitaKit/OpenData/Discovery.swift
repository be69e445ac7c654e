/// What helps others find and reuse the portal: `sitemap.xml`, `robots.txt`, the
/// Atom feed of news, the head's Open Graph and feed links, and a project page's
/// JSON-LD. Every file is written in a fixed order from the records alone (no
/// clock), so the same portal gives the same bytes.
enum Discovery {
    // MARK: Files

    /// The bytes of a generated file: the data files as ``OpenData`` makes them (as
    /// bytes: megabytes on a national portal), the others from their text.
    /// `localized` gives the strings of another language (the catalogue is written in Czech and English).
    static func bytes(_ file: GeneratedFile, site: Site, strings: Strings, localized: ((Language) -> Strings)? = nil) throws(Diagnostic) -> [UInt8] {
        if let data = try OpenData.bytes(of: file, site: site) { return data }
        // A sitemap part lists up to 50 000 addresses: made as bytes, not as a text then copied.
        switch file {
        case .sitemapPart(let number): return sitemapPart(number, of: site)
        default: return Array(render(file, site: site, strings: strings, localized: localized).utf8)
        }
    }

    /// The text of a generated file.
    static func render(_ file: GeneratedFile, site: Site, strings: Strings, localized: ((Language) -> Strings)? = nil) -> String {
        let localized = localized ?? { _ in strings }
        switch file {
        // Data files are bytes (``bytes(_:site:strings:)``), not text made here.
        case .projectsJSON, .projectsCSV, .projectJSON: return ""
        case .sitemap: return sitemap(site)
        case .sitemapPart(let number): return String(decoding: sitemapPart(number, of: site), as: UTF8.self)
        case .robots: return robots(site)
        case .newsFeed: return feed(site, strings: strings)
        case .dataPackage: return TableMetadata.dataPackage(site, strings: strings)
        case .csvMetadata: return TableMetadata.csvMetadata(site, strings: strings)
        case .catalog: return Catalog.catalog(site, localized: localized)
        case .catalogDataset: return Catalog.dataset(site, localized: localized)
        }
    }

    /// Every HTML page but the 404 page, with its absolute address, in the site's order;
    /// for a site with more pages than one sitemap may list, the index of its parts.
    static func sitemap(_ site: Site) -> String {
        let parts = site.pages.compactMap { page -> String? in
            guard case .file(.sitemapPart) = page.kind else { return nil }
            return page.path
        }
        guard !parts.isEmpty else { return String(decoding: urlset(sitemapPages(site), site: site), as: UTF8.self) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in parts { out += "<sitemap><loc>\(xml(site.absoluteURL(path)))</loc></sitemap>\n" }
        return out + "</sitemapindex>\n"
    }

    /// Part `number` (from 1) of a split sitemap: the next ``Site/sitemapURLLimit`` pages.
    static func sitemapPart(_ number: Int, of site: Site) -> [UInt8] {
        urlset(sitemapPages(site).dropFirst((number - 1) * site.sitemapURLLimit).prefix(site.sitemapURLLimit), site: site)
    }

    /// The pages a sitemap lists: every HTML page but the 404 page, in the site's order.
    /// Lazily: a copy of the site's page list per part would be held while the part is written.
    private static func sitemapPages(_ site: Site) -> LazyFilterSequence<[SitePage]> {
        site.pages.lazy.filter(\.isInSitemap)
    }

    /// A page with language versions names each of them (itself included) as an alternate, as its head does.
    /// Made in two passes, the first counting the bytes: a part is megabytes, made at the
    /// very end of a build, and an array grown by doubling would hold up to twice that.
    private static func urlset(_ pages: some Sequence<SitePage>, site: Site) -> [UInt8] {
        let head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\""
            + (site.alternates.isEmpty ? ">\n" : " xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n")
        let tail = "</urlset>\n"
        func entry(_ page: SitePage) -> String {
            var text = "<url><loc>\(xml(site.absoluteURL(page.path)))</loc>"
            for version in site.alternates[page.path] ?? [] {
                text += "<xhtml:link rel=\"alternate\" hreflang=\"\(version.language.rawValue)\" href=\"\(xml(site.absoluteURL(version.path)))\"/>"
            }
            return text + "</url>\n"
        }
        var out: [UInt8] = []
        out.reserveCapacity(pages.reduce(head.utf8.count + tail.utf8.count) { $0 + entry($1).utf8.count })
        out.append(contentsOf: head.utf8)
        for page in pages { out.append(contentsOf: entry(page).utf8) }
        out.append(contentsOf: tail.utf8)
        return out
    }

    /// Allows every robot everywhere and names the sitemap when there is one.
    static func robots(_ site: Site) -> String {
        var out = "User-agent: *\nDisallow:\n"
        // With a base_url there is a sitemap: the generated one or the portal's own static/sitemap.xml.
        if site.portal.config.baseURL != nil { out += "\nSitemap: \(site.absoluteURL(Route.sitemap))\n" }
        return out
    }

    /// The news, newest first, as an Atom feed (RFC 4287). Entries carry the title,
    /// date, summary and address of each item; `updated` is the newest item's date
    /// (the accessibility statement's date when there is no news yet).
    static func feed(_ site: Site, strings: Strings) -> String {
        let config = site.portal.config
        let items = newestFirst(site.listedNews.map { site.portal.news[$0] })
        let updated = items.first?.date ?? config.accessibility.statementDate ?? Day(year: 2000, month: 1, day: 1)!
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(strings.language.rawValue)">
            <title>\(xml(feedTitle(site, strings: strings)))</title>
            <id>\(xml(site.absoluteURL(Route.newsList)))</id>
            <link rel="self" type="application/atom+xml" href="\(xml(site.absoluteURL(Route.newsFeed)))"/>
            <link rel="alternate" type="text/html" href="\(xml(site.absoluteURL(Route.newsList)))"/>
            <updated>\(timestamp(updated))</updated>
            <author><name>\(xml(config.publisher.name))</name></author>

            """
        for item in items {
            let url = xml(site.absoluteURL(Route.news(item.source.slug.value)))
            out += "<entry>\n<title>\(xml(item.title))</title>\n<id>\(url)</id>\n"
            out += "<link rel=\"alternate\" type=\"text/html\" href=\"\(url)\"/>\n"
            out += "<published>\(timestamp(item.date))</published>\n<updated>\(timestamp(item.date))</updated>\n"
            if let summary = item.summary { out += "<summary>\(xml(summary))</summary>\n" }
            out += "</entry>\n"
        }
        return out + "</feed>\n"
    }

    /// "Aktuality – Portal title".
    static func feedTitle(_ site: Site, strings: Strings) -> String {
        "\(strings["news"]) – \(site.portal.config.title)"
    }

    /// News items newest first, then by slug (the news list's order).
    static func newestFirst(_ news: [NewsItem]) -> [NewsItem] {
        news.sorted { $0.date != $1.date ? $0.date > $1.date : $0.source.slug.value < $1.source.slug.value }
    }

    /// Midnight UTC of `day`, as Atom writes dates.
    static func timestamp(_ day: Day) -> String { day.iso + "T00:00:00Z" }

    /// Text escaped for XML content and attribute values.
    static func xml(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            // Characters XML 1.0 does not allow at all are dropped.
            case _ where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" && scalar != "\r": continue
            case "\u{FFFE}", "\u{FFFF}": continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    // MARK: JSON-LD

    /// schema.org `MonetaryGrant` for a project with EU funding, as compact JSON safe
    /// inside `<script>`: nil for a project without EU funding.
    ///
    /// Every property lies in its type's domain and every value in the property's
    /// range (Tests/jsonld/validate.py checks each block against the vocabulary):
    /// - `funder` is the European Union; the fund it pays from (ESF+, ERDF…), when
    ///   the record tells it, is the Union's `subOrganization`, a `FundingScheme`.
    /// - `amount` is the Union's contribution, its `value` a JSON number written from
    ///   the exact decimal text (`5538653.12`); left out when the EU amounts are not published.
    /// - `fundedItem` is the project, whose `parentOrganization` is the beneficiary
    ///   (schema.org has no recipient of a grant: `recipient` belongs to actions).
    static func grantJSONLD(_ project: Project, site: Site, strings: Strings) -> String? {
        guard !project.fundingNone, project.registrationNumber != nil || project.hasEUSource else { return nil }
        var union: [(String, JSONValue)] = [("@type", .string("Organization")), ("name", .string(strings["eu_name"]))]
        let funds = EUFund.funds(of: project).map { fund in
            JSONValue.object([("@type", .string("FundingScheme")), ("name", .string(strings[fund.stringKey]))])
        }
        if !funds.isEmpty { union.append(("subOrganization", funds.count == 1 ? funds[0] : .array(funds))) }
        let path = Route.project(project.source.slug.value)
        let url = site.address.absolute(path) ?? site.address.from(path).href(path)
        var members: [(String, JSONValue)] = [
            ("@context", .string("https://schema.org")),
            ("@type", .string("MonetaryGrant")),
            ("name", .string(project.title)),
        ]
        if let number = OpenData.registrationNumber(project) { members.append(("identifier", .string(number))) }
        members.append(("funder", .object(union)))
        if let amount = OpenData.unionContribution(project) {
            members.append(("amount", .object([
                ("@type", .string("MonetaryAmount")),
                ("currency", .string(project.budget?.currency ?? "CZK")),
                ("value", .number(amount.plainDecimal)),
            ])))
        }
        members.append(("fundedItem", .object([
            ("@type", .string("Project")), ("name", .string(project.title)), ("url", .string(url)),
            ("parentOrganization", .object([("@type", .string("Organization")), ("name", .string(project.beneficiary))])),
        ])))
        return scriptSafe(JSONValue.object(members).rendered(indent: nil))
    }

    /// JSON text that cannot end or confuse the `<script>` element it is placed in:
    /// `</` becomes `<\/` and every other `<` becomes `\u003c`, so neither `</script`
    /// nor `<!--` nor `<script` can appear. (`<` only ever stands inside a JSON string,
    /// where both are escapes that mean the same characters.)
    static func scriptSafe(_ json: String) -> String {
        // Nearly no record has a "<" in it: then the text is already safe.
        guard json.utf8.contains(UInt8(ascii: "<")) else { return json }
        var out = ""
        var scalars = json.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            if scalar == "<" {
                out += next == "/" ? "<\\" : "\\u003c"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

extension PageContext {
    /// The head's Open Graph tags, favicon and feed link for the page at `path`.
    func discoveryHead(path: String, title: String) -> [String: Any] {
        var head: [String: Any] = [
            "og_title": title,
            "og_type": path.hasPrefix("/aktuality/") && path != Route.newsList ? "article" : "website",
            "og_locale": strings.language == .cs ? "cs_CZ" : "en_GB",
        ]
        let files = site.staticFilesByName
        if files["favicon.ico"] != nil { head["favicon_ico"] = href("/favicon.ico") }
        if files["favicon.svg"] != nil { head["favicon_svg"] = href("/favicon.svg") }
        if site.hasNewsFeed {
            head["feed_href"] = href(Route.newsFeed)
            head["feed_title"] = Discovery.feedTitle(site, strings: strings)
        }
        head["open_data_href"] = href(Route.openData)
        head["is_open_data"] = isPage(Route.openData)
        if isPage(Route.openData), site.hasCatalog {
            // The DCAT-AP-CZ standard names no link relation; `alternate` with the JSON-LD
            // type is how CKAN's DCAT extension points from a data page to its catalogue record.
            head["catalog_href"] = href(Route.catalog)
            head["catalog_title"] = strings["open_data_catalog"]
        }
        return head
    }
}
