import Foundation
import Testing
@testable import PublicitaKit
@testable import PublicitaServe

/// Issue #14 point 6: a portal with `languages: [cs, en]` has an English version of
/// every UI page under `/en/`, paired with the Czech one, and an English reader who
/// follows links never lands on a Czech page but a record that has no English version
/// (its link marked `lang="cs"`).
@Suite("Bilingual portals")
struct BilingualPortalTests {
    // MARK: The fixture

    /// A Czech portal with English pages: one project, one news item and one free
    /// page translated; another project, news item, free page and a report Czech only.
    static func files(portalYAML: String = TestPortal.minimalPortalYAML) throws -> [String: String] {
        let secondProject = try edited(
            edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: Druhý projekt"),
            replacing: "16_052/0007824", with: "16_052/0007825")
        return [
            "portal.yaml": portalYAML + """
                languages: [cs, en]
                glossary:
                  - abbr: ESF
                    meaning: Evropský sociální fond

                """,
            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
            "content/projects/test-project.md": FiltersSearchLanguageTests.englishTranslation,
            "content/projects/druhy-projekt.md": secondProject,
            "content/reports/zprava.md": "---\ntitle: Závěrečná zpráva\ncity: Testov\ndate: 2025-01-15\nsummary: Shrnutí zprávy.\n---\nZpráva.\n",
            "content/news/zahajeni.md": "---\ntitle: Projekt začal\ndate: 2018-03-01\nproject: testovaci-projekt\nsummary: Začátek.\n---\nZačal.\n",
            "content/news/started.md": """
                ---
                title: The project started
                lang: en
                translation_of: zahajeni
                date: 2018-03-01
                project: testovaci-projekt
                summary: The start.
                ---
                It started. See [the second project](/projekty/druhy-projekt/) and [the list](/mesta/testov/).

                """,
            "content/news/druha.md": "---\ntitle: Druhá aktualita\ndate: 2019-05-01\nproject: druhy-projekt\nsummary: Pokračování.\n---\nDále.\n",
            "content/pages/o-portalu.md": "---\ntitle: O portálu\norder: 1\n---\nText.\n",
            "content/pages/about.md": "---\ntitle: About the portal\nlang: en\ntranslation_of: o-portalu\n---\nText.\n",
            "content/pages/kontakty.md": "---\ntitle: Kontakty\norder: 2\n---\nKontakty.\n",
        ]
    }

    /// The English UI pages the fixture must have, with their Czech counterparts.
    static let pairs: [(cs: String, en: String)] = [
        ("/", "/en/"), ("/aktuality/", "/en/aktuality/"), ("/mesta/testov/", "/en/mesta/testov/"),
        ("/programy/operacni-program-zamestnanost/", "/en/programy/operacni-program-zamestnanost/"),
        ("/obdobi/2014-2020/", "/en/obdobi/2014-2020/"), ("/stav/ukoncene/", "/en/stav/ukoncene/"),
        ("/data/", "/en/data/"), ("/prohlaseni-o-pristupnosti/", "/en/prohlaseni-o-pristupnosti/"),
        ("/zkratky/", "/en/zkratky/"), ("/statistiky/", "/en/statistiky/"), ("/404.html", "/en/404.html"),
    ]

    /// Every Czech UI text that differs from its English one (three letters or more).
    static func czechUIStrings() throws -> [String: String] {
        let cs = try Strings.load(.cs, from: BuiltInTheme.files(under: "strings")).table
        let en = try Strings.load(.en, from: BuiltInTheme.files(under: "strings")).table
        return cs.filter { key, value in value != en[key] && value.count >= 3 }
    }

    /// `html` without what is the portal's own Czech data rather than its UI: the head
    /// (the portal's title and description) and every element marked `lang="cs"`.
    static func uiText(_ html: String) -> String {
        var text = html
        if let head = text.range(of: "<head>"), let end = text.range(of: "</head>") { text.removeSubrange(head.lowerBound..<end.upperBound) }
        // The glossary's list is the portal's data as a whole (its terms hold markup).
        text = text.replacing(/<dl[^>]* lang="cs"[^>]*>[\s\S]*?<\/dl>/, with: "")
        return text.replacing(/<(\w+)[^>]* lang="cs"[^>]*>[^<]*<\/\1>/, with: "")
    }

