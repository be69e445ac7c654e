import Foundation
import Testing
@testable import PublicitaKit

/// Nothing a record says can run script on the portal: raw HTML is dropped,
/// dangerous link schemes are removed, YAML values are escaped.
@Suite("Markdown and value safety")
struct MarkdownSafetyTests {
    static let hostileBody = """
        Úvod.

        <script>alert(1)</script>

        <img src=x onerror=alert(1)>

        Odkazy: [x](javascript:alert(1)), [y](JAVASCRIPT:alert(1)), [z](vbscript:x),
        [w](  jAvAsCrIpT:alert(1) ) a inline <b onmouseover="alert(1)">tučně</b>.

        ![obrázek](javascript:alert(1))

        """

    /// The assertions every rendering of `hostileBody` must pass.
    private func expectSafe(_ page: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        // A JSON-LD data block runs nothing; what it holds may not close it (`</` is `<\/`, other `<` are `\u003c`).
        for block in jsonLDBlocks(in: page) {
            #expect(!block.replacingOccurrences(of: "<\\/", with: "").contains("<"), "raw < in JSON-LD: \(block)", sourceLocation: sourceLocation)
        }
        let html = withoutJSONLD(page)
        let lowered = html.lowercased()
        #expect(!lowered.contains("<script"), "script element in: \(html)", sourceLocation: sourceLocation)
        #expect(!lowered.contains("onerror"), "onerror in: \(html)", sourceLocation: sourceLocation)
        #expect(!lowered.contains("onmouseover"), "onmouseover in: \(html)", sourceLocation: sourceLocation)
        #expect(!lowered.contains("javascript:"), "javascript: in: \(html)", sourceLocation: sourceLocation)
        #expect(!lowered.contains("vbscript:"), "vbscript: in: \(html)", sourceLocation: sourceLocation)
        #expect(!lowered.contains("<img src=\"x\""), "raw img in: \(html)", sourceLocation: sourceLocation)
    }

    @Test func markdownDocumentDropsRawHTMLAndScriptLinks() {
        let html = MarkdownDocument(Self.hostileBody).html()
        expectSafe(html)
        // The harmless text is still there.
        #expect(html.contains("Úvod."))
        #expect(html.contains(">x</a>"))
        #expect(html.contains(">z</a>"))
    }

    @Test func safeLinksAreKept() {
        let html = MarkdownDocument("[a](/projekty/x/) [b](https://example.cz/) [c](mailto:a@b.cz)").html()
        #expect(html.contains("href=\"/projekty/x/\""))
        #expect(html.contains("href=\"https://example.cz/\""))
        #expect(html.contains("href=\"mailto:a@b.cz\""))
    }

