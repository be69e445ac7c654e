import Testing
@testable import PublicitaKit

/// The site model's fingerprint (the structure in every page key): equal values
/// give equal fingerprints, and any change of a stored property changes it — in the
/// indexes and the site's pages hashed without a mirror too.
@Suite("Fingerprint")
struct FingerprintTests {
    private struct Item { var path: String; var kind: SitePage.Kind }
    private struct Model {
        var items: [Item]
        var bySlug: [String: Int]
        var titles: [String: String]
    }

    private func model(_ count: Int) -> Model {
        Model(items: (0..<count).map { Item(path: "/projekty/p-\($0)/", kind: $0 % 2 == 0 ? .project($0) : .poster($0)) },
              bySlug: Dictionary(uniqueKeysWithValues: (0..<count).map { ("p-\($0)", $0) }),
              titles: ["a": "Asistenti", "b": "Bezpečnost"])
    }

    @Test("equal models, made apart, fingerprint the same; dictionaries in any order")
    func equalValues() {
        let first = model(5_000), second = model(5_000)
        #expect(Fingerprint.of(first) == Fingerprint.of(second))
        var reordered = first
        reordered.bySlug = Dictionary(uniqueKeysWithValues: first.bySlug.sorted { $0.key > $1.key }.map { ($0.key, $0.value) })
        #expect(Fingerprint.of(reordered) == Fingerprint.of(first))
    }

    @Test("a change anywhere in a long list, in an index or in a title changes the fingerprint", arguments: [0, 1_023, 4_999])
    func changes(position: Int) {
        let original = model(5_000)
        let fingerprint = Fingerprint.of(original)
        var path = original
        path.items[position].path += "x"
        #expect(Fingerprint.of(path) != fingerprint)
        var kind = original
        kind.items[position].kind = .report(position)
        #expect(Fingerprint.of(kind) != fingerprint)
        var index = original
        index.bySlug["p-\(position)"] = position + 1
        #expect(Fingerprint.of(index) != fingerprint)
        var shorter = original
        shorter.items.removeLast()
        #expect(Fingerprint.of(shorter) != fingerprint)
        var swapped = original
        swapped.items.swapAt(position, (position + 1) % 5_000)
        #expect(Fingerprint.of(swapped) != fingerprint)
        var title = original
        title.titles["b"] = "Bezpečnost!"
        #expect(Fingerprint.of(title) != fingerprint)
    }

    @Test("a site page's fingerprint covers every stored property and case it has")
    func sitePages() {
        // A property added to SitePage must be added to SitePage.fingerprint(into:) too.
        #expect(Mirror(reflecting: SitePage(kind: .home, path: "/")).children.map(\.label) == ["kind", "path", "language"])
        let pages = [SitePage(kind: .project(3), path: "/projekty/a/"), SitePage(kind: .city(1, page: 2), path: "/mesta/b/2/"),
                     SitePage(kind: .file(.sitemapPart(2)), path: "/sitemap-2.xml", language: .en)]
        let fingerprint = Fingerprint.of(pages)
        for variant: [SitePage] in [
            [pages[0], pages[2], pages[1]],
            [SitePage(kind: .poster(3), path: "/projekty/a/")] + pages.dropFirst(),
            [SitePage(kind: .project(4), path: "/projekty/a/")] + pages.dropFirst(),
            [pages[0], SitePage(kind: .city(1, page: 3), path: "/mesta/b/2/"), pages[2]],
            [pages[0], SitePage(kind: .group(1, page: 2), path: "/mesta/b/2/"), pages[2]],
            pages.dropLast() + [SitePage(kind: .file(.sitemapPart(2)), path: "/sitemap-2.xml")],
            pages.dropLast() + [SitePage(kind: .file(.sitemapPart(3)), path: "/sitemap-2.xml", language: .en)],
            pages.dropLast() + [SitePage(kind: .file(.sitemap), path: "/sitemap-2.xml", language: .en)],
            pages.dropLast(),
        ] {
            #expect(Fingerprint.of(variant) != fingerprint, "\(variant)")
        }
    }
}
