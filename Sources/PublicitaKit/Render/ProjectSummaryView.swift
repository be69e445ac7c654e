/// One project as a row of a list (home page, city page).
struct ProjectSummaryView {
    let context: PageContext

    /// The row of project `index`, with its HTML (the `project-row` template) as
    /// `row_html`, rendered once per build and language however many lists show it.
    func row(at index: Int) -> [String: Any] {
        let project = context.site.portal.projects[index]
        guard let rows = context.projectRows else { return row(project) }
        return rows.row(of: index, language: context.strings.language, addresses: context.addresses) { row(project) }
    }

    /// The fields of a project's row.
    func row(_ project: Project) -> [String: Any] {
        // On a page in a further language, a translated project's row names its translation (its figures stay the original's).
        let shown = context.translation(of: Route.project(project.source.slug.value)).map { context.site.portal.projects[$0] } ?? project
        var item: [String: Any] = [
            "title": shown.title,
            "href": context.href(Route.project(project.source.slug.value)),
            // Lists show dates only; the reason a period is missing belongs on the project's page.
            "period_text": project.period?.start == nil ? context.strings["not_published"] : context.periodText(project.period) ?? "",
            "programme": project.programme ?? "",
            "city": project.city ?? "",
        ]
        if let city = project.city { item["city_href"] = context.href(Route.city(Slug.make(from: city))) }
        // A project written in another language than the list names its title's language.
        if let language = context.titleLanguage(shown.source) { item["row_lang"] = language }
        let currency = project.budget?.currency ?? "CZK"
        item["total_text"] = project.budget?.total?.value.amount.formatted(currency: currency) ?? context.strings["not_published"]
        item["eu_text"] = project.budget?.euContribution.flatMap { eu in
            project.budget?.total == nil ? nil : eu.formatted(currency: currency)
        } ?? context.strings["not_published"]
        // A corrected figure says so and links to its correction on the project's page.
        let projectHref = context.href(Route.project(project.source.slug.value))
        func mark(_ provenance: Provenance, key: String) {
            guard let index = provenance.correctionIndex else { return }
            // A translation that does not carry the correction is linked whole: the anchor is on the original's page.
            let anchored = shown.corrections.indices.contains(index) ? "#" + Correction.anchor(index: index) : ""
            item["\(key)_correction_href"] = projectHref + anchored
            item["\(key)_correction_text"] = context.strings["corrected_mark"]
        }
        if project.budget?.total != nil {
            mark(project.totalProvenance, key: "total")
            if project.budget?.euContribution != nil { mark(project.euContributionProvenance, key: "eu") }
        }
        if project.period?.start != nil { mark(project.periodProvenance, key: "period") }
        return item
    }
}
