import Foundation
import Testing
@testable import PublicitaKit

/// Page keys come from what each render read (``ReadLog``), not from a list of
/// what each page shows: a view field that starts showing another record makes
/// its page depend on that record, with no key code changed.
@Suite("Keys from recorded reads")
struct ReadKeyTests {
    /// A view field no view model has: each project page shows the next project's title.
    private static let neighbourTitle: Renderer.ExtraFields = { page, site in
        guard case .project(let index) = page.kind else { return [:] }
        return ["neighbour_title": site.portal.projects[(index + 1) % site.portal.projects.count].title]
    }

    /// A portal whose project template shows the new field, and the options building it.
    private static func portal(in tmp: URL) throws -> (root: URL, options: (URL) -> Builder.Options) {
        let root = tmp.appendingPathComponent("portal")
        try generateCorpus(projects: 6, into: root)
        let builtIn = try #require(BuiltInTheme.files["templates/project.mustache"].flatMap { String(data: $0, encoding: .utf8) })
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try Data((builtIn + "<p class=\"soused\">{{neighbour_title}}</p>\n").utf8).write(to: templates.appendingPathComponent("project.mustache"))
        return (root, { output in
            var options = Builder.Options(portalRoot: root, output: output, today: testToday)
            options.extraViewFields = Self.neighbourTitle
            return options
        })
    }

    /// The project files in portal order, and the output file of each one's page.
    private static func projects(_ root: URL) throws -> [(file: URL, page: String)] {
        let portal = try #require(ContentLoader.loadParts(portalAt: root, cache: nil).portal)
        return portal.projects.unnoted.map {
            (root.appendingPathComponent($0.source.file), Route.outputFile(for: Route.project($0.source.slug.value)))
        }
    }

    private static func retitle(_ file: URL, to title: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("title: ") })
        lines[index] = "title: \"\(title)\""
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
    }

    private static func page(_ output: URL, _ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func aBuildRendersAgainThePagesThatShowAnEditedRecordThroughANewField() throws {
        try withTemporaryDirectory { tmp in
            let (root, options) = try Self.portal(in: tmp)
            let output = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            let first = Builder.run(options(output))
            #expect(!first.failed, "\(first.diagnostics.prefix(3))")
            let projects = try Self.projects(root)
            try Self.retitle(projects[1].file, to: "Zcela nový název sousedního projektu")
            let second = Builder.run(options(output))
            #expect(!second.failed)
            // The page of project 0 shows project 1's title through the new field.
            #expect(try Self.page(output, projects[0].page).contains("<p class=\"soused\">Zcela nový název sousedního projektu</p>"))
            // Not everything was rendered: the keys told which pages read project 1.
            #expect(second.pagesRendered > 1 && second.pagesRendered < first.pagesRendered)
            #expect(!Builder.run(options(clean)).failed)
            #expect(try snapshot(of: output) == snapshot(of: clean))
        }
    }

    @Test func aSessionRendersAgainThePagesThatShowAnEditedRecordThroughANewField() throws {
        try withTemporaryDirectory { tmp in
            let (root, options) = try Self.portal(in: tmp)
            let output = tmp.appendingPathComponent("served"), clean = tmp.appendingPathComponent("clean")
            let session = BuildSession(options(output))
            #expect(!session.build().failed)
            let projects = try Self.projects(root)
            let before = InputStamps.scan(root)
            try Self.retitle(projects[3].file, to: "Přejmenovaný projekt")
            let edited = session.build(changes: InputChanges(from: before, to: InputStamps.scan(root)))
            #expect(!edited.failed && session.lastBuildWasIncremental)
            #expect(try Self.page(output, projects[2].page).contains("<p class=\"soused\">Přejmenovaný projekt</p>"))
            #expect(!Builder.run(options(clean)).failed)
            #expect(try snapshot(of: output) == snapshot(of: clean))
        }
    }

    @Test func aPageDependsOnTheRecordsItShowedAndAListOnlyOnTheirFields() throws {
        try withTemporaryDirectory { tmp in
            let (root, options) = try Self.portal(in: tmp)
            let output = tmp.appendingPathComponent("site")
            #expect(!Builder.run(options(output)).failed)
            let manifest = try #require(BuildManifest.load(for: output)).loadingReads(for: output)
            let projects = try Self.projects(root)
            let file = { (index: Int) in String(projects[index].file.path.dropFirst(root.path.count + 1)) }
            let projectPage = try #require(manifest.reads[projects[0].page])
            #expect(projectPage.contains(file(0)) && projectPage.contains(ReadLog.bodyPrefix + file(0)))
            #expect(projectPage.contains(file(1)), "the new field read project 1")
            #expect(!projectPage.contains(file(2)))
            // The home page lists projects: their fields, not their bodies.
            let home = try #require(manifest.reads["index.html"])
            #expect(home.contains(file(0)) && !home.contains(ReadLog.bodyPrefix + file(0)))
        }
    }
}
