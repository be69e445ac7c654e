import Foundation

/// Each project's part of the portal-wide data files — its line of
/// `/data/projekty.csv`, its object in `/data/projekty.json` and its entry in the
/// search index `/data/hledani.json` — kept between builds of a ``BuildSession``.
///
/// After an edit only the parts of the edited projects are made again and the files are
/// joined from the parts: a concatenation, not a new rendering of every project.
/// A part is kept while what making it read is unchanged (``DependencyKeys``).
struct DataFileFragments: Sendable {
    // By project index, as UTF-8 bytes (joined by copying): the CSV line (with CRLF),
    // the object of the JSON list, the search entry.
    private var csvRows: [[UInt8]]
    private var jsonElements: [[UInt8]]
    private var searchEntries: [[UInt8]]
    /// The projects whose list parts could not be made (their body changed since it
    /// was loaded): the list files are then rendered whole, which reports why.
    private var unmade: Set<Int> = []
    /// By project index: the record files making its parts read, and the key that follows.
    private var reads: [[String]]
    /// By project index: those reads' places in `keyedWith` (nil when one is no record).
    private var codes: [[Int]?]
    private var keys: [UInt64?]
    /// Each project's file, by index, and each file's index.
    private var files: [String]
    private let indexByFile: [String: Int]
    /// The keys the parts were keyed with.
    private var keyedWith: DependencyKeys
    /// The joined files whose parts changed since they were last written (all of them
    /// until the first write): an edit that leaves every row of a file as it was
    /// leaves the file's bytes as they were, and the file need not be written again.
    private var unwritten: Set<SitePage.Kind> = Self.joinedKinds

    /// The kinds of the files joined from the parts.
    static let joinedKinds: Set<SitePage.Kind> = [.searchIndex, .file(.projectsCSV), .file(.projectsJSON)]

    /// The parts of every project of `site`, on all cores; those of `previous` whose
    /// key (``DependencyKeys``: what making them read) is unchanged are taken from it,
    /// so a full rebuild of a session makes only the edited ones.
    init(site: Site, theme: Theme, keys: DependencyKeys, reusing previous: DataFileFragments? = nil) {
        let searchContext = Self.searchContext(site: site, theme: theme)
        files = site.portal.projects.unnoted.map(\.source.file)
        keyedWith = keys
        let files = files, samePlaces = previous?.files == files
        // What changed since the previous parts were keyed, when that is known: a part
        // that read none of it has the key it had.
        let changed = previous.flatMap { previous in keys.base == previous.keyedWith.base ? keys.changedReads(since: previous.keyedWith) : nil }
        // Records edited in place: the previous parts, with those that read a changed record made again.
        if let previous, samePlaces, keys.placesReads(like: previous.keyedWith), let changed,
           let changedCodes = keys.codes(of: Array(changed)).map(Set.init) {
            self = previous
            keyedWith = keys
            let remade = files.indices.filter { index in
                previous.keys[index] == nil || previous.codes[index].map { !changedCodes.isDisjoint(with: $0) } ?? true
            }
            let parts = ParallelMap.map(remade) { Self.part($0, site: site, context: searchContext, keys: keys) }
            for (index, part) in zip(remade, parts) {
                (csvRows[index], jsonElements[index], searchEntries[index]) = (part.csv, part.json, part.search)
                (reads[index], codes[index], self.keys[index]) = (part.reads, part.codes, part.key)
                if part.key == nil { unmade.insert(index) } else { unmade.remove(index) }
                noteChanges(at: index, since: previous)
            }
            return
        }
        let parts = ParallelMap.map(Array(files.indices)) { index -> Part in
            let file = files[index]
            if let previous, let old = samePlaces ? index : previous.indexByFile[file], let key = previous.keys[old],
               changed.map({ changed in !previous.reads[old].contains(where: changed.contains) })
                ?? (keys.key(path: Self.partPath(file), reads: previous.reads[old]) == key) {
                return Part(csv: previous.csvRows[old], json: previous.jsonElements[old], search: previous.searchEntries[old],
                            reads: previous.reads[old],
                            codes: keys.placesReads(like: previous.keyedWith) ? previous.codes[old] : keys.codes(of: previous.reads[old]),
                            key: key)
            }
            return Self.part(index, site: site, context: searchContext, keys: keys)
        }
        csvRows = parts.map(\.csv)
        jsonElements = parts.map(\.json)
        searchEntries = parts.map(\.search)
        reads = parts.map(\.reads)
        codes = parts.map(\.codes)
        self.keys = parts.map(\.key)
        unmade = Set(parts.indices.filter { parts[$0].key == nil })
        indexByFile = samePlaces ? previous!.indexByFile
            : Dictionary(files.indices.map { (files[$0], $0) }, uniquingKeysWith: { first, _ in first })
        // The joined files keep the previous parts' state only when they join the same projects.
        if let previous, samePlaces {
            unwritten = previous.unwritten
            for index in csvRows.indices { noteChanges(at: index, since: previous) }
        }
    }

