import Foundation

/// Internal links, in front matter and in bodies, must resolve to a page, an
/// anchor on it, or a static file.
enum LinkRule: PortalRule {
    /// The projects' links as ``ProjectChecks`` found them, and the other records' links.
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        oncePerFailedTarget(projects.links.flatMap { $0 } + checkOtherRecords(site))
    }

    /// The rule of a link whose target's file failed to load.
    static let targetFailed = RuleID.linkTargetFailed

    /// `diagnostics` with one ``targetFailed`` note per target, the first, counting the
    /// other links to it: the target's own error is the one to fix, once.
    static func oncePerFailedTarget(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        for diagnostic in diagnostics where diagnostic.rule == targetFailed { counts[diagnostic.found ?? "", default: 0] += 1 }
        guard !counts.isEmpty else { return diagnostics }
        var seen: Set<String> = []
        return diagnostics.compactMap { diagnostic in
            guard diagnostic.rule == targetFailed else { return diagnostic }
            let target = diagnostic.found ?? ""
            guard seen.insert(target).inserted else { return nil }
            let others = (counts[target] ?? 1) - 1
            guard others > 0 else { return diagnostic }
            var note = diagnostic
            note.message = LocalizedText(cs: note.message.cs + " (odkazy na tento cíl celkem: \(others + 1))",
                                         en: note.message.en + " (links to this target in all: \(others + 1))")
            return note
        }
    }

    /// The note for a link to `path`, the address of `file`, which failed to load.
    static func targetFailed(_ destination: String, path: String, file: String, at location: SourceLocation, field: String?) -> Diagnostic {
        .warning(
            targetFailed, at: location, field: field,
            LocalizedText(cs: "odkaz na \(destination): cíl existuje, ale jeho soubor \(file) má chyby, proto stránka nevznikne",
                          en: "the link to \(destination): the target exists, but its file \(file) has errors, so the page is not made"),
            found: path,
            suggestion: LocalizedText(cs: "opravte chyby v \(file); odkaz pak bude v pořádku",
                                      en: "fix the errors in \(file); the link is then fine"))
    }

    /// The links of one project (body, Markdown fields and documents) that do not resolve.
    static func check(project: Project, site: Site) -> [Diagnostic] {
        let page = Route.project(project.source.slug.value)
        return bodyProblems(project.source, page: page, site: site) + fieldProblems(project.fieldLinks, page: page, site: site)
            + documentProblems(project.documents, page: page, site: site)
    }

    /// The pages whose anchors a project's links name (`/projekty/x/#cile`): its link
    /// diagnostics depend on those pages' headings and tables besides the set of pages.
    static func anchoredPages(of project: Project) -> Set<String> {
        let page = Route.project(project.source.slug.value)
        let destinations = project.source.outline.links.map(\.destination) + project.fieldLinks.map(\.destination)
            + project.documents.compactMap { $0.href?.value }
        // Only links with a fragment are resolved (most have none, and resolving is the costly part).
        return Set(destinations.filter { $0.utf8.contains(UInt8(ascii: "#")) }.compactMap { destination in
            InternalLink(destination, from: page).flatMap { $0.fragment == nil ? nil : $0.path }
        })
    }

    /// The links of reports, free pages and news items (few per portal), with the projects they name.
    static func checkOtherRecords(_ site: Site) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let portal = site.portal

        func checkBody(_ source: RecordSource, page: String) { diagnostics += bodyProblems(source, page: page, site: site) }
        func checkDocuments(_ documents: [DocumentLink], page: String) { diagnostics += documentProblems(documents, page: page, site: site) }
        func checkSlugReference(_ slug: Located<String>?, field: String) {
            guard let slug, site.projectIndex(slug: slug.value) == nil else { return }
            let path = Route.project(slug.value)
            if let file = portal.failedRecords[path] {
                diagnostics.append(targetFailed(slug.value, path: path, file: file, at: slug.location, field: field))
                return
            }
            let known = portal.projects.map(\.source.slug.value)
            diagnostics.append(.error(
                .linkProject, at: slug.location, field: field,
                LocalizedText(cs: "projekt „\(slug.value)“ v portálu není", en: "there is no project \"\(slug.value)\" in the portal"),
                expected: known.joined(separator: ", "), found: slug.value,
                suggestion: NearestName.find(for: slug.value, among: known).map {
                    LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?")
                }))
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

    /// The links of a record's body that do not resolve, and passage marks (`lang:`) without a language tag.
    static func bodyProblems(_ source: RecordSource, page: String, site: Site) -> [Diagnostic] {
        source.outline.links.compactMap { link in
            let location = SourceLocation(file: source.file, line: source.bodyFirstLine + link.line - 1)
            return markdownProblem(with: link.destination, from: page, in: site, at: location, field: nil)
        }
    }

    /// The same for the links of fields written in Markdown.
    static func fieldProblems(_ links: [FieldLink], page: String, site: Site) -> [Diagnostic] {
        links.compactMap { markdownProblem(with: $0.destination, from: page, in: site, at: $0.location, field: $0.field) }
    }

    /// A diagnostic for a link written in Markdown: a passage mark without a language
    /// tag, or an internal link that does not resolve (cmark's safe mode removes unsafe ones).
    private static func markdownProblem(with destination: String, from page: String, in site: Site, at location: SourceLocation,
                                        field: String?) -> Diagnostic? {
        if LanguageTag.isPassageLink(destination) {
            return LanguageTag(passageLink: destination) == nil ? LanguageTag.invalidPassage(destination, at: location, field: field) : nil
        }
        return problem(with: destination, from: page, in: site, at: location, field: field)
    }

    /// The document links of a record that are unsafe or do not resolve.
    static func documentProblems(_ documents: [DocumentLink], page: String, site: Site) -> [Diagnostic] {
        documents.enumerated().compactMap { index, document in
            guard let href = document.href else { return nil }
            let field = "documents[\(index)].href"
            if !LinkScheme.isAllowed(href.value) { return LinkScheme.unsafeLink(href.value, at: href.location, field: field) }
            return problem(with: href.value, from: page, in: site, at: href.location, field: field)
        }
    }

    /// A diagnostic when `destination` is internal and does not resolve.
    static func problem(with destination: String, from page: String, in site: Site, at location: SourceLocation, field: String?) -> Diagnostic? {
        guard let target = InternalLink(destination, from: page) else { return nil }
        if !site.linkTargets.contains(target.path), let file = site.portal.failedRecords[target.path] {
            return targetFailed(destination, path: target.path, file: file, at: location, field: field)
        }
        if !site.linkTargets.contains(target.path) {
            // Sorted: a set's order differs from run to run, and the first of equally near targets is suggested.
            let candidates = site.linkTargets.sorted()
            return .error(
                .linkBroken, at: location, field: field,
                LocalizedText(cs: "odkaz na \(destination) nevede na žádnou stránku ani soubor portálu",
                              en: "the link to \(destination) leads to no page or file of the portal"),
                found: destination,
                suggestion: NearestName.find(for: target.path, among: candidates).map {
                    LocalizedText(cs: "myslíte \($0)?", en: "did you mean \($0)?")
                })
        }
        if let fragment = target.fragment, let ids = site.anchors(at: target.path), !ids.contains(fragment) {
            return .error(
                .linkAnchor, at: location, field: field,
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
        // Foundation's trimming only when an end may be white space (a non-ASCII byte
        // may start a Unicode space): every link of every page passes here.
        func plain(_ byte: UInt8?) -> Bool { byte.map { $0 > 0x20 && $0 < 0x80 } ?? true }
        let trimmed = plain(destination.utf8.first) && plain(destination.utf8.last)
            ? destination : destination.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if trimmed.utf8.contains(UInt8(ascii: ":")) || trimmed.hasPrefix("//") { return nil }  // has a scheme or host: external
        var rest = trimmed
        if trimmed.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: its characters are its bytes (CR LF, one character, is neither `#` nor `?`),
            // found without breaking the text into grapheme clusters.
            let bytes = trimmed.utf8
            var end = bytes.endIndex
            if let hash = bytes.firstIndex(of: UInt8(ascii: "#")) {
                let start = bytes.index(after: hash)
                fragment = start == bytes.endIndex ? nil : String(trimmed[start...])
                end = hash
            }
            if let query = bytes[..<end].firstIndex(of: UInt8(ascii: "?")) { end = query }
            if end != bytes.endIndex { rest = String(trimmed[..<end]) }
        } else {
            if let hash = rest.firstIndex(of: "#") {
                let fragment = String(rest[rest.index(after: hash)...])
                self.fragment = fragment.isEmpty ? nil : fragment
                rest = String(rest[..<hash])
            }
            if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        }
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
        if isNormal(path) { return path }
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

    /// Whether ``normalize(_:)`` would give `path` back: it starts and ends with `/`, and
    /// has no empty, `.` or `..` segment and no last segment `index.html`. Most links are
    /// written so, and splitting and joining each of them was most of a link's cost.
    private static func isNormal(_ path: String) -> Bool {
        var path = path
        return path.withUTF8(isNormal(bytes:))
    }

    private static func isNormal(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "/"), bytes.last == UInt8(ascii: "/") else { return false }
        guard bytes.count > 1 else { return true }
        var segmentStart = 1
        for index in 1..<bytes.count where bytes[index] == UInt8(ascii: "/") {
            let segment = bytes[segmentStart..<index]
            if segment.isEmpty || segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return false }
            if index == bytes.count - 1, segment.elementsEqual("index.html".utf8) { return false }
            segmentStart = index + 1
        }
        return true
    }
}
