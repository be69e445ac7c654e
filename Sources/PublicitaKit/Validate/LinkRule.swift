import Foundation

/// Internal links, in front matter and in bodies, must resolve to a page, an
/// anchor on it, or a static file.
enum LinkRule {
    static func check(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let portal = site.portal

        func checkBody(_ source: RecordSource, page: String) {
            for link in source.outline.links {
                let location = SourceLocation(file: source.file, line: source.bodyFirstLine + link.line - 1)
                if let problem = problem(with: link.destination, from: page, in: site, at: location, field: nil) {
                    diagnostics.append(problem)
                }
            }
        }
        func checkDocuments(_ documents: [DocumentLink], page: String) {
            for (index, document) in documents.enumerated() {
                guard let href = document.href else { continue }
                if !LinkScheme.isAllowed(href.value) {
                    diagnostics.append(LinkScheme.unsafeLink(href.value, at: href.location, field: "documents[\(index)].href"))
                    continue
                }
                if let problem = problem(with: href.value, from: page, in: site, at: href.location, field: "documents[\(index)].href") {
                    diagnostics.append(problem)
                }
            }
        }
        func checkSlugReference(_ slug: Located<String>?, field: String) {
            guard let slug, site.projectIndex(slug: slug.value) == nil else { return }
            let known = portal.projects.map(\.source.slug.value)
            diagnostics.append(.error(
                "link.project", at: slug.location, field: field,
                LocalizedText(cs: "projekt „\(slug.value)“ v portálu není", en: "there is no project \"\(slug.value)\" in the portal"),
                expected: known.joined(separator: ", "), found: slug.value,
                suggestion: NearestName.find(for: slug.value, among: known).map {
                    LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?")
                }))
        }

        for p in portal.projects {
            let page = Route.project(p.source.slug.value)
            checkBody(p.source, page: page)
            checkDocuments(p.documents, page: page)
        }
        for r in portal.reports {
            let page = Route.report(r.source.slug.value)
            checkBody(r.source, page: page)
            checkDocuments(r.documents, page: page)
            checkSlugReference(r.project, field: "project")
        }
        for p in portal.pages { checkBody(p.source, page: Route.page(p.source.slug.value)) }
        for n in portal.news {
            checkBody(n.source, page: Route.news(n.source.slug.value))
            checkSlugReference(n.project, field: "project")
        }
        return diagnostics
    }

    /// A diagnostic when `destination` is internal and does not resolve.
    static func problem(with destination: String, from page: String, in site: Site, at location: SourceLocation, field: String?) -> Diagnostic? {
        guard let target = InternalLink(destination, from: page) else { return nil }
        if !site.linkTargets.contains(target.path) {
            let candidates = Array(site.linkTargets)
            return .error(
                "link.broken", at: location, field: field,
                LocalizedText(cs: "odkaz na \(destination) nevede na žádnou stránku ani soubor portálu",
                              en: "the link to \(destination) leads to no page or file of the portal"),
                found: destination,
                suggestion: NearestName.find(for: target.path, among: candidates).map {
                    LocalizedText(cs: "myslíte \($0)?", en: "did you mean \($0)?")
                })
        }
        if let fragment = target.fragment, let ids = site.anchors(at: target.path), !ids.contains(fragment) {
            return .error(
                "link.anchor", at: location, field: field,
                LocalizedText(cs: "stránka \(target.path) nemá kotvu #\(fragment)", en: "the page \(target.path) has no anchor #\(fragment)"),
                expected: ids.sorted().joined(separator: ", "), found: fragment)
        }
        return nil
    }
}

/// A link destination inside the portal, resolved to a site path.
struct InternalLink {
    /// The site path (`/projekty/liberec-apk/`).
    var path: String
    /// The `#fragment`, if any.
    var fragment: String?

    /// nil for external (`https:`, `mailto:`, `tel:`) links and empty destinations.
    init?(_ destination: String, from page: String) {
        let trimmed = destination.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.contains(":") || trimmed.hasPrefix("//") { return nil }  // has a scheme or host: external
        var rest = trimmed
        if let hash = rest.firstIndex(of: "#") {
            let fragment = String(rest[rest.index(after: hash)...])
            self.fragment = fragment.isEmpty ? nil : fragment
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        if rest.isEmpty {
            path = page  // "#anchor" on the same page
            return
        }
        if !rest.hasPrefix("/") {
            // Relative to the page's folder.
            rest = (page.hasSuffix("/") ? page : page + "/") + rest
        }
        path = Self.normalize(rest)
    }

    /// Resolves `.` and `..`, and maps `…/index.html` to `…/`.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        if parts.last == "index.html" { parts.removeLast(); return "/" + parts.map { $0 + "/" }.joined() }
        var result = "/" + parts.joined(separator: "/")
        if path.hasSuffix("/") && result != "/" { result += "/" }
        if !path.hasSuffix("/"), let last = parts.last, !last.contains(".") { result += "/" }  // "/zpravy/x" → "/zpravy/x/"
        return result
    }
}
