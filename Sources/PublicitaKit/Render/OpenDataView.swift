/// The open data page (`/data/`): the files, every column of the list of
/// operations with its meaning, and how the files are written.
struct OpenDataView {
    let context: PageContext

    func make() -> [String: Any] {
        let strings = context.strings
        var view: [String: Any] = [
            "csv_href": context.href(Route.projectsCSV),
            "statistics_href": context.href(Route.statistics),
            "json_href": context.href(Route.projectsJSON),
            "project_json_pattern": Route.projectJSON("<slug>"),
            "columns": OpenData.columns.map { column -> [String: Any] in
                var item: [String: Any] = ["name": column.name, "meaning": strings["data_col_\(column.name)"]]
                if let article = column.article { item["article"] = strings["data_article_before"] + article + strings["data_article_after"] }
                return item
            },
        ]
        if let example = context.site.listedProjects.first.map({ context.site.portal.projects[$0] }) {
            // Named by its address only: the page's key covers every page's path, not the projects' titles.
            view["example_json_href"] = context.href(Route.projectJSON(example.source.slug.value))
        }
        let site = context.site
        if site.hasNewsFeed { view["feed_href"] = context.href(Route.newsFeed) }
        if site.pages.contains(where: { $0.kind == .file(.sitemap) }) { view["sitemap_href"] = context.href(Route.sitemap) }
        if site.portal.config.baseURL == nil { view["no_base_url"] = true }
        let config = site.portal.config
        view["licence_href"] = config.licence.url
        view["licence_name"] = config.licence.shortName
        view["publisher_name"] = config.publisher.name
        view["datapackage_href"] = context.href(Route.dataPackage)
        view["csvw_href"] = context.href(Route.csvMetadata)
        if site.hasCatalog {
            view["catalog_href"] = context.href(Route.catalog)
            if config.publisher.ico == nil { view["catalog_no_publisher"] = true }
        }
        return view
    }
}
