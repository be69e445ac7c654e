import Foundation
import Testing
@testable import PublicitaKit

/// No value an author writes can add an attribute to the markup: author-chosen
/// identifiers are refused unless they have the strict shape, and every attribute
/// Swift writes goes through `HTML.attribute`, which escapes its value.
@Suite("Attribute injection")
struct AttributeInjectionTests {
    /// Values that end an attribute in each way a browser allows.
    static let hostile = [
        #"x" onmouseover="alert(1)"#,
        "x' onmouseover='alert(1)",
        #"x"><img src=x onerror=alert(1)>"#,
        "x onmouseover=alert(1)",
    ]

    static func expectNoInjection(_ html: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(AttributeScanner.eventHandlers(in: html).isEmpty, "\(html)", sourceLocation: sourceLocation)
        #expect(!AttributeScanner.tags(in: html).contains { $0.name == "img" && $0.value(of: "src") == "x" }, "\(html)",
                sourceLocation: sourceLocation)
    }

    @Test(arguments: hostile) func attributeEscapesItsValue(value: String) throws {
        let html = HTML.startTag("span", ["id": value, "title": value])
        Self.expectNoInjection(html)
        let tag = try #require(AttributeScanner.tags(in: html).first)
        #expect(tag.attributes.map(\.name) == ["id", "title"])
        #expect(tag.value(of: "id") == value)
    }

    @Test(arguments: hostile) func tableMarkupKeepsAnyIDInsideItsAttributes(value: String) throws {
        let table = ContentTable(id: value, caption: value, columns: [value, "Kč"], rows: [[value, "1 000"]], rowHeaders: true,
                                 location: SourceLocation(file: "content/reports/x.md", line: 1))
        let html = TableHTML.render(table)
        Self.expectNoInjection(html)
        let tags = AttributeScanner.tags(in: html)
        #expect(tags.first { $0.name == "table" }?.value(of: "id") == "t-\(value)")
        #expect(tags.first { $0.name == "caption" }?.value(of: "id") == "t-\(value)-caption")
        #expect(tags.first { $0.name == "div" }?.value(of: "aria-labelledby") == "t-\(value)-caption")
    }

    @Test(arguments: hostile) func fundingChartKeepsAnyIDAndLabelInside(value: String) throws {
        let segments = [
            FundingChart.Segment(label: value, kind: .eu, amount: Money(halere: 85), amountText: value, shareText: value),
            FundingChart.Segment(label: value, kind: .national, amount: Money(halere: 15), amountText: "15", shareText: "15 %"),
        ]
        let svg = try #require(FundingChart.svg(segments: segments, total: Money(halere: 100), title: value, id: value))
        Self.expectNoInjection(svg)
        let tags = AttributeScanner.tags(in: svg)
        #expect(tags.first { $0.name == "svg" }?.value(of: "aria-labelledby") == "\(value)-title \(value)-desc")
        #expect(tags.contains { $0.value(of: "fill") == "url(#\(value)-p-national)" })
    }

    @Test(arguments: hostile) func bodyHeadingsLinkNotesAndPassagesAddNoAttribute(value: String) {
        let body = "## \(value)\n\n[odkaz](https://example.cz/) a [text](lang:en) a ![\(value)](/a.png)\n"
        let html = MarkdownDocument(body).html(link: { destination in
            MarkdownDocument.LinkRewrite(destination: destination, note: value)
        })
        Self.expectNoInjection(html)
        #expect(AttributeScanner.tags(in: html).first { $0.name == "h2" }?.attributes.map(\.name) == ["id"])
        #expect(html.contains("<span lang=\"en\">text</span>"))
    }

    @Test(arguments: hostile) func glossaryTitlesKeepAnyMeaningInside(value: String) throws {
        let glossary = Glossary([Abbreviation(abbr: "APK", meaning: value)])
        let html = glossary.apply(to: "<p>Asistenti APK pracují.</p>")
        Self.expectNoInjection(html)
        #expect(AttributeScanner.tags(in: html).first { $0.name == "abbr" }?.value(of: "title") == value)
    }

    // MARK: Identifiers

    @Test func tableIDsMustHaveTheStrictShape() {
        for valid in ["harmonogram", "t", "prubeh-2023", String(repeating: "a", count: 64)] {
            #expect(Identifier.isValid(valid), "\(valid)")
        }
        for invalid in Self.hostile + ["", "2024", "-a", "Harmonogram", "harmonogram 2024", "průběh", "a_b", "a.b",
                                       String(repeating: "a", count: 65), "a\u{0}"] {
            #expect(!Identifier.isValid(invalid), "\(invalid)")
        }
        #expect(Identifier.suggestion(for: #"x" onmouseover="alert(1)"#, prefix: "tabulka") == "x-onmouseover-alert-1")
        #expect(Identifier.suggestion(for: "2024", prefix: "tabulka") == "tabulka-2024")
        #expect(Identifier.suggestion(for: "Průběh říjen–prosinec", prefix: "tabulka") == "prubeh-rijen-prosinec")
        #expect(Identifier.suggestion(for: "***", prefix: "tabulka") == "x")
        for text in Self.hostile + ["2024", String(repeating: "Ž", count: 200), "***", "-"] {
            #expect(Identifier.isValid(Identifier.suggestion(for: text, prefix: "tabulka")), "\(text)")
        }
    }

    static let report = """
        ---
        title: Zpráva
        city: Testov
        date: 2025-01-15
        tables:
          - id: 'x" onmouseover="alert(1)'
            caption: Harmonogram
            columns: [Krok, Popis]
            rows:
              - ["1", Nábor]
        ---
        Zpráva.

        """

    @Test func aTableIDThatCouldBreakOutIsAnErrorAtItsLineWithASuggestion() throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/reports/zprava.md": Self.report])
        let outcome = portal.build()
        let error = try #require(outcome.diagnostics(RuleID.tableId).first)
        #expect(outcome.errors.map(\.rule) == [RuleID.tableId])
        #expect(error.location.line == lineNumber(ofLineStartingWith: "- id:", in: Self.report))
        #expect(error.field == "tables[0].id")
        #expect(error.suggestion?.cs.contains("id: x-onmouseover-alert-1") == true)
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("zpravy/zprava/index.html").path))
    }

    // MARK: A whole build

    /// A portal with a hostile value in every field an author controls that the
    /// theme writes into an attribute (or next to one): the site builds, and no page
    /// has an event handler or an element the theme did not write.
    @Test func noAuthorValueAddsAnAttributeToAnyPage() throws {
        let value = #"x" onmouseover="alert(1)" '><img src=x onerror=alert(1)>"#
        let yamlValue = "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        let portalYAML = try edited(TestPortal.minimalPortalYAML, replacing: "description: Portál pro testy publicity.",
                                    with: "description: \(yamlValue)\nglossary:\n  - abbr: APK\n    meaning: \(yamlValue)")
        var project = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: \(yamlValue)")
        project = try edited(project, replacing: "city: Testov", with: "city: \(yamlValue)")
        project = try edited(project, replacing: "programme: Operační program Zaměstnanost", with: "programme: \(yamlValue)")
        project = try edited(project, replacing: "summary: Projekt pro testy.", with: """
            summary: \(yamlValue)
            documents:
              - title: \(yamlValue)
                href: /dokumenty/zprava.pdf
                note: \(yamlValue)
            activities:
              - code: \(yamlValue)
                title: \(yamlValue)
                summary: \(yamlValue)
            """)
        project = try edited(project, replacing: "Text projektu.", with: """
            Text projektu, APK a [\(value)](https://example.cz/?q=\(value.replacingOccurrences(of: " ", with: "%20"))) \
            a [\(value)](lang:en) a ![\(value)](/dokumenty/zprava.pdf).

            ## \(value)

            ```table harmonogram
            ```
            """)
        project = try edited(project, replacing: "contacts:", with: """
            tables:
              - id: harmonogram
                caption: \(yamlValue)
                columns: [\(yamlValue), B]
                rows:
                  - [\(yamlValue), \(yamlValue)]
            contacts:
            """)
        let portal = try TestPortal(files: [
            "portal.yaml": portalYAML,
            "content/projects/testovaci-projekt.md": project,
            "content/news/novinka.md": "---\ntitle: \(yamlValue)\ndate: 2026-01-05\nsummary: \(yamlValue)\n---\n\(value)\n",
            "content/pages/o-portalu.md": "---\ntitle: \(yamlValue)\norder: 1\nsummary: \(yamlValue)\n---\n## \(value)\n",
        ], binaryFiles: ["static/dokumenty/zprava.pdf": Data("%PDF-1.4\n".utf8)])
        let outcome = portal.build()
        #expect(outcome.errors.isEmpty, "\(outcome.errors.map { "\($0.location) \($0.rule) \($0.message.en)" })")
        let files = FileManager.default.enumerator(atPath: portal.output.path)?.compactMap { $0 as? String } ?? []
        let pages = files.filter { $0.hasSuffix(".html") }
        #expect(pages.count >= 8)
        var checkedValues = 0
        for page in pages {
            let html = try readOutputFile(portal.output, page)
            #expect(AttributeScanner.eventHandlers(in: html).isEmpty, "\(page): \(AttributeScanner.eventHandlers(in: html))")
            #expect(!AttributeScanner.tags(in: html).contains { $0.name == "img" && $0.value(of: "src") == "x" }, "\(page)")
            checkedValues += AttributeScanner.tags(in: html).flatMap(\.attributes).count { $0.value?.contains(value) == true }
        }
        // The values did reach attributes (a title, a description, an abbreviation's meaning): kept whole, inside.
        #expect(checkedValues > 0)
    }
}
