/// No two cities and no two programmes may share one address: names that differ
/// only in accents, case or punctuation ("Ústí nad Labem", "Usti nad Labem") make
/// one slug, and the page would list one of them only.
enum AddressRule: PortalRule {
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        let portal = site.portal
        var diagnostics: [Diagnostic] = []
        var cities = Claims(route: Route.city, field: "city")
        // The same records, in the same order, as the site's city pages (translations list no city).
        // By index, reading fields in place: iterating the records would copy all their fields.
        let projects = portal.projects.unnoted
        // The site's cities are these records' names, grouped as a claim compares them:
        // when no two share a slug, no claim finds another name at its address.
        if !site.citySlugsAreDistinct {
            for index in projects.indices where projects[index].source.translationOf == nil {
                guard let name = projects[index].city else { continue }
                cities.claim(name, at: projects[index].cityLocation ?? SourceLocation(file: projects[index].source.file), into: &diagnostics)
            }
            for report in portal.reports where report.source.translationOf == nil {
                guard let name = report.city else { continue }
                cities.claim(name, at: report.cityLocation ?? SourceLocation(file: report.source.file), into: &diagnostics)
            }
        }
        var programmes = Claims(route: Route.programme, field: "programme")
        // Likewise the site's programme groups, when each has one name as written.
        if !site.programmeGroupsHaveOneNameEach {
            for index in projects.indices where projects[index].source.translationOf == nil {
                guard let name = projects[index].programme else { continue }
                programmes.claim(name, at: projects[index].programmeLocation ?? SourceLocation(file: projects[index].source.file), into: &diagnostics)
            }
        }
        return diagnostics
    }

    /// The first name written for each address, and where.
    private struct Claims {
        let route: (String) -> String
        let field: String
        var owners: [String: (name: String, location: SourceLocation)] = [:]
        /// Each name's slug, made once: thousands of records name a few dozen cities.
        /// By the name's bytes: a `String` key is hashed through Unicode normalization,
        /// which for names with accents was most of this rule's time. (Two spellings
        /// with the same characters in other code points only make their slug twice.)
        var slugs: [UTF8Key: String] = [:]

        mutating func claim(_ name: String, at location: SourceLocation, into diagnostics: inout [Diagnostic]) {
            let slug: String
            if let known = slugs[UTF8Key(name)] {
                slug = known
            } else {
                slug = Slug.make(from: name)
                slugs[UTF8Key(name)] = slug
            }
            guard let owner = owners[slug] else {
                owners[slug] = (name, location)
                return
            }
            // The same name again is the same city (or programme): one page lists them all.
            guard owner.name != name else { return }
            let path = route(slug)
            diagnostics.append(.error(
                .slugDuplicate, at: location, field: field,
                LocalizedText(cs: "„\(name)“ a „\(owner.name)“ (\(owner.location.description)) by měly stejnou adresu \(path), kde může být jen jedna stránka",
                              en: "\"\(name)\" and \"\(owner.name)\" (\(owner.location.description)) would share the address \(path), where only one page can be"),
                expected: owner.name, found: name,
                suggestion: LocalizedText(cs: "napište název v obou záznamech stejně, např. „\(owner.name)“",
                                          en: "write the name the same way in both records, e.g. \"\(owner.name)\""),
                notes: [Note(at: owner.location, LocalizedText(cs: "zde je název „\(owner.name)“", en: "the name \"\(owner.name)\" is here"))],
                fixIts: [FixIt(at: location, replacing: name, with: owner.name)]))
        }
    }
}
