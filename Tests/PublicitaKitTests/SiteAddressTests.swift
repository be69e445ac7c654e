import Foundation
import Testing
@testable import PublicitaKit

/// Every address a site writes works under a base path and, built with relative
/// links, from disk: unit tests of ``SiteAddress`` and ``BaseURL``, and the example
/// portal built both ways with every link of every page followed.
@Suite("Site addresses")
struct SiteAddressTests {
    // MARK: SiteAddress

    @Test func basePathComesFromBaseURL() {
        #expect(SiteAddress(baseURL: "https://a.cz/", relative: false).basePath == "/")
        #expect(SiteAddress(baseURL: "https://owner.github.io/portal/", relative: false).basePath == "/portal/")
        #expect(SiteAddress(baseURL: "http://127.0.0.1:8000/a/b/", relative: false).basePath == "/a/b/")
        #expect(SiteAddress(baseURL: nil, relative: false).basePath == "/")
    }

    @Test func addressesUnderABasePath() {
        let address = SiteAddress(baseURL: "https://owner.github.io/portal/", relative: false)
        let page = address.from("/projekty/x/")
        #expect(page.href("/") == "/portal/")
        #expect(page.href("/projekty/y/") == "/portal/projekty/y/")
        #expect(page.href("/soubory/a.pdf") == "/portal/soubory/a.pdf")
        #expect(page.href("/#filters-heading") == "/portal/#filters-heading")
        #expect(page.href("/projekty/y/?q=1#cile") == "/portal/projekty/y/?q=1#cile")
        #expect(address.absolute("/projekty/y/") == "https://owner.github.io/portal/projekty/y/")
        #expect(SiteAddress(baseURL: nil, relative: false).absolute("/x/") == nil)
        #expect(SiteAddress(baseURL: nil, relative: false).absoluteOrRooted("/x/") == "/x/")
    }

    @Test func relativeAddressesClimbToTheRootAndNameIndexFiles() {
        let address = SiteAddress(baseURL: "https://a.cz/portal/", relative: true)
        #expect(address.from("/").href("/") == "./index.html")
        #expect(address.from("/").href("/projekty/x/") == "./projekty/x/index.html")
        #expect(address.from("/projekty/x/").href("/") == "../../index.html")
        #expect(address.from("/projekty/x/").href("/assets/style.css") == "../../assets/style.css")
        #expect(address.from("/programy/opz/strana/2/").href("/mesta/liberec/#zpravy") == "../../../../mesta/liberec/index.html#zpravy")
        #expect(address.from("/data/hledani.json").href("/projekty/x/") == "../projekty/x/index.html")
        // The 404 page is served at any depth: it keeps the base path when the site's address is known.
        #expect(address.from(Route.notFound).href("/assets/style.css") == "/portal/assets/style.css")
        #expect(SiteAddress(baseURL: nil, relative: true).from(Route.notFound).href("/") == "./index.html")
    }

    // MARK: BaseURL

    @Test func usableBaseURLsAreAccepted() throws {
        for url in ["https://projekty.example.cz/", "http://127.0.0.1:8000/", "https://owner.github.io/portal/",
                    "https://a.cz/m%C4%9Bsto/projekty/"] {
            #expect(try BaseURL.parse(url).get() == url)
        }
    }

    @Test func unusableBaseURLsAreRefusedWithTheCorrectedAddress() {
        let cases: [(String, String?)] = [
            ("https://projekty.example.cz/\nDisallow: /", "https://projekty.example.cz/"),
            ("https://projekty.example.cz/ ", "https://projekty.example.cz/"),
            ("https://a.cz/\u{7}", "https://a.cz/"),
            ("https://a.cz/portal", "https://a.cz/portal/"),
            ("https://a.cz/portal/?utm=1", "https://a.cz/portal/"),
            ("https://a.cz/#top", "https://a.cz/"),
            ("ftp://a.cz/", nil),
            ("projekty.example.cz", nil),
            ("https:///", nil),
            ("https://a.cz/\"onload=\"x/", nil),
            ("https://město.cz/", nil),
        ]
        for (text, corrected) in cases {
            guard case .failure(let problem) = BaseURL.parse(text) else {
                Issue.record("accepted: \(text.debugDescription)")
                continue
            }
            #expect(problem.corrected == corrected, "\(text.debugDescription)")
        }
    }

