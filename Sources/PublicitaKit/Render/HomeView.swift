/// The home page: every project with its key figures, and the portal's totals.
struct HomeView {
    let context: PageContext

    func make() -> [String: Any] {
        let portal = context.site.portal
        let rows = ProjectSummaryView(context: context)
        var view: [String: Any] = [
            "projects": portal.projects.map(rows.row),
            "projects_count": "\(portal.projects.count)",
            "cities": context.site.cities.map { ["name": $0.name, "href": $0.path] },
            "reports": portal.reports.map { ["title": $0.title, "href": Route.report($0.source.slug.value)] },
            "news": NewsListView(context: context).items(limit: 3),
        ]
        if let description = portal.config.description { view["description"] = description }
        // Portal totals count only budgets in CZK whose amounts are published.
        let budgets = portal.projects.compactMap(\.budget).filter { $0.currency == "CZK" && $0.total != nil }
        if let total = Money.sum(budgets.compactMap { $0.total?.value.amount }) {
            view["total_text"] = total.formatted(currency: "CZK")
        }
        if let eu = Money.sum(budgets.compactMap(\.euContribution)) {
            view["eu_text"] = eu.formatted(currency: "CZK")
        }
        return view
    }
}
