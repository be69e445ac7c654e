import Foundation
import Testing
@testable import PublicitaKit

/// The glossary marks the first use of each abbreviation on a page in text only;
/// links say when they leave the portal or lead to a file, with its type and size.
@Suite("Glossary and link notes")
struct GlossaryAndLinkNoteTests {
    private let glossary = Glossary([
        Abbreviation(abbr: "APK", meaning: "asistent prevence kriminality"),
        Abbreviation(abbr: "MP", meaning: "městská policie"),
        Abbreviation(abbr: "ČR", meaning: "Česká republika"),
        Abbreviation(abbr: "SR ČR", meaning: "státní rozpočet České republiky"),
        Abbreviation(abbr: "PČR", meaning: "Policie České republiky"),
        Abbreviation(abbr: "APK", meaning: "druhý význam se nepoužije"),
        Abbreviation(abbr: "ASZ/ OSZ/ AGENTURA", meaning: "Agentura pro sociální začleňování"),
        Abbreviation(abbr: "R&D", meaning: "výzkum a vývoj"),
    ])

    @Test func firstUseOnlyIsMarked() {
        let html = glossary.apply(to: "<p>Asistenti (APK) a další APK.</p><p>APK</p>")
        #expect(html == "<p>Asistenti (<abbr title=\"asistent prevence kriminality\">APK</abbr>) a další APK.</p><p>APK</p>")
    }

    @Test func wholeWordsAndCaseMatter() {
        let html = glossary.apply(to: "<p>MPL, mp, APKA, XAPK, MP.</p>")
        #expect(html == "<p>MPL, mp, APKA, XAPK, <abbr title=\"městská policie\">MP</abbr>.</p>")
    }

    @Test func nonASCIIBoundariesAndLongestMatchFirst() {
        let html = glossary.apply(to: "<p>zdroje SR ČR a PČR; ČR.</p>")
        #expect(html.contains("<abbr title=\"státní rozpočet České republiky\">SR ČR</abbr>"))
        #expect(html.contains("<abbr title=\"Policie České republiky\">PČR</abbr>"))
        #expect(html.contains("<abbr title=\"Česká republika\">ČR</abbr>."))
    }

    @Test func tagsAttributesAndSkippedElementsAreLeftAlone() {
        let input = """
            <h2 id="apk" title="APK">Nadpis</h2><a href="/apk/?q=APK" data-x='MP > APK'>odkaz</a>\
            <code>APK</code><pre>MP</pre><abbr title="x">APK</abbr><!-- APK --><svg><title>APK</title><text>MP</text></svg>\
            <p>Text: <a href="/x/">APK</a> a MP</p>
            """
        let html = glossary.apply(to: input)
        #expect(html.hasPrefix("<h2 id=\"apk\" title=\"APK\">Nadpis</h2><a href=\"/apk/?q=APK\" data-x='MP > APK'>odkaz</a><code>APK</code><pre>MP</pre><abbr title=\"x\">APK</abbr><!-- APK --><svg><title>APK</title><text>MP</text></svg>"))
        // Inside link text is fine; the first use in text outside the skipped elements is the one marked.
        #expect(html.hasSuffix("<p>Text: <a href=\"/x/\"><abbr title=\"asistent prevence kriminality\">APK</abbr></a> a <abbr title=\"městská policie\">MP</abbr></p>"))
    }

    @Test func firstMeaningWinsAndEntriesAreSorted() {
        #expect(glossary.entries.first { $0.abbr == "APK" }?.meaning == "asistent prevence kriminality")
        #expect(glossary.entries.filter { $0.abbr == "APK" }.count == 1)
        #expect(glossary.entries.map(\.abbr).first == "APK")
    }

    @Test func combinedEntriesAreFoundByTheirParts() {
        let html = glossary.apply(to: "<p>Spolupráce s ASZ a AGENTURA.</p>")
        #expect(html == "<p>Spolupráce s <abbr title=\"Agentura pro sociální začleňování\">ASZ</abbr> a AGENTURA.</p>")
    }

    @Test func escapedCharactersMatchTheirEscapedForm() {
        let html = glossary.apply(to: "<p>Oddělení R&amp;D.</p>")
        #expect(html == "<p>Oddělení <abbr title=\"výzkum a vývoj\">R&amp;D</abbr>.</p>")
    }

    @Test func meaningIsEscapedInTheAttribute() {
        let html = Glossary([Abbreviation(abbr: "X1", meaning: "a \"b\" <c>")]).apply(to: "<p>X1</p>")
        #expect(html == "<p><abbr title=\"a &quot;b&quot; &lt;c&gt;\">X1</abbr></p>")
    }

    @Test func fileSizesReadInCzechAndEnglish() {
        #expect(LinkDescription.formatSize(820, language: .cs) == "820\u{00A0}B")
        #expect(LinkDescription.formatSize(34_400, language: .cs) == "34\u{00A0}kB")
        #expect(LinkDescription.formatSize(1_234_567, language: .cs) == "1,2\u{00A0}MB")
        #expect(LinkDescription.formatSize(1_234_567, language: .en) == "1.2\u{00A0}MB")
        #expect(LinkDescription.formatSize(15_000_000, language: .cs) == "15\u{00A0}MB")
    }

