/// No two records may share a URL, and no two projects a registration number.
enum UniquenessRule: PortalRule {
    /// What a project's registration number is compared by: its standard form (as
    /// written when it cannot be read); nil for a translation, which carries its
    /// original's number (checked by TranslationRule), or a project without one.
    static func registrationKey(_ project: Project) -> String? {
        guard project.source.translationOf == nil, let number = project.registrationNumber else { return nil }
        return RegistrationNumber.standardForm(of: number.value)
    }

    /// `registrationKeys[i]` is ``registrationKey(_:)`` of project `i` (passed in, so a
    /// long-running build parses only edited records' numbers again).
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        check(site.portal, registrationKeys: projects.registrationKeys,
              // Known without a claim of every record's address or number (the usual case).
              projectSlugsMayRepeat: !site.projectSlugsAreDistinct, keysMayRepeat: projects.registrationKeysRepeat)
    }

    static func check(_ portal: Portal, registrationKeys: [String?], projectSlugsMayRepeat: Bool = true, keysMayRepeat: Bool = true) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // One table per kind, keyed by slug: addresses of different kinds never meet
        // (/projekty/x/, /zpravy/x/, /aktuality/x/, /x/, and slugs have no slashes), so
        // no address is made unless for a message. `serve` runs this rule after every edit.
        func claim(_ count: Int, _ slugOf: (Int) -> Located<String>, route: (String) -> String, before: (Located<String>) -> Void = { _ in }) {
            var owners: [String: Int] = [:]
            owners.reserveCapacity(count)
            for index in 0..<count {
                let slug = slugOf(index)
                before(slug)
                if let first = owners[slug.value] {
                    let path = route(slug.value), owner = slugOf(first).location.file
                    diagnostics.append(.error(
                        .slugDuplicate, at: slug.location, field: "slug",
                        LocalizedText(cs: "adresa \(path) už patří souboru \(owner)", en: "the address \(path) already belongs to \(owner)"),
                        found: slug.value,
                        suggestion: LocalizedText(cs: "přejmenujte soubor nebo nastavte jiné pole slug", en: "rename the file or set a different slug field"),
                        notes: [Note(at: slugOf(first).location, LocalizedText(cs: "tento soubor má adresu \(path) jako první",
                                                                              en: "this file has the address \(path) first"))]))
                } else {
                    owners[slug.value] = index
                }
            }
        }
        // By index, reading only the slug: iterating the records would copy all their fields.
        let projects = portal.projects.unnoted, reports = portal.reports.unnoted, news = portal.news.unnoted, pages = portal.pages.unnoted
        if projectSlugsMayRepeat { claim(projects.count, { projects[$0].source.slug }, route: Route.project) }
        claim(reports.count, { reports[$0].source.slug }, route: Route.report)
        claim(news.count, { news[$0].source.slug }, route: Route.news)
        claim(pages.count, { pages[$0].source.slug }, route: Route.page) { slug in
            guard Route.reservedSegments.contains(slug.value) else { return }
            diagnostics.append(.error(
                .slugReserved, at: slug.location, field: "slug",
                LocalizedText(cs: "adresa /\(slug.value)/ je vyhrazena pro generované stránky",
                              en: "the address /\(slug.value)/ is reserved for generated pages"),
                found: slug.value))
        }

        guard keysMayRepeat else { return diagnostics }
        var numbers: [String: Int] = [:]
        numbers.reserveCapacity(registrationKeys.count)
        for (index, key) in registrationKeys.enumerated() {
            guard let key, let number = projects[index].registrationNumber else { continue }
            if let first = numbers[key] {
                let owner = projects[first].source.file
                diagnostics.append(.error(
                    .regnoDuplicate, at: number.location, field: "registration_number",
                    LocalizedText(cs: "registrační číslo \(key) už má projekt \(owner)", en: "the registration number \(key) is already used by \(owner)"),
                    found: number.value,
                    notes: projects[first].registrationNumber.map {
                        [Note(at: $0.location, LocalizedText(cs: "zde je číslo \(key) uvedeno poprvé", en: "the number \(key) is first given here"))]
                    } ?? []))
            } else {
                numbers[key] = index
            }
        }
        return diagnostics
    }
}