    /// Marks the joined files whose part at `index` differs from `previous`'s (same places) as unwritten.
    private mutating func noteChanges(at index: Int, since previous: DataFileFragments) {
        if csvRows[index] != previous.csvRows[index] { unwritten.insert(.file(.projectsCSV)) }
        if jsonElements[index] != previous.jsonElements[index] { unwritten.insert(.file(.projectsJSON)) }
        if searchEntries[index] != previous.searchEntries[index] { unwritten.insert(.searchIndex) }
    }

    /// Whether the output holds `page` as the parts make it now: a joined file whose
    /// parts have not changed since it was last written.
    func isWritten(_ page: SitePage) -> Bool {
        page.language == nil && Self.joinedKinds.contains(page.kind) && !unwritten.contains(page.kind)
    }

    /// Notes that every joined file was written from the parts as they are.
    mutating func markWritten() {
        unwritten = []
    }

    /// The bytes of `page` in pieces to be written one after another (the kept parts
    /// themselves, not a copy) when it is one of the joined data files, else nil.
    /// The parts are the portal language's: a further language's search index is
    /// rendered whole.
    func chunks(of page: SitePage, site: Site) -> [[UInt8]]? {
        guard page.language == nil, Self.joinedKinds.contains(page.kind) else { return nil }
        // A part that could not be made: the whole file is rendered, which reports why.
        if !unmade.isEmpty { return nil }
        // The file shows what the listed projects' parts read.
        for index in site.listedProjects {
            if let codes = codes[index] { ReadLog.note(codes: codes) } else { ReadLog.note(files: reads[index]) }
        }
        switch page.kind {
        case .searchIndex: return SearchIndex.file.chunks(site.listedProjects.map { searchEntries[$0] })
        case .file(.projectsCSV): return OpenData.csvFile.chunks(site.listedProjects.map { csvRows[$0] })
        case .file(.projectsJSON): return OpenData.listJSONFile.chunks(site.listedProjects.map { jsonElements[$0] })
        default: return nil
        }
    }

    /// One project's parts, and what making them read; no key when they could not be made.
    private struct Part: Sendable {
        var csv: [UInt8] = [], json: [UInt8] = [], search: [UInt8] = []
        var reads: [String] = []
        var codes: [Int]?
        var key: UInt64?
    }

    /// The key path of a project's parts: its file, apart from every page's path.
    private static func partPath(_ file: String) -> String { "part:" + file }

    private static func part(_ index: Int, site: Site, context: PageContext, keys: DependencyKeys) -> Part {
        let (made, log) = ReadLog.recording { () -> Part? in
            guard let list = try? OpenData.listParts(site.portal.projects[index], site: site) else { return nil }
            return Part(csv: list.csv, json: list.json, search: Array(SearchIndex(context: context).entryJSON(index, encoder: SearchIndex.encoder).utf8))
        }
        guard var part = made else { return Part() }
        (part.reads, part.key) = keys.reads(log, path: partPath(site.portal.projects.unnoted[index].source.file))
        part.codes = keys.codes(of: part.reads)
        return part
    }

    /// What the renderer gives the search index: the site and the portal language's strings.
    private static func searchContext(site: Site, theme: Theme) -> PageContext {
        PageContext(site: site, strings: theme.strings(for: site.portal.config.language), path: Route.searchIndex)
    }
}
