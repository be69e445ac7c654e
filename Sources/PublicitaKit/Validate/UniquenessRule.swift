/// No two records may share a URL, and no two projects a registration number.
enum UniquenessRule {
    /// What a project's registration number is compared by: its standard form (as
    /// written when it cannot be read); nil for a translation, which carries its
    /// original's number (checked by TranslationRule), or a project without one.
    static func registrationKey(_ project: Project) -> String? {
        guard project.source.translationOf == nil, let number = project.registrationNumber else { return nil }
        return (try? RegistrationNumber.parse(number.value).text) ?? number.value
    }

    /// `registrationKeys[i]` is ``registrationKey(_:)`` of project `i` (passed in, so a
    /// long-running build parses only edited records' numbers again).
    static func check(_ portal: Portal, registrationKeys: [String?]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owners: [String: String] = [:]
        func claim(_ path: String, _ slug: Located<String>) {
            if let first = owners[path] {
                diagnostics.append(.error(
                    "slug.duplicate", at: slug.location, field: "slug",
                    LocalizedText(cs: "adresa \(path) už patří souboru \(first)", en: "the address \(path) already belongs to \(first)"),
                    found: slug.value,
                    suggestion: LocalizedText(cs: "přejmenujte soubor nebo nastavte jiné pole slug", en: "rename the file or set a different slug field")))
            } else {
                owners[path] = slug.location.file
            }
        }
        // By index, reading only the slug: iterating the records would copy every field of
        // every project, the larger part of this rule's time at 10 000 projects.
        for i in portal.projects.indices { claim(Route.project(portal.projects[i].source.slug.value), portal.projects[i].source.slug) }
        for r in portal.reports { claim(Route.report(r.source.slug.value), r.source.slug) }
        for n in portal.news { claim(Route.news(n.source.slug.value), n.source.slug) }
        for p in portal.pages {
            if Route.reservedSegments.contains(p.source.slug.value) {
                diagnostics.append(.error(
                    "slug.reserved", at: p.source.slug.location, field: "slug",
                    LocalizedText(cs: "adresa /\(p.source.slug.value)/ je vyhrazena pro generované stránky",
                                  en: "the address /\(p.source.slug.value)/ is reserved for generated pages"),
                    found: p.source.slug.value))
            }
            claim(Route.page(p.source.slug.value), p.source.slug)
        }

        var numbers: [String: String] = [:]
        for (index, key) in registrationKeys.enumerated() {
            guard let key, let number = portal.projects[index].registrationNumber else { continue }
            if let first = numbers[key] {
                diagnostics.append(.error(
                    "regno.duplicate", at: number.location, field: "registration_number",
                    LocalizedText(cs: "registrační číslo \(key) už má projekt \(first)", en: "the registration number \(key) is already used by \(first)"),
                    found: number.value))
            } else {
                numbers[key] = portal.projects[index].source.file
            }
        }
        return diagnostics
    }
}
