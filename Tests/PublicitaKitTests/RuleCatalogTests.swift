import Foundation
import Testing
@testable import PublicitaKit

/// The rule catalog is the single list of rule ids: the README's table is
/// generated from it and every id the code emits must be in it.
@Suite("Rule catalog")
struct RuleCatalogTests {
    private static let repoRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func readmeListsEveryRuleAsGenerated() throws {
        let readme = try String(contentsOf: Self.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == RuleCatalog.markdown(.cs),
                "README's rule table is stale: run `publicita rules` and paste it between the markers")
    }

    @Test func everyRuleIsDescribed() {
        for rule in RuleCatalog.all {
            #expect(!rule.example.cs.isEmpty && !rule.example.en.isEmpty && !rule.fix.cs.isEmpty && !rule.fix.en.isEmpty, "\(rule.id)")
        }
        #expect(RuleCatalog.all.map(\.id) == RuleID.allCases)
    }

    /// Every rule type in Validate/ is in the registry, so the validator runs it.
    @Test func registryListsEveryRuleType() throws {
        let folder = Self.repoRoot.appendingPathComponent("Sources/PublicitaKit/Validate")
        var declared: [String: String] = [:]
        let pattern = try Regex(#"enum (\w+): (ProjectRule|PortalRule)\b"#)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".swift") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let type = match.output[1].substring, let kind = match.output[2].substring { declared[String(type)] = String(kind) }
            }
        }
        #expect(declared.count >= 10, "the scan found too few rule types to be trusted")
        let projectRules = Set(RuleRegistry.projectRules.map { String(describing: $0) })
        let portalRules = Set(RuleRegistry.portalRules.map { String(describing: $0) })
        for (type, kind) in declared {
            #expect((kind == "ProjectRule" ? projectRules : portalRules).contains(type), "\(type) is not in RuleRegistry")
        }
        #expect(projectRules.count == RuleRegistry.projectRules.count && portalRules.count == RuleRegistry.portalRules.count)
    }
}
