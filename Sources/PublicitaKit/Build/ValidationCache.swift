/// The validator's results kept per project between builds of a ``BuildSession``,
/// so that after an edit only what the edit can change is checked again.
///
/// - A project's own rules (``ProjectRules``) depend on its record and the day:
///   kept per project, checked again when the record changes.
/// - A project's link diagnostics depend on its record, the set of pages (the link
///   targets) and the anchors of the pages its links name with a `#fragment`:
///   checked again when the record changes or a page it links to an anchor of
///   changes. A session rebuilds this cache whenever the set of pages changes.
/// - The portal-wide rules (uniqueness of addresses and registration numbers,
///   translations, the links of reports, pages and news) are cheap over the kept
///   registration keys and run on every build, so they are always exact.
///
/// ``diagnostics(site:)`` gives the same list, in the same order, as
/// ``Validator/validate(_:today:)``.
struct ValidationCache: Sendable {
    /// By project index: ``ProjectRules`` diagnostics.
    private var projectRules: [[Diagnostic]]
    /// By project index: link diagnostics.
    private var projectLinks: [[Diagnostic]]
    /// By project index: ``UniquenessRule/registrationKey(_:)``.
    private var registrationKeys: [String?]
    /// By project index: the pages whose anchors its links name.
    private var anchoredPages: [Set<String>]
    /// The day the rules ran for.
    let today: Day

    /// Checks every project of `site` (on all cores).
    init(site: Site, today: Day) {
        self.today = today
        let projects = site.portal.projects
        let results = ParallelMap.map(projects) { project in
            (rules: ProjectRules.check(project, today: today), links: LinkRule.check(project: project, site: site),
             key: UniquenessRule.registrationKey(project), anchored: LinkRule.anchoredPages(of: project))
        }
        projectRules = results.map(\.rules)
        projectLinks = results.map(\.links)
        registrationKeys = results.map(\.key)
        anchoredPages = results.map(\.anchored)
    }

    /// Checks the projects at `indexes` again after their records were replaced in
    /// `site` (whose set of pages is unchanged), and the projects linking to an anchor
    /// on their pages.
    mutating func update(projects indexes: [Int], site: Site) {
        let projects = site.portal.projects
        var changedPages: Set<String> = []
        for index in indexes {
            let project = projects[index]
            projectRules[index] = ProjectRules.check(project, today: today)
            registrationKeys[index] = UniquenessRule.registrationKey(project)
            anchoredPages[index] = LinkRule.anchoredPages(of: project)
            projectLinks[index] = LinkRule.check(project: project, site: site)
            changedPages.insert(Route.project(project.source.slug.value))
        }
        // A heading renamed on an edited page may break (or mend) another page's `#anchor` link.
        for (index, pages) in anchoredPages.enumerated() where !pages.isEmpty && !pages.isDisjoint(with: changedPages) {
            projectLinks[index] = LinkRule.check(project: projects[index], site: site)
        }
    }

    /// Every validation diagnostic of `site`, in ``Validator``'s order.
    func diagnostics(site: Site) -> [Diagnostic] {
        let portal = site.portal
        var diagnostics = projectRules.flatMap { $0 }
        diagnostics += Validator.reportRules(portal)
        diagnostics += DiscoveryRule.check(portal.config)
        diagnostics += CatalogRule.check(portal.config)
        diagnostics += UniquenessRule.check(portal, registrationKeys: registrationKeys)
        diagnostics += AddressRule.check(portal)
        diagnostics += TranslationRule.check(portal)
        diagnostics += LinkRule.oncePerFailedTarget(projectLinks.flatMap { $0 } + LinkRule.checkOtherRecords(site))
        return diagnostics
    }
}
