import Foundation
import Testing
@testable import PublicitaKit

/// Control characters and YAML tags in records and `portal.yaml`: each is an error at
/// its line naming what it is, and the record still loads (no follow-on errors).
@Suite("Control characters and YAML tags")
struct TextSafetyTests {
    static func project(replacing old: String, with new: String) throws -> String {
        try edited(TestPortal.minimalProject, replacing: old, with: new)
    }

    static func diagnose(_ text: String) -> [Diagnostic] {
        ContentLoader.diagnose(text, kind: .projects)
    }

    // MARK: Control characters

    @Test(arguments: [
        ("\"\\u0007\"", "U+0007"), ("\"\\a\"", "U+0007"), ("\"x\\x1B[31m\"", "U+001B"), ("\"a\\vb\"", "U+000B"),
        ("\"a\\N\"", "U+0085"), ("\"\\u009F\"", "U+009F"), ("\"\\x7F\"", "U+007F"), ("\"\\0\"", "U+0000"),
    ])
    func anEscapedControlCharacterInAValue(_ written: String, _ code: String) throws {
        let text = try Self.project(replacing: "title: Testovací projekt", with: "title: \(written)")
        let found = Self.diagnose(text)
        let hit = try #require(found.first { $0.rule == RuleID.textControl }, "\(found.map(\.rule))")
        #expect(hit.location.line == 2 && hit.location.column == 8)
        #expect(hit.message.cs.contains(code) && hit.message.en.contains(code))
        #expect(hit.found == code)
        #expect(found.filter { $0.severity == .error }.count == 1, "\(found.map(\.rule))")
    }

    @Test(arguments: [
        ("\u{07}", "U+0007", 14), ("\u{0B}", "U+000B", 14), ("\u{1B}", "U+001B", 14), ("\u{7F}", "U+007F", 14),
        ("\u{85}", "U+0085", 14), ("\u{9F}", "U+009F", 14), ("\u{01}", "U+0001", 14),
    ])
    func aRawControlCharacterIsNamedAtItsLineAndColumn(_ character: String, _ code: String, _ column: Int) throws {
        // `title: Testov` is 13 characters: the control character is the 14th (ž counts as one).
        let text = try Self.project(replacing: "title: Testovací projekt", with: "title: Testov\(character)ací projekt")
        let found = Self.diagnose(text)
        let hit = try #require(found.first { $0.rule == RuleID.textControl }, "\(found.map(\.rule))")
        #expect(hit.location.line == 2)
        #expect(hit.location.column == column)
        #expect(hit.message.cs.contains(code))
        // One message: libyaml's own complaint about the character is not added, the record loads.
        #expect(found.filter { $0.severity == .error }.map(\.rule) == [RuleID.textControl], "\(found.map(\.rule))")
    }

    @Test func wordsLineBreakSuggestsALineBreak() throws {
        let text = try Self.project(replacing: "Text projektu.", with: "Text\u{0B}projektu.")
        let hit = try #require(Self.diagnose(text).first { $0.rule == RuleID.textControl })
        #expect(hit.message.cs.contains("U+000B"))
        #expect(hit.suggestion?.cs.contains("zalomení řádku z Wordu") == true)
        #expect(hit.suggestion?.cs.contains("koncem řádku") == true)
        #expect(hit.suggestion?.en.contains("line break") == true)
        // The body's line: the file line, counting the front matter.
        let line = try #require(lineNumber(ofLineStartingWith: "Text\u{0B}", in: text))
        #expect(hit.location.line == line && hit.location.column == 5)
    }

    @Test func columnsCountCharactersAndLinesCountEveryLineBreak() {
        let found = ControlCharacters.scan("a\r\nžluť\u{07}\rb\u{0C}\n\u{A0}ok\u{7F}", file: "x.md")
        #expect(found.map(\.location.line) == [2, 3, 4])
        #expect(found.map(\.location.column) == [5, 2, 4])
        // Tab, LF, CR, NBSP, a long text: nothing.
        #expect(ControlCharacters.scan("a\tb\r\nc\rd\u{A0}e §«»°", file: "x.md").isEmpty)
    }

