/// The plan an output was written from, each file with the key it was written
/// with: kept with the output's manifest, as its readers are (``OutputReaders``), in
/// a process that builds again (`serve`).
///
/// While the site's structure is the one the output was keyed with (the readers can
/// name the pages a change reaches), the next plan is this one with those pages
/// keyed again: no page's path is looked up in the manifest, of the thousands that
/// an edit of one record leaves as they are.
struct WrittenPlan: Sendable {
    /// The plan as it was made: shared with it, not copied (thousands of items).
    private let items: [Builder.OutputPlan]
    /// The files that were not current, as written: by index, their key and what the output holds.
    private var written: [Int: (key: UInt64?, held: UInt64?)] = [:]
    private let indexByPath: [String: Int]

    /// `plan` once `written` (what writing it did) is in the output: each file that
    /// was not current has the key it was written with. Reuses the index of `earlier`
    /// when that plan had the same files in the same order.
    init(_ plan: [Builder.OutputPlan], written: Builder.Written, earlier: WrittenPlan?) {
        items = plan
        for index in plan.indices where !plan[index].isCurrent {
            let path = plan[index].path
            // A page written without what it read cannot be keyed next time: it is rendered, as without this plan.
            let readsKnown: Bool = if case .page = plan[index].source { written.reads[path] != nil } else { true }
            let held = written.keys[path]
            self.written[index] = (held.flatMap { $0 == BuildManifest.untrustedKey || !readsKnown ? nil : $0 }, held)
        }
        if let earlier, earlier.items.count == plan.count, zip(earlier.items, plan).allSatisfy({ $0.path == $1.path }) {
            indexByPath = earlier.indexByPath
        } else {
            indexByPath = Dictionary(plan.enumerated().map { ($1.path, $0) }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// The plan of a build whose changes only `pages` read: those are rendered, every
    /// other file is current.
    func replanned(changing pages: Set<String>) -> [Builder.OutputPlan] {
        var plan = items
        for (index, file) in written {
            plan[index] = Builder.OutputPlan(path: plan[index].path, key: file.key, held: file.held, source: plan[index].source)
        }
        for path in pages {
            guard let index = indexByPath[path], plan[index].held != .absent else { continue }
            plan[index].key = nil
            plan[index].held = .stale
        }
        return plan
    }
}
