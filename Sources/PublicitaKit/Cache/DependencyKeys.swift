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
///
/// The reads of a page are a set: its key sums one hash per read (the read's name and
/// content together), so it does not depend on the order they were noted or saved in,
/// and a page reading every record is keyed without sorting its reads.
struct DependencyKeys: Sendable {
    /// The hash every key starts from.
    let base: UInt64
    /// Each record's file by kind and index, and where each file is.
    private let records: RecordTable
    /// By kind and index: the hash of reading the record's fields, and its body.
    private var fieldReads: [[UInt64]]
    private var bodyReads: [[UInt64]]

    /// The properties of ``Site`` that are not its structure: the records (read
    /// through ``ReadLog``), the static files (their stamps are in the base) and memos.
    static let unstructural: Set<String> = ["portal", "anchorSources", "anchorMemo", "structureMemo", "staticFilesByName"]

    init(site: Site, theme: Theme, tool: String, stamps: InputStamps, configHash: UInt64) {
        base = Self.base(site: site, theme: theme, tool: tool, stamps: stamps, configHash: configHash)
        let sources = Self.sources(site.portal)
        records = RecordTable(files: sources.map { $0.map(\.file) })
        fieldReads = sources.map { $0.map { Self.readHash(file: $0.file, content: $0.fieldsHash) } }
        bodyReads = sources.map { $0.map { Self.readHash(file: ReadLog.bodyPrefix + $0.file, content: $0.bodyHash) } }
    }

    /// These keys for `site`, whose projects at `indexes` replaced those these keys
    /// were made for (same files, same places; ``SessionState/replaceProject(at:with:)``):
    /// only their hashes are made again.
    func replacing(projects indexes: [Int], site: Site, theme: Theme, tool: String, stamps: InputStamps, configHash: UInt64) -> DependencyKeys {
        var keys = DependencyKeys(base: Self.base(site: site, theme: theme, tool: tool, stamps: stamps, configHash: configHash),
                                  records: records, fieldReads: fieldReads, bodyReads: bodyReads)
        let kind = ReadLog.RecordKind.project.rawValue, projects = site.portal.projects.unnoted
        for index in indexes {
            let source = projects[index].source
            guard index < records.files[kind].count, records.files[kind][index] == source.file else {
                return DependencyKeys(site: site, theme: theme, tool: tool, stamps: stamps, configHash: configHash)
            }
            keys.fieldReads[kind][index] = Self.readHash(file: source.file, content: source.fieldsHash)
            keys.bodyReads[kind][index] = Self.readHash(file: ReadLog.bodyPrefix + source.file, content: source.bodyHash)
        }
        return keys
    }

    private init(base: UInt64, records: RecordTable, fieldReads: [[UInt64]], bodyReads: [[UInt64]]) {
        self.base = base
        self.records = records
        self.fieldReads = fieldReads
        self.bodyReads = bodyReads
    }

    private static func base(site: Site, theme: Theme, tool: String, stamps: InputStamps, configHash: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.combine(tool)
        hash.combine(theme.contentHash)
        hash.combine(configHash)
        // Filtered before sorting: the stamps are of every input file, a few of them static.
        for (path, stamp) in stamps.stamps.filter({ $0.key.hasPrefix("static/") }).sorted(by: { $0.key < $1.key }) {
            hash.combine(path)
            hash.combine(stamp)
        }
        hash.combine(site.structureMemo.fingerprint { Fingerprint.of(site, skipping: Self.unstructural) })
        return hash.value
    }

    /// Every record's source, by ``ReadLog/RecordKind`` (its raw value) and index.
    private static func sources(_ portal: Portal) -> [[RecordSource]] {
        ReadLog.RecordKind.allCases.map { kind in
            switch kind {
            case .project: portal.projects.unnoted.map(\.source)
            case .report: portal.reports.unnoted.map(\.source)
            case .page: portal.pages.unnoted.map(\.source)
            case .news: portal.news.unnoted.map(\.source)
            }
        }
    }

    /// The hash of one read, well mixed (splitmix64's finaliser) so that sums of them
    /// differ whenever a read does.
    private static func readHash(file: String, content: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.combine(file)
        hash.combine(content)
        var mixed = hash.value
        mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
        return mixed ^ (mixed >> 31)
    }

    /// The hash of the read `file` names (a record file, or ``ReadLog/bodyPrefix`` and
    /// one); nil when it names no record.
    private func readHash(_ file: String) -> UInt64? {
        guard let slot = records.slot(file) else { return nil }
        return (slot.body ? bodyReads : fieldReads)[slot.kind][slot.index]
    }

