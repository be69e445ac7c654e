import Foundation
import Testing
@testable import PublicitaKit

/// The load and validate stages report every problem with its file, line and
/// field; and the corrected input of each case reports nothing of that rule.
@Suite("Loader and rules: diagnostics with file, line and field")
struct LoaderTests {
    static let file = "content/projects/projekt.md"

    /// Checks (without writing) a portal holding one project `text` and `extra` files.
    private func check(_ text: String, extra: [String: String] = [:]) throws -> Builder.Outcome {
        var files = extra
        files["portal.yaml"] = TestPortal.minimalPortalYAML
        files[Self.file] = text
        return try TestPortal(files: files).check()
    }

    /// Checks a portal whose project file holds exactly `bytes`.
    private func check(bytes: Data) throws -> Builder.Outcome {
        try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML], binaryFiles: [Self.file: bytes]).check()
    }

    /// The 1-based line of the first line of `text` containing `needle`.
    private func line(containing needle: String, in text: String) throws -> Int {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        let index = try #require(lines.firstIndex { $0.contains(needle) }, "no line contains \(needle)")
        return index + 1
    }

    /// The only diagnostic of `rule`, checked to be in the project file.
    private func single(_ rule: RuleID, in outcome: Builder.Outcome, file: String = LoaderTests.file,
                        sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
        let found = outcome.diagnostics(rule)
        #expect(found.count == 1, "expected one \(rule), got:\n\(outcome.summary)", sourceLocation: sourceLocation)
        let d = try #require(found.first, "no \(rule) in:\n\(outcome.summary)", sourceLocation: sourceLocation)
        #expect(d.location.file == file, sourceLocation: sourceLocation)
        return d
    }

    /// The corrected input reports nothing of `rule`.
    private func expectNone(_ rule: RuleID, in outcome: Builder.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(outcome.diagnostics(rule).isEmpty, "unexpected \(rule):\n\(outcome.summary)", sourceLocation: sourceLocation)
    }

    // MARK: The baseline

    @Test func minimalProjectIsClean() throws {
        let outcome = try check(TestPortal.minimalProject)
        #expect(outcome.diagnostics.isEmpty, "\(outcome.summary)")
    }

    // MARK: YAML shape

    @Test func unknownFieldSuggestsTheKnownOne() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "registration_number:", with: "registation_number:")
        let outcome = try check(text)
        let d = try single(RuleID.yamlUnknownField, in: outcome)
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "registation_number:", in: text)))
        #expect(d.field == "registation_number")
        #expect(d.found == "registation_number")
        #expect(d.suggestion?.cs.contains("registration_number") == true, "\(String(describing: d.suggestion))")
        #expect(d.suggestion?.en.contains("registration_number") == true)

        expectNone(RuleID.yamlUnknownField, in: try check(TestPortal.minimalProject))
    }

    @Test func unknownFieldInANestedMapping() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "  duration_months: 36", with: "  duration_month: 36")
        let d = try single(RuleID.yamlUnknownField, in: try check(text))
        #expect(d.location.line == (try line(containing: "duration_month:", in: text)))
        #expect(d.field == "period.duration_month")
        #expect(d.suggestion?.cs.contains("duration_months") == true)
    }

    @Test func missingRequiredField() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "beneficiary: Testovací město\n", with: "")
        let outcome = try check(text)
        let d = try single(RuleID.yamlRequired, in: outcome)
        #expect(d.severity == .error)
        #expect(d.field == "beneficiary")
        let reported = try #require(d.location.line)
        let closing = try line(containing: "Text projektu.", in: text) - 1
        #expect((1...closing).contains(reported), "line \(reported) is not in the front matter")
        #expect(outcome.failed)

        expectNone(RuleID.yamlRequired, in: try check(TestPortal.minimalProject))
    }

    @Test func malformedYAML() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: [unclosed")
        let outcome = try check(text)
        let d = try single(RuleID.yamlSyntax, in: outcome)
        #expect(d.severity == .error)
        let reported = try #require(d.location.line, "yaml.syntax has no line")
        let closing = try line(containing: "Text projektu.", in: text) - 1
        #expect(reported >= 2 && reported < closing, "line \(reported) is outside the front matter (2..<\(closing))")

        let fixed = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: \"[uzavřeno]\"")
        let fixedOutcome = try check(fixed)
        expectNone(RuleID.yamlSyntax, in: fixedOutcome)
        #expect(!fixedOutcome.failed, "\(fixedOutcome.summary)")
    }

    @Test func tabIndentation() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "  start: 2018-03-01", with: "\tstart: 2018-03-01")
        let d = try single(RuleID.yamlTabs, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "\tstart:", in: text)))

        // A tab inside a value (not indentation) is fine.
        let fixed = try edited(TestPortal.minimalProject, replacing: "summary: Projekt pro testy.", with: "summary: \"Projekt\tpro testy.\"")
        expectNone(RuleID.yamlTabs, in: try check(fixed))
    }

    @Test func aliasesAreRefused() throws {
        var text = try edited(TestPortal.minimalProject, replacing: "city: Testov", with: "city: &mesto Testov")
        text = try edited(text, replacing: "summary: Projekt pro testy.", with: "summary: *mesto")
        let d = try single(RuleID.yamlAlias, in: try check(text))
        #expect(d.severity == .error)
        let lines = [try line(containing: "&mesto", in: text), try line(containing: "*mesto", in: text)]
        #expect(lines.contains(d.location.line ?? -1), "line \(String(describing: d.location.line)) is neither \(lines)")

        let fixed = try edited(TestPortal.minimalProject, replacing: "summary: Projekt pro testy.", with: "summary: \"Projekt & *město*\"")
        expectNone(RuleID.yamlAlias, in: try check(fixed))
    }

    // MARK: Files

    @Test func fileWithoutFrontMatter() throws {
        let d = try single(RuleID.fileFrontMatter, in: try check("Jen text, žádná hlavička.\n\n## Cíle\n"))
        #expect(d.severity == .error)
        #expect(d.location.line == 1)

        let unclosed = try single(RuleID.fileFrontMatter, in: try check("---\ntitle: Neuzavřeno\nbeneficiary: Město\n"))
        #expect(unclosed.severity == .error)

        expectNone(RuleID.fileFrontMatter, in: try check(TestPortal.minimalProject))
    }

    @Test func emptyFile() throws {
        let d = try single(RuleID.fileEmpty, in: try check(""))
        #expect(d.severity == .error)
        let blank = try check("\n   \n\n")
        #expect(blank.diagnostics(RuleID.fileEmpty).count == 1, "\(blank.summary)")

        expectNone(RuleID.fileEmpty, in: try check(TestPortal.minimalProject))
    }

    /// An ASCII project whose city line is `city: <cityBytes>`.
    private func projectBytes(city: [UInt8]) -> (data: Data, cityLine: Int) {
        let lines = [
            "---",
            "title: Asistenti prevence kriminality",
            "registration_number: CZ.03.2.60/0.0/0.0/16_052/0016119",
            "beneficiary: Mesto",
            "period:",
            "  start: 2020-06-01",
            "  end: 2022-08-31",
            "city: ",
        ]
        let head = lines.joined(separator: "\n")
        let tail = "\n---\nText.\n"
        let cityLine = lines.count
        return (Data(head.utf8) + Data(city) + Data(tail.utf8), cityLine)
    }

    @Test func windows1250FileIsNamed() throws {
        // "Kroměříž" in Windows-1250.
        let (data, cityLine) = projectBytes(city: [0x4B, 0x72, 0x6F, 0x6D, 0xEC, 0xF8, 0xED, 0x9E])
        let outcome = try check(bytes: data)
        let d = try single(RuleID.fileEncoding, in: outcome)
        #expect(d.severity == .error)
        #expect(d.location.line == cityLine)
        #expect(d.message.cs.contains("Windows-1250"), "\(d.message.cs)")
        #expect(d.message.en.contains("Windows-1250"))
        #expect(d.found == "Windows-1250")

        let (utf8, _) = projectBytes(city: Array("Kroměříž".utf8))
        let fixed = try check(bytes: utf8)
        expectNone(RuleID.fileEncoding, in: fixed)
        #expect(!fixed.failed, "\(fixed.summary)")
    }

    @Test func iso8859_2FileIsNamed() throws {
        // "Kroměříž" in ISO-8859-2 (ž is 0xBE there, 0x9E in Windows-1250).
        let (data, _) = projectBytes(city: [0x4B, 0x72, 0x6F, 0x6D, 0xEC, 0xF8, 0xED, 0xBE])
        let d = try single(RuleID.fileEncoding, in: try check(bytes: data))
        #expect(d.found == "ISO-8859-2")
    }

    @Test func bomAndCRLFLoadWithRightLineNumbers() throws {
        func windows(_ text: String) -> Data {
            Data([0xEF, 0xBB, 0xBF]) + Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        }
        let clean = try check(bytes: windows(TestPortal.minimalProject))
        #expect(clean.diagnostics.isEmpty, "\(clean.summary)")

        var text = try edited(TestPortal.minimalProject, replacing: "jana.novakova@test.example.cz", with: "jana.novakova@test")
        text = try edited(text, replacing: "## Cíle projektu\n", with: "[nikam](/projekty/neexistuje/)\n\n## Cíle projektu\n")
        let outcome = try check(bytes: windows(text))
        let email = try single(RuleID.contactEmail, in: outcome)
        #expect(email.location.line == (try line(containing: "email: jana.novakova@test", in: text)))
        let link = try single(RuleID.linkBroken, in: outcome)
        #expect(link.location.line == (try line(containing: "[nikam]", in: text)))
        // Values are read without the carriage return.
        #expect(email.found == "jana.novakova@test")
    }

    // MARK: Period

    @Test func periodEndBeforeStart() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "  end: 2021-02-28\n  duration_months: 36\n", with: "  end: 2017-02-28\n")
        let d = try single(RuleID.periodOrder, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "end: 2017-02-28", in: text)))
        #expect(d.field == "period.end")

        expectNone(RuleID.periodOrder, in: try check(TestPortal.minimalProject))
    }

    @Test func statedDurationDisagreesWithDates() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "duration_months: 36", with: "duration_months: 35")
        let d = try single(RuleID.periodDuration, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "duration_months: 35", in: text)))
        #expect(d.expected == "36")
        #expect(d.found == "35")

        expectNone(RuleID.periodDuration, in: try check(TestPortal.minimalProject))
    }

    // MARK: Uniqueness

    @Test func duplicateSlug() throws {
        let first = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt\n", with: "title: Testovací projekt\nslug: stejny\n")
        let second = try edited(first, replacing: "16_052/0007824", with: "16_052/0016119")
        var files = ["portal.yaml": TestPortal.minimalPortalYAML]
        files["content/projects/a.md"] = first
        files["content/projects/b.md"] = second
        let outcome = try TestPortal(files: files).check()
        let d = try single(RuleID.slugDuplicate, in: outcome, file: "content/projects/b.md")
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "slug: stejny", in: second)))
        #expect(d.message.cs.contains("content/projects/a.md"))

        files["content/projects/b.md"] = try edited(second, replacing: "slug: stejny", with: "slug: jiny")
        expectNone(RuleID.slugDuplicate, in: try TestPortal(files: files).check())
    }

    @Test func duplicateSlugFromFileNameAndExplicitSlug() throws {
        let other = try edited(TestPortal.minimalProject, replacing: "16_052/0007824", with: "16_052/0016119")
        let explicit = try edited(other, replacing: "title: Testovací projekt\n", with: "title: Testovací projekt\nslug: a\n")
        let outcome = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": TestPortal.minimalProject,
            "content/projects/b.md": explicit,
        ]).check()
        #expect(outcome.diagnostics(RuleID.slugDuplicate).count == 1, "\(outcome.summary)")
    }

    @Test func duplicateRegistrationNumber() throws {
        let second = try edited(TestPortal.minimalProject, replacing: "title: Testovací projekt", with: "title: Druhý projekt")
        var files = ["portal.yaml": TestPortal.minimalPortalYAML]
        files["content/projects/a.md"] = TestPortal.minimalProject
        files["content/projects/b.md"] = second
        let outcome = try TestPortal(files: files).check()
        let d = try single(RuleID.regnoDuplicate, in: outcome, file: "content/projects/b.md")
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "registration_number:", in: second)))
        #expect(d.field == "registration_number")

        files["content/projects/b.md"] = try edited(second, replacing: "16_052/0007824", with: "16_052/0016119")
        expectNone(RuleID.regnoDuplicate, in: try TestPortal(files: files).check())
    }

    // MARK: Contacts, links, money

    @Test func badEmail() throws {
        for bad in ["jana.novakova@test", "jana novakova@test.cz", "jana.novakova.test.cz", "\"@test.cz\""] {
            let text = try edited(TestPortal.minimalProject, replacing: "jana.novakova@test.example.cz", with: bad)
            let d = try single(RuleID.contactEmail, in: try check(text))
            #expect(d.location.line == (try line(containing: "email:", in: text)))
            #expect(d.field == "contacts[0].email")
            #expect(d.found == bad.replacingOccurrences(of: "\"", with: ""))
        }
        expectNone(RuleID.contactEmail, in: try check(TestPortal.minimalProject))
    }

    @Test func brokenInternalLink() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n", with: "Text projektu.\n\nViz [a](/projekty/neexistuje/).\n")
        let d = try single(RuleID.linkBroken, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "[a](/projekty/neexistuje/)", in: text)))
        #expect(d.found == "/projekty/neexistuje/")

        let fixed = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n",
                               with: "Text projektu.\n\nViz [a](/projekty/projekt/), [b](/prohlaseni-o-pristupnosti/), [c](/mesta/testov/) a [d](https://example.cz/neexistuje/).\n")
        expectNone(RuleID.linkBroken, in: try check(fixed))
    }

    @Test func brokenDocumentLink() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "goals:\n",
                              with: "documents:\n  - title: Zpráva\n    href: /zpravy/neni/\ngoals:\n")
        let d = try single(RuleID.linkBroken, in: try check(text))
        #expect(d.location.line == (try line(containing: "href: /zpravy/neni/", in: text)))
        #expect(d.field == "documents[0].href")
    }

    @Test func linkToMissingAnchor() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n", with: "Text projektu.\n\nViz [cíle](/projekty/projekt/#neexistuje).\n")
        let d = try single(RuleID.linkAnchor, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "#neexistuje", in: text)))
        #expect(d.found == "neexistuje")

        let fixed = try edited(TestPortal.minimalProject, replacing: "Text projektu.\n",
                               with: "Text projektu.\n\nViz [cíle](/projekty/projekt/#cile-projektu) a [zde](#cile-projektu).\n")
        expectNone(RuleID.linkAnchor, in: try check(fixed))
    }

    /// An anchor that the generated page really has (here a front-matter
    /// table's id, as the page renders it) is a valid link target.
    @Test func linkToAnIdTheRenderedPageHas() throws {
        let withTable = try edited(TestPortal.minimalProject, replacing: "goals:\n",
                                   with: "tables:\n  - id: vystupy\n    caption: Výstupy\n    columns: [Výstup, Počet]\n    rows:\n      - [Besedy, \"12\"]\ngoals:\n")
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, Self.file: withTable])
        let built = portal.build()
        try #require(!built.failed, "\(built.summary)")
        let html = try portal.page("projekty/projekt/index.html")
        let tableID = try #require(captures(of: #"<table id="([^"]*)""#, in: html).first, "the table has no id")

        let page = "---\ntitle: O portálu\n---\nViz [výstupy](/projekty/projekt/#\(tableID)).\n"
        let outcome = try check(withTable, extra: ["content/pages/o-portalu.md": page])
        #expect(outcome.diagnostics(RuleID.linkAnchor).isEmpty, "#\(tableID) is on the page, yet:\n\(outcome.summary)")
    }

    @Test func shareDoesNotMatch() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "share: 85 %", with: "share: 80 %")
        let d = try single(RuleID.budgetShare, in: try check(text))
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "share: 80 %", in: text)))
        #expect(d.field == "budget.sources[0].share")
        #expect(d.expected?.hasPrefix("85") == true, "\(String(describing: d.expected))")

        expectNone(RuleID.budgetShare, in: try check(TestPortal.minimalProject))
    }

    @Test func ambiguousMoneyFormat() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: 4,485,600.00")
        let outcome = try check(text)
        let d = try single(RuleID.moneyFormat, in: outcome)
        #expect(d.severity == .error)
        #expect(d.location.line == (try line(containing: "total: 4,485,600.00", in: text)))
        #expect(d.field == "budget.total")
        #expect(d.found == "4,485,600.00")

        for fixedTotal in ["1000000.00", "1 000 000,00 Kč", "1\u{00A0}000\u{00A0}000,00\u{00A0}Kč", "1000000"] {
            let fixed = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: \(fixedTotal)")
            let fixedOutcome = try check(fixed)
            expectNone(RuleID.moneyFormat, in: fixedOutcome)
            expectNone(RuleID.budgetSum, in: fixedOutcome)
        }
    }

    @Test func sumOfSourcesMustEqualTotal() throws {
        let text = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: 1 000 000,01 Kč")
        let outcome = try check(text)
        let d = try single(RuleID.budgetSum, in: outcome)
        #expect(d.location.line == (try line(containing: "total: 1 000 000,01", in: text)))
        #expect(d.expected == "1\u{00A0}000\u{00A0}000,00\u{00A0}Kč")
        #expect(d.found == "1\u{00A0}000\u{00A0}000,01\u{00A0}Kč")
    }

    // MARK: Everything at once

    @Test func everyProblemOfAFileIsReported() throws {
        var text = try edited(TestPortal.minimalProject, replacing: "jana.novakova@test.example.cz", with: "jana@test")
        text = try edited(text, replacing: "duration_months: 36", with: "duration_months: 35")
        text = try edited(text, replacing: "share: 85 %", with: "share: 80 %")
        text = try edited(text, replacing: "programme:", with: "programe:")
        let outcome = try check(text)
        let rules = Set(outcome.diagnostics.map(\.rule))
        #expect(rules.isSuperset(of: [RuleID.contactEmail, RuleID.periodDuration, RuleID.budgetShare, RuleID.yamlUnknownField]), "\(outcome.summary)")
        // Sorted by line, as `publicita check` prints them.
        let lines = outcome.diagnostics.compactMap(\.location.line)
        #expect(lines == lines.sorted())
    }
}
