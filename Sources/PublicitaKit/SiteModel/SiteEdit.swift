extension Site {
    /// Whether the site model of the portal with project `index` replaced by `project`
    /// has this one's structure (same pages, cities, filter groups, language
    /// versions), so that only the record and its anchors change. False when the
    /// edit moves the project (another slug, city, programme, programming period,
    /// status, language or translation); the site model is then made anew.
    ///
    /// The site model stage with a kept result (``SessionState/replaceProject(at:with:)``):
    /// what ``Site/init(portal:reservedIDs:today:sitemapURLLimit:)`` would make of the
    /// edited portal, without going over every record again.
    func keepsStructure(replacingProject index: Int, with project: Project) -> Bool {
        let old = portal.projects[index]
        // Values, not locations: a field moving down a line changes no page.
        return old.source.slug.value == project.source.slug.value && old.source.language?.value == project.source.language?.value
            && old.source.translationOf?.value == project.source.translationOf?.value && old.city == project.city
            && old.programme == project.programme && old.programmingPeriod == project.programmingPeriod
            && ProjectStatus.of(old.period, on: today) == ProjectStatus.of(project.period, on: today)
    }
}
