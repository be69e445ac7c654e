import Foundation
import Testing
@testable import PublicitaKit

/// The committed JSON Schema files, applied by a real JSON Schema validator
/// (Python's `jsonschema`, draft-07 as declared, and 2020-12) to the records as an
/// editor sees them: every valid record is accepted and the bad-input corpus
/// cases the schema can express are refused.
@Suite("JSON Schema validation", .enabled(if: SchemaTestSupport.validates, SchemaTestSupport.skipMessage))
struct SchemaValidationTests {
    /// Rules whose cases the schema can express, each case refused by the schema.
    ///
    /// Expressible: `yaml.unknown-field` (`additionalProperties: false`), `yaml.required`
    /// (`required`, `if`/`else` for `registration_number` unless `funding: none` and for
    /// `period.start` unless `not_published`), `yaml.type` (`type`, `enum`, `pattern` for
    /// whole numbers), `money.format`, `share.format`, `date.format` and `regno.format`
    /// (`pattern`; dates also refuse days a month does not have, except 29 February of a
    /// common year).
    static let expressibleRules: Set<String> = [
        RuleID.yamlUnknownField.rawValue, RuleID.yamlRequired.rawValue, RuleID.yamlType.rawValue, RuleID.moneyFormat.rawValue, RuleID.shareFormat.rawValue, RuleID.dateFormat.rawValue, RuleID.regnoFormat.rawValue,
    ]

    /// Cases of those rules the schema cannot express, and why.
    static let inexpressibleCases: [String: String] = [
        "020-yaml.required-source-amount":
            "a source needs an amount only when the budget has a total: a rule across fields (BudgetRule)",
        "046-money.format-dot-three-decimals":
            "YAML reads 1.234 as a number; JSON Schema cannot count a number's decimals reliably (multipleOf on binary floats)",
        "140-money.format-above-maximum":
            "the maximum of an amount written in Czech form (150 000 000 000 000,00 Kč) is a count of digit groups the amount pattern does not make",
        "143-yaml.required-empty-source-amount":
            "as 020: a source needs an amount only when the budget has a total (BudgetRule)",
    ]

    /// Rules about meaning the schema does not look at: files breaking only these must still be accepted.
    /// (Not `link.project`: a project reference that is not even a slug, `Liberec APK`, is refused
    /// by the schema's slug pattern; not `budget.negative`: the schema refuses negative amounts.)
    static let semanticRules: Set<String> = [
        RuleID.budgetSum.rawValue, RuleID.budgetShare.rawValue, RuleID.budgetNoSources.rawValue, RuleID.budgetNoTotal.rawValue, RuleID.budgetCurrency.rawValue,
        RuleID.regnoDuplicate.rawValue, RuleID.periodOrder.rawValue, RuleID.periodDuration.rawValue, RuleID.contactEmail.rawValue, RuleID.contactPhone.rawValue,
        RuleID.linkBroken.rawValue, RuleID.linkAnchor.rawValue, RuleID.linkUnsafe.rawValue, RuleID.tableUnknown.rawValue, RuleID.tableShape.rawValue, RuleID.tableDuplicate.rawValue,
        RuleID.correctionIncomplete.rawValue, RuleID.euGoals.rawValue, RuleID.euResults.rawValue, RuleID.euShare.rawValue, RuleID.slugDuplicate.rawValue, RuleID.slugReserved.rawValue,
    ]

    @Test func everyExampleRecordAndGoodFixtureIsAccepted() throws {
        var cases = try SchemaTestSupport.cases(inPortal: TestPaths.repositoryRoot, prefix: "example:")
        for name in BadInputCorpusTests.goodNames {
            cases += try SchemaTestSupport.cases(inPortal: BadInputCorpusTests.goodFolder.appendingPathComponent(name), prefix: "good/\(name):")
        }
        #expect(cases.count >= 11, "too few records found: \(cases.map(\.name))")
        let verdicts = try SchemaTestSupport.validate(cases)
        for item in cases {
            let verdict = try #require(verdicts[item.name])
            #expect(verdict.valid, "\(item.name) is refused by the schema:\n\(verdict.errors.joined(separator: "\n"))")
            #expect(verdict.valid_2020_12 == verdict.valid, "\(item.name): draft 2020-12 reads the schema differently")
        }
    }

    /// Every record the scaffold writes is accepted once filled in, and its empty required fields are refused.
    @Test func scaffoldedRecordsAndANewPortalAreAccepted() throws {
        try withTemporaryDirectory { folder in
            let portal = folder.appendingPathComponent("portal")
            try Scaffold.createPortal(at: portal)
            var cases = try SchemaTestSupport.cases(inPortal: portal, prefix: "new-portal:")
            for kind in ContentKind.allCases {
                let template = Scaffold.recordTemplate(kind, values: Scaffold.startingValues(kind))
                let filled = try ScaffoldTests.filled(template, kind: kind)
                if let json = try SchemaTestSupport.json(fromRecord: filled) {
                    cases.append(.init(name: "filled:\(kind)", schema: SchemaTestSupport.schemaFile(kind), instance: json))
                }
                if let json = try SchemaTestSupport.json(fromRecord: template) {
                    cases.append(.init(name: "unfilled:\(kind)", schema: SchemaTestSupport.schemaFile(kind), instance: json))
                }
            }
            let verdicts = try SchemaTestSupport.validate(cases)
            for item in cases {
                let verdict = try #require(verdicts[item.name])
                if item.name.hasPrefix("unfilled:") {
                    #expect(!verdict.valid, "\(item.name): the schema accepts a template with empty required fields")
                } else {
                    #expect(verdict.valid, "\(item.name) is refused:\n\(verdict.errors.joined(separator: "\n"))")
                }
                #expect(verdict.valid_2020_12 == verdict.valid, "\(item.name): draft 2020-12 reads the schema differently")
            }
        }
    }

    @Test func badCorpusCasesTheSchemaCanExpressAreRefused() throws {
        var cases: [SchemaTestSupport.Case] = []
        var expectations: [String: [BadInputCorpusTests.Expectation]] = [:]
        for name in BadInputCorpusTests.caseNames {
            let folder = BadInputCorpusTests.badFolder.appendingPathComponent(name)
            expectations[name] = try BadInputCorpusTests.expectations(in: folder)
            // Files that are not YAML at all (syntax, encoding, aliases) are the parser's business.
            let found = (try? SchemaTestSupport.cases(inPortal: folder, prefix: "\(name)/")) ?? []
            cases += found
        }
        let verdicts = try SchemaTestSupport.validate(cases)
        var refusedCases = 0
        for item in cases {
            let verdict = try #require(verdicts[item.name])
            let name = String(item.name.prefix { $0 != "/" })
            let file = String(item.name.dropFirst(name.count + 1))
            let rules = Set((expectations[name] ?? []).filter { $0.file == file }.map(\.rule))
            #expect(verdict.valid_2020_12 == verdict.valid, "\(item.name): draft 2020-12 reads the schema differently")
            if !rules.isDisjoint(with: Self.expressibleRules) && Self.inexpressibleCases[name] == nil {
                #expect(!verdict.valid, "\(item.name) breaks \(rules.sorted()) but the schema accepts it")
                if !verdict.valid { refusedCases += 1 }
            } else if rules.isSubset(of: Self.semanticRules) {
                #expect(verdict.valid, "\(item.name) (\(rules.sorted())) is refused by the schema, which check accepts at load:\n\(verdict.errors.joined(separator: "\n"))")
            }
        }
        #expect(refusedCases >= 39, "only \(refusedCases) corpus files refused")
    }
}
