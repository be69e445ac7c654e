import Foundation
import Testing
@testable import PublicitaKit

/// Messages a hurried clerk met that pointed at the wrong fix: a value that failed to
/// parse, or a record that failed to load, gives its own error and nothing after it;
/// an empty required field asks for its value at its line.
@Suite("Follow-on and misleading messages")
struct FollowOnMessageTests {
    static func portal(_ files: [String: String]) throws -> TestPortal {
        try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML].merging(files) { $1 })
    }

    @Test func aMalformedTotalGivesOnlyItsOwnError() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: 2.500.000,00 Kč")
        let outcome = try Self.portal(["content/projects/a.md": project]).check()
        #expect(outcome.errors.map(\.rule) == [RuleID.moneyFormat], "\(outcome.summary)")
        #expect(!outcome.summary.contains("doplňte budget.total") && !outcome.summary.contains("add budget.total"))
        #expect(outcome.errors.first?.location.line == lineNumber(ofLineStartingWith: "total:", in: project))
    }

    @Test func aBudgetWithoutATotalStillSaysSo() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "  total: 1 000 000,00 Kč\n", with: "")
        let outcome = try Self.portal(["content/projects/a.md": project]).check()
        #expect(outcome.diagnostics(RuleID.budgetNoTotal).count == 3, "\(outcome.summary)")
    }

    @Test func aLinkToARecordThatFailedToLoadSaysSoOnce() throws {
        let broken = try edited(TestPortal.minimalProject, replacing: "summary: Projekt pro testy.", with: "summary: Projekt: pro testy.")
        let page = "---\ntitle: O portálu\n---\nViz [projekt](/projekty/cil/) a [rozpočet](/projekty/cil/#rozpocet).\n\n[Znovu](../projekty/cil/).\n"
        let news = "---\ntitle: Zpráva\ndate: 2026-01-01\nproject: cil\n---\nText.\n"
        let linking = try edited(TestPortal.minimalProject, replacing: "Text projektu.", with: "Text, viz [cíl](/projekty/cil/).")
            .replacingOccurrences(of: "16_052/0007824", with: "16_052/0009999")
        let outcome = try Self.portal([
            "content/projects/cil.md": broken, "content/projects/odkazujici.md": linking,
            "content/pages/o-portalu.md": page, "content/news/zprava.md": news,
        ]).check()
        #expect(outcome.errors.map(\.rule) == [RuleID.yamlSyntax], "\(outcome.summary)")
        #expect(outcome.diagnostics(RuleID.linkBroken).isEmpty && outcome.diagnostics(RuleID.linkProject).isEmpty)
        let notes = outcome.diagnostics(RuleID.linkTargetFailed)
        #expect(notes.count == 1, "\(outcome.summary)")
        let note = try #require(notes.first)
        #expect(note.severity == .warning)
        #expect(note.location.file == "content/projects/odkazujici.md", "the first link in the portal's order")
        #expect(note.message.cs.contains("cíl existuje, ale jeho soubor content/projects/cil.md má chyby"))
        #expect(note.message.cs.contains("celkem: 5"))
        #expect(note.suggestion?.cs.contains("opravte chyby v content/projects/cil.md") == true)
        #expect(!outcome.summary.contains("did you mean"))
    }

    @Test func aTranslationOfARecordThatFailedAddsNoError() throws {
        let broken = "---\ntitle: [O portálu\n---\nText.\n"
        let translation = "---\ntitle: About\nlang: en\ntranslation_of: o-portalu\n---\nText.\n"
        let outcome = try Self.portal(["content/pages/o-portalu.md": broken, "content/pages/about.md": translation]).check()
        #expect(outcome.errors.map(\.rule) == [RuleID.yamlSyntax], "\(outcome.summary)")
    }

    @Test func anEmptyRequiredFieldAsksForItsValueAtItsLine() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "beneficiary: Testovací město", with: "beneficiary:")
        let outcome = try Self.portal(["content/projects/a.md": project]).check()
        let hit = try #require(outcome.diagnostics(RuleID.yamlRequired).first, "\(outcome.summary)")
        #expect(hit.location.line == lineNumber(ofLineStartingWith: "beneficiary:", in: project))
        #expect(hit.message.cs == "povinné pole „beneficiary“ je prázdné: vyplňte hodnotu")
        #expect(!hit.message.cs.contains("chybí povinné pole"))
        #expect(hit.suggestion?.cs == "vyplňte hodnotu za „beneficiary: “")
        #expect(outcome.errors.count == 1, "\(outcome.summary)")
    }

    @Test func aBlankRequiredFieldAndAnEmptyNestedOneToo() throws {
        let project = try edited(try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: \"  \""),
                                 replacing: "  start: 2018-03-01", with: "  start:")
        let outcome = try Self.portal(["content/projects/a.md": project]).check()
        let hits = outcome.diagnostics(RuleID.yamlRequired)
        #expect(hits.map(\.location.line) == [2, lineNumber(ofLineStartingWith: "start:", in: project)], "\(outcome.summary)")
        #expect(hits.allSatisfy { $0.message.cs.contains("vyplňte hodnotu") })
        #expect(hits.last?.message.cs.contains("„period.start“") == true)
    }

    @Test func aMissingRequiredFieldStillSaysItIsMissing() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "beneficiary: Testovací město\n", with: "")
        let hit = try #require(try Self.portal(["content/projects/a.md": project]).check().diagnostics(RuleID.yamlRequired).first)
        #expect(hit.message.cs.contains("chybí povinné pole „beneficiary“"))
    }

    @Test func anEmptySourceAmountAsksForItAtItsLine() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "      amount: 100 000,00 Kč", with: "      amount:")
        let outcome = try Self.portal(["content/projects/a.md": project]).check()
        let hit = try #require(outcome.diagnostics(RuleID.yamlRequired).first, "\(outcome.summary)")
        let line = project.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.trimmingCharacters(in: .whitespaces) == "amount:" }.map { $0 + 1 }
        #expect(hit.location.line == line)
        #expect(hit.message.cs.contains("je prázdná: vyplňte hodnotu"))
        #expect(outcome.errors.count == 1, "\(outcome.summary)")
    }

    @Test func theShareInWordsNamesTheWord() throws {
        let project = try edited(TestPortal.minimalProject, replacing: "share: 85 %", with: "share: 85 procent")
        let hit = try #require(try Self.portal(["content/projects/a.md": project]).check().diagnostics(RuleID.shareFormat).first)
        #expect(hit.message.cs.contains("obsahuje slovo „procent“"))
        #expect(!hit.message.cs.contains("U+0020"))
    }
}
