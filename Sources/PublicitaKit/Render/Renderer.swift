/// The render stage: turns each page of the site model into HTML with the theme.
///
/// View models do every formatting decision; the templates only place values.
/// A page is rendered in two passes: its own template gives the content, the
/// `layout` template wraps it.
public struct Renderer: Sendable {
    /// The site model.
    public let site: Site
    /// The templates, assets and strings.
    public let theme: Theme
    /// The portal's abbreviations, marked up at their first use on each page.
    let glossary: Glossary

    /// Fields a page's view gets besides its view model's (``Builder/Options/extraViewFields``).
    typealias ExtraFields = @Sendable (SitePage, Site) -> [String: Any]
    private let extraFields: ExtraFields?

    /// Creates a renderer.
    public init(site: Site, theme: Theme) {
        self.init(site: site, theme: theme, extraFields: nil)
    }

    init(site: Site, theme: Theme, extraFields: ExtraFields?) {
        self.site = site
        self.theme = theme
        self.extraFields = extraFields
        self.glossary = Glossary(site.abbreviations)
        var names: [Language: String] = [:]
        for language in Language.allCases { names[language] = theme.strings(for: language)["language_name"] }
        self.languageNames = names
        self.memos = RenderMemos(theme: theme)
    }

    /// What many pages share, made once per build.
    private let memos: RenderMemos

    /// Forgets what many pages shared, once the last page is rendered.
    func forgetMemos() {
        memos.forget()
    }

    /// Each language's name in that language ("Česky", "English"), for the language switch.
    let languageNames: [Language: String]

    /// A rendered page: the file it goes to and its bytes.
    public struct RenderedPage: Sendable {
        /// Path relative to the output folder.
        public var file: String
        /// The page's HTML as UTF-8 (for a generated file that is not a page, its text or data).
        public var bytes: [UInt8]

        /// The page's HTML (or text).
        public var html: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Renders one page.
    public func render(_ page: SitePage) -> Result<RenderedPage, Diagnostic> {
        do {
            return .success(try renderPage(page))
        } catch {
            return .failure(error)
        }
    }

