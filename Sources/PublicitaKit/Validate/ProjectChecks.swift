/// The per-project part of validation: each project's rule results and the facts
/// the portal rules read about it. A clean build makes it once; ``BuildSession``
/// keeps it and, after an edit, checks again only what the edit can change.
///
/// - The project rules (``RuleRegistry/projectRules``) depend on the record and the day.
/// - A project's link diagnostics depend on its record, the set of pages (the link
///   targets) and the anchors of the pages its links name with a `#fragment`. A
///   session makes this value again whenever the set of pages changes.
/// - The portal rules run on every build over the kept facts, so they are always exact.
struct ProjectChecks: Sendable {
    /// By project index: the project rules' diagnostics.
    private(set) var rules: [[Diagnostic]]
    /// By project index: link diagnostics.
    private(set) var links: [[Diagnostic]]
    /// By project index: ``UniquenessRule/registrationKey(_:)``.
    private(set) var registrationKeys: [String?]
    /// How many projects have each of those keys, and how many keys more than one
    /// project has: kept with them, so that the uniqueness rule knows whether any
    /// number repeats without going over every project after each edit.
    private var keyCounts: [String: Int] = [:]
    private var repeatedKeys = 0
    /// By project index: the pages whose anchors its links name.
    private var anchoredPages: [Set<String>]
    /// The day the rules ran for.
    let today: Day

    /// Checks every project of `site` (on all cores).
    init(site: Site, today: Day) {
        self.today = today
        let results = ParallelMap.map(site.portal.projects.unnoted) { project in
            (rules: Self.rules(project, today: today), links: LinkRule.check(project: project, site: site),
             key: UniquenessRule.registrationKey(project), anchored: LinkRule.anchoredPages(of: project))
        }
        rules = results.map(\.rules)
        links = results.map(\.links)
        registrationKeys = results.map(\.key)
        anchoredPages = results.map(\.anchored)
        keyCounts.reserveCapacity(registrationKeys.count)
        for key in registrationKeys { count(key, by: 1) }
    }

    /// Whether two projects have one registration key.
    var registrationKeysRepeat: Bool { repeatedKeys > 0 }

    private mutating func count(_ key: String?, by change: Int) {
        guard let key else { return }
        let before = keyCounts[key, default: 0], after = before + change
        keyCounts[key] = after == 0 ? nil : after
        if before <= 1 && after > 1 { repeatedKeys += 1 }
        if before > 1 && after <= 1 { repeatedKeys -= 1 }
    }

    /// Every project rule's diagnostics for `project`, in the registry's order.
    static func rules(_ project: Project, today: Day) -> [Diagnostic] {
        RuleRegistry.projectRules.flatMap { $0.check(project, today: today) }
    }

    /// Checks the projects at `indexes` again after their records were replaced in
    /// `site` (whose set of pages is unchanged), and the projects linking to an anchor
    /// on their pages.
    mutating func update(projects indexes: [Int], site: Site) {
        let projects = site.portal.projects
        var changedPages: Set<String> = []
        for index in indexes {
            let project = projects[index]
            rules[index] = Self.rules(project, today: today)
            count(registrationKeys[index], by: -1)
            registrationKeys[index] = UniquenessRule.registrationKey(project)
            count(registrationKeys[index], by: 1)
            anchoredPages[index] = LinkRule.anchoredPages(of: project)
            links[index] = LinkRule.check(project: project, site: site)
            changedPages.insert(Route.project(project.source.slug.value))
        }
        // A heading renamed on an edited page may break (or mend) another page's `#anchor` link.
        for (index, pages) in anchoredPages.enumerated() where !pages.isEmpty && !pages.isDisjoint(with: changedPages) {
            links[index] = LinkRule.check(project: projects[index], site: site)
        }
    }
}
