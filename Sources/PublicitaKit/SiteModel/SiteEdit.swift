extension Site {
    /// The site model of the portal with project `index` replaced by `project`, made
    /// from this one, when the site's structure stays as it was (same pages, cities,
    /// filter groups, language versions): only the record and its anchors change. Nil
    /// when the edit moves the project (another slug, city, programme, programming
    /// period, status, language or translation); the site model is then made anew.
    ///
    /// The site model stage with a kept result: what ``Site/init(portal:reservedIDs:today:sitemapURLLimit:)``
    /// would make of the edited portal, without going over every record again.
    func replacingProject(at index: Int, with project: Project) -> Site? {
        let old = portal.projects[index]
        // Values, not locations: a field moving down a line changes no page.
        guard old.source.slug.value == project.source.slug.value, old.source.language?.value == project.source.language?.value,
              old.source.translationOf?.value == project.source.translationOf?.value, old.city == project.city,
              old.programme == project.programme, old.programmingPeriod == project.programmingPeriod,
              ProjectStatus.of(old.period, on: today) == ProjectStatus.of(project.period, on: today)
        else { return nil }
        var edited = self
        edited.portal.projects[index] = project
        // The anchors are found by the project's index, which stays. A memo of its own:
        // this site model keeps its own. The structure memo is shared: nothing but the
        // record and its anchors changed.
        edited.anchorMemo = AnchorMemo()
        return edited
    }
}
