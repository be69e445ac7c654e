/// What a list shows of a project, as one hash: everything but its body and the
/// details only its own page shows. Conservative: the listing is the record minus
/// its body.
///
/// Page keys of list pages (home, filter pages, city pages, the search index)
/// combine these digests, so a project's listing is hashed once per build, not once
/// per list showing it, and a long-running build (``BuildSession``) hashes only the
/// edited records again.
enum ProjectListing {
    /// The digest of `project`'s listing.
    static func digest(_ project: Project) -> UInt64 {
        var hash = ContentHash()
        hash.combine(project.source.language?.value.rawValue)
        hash.combine(project.source.translationOf?.value)
        hash.combine(project.source.slug.value)
        hash.combine(project.title)
        hash.combine(project.city)
        hash.combine(project.programme)
        hash.combine(project.summary)
        if let period = project.period {
            hash.combine(period.start?.value.iso); hash.combine(period.end?.value.iso); hash.combine(period.notPublished)
        }
        if let budget = project.budget {
            hash.combine(budget.currency)
            hash.combine(budget.total.map { UInt64(bitPattern: $0.value.amount.halere) } ?? 0)
            for source in budget.sources {
                hash.combine(source.kind.rawValue)
                hash.combine(source.amount.map { UInt64(bitPattern: $0.value.amount.halere) } ?? 0)
            }
        }
        return hash.value
    }

    /// The digest of every project of `portal`, on all cores.
    static func digests(of portal: Portal) -> [UInt64] {
        ParallelMap.map(portal.projects, digest)
    }
}
