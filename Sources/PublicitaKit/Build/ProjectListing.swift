/// What lists show of a project, as hashes: its listing (everything but its body
/// and the details only its own page shows; conservative: the record minus its
/// body) and, apart, its budget (what the home page's portal totals add up).
///
/// Page keys of list pages (home, filter pages, city pages, the search index)
/// combine these digests, so a project is hashed once per build, not once per list
/// showing it, and a long-running build (``BuildSession``) hashes only the edited
/// records again.
struct ProjectListing: Sendable, Equatable {
    /// The hash of the project's listing.
    let digest: UInt64
    /// The hash of its budget's currency and amounts (the home page's totals).
    let budgetDigest: UInt64

    /// The digests of `project`.
    init(_ project: Project) {
        var budget = ContentHash()
        if let value = project.budget {
            budget.combine(value.currency)
            budget.combine(value.total.map { UInt64(bitPattern: $0.value.amount.halere) } ?? 0)
            for source in value.sources {
                budget.combine(source.kind.rawValue)
                budget.combine(source.amount.map { UInt64(bitPattern: $0.value.amount.halere) } ?? 0)
            }
        }
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
        hash.combine(project.budget == nil ? 0 : 1)
        hash.combine(budget.value)
        digest = hash.value
        budgetDigest = budget.value
    }

    /// The listings of every project of `portal`, on all cores.
    static func all(of portal: Portal) -> [ProjectListing] {
        ParallelMap.map(portal.projects) { ProjectListing($0) }
    }
}
