/// The filter pages (by programme, programming period, status) and the further
/// pages of the list of all projects: a heading, how many projects there are,
/// one page of the project table and the pagination.
struct ProjectListView {
    let context: PageContext

    /// The heading of a group's page (`Program: Operační program Zaměstnanost`, `Ukončené projekty`).
    func title(of group: ProjectGroup, page: Int) -> String {
        let strings = context.strings
        let base: String
        switch group.kind {
        case .programme(let name): base = "\(strings["programme"]): \(name)"
        case .period(let period): base = "\(strings["programming_period"]) \(period.rawValue)"
        case .status(let status): base = strings["status_\(status.rawValue)_title"]
        }
        return page > 1 ? "\(base) – \(strings["page"]) \(page)" : base
    }

    /// A group's page.
    func group(_ group: ProjectGroup, page: Int) -> [String: Any] {
        var view = list(group.projectIndexes, page: page) { group.path(page: $0) }
        view["title"] = title(of: group, page: page)
        if case .status = group.kind {
            view["as_of_text"] = "\(context.strings["last_updated"]) \(context.site.today.formatted(context.strings.language))"
        }
        return view
    }

    /// The heading of page `page` of all projects.
    func allProjectsTitle(page: Int) -> String { "\(context.strings["projects"]) – \(context.strings["page"]) \(page)" }

    /// Page `page` (from 2) of all projects.
    func allProjects(page: Int) -> [String: Any] {
        var view = list(context.site.listedProjects, page: page, path: Route.projectsPage)
        view["title"] = allProjectsTitle(page: page)
        return view
    }

    /// One page of `indexes` with the counts and the pagination.
    func list(_ indexes: [Int], page: Int, path: (Int) -> String) -> [String: Any] {
        let rows = ProjectSummaryView(context: context)
        let slice = Self.slice(indexes, page: page)
        var view: [String: Any] = [
            "projects": slice.map { rows.row(at: $0) },
            "count_text": "\(context.strings["projects_count"]): \(indexes.count)",
            "filters_href": context.href(Route.home + "#filters-heading"),
        ]
        view.merge(Pagination(context: context).make(count: indexes.count, page: page, path: path), uniquingKeysWith: { $1 })
        return view
    }

    /// The indexes page `page` shows.
    static func slice(_ indexes: [Int], page: Int) -> ArraySlice<Int> {
        let start = min(indexes.count, (page - 1) * Site.pageSize)
        return indexes[start..<min(indexes.count, start + Site.pageSize)]
    }
}

/// The pagination of a list: which projects a page shows, and links to the other
/// pages (the first, the last and two around the current one; gaps as "…").
struct Pagination {
    let context: PageContext

    /// Empty when everything fits on one page.
    func make(count: Int, page: Int, path: (Int) -> String) -> [String: Any] {
        let pages = Site.pageCount(count)
        guard pages > 1 else { return [:] }
        let strings = context.strings
        let first = (page - 1) * Site.pageSize + 1, last = min(count, page * Site.pageSize)
        var view: [String: Any] = [
            "range_text": "\(strings["shown_projects"]) \(first)–\(last) \(strings["of"]) \(count)",
        ]
        var items: [[String: Any]] = []
        var previous = 0
        for number in 1...pages where number == 1 || number == pages || abs(number - page) <= 2 {
            if number > previous + 1 { items.append(["gap": true]) }
            items.append(["number": "\(number)", "href": context.href(path(number)), "current": number == page])
            previous = number
        }
        view["pages"] = items
        if page > 1 { view["prev_href"] = context.href(path(page - 1)) }
        if page < pages { view["next_href"] = context.href(path(page + 1)) }
        view["has_pagination"] = true
        return view
    }
}
