import Foundation
import Testing
@testable import PublicitaKit

/// The shortcuts rendering takes for speed give exactly what the slow way gives:
/// the byte-level escapers escape as the reference table says, the header/footer memo
/// gives each page the header that page would have got, and bodies read again
/// without the front matter's text are the bodies the splitter gives.
@Suite("Rendering shortcuts")
struct RenderingShortcutTests {
    @Test("the templates' escaper and HTML.escape give what escaping character by character gives")
    func escapersMatchTheReference() throws {
        let (set, errors) = MustacheSet.compile(["t": "{{value}}"])
        #expect(errors.isEmpty)
        let entities: [Character: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        var generator = SplitMix64(seed: 0x4573_6361_7065)
        let alphabet = Array("aá<>&\"'ž €\n\t;#=/x💶")
        var samples = ["", "plain", "<script>alert('x')</script>", "a & b", "\"quoted\"", "Tom's", "&amp;", "ěščřžýáíé"]
        for _ in 0..<500 {
            samples.append(String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }))
        }
        for sample in samples {
            let expected = sample.map { entities[$0] ?? String($0) }.joined()
            let rendered = try #require(set.render(["value": sample], template: "t"))
            #expect(String(decoding: rendered, as: UTF8.self) == expected, "escaping \(sample.debugDescription)")
            #expect(HTML.escape(sample) == expected)
        }
    }

    @Test("a template's syntax error is reported at the line and column of the tag at fault")
    func syntaxErrorColumnIsTheAuthors() throws {
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try Data("<p>{{#open}}</p>".utf8).write(to: root.appendingPathComponent("templates/page.mustache"))
            let (_, diagnostics) = Theme.load(portalRoot: root, language: .cs)
            let error = try #require(diagnostics.first { $0.rule == RuleID.templateSyntax })
            #expect(error.location.file == "templates/page.mustache")
            #expect(error.location.line == 1)
            #expect(error.location.column == 4, "the unclosed section's opening tag")
        }
    }

    @Test("the header memo keys on every value the partial's render read, and only reuses a text for equal inputs")
    func partialMemoKeys() throws {
        let source = """
            <p{{#portal_lang}} lang="{{.}}"{{/portal_lang}}>{{portal_title}}</p>
            {{#nav}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{title}}</a>{{/nav}}{{t.main_navigation}}
            """
        try withTemporaryDirectory { root in
            try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try Data(source.utf8).write(to: root.appendingPathComponent("templates/header.mustache"))
            let theme = try #require(Theme.load(portalRoot: root, language: .cs).0)
            let memo = PartialMemo(template: "header")
            /// The memo's text, checked against a render without it, and whether it was rendered now.
            func render(_ context: [String: Any], _ language: Language = .cs) throws -> (text: String, rendered: Bool) {
                let before = memo.renders
                let text = try #require(memo.render(context, theme: theme, language: language))
                #expect(text == theme.render(context, template: "header", language: language))
                return (text, memo.renders > before)
            }
            let home: [String: Any] = ["portal_title": "Portál", "nav": [["href": "/", "title": "Přehled", "current": true],
                                                                            ["href": "/aktuality/", "title": "Aktuality", "current": false]]]
            var news = home
            news["nav"] = [["href": "/", "title": "Přehled", "current": false], ["href": "/aktuality/", "title": "Aktuality", "current": true]]
            var withLanguage = home
            withLanguage["portal_lang"] = "cs"
            var other = home
            other["unrelated"] = "a value the partial never reads"
            #expect(try render(home).rendered)
            #expect(try render(home).rendered == false, "the same values: the kept text")
            #expect(try render(news).rendered, "another current page is another header")
            #expect(try render(withLanguage).rendered)
            #expect(try render(home, .en).rendered, "another language is another header")
            #expect(try render(other).rendered == false, "values the partial never reads do not matter")
            #expect(try render(["portal_title": 3.5]).rendered && render(["portal_title": 3.5]).rendered,
                    "a value the memo cannot describe is not kept")
            // The page's own `title` is shadowed by every nav item's title, until an item lacks one.
            var titled = home
            titled["title"] = "Název stránky"
            #expect(try render(titled).rendered == false, "every nav item has its own title")
            var untitledItem = home
            untitledItem["nav"] = [["href": "/", "current": true]]
            var untitledItemTitled = untitledItem
            untitledItemTitled["title"] = "Název stránky"
            #expect(try render(untitledItem).rendered)
            #expect(try render(untitledItemTitled).rendered, "an item without a title shows the page's")
            // Field boundaries are part of the key: "ab"+"c" is not "a"+"bc".
            #expect(try render(["portal_title": "ab", "portal_lang": "c"]).rendered)
            #expect(try render(["portal_title": "a", "portal_lang": "bc"]).rendered)
        }
    }

    /// A generated portal of `projects` built into `folder`/site, with the theme and
    /// site model the build used (to render parts directly and compare).
    private static func builtCorpus(projects: Int, in folder: URL) throws -> (output: URL, theme: Theme, site: Site) {
        let portal = folder.appendingPathComponent("portal")
        try generateCorpus(projects: projects, into: portal)
        let output = folder.appendingPathComponent("site")
        #expect(!runBuilder(portal: portal, output: output).failed)
        let root = try #require(ContentLoader.load(portalAt: portal).0)
        let theme = try #require(Theme.load(portalRoot: portal, language: root.config.language).0)
        return (output, theme, Site(portal: root, reservedIDs: theme.staticIDs, today: testToday))
    }

    @Test("every page of a built portal has the header and footer it would have without the memo")
    func memoizedHeaderMatchesDirectRendering() throws {
        try withTemporaryDirectory { folder in
            let (output, theme, site) = try Self.builtCorpus(projects: 12, in: folder)
            let strings = theme.strings
            var checked = 0
            for page in site.pages where page.isHTMLPage {
                let html = try readOutputFile(output, page.outputFile)
                let context = PageContext(site: site, strings: strings, path: page.path).layout(
                    path: page.path, title: "", description: nil, content: RenderedHTML(bytes: []))
                for partial in ["header", "footer", "head-links"] {
                    // The page is typeset as a whole, the partial with it.
                    let direct = Typography(language: site.language(of: page))
                        .apply(to: try #require(theme.render(context, template: partial)))
                    #expect(html.contains(direct), "\(partial) of \(page.path)")
                }
                checked += 1
            }
            #expect(checked > 20)
        }
    }

    @Test("a project's row is rendered once and is the same row on every list that shows it")
    func projectRowsAreSharedAcrossLists() throws {
        try withTemporaryDirectory { folder in
            let (output, theme, site) = try Self.builtCorpus(projects: 120, in: folder)
            let root = site.portal
            let context = PageContext(site: site, strings: theme.strings)
            let lists = relativeFiles(in: output).filter { $0.hasSuffix("index.html") && !$0.hasPrefix("projekty/") }
                .map { try? readOutputFile(output, $0) }.compactMap { $0 }
            for index in [0, 37, 119] {
                // The row the template gives for the project's fields, rendered directly.
                let fields = ProjectSummaryView(context: context).row(root.projects[index])
                let expected = try #require(theme.render(fields, template: "project-row"))
                let showing = lists.filter { $0.contains("<a href=\"\(Route.project(root.projects[index].source.slug.value))\"") }
                #expect(showing.count >= 3, "all projects, a filter page, its city")
                for page in showing { #expect(page.contains(expected + "\n")) }
            }
        }
    }

    @Test("a portal's own project table that reads the row fields still gets them")
    func ownProjectTableReadsRowFields() throws {
        try withTemporaryDirectory { folder in
            let portal = folder.appendingPathComponent("portal")
            try generateCorpus(projects: 3, into: portal)
            try FileManager.default.createDirectory(at: portal.appendingPathComponent("templates"), withIntermediateDirectories: true)
            try Data("<ul>{{#projects}}<li class=\"own\">{{title}} – {{total_text}}</li>{{/projects}}</ul>".utf8)
                .write(to: portal.appendingPathComponent("templates/project-table.mustache"))
            let output = folder.appendingPathComponent("site")
            #expect(!runBuilder(portal: portal, output: output).failed)
            let home = try readOutputFile(output, "index.html")
            #expect(captures(of: "<li class=\"own\">([^<]+ – [0-9][^<]*Kč)</li>", in: home).count == 3)
            // Every later list takes the rows the first one made: they keep their fields too.
            let lists = relativeFiles(in: output).filter { $0.hasSuffix("index.html") && $0 != "index.html" }
                .compactMap { try? readOutputFile(output, $0) }.filter { $0.contains("<li class=\"own\">") }
            #expect(lists.count >= 2, "a city's page and a filter page")
            for list in lists {
                #expect(!captures(of: "<li class=\"own\">([^<]+ – [0-9][^<]*Kč)</li>", in: list).isEmpty)
                #expect(!list.contains("<li class=\"own\"> – </li>"))
            }
        }
    }

    @Test("a row is kept as its HTML alone only when no template reads its fields")
    func rowFieldsAreKeptWhenATemplateReadsThem() throws {
        let builtIn = try #require(Theme.load(portalRoot: URL(fileURLWithPath: "/nonexistent-portal"), language: .cs).0)
        #expect(builtIn.library.namesRead(insideSectionsNamed: "projects") == ["row_html"])
        #expect(!ProjectRowMemo(theme: builtIn).keepsFields, "the built-in lists show a row as its HTML only")

        func names(_ sources: [String: String]) -> Set<String>? {
            let (set, errors) = MustacheSet.compile(sources)
            #expect(errors.isEmpty)
            return set.namesRead(insideSectionsNamed: "projects")
        }
        // Through a partial, in a nested section, and in a section named like a field.
        #expect(names(["list": "{{#projects}}{{> row}}{{/projects}}", "row": "<b>{{{row_html}}}</b>{{#city_href}}{{.}}{{/city_href}}"])
                == ["row_html", "city_href"])
        #expect(names(["list": "{{#projects}}{{#projects}}{{title}}{{/projects}}{{/projects}}"]) == ["projects", "title"])
        // An inverted section shows no row; names outside the section are not the rows'.
        #expect(names(["list": "{{title}}{{^projects}}{{empty}}{{/projects}}"]) == [])
        // The row itself or a partial named by a value: anything may be read.
        #expect(names(["list": "{{#projects}}{{.}}{{/projects}}"]) == nil)
        #expect(names(["list": "{{#projects}}{{>*kind}}{{/projects}}"]) == nil)
    }

    @Test("a body read again is the body the splitter gives, for every line-ending and delimiter form")
    func bodyOfMatchesSplit() throws {
        let bodies = ["", "\n", "text", "# Nadpis\n\nodstavec\n", "a\r\nb\r\n", "---\nnot a delimiter inside\n---\n"]
        let openers = ["---\n", "\u{FEFF}---\n", "---  \n", "--- \t\n"]
        let closers = ["---\n", "---", "--- \n", "---\r\n"]
        for body in bodies {
            for opener in openers {
                for closer in closers {
                    let text = opener + "title: X\nbudget:\n  total: 1 Kč\n" + closer + body
                    let split = (try? FrontMatter.split(text))?.body
                    #expect(FrontMatter.body(of: text) == split, "\(text.debugDescription)")
                    // The same from the file's bytes, as a page reads its body again.
                    #expect(Array(text.utf8).withUnsafeBufferPointer { FrontMatter.body(ofFile: $0) } == split, "\(text.debugDescription)")
                }
            }
        }
        #expect(FrontMatter.body(of: "no front matter") == nil)
        #expect(FrontMatter.body(of: "---\ntitle: never closed\n") == nil)
        // A body that is not UTF-8 (the file changed since it was loaded) gives nothing.
        #expect(([0x2D, 0x2D, 0x2D, 0x0A, 0x2D, 0x2D, 0x2D, 0x0A, 0xC3, 0x28] as [UInt8]).withUnsafeBufferPointer { FrontMatter.body(ofFile: $0) } == nil)
    }
}