    // MARK: Through the whole pipeline

    private static let portalYAML = """
        title: Testovací portál
        base_url: https://test.example.cz/
        publisher:
          name: Město Test
          url: https://www.test.example.cz/
        glossary:
          - abbr: APK
            meaning: asistent prevence kriminality
        eu_emblem:
          src: /loga/eu.svg
          includes_statement: true
        accessibility:
          contact_email: pristupnost@test.example.cz
          statement_date: 2026-11-01
        """

    private static let project = """
        ---
        title: Projekt APK
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824
        beneficiary: Město Test
        city: Test
        period:
          start: 2025-01-01
          end: 2030-12-31
        goals: [Zaměstnat APK]
        documents:
          - title: Závěrečná zpráva
            href: /dokumenty/zprava.pdf
          - title: Stránka města
            href: https://www.example.org/apk
          - title: Portál
            href: https://test.example.cz/
        ---
        ## Popis
        Projekt zaměstnává APK. Viz [zpráva](/dokumenty/zprava.pdf) a [web](https://www.example.org/).
        """

    private func build() throws -> (URL, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("publicita-glossary-\(UUID().uuidString)")
        let files: [String: Data] = [
            "portal.yaml": Data(Self.portalYAML.utf8),
            "content/projects/test.md": Data(Self.project.utf8),
            "static/dokumenty/zprava.pdf": Data(count: 1_234_567),
            "static/loga/eu.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
        ]
        for (path, data) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        let output = root.appendingPathComponent("site")
        let outcome = Builder.run(.init(portalRoot: root, output: output, today: Day(year: 2026, month: 11, day: 22)!))
        #expect(!outcome.failed, "\(outcome.diagnostics)")
        return (root, output)
    }

    /// A project's data file names its documents by addresses a reader can open:
    /// the portal's own under its base path, other websites' as written.
    @Test func projectDataFileGivesDocumentsFullAddresses() throws {
        let (root, output) = try build()
        defer { try? FileManager.default.removeItem(at: root) }
        let data = try Data(contentsOf: output.appendingPathComponent("data/projekty/test.json"))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let hrefs = (record["documents"] as? [[String: Any]])?.compactMap { $0["href"] as? String }
        #expect(hrefs == ["https://test.example.cz/dokumenty/zprava.pdf", "https://www.example.org/apk", "https://test.example.cz/"])
    }

    @Test func glossaryPageListsAbbreviationsAndIsLinkedFromTheFooter() throws {
        let (root, output) = try build()
        defer { try? FileManager.default.removeItem(at: root) }
        let glossaryPage = try String(contentsOf: output.appendingPathComponent("zkratky/index.html"), encoding: .utf8)
        #expect(glossaryPage.contains("<dt>APK</dt><dd>asistent prevence kriminality</dd>"))
        #expect(!glossaryPage.contains("<abbr"))
        let project = try String(contentsOf: output.appendingPathComponent("projekty/test/index.html"), encoding: .utf8)
        #expect(project.contains("<a href=\"/zkratky/\">Zkratky</a>"))
        // The title is never marked; the first use in the page's content is.
        #expect(project.contains("<title>Projekt APK – Testovací portál</title>"))
        #expect(project.contains("<h1>Projekt <abbr title=\"asistent prevence kriminality\">APK</abbr></h1>"))
        #expect(project.components(separatedBy: "<abbr").count == 2)
    }

    @Test func documentLinksStateTypeSizeAndExternalTarget() throws {
        let (root, output) = try build()
        defer { try? FileManager.default.removeItem(at: root) }
        let html = try String(contentsOf: output.appendingPathComponent("projekty/test/index.html"), encoding: .utf8)
        #expect(html.contains("<a href=\"/dokumenty/zprava.pdf\">Závěrečná zpráva <span class=\"link-note\">(PDF, 1,2\u{00A0}MB)</span></a>"))
        #expect(html.contains("<a href=\"https://www.example.org/apk\">Stránka města <span class=\"link-note\">(externí odkaz)</span></a>"))
        #expect(html.contains("<a href=\"https://test.example.cz/\">Portál</a>"))
        // Links in the Markdown body get the same notes.
        #expect(html.contains("<a href=\"/dokumenty/zprava.pdf\">zpráva <span class=\"link-note\">(PDF, 1,2\u{00A0}MB)</span></a>"))
        #expect(html.contains("<a href=\"https://www.example.org/\">web <span class=\"link-note\">(externí odkaz)</span></a>"))
        #expect(html.contains("Město Test <span class=\"link-note\">(externí odkaz)</span></a>"))
    }

    @Test func suppliedEmblemThatShowsTheStatementIsNamedByIt() throws {
        let (root, output) = try build()
        defer { try? FileManager.default.removeItem(at: root) }
        let html = try String(contentsOf: output.appendingPathComponent("projekty/test/index.html"), encoding: .utf8)
        #expect(html.contains("<img class=\"eu-emblem\" src=\"/loga/eu.svg\" alt=\"Spolufinancováno Evropskou unií\">"))
        #expect(!html.contains("<span>Spolufinancováno Evropskou unií</span>"))
    }
}
