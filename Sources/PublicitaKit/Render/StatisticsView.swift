/// The statistics page (`/statistiky/`): each of ``PortalStatistics``' breakdowns as
/// a bar chart with a table of the same figures beside it. Every text comes from the
/// page's strings, so a page in another language needs only its route.
struct StatisticsView {
    let context: PageContext

    func make() -> [String: Any] {
        let strings = context.strings
        let statistics = PortalStatistics(site: context.site)
        var cityNote = strings["stats_by_city_note_before"] + "\(PortalStatistics.cityLimit)" + strings["stats_by_city_note_after"]
        var cityRows = statistics.byCity.map { row(label: $0.label, $0) }
        if let others = statistics.otherCities {
            cityRows.append(row(label: strings["stats_other_cities"] + " (\(statistics.otherCityCount))", others))
            cityNote += " " + strings["stats_by_city_note_rest"]
        }
        let sections: [[String: Any]] = [
            money("stats-programme", heading: strings["stats_by_programme"], labelHeading: strings["programme"],
                  rows: statistics.byProgramme.map { row(label: $0.label, $0) }, all: statistics.all, note: nil),
            money("stats-city", heading: strings["stats_by_city"], labelHeading: strings["city"], rows: cityRows,
                  all: statistics.all, note: cityNote),
            money("stats-start-year", heading: strings["stats_by_start_year"], labelHeading: strings["stats_start_year"],
                  rows: statistics.byStartYear.map { row(label: $0.label, $0) }, all: statistics.all, note: nil),
        ]
        var view: [String: Any] = [
            "money_sections": sections,
            "csv_href": context.href(Route.projectsCSV),
            "projects_total": "\(statistics.all.projects)",
        ]
        if statistics.otherCurrency > 0 {
            view["other_currency_text"] = strings["stats_other_currency"] + ": \(statistics.otherCurrency)."
        }
        let running = statistics.runningByYear.map { ["label": "\($0.year)", "projects": "\($0.projects)"] }
        view["running_rows"] = running
        view["running_chart_svg"] = BarChart.svg(
            series: [.init(name: strings["stats_running_projects"], style: .solid)],
            rows: statistics.runningByYear.map { .init(label: "\($0.year)", values: [(Int64($0.projects), "\($0.projects)")]) },
            title: strings["stats_running"], id: "stats-running-chart") ?? ""
        view["running_note"] = strings["stats_running_note"] + (statistics.undated > 0 ? " " + strings["stats_undated"] + ": \(statistics.undated)." : "")
        return view
    }

    /// A table row and chart row of one group: `label` (nil: not stated), its count and sums.
    private func row(label: String?, _ row: PortalStatistics.Row) -> (label: String, row: PortalStatistics.Row) {
        (label ?? context.strings["stats_not_stated"], row)
    }

    /// A sum for readers: "—" when it overflows, "neuvedeno" when no project of the group gives the amount.
    private func amount(_ money: Money?, of count: Int) -> String {
        guard count > 0 else { return context.strings["not_published"] }
        return money?.formatted(currency: "CZK") ?? "—"
    }

    /// One breakdown of the amounts: heading, note, chart and table.
    private func money(_ id: String, heading: String, labelHeading: String, rows: [(label: String, row: PortalStatistics.Row)],
                       all: PortalStatistics.Row, note: String?) -> [String: Any] {
        let strings = context.strings
        let chart = BarChart.svg(
            series: [.init(name: strings["eu_contribution"], style: .solid), .init(name: strings["total"], style: .hatched)],
            rows: rows.map { item in
                .init(label: item.label, values: [(item.row.eu?.halere ?? 0, amount(item.row.eu, of: item.row.euCount)), (item.row.total?.halere ?? 0, amount(item.row.total, of: item.row.totalCount))])
            },
            title: heading + " – " + strings["stats_chart_money"], id: "\(id)-chart")
        var section: [String: Any] = [
            "id": id, "heading": heading, "label_heading": labelHeading, "caption": heading,
            "chart_svg": chart ?? "",
            "rows": rows.map { ["label": $0.label, "projects": "\($0.row.projects)", "eu_text": amount($0.row.eu, of: $0.row.euCount), "total_text": amount($0.row.total, of: $0.row.totalCount)] },
            "all_projects": "\(all.projects)", "all_eu_text": amount(all.eu, of: all.euCount), "all_total_text": amount(all.total, of: all.totalCount),
        ]
        if let note { section["note"] = note }
        return section
    }
}