    @Test func aCharacterReferenceToAControlInMarkdownIsNamed() {
        let found = ControlCharacters.scan("a &#7; b\n&#x85;\n&#X0b;\n&#150; &#0; &amp; &#9; &#10; &#x2013; &#; &#12345678901;", file: "x.md")
        #expect(found.map(\.location.line) == [1, 2, 3, 4])
        #expect(found.map(\.found) == ["U+0007", "U+0085", "U+000B", "U+0096"])
        #expect(found.first?.location.column == 3)
        #expect(ControlCharacters.scan("Sport & kultura &amp; &#8211; &#x20AC;", file: "x.md").isEmpty)
    }

    @Test func aFileFullOfControlsReportsABoundedNumber() {
        let text = String(repeating: "x\u{07}\n", count: 500)
        let found = ControlCharacters.scan(text, file: "x.md")
        #expect(found.count == ControlCharacters.maximumReported)
        #expect(found.last?.message.cs.contains("dalších 480 řádcích") == true)
    }

    @Test func aControlCharacterInPortalYAMLAndInABodyIsAnErrorOnBuild() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": try edited(TestPortal.minimalPortalYAML, replacing: "  name: Testovací město", with: "  name: \"Testovací\\u0008 město\""),
            "content/projects/a.md": try Self.project(replacing: "Text projektu.", with: "Text\u{85}projektu."),
        ])
        let outcome = portal.build()
        let hits = outcome.diagnostics(RuleID.textControl)
        #expect(Set(hits.map(\.location.file)) == ["portal.yaml", "content/projects/a.md"], "\(outcome.summary)")
        #expect(outcome.errors.allSatisfy { $0.rule == RuleID.textControl }, "\(outcome.summary)")
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("index.html").path))
    }

    @Test func nulStaysBinary() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": try Self.project(replacing: "Text projektu.", with: "Text\u{0}projektu."),
        ])
        #expect(portal.check().errors.map(\.rule) == [RuleID.fileEncoding])
    }

    // MARK: Tags

    @Test(arguments: [
        ("areas: !!python/object/apply:os.system [\"id\"]", "!!python/object/apply:os.system"),
        ("summary: !!binary aGVsbG8=", "!!binary"), ("summary: !mesto Liberec", "!mesto"), ("summary: ! Liberec", "!"),
        ("summary: !<tag:example.com,2026:x> Liberec", "tag:example.com,2026:x"), ("areas: !!set {a: null}", "!!set"),
        ("summary: !!timestamp 2020-01-01", "!!timestamp"),
    ])
    func aTagOutsideTheCoreSchemaIsRefused(_ line: String, _ tag: String) throws {
        let text = try Self.project(replacing: "summary: Projekt pro testy.", with: line)
        let found = Self.diagnose(text)
        let hit = try #require(found.first { $0.rule == RuleID.yamlTag }, "\(found.map(\.rule))")
        #expect(hit.location.line == 7, "the tag's line")
        #expect(hit.found == tag)
        #expect(hit.message.cs.contains("„\(tag)“"))
        #expect(hit.severity == .error)
    }

    @Test func aNonSpecificTagInAListIsRefused() throws {
        let text = try Self.project(replacing: "  - Snížit riziko kriminality.", with: "  - ! Snížit riziko kriminality.")
        let hit = Self.diagnose(text).first { $0.rule == RuleID.yamlTag }
        #expect(hit?.found == "!")
    }

    @Test func coreTagsAreAccepted() throws {
        let text = try Self.project(replacing: "summary: Projekt pro testy.",
                                    with: "summary: !!str Projekt pro testy.\nareas: !!seq [!!str A, !!int 5, !!float 1.5, !!bool true, !!null ~]")
        let found = Self.diagnose(text).filter { $0.severity == .error }
        #expect(found.isEmpty, "\(found.map { "\($0.rule) \($0.message.en)" })")
    }

    @Test func anExclamationMarkInTextIsNoTag() throws {
        let text = try Self.project(replacing: "summary: Projekt pro testy.", with: "summary: \"Pozor! Projekt\" # ! komentář\nareas: [Pozor!]")
        #expect(Self.diagnose(text).filter { $0.severity == .error }.isEmpty)
    }
}
