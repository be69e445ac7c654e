import Foundation
import Testing
@testable import PublicitaKit

/// The statistics page (`/statistiky/`) and the projects' publicity posters
/// (`/projekty/<slug>/plakat/`). The statistics are checked against sums made here
/// from the list of operations (`data/projekty.csv`) of the same build, read as text
/// and added up in integer haléře without the code that made the page.
@Suite("Statistics and posters")
struct StatisticsAndPosterTests {
    // MARK: Sums from the CSV

    /// What one group of CSV rows adds up to.
    struct Sums: Equatable {
        var projects = 0
        var eu: Int64 = 0, euCount = 0
        var total: Int64 = 0, totalCount = 0

        mutating func add(_ row: [String: String]) {
            projects += 1
            guard row["currency"] == "CZK" else { return }
            if let value = halere(row["union_contribution"] ?? "") { eu += value; euCount += 1 }
            if let value = halere(row["total_cost"] ?? "") { total += value; totalCount += 1 }
        }

        mutating func add(_ other: Sums) {
            projects += other.projects
            eu += other.eu; euCount += other.euCount
            total += other.total; totalCount += other.totalCount
        }

        /// The row as the page should write it: label, count, EU contribution, total.
        func cells(_ label: String) -> [String] {
            func text(_ value: Int64, _ count: Int) -> String {
                count == 0 ? "neuvedeno" : Money(halere: value).formatted(currency: "CZK").replacingOccurrences(of: "\u{00A0}", with: " ")
            }
            return [label, "\(projects)", text(eu, euCount), text(total, totalCount)]
        }
    }

    /// A plain decimal of the CSV (`6516062.50`, `-10.00`) in haléře; nil for an empty field.
    static func halere(_ text: String) -> Int64? {
        guard !text.isEmpty else { return nil }
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, let whole = Int64(parts[0]), let cents = Int64(parts[1]) else { return nil }
        return (negative ? -1 : 1) * (whole * 100 + cents)
    }

