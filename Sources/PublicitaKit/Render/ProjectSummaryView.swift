/// One project as a row of a list (home page, city page).
struct ProjectSummaryView {
    let context: PageContext

    func row(_ project: Project) -> [String: Any] {
        var item: [String: Any] = [
            "title": project.title,
            "href": Route.project(project.source.slug.value),
            "period_text": context.periodText(project.period) ?? context.strings["not_published"],
            "programme": project.programme ?? "",
            "city": project.city ?? "",
        ]
        if let city = project.city { item["city_href"] = Route.city(Slug.make(from: city)) }
        let currency = project.budget?.currency ?? "CZK"
        item["total_text"] = project.budget?.total?.value.amount.formatted(currency: currency) ?? context.strings["not_published"]
        item["eu_text"] = project.budget?.euContribution.flatMap { eu in
            project.budget?.total == nil ? nil : eu.formatted(currency: currency)
        } ?? context.strings["not_published"]
        return item
    }
}