    @Test func fullBuildOfHostileBodyIsSafe() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n", with: Self.hostileBody)
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/nebezpecny.md": project,
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/nebezpecny/index.html")
        expectSafe(html)
        #expect(html.contains("Úvod."))
        // And on every other page of the site.
        for file in relativeFiles(in: portal.output) where file.hasSuffix(".html") {
            // The theme's own search script (home page) is the only script element.
            expectSafe(try portal.page(file).replacingOccurrences(of: "<script src=\"/assets/hledani.js\" defer></script>", with: ""))
        }
    }

    @Test func yamlValuesAreEscaped() throws {
        var project = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt",
                                 with: "title: '<b>Tučně</b> & \"uvozovky\"'")
        project = try edited(project, replacing: "  - name: Jana Nováková", with: "  - name: '<script>x</script>'")
        project = try edited(project, replacing: "summary: Projekt pro testy.",
                             with: "summary: '<img src=x onerror=alert(1)>'")
        // A funding source's name goes into the table and the SVG chart, built in Swift.
        project = try edited(project, replacing: "    - name: Evropský sociální fond", with: "    - name: '<script>y</script> \"ESF\"'")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/uniky.md": project,
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/uniky/index.html")
        #expect(html.contains("&lt;b&gt;Tučně&lt;/b&gt;"))
        #expect(html.contains("&amp;"))
        #expect(!html.contains("<b>Tučně</b>"))
        #expect(!html.contains("<script>x"))
        #expect(html.contains("&lt;script&gt;x"))
        #expect(!html.lowercased().contains("<img src=x"))
        #expect(!html.contains("<script>y"), "a source name is not escaped (table or chart)")
        #expect(html.contains("&lt;script&gt;y&lt;/script&gt;"))
        #expect(!withoutJSONLD(html).lowercased().contains("<script"))
        // The title in the JSON-LD cannot end the data block. (The source's name is not
        // there: the funder is the Union and its fund, named "ESF" as the name says.)
        let jsonLD = try #require(jsonLDBlocks(in: html).first)
        #expect(jsonLD.contains(#""name":"\u003cb>Tučně<\/b> & \"uvozovky\"""#))
        #expect(jsonLD.contains(#""@type":"FundingScheme","name":"Evropský sociální fond""#))
        // The title is escaped in <title> and the description meta tag too.
        let head = html.components(separatedBy: "</head>").first ?? ""
        #expect(!head.contains("<b>"))
        #expect(!head.contains("<img"))
        // The home page lists the project with the same escaping.
        let home = try portal.page("index.html")
        #expect(!home.contains("<b>Tučně</b>"))
        #expect(home.contains("&lt;b&gt;Tučně&lt;/b&gt;"))
    }

    static let scriptURLs = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "vbscript:msgbox(1)",
                             "data:text/html,<script>alert(1)</script>"]

    /// The generated HTML files that carry a script URL; empty when the build refused the input.
    private func pagesCarryingScript(_ portal: TestPortal) throws -> [String] {
        let outcome = portal.build()
        if outcome.failed {
            // Refusing the record is as good as dropping the link, as long as nothing is written.
            #expect(relativeFiles(in: portal.output).isEmpty)
            return []
        }
        return try relativeFiles(in: portal.output).filter { $0.hasSuffix(".html") }.filter { file in
            let html = try portal.page(file).lowercased()
            return html.contains("javascript:") || html.contains("vbscript:") || html.contains("href=\"data:")
                || html.contains("<script")
        }
    }

    /// A document link written in front matter is a link like one in a body:
    /// a script URL must never reach a page (dropped, or the record refused).
    @Test(arguments: scriptURLs)
    func documentHrefCannotCarryScript(_ href: String) throws {
        let project = try edited(TestPortal.minimalProject, replacing: "goals:\n",
                                 with: "documents:\n  - title: Dokument\n    href: '\(href)'\ngoals:\n")
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/dokumenty.md": project])
        let carrying = try pagesCarryingScript(portal)
        #expect(carrying.isEmpty, "\(href.debugDescription) reaches \(carrying)")
    }

    /// The same for the publisher's address in portal.yaml (shown in every page's footer).
    @Test(arguments: scriptURLs)
    func publisherURLCannotCarryScript(_ href: String) throws {
        let portalYAML = try edited(TestPortal.minimalPortalYAML, replacing: "url: https://www.test.example.cz/", with: "url: '\(href)'")
        let portal = try TestPortal(files: ["portal.yaml": portalYAML, "content/projects/p.md": TestPortal.minimalProject])
        let carrying = try pagesCarryingScript(portal)
        #expect(carrying.isEmpty, "\(href.debugDescription) reaches \(carrying)")
    }

    @Test func headingsGetIdsAndStartAtH2() {
        let html = MarkdownDocument("## Cíle projektu\n\nText.\n").html()
        #expect(html.contains("<h2 id=\"cile-projektu\">Cíle projektu</h2>"), "\(html)")

        let shifted = MarkdownDocument("# Nadpis\n\nText.\n\n## Podnadpis\n").html()
        #expect(shifted.contains("<h2 id=\"nadpis\">Nadpis</h2>"), "\(shifted)")
        #expect(shifted.contains("<h3 id=\"podnadpis\">"), "\(shifted)")
        #expect(!shifted.contains("<h1"))
    }

    @Test func bodyHeadingsInABuiltPage() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n",
                                 with: "# Nadpis v textu\n\nText projektu.\n")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/nadpisy.md": project,
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/nadpisy/index.html")
        // Only the page title is an h1.
        #expect(html.components(separatedBy: "<h1").count == 2, "more than one h1")
        #expect(html.contains("<h2 id=\"nadpis-v-textu\">Nadpis v\u{00A0}textu</h2>"))
        #expect(html.contains("id=\"cile-projektu\""))
    }

    @Test func duplicateHeadingsGetDistinctIds() {
        let html = MarkdownDocument("## Výsledky\n\n## Výsledky\n").html()
        #expect(html.contains("id=\"vysledky\""))
        #expect(html.contains("id=\"vysledky-2\""))
    }

    /// A body heading must not take an id the page layout already uses (here the
    /// skip link's target `obsah`): ids are unique on a page.
    @Test func bodyHeadingIdsDoNotCollideWithTheLayout() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n",
                                 with: "## Obsah\n\nText projektu.\n\n## Financování\n\nText.\n")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/kolize.md": project,
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/kolize/index.html")
        let ids = captures(of: #"\sid="([^"]*)""#, in: html)
        let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(duplicates.isEmpty, "duplicate ids: \(duplicates)")
    }

    @Test func tableBlockIsReplacedByFrontMatterTable() throws {
        var project = try edited(TestPortal.minimalProject, replacing: "goals:\n",
                                 with: """
                                     tables:
                                       - id: foo
                                         caption: Přehled výstupů
                                         columns: [Výstup, Počet]
                                         rows:
                                           - [Proškolení asistenti, "4"]
                                           - [Besedy ve školách, "12"]
                                           - ["<script>z</script>", "<b>1</b>"]
                                     goals:

                                     """)
        project = try edited(project, replacing: "Text projektu.\n",
                             with: "Text projektu.\n\n```table foo\n```\n\nZa tabulkou.\n")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/tabulka.md": project,
        ])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/tabulka/index.html")
        #expect(html.contains("<caption"))
        #expect(html.contains("Přehled výstupů</caption>"))
        #expect(html.contains("<th scope=\"col\">Výstup</th>"))
        #expect(html.contains("<th scope=\"col\">Počet</th>"))
        #expect(html.contains("<th scope=\"row\">Proškolení asistenti</th>"))
        #expect(!html.contains("<script>z") && !html.contains("<b>1</b>"), "a table cell is not escaped")
        #expect(html.contains("&lt;script&gt;z&lt;/script&gt;"))
        // The fence itself is gone, and the table sits where the fence was.
        #expect(!html.contains("table foo"))
        #expect(!html.contains("language-table"))
        let table = try #require(html.range(of: "Přehled výstupů</caption>"))
        let before = try #require(html.range(of: "Text projektu."))
        let after = try #require(html.range(of: "Za tabulkou."))
        #expect(before.lowerBound < table.lowerBound && table.lowerBound < after.lowerBound)
        // Placed once only (not repeated after the body).
        #expect(html.components(separatedBy: "Přehled výstupů</caption>").count == 2)
    }

    @Test func tableBlockThroughMarkdownDocument() {
        let html = MarkdownDocument("A\n\n```table foo\n```\n\nB\n").html(table: { id in
            id == "foo" ? "<table><caption>Foo</caption></table>" : nil
        })
        #expect(html.contains("<table><caption>Foo</caption></table>"))
        #expect(!html.contains("<pre"))
    }
}