    /// The rows of the CSV of the site in `output`, keyed by column.
    static func csvRows(_ output: URL) throws -> [[String: String]] {
        let data = try Data(contentsOf: output.appendingPathComponent("data/projekty.csv"))
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        let records = try OpenDataTests.parseCSV(text)
        let header = try #require(records.first)
        return records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) }
    }

    /// The rows (header cells, then data cells, as text) of the table captioned `id`-caption.
    static func tableRows(_ html: String, id: String) throws -> [[String]] {
        let start = try #require(html.range(of: "id=\"\(id)-caption\""), "no table \(id)")
        let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
        let table = String(html[start.upperBound..<end.lowerBound])
        let rowPattern = try Regex(#"<tr><th scope="row">(.*?)</th>(.*?)</tr>"#)
        let cellPattern = try Regex(#"<td class="num">(.*?)</td>"#)
        return table.matches(of: rowPattern).map { match in
            let label = String(match.output[1].substring ?? "")
            let cells = String(match.output[2].substring ?? "").matches(of: cellPattern).map { String($0.output[1].substring ?? "") }
            return ([label] + cells).map(Self.plainText)
        }
    }

    /// Text without tags, no-break spaces as spaces.
    static func plainText(_ html: String) -> String {
        html.replacing(try! Regex("<[^>]+>"), with: "").replacingOccurrences(of: "\u{00A0}", with: " ")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// Every breakdown of the statistics page of `output` equals the sums of its CSV.
    static func expectStatisticsMatchTheCSV(_ output: URL) throws {
        let rows = try csvRows(output)
        let html = try String(contentsOf: output.appendingPathComponent("statistiky/index.html"), encoding: .utf8)
        var all = Sums()
        for row in rows { all.add(row) }
        let allRow = all.cells("Celkem")

        func grouped(_ key: (([String: String]) -> String)) -> [String: Sums] {
            var groups: [String: Sums] = [:]
            for row in rows { groups[key(row), default: Sums()].add(row) }
            return groups
        }
        func named(_ value: String?) -> String { (value ?? "").isEmpty ? "Neuvedeno" : value! }

        // Programmes and years: every group, each once, then the total.
        for (id, key) in [("stats-programme", { (row: [String: String]) in named(row["specific_objective"]) }),
                          ("stats-start-year", { (row: [String: String]) in named(row["start_date"].map { String($0.prefix(4)) }) })] {
            let table = try tableRows(html, id: id)
            let expected = grouped(key)
            #expect(table.last == allRow, "\(id): the total row")
            let shown = table.dropLast()
            #expect(Set(shown.map { $0[0] }) == Set(expected.keys), "\(id): the groups")
            #expect(shown.count == expected.count, "\(id): a group twice")
            for cells in shown { #expect(cells == expected[cells[0]]?.cells(cells[0]), "\(id): \(cells[0])") }
        }

        // Cities: at most 20 named, the rest summed in one row.
        let cities = grouped { named($0["location"]) }
        let table = try tableRows(html, id: "stats-city")
        #expect(table.last == allRow, "stats-city: the total row")
        var shown = Array(table.dropLast())
        if cities.count > PortalStatistics.cityLimit {
            try #require(!shown.isEmpty)
            let others = shown.removeLast()
            #expect(shown.count == PortalStatistics.cityLimit)
            var rest = Sums()
            for (name, sums) in cities where !shown.contains(where: { $0[0] == name }) { rest.add(sums) }
            #expect(others == rest.cells("Ostatní města (\(cities.count - PortalStatistics.cityLimit))"))
            // The named cities are those with the largest EU contribution.
            let smallestShown = shown.compactMap { cities[$0[0]]?.eu }.min() ?? 0
            let largestLeft = cities.filter { entry in !shown.contains { $0[0] == entry.key } }.map(\.value.eu).max() ?? 0
            #expect(smallestShown >= largestLeft)
        } else {
            #expect(shown.count == cities.count)
        }
        for cells in shown { #expect(cells == cities[cells[0]]?.cells(cells[0]), "stats-city: \(cells[0])") }

        // Running projects: every year from the first start to the last end.
        let dated = rows.compactMap { row -> (Int, Int)? in
            guard let start = Int(row["start_date"]?.prefix(4) ?? ""), let end = Int(row["end_date"]?.prefix(4) ?? ""), start <= end else { return nil }
            return (start, end)
        }
        let running = try tableRows(html, id: "stats-running")
        if let first = dated.map(\.0).min(), let last = dated.map(\.1).max() {
            let expected = (first...last).map { year in ["\(year)", "\(dated.count { $0.0 <= year && year <= $0.1 })"] }
            #expect(running == expected)
        } else {
            #expect(running.isEmpty)
        }
        #expect(html.contains("role=\"img\""), "the charts are images with a name")
    }

    // MARK: Statistics

    @Test func theExampleStatisticsMatchItsCSV() throws {
        try withTemporaryDirectory { output in
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            try Self.expectStatisticsMatchTheCSV(output)
            let html = try String(contentsOf: output.appendingPathComponent("statistiky/index.html"), encoding: .utf8)
            // Liberec's figures, to the haléř, as its record gives them.
            #expect(try Self.tableRows(html, id: "stats-city").contains(["Liberec", "1", "5 538 653,12 Kč", "6 516 062,50 Kč"]))
            for page in ["index.html", "data/index.html"] {
                #expect(try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8).contains("href=\"/statistiky/\""), "\(page) links the statistics")
            }
        }
    }

    @Test func aPortalOfManyCitiesNamesTwentyAndSumsTheRest() throws {
        try withTemporaryDirectory { tmp in
            let corpus = tmp.appendingPathComponent("corpus"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 120, into: corpus, seed: 5)
            let outcome = Builder.run(.init(portalRoot: corpus, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            let cities = Set(try Self.csvRows(output).map { $0["location"] ?? "" })
            try #require(cities.count > PortalStatistics.cityLimit, "the corpus has only \(cities.count) cities")
            try Self.expectStatisticsMatchTheCSV(output)
        }
    }

    @Test func barsAreScaledOnIntegersWithoutOverflow() {
        #expect(BarChart.scaled(Money.maximum.halere, of: Money.maximum.halere, width: 400) == 400)
        #expect(BarChart.scaled(Int64.max / 2, of: Int64.max, width: 400) == 199)
        #expect(BarChart.scaled(1, of: 3, width: 400) == 133)
        #expect(BarChart.scaled(0, of: 3, width: 400) == 0)
        #expect(BarChart.scaled(5, of: 0, width: 400) == 0)
    }

    // MARK: Posters

    @Test func theEmblemHasTheStandardsProportions() throws {
        // Annex II of 821/2014: height h, width 1.5 h, star centres on a circle of radius h/3,
        // star points on circles of radius h/18 around them, one point of each star upward.
        let polygons = EUEmblem.stars.matches(of: try Regex(#"points="([^"]+)""#)).map { String($0.output[1].substring ?? "") }
        #expect(polygons.count == 12)
        let h = 20.0
        for polygon in polygons {
            let points = polygon.split(separator: " ").map { $0.split(separator: ",").compactMap { Double($0) } }
            let outer = stride(from: 0, to: 10, by: 2).map { points[$0] }
            let cx = outer.map { $0[0] }.reduce(0, +) / 5, cy = outer.map { $0[1] }.reduce(0, +) / 5
            #expect(abs(((cx - 15) * (cx - 15) + (cy - 10) * (cy - 10)).squareRoot() - h / 3) < 0.02)
            for point in outer {
                #expect(abs(((point[0] - cx) * (point[0] - cx) + (point[1] - cy) * (point[1] - cy)).squareRoot() - h / 18) < 0.02)
            }
            #expect(abs(outer[0][0] - cx) < 0.01 && outer[0][1] < cy, "the first point is straight up")
        }
        let svg = EUEmblem.svg(label: "Vlajka", className: "x")
        #expect(svg.contains("viewBox=\"0 0 30.00 20.00\""))
        let template = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("Sources/PublicitaKit/Theme/templates/eu-stars.mustache"), encoding: .utf8)
        #expect(template == EUEmblem.stars, "the project page's flag is the same emblem")
    }

    @Test func everyEUFundedProjectHasAPosterByItsProgrammingPeriod() throws {
        try withTemporaryDirectory { output in
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            // Jeseník is a 2021–2027 project (OPZ+): the statement beside the emblem.
            let jesenik = try readOutputFile(output, "projekty/jesenik-apk/plakat/index.html")
            #expect(jesenik.contains("<p class=\"poster-reference\"><span>Spolufinancováno Evropskou unií</span></p>"))
            #expect(jesenik.contains("Rozvoj kapacit asistentů prevence kriminality ve městě Jeseník"))
            // Liberec is a 2014–2020 project (OPZ): the reference to the Union and the programme.
            let liberec = try readOutputFile(output, "projekty/liberec-apk/plakat/index.html")
            #expect(liberec.contains("<span>Evropská unie</span><span>Operační program Zaměstnanost</span>"))
            #expect(Self.plainText(liberec).contains("Příspěvek Evropské unie: 5 538 653,12 Kč z celkových výdajů 6 516 062,50 Kč."))
            #expect(liberec.contains("class=\"poster-emblem\" role=\"img\" aria-label=\"Vlajka Evropské unie\""))
            let project = try readOutputFile(output, "projekty/liberec-apk/index.html")
            #expect(project.contains("<a href=\"/projekty/liberec-apk/plakat/\">Plakát k\u{00A0}vytištění</a>"))
        }
    }

    @Test func anEnglishRecordsPosterIsInEnglishAndAProjectWithoutEUFundingHasNone() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
            "content/projects/test-project.md": FiltersSearchLanguageTests.englishTranslation,
            "content/projects/bez-eu.md": "---\ntitle: Městský projekt\nfunding: none\nbeneficiary: Město\nperiod:\n  start: 2020-01-01\n---\nText.\n",
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let poster = try portal.page("projekty/test-project/plakat/index.html")
        #expect(poster.contains("<html lang=\"en\">"))
        #expect(poster.contains("<span>European Union</span><span>Employment Operational Programme</span>"))
        #expect(poster.contains("Main aim of the project") && poster.contains("Lower the risk of crime."))
        #expect(poster.contains("Co-funded by the European Union."))
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("projekty/bez-eu/plakat/index.html").path))
    }

    @Test func aLongAimIsCutAtAWord() {
        let aim = String(repeating: "slovo ", count: 400)
        let shown = PosterView.shortened(aim, limit: PosterView.aimLimit)
        #expect(shown.count <= PosterView.aimLimit + 1 && shown.hasSuffix("slovo…"))
        #expect(PosterView.shortened("Krátký cíl.", limit: 900) == "Krátký cíl.")
    }
}
