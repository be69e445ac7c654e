import Foundation

/// Page keys made from what each render read: a page's key is the hash of the
/// site-wide inputs, its path, and the hash of every record's fields and body its
/// last render read (``ReadLog``). Nothing about what a page shows is listed here:
/// if a view starts to show another record, the next render reads it and the key
/// follows.
///
/// The site-wide inputs are those every page reads: the tool, the theme (every
/// template), `portal.yaml`, the static files, and the site model's structure
/// (its pages, cities, groups, language versions, addresses and day, fingerprinted
/// whole by ``Fingerprint``; the records themselves are left to the reads).
struct DependencyKeys: Sendable {
    /// The hash every key starts from.
    let base: UInt64
    /// Every record's fields hash by file, and its body hash by ``ReadLog/bodyPrefix`` and file.
    private let hashByFile: [String: UInt64]
    /// Each record's file, by kind and index.
    private let files: [ReadLog.RecordKind: [String]]

    /// The properties of ``Site`` that are not its structure: the records (read
    /// through ``ReadLog``), the static files (their stamps are in the base) and memos.
    static let unstructural: Set<String> = ["portal", "anchorSources", "anchorMemo", "structureMemo", "staticFilesByName"]

    init(site: Site, theme: Theme, tool: String, stamps: InputStamps, configHash: UInt64) {
        var hash = ContentHash()
        hash.combine(tool)
        hash.combine(theme.contentHash)
        hash.combine(configHash)
        for (path, stamp) in stamps.stamps.sorted(by: { $0.key < $1.key }) where path.hasPrefix("static/") {
            hash.combine(path)
            hash.combine(stamp)
        }
        hash.combine(site.structureMemo.fingerprint { Fingerprint.of(site, skipping: Self.unstructural) })
        base = hash.value
        let portal = site.portal
        var files: [ReadLog.RecordKind: [String]] = [:]
        files[.project] = portal.projects.unnoted.map(\.source.file)
        files[.report] = portal.reports.unnoted.map(\.source.file)
        files[.page] = portal.pages.unnoted.map(\.source.file)
        files[.news] = portal.news.unnoted.map(\.source.file)
        self.files = files
        var hashByFile: [String: UInt64] = [:]
        let sources = portal.projects.unnoted.map(\.source) + portal.reports.unnoted.map(\.source)
            + portal.pages.unnoted.map(\.source) + portal.news.unnoted.map(\.source)
        for source in sources {
            hashByFile[source.file] = source.fieldsHash
            hashByFile[ReadLog.bodyPrefix + source.file] = source.bodyHash
        }
        self.hashByFile = hashByFile
    }

    /// The files of the records `log` noted, sorted.
    func reads(_ log: ReadLog) -> [String] {
        var read = log.files
        for (kind, indexes) in log.indexes {
            guard let list = files[kind] else { continue }
            for index in indexes where index < list.count { read.insert(list[index]) }
        }
        return read.sorted()
    }

    /// The key of the page at `path` whose render read `reads`; nil when one of
    /// them is no longer a record (the page must be rendered to know).
    func key(path: String, reads: [String]) -> UInt64? {
        var hash = ContentHash()
        hash.combine(base)
        hash.combine(path)
        for file in reads {
            guard let content = hashByFile[file] else { return nil }
            hash.combine(file)
            hash.combine(content)
        }
        // No page's key may be the untrusted one.
        return hash.value == BuildManifest.untrustedKey ? 1 : hash.value
    }
}
