import Foundation

/// Each project's part of the portal-wide data files — its line of
/// `/data/projekty.csv`, its object in `/data/projekty.json` and its entry in the
/// search index `/data/hledani.json` — kept between builds of a ``BuildSession``.
///
/// After an edit only the edited project's parts are made again and the files are
/// joined from the parts: a concatenation, not a new rendering of every project.
/// The parts depend on the record and on what a session never changes without a
/// full build (the base address, the day, the UI strings).
struct DataFileFragments: Sendable {
    // By project index, as UTF-8 bytes (joined by copying): the CSV line (with CRLF),
    // the object of the JSON list, the search entry.
    private var csvRows: [[UInt8]]
    private var jsonElements: [[UInt8]]
    private var searchEntries: [[UInt8]]
    /// The projects whose list parts could not be made (their body changed since it
    /// was loaded): the list files are then rendered whole, which reports why.
    private var unmade: Set<Int> = []
    /// By project index: the record's content hash when its parts were made.
    private var contentHashes: [UInt64]
    /// Each project file's index.
    private let indexByFile: [String: Int]
    /// A hash of what the parts depend on besides the records: base address, day, language, theme.
    private let context: UInt64
    /// The joined files whose parts changed since they were last written (all of them
    /// until the first write): an edit that leaves every row of a file as it was
    /// leaves the file's bytes as they were, and the file need not be written again.
    private var unwritten: Set<SitePage.Kind> = Self.joinedKinds

    /// The kinds of the files joined from the parts.
    static let joinedKinds: Set<SitePage.Kind> = [.searchIndex, .file(.projectsCSV), .file(.projectsJSON)]

    /// The parts of every project of `site`, on all cores; those of records unchanged
    /// since `previous` was made (same content hash, same base address, day and theme)
    /// are taken from it, so a full rebuild of a session makes only the edited ones.
    init(site: Site, theme: Theme, reusing previous: DataFileFragments? = nil) {
        var hash = ContentHash()
        hash.combine(site.portal.config.baseURL)
        hash.combine(site.today.iso)
        hash.combine(site.portal.config.language.rawValue)
        hash.combine(theme.contentHash)
        context = hash.value
        let reusable = previous?.context == context ? previous : nil
        let searchContext = Self.searchContext(site: site, theme: theme)
        let parts = ParallelMap.map(Array(site.portal.projects.indices)) { index -> (csv: [UInt8], json: [UInt8], search: [UInt8])? in
            let source = site.portal.projects[index].source
            if let reusable, let old = reusable.indexByFile[source.file], reusable.contentHashes[old] == source.contentHash {
                return (reusable.csvRows[old], reusable.jsonElements[old], reusable.searchEntries[old])
            }
            return Self.parts(index, site: site, context: searchContext, encoder: SearchIndex.encoder)
        }
        csvRows = parts.map { $0?.csv ?? [] }
        jsonElements = parts.map { $0?.json ?? [] }
        searchEntries = parts.map { $0?.search ?? [] }
        unmade = Set(parts.indices.filter { parts[$0] == nil })
        contentHashes = site.portal.projects.indices.map { site.portal.projects[$0].source.contentHash }
        indexByFile = Dictionary(site.portal.projects.indices.map { (site.portal.projects[$0].source.file, $0) },
                                 uniquingKeysWith: { first, _ in first })
    }

    /// Makes project `index`'s parts again (after its record was replaced in `site`).
    mutating func update(_ index: Int, site: Site, theme: Theme) {
        guard let made = Self.parts(index, site: site, context: Self.searchContext(site: site, theme: theme), encoder: SearchIndex.encoder) else {
            unmade.insert(index)
            return
        }
        unmade.remove(index)
        if made.csv != csvRows[index] { unwritten.insert(.file(.projectsCSV)) }
        if made.json != jsonElements[index] { unwritten.insert(.file(.projectsJSON)) }
        if made.search != searchEntries[index] { unwritten.insert(.searchIndex) }
        csvRows[index] = made.csv
        jsonElements[index] = made.json
        searchEntries[index] = made.search
        contentHashes[index] = site.portal.projects[index].source.contentHash
    }

    /// Whether the joined file `kind` has to be written: its parts changed since it
    /// was last written, or it never was.
    func needsWriting(_ kind: SitePage.Kind) -> Bool {
        unwritten.contains(kind)
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
        guard page.language == nil else { return nil }
        switch page.kind {
        case .searchIndex: return SearchIndex.file.chunks(site.listedProjects.map { searchEntries[$0] })
        case .file(.projectsCSV) where !unmade.isEmpty, .file(.projectsJSON) where !unmade.isEmpty: return nil
        case .file(.projectsCSV): return OpenData.csvFile.chunks(site.listedProjects.map { csvRows[$0] })
        case .file(.projectsJSON): return OpenData.listJSONFile.chunks(site.listedProjects.map { jsonElements[$0] })
        default: return nil
        }
    }

    private static func parts(_ index: Int, site: Site, context: PageContext, encoder: JSONEncoder) -> (csv: [UInt8], json: [UInt8], search: [UInt8])? {
        guard let list = try? OpenData.listParts(site.portal.projects[index], site: site) else { return nil }
        return (list.csv, list.json, Array(SearchIndex(context: context).entryJSON(index, encoder: encoder).utf8))
    }

    /// What the renderer gives the search index: the site and the portal language's strings.
    private static func searchContext(site: Site, theme: Theme) -> PageContext {
        PageContext(site: site, strings: theme.strings(for: site.portal.config.language), path: Route.searchIndex)
    }
}
