import Foundation
import Testing
@testable import PublicitaKit
@testable import PublicitaServe

/// Every report lists the errors (which block the build) before the warnings,
/// each by file and line; and the scaffold's example number is plainly made up.
@Suite("Report order and scaffold example")
struct ReportOrderTests {
    static func warning(_ file: String, _ line: Int) -> Diagnostic {
        .warning(RuleID.euResults, at: SourceLocation(file: file, line: line), LocalizedText(cs: "varování \(file)", en: "warning \(file)"))
    }

    static func error(_ file: String, _ line: Int) -> Diagnostic {
        .error(RuleID.budgetSum, at: SourceLocation(file: file, line: line), LocalizedText(cs: "chyba \(file)", en: "error \(file)"))
    }

    /// Three warnings in files before the file with the error, as a clerk met them.
    static let mixed: [Diagnostic] = [
        warning("content/projects/a.md", 3), warning("content/projects/b.md", 3), warning("content/projects/c.md", 3),
        error("content/projects/z.md", 20), error("content/projects/d.md", 7), warning("content/projects/a.md", 1),
    ]

    @Test func errorsComeFirstThenWarningsEachByFileAndLine() {
        let sorted = Self.mixed.sortedForReport().map { "\($0.severity.rawValue) \($0.location.description)" }
        #expect(sorted == [
            "error content/projects/d.md:7", "error content/projects/z.md:20",
            "warning content/projects/a.md:1", "warning content/projects/a.md:3",
            "warning content/projects/b.md:3", "warning content/projects/c.md:3",
        ])
    }

    @Test func theOverlayListsErrorsBeforeWarnings() throws {
        let html = LiveReload.overlay(Self.mixed, language: .cs, hasSite: true)
        let items = html.components(separatedBy: "<li ").dropFirst().map { $0.contains(">error[") ? "e" : "w" }
        #expect(items == ["e", "e", "w", "w", "w", "w"])
        let firstError = try #require(html.range(of: "content/projects/d.md:7"))
        let firstWarning = try #require(html.range(of: "content/projects/a.md:1"))
        #expect(firstError.lowerBound < firstWarning.lowerBound)
    }

    /// A real check: three projects that ended without results (warnings) sort before
    /// `z.md` by name, but its budget error is what the summary shows first.
    @Test func aCheckReportsTheBlockingErrorFirst() throws {
        let ended = try edited(TestPortal.minimalProject, replacing: "results: Projekt splnil své cíle.\n", with: "")
        var files = ["portal.yaml": TestPortal.minimalPortalYAML]
        for (index, name) in ["a", "b", "c"].enumerated() {
            files["content/projects/\(name).md"] = try edited(ended, replacing: "16_052/0007824", with: "16_052/000782\(index)")
        }
        files["content/projects/z.md"] = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: 1 000 010,00 Kč")
        let portal = try TestPortal(files: files)
        let outcome = portal.check()
        #expect(outcome.diagnostics(RuleID.euResults).count == 3)
        #expect(outcome.diagnostics(RuleID.budgetSum).count == 1)
        #expect(outcome.diagnostics.first?.rule == RuleID.budgetSum)
        let text = DiagnosticFormat.text.render(outcome.diagnostics, language: .cs)
        #expect(text.hasPrefix("content/projects/z.md:"), "\(text)")
        #expect(text.components(separatedBy: "\n").first?.contains("error[budget.sum]") == true)
    }

    @Test func theScaffoldsRegistrationNumberIsValidAndPlainlyMadeUp() throws {
        let number = try RegistrationNumber.parse(Scaffold.exampleRegistrationNumber)
        #expect(number.text == "CZ.03.2.60/0.0/0.0/99_999/0000001")
        #expect(Scaffold.exampleProject.contains("registration_number: CZ.03.2.60/0.0/0.0/99_999/0000001"))
        // A real project's number (Liberec's) stays only in the comments that show the shape, never as the value.
        let values = Scaffold.exampleProject.split(separator: "\n").filter { $0.hasPrefix("registration_number:") }
        #expect(values == ["registration_number: CZ.03.2.60/0.0/0.0/99_999/0000001"])
    }
}
