import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PublicitaKit
@testable import PublicitaServe

/// Symbolic links and special files in a contributed portal (issue 12, point 1): made
/// here in temporary folders, since links and FIFOs do not survive git and resources.
/// Every case runs through `check`, `build` and `serve`'s watcher, each bounded in time.
@Suite("Links and special files", .timeLimit(.minutes(2)))
struct PortalFilesTests {
    /// A secret outside the portal that no page may ever contain.
    static let secret = "TAJNE-HESLO-7f3a9c"

    /// A valid portal beside an outside folder holding the secret.
    static func portal() throws -> (TestPortal, outside: URL) {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/projekt.md": TestPortal.minimalProject,
            "static/logo.txt": "logo\n",
            // Not a template: a page a link inside the sources may lead to.
            "templates/stranka.md": "---\ntitle: Propojená stránka\nsummary: Stránka přes odkaz.\n---\nText.\n",
        ])
        let outside = portal.workspace.appendingPathComponent("outside", isDirectory: true)
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("---\ntitle: \(secret)\nsummary: \(secret)\n---\n\(secret)\n".utf8).write(to: outside.appendingPathComponent("secret.md"))
        try Data("\(secret)\n".utf8).write(to: outside.appendingPathComponent("secret.txt"))
        return (portal, outside)
    }

    static func link(_ portal: TestPortal, _ path: String, to target: String) throws {
        let url = portal.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// Every file of the output, read as bytes (links are not followed: the site holds none).
    static func siteFiles(_ output: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: output.path) else { return files }
        while let relative = walker.nextObject() as? String {
            let path = output.path + "/" + relative
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            #expect((info.st_mode & S_IFMT) != S_IFLNK, "the site holds a link: \(relative)")
            if (info.st_mode & S_IFMT) == S_IFREG { files[relative] = FileManager.default.contents(atPath: path) }
        }
        return files
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// Link path in the portal → target (relative targets are relative to the link's folder).
        var links: [String: String]
        /// The rule expected at `path` (nil: no diagnostic at all for it).
        var rule: RuleID?
        var path: String
        var testDescription: String { name }
    }

    /// The matrix; `OUTSIDE` stands for the outside folder's path.
    static let cases: [Case] = [
        Case(name: "content file link outside", links: ["content/pages/x.md": "OUTSIDE/secret.md"], rule: RuleID.fileLinkOutside, path: "content/pages/x.md"),
        Case(name: "content file link outside, relative", links: ["content/pages/x.md": "../../../outside/secret.md"],
             rule: RuleID.fileLinkOutside, path: "content/pages/x.md"),
        Case(name: "content folder link outside", links: ["content/pages": "OUTSIDE"], rule: RuleID.fileLinkOutside, path: "content/pages"),
        Case(name: "content folder link to /", links: ["content/news": "/"], rule: RuleID.fileLinkOutside, path: "content/news"),
        Case(name: "template link to /proc/self/environ", links: ["templates/footer.mustache": "/proc/self/environ"],
             rule: RuleID.fileLinkOutside, path: "templates/footer.mustache"),
        Case(name: "template asset link outside", links: ["templates/assets/x.txt": "OUTSIDE/secret.txt"],
             rule: RuleID.fileLinkOutside, path: "templates/assets/x.txt"),
        Case(name: "templates folder link outside", links: ["templates": "OUTSIDE"], rule: RuleID.fileLinkOutside, path: "templates"),
        Case(name: "static file link outside", links: ["static/x.txt": "OUTSIDE/secret.txt"], rule: RuleID.fileLinkOutside, path: "static/x.txt"),
        Case(name: "static link to /", links: ["static/root": "/"], rule: RuleID.fileLinkOutside, path: "static/root"),
        Case(name: "static link to /proc", links: ["static/proc": "/proc"], rule: RuleID.fileLinkOutside, path: "static/proc"),
        Case(name: "static link to .git/config", links: ["static/config.txt": "../.git/config"], rule: RuleID.fileLinkOutside, path: "static/config.txt"),
        Case(name: "static link to a device", links: ["static/zero.bin": "/dev/zero"], rule: RuleID.fileLinkOutside, path: "static/zero.bin"),
        Case(name: "static loop to its own folder", links: ["static/a": "."], rule: RuleID.fileLinkFolder, path: "static/a"),
        // The portal folder itself holds .git/: not a source folder.
        Case(name: "static loop to the portal", links: ["static/b": ".."], rule: RuleID.fileLinkOutside, path: "static/b"),
        Case(name: "static self-loop", links: ["static/c": "c"], rule: RuleID.fileLinkBroken, path: "static/c"),
        Case(name: "static dangling link", links: ["static/d.txt": "nowhere.txt"], rule: RuleID.fileLinkBroken, path: "static/d.txt"),
        Case(name: "static folder link inside", links: ["static/again": "../content"], rule: RuleID.fileLinkFolder, path: "static/again"),
        Case(name: "static file link inside", links: ["static/copy.txt": "logo.txt"], rule: nil, path: "static/copy.txt"),
        Case(name: "content file link inside", links: ["content/pages/stranka.md": "../../templates/stranka.md"], rule: nil, path: "content/pages/stranka.md"),
        Case(name: "portal.yaml link outside", links: ["portal.yaml": "OUTSIDE/secret.txt"], rule: RuleID.fileLinkOutside, path: "portal.yaml"),
    ]

    @Test("check, build and the watcher", arguments: cases)
    func linkCase(_ item: Case) throws {
        let (portal, outside) = try Self.portal()
        try FileManager.default.createDirectory(at: portal.root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[credential]\n\(Self.secret)\n".utf8).write(to: portal.root.appendingPathComponent(".git/config"))
        for (path, target) in item.links {
            if item.links.keys.contains("portal.yaml") || path == "templates" || path == "content/pages" {
                try? FileManager.default.removeItem(at: portal.root.appendingPathComponent(path))
            }
            try Self.link(portal, path, to: target.replacingOccurrences(of: "OUTSIDE", with: outside.path))
        }

        for outcome in [portal.check(), portal.build()] {
            let found = outcome.diagnostics.filter { $0.location.file == item.path }
            if let rule = item.rule {
                #expect(found.contains { $0.rule == rule }, "\(found.map(\.rule)) at \(item.path)")
                #expect(found.allSatisfy { !$0.message.cs.isEmpty && !$0.message.en.isEmpty })
                if rule.rawValue.hasPrefix("file.link") {
                    // The message names the link and its target.
                    let target = try #require(item.links.values.first).replacingOccurrences(of: "OUTSIDE", with: outside.path)
                    #expect(found.contains { $0.message.en.contains(item.path) && $0.message.en.contains(target) })
                }
            } else {
                #expect(found.filter { $0.rule.rawValue.hasPrefix("file.") }.isEmpty, "\(found)")
            }
        }
        // Nothing outside the portal or in .git/ is ever published.
        for (path, data) in Self.siteFiles(portal.output) {
            #expect(!String(decoding: data, as: UTF8.self).contains(Self.secret), "the secret is in \(path)")
            #expect(!String(decoding: data, as: UTF8.self).contains("PATH="), "the environment is in \(path)")
        }
        if item.rule == nil {
            // A link inside the sources is read as its target.
            #expect(portal.build().diagnostics.filter { $0.severity == .error }.isEmpty)
            let pages = Self.siteFiles(portal.output)
            if item.path.hasPrefix("static/") {
                #expect(try portal.page("copy.txt") == "logo\n")
            } else {
                #expect(pages.values.contains { String(decoding: $0, as: UTF8.self).contains("Propojená stránka") })
            }
        }
        // The watcher's snapshot ends and stamps the link itself, not what lies behind it.
        let snapshot = PortalWatcher(root: portal.root).snapshot()
        #expect(snapshot[item.path] != nil, "the watcher does not see \(item.path)")
        #expect(snapshot.keys.allSatisfy { !$0.contains("/proc/") && $0.split(separator: "/").count < 6 }, "\(snapshot.keys.sorted())")
    }

    /// A FIFO is refused without being opened (opening one would block the build).
    @Test func fifoIsRefusedWithoutOpening() throws {
        for path in ["static/fronta", "content/pages/fronta.md", "templates/footer.mustache", "templates/assets/x.css"] {
            let (portal, _) = try Self.portal()
            let url = portal.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try #require(mkfifo(url.path, 0o644) == 0)
            for outcome in [portal.check(), portal.build()] {
                let hit = outcome.diagnostics.first { $0.location.file == path }
                #expect(hit?.rule == RuleID.fileSpecial && hit?.severity == .error, "\(path): \(outcome.diagnostics)")
                #expect(hit?.message.cs.contains("roura") == true)
            }
            #expect(PortalWatcher(root: portal.root).snapshot()[path] != nil)
        }
    }

    /// A FIFO linked from inside the sources is refused too.
    @Test func linkToAFifoInsideIsRefused() throws {
        let (portal, _) = try Self.portal()
        try #require(mkfifo(portal.root.appendingPathComponent("static/fronta").path, 0o644) == 0)
        try Self.link(portal, "content/pages/x.md", to: "../../static/fronta")
        let outcome = portal.check()
        #expect(outcome.diagnostics.contains { $0.rule == RuleID.fileSpecial && $0.location.file == "content/pages/x.md" })
    }

    /// A link loop and a link to `/` with the real binary: the build ends quickly, with errors.
    @Test func buildWithLoopsEndsQuickly() throws {
        let (portal, _) = try Self.portal()
        try Self.link(portal, "static/a", to: ".")
        try Self.link(portal, "static/b", to: "..")
        try Self.link(portal, "static/root", to: "/")
        try #require(mkfifo(portal.root.appendingPathComponent("static/fronta").path, 0o644) == 0)
        let started = Date()
        let result = try runTool(["build", portal.root.path, "--output", portal.output.path], timeout: 60)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("error[file.link-outside]"))
        #expect(result.stderr.contains("error[file.special]"))
        #expect(result.stderr.contains("warning[file.link-folder]"))
    }

    /// `new` does not write through a linked folder.
    @Test func newRefusesALinkedFolder() throws {
        let (portal, outside) = try Self.portal()
        try Self.link(portal, "content/news", to: outside.path)
        #expect(throws: ScaffoldError.link("content/news", target: outside.path)) {
            try Scaffold.createRecord(.news, slug: "nova", portal: portal.root)
        }
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("nova.md").path))
        try FileManager.default.removeItem(at: portal.root.appendingPathComponent("content"))
        try Self.link(portal, "content", to: outside.path)
        #expect(throws: ScaffoldError.link("content", target: outside.path)) {
            try Scaffold.createRecord(.pages, slug: "nova", portal: portal.root)
        }
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("pages/nova.md").path))
    }

    /// `new` does not write through a dangling link named like the new record.
    @Test func newRefusesADanglingLinkAtTheRecord() throws {
        let (portal, outside) = try Self.portal()
        let target = outside.appendingPathComponent("planted.md")
        try Self.link(portal, "content/pages/nova.md", to: target.path)
        #expect(throws: ScaffoldError.exists("content/pages/nova.md")) {
            try Scaffold.createRecord(.pages, slug: "nova", portal: portal.root)
        }
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }
}
