/// A city's page: its projects and its reports.
struct CityView {
    let context: PageContext
    let city: City

    func make() -> [String: Any] {
        let portal = context.site.portal
        let rows = ProjectSummaryView(context: context)
        return [
            "name": city.name,
            "projects": city.projectIndexes.map { rows.row(at: $0) },
            "reports": city.reportIndexes.map { index -> [String: Any] in
                let report = portal.reports[index]
                var item: [String: Any] = ["title": report.title, "href": Route.report(report.source.slug.value)]
                if let summary = report.summary { item["summary"] = summary }
                return item
            },
        ]
    }
}
