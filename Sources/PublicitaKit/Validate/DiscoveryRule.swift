/// A portal without `base_url` gets no sitemap, no Atom feed of news and no
/// canonical or Open Graph addresses, since all of them need absolute addresses.
enum DiscoveryRule: PortalRule {
    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        let config = site.portal.config
        guard config.baseURL == nil, !config.baseURLFailed else { return [] }
        return [.warning(
            .portalBaseUrl, at: SourceLocation(file: "portal.yaml", line: 1), field: "base_url",
            LocalizedText(cs: "portal.yaml neuvádí base_url: mapa webu (sitemap.xml) a kanál aktualit (aktuality/feed.xml) se nevytvoří a stránky nebudou mít kanonickou adresu",
                          en: "portal.yaml gives no base_url: no sitemap (sitemap.xml) and no news feed (aktuality/feed.xml) are written, and pages have no canonical address"),
            suggestion: LocalizedText(cs: "doplňte řádek „base_url: https://projekty.example.cz/“, nebo adresu zadejte při sestavení: publicita build --base-url URL",
                                      en: "add the line \"base_url: https://projekty.example.cz/\", or give the address when building: publicita build --base-url URL"))]
    }
}
