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

    @Test func idsAreUnique() {
        let ids = RuleCatalog.all.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    /// Every `.error("rule.id"` / `.warning("rule.id"` / `rule: "…"` in the sources names a catalogued rule.
    @Test func everyEmittedRuleIsCatalogued() throws {
        let sources = Self.repoRoot.appendingPathComponent("Sources/PublicitaKit")
        let enumerator = try #require(FileManager.default.enumerator(atPath: sources.path))
        var emitted: Set<String> = []
        let pattern = try Regex(#"\.(?:error|warning)\(\s*"([a-z0-9]+\.[a-z-]+)""#)
        while let path = enumerator.nextObject() as? String {
            guard path.hasSuffix(".swift"), !path.hasSuffix("RuleCatalog.swift") else { continue }
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { emitted.insert(String(id)) }
            }
        }
        #expect(emitted.count > 30, "the scan found too few rules to be trusted")
        let catalogued = Set(RuleCatalog.all.map(\.id))
        #expect(emitted.subtracting(catalogued).isEmpty, "not in RuleCatalog: \(emitted.subtracting(catalogued).sorted())")
    }
}
