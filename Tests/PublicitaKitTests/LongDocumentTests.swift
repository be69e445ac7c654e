import Foundation
import Testing
@testable import PublicitaKit

/// Long documents (issue 13, point 5): tables of contents, footnotes, merged first
/// cells and column alignment, checked on the built example and on small bodies.
@Suite("Long documents")
struct LongDocumentTests {
    // MARK: The built example

    /// The example portal built once per test into a fresh folder; `read` gets a page's HTML.
    private static func withExample(_ body: (_ read: (String) throws -> String) throws -> Void) throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            try body { path in try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) }
        }
    }

    static let report = "zpravy/litvinov-zaverecna-zprava/index.html"

    /// Every match of `pattern`'s first group in `text`.
    static func captures(_ pattern: String, in text: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map {
            String(text[Range($0.range(at: 1), in: text)!])
        }
    }

    /// The `nav.toc` of a page, or nil.
    static func tableOfContents(_ html: String) -> String? {
        captures(#"(<nav class="toc".*?</nav>)"#, in: html).first
    }

    /// The ids of the body's h2 and h3 headings, after the table of contents (the
    /// page's own sections after the body are not the body's).
    static func bodyHeadingIDs(_ html: String) -> [String] {
        guard let toc = tableOfContents(html), let start = html.range(of: toc) else { return [] }
        let tail = String(html[start.upperBound...])
        let body = tail.range(of: "<h2 id=\"abbr-heading\"").map { String(tail[..<$0.lowerBound]) } ?? tail
        return captures(#"<h[23] id="([^"]+)""#, in: body)
    }

    @Test func theLitvinovReportHasATableOfContentsWhoseAnchorsAllLand() throws {
        try Self.withExample { read in
            let html = try read(Self.report)
            let toc = try #require(Self.tableOfContents(html), "the report has no table of contents")
            #expect(toc.contains(#"aria-labelledby="toc-heading""#))
            #expect(toc.contains(#"<h2 id="toc-heading">Obsah</h2>"#))
            let targets = Self.captures(##"href="#([^"]+)""##, in: toc)
            let headings = Self.bodyHeadingIDs(html)
            #expect(targets.count >= 4)
            // Every section of the report is listed, in order, and every entry lands on its heading.
            #expect(targets == headings)
            for target in targets {
                #expect(Self.captures(#"<h[23] id="(\#(target))""#, in: html).count == 1, "#\(target) lands on no heading")
            }
            #expect(targets.contains("cast-3-vyhodnoceni-poradenskeho-programu"))
            // The third part's subsections are nested under it.
            let third = try #require(Self.captures(##"(<a href="#cast-3-vyhodnoceni-poradenskeho-programu">.*?</ol>)"##, in: toc).first)
            #expect(third.contains(##"href="#vyhodnoceni-plneni-kriterii-socialniho-zaclenovani""##))
        }
    }

    @Test func aPageWithFourSectionsHasATableOfContentsAndOneWithThreeHasNone() throws {
        try Self.withExample { read in
            let about = try read("o-portalu/index.html")
            let toc = try #require(Self.tableOfContents(about), "o-portalu (5 sections) has no table of contents")
            let targets = Self.captures(##"href="#([^"]+)""##, in: toc)
            #expect(targets.count == 5)
            #expect(targets == Self.bodyHeadingIDs(about))
            let budgets = try read("jak-cist-rozpocty/index.html")
            #expect(Self.captures(#"<h2 id="([^"]+)""#, in: budgets).count == 3)
            #expect(Self.tableOfContents(budgets) == nil, "a page of 3 sections got a table of contents")
            // Project pages are not long documents.
            #expect(Self.tableOfContents(try read("projekty/liberec-apk/index.html")) == nil)
        }
    }

    @Test func theLitvinovFootnotesLinkBothWays() throws {
        try Self.withExample { read in
            let html = try read(Self.report)
            let references = Self.captures(##"<sup class="footnote-ref"><a href="#poznamka-([a-z0-9-]+)" id="odkaz-\1">\1</a></sup>"##, in: html)
            #expect(references == ["1", "2", "3"])
            for label in references {
                let note = try #require(Self.captures(#"(<li id="poznamka-\#(label)">.*?</li>)"#, in: html).first, "note \(label) is missing")
                #expect(note.contains(##"<a class="footnote-back" href="#odkaz-\##(label)" aria-label="Zpět k textu (\##(label))">"##))
                #expect(Self.captures(#"id="(odkaz-\#(label))""#, in: html).count == 1)
            }
            // The notes keep the report's wording, the link in the third one included.
            #expect(html.contains("Index kriminality udává počet spáchaných trestných činů za zvolené časové období na daném území, přepočtený na 10 tisíc obyvatel."))
            #expect(html.contains(#"<a href="https://www.mapakriminality.cz">"#))
            #expect(!html.contains("[^"), "a footnote was left as written")
            #expect(!html.contains("¹") && !html.contains("²") && !html.contains("³"))
        }
    }

    @Test func theRepeatedCriterionIsStatedOnceAsARowGroupHeader() throws {
        try Self.withExample { read in
            let html = try read(Self.report)
            let table = try #require(Self.captures(#"(<table id="t-vyhodnoceni-kriterii">.*?</table>)"#, in: html).first)
            // Typography binds one-letter words with U+00A0.
            let criterion = "1.1 Obec je aktivní v\u{00A0}oblasti propojování a\u{00A0}koordinace aktivit obce"
            #expect(table.components(separatedBy: criterion).count == 2, "the criterion is not stated exactly once")
            let groups = Self.captures(#"(<tbody>.*?</tbody>)"#, in: table)
            let spans = groups.map { Self.captures(#"<th scope="rowgroup" rowspan="(\d+)">"#, in: $0) }
            #expect(spans == [["8"], ["7"], ["11"]])
            for (group, span) in zip(groups, spans) {
                #expect(Self.captures(#"(<tr>)"#, in: group).count == Int(span[0]))
                // Each row's indicator is its row header.
                #expect(Self.captures(#"(<th scope="row">)"#, in: group).count == Int(span[0]))
            }
            #expect(table.contains(#"<th scope="rowgroup" rowspan="8">1.1 Obec je aktivní"#))
        }
    }

    @Test func goalReferencesReadFromTheLeft() throws {
        try Self.withExample { read in
            let html = try read(Self.report)
            #expect(html.contains("<td>1.1–1.4</td>"))
            #expect(html.contains("<td>1.1, 1.2</td>"))
            #expect(!html.contains(#"<td class="num">1.1"#))
        }
    }

    /// Every project page names each topic once: one "Financování", the areas in one section.
    @Test func eachProjectPageHasEachTopicHeadingOnce() throws {
        try Self.withExample { read in
            for slug in ["jesenik-apk", "kromeriz-apk", "liberec-apk", "ostrava-apk"] {
                let html = try read("projekty/\(slug)/index.html")
                let headings = Self.captures(#"<h2[^>]*>(.*?)</h2>"#, in: html).map { $0.lowercased() }
                #expect(Set(headings).count == headings.count, "\(slug) repeats a heading: \(headings)")
                #expect(headings.filter { $0 == "financování" }.count <= 1)
            }
            let liberec = try read("projekty/liberec-apk/index.html")
            #expect(liberec.components(separatedBy: #"<ul class="inline-list"><li>Centrum</li>"#).count == 2)
        }
    }

    // MARK: Footnotes on small bodies

    @Test func aNoteThatIsOnlyAnAddressStaysANote() {
        // cmark would read "[^1]: https://…" as a link reference definition and drop it.
        let html = MarkdownDocument("Text[^1].\n\n[^1]: https://example.cz\n").html()
        #expect(html.contains(#"<li id="poznamka-1"><span class="footnote-label">1</span> https://example.cz"#))
        #expect(html.contains(##"<a href="#poznamka-1" id="odkaz-1">1</a>"##))
    }

    @Test func aSecondReferenceGetsItsOwnIDAndTheBackLinkGoesToTheFirst() {
        let html = MarkdownDocument("A[^a] and again[^a].\n\n[^a]: Note.\n").html(footnoteBack: "Back")
        #expect(html.contains(#"id="odkaz-a""#) && html.contains(#"id="odkaz-a-2""#))
        #expect(html.contains(##"<a class="footnote-back" href="#odkaz-a" aria-label="Back (a)">↩</a>"##))
    }

    @Test func consecutiveDefinitionsAreSeparateNotesOfOneList() {
        let html = MarkdownDocument("One[^1], two[^2].\n\n[^1]: First.\n[^2]: Second.\n").html()
        #expect(html.components(separatedBy: #"<ul class="footnotes">"#).count == 2)
        #expect(html.contains(#"<li id="poznamka-1"><span class="footnote-label">1</span> First. <a"#))
        #expect(html.contains(#"<li id="poznamka-2"><span class="footnote-label">2</span> Second. <a"#))
    }

    @Test func unknownReferencesCodeAndHeadingsStayAsWritten() {
        let body = "Undefined[^9].\n\n## Heading[^1]\n\n```\n[^1]: not a note\n```\n\nText[^1] and `[^1]`.\n\n[^1]: Note.\n"
        let html = MarkdownDocument(body).html()
        #expect(html.contains("Undefined[^9]."))
        #expect(html.contains("<pre><code>[^1]: not a note\n</code></pre>"))
        #expect(html.contains("<code>[^1]</code>"))
        #expect(html.contains(#"<h2 id="heading-1">Heading[^1]</h2>"#))
        #expect(html.components(separatedBy: "footnote-ref").count == 2)
    }

    @Test func footnoteIDsOfTheOutlineAreThoseOnThePage() {
        let body = "## Poznámka 1\n\nText[^1].\n\n[^1]: Note.\n[^2]: Unreferred.\n"
        let outline = BodyOutline(body: body)
        #expect(outline.footnoteIDs == ["poznamka-1", "odkaz-1", "poznamka-2"])
        let html = MarkdownDocument(body).html()
        let ids = Set(Self.captures(#" id="([^"]+)""#, in: html))
        #expect(Set(outline.footnoteIDs).isSubset(of: ids))
        // A heading does not take a note's id, on the page and in the outline alike.
        #expect(outline.headingIDs(reserved: []) == ["poznamka-1-2"])
        #expect(ids.contains("poznamka-1-2"))
        // A note nobody refers to has no link back to a missing reference.
        #expect(!html.contains("#odkaz-2"))
    }

    // MARK: One heading per topic

    /// A body section headed like one of the page's own sections goes into that section.
    @Test func aBodySectionNamedLikeAPageSectionIsPlacedInIt() throws {
        let body = """
            Text projektu.

            ## Financování

            Město hradí [podíl](#cile-projektu) z rozpočtu.

            ### Rozpočet města

            Podrobnosti.

            ## Cíle projektu

            Snížit riziko kriminality.

            ## Harmonogram

            Tři roky.

            ### Rozpočet města

            Znovu.

            """
        let start = try #require(TestPortal.minimalProject.range(of: "---\nText projektu."))
        let record = String(TestPortal.minimalProject[..<start.lowerBound]) + "---\n" + body
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/test.md": record])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let html = try portal.page("projekty/test/index.html")
        let headings = Self.captures(#"<h2[^>]*>(.*?)</h2>"#, in: html)
        #expect(headings.filter { $0 == "Financování" }.count == 1, "\(headings)")
        #expect(headings.filter { $0 == "Cíle projektu" }.count == 1, "\(headings)")
        #expect(headings.contains("Harmonogram"))
        // The city's text is all there, inside the page's section, after its own table.
        let funding = try #require(Self.captures(#"(<h2 id="funding-heading">.*?</section>)"#, in: html).first)
        #expect(funding.contains("Město hradí"))
        #expect(funding.contains(#"<h3 id="rozpocet-mesta">Rozpočet města</h3>"#))
        #expect(funding.range(of: "<table")!.lowerBound < funding.range(of: "Město hradí")!.lowerBound)
        let goals = try #require(Self.captures(#"(<h2 id="goals-heading">.*?</section>)"#, in: html).first)
        #expect(goals.contains("Snížit riziko kriminality.</p>"))
        // Links to the moved headings' ids still land.
        #expect(html.contains(#"<div id="financovani" class="body">"#))
        #expect(html.contains(#"<div id="cile-projektu" class="body">"#))
        #expect(html.contains(##"href="#cile-projektu""##))
        // Every heading has the id the outline gives it, so anchor checks and the page agree.
        let outline = BodyOutline(body: body)
        let pageIDs = Self.captures(#" id="([^"]+)""#, in: html)
        #expect(Set(pageIDs).count == pageIDs.count, "an id is given twice")
        for id in outline.headingIDs(reserved: try Self.templateIDs()) { #expect(pageIDs.contains(id), "#\(id) is not on the page") }
        #expect(html.contains(#"<h3 id="rozpocet-mesta-2">Rozpočet města</h3>"#))
    }

    /// The ids the built-in theme's templates hold.
    static func templateIDs() throws -> Set<String> {
        try #require(Theme.load(portalRoot: TestPaths.repositoryRoot, language: .cs).0?.staticIDs)
    }

    /// Without the page's section (no budget), the body's section stays where it is.
    @Test func aBodySectionStaysWhenThePageHasNoSuchSection() throws {
        let short = "## Financování\n\nText.\n"
        let shortOutline = BodyOutline(body: short)
        let split = TopicSections(body: short, outline: shortOutline, headingIDs: shortOutline.headingIDs(reserved: []), titles: ["goals": "Cíle projektu"])
        #expect(split.body == short)
        #expect(split.sections.isEmpty)
        let long = "Úvod.\n\n## financování:\n\nText.\n\n## Jiné\n"
        let longOutline = BodyOutline(body: long)
        let taken = TopicSections(body: long, outline: longOutline, headingIDs: longOutline.headingIDs(reserved: []), titles: ["funding": "Financování"])
        #expect(taken.body == "Úvod.\n\n\n\n\n\n## Jiné\n")
        #expect(taken.sections["funding"]?.map(\.text) == ["Text."])
        #expect(taken.sections["funding"]?.first?.anchor == "financovani")
        #expect(taken.takenIDs == ["financovani"])
    }

    // MARK: Tables

    static func table(_ rows: [[String]], columns: [String], rowHeaders: Bool = true, merge: Bool = false) -> ContentTable {
        var table = ContentTable(id: "t", caption: "Caption", columns: columns, rows: rows, rowHeaders: rowHeaders,
                                 location: SourceLocation(file: "x.md"))
        table.mergeFirstColumn = merge
        return table
    }

    @Test func amountAndCountColumnsAreRightAlignedReferenceColumnsLeft() {
        let html = TableHTML.render(Self.table(
            [["Mzdy", "1.1–1.4", "6 516 052,50 Kč", "3", "85 %"],
             ["Školení", "1.1, 1.2", "651 606,25 Kč", "12", "10,5 %"]],
            columns: ["Položka", "Cíl", "Částka", "Osob", "Podíl"]))
        #expect(html.contains(#"<th scope="col">Cíl</th><th scope="col" class="num">Částka</th><th scope="col" class="num">Osob</th><th scope="col" class="num">Podíl</th>"#))
        #expect(html.contains(#"<th scope="row">Mzdy</th><td>1.1–1.4</td><td class="num">6 516 052,50 Kč</td><td class="num">3</td><td class="num">85 %</td>"#))
        #expect(html.contains(#"<td>1.1, 1.2</td>"#))
    }

    @Test func aColumnWithOneTextCellIsText() {
        let kinds = ColumnKind.of(Self.table([["a", "10"], ["b", "neuvedeno"], ["c", ""]], columns: ["x", "y"]))
        #expect(kinds == [.text, .text])
        #expect(ColumnKind.of(Self.table([["a", "10"], ["b", ""]], columns: ["x", "y"])) == [.text, .number])
    }

    @Test(arguments: [("6 516 052,50 Kč", true), ("6\u{00A0}516\u{00A0}052,50\u{00A0}Kč", true), ("85 %", true), ("-3,5", true),
                      ("1 000 000", true), ("12", true), ("1.1–1.4", false), ("1.1", false), ("04-05/2023", false),
                      ("1 00", false), ("12 345 6", false), ("Kč", false), ("2,", false), ("LK, obec", false)])
    func numbersAsCzechTextWritesThem(cell: String, isNumber: Bool) {
        #expect(ColumnKind.isNumber(cell) == isNumber)
    }

    @Test func mergingStatesARepeatedFirstCellOnceWithItsRowGroupScope() {
        let html = TableHTML.render(Self.table(
            [["A", "a1", "1"], ["A", "a2", "2"], ["B", "b1", "3"], ["", "x", "4"], ["", "y", "5"]],
            columns: ["Kritérium", "Ukazatel", "Počet"], merge: true))
        #expect(html.contains(#"<tbody><tr><th scope="rowgroup" rowspan="2">A</th><th scope="row">a1</th><td class="num">1</td></tr><tr><th scope="row">a2</th><td class="num">2</td></tr></tbody>"#))
        #expect(html.contains(#"<tbody><tr><th scope="rowgroup">B</th><th scope="row">b1</th>"#))
        // Empty first cells are not one group.
        #expect(html.components(separatedBy: "<tbody>").count == 5)
        #expect(!html.contains("<th scope=\"rowgroup\" rowspan=\"2\"></th>"))
    }

    @Test func withoutMergingEveryRowKeepsItsFirstCell() {
        let html = TableHTML.render(Self.table([["A", "1"], ["A", "2"]], columns: ["x", "y"]))
        #expect(html.components(separatedBy: #"<th scope="row">A</th>"#).count == 3)
        #expect(!html.contains("rowgroup"))
    }

    @Test func mergeFirstColumnIsAKnownFieldOfTheSchema() {
        #expect(ContentTable.fields.contains("merge_first_column"))
    }
}
