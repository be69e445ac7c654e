import Foundation
import Testing
@testable import PublicitaKit

/// A passage in another language is marked `[…](lang:en)` and reaches the page as
/// `<span lang="en">…</span>` (WCAG 2.2, 3.1.2 Language of Parts); a mark without a
/// language code is an error at its line, and no tag reaches an attribute unchecked.
@Suite("Passages in another language")
struct LanguagePassageTests {
    @Test(arguments: ["en", "de", "sk", "cs", "ces", "en-GB", "de-AT", "sr-Latn", "es-419", "EN"])
    func languageTagsAreAccepted(_ tag: String) {
        #expect(LanguageTag(tag)?.value == tag)
    }

    @Test(arguments: ["", "e", "anglicky", "english", "en_GB", "en-", "-en", "en--GB", "en GB", "x-private", "en-toolongsubtag",
                      "en\"", "en\" onmouseover=\"alert(1)", "čj", "en>", "12"])
    func otherTextIsNoLanguageTag(_ text: String) {
        #expect(LanguageTag(text) == nil)
    }

    @Test func passageLinksAreRecognisedByTheirScheme() {
        #expect(LanguageTag(passageLink: "lang:en")?.value == "en")
        #expect(LanguageTag(passageLink: "LANG:de-AT")?.value == "de-AT")
        #expect(LanguageTag.isPassageLink("lang:anglicky"))
        #expect(LanguageTag(passageLink: "lang:anglicky") == nil)
        #expect(!LanguageTag.isPassageLink("/projekty/lang:en/"))
        #expect(!LanguageTag.isPassageLink("https://example.cz/lang:en"))
        #expect(LanguageTag(passageLink: "https://example.cz/") == nil)
    }

    @Test func aMarkedPassageBecomesASpanInItsLanguage() {
        let html = MarkdownDocument("Projekt hradí [European Social Fund Plus](lang:en) z 85 %.").html()
        #expect(html == "<p>Projekt hradí <span lang=\"en\">European Social Fund Plus</span> z 85 %.</p>\n")
    }

    @Test func aPassageKeepsItsEmphasisAndOtherLinksStayLinks() {
        let html = MarkdownDocument("[*Smart* city](lang:en-GB) a [web](https://example.cz/)").html()
        #expect(html == "<p><span lang=\"en-GB\"><em>Smart</em> city</span> a <a href=\"https://example.cz/\">web</a></p>\n")
    }

    @Test func aPassageInAHeadingKeepsTheHeadingsID() {
        let html = MarkdownDocument("# Program [Smart city](lang:en)\n").html()
        #expect(html == "<h2 id=\"program-smart-city\">Program <span lang=\"en\">Smart city</span></h2>\n")
    }

    @Test func aMarkWithoutALanguageCodeMakesNoSpanAndNoAttribute() {
        let html = MarkdownDocument("[x](lang:en\"onmouseover=alert(1)) a [y](lang:anglicky)").html()
        #expect(!html.contains("<span"))
        #expect(!html.contains("\"onmouseover"))
        #expect(!html.contains(" onmouseover"))
    }

    @Test func theCheckNamesTheLineOfAMarkWithoutALanguageCode() throws {
        let body = "Text projektu.\n\nPojem [Community policing](lang:anglicky) znamená…\n"
        let project = TestPortal.minimalProject.replacingOccurrences(of: "Text projektu.\n", with: body)
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/testov.md": project])
        let outcome = portal.check()
        let found = outcome.diagnostics.filter { $0.rule == RuleID.linkLang }
        #expect(found.count == 1)
        let line = try #require(lineNumber(ofLineStartingWith: "Pojem [Community", in: project))
        #expect(found.first?.location.file == "content/projects/testov.md")
        #expect(found.first?.location.line == line)
        #expect(found.first?.found == "lang:anglicky")
        #expect(outcome.failed)
    }

    @Test func theBuiltPageMarksThePassage() throws {
        let body = "Text projektu, který hradí [European Social Fund Plus](lang:en).\n"
        let project = TestPortal.minimalProject.replacingOccurrences(of: "Text projektu.\n", with: body)
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/testov.md": project])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.diagnostics.prefix(3))")
        let page = try portal.page("projekty/testov/index.html")
        #expect(page.contains("hradí <span lang=\"en\">European Social Fund Plus</span>."))
        #expect(!page.contains("href=\"lang:"))
    }
}
