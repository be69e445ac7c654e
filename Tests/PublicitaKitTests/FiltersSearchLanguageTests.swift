import Foundation
import Testing
@testable import PublicitaKit

/// Issue #6 parts 6 and 7: filter pages (programme, programming period, status),
/// pagination, the search index, the English UI and bilingual portals.
@Suite("Filters, search and languages")
struct FiltersSearchLanguageTests {
    // MARK: Helpers


    /// The project slugs a list page (and its further pages) shows in its table.
    static func listedSlugs(_ output: URL, firstPage: String) throws -> [String] {
        var slugs: [String] = []
        var next: String? = firstPage
        var seen: Set<String> = []
        while let path = next, seen.insert(path).inserted {
            let html = try readOutputFile(output, Route.outputFile(for: path))
            let table = html.range(of: "<tbody>").flatMap { start in html.range(of: "</tbody>", range: start.upperBound..<html.endIndex).map { html[start.upperBound..<$0.lowerBound] } } ?? ""
            for match in table.matches(of: /<th scope="row"><a href="\/projekty\/([a-z0-9-]+)\/"/) { slugs.append(String(match.output.1)) }
            next = html.firstMatch(of: /<a href="([^"]+)" rel="next">/).map { String($0.output.1) }
        }
        return slugs
    }

    /// Every project file's front matter, by slug.
    static func frontMatters(_ root: URL) throws -> [String: [String: Any]] {
        let folder = root.appendingPathComponent("content/projects")
        var result: [String: [String: Any]] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".md") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let parts = text.components(separatedBy: "\n---\n")
            let yaml = String(parts[0].dropFirst(4))
            result[String(name.dropLast(3))] = try #require(try TestYAML.load(yaml) as? [String: Any])
        }
        return result
    }

    // MARK: Filters and search

    @Test func filterPagesListExactlyTheRightProjects() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 60, into: root)
            let outcome = runBuilder(portal: root, output: output)
            #expect(!outcome.failed, "\(outcome.diagnostics.filter { $0.severity == .error }.prefix(3))")
            let records = try Self.frontMatters(root)
            let today = testToday.iso

            // Expected groups, computed here from the files, independently of the site model.
            var byProgramme: [String: Set<String>] = [:], byPeriod: [String: Set<String>] = [:], byStatus: [String: Set<String>] = [:]
            for (slug, record) in records {
                if let programme = record["programme"] as? String { byProgramme[Slug.make(from: programme), default: []].insert(slug) }
                let number = try #require(record["registration_number"] as? String)
                byPeriod[number.contains("/0.0/") ? "2014-2020" : "2021-2027", default: []].insert(slug)
                let period = try #require(record["period"] as? [String: Any])
                let start = "\(period["start"]!)", end = period["end"].map { "\($0)" }
                let status = today < start ? "pripravovane" : (end.map { $0 < today } ?? false) ? "ukoncene" : "probihajici"
                byStatus[status, default: []].insert(slug)
            }
            #expect(byStatus.count >= 2, "the corpus should have running and finished projects on \(today)")
            for (slug, expected) in byProgramme {
                let shown = try Self.listedSlugs(output, firstPage: Route.programme(slug))
                #expect(shown.count == Set(shown).count, "a project is listed twice on /programy/\(slug)/")
                #expect(Set(shown) == expected, "/programy/\(slug)/")
            }
            for (slug, expected) in byPeriod {
                #expect(Set(try Self.listedSlugs(output, firstPage: "/obdobi/\(slug)/")) == expected, "/obdobi/\(slug)/")
            }
            for (slug, expected) in byStatus {
                #expect(Set(try Self.listedSlugs(output, firstPage: "/stav/\(slug)/")) == expected, "/stav/\(slug)/")
            }
            // No status page for a status no project has.
            for slug in ["probihajici", "pripravovane", "ukoncene"] where byStatus[slug] == nil {
                #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("stav/\(slug)/index.html").path))
            }

            // The home page shows the first page of all projects and links the rest (/projekty/strana/2/).
            let home = try readOutputFile(output, "index.html")
            #expect(home.contains("<h2 id=\"filters-heading\">Filtrovat projekty</h2>"))
            for slug in byProgramme.keys { #expect(home.contains("href=\"/programy/\(slug)/\"")) }
            #expect(home.contains("href=\"/projekty/strana/2/\""))
            #expect(home.contains("aria-label=\"Stránkování seznamu projektů\""))
            let all = try Self.listedSlugs(output, firstPage: Route.home)
            #expect(all.count == 60 && Set(all) == Set(records.keys), "home + /projekty/strana/N/ list every project once")
            #expect(try Self.listedSlugs(output, firstPage: Route.home).prefix(Site.pageSize).count == Site.pageSize)

            // The search index: valid JSON, one entry per project.
            let data = try Data(contentsOf: output.appendingPathComponent("data/hledani.json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let entries = try #require(json["projects"] as? [[String: Any]])
            #expect(entries.count == 60)
            #expect(Set(entries.compactMap { $0["slug"] as? String }) == Set(records.keys))
            for entry in entries {
                let slug = try #require(entry["slug"] as? String)
                #expect(entry["title"] as? String == records[slug]?["title"] as? String)
                #expect(entry["city"] as? String == records[slug]?["city"] as? String)
                #expect(["probíhá", "ukončeno", "připravuje se"].contains(entry["status"] as? String ?? ""))
                #expect(["2014–2020", "2021–2027"].contains(entry["period"] as? String ?? ""))
            }
            #expect(data.count < 60 * 400, "the search index stays small (\(data.count) bytes for 60 projects)")
            // The script is a local asset, included by the home page only.
            #expect(home.contains("<script src=\"/assets/hledani.js\" defer></script>"))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("assets/hledani.js").path))
            let script = try readOutputFile(output, "assets/hledani.js")
            #expect(!script.contains("http:") && !script.contains("https:"), "the search script requests nothing from other servers")
        }
    }

    /// A city with more projects than a page shows gets further pages, like a filter
    /// group: every project once, in order, the reports on the first page only, and
    /// an incremental build after an edit equal to a clean one.
    @Test func aCityWithManyProjectsIsPaginated() throws {
        try withTemporaryDirectory { folder in
            let root = folder.appendingPathComponent("portal")
            try generateCorpus(projects: 130, into: root)
            // Move 120 projects to one city: three pages of it.
            let projects = root.appendingPathComponent("content/projects")
            let names = try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted()
            for name in names.prefix(120) {
                let file = projects.appendingPathComponent(name)
                let text = try String(contentsOf: file, encoding: .utf8)
                let moved = text.replacing(/\ncity: [^\n]+\n/, with: "\ncity: Velké Město\n", maxReplacements: 1)
                try #require(moved != text, "\(name) has a city line")
                try Data(moved.utf8).write(to: file)
            }
            let output = folder.appendingPathComponent("site")
            let outcome = runBuilder(portal: root, output: output)
            #expect(!outcome.failed, "\(outcome.diagnostics)")

            let portal = try #require(ContentLoader.load(portalAt: root).0)
            let site = Site(portal: portal, today: testToday)
            let city = try #require(site.cities.first { $0.name == "Velké Město" })
            #expect(city.projectIndexes.count == 120)
            let expected = city.projectIndexes.map { portal.projects[$0].source.slug.value }
            #expect(try Self.listedSlugs(output, firstPage: city.path) == expected, "every project once, in order, over the pages")
            let pages = site.pages.filter { if case .city(let i, _) = $0.kind { return site.cities[i].name == city.name }; return false }
            #expect(pages.map(\.path) == [city.path, city.path + "strana/2/", city.path + "strana/3/"])
            let second = try readOutputFile(output, Route.outputFile(for: city.path + "strana/2/"))
            #expect(second.contains("<h1>Velké Město – Strana 2</h1>"))
            #expect(second.contains("rel=\"prev\"") && second.contains("rel=\"next\""))
            #expect(second.contains("51–100"))

            // An edit of a project on the second page re-renders that page, not the first,
            // and the result equals a clean build.
            let onSecond = try #require(names.first { expected[50...99].contains(String($0.dropLast(3))) })
            let file = projects.appendingPathComponent(onSecond)
            let text = try String(contentsOf: file, encoding: .utf8)
            let title = try #require(text.firstMatch(of: /\ntitle: ([^\n]+)\n/))
            try Data(text.replacingCharacters(in: title.range, with: "\ntitle: \(title.output.1) (upraveno)\n").utf8).write(to: file)
            let firstBefore = try readOutputFile(output, Route.outputFile(for: city.path))
            #expect(!runBuilder(portal: root, output: output).failed)
            #expect(try readOutputFile(output, Route.outputFile(for: city.path)) == firstBefore)
            #expect(try readOutputFile(output, Route.outputFile(for: city.path + "strana/2/")).contains("(upraveno)"))
            let clean = folder.appendingPathComponent("clean")
            #expect(!runBuilder(portal: root, output: clean).failed)
            #expect(try snapshot(of: output) == snapshot(of: clean))
        }
    }

    /// The home page's portal totals equal the sums of the records' own figures,
    /// counted here from the front matter, independently of the tool's model.
    @Test func theHomePageTotalsAddUpTheRecords() throws {
        try withTemporaryDirectory { folder in
            let root = folder.appendingPathComponent("portal")
            try generateCorpus(projects: 40, into: root)
            let output = folder.appendingPathComponent("site")
            #expect(!runBuilder(portal: root, output: output).failed)
            /// "1 290 308,08 Kč", "15531037.95" or a YAML number → haléře.
            func haler(_ value: Any?) -> Int? {
                let text: String
                switch value {
                case let string as String: text = string
                case let number as Double: text = String(format: "%.2f", number)
                case let number as Int: text = String(number)
                default: return nil
                }
                let digits = text.filter { $0.isNumber || $0 == "," || $0 == "." }.replacingOccurrences(of: ".", with: ",")
                let parts = digits.split(separator: ",")
                guard let whole = Int(parts.first ?? "") else { return nil }
                let fraction = parts.count > 1 ? Int(String(parts[1]).padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0
                return whole * 100 + fraction
            }
            var total = 0, eu = 0
            for (_, fields) in try Self.frontMatters(root) where fields["translation_of"] == nil {
                guard let budget = fields["budget"] as? [String: Any], (budget["currency"] as? String ?? "CZK") == "CZK",
                      let stated = haler(budget["total"]) else { continue }
                total += stated
                for source in budget["sources"] as? [[String: Any]] ?? [] where source["kind"] as? String == "eu" {
                    eu += haler(source["amount"]) ?? 0
                }
            }
            let home = try readOutputFile(output, "index.html")
            let totals = try #require(home.range(of: "<section class=\"totals\">").map { String(home[$0.lowerBound...].prefix(800)) })
            let figures = captures(of: "<dd>([0-9\u{00A0} ]+,[0-9]{2}\u{00A0}Kč)</dd>", in: totals)
            #expect(figures.count == 2)
            #expect(haler(figures.first) == total, "total of every listed CZK budget")
            #expect(haler(figures.last) == eu, "sum of every EU source")
        }
    }

    @Test func theExamplePortalHomeShowsEveryProjectWithoutPagination() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            #expect(!runBuilder(portal: TestPaths.repositoryRoot, output: output).failed)
            let home = try readOutputFile(output, "index.html")
            #expect(try Self.listedSlugs(output, firstPage: Route.home).count == 4)
            #expect(!home.contains("class=\"pagination\""))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("projekty/strana").path))
        }
    }

    @Test func statusPagesFollowTheBuildDayIncrementally() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            let incremental = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: 20, into: root)
            #expect(!runBuilder(portal: root, output: incremental, today: Day(year: 2024, month: 1, day: 1)!).failed)
            let later = Day(year: 2027, month: 6, day: 1)!
            #expect(!runBuilder(portal: root, output: incremental, today: later).failed)
            #expect(!runBuilder(portal: root, output: clean, today: later).failed)
            for file in ["index.html", "data/hledani.json", "stav/ukoncene/index.html", "stav/probihajici/index.html"] {
                let a = try? readOutputFile(incremental, file), b = try? readOutputFile(clean, file)
                #expect(a == b, "\(file) differs between the incremental and the clean build after the day changed")
            }
        }
    }

    // MARK: English

    static let englishPortal = """
        title: Crime prevention projects
        description: Projects of the city co-funded by the European Union.
        base_url: https://test.example.cz/
        language: en
        publisher:
          name: Test City
          url: https://www.test.example.cz/
        accessibility:
          contact_email: accessibility@test.example.cz
          contact_phone: +420 485 243 111
          statement_date: 2026-11-01
          status: partial
          method: self-assessment
          non_accessible:
            - content: Scanned PDF attachments
              reason: disproportionate burden

        """

    static let englishProject = """
        ---
        title: Crime prevention assistants
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        programme: Employment Operational Programme
        beneficiary: Test City
        city: Testtown
        summary: Assistants help in the streets.
        period:
          start: 2018-03-01
          end: 2021-02-28
          duration_months: 36
        budget:
          currency: CZK
          total: 1 000 000,00 Kč
          sources:
            - name: European Social Fund
              kind: eu
              amount: 850 000,00 Kč
              share: 85 %
            - name: State budget
              kind: national
              amount: 100 000,00 Kč
              share: 10 %
            - name: City budget
              kind: own
              amount: 50 000,00 Kč
              share: 5 %
        goals:
          - Lower the risk of crime.
        results: The project met its goals.
        targets:
          - text: Employ four people
            target: 4
        activities:
          - code: KA 01
            title: Assistants at work
        contacts:
          - name: Jane Smith
            role: coordinator
            phone: +420 485 243 577
            email: jane.smith@test.example.cz
        documents:
          - title: Final report
            href: /aktuality/started/
        corrections:
          - field: budget.total
            published: 1 000 010,00 Kč
            correct: 1 000 000,00 Kč
            reason: The sources add up to less.
        ---
        The project text.

        """

    @Test func anEnglishPortalHasNoCzechUIStrings() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": Self.englishPortal,
            "content/projects/assistants.md": Self.englishProject,
            "content/news/started.md": "---\ntitle: The project started\ndate: 2018-03-01\nproject: assistants\n---\nIt started.\n",
            "content/pages/about.md": "---\ntitle: About\norder: 1\n---\nAbout the portal.\n",
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.diagnostics.prefix(3))")
        let cs = try Strings.load(.cs, from: BuiltInTheme.files(under: "strings")).table
        let en = try Strings.load(.en, from: BuiltInTheme.files(under: "strings")).table
        // Every Czech UI text that differs from its English one; whole words only.
        let czech = cs.filter { key, value in value != en[key] && value.count >= 3 }
        let files = try FileManager.default.subpathsOfDirectory(atPath: portal.output.path).filter { $0.hasSuffix(".html") || $0.hasSuffix(".json") }
        #expect(files.count >= 8)
        for file in files {
            let html = try portal.page(file)
            for (key, value) in czech {
                let escaped = NSRegularExpression.escapedPattern(for: HTML.escape(value))
                let found = html.range(of: "(?<![\\p{L}])" + escaped + "(?![\\p{L}])", options: .regularExpression) != nil
                #expect(!found, "\(file) shows the Czech UI string \(key): \(value)")
            }
        }
        let project = try portal.page("projekty/assistants/index.html")
        #expect(project.contains("<html lang=\"en\">"))
        #expect(project.contains("1\u{00A0}March\u{00A0}2018"))
        let statement = try portal.page("prohlaseni-o-pristupnosti/index.html")
        #expect(statement.contains("Act No. 99/2019") || statement.contains("99/2019 Coll."), "the statement's legal text is English")
        #expect(statement.contains("a self-assessment by the public sector body"))
    }

    // MARK: Bilingual portals

    static let englishTranslation = """
        ---
        title: Test project
        lang: en
        translation_of: testovaci-projekt
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        programme: Employment Operational Programme
        beneficiary: Test City
        city: Testov
        period:
          start: 2018-03-01
          end: 2021-02-28
        goals:
          - Lower the risk of crime.
        results: The project met its goals.
        ---
        The project in English.

        """

    @Test func aBilingualPairLinksBothWaysWithHreflang() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
            "content/projects/test-project.md": Self.englishTranslation,
            "content/pages/o-portalu.md": "---\ntitle: O portálu\n---\nText.\n",
            "content/pages/about.md": "---\ntitle: About\nlang: en\ntranslation_of: o-portalu\n---\nText.\n",
        ])
        let outcome = portal.build()
        #expect(outcome.diagnostics.filter { $0.severity == .error }.isEmpty, "\(outcome.diagnostics.prefix(3))")
        let czech = try portal.page("projekty/testovaci-projekt/index.html")
        let english = try portal.page("projekty/test-project/index.html")
        for page in [czech, english] {
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"cs\" href=\"https://test.example.cz/projekty/testovaci-projekt/\">"))
            #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.cz/projekty/test-project/\">"))
        }
        #expect(czech.contains("<html lang=\"cs\">"))
        #expect(english.contains("<html lang=\"en\">"))
        // A visible switch to the other version, named in its own language.
        #expect(czech.contains("<a href=\"/projekty/test-project/\" hreflang=\"en\" lang=\"en\">English</a>"))
        #expect(english.contains("<a href=\"/projekty/testovaci-projekt/\" hreflang=\"cs\" lang=\"cs\">Česky</a>"))
        // The English page's UI is English; the Czech one's Czech.
        #expect(english.contains("Implementation period") && !english.contains("Období realizace"))
        #expect(czech.contains("Období realizace"))
        // Free pages pair up the same way.
        #expect(try portal.page("about/index.html").contains("hreflang=\"cs\" href=\"https://test.example.cz/o-portalu/\""))
        #expect(try portal.page("o-portalu/index.html").contains("hreflang=\"en\" href=\"https://test.example.cz/about/\""))
        // A translation is the same project: listed and counted once.
        let home = try portal.page("index.html")
        #expect(!home.contains("/projekty/test-project/"))
        #expect(home.contains("<dt>Počet projektů</dt><dd>1</dd>"))
        let index = try portal.page("data/hledani.json")
        #expect(!index.contains("test-project"))
        // A page without a translation has no alternates and no switch.
        #expect(!(try portal.page("aktuality/index.html")).contains("hreflang"))
    }

    @Test func aBrokenTranslationLinkIsReportedWithFileAndLine() throws {
        let broken = try edited(Self.englishTranslation, replacing: "translation_of: testovaci-projekt", with: "translation_of: testovaci-projek")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
            "content/projects/test-project.md": broken,
        ])
        let outcome = portal.check()
        let problem = try #require(outcome.diagnostics.first { $0.rule == RuleID.translationUnknown })
        #expect(problem.location.file == "content/projects/test-project.md")
        #expect(problem.location.line == lineNumber(ofLineStartingWith: "translation_of:", in: broken))
        #expect(problem.suggestion?.en.contains("testovaci-projekt") == true, "the nearest slug is suggested")
        #expect(outcome.failed)
    }

    @Test func translationRulesCatchSameLanguageChainsDuplicatesAndNumbers() throws {
        let sameLanguage = try edited(Self.englishTranslation, replacing: "lang: en\n", with: "")
        let otherNumber = try edited(Self.englishTranslation, replacing: "16_052/0007824", with: "16_052/0007825")
        let chain = try edited(Self.englishTranslation, replacing: "translation_of: testovaci-projekt", with: "translation_of: test-project")
        let cases: [(String, [String: String], RuleID, String)] = [
            ("same language", ["content/projects/test-project.md": sameLanguage], RuleID.translationLanguage, "content/projects/test-project.md"),
            ("other number", ["content/projects/test-project.md": otherNumber], RuleID.translationRegistration, "content/projects/test-project.md"),
            ("chain", ["content/projects/test-project.md": Self.englishTranslation, "content/projects/test-project-2.md": chain],
             RuleID.translationChain, "content/projects/test-project-2.md"),
            ("duplicate", ["content/projects/test-project.md": Self.englishTranslation, "content/projects/test-project-2.md": Self.englishTranslation],
             // Files are read in name order: test-project-2.md claims the language first.
             RuleID.translationDuplicate, "content/projects/test-project.md"),
        ]
        for (name, files, rule, file) in cases {
            var all = files
            all["portal.yaml"] = TestPortal.minimalPortalYAML
            all["content/projects/testovaci-projekt.md"] = TestPortal.minimalProject
            let outcome = try TestPortal(files: all).check()
            let problem = outcome.diagnostics.first { $0.rule == rule }
            #expect(problem?.location.file == file, "\(name): \(outcome.diagnostics.map { "\($0.rule) \($0.location.file)" })")
            #expect((problem?.location.line ?? 0) > 0, "\(name): the line is given")
            #expect(!outcome.diagnostics.contains { $0.rule == RuleID.regnoDuplicate }, "\(name): a translation shares its original's number")
        }
    }
}
