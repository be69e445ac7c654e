import Foundation
import Testing
@testable import PublicitaKit

/// The texts that records repeat are held once, and only the same bytes are shared.
@Suite("Shared texts of a load")
struct TextInternerTests {
    private func storage(_ text: String) -> UnsafeRawPointer? {
        var copy = text
        return copy.withUTF8 { UnsafeRawPointer($0.baseAddress) }
    }

    @Test("a programme and a fund named in many records are one copy each; prose and short texts are not looked up")
    func repeatedNamesAreOneCopy() throws {
        try withTemporaryDirectory { folder in
            try generateCorpus(projects: 40, into: folder)
            let loaded = ContentLoader.loadParts(portalAt: folder)
            let projects = try #require(loaded.portal).projects.unnoted
            let programmes = Dictionary(grouping: projects.compactMap(\.programme), by: { $0 })
            let repeated = try #require(programmes.values.first { $0.count > 1 && $0[0].utf8.count >= TextInterner.shortest })
            #expect(Set(repeated.map(storage)).count == 1, "\(repeated[0]) is held once")
            let funds = projects.flatMap { $0.budget?.sources.map(\.name) ?? [] }.filter { $0 == "Státní rozpočet ČR" }
            #expect(funds.count > 1)
            #expect(Set(funds.map(storage)).count == 1)
            // The bodies' headings too.
            let headings = projects.flatMap(\.source.outline.headings).filter { $0.utf8.count >= TextInterner.shortest }
            let sameHeading = try #require(Dictionary(grouping: headings, by: { $0 }).values.first { $0.count > 1 })
            #expect(Set(sameHeading.map(storage)).count == 1, "\(sameHeading[0]) is held once")
        }
    }

    @Test("texts equal as strings but written with other code points keep their own bytes")
    func canonicallyEquivalentTextsStayApart() {
        let interner = TextInterner()
        func text(_ value: String) -> String {
            Array(value.utf8).withUnsafeBufferPointer { interner.text($0) }
        }
        let composed = "Kavárna U Lípy – Café", decomposed = "Kava\u{301}rna U Li\u{301}py – Cafe\u{301}"
        #expect(composed == decomposed, "Swift compares them as equal")
        let first = text(composed), second = text(decomposed), again = text(decomposed)
        #expect(Array(first.utf8) == Array(composed.utf8))
        #expect(Array(second.utf8) == Array(decomposed.utf8), "not replaced by the composed text read first")
        #expect(storage(again) == storage(second))
        // Stored inside the String, or prose: a new copy each time.
        let long = String(repeating: "Aktivita probíhá ve spolupráci se školami. ", count: 3)
        let prose = [text(long), text(long)]
        #expect(storage(prose[0]) != storage(prose[1]))
        #expect(Array(text("krátký").utf8) == Array("krátký".utf8))
    }
}
