import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
@testable import PublicitaKit
@testable import PublicitaServe

/// `publicita serve`: a real server on a free loopback port, real files, real edits.
/// Every wait is bounded; every test stops its server.
@Suite("Serve")
struct ServeTests {
    static let projectFile = "content/projects/testovaci-projekt.md"
    static let projectPage = "projekty/testovaci-projekt/"

    static func tinyPortal() throws -> TestPortal {
        try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            projectFile: TestPortal.minimalProject,
        ])
    }

    @Test func editsRebuildReloadAndShowTheOverlayUntilFixed() async throws {
        let portal = try Self.tinyPortal()
        let log = LogLines()
        try await withPreviewServer(portal, log: log) { server in
            // The first build is served, with the reload script and no overlay.
            let first = try await fetch(server, Self.projectPage)
            #expect(first.status == 200)
            #expect(first.contentType.hasPrefix("text/html"))
            #expect(first.body.contains("Testovací projekt"))
            #expect(first.body.contains("publicita-live-reload"))
            #expect(!first.body.contains(LiveReload.overlayID))

            let events = EventStreamReader(server)
            defer { events.close() }
            let initial = await server.generation()
            #expect(await eventually(within: 2) { events.builds.contains(initial) }, "no initial build event: \(events.text)")

            // 1. A good edit: new content and a reload event within 2 s.
            let original = try portal.source(Self.projectFile)
            let good = try edited(original, replacing: "Text projektu.", with: "Nový text projektu ZMĚNA-1.")
            try portal.write(Data(good.utf8), to: Self.projectFile)
            var rebuilt = await eventually(within: 2) {
                guard events.builds.count >= 2, events.builds.last != initial else { return false }
                return (try? await fetch(server, Self.projectPage).body.contains("ZMĚNA-1")) == true
            }
            #expect(rebuilt, "no rebuild within 2 s; events: \(events.text); log: \(log.all)")
            let afterGoodEdit = try await fetch(server, Self.projectPage)
            #expect(afterGoodEdit.body.contains("ZMĚNA-1"))
            #expect(!afterGoodEdit.body.contains(LiveReload.overlayID))
            let goodGeneration = await server.generation()

            // 2. An edit whose budget does not add up: the overlay names the rule,
            //    and the last good content is still served under it.
            let broken = try edited(good, replacing: "total: 1 000 000,00 Kč", with: "total: 1 000 010,00 Kč")
            try portal.write(Data(broken.utf8), to: Self.projectFile)
            rebuilt = await eventually(within: 2) {
                guard events.builds.last != goodGeneration, events.builds.count >= 3 else { return false }
                return (try? await fetch(server, Self.projectPage).body.contains(LiveReload.overlayID)) == true
            }
            #expect(rebuilt, "no overlay within 2 s; events: \(events.text); log: \(log.all)")
            let withErrors = try await fetch(server, Self.projectPage)
            #expect(withErrors.status == 200)
            #expect(withErrors.body.contains(LiveReload.overlayID))
            #expect(withErrors.body.contains(RuleID.budgetSum.rawValue))
            #expect(withErrors.body.contains("content/projects/testovaci-projekt.md:"))
            #expect(withErrors.body.contains("ZMĚNA-1"), "the last good page must stay")
            #expect(withErrors.body.contains("publicita-live-reload"))
            // Every page shows the overlay, the home page too.
            #expect(try await fetch(server, "/").body.contains(LiveReload.overlayID))
            let failedGeneration = await server.generation()

            // 3. The fix: the overlay is gone on the next reload.
            try portal.write(Data(good.utf8), to: Self.projectFile)
            rebuilt = await eventually(within: 2) {
                guard events.builds.last != failedGeneration, events.builds.count >= 4 else { return false }
                return (try? await fetch(server, Self.projectPage).body.contains(LiveReload.overlayID)) == false
            }
            #expect(rebuilt, "the overlay did not go within 2 s; events: \(events.text); log: \(log.all)")
            let fixed = try await fetch(server, Self.projectPage)
            #expect(!fixed.body.contains(LiveReload.overlayID))
            #expect(fixed.body.contains("ZMĚNA-1"))

            // One summary line per build (the first and three rebuilds) and the diagnostics in the text format.
            let summaries = log.all.filter { $0.hasPrefix("publicita serve: ") }
            #expect(summaries.count == 4, "\(log.all)")
            #expect(summaries.filter { $0.contains("selhalo") }.count == 1, "\(summaries)")
            #expect(log.all.contains { $0.contains("content/projects/testovaci-projekt.md:") && $0.contains("error[budget.sum]") },
                    "\(log.all)")
        }
        // The portal's own site/ was never touched.
        #expect(!FileManager.default.fileExists(atPath: portal.root.appendingPathComponent("site").path))
    }

    @Test func pathTraversalIsRefused() async throws {
        let portal = try Self.tinyPortal()
        try await withPreviewServer(portal) { server in
            // A secret beside the served folder: exactly where `..` would lead.
            let secret = "TAJNE-\(UUID().uuidString)"
            let served = try #require(await server.servedFolder())
            let outside = served.deletingLastPathComponent()
            try Data(secret.utf8).write(to: outside.appendingPathComponent("secret.txt"))
            try Data(secret.utf8).write(to: portal.workspace.appendingPathComponent("secret.txt"))
            // Sanity: the server answers ordinary requests on the same socket path.
            let ok = try rawRequest(port: server.port, target: "/")
            #expect(ok.status == 200)

            let targets = [
                "/../secret.txt",
                "/../../secret.txt",
                "/projekty/../../secret.txt",
                "/./../secret.txt",
                "/%2e%2e/secret.txt",
                "/%2E%2E/secret.txt",
                "/%2e%2e%2fsecret.txt",
                "/..%2fsecret.txt",
                "/..%2Fsecret.txt",
                "/projekty/%2e%2e/%2e%2e/secret.txt",
                "/%252e%252e/secret.txt",
                "/..\\secret.txt",
                "/%5c..%5csecret.txt",
                "/secret.txt%00.html",
                "/.publicita-site",
                "\(outside.path)/secret.txt",
                "/\(outside.path)/secret.txt",
                "\(portal.workspace.path)/secret.txt",
                "/%2f\(outside.path.dropFirst())/secret.txt",
                "http://127.0.0.1/../secret.txt",
                "secret.txt",
                "*",
            ]
            for target in targets {
                let result = try rawRequest(port: server.port, target: target)
                #expect([0, 400, 403, 404].contains(result.status), "\(target) → \(result.status)")
                #expect(!result.response.contains(secret), "\(target) leaked the file outside the site")
            }
            // The encoded forms of `..` are refused outright, not merely not found.
            for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt", "/projekty/%2e%2e/%2e%2e/secret.txt"] {
                #expect(try rawRequest(port: server.port, target: target).status == 403, "\(target)")
            }
        }
    }

    @Test func builtFilesHaveNoInjectedScript() async throws {
        let portal = try Self.tinyPortal()
        try await withPreviewServer(portal) { server in
            let home = try await fetch(server, "/")
            #expect(home.status == 200)
            #expect(home.body.contains("publicita-live-reload"))
            #expect(home.body.contains(LiveReload.eventsName))

            // Break the budget so the overlay is on, then look at every built file.
            let broken = try edited(try portal.source(Self.projectFile),
                                    replacing: "total: 1 000 000,00 Kč", with: "total: 1 000 010,00 Kč")
            try portal.write(Data(broken.utf8), to: Self.projectFile)
            #expect(await eventually(within: 2) {
                (try? await fetch(server, "/").body.contains(LiveReload.overlayID)) == true
            })
            let served = try #require(await server.servedFolder())
            let files = relativeFiles(in: served)
            #expect(files.contains("index.html"))
            #expect(files.contains("404.html"))
            for path in files {
                let text = String(decoding: try Data(contentsOf: served.appendingPathComponent(path)), as: UTF8.self)
                #expect(!text.contains("publicita-live-reload"), "\(path) holds the reload script")
                #expect(!text.contains(LiveReload.eventsName), "\(path) names the events endpoint")
                #expect(!text.contains(LiveReload.overlayID), "\(path) holds the overlay")
            }
            // The private folder is not the portal's site/ and lies outside the portal.
            #expect(!served.path.hasPrefix(portal.root.path))
            #expect(!FileManager.default.fileExists(atPath: portal.root.appendingPathComponent("site").path))
        }
    }

    @Test func filesTypesIndexAnd404() async throws {
        let portal = try TestPortal(files: [
            "portal.yaml": TestPortal.minimalPortalYAML,
            Self.projectFile: TestPortal.minimalProject,
            "static/data/tabulka.csv": "a;b\n1;2\n",
            "static/img/logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        ], binaryFiles: ["static/img/foto.png": Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])])
        let workFolder: URL = try await withPreviewServer(portal) { server in
            let css = try await fetch(server, "/assets/style.css")
            #expect(css.status == 200)
            #expect(css.contentType == "text/css; charset=utf-8")
            #expect(!css.body.contains("publicita-live-reload"))
            #expect(try await fetch(server, "/data/tabulka.csv").contentType == "text/csv; charset=utf-8")
            #expect(try await fetch(server, "/img/logo.svg").contentType == "image/svg+xml")
            #expect(try await fetch(server, "/img/foto.png").contentType == "image/png")

            // A folder serves its index.html; without the slash it redirects there.
            let index = try await fetch(server, Self.projectPage)
            #expect(index.status == 200 && index.body.contains("Testovací projekt"))
            let redirect = try rawRequest(port: server.port, target: "/projekty/testovaci-projekt")
            #expect(redirect.status == 301)
            #expect(redirect.response.contains("Location: /projekty/testovaci-projekt/"))

            // A missing path gets the site's 404.html, with status 404 and the reload script.
            let missing = try await fetch(server, "/neexistuje/")
            #expect(missing.status == 404)
            let page404 = try String(contentsOf: try #require(await server.servedFolder()).appendingPathComponent("404.html"), encoding: .utf8)
            let title = try #require(captures(of: "<title>([^<]*)</title>", in: page404).first)
            #expect(missing.body.contains(title))
            #expect(missing.body.contains("publicita-live-reload"))
            return server.workFolder
        }
        // Stopping removed the private folder.
        #expect(!FileManager.default.fileExists(atPath: workFolder.path))
    }

    @Test func firstBuildFailingShowsTheErrorsThenTheSite() async throws {
        let broken = try edited(TestPortal.minimalProject, replacing: "total: 1 000 000,00 Kč", with: "total: 1 000 010,00 Kč")
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML, Self.projectFile: broken])
        try await withPreviewServer(portal) { server in
            #expect(await server.servedFolder() == nil)
            let page = try await fetch(server, Self.projectPage)
            #expect(page.status == 503)
            #expect(page.body.contains(LiveReload.overlayID))
            #expect(page.body.contains(RuleID.budgetSum.rawValue))
            #expect(page.body.contains("publicita-live-reload"))

            try portal.write(Data(TestPortal.minimalProject.utf8), to: Self.projectFile)
            #expect(await eventually(within: 2) {
                (try? await fetch(server, Self.projectPage))?.status == 200
            })
            #expect(try await fetch(server, Self.projectPage).body.contains("Testovací projekt"))
        }
    }

    @Test func stopEndsEventStreamsQuickly() async throws {
        let portal = try Self.tinyPortal()
        let server = try await PreviewServer.start(.init(portalRoot: portal.root, port: 0, today: testToday, log: { _ in }))
        let events = EventStreamReader(server)
        defer { events.close() }
        let connected = await eventually(within: 2) { !events.builds.isEmpty }
        let started = ContinuousClock.now
        await server.stop()
        #expect(connected)
        #expect(ContinuousClock.now - started < .seconds(3))
        #expect(!FileManager.default.fileExists(atPath: server.workFolder.path))
        await server.stop()  // a second stop does nothing
    }

    @Test func theCommandServesAndStopsOnSIGINT() async throws {
        let portal = try Self.tinyPortal()
        let temporary = portal.workspace.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let serve = try ServeProcess(portal, environment: ["TMPDIR": temporary.path])  // where its work folder goes
        let process = serve.process

        // The chosen address is printed on standard output.
        let address = await serve.address()
        let url = try #require(address, "no address printed; stderr: \(serve.log)")
        let port = try #require(url.port.map(UInt16.init))
        #expect(try rawRequest(port: port, target: "/").status == 200)
        let log = serve.log
        #expect(log.contains("publicita serve: sestaveno"), "\(log)")

        process.interrupt()  // SIGINT
        let exited = await eventually(within: 5) { !process.isRunning }
        #expect(exited)
        if exited { #expect(process.terminationStatus == 0) }
        let finalLog = serve.log
        #expect(finalLog.contains("publicita serve: zastaveno"), "\(finalLog)")
        // The private folder is gone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).filter { $0.hasPrefix("publicita-serve-") }.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: portal.root.appendingPathComponent("site").path))
    }

    @Test func aSiteUnderASubPathIsServedThere() async throws {
        let yaml = try edited(TestPortal.minimalPortalYAML, replacing: "base_url: https://test.example.cz/",
                              with: "base_url: https://mesto.github.io/portal/")
        let portal = try TestPortal(files: ["portal.yaml": yaml, Self.projectFile: TestPortal.minimalProject])
        try await withPreviewServer(portal) { server in
            #expect(server.url.absoluteString.hasSuffix(":\(server.port)/portal/"))
            let home = try await fetch(server, "/portal/")
            #expect(home.status == 200)
            #expect(home.body.contains("href=\"/portal/assets/style.css\""))
            #expect(home.body.contains("\"/portal/\(LiveReload.eventsName)\""), "the reload script listens under the path")
            #expect(try await fetch(server, "/portal/assets/style.css").status == 200)
            #expect(try await fetch(server, "/portal/\(Self.projectPage)").status == 200)
            #expect(try rawRequest(port: server.port, target: "/").response.contains("Location: /portal/"))
            #expect(try rawRequest(port: server.port, target: "/portal").status == 302)
            #expect(try rawRequest(port: server.port, target: "/projekty/testovaci-projekt/").status == 404)
            #expect(try rawRequest(port: server.port, target: "/portal/projekty/testovaci-projekt").response
                .contains("Location: /portal/projekty/testovaci-projekt/"))
            let events = EventStreamReader(server)
            defer { events.close() }
            #expect(await eventually(within: 3) { !events.builds.isEmpty }, "the events endpoint answers under the path")
        }
    }
}

