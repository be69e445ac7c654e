/// A city's page: its projects, ``Site/pageSize`` to a page, and (on the first
/// page) its reports. A national portal has cities with thousands of projects;
/// one page listing them all would be megabytes for a reader to load.
struct CityView {
    let context: PageContext
    let city: City

    /// The heading of page `page`.
    func title(page: Int) -> String {
        page > 1 ? "\(city.name) – \(context.strings["page"]) \(page)" : city.name
    }

    /// Page `page` (from 1).
    func make(page: Int = 1) -> [String: Any] {
        let portal = context.site.portal
        let rows = ProjectSummaryView(context: context)
        var view: [String: Any] = [
            "name": title(page: page),
            "projects": ProjectListView.slice(city.projectIndexes, page: page).map { rows.row(at: $0) },
            "reports": page > 1 ? [] : city.reportIndexes.map { index -> [String: Any] in
                context.reportItem(portal.reports[index], summary: true)
            },
        ]
        view.merge(Pagination(context: context).make(count: city.projectIndexes.count, page: page) { city.path(page: $0) },
                   uniquingKeysWith: { $1 })
        return view
    }
}
