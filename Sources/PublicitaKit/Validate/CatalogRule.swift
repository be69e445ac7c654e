/// The open-data catalogue (`/data/katalog.jsonld`) names its publisher by the public
/// body's identifier made from its IČO; without `publisher.ico` the records leave the
/// publisher out, and the national catalogue (NKOD) does not accept them.
enum CatalogRule: PortalRule {
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        let config = site.portal.config
        // Without a base_url there is no catalogue (portal.base-url says so).
        guard config.baseURL != nil, config.publisher.ico == nil else { return [] }
        return [.warning(
            .catalogPublisher, at: SourceLocation(file: "portal.yaml", line: 1), field: "publisher.ico",
            LocalizedText(cs: "portal.yaml neuvádí IČO vydavatele (publisher.ico): katalog otevřených dat (data/katalog.jsonld) neuvede poskytovatele a Národní katalog otevřených dat ho nepřevezme",
                          en: "portal.yaml gives no publisher IČO (publisher.ico): the open-data catalogue (data/katalog.jsonld) names no publisher and the national open-data catalogue will not harvest it"),
            suggestion: LocalizedText(cs: "doplňte do oddílu publisher řádek „ico: 00262978“ s IČO vydavatele z registru ARES",
                                      en: "add the line \"ico: 00262978\" with the publisher's IČO from the ARES register under publisher"))]
    }
}
