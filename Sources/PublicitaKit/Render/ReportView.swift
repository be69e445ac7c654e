/// A report page: its facts, its body with real tables, and its abbreviations.
struct ReportView {
    let context: PageContext
    let report: Report
    /// The record's Markdown body.
    let body: String

    func make() -> [String: Any] {
        var view: [String: Any] = [
            "title": report.title,
            "body_html": context.markdown(body, tables: report.tables)
                + context.unplacedTables(report.tables, outline: report.source.outline),
            "abbreviations": report.abbreviations.map { ["abbr": $0.abbr, "meaning": $0.meaning] },
            "documents": report.documents.map(context.documentLink),
        ]
        if let toc = context.tableOfContents(report.source.outline) {
            view["toc"] = toc
            view["has_toc"] = true
        }
        if let city = report.city {
            view["city"] = city
            view["city_href"] = context.href(Route.city(Slug.make(from: city)))
        }
        if let summary = report.summary { view["summary"] = summary }
        if let period = report.period {
            view["period_text"] = period.label ?? context.periodText(period)
        }
        if let date = report.date?.value { view["date_text"] = date.formatted(context.strings.language) }
        if let slug = report.project?.value, let index = context.site.projectIndex(slug: slug) {
            view.merge(context.projectReference(index), uniquingKeysWith: { $1 })
        }
        if let funded = report.fundedBy {
            if let title = funded.title { view["funded_by_title"] = title }
            if let number = funded.registrationNumber?.value {
                let text = RegistrationNumber.standardForm(of: number)
                view["funded_by_registration_number"] = text
                view["funded_by_registration_number_html"] = Typography.registrationNumberHTML(text)
            }
        }
        return view
    }
}
