import Foundation
import Testing
@testable import PublicitaKit

/// The records exactly as Liberec, Kroměříž and Ostrava published them must not
/// build: their totals do not add up and the registration number has a wrong form.
@Suite("As published: the cities' own figures fail")
struct AsPublishedTests {
    private func fixtureText(_ path: String) throws -> String {
        try String(contentsOf: TestPaths.asPublished.appendingPathComponent(path), encoding: .utf8)
    }

    private func check() throws -> Builder.Outcome {
        runBuilder(portal: try TestPaths.asPublished, output: nil)
    }

    @Test func checkFails() throws {
        let outcome = try check()
        #expect(outcome.failed)
        #expect(outcome.pagesWritten == 0)
    }

    @Test func liberecTotalDoesNotAddUp() throws {
        let file = "content/projects/liberec-apk.md"
        let totalLine = try #require(lineNumber(ofLineStartingWith: "total:", in: fixtureText(file)))
        let outcome = try check()
        let found = outcome.diagnostics(RuleID.budgetSum).filter { $0.location.file == file }
        #expect(found.count == 1, "\(outcome.summary)")
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.location.line == totalLine)
        #expect(d.field == "budget.total")
        #expect(d.expected == "6\u{00A0}516\u{00A0}062,50\u{00A0}Kč")
        #expect(d.found == "6\u{00A0}516\u{00A0}052,50\u{00A0}Kč")
        #expect(d.message.cs.contains("10,00"), "\(d.message.cs)")
        #expect(d.message.en.contains("10,00"), "\(d.message.en)")
        // The difference is the only 10,00 figure; make sure it is not −10,00.
        #expect(!d.message.cs.contains("\u{2212}10,00"))
    }

    @Test func kromerizTotalDoesNotAddUp() throws {
        let file = "content/projects/kromeriz-apk.md"
        let totalLine = try #require(lineNumber(ofLineStartingWith: "total:", in: fixtureText(file)))
        let outcome = try check()
        let found = outcome.diagnostics(RuleID.budgetSum).filter { $0.location.file == file }
        #expect(found.count == 1, "\(outcome.summary)")
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.location.line == totalLine)
        #expect(d.expected == "4\u{00A0}699\u{00A0}625,00\u{00A0}Kč")
        #expect(d.found == "4\u{00A0}664\u{00A0}625,00\u{00A0}Kč")
        #expect(d.message.cs.contains("35\u{00A0}000,00"), "\(d.message.cs)")
    }

    @Test func ostravaRegistrationNumberHasWrongForm() throws {
        let file = "content/projects/ostrava-apk.md"
        let numberLine = try #require(lineNumber(ofLineStartingWith: "registration_number:", in: fixtureText(file)))
        let outcome = try check()
        let found = outcome.diagnostics(RuleID.regnoFormat).filter { $0.location.file == file }
        #expect(found.count == 1, "\(outcome.summary)")
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.location.line == numberLine)
        #expect(d.found == "cz.03.2.60/0.0/0.0/15.026/0002789")
        let corrected = "CZ.03.2.60/0.0/0.0/15_026/0002789"
        #expect(d.expected == corrected || (d.suggestion?.cs.contains(corrected) ?? false),
                "expected \(d.expected ?? "nil"), suggestion \(d.suggestion?.cs ?? "nil")")
    }

    @Test func jesenikRegistrationNumberKeepsTheMarkdownEscape() throws {
        let file = "content/projects/jesenik-apk.md"
        let outcome = try check()
        let found = outcome.diagnostics(RuleID.regnoFormat).filter { $0.location.file == file }
        #expect(found.count == 1, "\(outcome.summary)")
        let d = try #require(found.first)
        #expect(d.location.line == 3)
        #expect(d.found == "CZ.03.02.01/00/22\\_018/0001013")
        #expect(d.expected == "CZ.03.02.01/00/22_018/0001013")
    }

    @Test func noOtherErrors() throws {
        // Only the four published mistakes: nothing else in the records is wrong.
        let outcome = try check()
        let rules = Set(outcome.errors.map(\.rule))
        #expect(rules == [RuleID.budgetSum, RuleID.regnoFormat], "\(outcome.summary)")
        #expect(outcome.errors.count == 4, "\(outcome.summary)")
    }

    /// A failing build leaves the previous site exactly as it was, and no staging folder.
    @Test func failedBuildLeavesPreviousSiteUntouched() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            let first = runBuilder(portal: TestPaths.repositoryRoot, output: output)
            try #require(!first.failed, "the example portal must build: \(first.summary)")
            let before = try snapshot(of: output)
            #expect(before.count > 10)
            #expect(before[SiteWriter.markerFile] != nil)

            let second = runBuilder(portal: try TestPaths.asPublished, output: output)
            #expect(second.failed)
            #expect(second.pagesWritten == 0)

            let after = try snapshot(of: output)
            #expect(after.keys.sorted() == before.keys.sorted(), "the list of files changed")
            for (path, data) in before {
                #expect(after[path] == data, "\(path) changed")
            }
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0 != "site" && $0 != ".site.cache" }
            #expect(leftovers.isEmpty, "left beside the output: \(leftovers)")
        }
    }

    /// The same for an output folder publicita made by hand (marker file and some files).
    @Test func failedBuildLeavesMarkedFolderUntouched() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            let fm = FileManager.default
            try fm.createDirectory(at: output.appendingPathComponent("projekty/stary"), withIntermediateDirectories: true)
            try Data("publicita\n".utf8).write(to: output.appendingPathComponent(SiteWriter.markerFile))
            try Data("<p>stará stránka</p>".utf8).write(to: output.appendingPathComponent("index.html"))
            try Data("<p>starý projekt</p>".utf8).write(to: output.appendingPathComponent("projekty/stary/index.html"))
            try Data([0, 1, 2, 255]).write(to: output.appendingPathComponent("logo.bin"))
            let before = try snapshot(of: output)

            let outcome = runBuilder(portal: try TestPaths.asPublished, output: output)
            #expect(outcome.failed)

            let after = try snapshot(of: output)
            #expect(after == before)
            let siblings = try fm.contentsOfDirectory(atPath: tmp.path)
            #expect(siblings == ["site"], "left beside the output: \(siblings)")
            #expect(!siblings.contains { $0.hasPrefix(".site.staging-") || $0.hasPrefix(".site.old-") })
        }
    }
}
