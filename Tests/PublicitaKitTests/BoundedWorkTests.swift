import Foundation
import Testing
@testable import PublicitaKit

/// Heading ids, "did you mean" suggestions and link notes stay bounded by their
/// input's size, and give the same answers as the plain algorithms they replace.
@Suite("Bounded work")
struct BoundedWorkTests {
    @Test func headingIDsStayUniqueWhenAHeadingLooksLikeANumberedOne() {
        var ids = HeadingIDs(reserved: ["obsah"])
        let given = ["A", "A", "A 2", "A", "Obsah", "a-2-2"].map { ids.next(for: $0) }
        #expect(given == ["a", "a-2", "a-2-2", "a-3", "obsah-2", "a-2-2-2"])
        #expect(Set(given).count == given.count)
    }

    @Test func tenThousandEqualHeadingsGetDistinctIDs() {
        var ids = HeadingIDs()
        let given = (0..<10_000).map { _ in ids.next(for: "Cíle projektu") }
        #expect(Set(given).count == 10_000)
        #expect(given[0] == "cile-projektu" && given[1] == "cile-projektu-2" && given[9_999] == "cile-projektu-10000")
    }

    /// The plain search the bounded one must agree with: the first of the nearest, if close enough.
    static func plainNearest(_ name: String, _ candidates: [String]) -> String? {
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = NearestName.editDistance(Array(name.lowercased()), Array(candidate.lowercased()))
            if distance < (best?.distance ?? .max) { best = (candidate, distance) }
        }
        guard let best else { return nil }
        return best.distance <= max(2, min(name.count, best.name.count) / 3) ? best.name : nil
    }

    @Test func nearestNameAgreesWithThePlainSearch() {
        var random = SplitMix64(seed: 12)
        let letters = Array("abcdeé-/")
        func word(_ length: Int) -> String { String((0..<length).map { _ in letters[Int(random.next() % UInt64(letters.count))] }) }
        for _ in 0..<400 {
            let candidates = (0..<Int(random.next() % 12)).map { _ in word(Int(random.next() % 14)) }
            let name = Bool.random(using: &random) && !candidates.isEmpty
                ? String(candidates[Int(random.next() % UInt64(candidates.count))].shuffled(using: &random).prefix(13))
                : word(Int(random.next() % 16))
            #expect(NearestName.find(for: name, among: candidates) == Self.plainNearest(name, candidates), "\(name) in \(candidates)")
        }
        #expect(NearestName.find(for: "registation_number", among: ["registration_number", "title"]) == "registration_number")
    }

    @Test func aMegabyteNameAgainstThousandsOfTargetsIsRefusedAtOnce() {
        let targets = (0..<5_000).map { "/projekty/projekt-cislo-\($0)/" }
        func time(_ body: () -> Void) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        var near: String?
        let short = time { near = NearestName.find(for: "/projekty/projket-cislo-4321/", among: targets) }
        #expect(near == "/projekty/projekt-cislo-4321/")
        var far: String? = "x"
        let long = time { far = NearestName.find(for: "/" + String(repeating: "a", count: 1 << 20), among: targets) }
        #expect(far == nil)
        // Comparing a megabyte against each of 5 000 targets would take hours; the length check takes the time of reading it.
        #expect(long < max(short, 0.05) * 20, "short \(short) s, long \(long) s")
    }

    @Test func aBrokenLinksSuggestionIsTheFirstOfEquallyNearTargets() throws {
        var files = ["portal.yaml": TestPortal.minimalPortalYAML]
        for (index, slug) in ["projekt-c", "projekt-a", "projekt-b"].enumerated() {
            var text = try edited(TestPortal.minimalProject, replacing: "16_052/0007824", with: "16_052/000782\(index)")
            if slug == "projekt-c" { text = try edited(text, replacing: "Text projektu.", with: "Viz [projekt](/projekty/projekt-x/).") }
            files["content/projects/\(slug).md"] = text
        }
        let portal = try TestPortal(files: files)
        let broken = try #require(portal.check().diagnostics(RuleID.linkBroken).first)
        #expect(broken.suggestion?.cs == "myslíte /projekty/projekt-a/?")
    }
}
