/// The portal's figures for the statistics page: EU contribution and total cost by
/// programme, city and year of start, and the projects running in each year.
///
/// Every figure is a sum of the values the list of operations exports
/// (`/data/projekty.csv`): `union_contribution` and `total_cost` of the listed
/// projects whose `currency` is CZK, grouped by `specific_objective`, `location`
/// and the year of `start_date`; the running projects from `start_date` and
/// `end_date`. Sums are exact integer haléře; one that overflows is nil.
struct PortalStatistics {
    /// One group of projects: its name (nil: the records give none) and its sums.
    struct Row {
        var label: String?
        var projects = 0
        var eu: Money? = .zero
        var total: Money? = .zero
        /// How many of the projects give the amount summed in `eu` and in `total`.
        var euCount = 0, totalCount = 0

        /// Adds a project's amounts, worked out once for the four rows it is in.
        mutating func add(_ amounts: Amounts) {
            projects += 1
            guard amounts.inCZK else { return }
            if let amount = amounts.eu { eu = eu?.adding(amount); euCount += 1 }
            if let amount = amounts.total { total = total?.adding(amount); totalCount += 1 }
        }

        mutating func add(_ row: Row) {
            projects += row.projects
            euCount += row.euCount
            totalCount += row.totalCount
            eu = eu.flatMap { sum in row.eu.flatMap { sum.adding($0) } }
            total = total.flatMap { sum in row.total.flatMap { sum.adding($0) } }
        }
    }

    /// What the statistics take of a project: the rows it is in and what it adds to them.
    struct Amounts {
        var inCZK: Bool
        /// A budget in another currency than CZK.
        var otherCurrency: Bool
        var eu: Money?
        var total: Money?
        var programme: String?, city: String?
        /// The years of its start and end.
        var start: Int?, end: Int?

        /// Of project `index` of `projects`, from its ``ProjectFigures`` and read field by
        /// field: a record handed to a function whole is first copied out of its list.
        init(_ projects: RecordList<Project>, _ index: Int) {
            let figures = projects[index].figures
            inCZK = figures.inCZK
            otherCurrency = figures.hasBudget && !figures.inCZK
            eu = inCZK ? figures.unionContribution : nil
            total = inCZK ? figures.total : nil
            programme = projects[index].programme
            city = projects[index].city
            start = figures.startYear
            end = figures.endYear
        }
    }

    /// How many cities the statistics name; the rest are summed in one row.
    static let cityLimit = 20

    var byProgramme: [Row] = []
    /// The ``cityLimit`` cities with the largest EU contribution.
    var byCity: [Row] = []
    /// The other cities, summed (nil when there are none), and how many they are.
    var otherCities: Row?
    var otherCityCount = 0
    /// By year of start, in order; a row without a label has no start date.
    var byStartYear: [Row] = []
    /// Projects running in each year, from the first start to the last end.
    var runningByYear: [(year: Int, projects: Int)] = []
    /// Projects left out of `runningByYear`: without a start or an end date.
    var undated = 0
    /// Every listed project.
    var all = Row(label: nil)
    /// Listed projects whose budget is in another currency than CZK (counted, not summed).
    var otherCurrency = 0

    init(site: Site) {
        var programmes = RowsByName(), cities = RowsByName(), years: [Int?: Row] = [:]
        var starts: [Int: Int] = [:], ends: [Int: Int] = [:]
        for index in site.listedProjects {
            let amounts = Amounts(site.portal.projects, index)
            all.add(amounts)
            if amounts.otherCurrency { otherCurrency += 1 }
            programmes.add(amounts, to: amounts.programme)
            cities.add(amounts, to: amounts.city)
            let start = amounts.start, end = amounts.end
            years[start, default: Row(label: start.map { "\($0)" })].add(amounts)
            if let start, let end, start <= end {
                starts[start, default: 0] += 1
                ends[end, default: 0] += 1
            } else {
                undated += 1
            }
        }
        byProgramme = programmes.rows.sorted(by: Self.largerFirst)
        let sortedCities = cities.rows.sorted(by: Self.largerFirst)
        byCity = Array(sortedCities.prefix(Self.cityLimit))
        let rest = sortedCities.dropFirst(Self.cityLimit)
        if !rest.isEmpty {
            var others = Row(label: nil)
            for row in rest { others.add(row) }
            otherCities = others
            otherCityCount = rest.count
        }
        byStartYear = years.keys.sorted { ($0 ?? Int.max) < ($1 ?? Int.max) }.compactMap { years[$0] }
        // A sweep over the years between the first start and the last end: a project counts
        // in every year its period reaches into.
        if let first = starts.keys.min(), let last = ends.keys.max() {
            var running = 0
            for year in first...last {
                running += starts[year] ?? 0
                runningByYear.append((year, running))
                running -= ends[year] ?? 0
            }
        }
    }

    /// Rows by name, names grouped as `String` equality groups them (canonically
    /// equivalent spellings are one name), each found by the name's bytes first: a
    /// `String` key is hashed through Unicode normalization, and the statistics
    /// look up a city and a programme for every project after every edit in `serve`.
    private struct RowsByName {
        private(set) var rows: [Row] = []
        private var indexByName: [String?: Int] = [:]
        private var indexByBytes: [UTF8Key: Int] = [:]

        mutating func add(_ amounts: Amounts, to name: String?) {
            let index: Int
            if let name, let known = indexByBytes[UTF8Key(name)] {
                index = known
            } else {
                if let known = indexByName[name] {
                    index = known
                } else {
                    index = rows.count
                    rows.append(Row(label: name))
                    indexByName[name] = index
                }
                if let name { indexByBytes[UTF8Key(name)] = index }
            }
            rows[index].add(amounts)
        }
    }

    /// Larger EU contribution first, then larger total, then more projects, then the name
    /// in Czech order; the group without a name last.
    static func largerFirst(_ a: Row, _ b: Row) -> Bool {
        if (a.label == nil) != (b.label == nil) { return b.label == nil }
        let (euA, euB) = (a.eu?.halere ?? Int64.max, b.eu?.halere ?? Int64.max)
        if euA != euB { return euA > euB }
        let (totalA, totalB) = (a.total?.halere ?? Int64.max, b.total?.halere ?? Int64.max)
        if totalA != totalB { return totalA > totalB }
        if a.projects != b.projects { return a.projects > b.projects }
        return Site.czechOrder(a.label ?? "", b.label ?? "")
    }
}
