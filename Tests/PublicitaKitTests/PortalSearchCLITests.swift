import Foundation
import Testing
@testable import PublicitaKit

/// Issue 12's misleading messages about where the portal is: commands run inside a
/// portal find it in the parent folders, and a failed build never claims a site it never had.
@Suite("Command line: which portal")
struct PortalSearchCLITests {
    static func portal() throws -> TestPortal {
        try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            "content/projects/projekt.md": TestPortal.minimalProject,
        ])
    }

    @Test func checkAndBuildFromASubfolderUseTheEnclosingPortal() throws {
        let portal = try Self.portal()
        let inside = portal.root.appendingPathComponent("content/projects")
        let check = try runTool(["check"], in: inside)
        #expect(check.status == 0, "\(check.stderr)")
        #expect(!check.stderr.contains(RuleID.portalMissing.rawValue))
        let build = try runTool(["build"], in: inside)
        #expect(build.status == 0, "\(build.stderr)")
        // The site goes where it would from the portal folder itself, not into content/.
        #expect(FileManager.default.fileExists(atPath: portal.root.appendingPathComponent("site/index.html").path))
        #expect(!FileManager.default.fileExists(atPath: inside.appendingPathComponent("site").path))
    }

    @Test func newFromASubfolderWritesIntoTheEnclosingPortal() throws {
        let portal = try Self.portal()
        let inside = portal.root.appendingPathComponent("content/projects")
        let result = try runTool(["new", "page", "nova"], in: inside)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: portal.root.appendingPathComponent("content/pages/nova.md").path))
    }

    @Test func serveFromASubfolderServesTheEnclosingPortal() throws {
        let portal = try Self.portal()
        let inside = portal.root.appendingPathComponent("content/projects")
        #expect(PortalLocation.enclosing(inside)?.path == portal.root.path)
        // serve runs until stopped: the address it prints shows it started on that portal.
        let result = try runTool(["serve", "--port", "0"], in: inside, timeout: 8)
        #expect(result.timedOut, "serve stopped: \(result.stderr)")
        #expect(result.stdout.hasPrefix("http://127.0.0.1:"), "\(result.stdout) \(result.stderr)")
        #expect(!result.stderr.contains(RuleID.portalMissing.rawValue), "\(result.stderr)")
    }

    @Test func anExplicitFolderIsUsedAsIs() throws {
        let portal = try Self.portal()
        let result = try runTool(["check", "content"], in: portal.root)
        #expect(result.status != 0)
        #expect(result.stderr.contains(RuleID.portalMissing.rawValue), "\(result.stderr)")
    }

    @Test func outsideAnyPortalTheMessageStaysTheSame() throws {
        try withTemporaryDirectory { empty in
            let result = try runTool(["check"], in: empty)
            #expect(result.stderr.contains("error[portal.missing]"), "\(result.stderr)")
        }
    }

    @Test func aFailedBuildWithoutASiteDoesNotCallItUnchanged() throws {
        try withTemporaryDirectory { empty in
            let result = try runTool(["build"], in: empty)
            #expect(result.status != 0)
            #expect(!result.stderr.contains("beze změny"), "\(result.stderr)")
            #expect(result.stderr.contains("se nic nezapsalo"), "\(result.stderr)")
            let english = try runTool(["build", "--lang", "en"], in: empty)
            #expect(english.stderr.contains("nothing was written to"), "\(english.stderr)")
        }
    }

    @Test func aFailedBuildOverASiteSaysItIsUnchanged() throws {
        let portal = try Self.portal()
        #expect(try runTool(["build", portal.root.path]).status == 0)
        try portal.write(Data("---\ntitle: [\n---\n".utf8), to: "content/pages/chyba.md")
        let result = try runTool(["build", portal.root.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("zůstal beze změny"), "\(result.stderr)")
    }
}