    /// The record files (and bodies) `log` noted, each once, and the key of the page
    /// at `path` that read them (nil when one of them is no record).
    func reads(_ log: ReadLog, path: String) -> (reads: PageReads, key: UInt64?) {
        var codes: [UInt32] = [], unknown: [String] = [], sum: UInt64 = 0, known = true
        // In one order for the same reads (kinds, places, names), so that two lists of
        // the same reads compare equal (``OutputReaders``).
        for kind in ReadLog.RecordKind.allCases {
            let indexes = log.indexes[kind.rawValue]
            guard !indexes.isEmpty else { continue }
            let count = records.files[kind.rawValue].count, hashes = fieldReads[kind.rawValue]
            codes.reserveCapacity(codes.count + indexes.count)
            for index in indexes where index < count {
                codes.append(UInt32(RecordTable.Slot(kind: kind.rawValue, index: index, body: false).code))
                sum &+= hashes[index]
            }
        }
        // Codes are small and dense (a record's index and kind): a bit set, not a hashed set.
        var seen = RecordIndexSet()
        if !log.codes.isEmpty { codes.reserveCapacity(codes.count + log.codes.count) }
        let files = records.files
        // One read by its place in the table, entered once.
        func add(code: Int) {
            let slot = RecordTable.Slot(code: code)
            guard slot.kind < files.count, slot.index < files[slot.kind].count, code <= UInt32.max else { known = false; return }
            // A record's fields noted by file and by index too are one read.
            if !slot.body, log.indexes[slot.kind].contains(slot.index) { return }
            guard seen.insert(code) else { return }
            codes.append(UInt32(code))
            sum &+= (slot.body ? bodyReads : fieldReads)[slot.kind][slot.index]
        }
        func add(file: String) {
            guard let slot = records.slot(file) else {
                unknown.append(file)
                known = false
                return
            }
            add(code: slot.code)
        }
        for file in log.files.sorted() { add(file: file) }
        for file in log.listed { add(file: file) }
        for code in log.codes { add(code: code) }
        let count = codes.count + unknown.count
        let key = known ? finish(path: path, count: count, sum: sum) : nil
        guard unknown.isEmpty else { return (PageReads(names: codes.map { records.name(code: Int($0)) } + unknown), key) }
        // Copied into a list of its own size (codes repeat; they are entered once).
        return (PageReads(codes: codes, in: records), key)
    }

    /// Where `reads` are in these keys' table, for ``ReadLog/note(codes:)``: noting them
    /// so costs no look-up by name. Nil when one of them is no record.
    func codes(of reads: PageReads) -> [Int]? {
        if let codes = reads.codes(in: records) { return codes.map(Int.init) }
        return codes(of: Array(reads))
    }

    /// ``codes(of:)`` of reads given by name.
    func codes(of reads: [String]) -> [Int]? {
        var codes: [Int] = []
        codes.reserveCapacity(reads.count)
        for file in reads {
            guard let slot = records.slot(file) else { return nil }
            codes.append(slot.code)
        }
        return codes
    }

    /// Whether `other` places every read where these keys do (codes of one hold for the other).
    func placesReads(like other: DependencyKeys) -> Bool { records === other.records }

    /// The key of the page at `path` whose render read `reads`; nil when one of
    /// them is no longer a record (the page must be rendered to know).
    func key(path: String, reads: PageReads) -> UInt64? {
        var sum: UInt64 = 0
        if let codes = reads.codes(in: records) {
            for code in codes {
                let slot = RecordTable.Slot(code: Int(code))
                sum &+= (slot.body ? bodyReads : fieldReads)[slot.kind][slot.index]
            }
            return finish(path: path, count: codes.count, sum: sum)
        }
        for file in reads {
            guard let hash = readHash(file) else { return nil }
            sum &+= hash
        }
        return finish(path: path, count: reads.count, sum: sum)
    }

    /// The hash of each of `files`' reads (nil: it names no record), for ``key(path:ranges:hashes:)``.
    func readHashes(_ files: [String]) -> [UInt64?] { files.map { readHash($0) } }

    /// ``key(path:reads:)`` of the reads `files[range]` for each of `ranges`, given
    /// `hashes` (``readHashes(_:)`` of `files`): the same key, without a look-up by name per read.
    func key(path: String, ranges: [ClosedRange<Int>], hashes: [UInt64?]) -> UInt64? {
        var sum: UInt64 = 0, count = 0
        for range in ranges {
            guard range.upperBound < hashes.count else { return nil }
            for index in range {
                guard let hash = hashes[index] else { return nil }
                sum &+= hash
            }
            count += range.count
        }
        return finish(path: path, count: count, sum: sum)
    }

    private func finish(path: String, count: Int, sum: UInt64) -> UInt64 {
        var hash = ContentHash()
        hash.combine(base)
        hash.combine(path)
        hash.combine(UInt64(count))
        hash.combine(sum)
        // No page's key may be the untrusted one.
        return hash.value == BuildManifest.untrustedKey ? 1 : hash.value
    }

    /// The reads whose hash differs between `earlier` and these keys, when both were
    /// made for the same records in the same places (nil: they were not, so any read may differ).
    func changedReads(since earlier: DependencyKeys) -> Set<String>? {
        guard records === earlier.records else { return nil }
        var changed: Set<String> = []
        for kind in records.files.indices {
            for index in records.files[kind].indices {
                if fieldReads[kind][index] != earlier.fieldReads[kind][index] { changed.insert(records.files[kind][index]) }
                if bodyReads[kind][index] != earlier.bodyReads[kind][index] { changed.insert(ReadLog.bodyPrefix + records.files[kind][index]) }
            }
        }
        return changed
    }
}
