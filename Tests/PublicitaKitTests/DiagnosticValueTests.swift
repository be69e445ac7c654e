import Foundation
import Testing
@testable import PublicitaKit

/// Diagnostics are values: totally ordered, with notes at the other places they
/// concern and fix-its that name the replacement, in every output format.
@Suite("Diagnostic values")
struct DiagnosticValueTests {
    static let at = SourceLocation(file: "content/projects/a.md", line: 4, column: 22)

    /// Same place, different rules, fields and messages: the report's order does not
    /// depend on the order the stages collected them in.
    @Test func reportOrderIsTotal() {
        let message = { (text: String) in LocalizedText(cs: text, en: text) }
        let all: [Diagnostic] = [
            .error(.budgetSum, at: Self.at, field: "budget.total", message("b")),
            .error(.budgetSum, at: Self.at, field: "budget.total", message("a")),
            .error(.budgetShare, at: Self.at, field: "budget.sources[1].share", message("a")),
            .error(.budgetShare, at: Self.at, field: "budget.sources[0].share", message("a")),
            .warning(.euGoals, at: SourceLocation(file: "content/projects/a.md", line: 1), message("a")),
            .error(.regnoFormat, at: SourceLocation(file: "content/projects/a.md", line: 4, column: 3), message("a")),
        ]
        let expected = all.sortedForReport()
        var generator = SplitMix64(seed: 15)
        for _ in 0..<20 {
            #expect(all.shuffled(using: &generator).sortedForReport() == expected)
        }
        #expect(expected.map(\.rule) == [.regnoFormat, .budgetShare, .budgetShare, .budgetSum, .budgetSum, .euGoals])
        #expect(expected[1].field == "budget.sources[0].share" && expected[3].message.cs == "a")
    }

    static let duplicate = Diagnostic.error(
        .regnoDuplicate, at: SourceLocation(file: "content/projects/b.md", line: 3, column: 22), field: "registration_number",
        LocalizedText(cs: "číslo už má a.md", en: "a.md has the number"),
        notes: [Note(at: SourceLocation(file: "content/projects/a.md", line: 3, column: 22), LocalizedText(cs: "zde poprvé", en: "first here"))],
        fixIts: [FixIt(at: SourceLocation(file: "content/projects/b.md", line: 3, column: 22), replacing: "cz.1", with: "CZ.1")])

    @Test func textShowsNotesAndFixIts() {
        let text = DiagnosticFormat.text.render([Self.duplicate], language: .en)
        #expect(text.contains("\n    replace: „cz.1“ → „CZ.1“"), "\(text)")
        #expect(text.contains("\n    content/projects/a.md:3:22: note: first here"), "\(text)")
    }

    @Test func jsonCarriesNotesAndFixIts() throws {
        let data = Data(DiagnosticFormat.json.render([Self.duplicate], language: .cs).utf8)
        let items = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let notes = try #require(items.first?["notes"] as? [[String: Any]])
        #expect(notes.first?["file"] as? String == "content/projects/a.md" && notes.first?["line"] as? Int == 3)
        #expect(notes.first?["message"] as? String == "zde poprvé")
        let fixits = try #require(items.first?["fixits"] as? [[String: Any]])
        #expect(fixits.first?["replacement"] as? String == "CZ.1" && fixits.first?["original"] as? String == "cz.1")
    }

    @Test func githubAnnotatesTheNoteToo() {
        let lines = DiagnosticFormat.github.render([Self.duplicate], language: .en).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::error file=content/projects/b.md,line=3,col=22,title=regno.duplicate::"))
        #expect(lines[0].contains("replace: „cz.1“ → „CZ.1“"))
        #expect(lines[1] == "::notice file=content/projects/a.md,line=3,col=22,title=regno.duplicate::first here")
    }

    /// Real records: a duplicate number points at the first, a near-miss number carries its correction.
    @Test func rulesFillNotesAndFixIts() throws {
        let near = TestPortal.minimalProject.replacingOccurrences(
            of: "registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824", with: "registration_number: CZ.03.2.60/0.0/0.0/16-052/0007824")
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": TestPortal.minimalProject,
            "content/projects/b.md": TestPortal.minimalProject,
            "content/projects/c.md": near,
        ])
        let outcome = portal.check()
        let duplicate = try #require(outcome.diagnostics(.regnoDuplicate).first)
        #expect(duplicate.location.file == "content/projects/b.md")
        #expect(duplicate.notes.map(\.location.file) == ["content/projects/a.md"])
        #expect(duplicate.notes.first?.location.line == duplicate.location.line)
        let format = try #require(outcome.diagnostics(.regnoFormat).first)
        #expect(format.fixIts == [FixIt(at: format.location, replacing: "CZ.03.2.60/0.0/0.0/16-052/0007824",
                                        with: "CZ.03.2.60/0.0/0.0/16_052/0007824")])
    }

    @Test func policyJudgesWarningsAndFileSystemErrors() {
        let warning = Diagnostic.warning(.euGoals, at: Self.at, LocalizedText(cs: "w", en: "w"))
        let io = Diagnostic.error(.outputWrite, at: Self.at, LocalizedText(cs: "e", en: "e"))
        #expect(SeverityPolicy().verdict([warning]) == .passed)
        #expect(SeverityPolicy(warningsAsErrors: true).verdict([warning]) == .contentErrors)
        #expect(SeverityPolicy().verdict([warning, io]) == .fileSystemProblem)
        #expect(SeverityPolicy().verdict([io, Self.duplicate]) == .contentErrors)
    }
}