/// The pieces of `serve` that need no server.
@Suite("Serve parts")
struct ServePartsTests {
    @Test func contentTypes() {
        #expect(ContentTypes.forPath("index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.forPath("a/style.CSS") == "text/css; charset=utf-8")
        #expect(ContentTypes.forPath("x.svg") == "image/svg+xml")
        #expect(ContentTypes.forPath("x.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.forPath("x.json") == "application/json; charset=utf-8")
        #expect(ContentTypes.forPath("x.csv") == "text/csv; charset=utf-8")
        #expect(ContentTypes.forPath("x.xml") == "application/xml; charset=utf-8")
        #expect(ContentTypes.forPath("x.png") == "image/png")
        #expect(ContentTypes.forPath("x.jpg") == "image/jpeg")
        #expect(ContentTypes.forPath("x.pdf") == "application/pdf")
        #expect(ContentTypes.forPath("favicon.ico") == "image/x-icon")
        #expect(ContentTypes.forPath("f.woff2") == "font/woff2")
        #expect(ContentTypes.forPath("README") == "application/octet-stream")
        #expect(ContentTypes.forPath(".hidden") == "application/octet-stream")
    }

    @Test func injectionGoesBeforeTheLastBodyEnd() {
        #expect(LiveReload.inject("<x>", into: "<html><body>a</body></html>") == "<html><body>a<x></body></html>")
        #expect(LiveReload.inject("<x>", into: "<p>no body</p>") == "<p>no body</p><x>")
        #expect(LiveReload.inject("<x>", into: "<BODY>t</BODY>") == "<BODY>t<x></BODY>")
    }

