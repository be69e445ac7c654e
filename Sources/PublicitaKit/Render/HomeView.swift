/// The home page: every project with its key figures, and the portal's totals.
struct HomeView {
    let context: PageContext

    func make() -> [String: Any] {
        let portal = context.site.portal
        let rows = ProjectSummaryView(context: context)
        let site = context.site
        let listed = site.listedProjects
        var view: [String: Any] = [
            "projects": ProjectListView.slice(listed, page: 1).map { rows.row(at: $0) },
            "projects_count": "\(listed.count)",
            "cities": site.cities.map { city -> [String: Any] in
                var item: [String: Any] = ["name": city.name, "href": context.href(city.path)]
                // A city with reports only has no project count.
                if !city.projectIndexes.isEmpty { item["count"] = "\(city.projectIndexes.count)" }
                return item
            },
            "reports": site.listedReports.map { context.reportItem(portal.reports[$0], summary: false) },
            "news": NewsListView(context: context).items(limit: 3),
        ]
        view.merge(Pagination(context: context).make(count: listed.count, page: 1, path: Route.projectsPage), uniquingKeysWith: { $1 })
        // The filter pages, by kind; the search (revealed by its script) filters the same projects.
        var programmes: [[String: Any]] = [], periods: [[String: Any]] = [], statuses: [[String: Any]] = []
        for group in site.groups {
            var item: [String: Any] = ["href": context.href(group.path), "count": "\(group.projectIndexes.count)"]
            switch group.kind {
            case .programme(let name): item["name"] = name; programmes.append(item)
            case .period(let period): item["name"] = period.rawValue; periods.append(item)
            case .status(let status): item["name"] = context.strings["status_\(status.rawValue)_title"]; statuses.append(item)
            }
        }
        view["programmes"] = programmes
        view["periods"] = periods
        view["statuses"] = statuses
        view["has_filters"] = !site.cities.isEmpty || !site.groups.isEmpty
        view["status_as_of_text"] = "\(context.strings["last_updated"]) \(site.today.formatted(context.strings.language))"
        if !listed.isEmpty {
            view["search_index_href"] = context.href(Route.searchIndex)
            view["search_script_href"] = context.href(Route.searchScript)
            // The script links its results itself: from disk, folder addresses name their index.html.
            if context.addresses.namesIndex { view["search_page_suffix"] = "index.html" }
        }
        if let description = portal.config.description { view["description"] = description }
        if let language = context.portalTextLanguage { view["description_lang"] = language }
        view.merge(totals(listed), uniquingKeysWith: { $1 })
        view["statistics_href"] = context.href(Route.statistics)
        return view
    }

    /// How many projects the named lists on the home page show at most; the rest are counted.
    static let namedProjectsLimit = 10

    /// The portal's totals, with the projects they cover, those they leave out and the
    /// corrected totals they include (each linked to its correction).
    ///
    /// Portal totals count only budgets in CZK whose amounts are published.
    /// From each project's ``ProjectFigures``: this page goes over every project again
    /// after every edit in serve.
    private func totals(_ listed: [Int]) -> [String: Any] {
        let portal = context.site.portal
        let strings = context.strings
        var totals: [Money] = [], contributions: [Money] = []
        totals.reserveCapacity(listed.count)
        var withoutBudget: [Int] = [], otherCurrency: [Int] = [], corrected: [Int] = []
        for index in listed {
            let figures = portal.projects[index].figures
            guard figures.hasBudget, let total = figures.total else {
                withoutBudget.append(index)
                continue
            }
            guard figures.inCZK else {
                otherCurrency.append(index)
                continue
            }
            totals.append(total)
            if figures.amountsCorrected { corrected.append(index) }
            if let eu = figures.euContribution { contributions.append(eu) }
        }
        var view: [String: Any] = [:]
        if let total = Money.sum(totals) {
            view["total_text"] = total.formatted(currency: "CZK")
        }
        if let eu = Money.sum(contributions) {
            view["eu_text"] = eu.formatted(currency: "CZK")
        }
        guard !listed.isEmpty else { return view }
        view["totals_coverage_text"] = "\(strings["totals_cover"]): \(totals.count) \(strings["totals_cover_of"]) \(listed.count)."
        view["totals_without_budget"] = named(withoutBudget, correction: nil)
        view["totals_without_budget_more"] = more(withoutBudget)
        view["totals_other_currency"] = named(otherCurrency, correction: nil)
        view["totals_other_currency_more"] = more(otherCurrency)
        view["totals_corrected"] = named(corrected) { project in
            (project.totalProvenance.correctionIndex ?? project.euContributionProvenance.correctionIndex).map(Correction.anchor)
        }
        view["totals_corrected_more"] = more(corrected)
        return view
    }

    /// The first ``namedProjectsLimit`` of `indexes` as links (to the correction when `correction` names one), comma-separated.
    private func named(_ indexes: [Int], correction: ((Project) -> String?)?) -> [[String: Any]] {
        let shown = indexes.prefix(Self.namedProjectsLimit)
        return shown.enumerated().map { position, index in
            let project = context.site.portal.projects[index]
            let path = Route.project(project.source.slug.value)
            let title = context.translation(of: path).map { context.site.portal.projects[$0] } ?? project
            var href = context.href(path)
            // A translation that does not carry the correction is linked whole: the anchor is on the original's page.
            if let anchor = correction?(project), title.corrections.count == project.corrections.count { href += "#" + anchor }
            var item: [String: Any] = ["title": title.title, "href": href, "separator": position < shown.count - 1 ? ", " : ""]
            if let language = context.titleLanguage(title.source) { item["record_lang"] = language }
            return item
        }
    }

    /// ", a 12 dalších" for the projects a named list leaves out, or nothing.
    private func more(_ indexes: [Int]) -> String {
        indexes.count > Self.namedProjectsLimit ? " \(context.strings["and_more"]) \(indexes.count - Self.namedProjectsLimit)" : ""
    }
}
