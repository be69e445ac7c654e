import Foundation
import Testing
@testable import PublicitaKit

/// The write stage replaces a site whole or not at all, and never touches a
/// folder publicita did not make.
@Suite("Site writer")
struct SiteWriterTests {
    private func files(_ pairs: [(String, String)]) -> [(path: String, content: SiteWriter.Content)] {
        pairs.map { (path: $0.0, content: .data(Data($0.1.utf8))) }
    }

    /// What is in `folder` besides `keep`.
    /// What lies beside the output apart from it and its build cache (`.site.cache`, kept on purpose).
    private func siblings(in folder: URL, except keep: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != keep && $0 != ".\(keep).cache" }.sorted()
    }

    @Test func writesIntoAMissingFolder() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("a/b/site", isDirectory: true)
            try SiteWriter.write(files([("index.html", "<p>ahoj</p>"), ("projekty/x/index.html", "x")]), to: output)
            #expect(try readOutputFile(output, "index.html") == "<p>ahoj</p>")
            #expect(try readOutputFile(output, "projekty/x/index.html") == "x")
            #expect(relativeFiles(in: output) == [SiteWriter.markerFile, "index.html", "projekty/x/index.html"])
            #expect(try siblings(in: output.deletingLastPathComponent(), except: "site").isEmpty)
        }
    }

    @Test func writesIntoAnEmptyFolder() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try SiteWriter.write(files([("index.html", "nový")]), to: output)
            #expect(try readOutputFile(output, "index.html") == "nový")
        }
    }

    @Test func refusesAFolderWithoutTheMarker() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("documents", isDirectory: true)
            try FileManager.default.createDirectory(at: output.appendingPathComponent("sub"), withIntermediateDirectories: true)
            try Data("důležitý dopis".utf8).write(to: output.appendingPathComponent("dopis.txt"))
            try Data([0xFF, 0x00, 0x7F]).write(to: output.appendingPathComponent("sub/data.bin"))
            let before = try snapshot(of: output)

            #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter.write(files([("index.html", "nový web")]), to: output)
            }
            #expect(try snapshot(of: output) == before)
            #expect(try siblings(in: tmp, except: "documents").isEmpty, "staging left behind")
        }
    }

    @Test func refusesAFileInPlaceOfTheFolder() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site")
            try Data("soubor".utf8).write(to: output)
            #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter.write(files([("index.html", "nový web")]), to: output)
            }
            #expect(try Data(contentsOf: output) == Data("soubor".utf8))
            #expect(try siblings(in: tmp, except: "site").isEmpty)
        }
    }

    @Test func builderRefusesAFolderWithoutTheMarker() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/projekt.md": TestPortal.minimalProject,
        ])
        try FileManager.default.createDirectory(at: portal.output, withIntermediateDirectories: true)
        try Data("cizí".utf8).write(to: portal.output.appendingPathComponent("index.html"))
        let outcome = portal.build()
        #expect(outcome.failed)
        #expect(outcome.diagnostics(RuleID.outputWrite).count == 1, "\(outcome.summary)")
        #expect(try portal.page("index.html") == "cizí")
        #expect(relativeFiles(in: portal.output) == ["index.html"])
    }

    @Test func replacesAnOldSiteWhole() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            try SiteWriter.write(files([
                ("index.html", "stará"),
                ("projekty/stary/index.html", "starý projekt"),
                ("assets/style.css", "body{}"),
            ]), to: output)
            #expect(relativeFiles(in: output).contains("projekty/stary/index.html"))

            try SiteWriter.write(files([("index.html", "nová"), ("projekty/novy/index.html", "nový projekt")]), to: output)
            #expect(relativeFiles(in: output) == [SiteWriter.markerFile, "index.html", "projekty/novy/index.html"])
            #expect(try readOutputFile(output, "index.html") == "nová")
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("projekty/stary").path))
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("assets").path))
            let leftovers = try siblings(in: tmp, except: "site")
            #expect(leftovers.isEmpty, "staging or old folders left: \(leftovers)")
        }
    }

    @Test func builderReplacesItsOwnSite() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/prvni.md": TestPortal.minimalProject,
        ])
        #expect(!portal.build().failed)
        #expect(FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("projekty/prvni/index.html").path))

        // The project is renamed: the old page must disappear from the new site.
        try FileManager.default.removeItem(at: portal.root.appendingPathComponent("content/projects/prvni.md"))
        try portal.write(Data(TestPortal.minimalProject.utf8), to: "content/projects/druhy.md")
        let second = portal.build()
        #expect(!second.failed, "\(second.summary)")
        let names = relativeFiles(in: portal.output)
        #expect(names.contains("projekty/druhy/index.html"))
        #expect(!names.contains("projekty/prvni/index.html"))
        let beside = try siblings(in: portal.workspace, except: "site").filter { $0 != "portal" }
        #expect(beside.isEmpty, "left beside the output: \(beside)")
    }

    @Test func copiesStaticFiles() throws {
        let portal = try TestPortal(
            files: ["portal.yaml": TestPortal.minimalPortalYAML, "content/projects/p.md": TestPortal.minimalProject],
            binaryFiles: ["static/dokumenty/zprava.pdf": Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF])])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let copied = try Data(contentsOf: portal.output.appendingPathComponent("dokumenty/zprava.pdf"))
        #expect(copied == Data([0x25, 0x50, 0x44, 0x46, 0x00, 0xFF]))
    }

    @Test func refusesPathsLeavingTheOutput() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site", isDirectory: true)
            #expect(throws: SiteWriter.WriteError.self) {
                try SiteWriter.write(files([("index.html", "ok"), ("../venku.html", "ne")]), to: output)
            }
            #expect(!FileManager.default.fileExists(atPath: tmp.appendingPathComponent("venku.html").path))
            #expect(!FileManager.default.fileExists(atPath: output.path))
            #expect(try siblings(in: tmp, except: "site").isEmpty)
        }
    }

    @Test(arguments: ["../x", "/abs", "a\\b", "a/./b", "a//b", "", ".", "..", "a/..", "a/../b", "x/", "a\0b"])
    func outputPathRejects(_ path: String) {
        #expect(OutputPath(path) == nil, "\(path.debugDescription) was accepted")
    }

    @Test(arguments: ["index.html", "projekty/liberec-apk/index.html", "assets/style.css", ".publicita-site", "a..b/c"])
    func outputPathAccepts(_ path: String) {
        #expect(OutputPath(path)?.relative == path)
    }

    /// The writer's parent folders are what NSString gave for the paths it writes
    /// (absolute ones: NSString traps on a one-letter relative path such as "x").
    @Test(arguments: ["/tmp/.site.staging-1-AB/projekty/liberec-apk/index.html", "/tmp/.site.staging-1-AB/index.html",
                      "/tmp/x", "/x", "/", "/tmp/.site.staging-1-AB/a..b/c", "/tmp/č/ř.html"])
    func parentFolderIsWhatNSStringGave(_ path: String) {
        #expect(FileIO.parentFolder(of: path) == (path as NSString).deletingLastPathComponent)
    }
}

/// The builder refuses an output folder that is the portal itself or lies in its sources.
@Suite("Output placement")
struct OutputPlacementTests {
    @Test(arguments: ["", "content", "content/site", "static/site", "templates"])
    func refused(_ relative: String) throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/projekt.md": TestPortal.minimalProject,
        ])
        let output = relative.isEmpty ? portal.root : portal.root.appendingPathComponent(relative, isDirectory: true)
        let before = relativeFiles(in: portal.root)
        let outcome = runBuilder(portal: portal.root, output: output)
        #expect(outcome.diagnostics(RuleID.outputLocation).count == 1, "\(outcome.summary)")
        #expect(relativeFiles(in: portal.root) == before, "the portal's files changed")
    }

    @Test func siteInsideThePortalIsAllowed() throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/projekt.md": TestPortal.minimalProject,
        ])
        let outcome = runBuilder(portal: portal.root, output: portal.root.appendingPathComponent("site", isDirectory: true))
        #expect(!outcome.failed, "\(outcome.summary)")
        #expect(relativeFiles(in: portal.root).contains("site/projekty/projekt/index.html"))
    }
}
