import Foundation
import Testing
@testable import PublicitaKit

/// Amounts at, just above and far beyond ``Money/maximum`` go through every stage
/// (load, validate, render, open data) of a real portal on disk and end as errors
/// at their line, never as a trap. (Before the maximum, 1,5 × 10¹⁴ Kč passed the
/// check and killed the build with SIGILL in the funding chart.)
@Suite("Amount limits")
struct AmountLimitTests {
    /// The minimal project with its budget replaced by `budget` (YAML, indented by two).
    static func project(budget: String) throws -> String {
        let start = try #require(TestPortal.minimalProject.range(of: "budget:\n"))
        let end = try #require(TestPortal.minimalProject.range(of: "goals:\n"))
        return String(TestPortal.minimalProject[..<start.lowerBound]) + "budget:\n" + budget
            + String(TestPortal.minimalProject[end.lowerBound...])
    }

    static func portal(budget: String) throws -> TestPortal {
        try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/velky.md": try project(budget: budget),
        ])
    }

    static func budget(total: String, sources: [(kind: String, amount: String)]) -> String {
        var text = "  currency: CZK\n  total: \(total)\n  sources:\n"
        for (index, source) in sources.enumerated() {
            text += "    - name: Zdroj \(index + 1)\n      kind: \(source.kind)\n      amount: \(source.amount)\n"
        }
        return text
    }

    /// The maximum itself is a valid amount: check and build pass, and the pages and data show it exactly.
    @Test func theMaximumBuilds() throws {
        let portal = try Self.portal(budget: Self.budget(total: "9 999 999 999 999,99 Kč", sources: [
            ("eu", "8 499 999 999 999,99 Kč"), ("national", "1 000 000 000 000,00 Kč"), ("own", "500 000 000 000,00 Kč"),
        ]))
        #expect(portal.check().errors.isEmpty, "\(portal.check().summary)")
        let outcome = portal.build()
        #expect(outcome.errors.isEmpty, "\(outcome.summary)")
        let page = try portal.page("projekty/velky/index.html")
        #expect(page.contains("9\u{00A0}999\u{00A0}999\u{00A0}999\u{00A0}999,99"))
        #expect(page.contains("funding-chart"))
        let csv = try portal.page("data/projekty.csv")
        // Total, total as published, no correction, the EU contribution (one source's amount, not a computed sum).
        #expect(csv.contains(",9999999999999.99,9999999999999.99,,8499999999999.99,false,"))
        // The shares the record does not state are computed exactly at the maximum, and add up.
        #expect(page.contains("≈\u{00A0}85,0\u{00A0}%, dopočteno") && page.contains("≈\u{00A0}5,0\u{00A0}%, dopočteno"))
        #expect(page.contains("<td class=\"num\">100,0\u{00A0}%</td>"))
    }

    /// Just above the maximum, at the size that trapped, and at Int64's own limit:
    /// `money.format` at the amount's line, for the total and for a source; nothing built.
    @Test(arguments: [
        "10 000 000 000 000,00 Kč", "10000000000000", "150 000 000 000 000 Kč",
        "92233720368547758.07", "92 233 720 368 547 758,08 Kč", "-92233720368547758.08", "999999999999999999999999",
    ])
    func aboveTheMaximumIsAnErrorAtItsLine(amount: String) throws {
        let portal = try Self.portal(budget: Self.budget(total: amount, sources: [("eu", amount), ("own", "1 Kč")]))
        let source = try portal.source("content/projects/velky.md")
        for outcome in [portal.check(), portal.build()] {
            let errors = outcome.diagnostics(RuleID.moneyFormat)
            let expected = [lineNumber(ofLineStartingWith: "total:", in: source), lineNumber(ofLineStartingWith: "amount: \(amount)", in: source)]
            #expect(errors.map(\.location.line) == expected, "\(outcome.summary)")
            #expect(errors.allSatisfy { $0.message.cs.contains("9\u{00A0}999\u{00A0}999\u{00A0}999\u{00A0}999,99") })
            #expect(outcome.failed)
        }
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("projekty/velky/index.html").path))
    }

    /// Ten thousand sources at the maximum add up past Int64: `budget.sum` says the sum is
    /// out of range; check and build end with that error, not a trap.
    @Test(.timeLimit(.minutes(2)))
    func sourcesSummingPastInt64() throws {
        let sources = Array(repeating: (kind: "eu", amount: "9999999999999.99"), count: 10_000)
        let portal = try Self.portal(budget: Self.budget(total: "9999999999999.99", sources: sources))
        for outcome in [portal.check(), portal.build()] {
            let sum = outcome.diagnostics(RuleID.budgetSum)
            #expect(sum.count == 1, "\(outcome.summary.prefix(2000))")
            #expect(sum.first?.message.cs.contains("mimo rozsah") == true)
            #expect(outcome.errors.allSatisfy { $0.rule == RuleID.budgetSum }, "\(outcome.summary.prefix(2000))")
        }
    }

    /// The funding chart scales on 128 bits: any amount gives widths within the bar.
    @Test func chartWidthsNeverOverflow() {
        let huge = Money(halere: Int64.max)
        #expect(FundingChart.pixels(huge, of: huge, width: 600) == 600)
        #expect(FundingChart.pixels(Money(halere: Int64.max / 2), of: huge, width: 600) == 299)
        #expect(FundingChart.pixels(huge, of: Money(halere: 1), width: 600) == 600)  // more than the total: clamped
        #expect(FundingChart.pixels(Money(halere: -5), of: huge, width: 600) == 0)
        #expect(FundingChart.pixels(Money.maximum, of: Money.maximum, width: 600) == 600)
        let segments = [
            FundingChart.Segment(label: "EU", kind: .eu, amount: huge, amountText: "", shareText: ""),
            FundingChart.Segment(label: "Město", kind: .own, amount: huge, amountText: "", shareText: ""),
        ]
        let svg = FundingChart.svg(segments: segments, total: huge, title: "Graf", id: "chart")
        #expect(svg?.contains("width=\"600\"") == true)
    }

    /// Every sum over amounts is checked: past Int64 it is nil, never a wrapped value.
    @Test func sumsAreChecked() {
        let many = Array(repeating: Money.maximum, count: 9_300)
        #expect(Money.sum(many.prefix(9_223)) != nil)
        #expect(Money.sum(many) == nil)
        #expect(Share.of(Money.maximum, in: Money(halere: 1), decimals: 4) == nil)
        #expect(Share.of(Money.maximum, in: Money.maximum, decimals: 4)?.plainDecimal == "100.0000")
    }
}