    // MARK: Tests

    @Test func theEnglishStringsHaveEveryKeyOfTheCzechOnes() throws {
        let cs = try Strings.load(.cs, from: BuiltInTheme.files(under: "strings")).table
        let en = try Strings.load(.en, from: BuiltInTheme.files(under: "strings")).table
        #expect(cs.count > 100)
        #expect(Set(cs.keys).subtracting(en.keys).sorted() == [], "keys of cs.yaml missing from en.yaml")
        #expect(Set(en.keys).subtracting(cs.keys).sorted() == [], "keys of en.yaml missing from cs.yaml")
    }

    @Test func everyEnglishUIPageIsEnglishAndPairedWithItsCzechOne() throws {
        let portal = try TestPortal(files: Self.files())
        let outcome = portal.build()
        #expect(outcome.errors.isEmpty && outcome.diagnostics.isEmpty, "\(outcome.summary)")
        let czech = try Self.czechUIStrings()
        for (csPath, enPath) in Self.pairs {
            let english = try portal.page(Route.outputFile(for: enPath))
            let original = try portal.page(Route.outputFile(for: csPath))
            #expect(english.contains("<html lang=\"en\">"), "\(enPath)")
            #expect(original.contains("<html lang=\"cs\">"), "\(csPath)")
            let ui = Self.uiText(english)
            for (key, value) in czech {
                let pattern = "(?<![\\p{L}])" + NSRegularExpression.escapedPattern(for: HTML.escape(value)) + "(?![\\p{L}])"
                #expect(ui.range(of: pattern, options: .regularExpression) == nil, "\(enPath) shows the Czech UI string \(key): \(value)")
            }
            // Both versions name both, and the Czech one as the default.
            for page in [english, original] {
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"cs\" href=\"https://test.example.cz\(csPath)\">"), "\(csPath) ↔ \(enPath)")
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.cz\(enPath)\">"), "\(csPath) ↔ \(enPath)")
                #expect(page.contains("<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://test.example.cz\(csPath)\">"))
            }
            // The language switch leads to the counterpart.
            #expect(english.contains("<a href=\"\(csPath)\" hreflang=\"cs\" lang=\"cs\">Česky</a>"), "\(enPath)")
            #expect(original.contains("<a href=\"\(enPath)\" hreflang=\"en\" lang=\"en\">English</a>"), "\(csPath)")
        }
        // The statement's legal text is the English one, the portal's own facts marked Czech.
        let statement = try portal.page("en/prohlaseni-o-pristupnosti/index.html")
        #expect(statement.contains("in accordance with Czech Act No. 99/2019 Coll."))
        #expect(statement.contains("<span lang=\"cs\">Testovací město</span>"))
        #expect(try portal.page("en/zkratky/index.html").contains("<dl class=\"glossary\" lang=\"cs\">"))
    }

    @Test func englishListsShowTranslationsAndMarkCzechOnlyRecords() throws {
        let portal = try TestPortal(files: Self.files())
        #expect(portal.build().errors.isEmpty)
        let home = try portal.page("en/index.html")
        // The translated project by its English title and page; the other by its Czech one, marked.
        #expect(home.contains("<a href=\"/projekty/test-project/\">Test project</a>"))
        #expect(home.contains("<a href=\"/projekty/druhy-projekt/\" lang=\"cs\">Druhý projekt</a>"))
        #expect(!home.contains("href=\"/projekty/testovaci-projekt/\""), "the Czech original of a translated project is not linked")
        #expect(home.contains("<a href=\"/zpravy/zprava/\" lang=\"cs\">Závěrečná zpráva</a>"))
        #expect(home.contains("<a href=\"/aktuality/started/\">The project started</a>"))
        #expect(home.contains("<a href=\"/aktuality/druha/\" lang=\"cs\">Druhá aktualita</a>"))
        // The navigation: the translated page by its English title, the other marked.
        #expect(home.contains("<li><a href=\"/about/\">About the portal</a></li>"))
        #expect(home.contains("<li><a href=\"/kontakty/\" lang=\"cs\">Kontakty</a></li>"))
        #expect(home.contains("<li><a href=\"/en/aktuality/\">News</a></li>"))
        #expect(home.contains("<a href=\"/en/mesta/testov/\">Testov</a>"))
        let news = try portal.page("en/aktuality/index.html")
        #expect(news.contains("<span lang=\"cs\">Pokračování.</span>"))
        // The Czech pages stay as they were: Czech titles, Czech addresses.
        let czechHome = try portal.page("index.html")
        #expect(czechHome.contains("<a href=\"/projekty/testovaci-projekt/\">Testovací projekt</a>"))
        #expect(!czechHome.contains("/projekty/test-project/"))
        // An English record links the English UI; a link of its body to a Czech-only record says so.
        let item = try portal.page("aktuality/started/index.html")
        #expect(item.contains("<li><a href=\"/en/\">Projects overview</a></li>"))
        #expect(item.contains("<a href=\"/projekty/test-project/\">Test project</a>"), "its project by the translation")
        #expect(item.contains("<a href=\"/projekty/druhy-projekt/\">the second project <span class=\"link-note\">(in Czech)</span></a>"))
        #expect(item.contains("<a href=\"/en/mesta/testov/\">the list</a>"))
        // The English search index names the translation, and the Czech title's language.
        let index = try portal.page("data/hledani-en.json")
        #expect(home.contains("data-index=\"/data/hledani-en.json\""))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(index.utf8)) as? [String: Any])
        let entries = try #require(json["projects"] as? [[String: Any]])
        #expect(Set(entries.compactMap { $0["slug"] as? String }) == ["test-project", "druhy-projekt"])
        #expect(entries.first { $0["slug"] as? String == "druhy-projekt" }?["lang"] as? String == "cs")
        #expect(entries.first { $0["slug"] as? String == "test-project" }?["lang"] == nil)
        #expect(entries.allSatisfy { $0["status"] as? String == "finished" })
        let czechIndex = try portal.page("data/hledani.json")
        #expect(!czechIndex.contains("\"lang\"") && czechIndex.contains("testovaci-projekt"))
        // The sitemap lists the English pages with their alternates.
        let sitemap = try portal.page("sitemap.xml")
        #expect(sitemap.contains("<url><loc>https://test.example.cz/en/</loc><xhtml:link rel=\"alternate\" hreflang=\"cs\" href=\"https://test.example.cz/\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"https://test.example.cz/en/\"/></url>"))
        #expect(sitemap.contains("xmlns:xhtml=\"http://www.w3.org/1999/xhtml\""))
        #expect(!sitemap.contains("/en/404.html"))
    }

    /// Follows every link of the English pages from the English home page: each leads
    /// to an English page, or (marked `lang="cs"`, or in a body noted "in Czech") to a
    /// Czech record without an English version, or to a file that is no page. The
    /// language switch (`hreflang`) is the way out, not followed. Returns the English
    /// pages reached, as site paths.
    static func crawlEnglish(_ output: URL, basePath: String = "/", relative: Bool = false) throws -> Set<String> {
        func file(_ path: String) -> URL {
            var relativePath = String(path.dropFirst())
            if relativePath.isEmpty || relativePath.hasSuffix("/") { relativePath += "index.html" }
            return output.appendingPathComponent(relativePath)
        }
        func language(_ html: String) -> String? { html.firstMatch(of: /<html lang="([a-z]+)">/).map { String($0.output.1) } }
        var seen: Set<String> = [], queue = [relative ? "/en/index.html" : "/en/"], problems: [String] = []
        while let path = queue.popLast() {
            guard seen.insert(path).inserted else { continue }
            let html = try String(contentsOf: file(path), encoding: .utf8)
            guard language(html) == "en" else { problems.append("\(path) is not English"); continue }
            for link in html.matches(of: /<a ([^>]*)>(.*?)<\/a>/) {
                let attributes = String(link.output.1)
                guard let href = attributes.firstMatch(of: /href="([^"]*)"/).map({ String($0.output.1) }),
                      !attributes.contains("hreflang="), !href.hasPrefix("#"), !href.contains(":") else { continue }
                if relative { #expect(!href.hasPrefix("/"), "\(path): \(href) is not relative") }
                // The link's site path: resolved against the page, the base path taken off.
                let resolved = URL(string: href, relativeTo: URL(string: "https://h" + (relative ? path : basePath + path.dropFirst())))!.path
                let absolute = resolved + (href.hasSuffix("/") && !resolved.hasSuffix("/") ? "/" : "")
                try #require(absolute.hasPrefix(relative ? "/" : basePath), "\(path): \(href) leaves the base path")
                let target = relative ? absolute : "/" + absolute.dropFirst(basePath.count)
                guard FileManager.default.fileExists(atPath: file(target).path) else { problems.append("\(path): \(href) is missing"); continue }
                guard file(target).pathExtension == "html" else { continue }
                let targetLanguage = language(try String(contentsOf: file(target), encoding: .utf8))
                if targetLanguage == "en" { queue.append(target); continue }
                let noted = link.output.2.contains("(in Czech)")
                if !attributes.contains("lang=\"\(targetLanguage ?? "")\"") && !noted { problems.append("\(path): \(href) leads to a \(targetLanguage ?? "?") page unmarked") }
                // A UI page has its English version under /en/: a record without one has none.
                if FileManager.default.fileExists(atPath: file("/en" + target).path) {
                    problems.append("\(path): \(href) leads to a Czech UI page that has an English one")
                }
            }
        }
        #expect(problems == [])
        return seen
    }

    @Test func anEnglishReaderNeverLandsOnACzechUIPage() throws {
        let portal = try TestPortal(files: Self.files())
        #expect(portal.build().errors.isEmpty)
        let reached = try Self.crawlEnglish(portal.output)
        for (_, enPath) in Self.pairs where enPath != "/en/404.html" {
            #expect(reached.contains(enPath), "\(enPath) is not reached from the English home page")
        }
        #expect(reached.contains("/projekty/test-project/") && reached.contains("/about/") && reached.contains("/aktuality/started/"))
        #expect(reached.count >= 12)
    }

    @Test func bilingualPagesWorkUnderABasePathAndWithRelativeLinks() throws {
        let underPath = try TestPortal(files: Self.files())
        let base = underPath.workspace.appendingPathComponent("base")
        #expect(Builder.run(.init(portalRoot: underPath.root, output: base, today: testToday, baseURL: "https://owner.github.io/portal/")).errors.isEmpty)
        let reachedUnderPath = try Self.crawlEnglish(base, basePath: "/portal/")
        #expect(reachedUnderPath.contains("/en/mesta/testov/") && reachedUnderPath.contains("/en/data/"))
        let home = try readOutputFile(base, "en/index.html")
        #expect(home.contains("<a href=\"/portal/\" hreflang=\"cs\" lang=\"cs\">Česky</a>"))
        #expect(home.contains("<link rel=\"alternate\" hreflang=\"cs\" href=\"https://owner.github.io/portal/\">"))
        #expect(home.contains("data-index=\"/portal/data/hledani-en.json\""))
        // The English 404 page, served at any depth, keeps the base path.
        #expect(try readOutputFile(base, "en/404.html").contains("<a href=\"/portal/en/\">"))

        let relative = underPath.workspace.appendingPathComponent("relative")
        #expect(Builder.run(.init(portalRoot: underPath.root, output: relative, today: testToday, relativeLinks: true)).errors.isEmpty)
        let reachedRelative = try Self.crawlEnglish(relative, relative: true)
        #expect(reachedRelative.contains("/en/mesta/testov/index.html") && reachedRelative.contains("/en/data/index.html"))
        let city = try readOutputFile(relative, "en/mesta/testov/index.html")
        #expect(city.contains("<a href=\"../../../mesta/testov/index.html\" hreflang=\"cs\" lang=\"cs\">Česky</a>"))
        #expect(city.contains("<a href=\"../../../projekty/druhy-projekt/index.html\" lang=\"cs\">Druhý projekt</a>"))
    }

    /// The generated bilingual corpus: valid without a warning, every English list and
    /// city page reached from the English home page, and its translations listed in English.
    @Test func aGeneratedBilingualCorpusIsEnglishThroughout() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 30, into: root, bilingual: true)
            let outcome = runBuilder(portal: root, output: output)
            #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.prefix(3))")
            let reached = try Self.crawlEnglish(output)
            let portal = try #require(ContentLoader.load(portalAt: root).0)
            let site = Site(portal: portal, today: testToday)
            let english = site.pages.filter { $0.language == .en && $0.isHTMLPage && $0.kind != .notFound }.map(\.path)
            #expect(english.count > 20)
            #expect(Set(english).subtracting(reached).sorted() == [], "English pages no link leads to")
            let translated = portal.projects.filter { $0.source.translationOf != nil }
            #expect(translated.count == 10)
            let home = try readOutputFile(output, "en/index.html")
            for project in translated { #expect(home.contains(">\(HTML.escape(project.title))</a>"), "\(project.title)") }
        }
    }

    /// `publicita serve` answers a missing address under `/en/` with the English 404 page.
    @Test func thePreviewServerAnswersAMissingEnglishAddressInEnglish() async throws {
        let portal = try TestPortal(files: Self.files())
        try await withPreviewServer(portal) { server in
            let english = try await fetch(server, "/en/neexistuje/")
            #expect(english.status == 404)
            #expect(english.body.contains("<html lang=\"en\">") && english.body.contains("<h1>Page not found</h1>"))
            let czech = try await fetch(server, "/neexistuje/")
            #expect(czech.status == 404 && czech.body.contains("<html lang=\"cs\">"))
        }
    }

    @Test func enIsAReservedFirstSegment() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/pages/en.md": "---\ntitle: English\n---\nText.\n",
        ])
        #expect(!portal.check().errors.isEmpty, "a free page at /en/ would take the English pages' address")
        #expect(Route.reservedSegments.contains("en"))
    }

    @Test func aMonolingualPortalHasNoEnglishPages() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
        ])
        #expect(portal.build().errors.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("en").path))
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("data/hledani-en.json").path))
        let home = try portal.page("index.html")
        #expect(!home.contains("hreflang"))
        #expect(!(try portal.page("sitemap.xml")).contains("xhtml"))
    }

    @Test func anUnknownLanguageIsReported() throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML + "languages: [cs, de]\n"])
        let errors = portal.check().errors
        #expect(errors.contains { $0.rule == .yamlType && $0.field == "languages" }, "\(errors)")
    }

    /// An edit of a translation (its title) re-renders the English lists that show it,
    /// in a long-running build as in a clean one.
    @Test func editingATranslationUpdatesTheEnglishListsIncrementally() throws {
        let portal = try TestPortal(files: Self.files())
        #expect(portal.build().errors.isEmpty)
        let changed = try edited(FiltersSearchLanguageTests.englishTranslation, replacing: "title: Test project", with: "title: Test project renamed")
        try portal.write(Data(changed.utf8), to: "content/projects/test-project.md")
        #expect(portal.build().errors.isEmpty)
        #expect(try portal.page("en/index.html").contains(">Test project renamed</a>"))
        #expect(try portal.page("en/mesta/testov/index.html").contains(">Test project renamed</a>"))
        #expect(try portal.page("data/hledani-en.json").contains("Test project renamed"))
        let clean = portal.workspace.appendingPathComponent("clean")
        #expect(runBuilder(portal: portal.root, output: clean).errors.isEmpty)
        let incremental = try snapshot(of: portal.output).filter { !$0.key.hasPrefix(".") }, whole = try snapshot(of: clean).filter { !$0.key.hasPrefix(".") }
        #expect(incremental.keys.sorted() == whole.keys.sorted())
        #expect(incremental.keys.filter { incremental[$0] != whole[$0] }.sorted() == [], "pages the incremental build left stale")
    }

    /// serve's build session writes the same bilingual site as `publicita build`
    /// (its kept data-file parts are the portal language's; the English index is made whole).
    @Test func aBuildSessionWritesTheSameBilingualSite() throws {
        let portal = try TestPortal(files: Self.files())
        #expect(portal.build().errors.isEmpty)
        let served = portal.workspace.appendingPathComponent("served")
        let session = BuildSession(.init(portalRoot: portal.root, output: served, today: testToday))
        #expect(session.build().errors.isEmpty)
        #expect(try snapshot(of: served) == snapshot(of: portal.output))
        #expect(try readOutputFile(served, "data/hledani-en.json").contains("\"test-project\""))
    }
}