    @Test func overlayEscapesEverything() {
        let diagnostic = Diagnostic.error(
            RuleID.budgetSum, at: SourceLocation(file: "content/projects/<a>.md", line: 13, column: 10), field: "budget.total",
            LocalizedText(cs: "zpráva <script>alert(1)</script> & \"uvozovky\"", en: "message <script>"),
            expected: "<b>1</b>", found: "2 & 3",
            suggestion: LocalizedText(cs: "oprava <img src=x onerror=alert(1)>", en: "fix"))
        let html = LiveReload.overlay([diagnostic], language: .cs, hasSite: true)
        #expect(html.contains("content/projects/&lt;a&gt;.md:13:10"))
        #expect(html.contains(RuleID.budgetSum.rawValue))
        #expect(html.contains("budget.total"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;uvozovky&quot;"))
        #expect(html.contains("očekáváno: &lt;b&gt;1&lt;/b&gt;; nalezeno: 2 &amp; 3"))
        #expect(html.contains("oprava: oprava &lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("<script>"))
        #expect(!html.contains("<img"))
    }

    @Test func lookupRefusesLinksOutOfTheFolder() throws {
        try withTemporaryDirectory { tmp in
            let site = tmp.appendingPathComponent("site", isDirectory: true)
            let outside = tmp.appendingPathComponent("outside", isDirectory: true)
            try FileManager.default.createDirectory(at: site.appendingPathComponent("a"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
            try Data("secret".utf8).write(to: outside.appendingPathComponent("secret.txt"))
            try Data("<p>a</p>".utf8).write(to: site.appendingPathComponent("a/index.html"))
            try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("link.txt"),
                                                       withDestinationURL: outside.appendingPathComponent("secret.txt"))
            try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("dir"), withDestinationURL: outside)

            #expect(SiteLookup.resolve(rawPath: "/link.txt", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/dir/secret.txt", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/dir/", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/../outside/secret.txt", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/%2e%2e/outside/secret.txt", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/a%2f..%2f..%2foutside/secret.txt", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/%zz", in: site) == .forbidden)
            #expect(SiteLookup.resolve(rawPath: "/a", in: site) == .redirect("/a/"))
            if case .file(let url) = SiteLookup.resolve(rawPath: "/a/", in: site) {
                #expect(url.lastPathComponent == "index.html")
            } else {
                Issue.record("/a/ should serve a/index.html")
            }
            #expect(SiteLookup.resolve(rawPath: "/nic", in: site) == .notFound)
        }
    }
}
