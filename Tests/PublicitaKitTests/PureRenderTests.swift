import Foundation
import Testing
@testable import PublicitaKit

/// Render is pure: it reads only what the load stage captured. Records parsed from
/// text render with no portal folder at all, and a body whose file changed after
/// loading is refused (`file.changed`) instead of published unvalidated.
@Suite("Pure render")
struct PureRenderTests {
    /// A project that states its goals in its body, so the CSV reads the body too.
    static let sectionProject = TestPortal.minimalProject
        .replacingOccurrences(of: "goals:\n  - Snížit riziko kriminality.\n", with: "")
        .replacingOccurrences(of: "## Cíle projektu\n\nSnížit riziko kriminality.", with: "## Cíle projektu\n\nSnížit riziko kriminality v ulicích.")

    static func files() -> [String: String] {
        [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/a.md": sectionProject,
            "content/pages/o-nas.md": "---\ntitle: O nás\n---\n\nText stránky s [odkazem](/projekty/a/).\n",
            "content/news/2024-01-01-zprava.md": "---\ntitle: Zpráva\ndate: 2024-01-01\n---\n\nText zprávy.\n",
        ]
    }

    static func load(_ root: URL) throws -> (Site, Theme) {
        let portal = try #require(ContentLoader.load(portalAt: root).portal)
        let theme = try #require(Theme.load(portalRoot: root, language: portal.config.language).0)
        return (Site(portal: portal, reservedIDs: theme.staticIDs, today: BadInputCorpusTests.today), theme)
    }

    static func renderAll(_ site: Site, _ theme: Theme) -> [String: Result<[UInt8], Diagnostic>] {
        let renderer = Renderer(site: site, theme: theme)
        var pages: [String: Result<[UInt8], Diagnostic>] = [:]
        for page in site.pages { pages[page.outputFile] = renderer.render(page).map(\.bytes) }
        return pages
    }

    @Test func recordsFromTextRenderWithoutTheirFolder() throws {
        let portal = try TestPortal(files: Self.files())
        let (site, theme) = try Self.load(portal.root)
        let fromDisk = Self.renderAll(site, theme)
        // The same records parsed from their text (bodies kept), then the folder removed.
        var inMemory = site.portal
        inMemory.projects = RecordList(try inMemory.projects.map { project in
            let text = try portal.source(project.source.file)
            guard case .project(let parsed)? = ContentLoader.parseRecord(text, kind: .projects, relativePath: project.source.file).0 else {
                throw CocoaError(.fileReadCorruptFile)
            }
            return parsed
        })
        inMemory.pages = RecordList(try inMemory.pages.map { page in
            guard case .page(let parsed)? = ContentLoader.parseRecord(try portal.source(page.source.file), kind: .pages,
                                                                      relativePath: page.source.file).0 else { throw CocoaError(.fileReadCorruptFile) }
            return parsed
        })
        inMemory.news = RecordList(try inMemory.news.map { item in
            guard case .news(let parsed)? = ContentLoader.parseRecord(try portal.source(item.source.file), kind: .news,
                                                                      relativePath: item.source.file).0 else { throw CocoaError(.fileReadCorruptFile) }
            return parsed
        })
        try FileManager.default.removeItem(at: portal.root)
        let rendered = Self.renderAll(Site(portal: inMemory, reservedIDs: theme.staticIDs, today: BadInputCorpusTests.today), theme)
        #expect(rendered.count == fromDisk.count && rendered.count > 10)
        for (file, result) in fromDisk {
            let disk = try result.get(), memory = try #require(try rendered[file]?.get())
            #expect(disk == memory, "\(file) differs")
        }
        let csv = String(decoding: try #require(try rendered["data/projekty.csv"]?.get()), as: UTF8.self)
        #expect(csv.contains("Snížit riziko kriminality v ulicích."))
    }

    @Test func aBodyChangedAfterLoadingIsNotRendered() throws {
        let portal = try TestPortal(files: Self.files())
        let (site, theme) = try Self.load(portal.root)
        try portal.write(Data((Self.sectionProject + "\nPřipsáno po kontrole.\n").utf8), to: "content/projects/a.md")
        let rendered = Self.renderAll(site, theme)
        for file in ["projekty/a/index.html", "data/projekty.csv", "data/projekty.json"] {
            guard case .failure(let problem)? = rendered[file] else {
                Issue.record("\(file) was rendered from a changed file")
                continue
            }
            #expect(problem.rule == .fileChanged && problem.location.file == "content/projects/a.md")
        }
        // Pages that do not read the changed body are not affected.
        #expect((try? rendered["o-nas/index.html"]?.get()) != nil)
    }
}
