import Foundation
import Testing
@testable import PublicitaKit

/// Builds the example portal (the repository root) into a temporary folder and
/// checks the pages a visitor and an auditor would read.
@Suite("End to end: the example portal")
struct EndToEndTests {
    /// Builds the example portal into a fresh temporary folder and hands `body` the output folder.
    private func withExampleSite(_ body: (URL) throws -> Void) throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "the example portal must build:\n\(outcome.summary)")
            #expect(outcome.errors.isEmpty, "\(outcome.summary)")
            #expect(outcome.pagesWritten > 0)
            try body(output)
        }
    }

    /// The slugs of the records in `content/<kind>` of the example portal.
    private func exampleSlugs(_ kind: String) throws -> [String] {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("content/\(kind)")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .map { String($0.dropLast(3)) }
            .sorted()
    }

    /// Every generated HTML page, relative to the output folder.
    private func htmlPages(in output: URL) -> [String] {
        relativeFiles(in: output).filter { $0.hasSuffix(".html") }
    }

    @Test func buildsWithoutErrors() throws {
        try withExampleSite { (output: URL) throws in
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path))
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(SiteWriter.markerFile).path))
        }
    }

    @Test func liberecProjectPage() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "projekty/liberec-apk/index.html")
            #expect(html.contains("CZ.03.2.60/0.0/0.0/16_052/0007824"))
            // Each funding source and the corrected total, in Czech form with no-break spaces.
            for amount in [
                "5\u{00A0}538\u{00A0}653,12\u{00A0}Kč",
                "651\u{00A0}606,25\u{00A0}Kč",
                "325\u{00A0}803,13\u{00A0}Kč",
                "6\u{00A0}516\u{00A0}062,50\u{00A0}Kč",
            ] {
                #expect(html.contains(amount), "missing amount \(amount.debugDescription)")
            }
            #expect(html.contains("KA 01"))
            #expect(html.contains("KA 02"))
            #expect(html.contains("href=\"mailto:maturova.michaela@magistrat.liberec.cz\""))
            #expect(html.contains("href=\"tel:+420485243577\""))
            // The period, each date with no-break spaces inside (Day.formatted).
            #expect(html.contains("1.\u{00A0}3.\u{00A0}2018 – 28.\u{00A0}2.\u{00A0}2021"))
            #expect(html.contains("Spolufinancováno Evropskou unií"))
            // The funding table has a caption, and the chart is an image with an accessible name.
            let fundingTable = try #require(html.range(of: "<table class=\"funding\""), "no funding table")
            let afterTable = html[fundingTable.upperBound...]
            let tableEnd = try #require(afterTable.range(of: "</table>"))
            #expect(afterTable[..<tableEnd.lowerBound].contains("<caption"))
            #expect(afterTable[..<tableEnd.lowerBound].contains("<th scope=\"col\""))
            #expect(html.contains("<table"))
            #expect(html.contains("<svg") && html.contains("role=\"img\""))
            let svgTags = captures(of: "(<svg[^>]*>)", in: html)
            #expect(svgTags.contains { $0.contains("role=\"img\"") }, "no <svg role=\"img\">: \(svgTags)")
        }
    }

    @Test func liberecCorrectionShowsPublishedFigureAndReason() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "projekty/liberec-apk/index.html")
            let start = try #require(html.range(of: "class=\"corrections\""), "no corrections section")
            let end = try #require(html[start.upperBound...].range(of: "</section>"))
            let section = String(html[start.upperBound ..< end.lowerBound])
            // The published (wrong) total and the correct one are both shown in the correction.
            #expect(section.contains("6 516 052,50") || section.contains("6\u{00A0}516\u{00A0}052,50"),
                    "the correction does not show the published total")
            #expect(section.contains("6 516 062,50") || section.contains("6\u{00A0}516\u{00A0}062,50"))
            // The reason, as the record words it.
            #expect(section.contains("o\u{00A0}10,00\u{00A0}Kč více než zveřejněné celkové výdaje projektu"))
            #expect(section.contains("Zveřejněný celek proto považujeme za překlep."))
        }
    }

    /// A corrected amount is a figure like every other on the page: it must be in
    /// the same Czech form, with no-break spaces, so that it never breaks across lines.
    /// (The record writes `published: 6 516 052,50 Kč` with ordinary spaces.)
    @Test func correctionAmountsUseNoBreakSpaces() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "projekty/liberec-apk/index.html")
            let start = try #require(html.range(of: "class=\"corrections\""), "no corrections section")
            let end = try #require(html[start.upperBound...].range(of: "</section>"))
            let section = String(html[start.upperBound ..< end.lowerBound])
            #expect(section.contains("6\u{00A0}516\u{00A0}052,50\u{00A0}Kč"),
                    "the published total in the correction is not in the page's money format")
            #expect(section.contains("6\u{00A0}516\u{00A0}062,50\u{00A0}Kč"),
                    "the correct total in the correction is not in the page's money format")
        }
    }

    @Test func homePageLinksEveryProjectAndShowsTotals() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "index.html")
            let slugs = try exampleSlugs("projects")
            #expect(slugs.count == 4, "the example portal has four projects: \(slugs)")
            for slug in slugs {
                #expect(html.contains("href=\"/projekty/\(slug)/\""), "the home page does not link \(slug)")
            }
            // Totals: Liberec 6 516 062,50 + Kroměříž 4 699 625,00 + Jeseník 4 485 600,00
            // (Ostrava published no amounts) = 15 701 287,50 Kč.
            #expect(html.contains("15\u{00A0}701\u{00A0}287,50\u{00A0}Kč"), "portal total missing")
            #expect(html.contains("<dd>\(slugs.count)</dd>"), "project count missing")
        }
    }

    @Test func ostravaShowsStandardAndPublishedRegistrationNumber() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "projekty/ostrava-apk/index.html")
            let factsStart = try #require(html.range(of: "<dl class=\"facts\">"))
            let factsEnd = try #require(html[factsStart.upperBound...].range(of: "</dl>"))
            let facts = html[factsStart.upperBound ..< factsEnd.lowerBound]
            // Both marked up to break only after a "/".
            #expect(facts.contains(Typography.registrationNumberHTML("CZ.03.2.60/0.0/0.0/15_026/0002789")))
            #expect(facts.contains(Typography.registrationNumberHTML("cz.03.2.60/0.0/0.0/15.026/0002789")))
            // Ostrava published neither amounts nor a period: no invented figures.
            #expect(!html.contains("0,00\u{00A0}Kč"))
        }
    }

    @Test func litvinovReportHasAccessibleTablesAndAbbreviations() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "zpravy/litvinov-zaverecna-zprava/index.html")
            let tables = html.components(separatedBy: "<table").dropFirst()
            #expect(tables.count >= 5, "only \(tables.count) tables")
            for (index, table) in tables.enumerated() {
                let body = table.components(separatedBy: "</table>").first ?? ""
                #expect(body.contains("<caption"), "table \(index + 1) has no caption")
                #expect(body.contains("<th scope=\"col\""), "table \(index + 1) has no column headers")
            }
            #expect(html.contains("<abbr title=\"asistenti prevence kriminality\">APK</abbr>")
                    || html.contains(">APK<"), "the abbreviation list lacks APK")
            #expect(html.contains("asistent"))
        }
    }

    @Test func everyCityHasAPage() throws {
        try withExampleSite { (output: URL) throws in
            for slug in ["liberec", "kromeriz", "jesenik", "ostrava", "litvinov"] {
                let file = output.appendingPathComponent("mesta/\(slug)/index.html")
                #expect(FileManager.default.fileExists(atPath: file.path), "missing city page \(slug)")
            }
            let kromeriz = try readOutputFile(output, "mesta/kromeriz/index.html")
            #expect(kromeriz.contains("Kroměříž"))
            #expect(kromeriz.contains("href=\"/projekty/kromeriz-apk/\""))
        }
    }

    @Test func accessibilityStatementIsLinkedFromEveryPage() throws {
        try withExampleSite { (output: URL) throws in
            let statement = try readOutputFile(output, "prohlaseni-o-pristupnosti/index.html")
            #expect(statement.contains("pristupnost@projekty-prevence.example.cz"))
            let pages = htmlPages(in: output)
            #expect(pages.count >= 19)
            for page in pages {
                let html = try readOutputFile(output, page)
                #expect(html.contains("href=\"/prohlaseni-o-pristupnosti/\""), "\(page) does not link the accessibility statement")
            }
        }
    }

    @Test func notFoundPageExists() throws {
        try withExampleSite { (output: URL) throws in
            let html = try readOutputFile(output, "404.html")
            #expect(html.contains("<html"))
            #expect(html.contains("href=\"/\""))
        }
    }

    @Test func pagesLoadNothingFromOtherHostsAndRunNoScript() throws {
        try withExampleSite { (output: URL) throws in
            for page in htmlPages(in: output) {
                let full = try readOutputFile(output, page)
                // The one script is the theme's own search enhancement, on the home page only.
                let searchScript = "<script src=\"/assets/hledani.js\" defer></script>"
                #expect(full.contains(searchScript) == (page == "index.html"), "\(page): the search script only on the home page")
                // The only other script element allowed is a JSON-LD data block, which runs nothing
                // and cannot close itself early (no `<` in it but the escaped `<\/`).
                for block in jsonLDBlocks(in: full) {
                    #expect(!block.replacingOccurrences(of: "<\\/", with: "").contains("<"),
                            "\(page) has a raw < in its JSON-LD")
                }
                let html = withoutJSONLD(full).replacingOccurrences(of: searchScript, with: "")
                #expect(!html.lowercased().contains("<script"), "\(page) has a script")
                #expect(!html.lowercased().contains("javascript:"), "\(page) has a javascript: URL")
                // Nothing is loaded from elsewhere: every src= is a local path.
                for src in captures(of: #"\ssrc\s*=\s*["']?([^"'\s>]*)"#, in: html) {
                    #expect(!src.contains(":") && !src.hasPrefix("//"), "\(page) loads \(src)")
                }
                // <link> elements: stylesheets and the like are local; the only absolute one
                // allowed is rel="canonical", which loads nothing.
                for tag in captures(of: "(<link\\b[^>]*>)", in: html) {
                    let href = captures(of: #"href="([^"]*)""#, in: tag).first ?? ""
                    let external = href.contains(":") || href.hasPrefix("//")
                    if external {
                        #expect(tag.contains("rel=\"canonical\"") && href.hasPrefix("https://projekty-prevence.example.cz/"),
                                "\(page) links a resource on another host: \(tag)")
                    }
                }
                for tag in captures(of: "(<link\\b[^>]*rel=\"stylesheet\"[^>]*>)", in: html) {
                    #expect(tag.contains("href=\"/"), "\(page): stylesheet not local: \(tag)")
                }
                #expect(!html.contains("@import"), "\(page) imports CSS")
            }
            let css = try readOutputFile(output, "assets/style.css")
            #expect(!css.contains("http://") && !css.contains("https://") && !css.contains("@import"),
                    "the stylesheet loads something from elsewhere")
        }
    }

    /// A real link check: every internal `href="/…"` and `src="/…"` of every page
    /// resolves to a file of the output, and every `#fragment` to an id on the target page.
    @Test func everyInternalLinkResolves() throws {
        try withExampleSite { (output: URL) throws in
            let files = Set(relativeFiles(in: output))
            var checked = 0
            for page in htmlPages(in: output) {
                let html = try readOutputFile(output, page)
                let links = captures(of: #"\s(?:href|src)="([^"]*)""#, in: html)
                for link in links {
                    if link.hasPrefix("#") {
                        let id = String(link.dropFirst())
                        #expect(html.contains("id=\"\(id)\""), "\(page): #\(id) has no target")
                        continue
                    }
                    guard link.hasPrefix("/"), !link.hasPrefix("//") else { continue }
                    checked += 1
                    var path = link
                    var fragment: String?
                    if let hash = path.firstIndex(of: "#") {
                        fragment = String(path[path.index(after: hash)...])
                        path = String(path[..<hash])
                    }
                    if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
                    var file = String(path.dropFirst())
                    if file.isEmpty || file.hasSuffix("/") { file += "index.html" }
                    #expect(files.contains(file), "\(page) links \(link), but \(file) was not generated")
                    if let fragment, !fragment.isEmpty, files.contains(file) {
                        let target = try readOutputFile(output, file)
                        #expect(target.contains("id=\"\(fragment)\""), "\(page) links \(link), but the target has no such id")
                    }
                }
            }
            #expect(checked > 50, "suspiciously few internal links: \(checked)")
        }
    }

    /// Ids must be unique on a page (skip links, aria-labelledby and anchors depend on it).
    @Test func idsAreUniqueOnEveryPage() throws {
        try withExampleSite { (output: URL) throws in
            for page in htmlPages(in: output) {
                let html = try readOutputFile(output, page)
                let ids = captures(of: #"\sid="([^"]*)""#, in: html)
                let duplicates = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
                #expect(duplicates.isEmpty, "\(page) has duplicate ids: \(duplicates)")
            }
        }
    }
}
