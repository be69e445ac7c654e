import Foundation
import Testing
@testable import PublicitaKit

/// Every figure the built example shows is what the city published, or says that it is
/// not: computed shares are marked and add up, corrected figures are marked and linked
/// to their correction wherever they appear, and the open data carries both values.
@Suite("Provenance of figures")
struct FigureProvenanceTests {
    /// The example portal built into a temporary folder, with its listed records.
    private static func withExample(_ body: (URL, Portal) throws -> Void) throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            var portal = try #require(ContentLoader.load(portalAt: TestPaths.repositoryRoot).0, "the example does not load")
            portal.projects = RecordList(portal.projects.filter { $0.source.translationOf == nil })
            try body(output, portal)
        }
    }

    /// The file of a page's address (`/mesta/liberec/` → `mesta/liberec/index.html`).
    private static func page(_ path: String, in output: URL) throws -> String {
        try readOutputFile(output, String(path.dropFirst()) + "index.html")
    }

    /// Group 1… of every match of `pattern` in `text`.
    private static func matches(of pattern: String, in text: String) throws -> [[String]] {
        let regex = try NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (1..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    /// A share as a page writes it (`76,7 %`, `85 %`), as (scaled, decimals).
    private static func parseShare(_ text: String) throws -> Share {
        try Share.parse(text.replacingOccurrences(of: "\u{00A0}", with: " "))
    }

    /// `a` and `b` at the finer of their precisions.
    private static func scaled(_ share: Share, to decimals: Int) -> Int64 {
        ShownShares.scale(share.scaled, from: share.decimals, to: decimals)
    }

    // MARK: Shares

    @Test func everyShareCellSaysWhetherTheCityPublishedIt() throws {
        try Self.withExample { output, portal in
            var computedCells = 0, publishedCells = 0
            for project in portal.projects {
                guard let budget = project.budget, let total = budget.total?.value.amount else { continue }
                let slug = project.source.slug.value
                let html = try Self.page(Route.project(slug), in: output)
                let table = try #require(try Self.matches(of: #"<table class="funding">(.*?)</table>"#, in: html).first?.first, "\(slug)")
                let rows = try Self.matches(
                    of: #"<tr><th scope="row">.*?</th><td>.*?</td><td class="num">(.*?)</td><td class="num( computed)?">(.*?)</td></tr>"#,
                    in: table)
                #expect(rows.count == budget.sources.count, "\(slug): one row per source")
                var shown: [Share] = [], amounts: [Money] = []
                for (row, source) in zip(rows, budget.sources) {
                    let cell = row[2]
                    amounts.append(try Money.parse(row[0].replacingOccurrences(of: "\u{00A0}", with: " ")).amount)
                    if let stated = source.share?.value {
                        publishedCells += 1
                        #expect(cell == stated.formatted, "\(slug) \(source.name): the share as published")
                        #expect(!cell.contains("dopočteno") && !cell.contains("≈") && row[1].isEmpty, "\(slug) \(source.name)")
                        shown.append(stated)
                    } else {
                        computedCells += 1
                        let parts = try #require(try Self.matches(of: "^≈\u{00A0}(.+), dopočteno$", in: cell).first, "\(slug) \(source.name): \(cell)")
                        #expect(row[1] == " computed")
                        let share = try Self.parseShare(parts[0])
                        #expect(share.decimals == ShownShares.computedDecimals)
                        // Largest remainder moves a share by less than one unit of its precision from the exact value.
                        let amount = try #require(source.amount?.value.amount)
                        let exact = try #require(Share.divide(amount, by: total, decimals: share.decimals))
                        #expect(share.scaled == exact.quotient || (share.scaled == exact.quotient + 1 && exact.remainder > 0),
                                "\(slug) \(source.name): \(cell) is not \(amount) of \(total)")
                        // The chart's labels say the same.
                        #expect(html.contains("(\(cell))"), "\(slug): the chart marks \(cell) too")
                        shown.append(share)
                    }
                }
                // The total row states what the rows add up to: the shares and the amounts.
                let footer = try #require(try Self.matches(
                    of: #"<tfoot><tr><th scope="row" colspan="2">.*?</th><td class="num">(.*?)</td><td class="num">(.*?)</td></tr></tfoot>"#,
                    in: table).first, "\(slug)")
                let decimals = shown.map(\.decimals).max() ?? 0
                let sum = shown.reduce(Int64(0)) { $0 + Self.scaled($1, to: decimals) }
                let totalShare = try Self.parseShare(footer[1].replacingOccurrences(of: "součet řádků ", with: ""))
                #expect(Self.scaled(totalShare, to: max(decimals, totalShare.decimals)) == ShownShares.scale(sum, from: decimals, to: max(decimals, totalShare.decimals)),
                        "\(slug): the total row says \(footer[1]), the rows add up to \(sum)")
                #expect(footer[1].hasPrefix("součet řádků") == (sum != ShownShares.scale(100, to: decimals)), "\(slug): \(footer[1])")
                let totalCell = try #require(footer[0].components(separatedBy: " <a").first)
                #expect(try Money.parse(totalCell.replacingOccurrences(of: "\u{00A0}", with: " ")).amount == Money.sum(amounts),
                        "\(slug): the total is what the amounts add up to")
            }
            // The example has both kinds (Liberec states its shares, Jeseník and Kroměříž do not).
            #expect(computedCells >= 6 && publishedCells >= 3)
            // The reader's guide states the rule it follows.
            let guide = try Self.page("/jak-cist-rozpocty/", in: output)
            #expect(guide.contains("dopočteno") && !guide.contains("nedopočítává"))
        }
    }

    @Test func computedSharesAddUpToTheWholeByLargestRemainder() throws {
        func budget(_ amounts: [String], shares: [String?] = [], total: String) throws -> Budget {
            let here = SourceLocation(file: "test.md", line: 1)
            return Budget(
                currency: "CZK", total: Located(try Money.parse(total), at: here),
                sources: try amounts.enumerated().map { index, amount in
                    FundingSource(name: "Zdroj \(index)", kind: .other, amount: Located(try Money.parse(amount), at: here),
                                  share: try (index < shares.count ? shares[index] : nil).map { Located(try Share.parse($0), at: here) },
                                  location: here, amountWritten: true)
                }, location: here)
        }
        // Thirds: 33,3 + 33,3 + 33,3 would be 99,9; the largest remainder goes to the first.
        let thirds = try #require(ShownShares(try budget(["100 Kč", "100 Kč", "100 Kč"], total: "300 Kč")))
        #expect(thirds.shares.map(\.formatted) == ["33,4\u{00A0}%", "33,3\u{00A0}%", "33,3\u{00A0}%"])
        #expect(thirds.sumIsWhole && thirds.provenances == [.computed, .computed, .computed])
        // Jeseník: half-up would give 76,7 + 13,3 + 10,0 = 100,0 anyway; the exact case 2/3, 1/6, 1/6.
        let sixths = try #require(ShownShares(try budget(["400 Kč", "100 Kč", "100 Kč"], total: "600 Kč")))
        #expect(sixths.shares.map(\.scaled) == [667, 167, 166] && sixths.sumIsWhole)
        // A stated share is kept as stated; the computed ones fill the rest.
        let mixed = try #require(ShownShares(try budget(["85 Kč", "10 Kč", "5 Kč"], shares: ["85 %"], total: "100 Kč")))
        #expect(mixed.provenances == [.published, .computed, .computed])
        #expect(mixed.shares.map(\.formatted) == ["85\u{00A0}%", "10,0\u{00A0}%", "5,0\u{00A0}%"] && mixed.sumIsWhole)
        // Amounts that do not add up to the total: each share on its own, and the sum says so.
        let short = try #require(ShownShares(try budget(["50 Kč", "40 Kč"], total: "100 Kč")))
        #expect(short.shares.map(\.scaled) == [500, 400] && short.sum.scaled == 900 && !short.sumIsWhole)
    }

    // MARK: Corrections

    @Test func aCorrectedTotalIsMarkedOnEveryListThatShowsIt() throws {
        try Self.withExample { output, portal in
            let groups = ProjectGroup.groups(of: portal, listed: Array(portal.projects.indices), today: testToday)
            var corrected = 0
            for (index, project) in portal.projects.enumerated() {
                let slug = project.source.slug.value
                let projectPath = Route.project(slug)
                let correctionIndex = project.corrections.firstIndex { $0.field == "budget.total" }
                // The lists that show the project: the home page, its city's page, every filter page of its groups.
                var lists = ["/"]
                if let city = project.city { lists.append(Route.city(Slug.make(from: city))) }
                lists += groups.filter { $0.projectIndexes.contains(index) }.map(\.path)
                #expect(lists.count >= 4, "\(slug) is on the home page, its city's page and at least two filter pages")
                for list in lists {
                    let html = try Self.page(list, in: output)
                    let row = try #require(try Self.matches(of: "<tr><th scope=\"row\"><a href=\"\(projectPath)\">(.*?)</tr>", in: html).first?.first,
                                           "\(slug) is not listed on \(list)")
                    let cells = try Self.matches(of: #"<td class="num">(.*?)</td>"#, in: row).map { $0[0] }
                    #expect(cells.count == 2, "\(list): total and EU contribution")
                    if let correctionIndex, project.budget?.total != nil {
                        let anchor = Correction.anchor(index: correctionIndex)
                        #expect(cells.first?.hasSuffix(" <a class=\"correction-mark\" href=\"\(projectPath)#\(anchor)\">(opraveno)</a>") == true,
                                "\(list): \(slug)'s corrected total is not marked: \(cells.first ?? "")")
                    } else {
                        #expect(!row.contains("correction-mark"), "\(list): \(slug) has no corrected figure")
                    }
                }
                guard let correctionIndex else { continue }
                corrected += 1
                // The link leads to the correction, which shows both values.
                let anchor = Correction.anchor(index: correctionIndex)
                #expect(Identifier.isValid(anchor))
                let page = try Self.page(projectPath, in: output)
                let entry = try #require(try Self.matches(of: "<dl id=\"\(anchor)\">(.*?)</dl>", in: page).first?.first, "\(slug): no #\(anchor)")
                let correction = project.corrections[correctionIndex]
                let published = try Money.parse(try #require(correction.published)).amount.formatted(currency: "CZK")
                let correct = try Money.parse(try #require(correction.correct)).amount.formatted(currency: "CZK")
                #expect(entry.contains("<del>\(published)</del>") && entry.contains("<strong>\(correct)</strong>"))
                // The page's own totals link to it too.
                #expect(page.contains("<a class=\"correction-mark\" href=\"#\(anchor)\">(opraveno)</a>"))
                // The home totals name it among the corrected figures they include.
                #expect(try Self.page("/", in: output).contains("<a class=\"correction-mark\" href=\"\(projectPath)#\(anchor)\">\(project.title)</a>"))
            }
            #expect(corrected == 2, "Liberec and Kroměříž have corrected totals")
            // The search results, made by the home page's script, mark them too: the index names each correction.
            let index = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/hledani.json"))) as? [String: Any])
            for entry in try #require(index["projects"] as? [[String: Any]]) {
                let project = try #require(portal.projects.first { $0.source.slug.value == entry["slug"] as? String })
                let expected = project.corrections.firstIndex { $0.field == "budget.total" }.map(Correction.anchor)
                #expect(entry["correction"] as? String == expected, "\(project.source.slug.value)")
            }
            #expect(try Self.page("/", in: output).contains("data-corrected=\"opraveno\""))
        }
    }

    @Test func openDataCarryBothValuesOfACorrectedTotal() throws {
        try Self.withExample { output, portal in
            let csv = try readOutputFile(output, "data/projekty.csv")
            let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("data/projekty.json"))) as? [[String: Any]])
            for project in portal.projects {
                guard let index = project.corrections.firstIndex(where: { $0.field == "budget.total" }),
                      let total = project.budget?.total?.value.amount else { continue }
                let slug = project.source.slug.value
                let published = try Money.parse(try #require(project.corrections[index].published)).amount
                #expect(published != total)
                let url = "https://projekty-prevence.example.cz/projekty/\(slug)/#\(Correction.anchor(index: index))"
                #expect(csv.contains(",\(total.plainDecimal),\(published.plainDecimal),\(url),"), "\(slug): the CSV row carries both totals")
                let item = try #require(list.first { $0["slug"] as? String == slug })
                #expect(item["total_cost"] as? String == total.plainDecimal && item["total_cost_published"] as? String == published.plainDecimal)
                let record = try #require(try JSONSerialization.jsonObject(
                    with: Data(contentsOf: output.appendingPathComponent("data/projekty/\(slug).json"))) as? [String: Any])
                let budget = try #require(record["budget"] as? [String: Any])
                #expect(budget["total"] as? String == total.plainDecimal && budget["total_published"] as? String == published.plainDecimal)
                #expect(budget["total_correction"] as? String == url)
            }
            // The data page documents every column.
            let dataPage = try Self.page("/data/", in: output)
            for column in OpenData.columns { #expect(dataPage.contains("<code>\(column.name)</code>")) }
        }
    }

    @Test func homeTotalsStateTheirCoverage() throws {
        try Self.withExample { output, portal in
            // Typography binds one-letter words and digit groups with U+00A0: read it as a space.
            let home = try Self.page("/", in: output).replacingOccurrences(of: "\u{00A0}", with: " ")
            let counted = portal.projects.filter { $0.budget?.total != nil && $0.budget?.currency == "CZK" }
            let missing = portal.projects.filter { $0.budget?.total == nil }
            #expect(counted.count == 3 && missing.map(\.source.slug.value) == ["ostrava-apk"])
            #expect(home.contains("Projektů zahrnutých v součtech: \(counted.count) z celkového počtu \(portal.projects.count)."))
            let named = missing.map { "<a href=\"\(Route.project($0.source.slug.value))\">\($0.title)</a>" }.joined(separator: ", ")
            #expect(home.contains("Bez zveřejněného rozpočtu: \(named)."))
            let sum = try #require(Money.sum(counted.compactMap { $0.budget?.total?.value.amount }))
            #expect(home.contains("<dd>\(sum.formatted(currency: "CZK").replacingOccurrences(of: "\u{00A0}", with: " "))</dd>"))
        }
    }
}