    private func renderPage(_ page: SitePage) throws(Diagnostic) -> RenderedPage {
        let bodies = site.portal.bodies
        let language = site.language(of: page)
        let strings = theme.strings(for: language)
        let context = PageContext(site: site, strings: strings, path: page.path, languageNames: languageNames, projectRows: memos.projectRows)
        let portal = site.portal
        let template: String, view: [String: Any], title: String, description: String?
        var jsonLD: String?
        switch page.kind {
        case .home:
            (template, view, title, description) = ("home", HomeView(context: context).make(), portal.config.title, portal.config.description)
        case .project(let index):
            let project = portal.projects[index]
            (template, view, title, description) = ("project", ProjectView(context: context, project: project, body: try bodies.body(of: project.source)).make(), project.title, project.summary)
            jsonLD = Discovery.grantJSONLD(project, site: site, strings: strings)
        case .poster(let index):
            let project = portal.projects[index]
            (template, view, title, description) = ("poster", PosterView(context: context, project: project).make(),
                                                    strings["poster"] + ": " + project.title, nil)
        case .statistics:
            (template, view, title, description) = ("statistics", StatisticsView(context: context).make(), strings["statistics"], nil)
        case .report(let index):
            let report = portal.reports[index]
            (template, view, title, description) = ("report", ReportView(context: context, report: report, body: try bodies.body(of: report.source)).make(), report.title, report.summary)
        case .page(let index):
            let free = portal.pages[index]
            var pageView: [String: Any] = ["title": free.title, "body_html": context.markdown(try bodies.body(of: free.source))]
            if let toc = context.tableOfContents(free.source.outline) {
                pageView["toc"] = toc
                pageView["has_toc"] = true
            }
            (template, view, title, description) = ("page", pageView, free.title, free.summary)
        case .newsList:
            (template, view, title, description) = ("news-list", NewsListView(context: context).list(), strings["news"], nil)
        case .newsItem(let index):
            let news = portal.news[index]
            (template, view, title, description) = ("news-item", NewsListView(context: context).item(news, body: try bodies.body(of: news.source)), news.title, news.summary)
        case .city(let index, let number):
            let cityView = CityView(context: context, city: site.cities[index])
            (template, view, title, description) = ("city", cityView.make(page: number), cityView.title(page: number), nil)
        case .accessibility:
            (template, view, title, description) = ("accessibility", AccessibilityView(context: context).make(), strings["accessibility_statement"], nil)
        case .glossary:
            var glossaryView: [String: Any] = ["entries": glossary.entries.map { ["abbr": $0.abbr, "meaning": $0.meaning] }]
            if let language = context.portalTextLanguage { glossaryView["entries_lang"] = language }
            (template, view, title, description) = ("glossary", glossaryView, strings["glossary"], nil)
        case .notFound:
            (template, view, title, description) = ("not-found", [:], strings["page_not_found"], nil)
        case .group(let index, let number):
            let list = ProjectListView(context: context)
            let group = site.groups[index]
            (template, view, title, description) = ("project-list", list.group(group, page: number), list.title(of: group, page: number), nil)
        case .projectsPage(let number):
            let list = ProjectListView(context: context)
            (template, view, title, description) = ("project-list", list.allProjects(page: number), list.allProjectsTitle(page: number), nil)
        case .searchIndex:
            return RenderedPage(file: page.outputFile, bytes: SearchIndex(context: context).bytes())
        case .openData:
            (template, view, title, description) = ("open-data", OpenDataView(context: context).make(), strings["open_data"], nil)
        case .file(let file):
            // A build writes the list files from the projects' kept parts (``DataFileFragments``); whole, they are made here.
            return RenderedPage(file: page.outputFile, bytes: try Discovery.bytes(file, site: site, strings: strings, localized: theme.strings(for:)))
        }
        var pageView = view
        if let extraFields { pageView.merge(extraFields(page, site)) { _, extra in extra } }
        pageView["t"] = strings.table
        pageView["home_href"] = context.href(Route.home)
        pageView["news_href"] = context.href(Route.newsList)
        // Every list gets a `has_<name>` flag, so a template can wrap a list's heading without logic.
        for (key, value) in view {
            // A protocol check, not `as? [Any]`, which would convert every list element by element.
            if let list = value as? any ListValue { pageView["has_\(key)"] = !list.isEmptyList }
        }
        guard var content = theme.renderBytes(pageView, template: template, language: language) else {
            throw missingTemplate(template)
        }
        // The glossary page lists every abbreviation itself; everywhere else the first use is explained.
        if page.kind != .glossary { content = glossary.apply(to: content) }
        var layout = context.layout(path: page.path, title: title, description: description, content: RenderedHTML(bytes: content))
        if let jsonLD { layout["json_ld"] = jsonLD }
        layout["header_html"] = memos.header.render(layout, theme: theme, language: language) ?? ""
        layout["footer_html"] = memos.footer.render(layout, theme: theme, language: language) ?? ""
        layout["head_links_html"] = memos.headLinks.render(layout, theme: theme, language: language) ?? ""
        // The page stays UTF-8 from the template to the file: made into a String, it was checked and copied twice.
        guard let html = theme.renderBytes(layout, template: "layout", language: language) else {
            throw missingTemplate("layout")
        }
        // Last, over the whole page: the header's and the fields' text are typeset as the body is.
        return RenderedPage(file: page.outputFile, bytes: Typography(language: language).apply(to: html))
    }

    private func missingTemplate(_ name: String) -> Diagnostic {
        .error(.templateMissing, at: SourceLocation(file: "templates/\(name).mustache"),
               LocalizedText(cs: "šablona „\(name)“ neexistuje", en: "the template \"\(name)\" does not exist"))
    }
}
