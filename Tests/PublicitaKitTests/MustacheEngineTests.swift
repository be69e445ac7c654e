import Foundation
import Testing
@testable import PublicitaKit

/// The template engine beyond the spec: its errors name the template, line and
/// column of the tag at fault, and it renders the view values as swift-mustache did
/// (so portals' own templates keep working).
@Suite("Mustache engine")
struct MustacheEngineTests {
    private func errors(_ sources: [String: String]) -> [MustacheError] {
        MustacheSet.compile(sources).1
    }

    private func render(_ template: String, _ context: Any, partials: [String: String] = [:]) throws -> String {
        var sources = partials
        sources["main"] = template
        let (set, errors) = MustacheSet.compile(sources)
        #expect(errors.isEmpty, "\(errors)")
        return String(decoding: try #require(set.render(context, template: "main")), as: UTF8.self)
    }

    @Test("an unclosed section is reported at its opening tag")
    func unclosedSection() {
        let found = errors(["page": "<p>\n  <b>{{#open}}x\n</p>\n"])
        #expect(found == [MustacheError(kind: .unclosedSection("open"), template: "page", line: 2, column: 6)])
    }

    @Test("a close tag of another section is reported where it stands, naming the open one")
    func mismatchedClose() {
        let found = errors(["page": "{{#a}}\n{{#b}}ž{{/a}}\n{{/b}}"])
        #expect(found == [MustacheError(kind: .mismatchedClose(expected: "b", found: "a"), template: "page", line: 2, column: 8)])
        #expect(errors(["page": "x {{/a}}"]) == [MustacheError(kind: .unopenedClose("a"), template: "page", line: 1, column: 3)])
    }

    @Test("a partial naming no template is an error at the partial's tag; the template still renders")
    func unknownPartial() throws {
        let (set, found) = MustacheSet.compile(["page": "a\n\tb {{> nowhere }}c"])
        #expect(found == [MustacheError(kind: .unknownPartial("nowhere"), template: "page", line: 2, column: 4)])
        #expect(set.render([String: Any](), template: "page").map { String(decoding: $0, as: UTF8.self) } == "a\n\tb c")
        let (_, none) = MustacheSet.compile(["page": "{{> nowhere}}"], unknownPartial: .empty)
        #expect(none.isEmpty)
    }

    @Test("an unclosed tag, an empty name, bad delimiters and an unknown pragma are errors at their tag")
    func otherSyntaxErrors() {
        #expect(errors(["t": "ok {{name"]).map(\.kind) == [.unclosedTag])
        #expect(errors(["t": "{{ }}"]).map(\.kind) == [.emptyName])
        #expect(errors(["t": "\n\n {{=<%=}}"]) == [MustacheError(kind: .invalidDelimiters, template: "t", line: 3, column: 2)])
        #expect(errors(["t": "{{%FILTERS}}"]).map(\.kind) == [.unknownPragma("FILTERS")])
        #expect(errors(["t": "{{<parent}}{{/parent}}"]).map(\.kind) == [.unsupported("{{<parent}}")])
    }

    @Test("a template with an error is left out of the set; the others render")
    func brokenTemplateIsLeftOut() {
        let (set, found) = MustacheSet.compile(["bad": "{{#x}}", "good": "{{> bad}}ok"])
        #expect(found.count == 1, "only the broken template's own error, not also an unknown partial")
        #expect(set.render([String: Any](), template: "bad") == nil)
        #expect(set.render([String: Any](), template: "good") == Array("ok".utf8))
    }

    @Test("values render as swift-mustache rendered them")
    func swiftMustacheValues() throws {
        let context: [String: Any] = [
            "text": "", "zero": 0, "yes": true, "no": false, "number": 42, "price": 1.5,
            "items": [["name": "a"], ["name": "b"], ["name": "c"]], "none": [String](), "words": ["x", "y"],
            "row": ["title": "Řádek"], "tags": Set(["only"]),
        ]
        // An empty text and a zero are values (the section renders); an empty list and false are not.
        #expect(try render("{{#text}}T{{/text}}{{#zero}}Z{{/zero}}{{#none}}N{{/none}}{{#no}}F{{/no}}{{^none}}!{{/none}}", context) == "TZ!")
        #expect(try render("{{number}} {{price}} {{yes}} {{no}}", context) == "42 1.5 true false")
        #expect(try render("{{#items}}{{name}}{{^last()}},{{/last()}}{{/items}}", context) == "a,b,c")
        #expect(try render("{{#items}}{{index()}}{{#first()}}^{{/first()}}{{/items}}", context) == "0^12")
        #expect(try render("{{uppercased(row.title)}} {{count(items)}} {{#words}}<{{.}}>{{/words}}", context) == "ŘÁDEK 3 <x><y>")
        #expect(try render("{{#tags}}{{.}}{{/tags}}", context) == "only")
        // `.name` looks in the current value only; a plain name climbs to the page's.
        #expect(try render("{{#row}}[{{.number}}][{{number}}]{{/row}}", context) == "[][42]")
    }

    @Test("a value that is not a dictionary is looked up by its stored properties")
    func structValues() throws {
        struct Link { var href: String; var title: String? }
        let context: [String: Any] = ["links": [Link(href: "/a", title: "A"), Link(href: "/b", title: nil)]]
        #expect(try render("{{#links}}{{href}}={{title}};{{/links}}", context) == "/a=A;/b=;")
    }

    @Test("the content-type pragma TEXT turns escaping off until the block ends; partials escape again")
    func contentTypePragma() throws {
        let context: [String: Any] = ["v": "<&>", "s": true]
        let output = try render("{{v}}{{#s}}{{%CONTENT_TYPE:TEXT}}{{v}}{{> p}}{{/s}}{{v}}", context, partials: ["p": "{{v}}"])
        #expect(output == "&lt;&amp;&gt;<&>&lt;&amp;&gt;&lt;&amp;&gt;")
    }

    @Test("names fixed at load time are inlined, escaped as their tag says; unknown ones are looked up")
    func constantsInlined() throws {
        let strings = ["a": "<A>"]
        let (set, _) = MustacheSet.compile(["t": "{{t.a}}|{{{t.a}}}|{{t.b}}"]) { path in
            path.components.count == 2 && path.components[0] == "t" ? strings[path.components[1]] : nil
        }
        let rendered = try #require(set.render(["t": ["b": "dynamic"]], template: "t"))
        #expect(String(decoding: rendered, as: UTF8.self) == "&lt;A&gt;|<A>|dynamic")
        #expect(set.programs[0].ops.count == 2, "the inlined text joins the text around it into one chunk")
    }

    @Test("a partial that includes itself without end stops instead of overflowing the stack")
    func endlessRecursion() throws {
        let output = try render("{{> loop}}", [String: Any](), partials: ["loop": "x{{> loop}}"])
        #expect(output.count == 100)
    }

    @Test("rendered HTML handed to a template is appended as it is, escaped where a tag escapes, and counts as a value")
    func renderedHTML() throws {
        let content = RenderedHTML(bytes: Array("<p>Žluť & „ok“</p>".utf8))
        #expect(try render("<main>{{{content}}}</main>", ["content": content]) == "<main><p>Žluť & „ok“</p></main>")
        #expect(try render("{{content}}", ["content": content]) == "&lt;p&gt;Žluť &amp; „ok“&lt;/p&gt;")
        #expect(try render("{{#content}}[{{{.}}}]{{/content}}{{^content}}none{{/content}}", ["content": content]) == "[<p>Žluť & „ok“</p>]")
        // As a String is: an empty one still counts as a value.
        #expect(try render("{{#content}}set{{/content}}", ["content": RenderedHTML(bytes: [])]) == "set")
    }
}