    @Test func anInvalidBaseURLIsOneErrorAtItsLineAndNoMissingWarning() throws {
        let yaml = TestPortal.minimalPortalYAML.replacingOccurrences(
            of: "base_url: https://test.example.cz/", with: "base_url: \"https://test.example.cz/\\nSitemap: https://evil.example/\"")
        let portal = try TestPortal(files: ["portal.yaml": yaml, "content/projects/minimalni.md": TestPortal.minimalProject])
        let outcome = portal.build()
        #expect(outcome.failed)
        let errors = outcome.diagnostics.filter { $0.rule == RuleID.urlFormat }
        #expect(errors.count == 1)
        let line = try portal.source("portal.yaml").components(separatedBy: "\n").firstIndex { $0.hasPrefix("base_url:") }
        #expect(errors.first?.location.file == "portal.yaml")
        #expect(errors.first?.location.line == line.map { $0 + 1 })
        #expect(errors.first?.found?.contains("\n") == false, "the message shows the control character as its code point")
        #expect(outcome.diagnostics.allSatisfy { $0.rule != RuleID.portalBaseUrl })
        #expect(!FileManager.default.fileExists(atPath: portal.output.appendingPathComponent("robots.txt").path))
    }

    // MARK: The example portal under a path and from disk

    /// Every address in the attributes of `html` that names something (href, src, srcset, data-index).
    static func addresses(in html: String) -> [String] {
        var found = captures(of: #"(?:href|src|data-index)="([^"]*)""#, in: html)
        for set in captures(of: #"srcset="([^"]*)""#, in: html) {
            found += set.split(separator: ",").compactMap { $0.split(separator: " ").first.map(String.init) }
        }
        return found.map { $0.replacingOccurrences(of: "&amp;", with: "&") }
    }

    static func isExternal(_ address: String) -> Bool {
        address.hasPrefix("#") || LinkScheme.scheme(of: address) != nil
    }

    static func htmlFiles(in folder: URL) -> [String] {
        relativeFiles(in: folder).filter { $0.hasSuffix(".html") }.sorted()
    }

    @Test func exampleUnderASubPathLinksOnlyInsideIt() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday,
                                            baseURL: "https://owner.github.io/portal"))
            #expect(!outcome.failed, "\(outcome.diagnostics.map(\.message.en))")
            #expect(outcome.basePath == "/portal/")
            let targets = Set(relativeFiles(in: output))
            var checked = 0
            for file in Self.htmlFiles(in: output) {
                let html = try readOutputFile(output, file)
                for address in Self.addresses(in: html) where !Self.isExternal(address) {
                    checked += 1
                    guard address.hasPrefix("/portal/") else {
                        Issue.record("\(file): \(address) is outside /portal/")
                        continue
                    }
                    var path = String(address.dropFirst("/portal/".count).prefix { $0 != "#" && $0 != "?" })
                    if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
                    #expect(targets.contains(path), "\(file): \(address) names no file of the site")
                }
            }
            #expect(checked > 300)
            // A link a clerk wrote root-relative in a body keeps working under the path.
            let liberec = try readOutputFile(output, "projekty/liberec-apk/index.html")
            #expect(liberec.contains("href=\"/portal/jak-cist-rozpocty/\""))
            #expect(liberec.contains("\"url\":\"https://owner.github.io/portal/projekty/liberec-apk/\""))
            #expect(try readOutputFile(output, "index.html").contains("data-index=\"/portal/data/hledani.json\""))
            #expect(try readOutputFile(output, "404.html").contains("href=\"/portal/assets/style.css\""))
            #expect(try readOutputFile(output, "sitemap.xml").contains("<loc>https://owner.github.io/portal/projekty/liberec-apk/</loc>"))
            #expect(try readOutputFile(output, "robots.txt").contains("Sitemap: https://owner.github.io/portal/sitemap.xml"))
            #expect(try readOutputFile(output, "data/projekty.csv").contains("https://owner.github.io/portal/projekty/liberec-apk/"))
        }
    }

    @Test func exampleWithRelativeLinksWorksFromAnyFolder() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday, relativeLinks: true))
            #expect(!outcome.failed, "\(outcome.diagnostics.map(\.message.en))")
            let targets = Set(relativeFiles(in: output))
            var checked = 0
            for file in Self.htmlFiles(in: output) where file != "404.html" {
                let html = try readOutputFile(output, file)
                let folder = (file as NSString).deletingLastPathComponent
                for address in Self.addresses(in: html) where !Self.isExternal(address) {
                    checked += 1
                    #expect(!address.hasPrefix("/"), "\(file): \(address) is not relative")
                    let path = String(address.prefix { $0 != "#" && $0 != "?" })
                    #expect(!path.hasSuffix("/"), "\(file): \(address) names a folder, which file:// does not open")
                    let resolved = InternalLink.normalize("/" + folder + "/" + path)
                    let target = resolved.hasSuffix("/") ? String(resolved.dropFirst()) + "index.html" : String(resolved.dropFirst())
                    #expect(targets.contains(target), "\(file): \(address) names no file of the site")
                }
            }
            #expect(checked > 300)
            let home = try readOutputFile(output, "index.html")
            #expect(home.contains("data-index=\"./data/hledani.json\" data-page-suffix=\"index.html\""))
        }
    }

    @Test func relativeLinksFromPortalYAMLEqualTheCommandLineFlag() throws {
        try withTemporaryDirectory { tmp in
            let flagged = tmp.appendingPathComponent("flag"), configured = tmp.appendingPathComponent("config")
            let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML,
                                                "content/projects/minimalni.md": TestPortal.minimalProject])
            #expect(!Builder.run(.init(portalRoot: portal.root, output: flagged, today: testToday, relativeLinks: true)).failed)
            try portal.write(Data((TestPortal.minimalPortalYAML + "\nrelative_links: true\n").utf8), to: "portal.yaml")
            #expect(!Builder.run(.init(portalRoot: portal.root, output: configured, today: testToday)).failed)
            #expect(try snapshot(of: flagged) == snapshot(of: configured))
            #expect(try readOutputFile(configured, "projekty/minimalni/index.html").contains("href=\"../../assets/style.css\""))
        }
    }

    /// The same output folder built with and without the address options, in turn:
    /// every build equals a clean one (the page keys include the options).
    @Test func switchingAddressOptionsRebuildsEveryPage() throws {
        try withTemporaryDirectory { tmp in
            let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML,
                                                "content/projects/minimalni.md": TestPortal.minimalProject])
            let reused = tmp.appendingPathComponent("reused")
            let variants: [(String?, Bool)] = [(nil, false), (nil, true), ("https://owner.github.io/portal/", true),
                                               ("https://owner.github.io/portal/", false), (nil, false)]
            for (index, (baseURL, relative)) in variants.enumerated() {
                let clean = tmp.appendingPathComponent("clean-\(index)")
                for output in [reused, clean] {
                    let outcome = Builder.run(.init(portalRoot: portal.root, output: output, today: testToday,
                                                    baseURL: baseURL, relativeLinks: relative))
                    #expect(!outcome.failed)
                }
                #expect(try snapshot(of: reused) == snapshot(of: clean), "build \(index): \(String(describing: baseURL)), relative \(relative)")
            }
        }
    }
}
