/// The output's pages by what they read, with the keys they were keyed with: lets
/// the plan of a build after an edit key again only the pages that read a record
/// whose hash changed. Every other page's key is the one the output has for it,
/// since its key would be made of the same reads with the same hashes.
///
/// Made from a manifest's reads (``BuildManifest/reads``) and kept with it; a
/// build updates it for the pages it rendered.
struct OutputReaders: Sendable {
    /// The keys the output's files were keyed with.
    let keys: DependencyKeys
    /// By read (a record file, or ``ReadLog/bodyPrefix`` and one): the pages whose last
    /// render read it. May name pages no longer in the output (they are rendered if they come back).
    private var pagesByRead: [String: [String]]

    /// The readers of `reads` (a manifest's), keyed with `keys`.
    init(keys: DependencyKeys, reads: [String: PageReads]) {
        self.keys = keys
        var pagesByRead: [String: [String]] = [:]
        for (page, read) in reads {
            for file in read { pagesByRead[file, default: []].append(page) }
        }
        self.pagesByRead = pagesByRead
    }

    /// These readers for an output whose pages `made` were rendered again (now reading
    /// as `reads` says; the others read as `earlier` says), keyed with `keys`.
    func updated(keys: DependencyKeys, made: [String], reads: [String: PageReads], earlier: [String: PageReads]) -> OutputReaders {
        var readers = OutputReaders(keys: keys, pagesByRead: pagesByRead)
        for page in made {
            let old = earlier[page] ?? [], new = reads[page] ?? []
            guard old != new else { continue }
            let kept = Set(new)
            for file in old where !kept.contains(file) { readers.pagesByRead[file]?.removeAll { $0 == page } }
            let before = Set(old)
            for file in new where !before.contains(file) { readers.pagesByRead[file, default: []].append(page) }
        }
        return readers
    }

    private init(keys: DependencyKeys, pagesByRead: [String: [String]]) {
        self.keys = keys
        self.pagesByRead = pagesByRead
    }

    /// The pages that read a record whose hash differs between `self.keys` and `keys`
    /// (all others have the same key with both); nil when any page's key may differ.
    func pagesReadingChanges(with keys: DependencyKeys) -> Set<String>? {
        guard keys.base == self.keys.base, let changed = keys.changedReads(since: self.keys) else { return nil }
        var pages: Set<String> = []
        for file in changed { pages.formUnion(pagesByRead[file] ?? []) }
        return pages
    }
}
