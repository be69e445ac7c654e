import Foundation

/// Each project's part of the portal-wide data files — its line of
/// `/data/projekty.csv`, its object in `/data/projekty.json` and its entry in the
/// search index `/data/hledani.json` — kept between builds.
///
/// After an edit only the parts of the edited projects are made again and the files are
/// joined from the parts: a concatenation, not a new rendering of every project.
/// A part is kept while what making it read is unchanged (``DependencyKeys``).
///
/// A build that saves its cache stores the parts on disk, in the build cache folder
/// (``PartIndex``, ``PartSegment``): memory holds only where each part is, and the
/// joined files are streamed from there. The store outlives the process, so the next
/// `publicita build` remakes only the parts whose key changed. Parts made by an edit
/// in place (`serve`) are held in memory until the session's next full build stores them.
struct DataFileFragments: Sendable {
    /// By project index: where its parts are.
    private var places: [PartPlace]
    /// The bytes of the parts held in memory (those whose place is ``PartPlace/held``).
    private var held: [Int: HeldPart] = [:]
    /// The segments the stored parts are in.
    private var segments: [PartSegment] = []
    /// The projects whose list parts could not be made (their body changed since it
    /// was loaded): the list files are then rendered whole, which reports why.
    private var unmade: Set<Int> = []
    /// By project index: the record files making its parts read, and the key that follows.
    private var reads: [PageReads]
    /// By project index: those reads' places in `keyedWith` (nil when one is no record, or not known).
    private var codes: [[Int]?]
    private var keys: [UInt64?]
    /// Each project's file, by index, and each file's index.
    private var files: [String]
    private let indexByFile: [String: Int]
    /// The keys the parts were keyed with (nil for parts loaded from the store).
    private var keyedWith: DependencyKeys?
    /// The joined files whose parts changed since they were last written (all of them
    /// until the first write): an edit that leaves every row of a file as it was
    /// leaves the file's bytes as they were, and the file need not be written again.
    private var unwritten: Set<SitePage.Kind> = Self.joinedKinds
    /// Whether the store's index on disk describes these parts.
    private var isSaved = false

    /// The kinds of the files joined from the parts.
    static let joinedKinds: Set<SitePage.Kind> = [.searchIndex, .file(.projectsCSV), .file(.projectsJSON)]

    /// A project's parts as bytes.
    private struct HeldPart: Sendable {
        var csv: [UInt8] = [], json: [UInt8] = [], search: [UInt8] = []

        subscript(kind: PartKind) -> [UInt8] {
            switch kind {
            case .csv: csv
            case .json: json
            case .search: search
            }
        }
    }

    /// When a build stores parts in a new segment instead of adding one more: the
    /// store then holds each part once, in as few files as it can.
    private static let maximumSegments = 4

    /// The parts of every project of `site`, on all cores; those of `previous` (else of
    /// the store in `store`, the build cache's part folder) whose key
    /// (``DependencyKeys``: what making them read) is unchanged are taken from it, so a
    /// rebuild makes only the edited ones. With `store`, the parts made are stored
    /// there and the store's index saved.
    init(site: Site, theme: Theme, keys: DependencyKeys, reusing previous: DataFileFragments? = nil, store: String? = nil) {
        let searchContext = Self.searchContext(site: site, theme: theme)
        files = site.portal.projects.unnoted.map(\.source.file)
        keyedWith = keys
        let previous = previous ?? store.flatMap(Self.stored(in:))
        let files = files, samePlaces = previous?.files == files
        // What changed since the previous parts were keyed, when that is known: a part
        // that read none of it has the key it had.
        let changed = previous?.keyedWith.flatMap { earlier in keys.base == earlier.base ? keys.changedReads(since: earlier) : nil }
        let placedLikePrevious = previous?.keyedWith.map { keys.placesReads(like: $0) } ?? false
        // Records edited in place: the previous parts, with those that read a changed record made again.
        if let previous, samePlaces, placedLikePrevious, let changed,
           let changedCodes = keys.codes(of: Array(changed)).map(Set.init) {
            self = previous
            keyedWith = keys
            let remade = files.indices.filter { index in
                previous.keys[index] == nil || previous.codes[index].map { !changedCodes.isDisjoint(with: $0) } ?? true
            }
            let parts = ParallelMap.map(remade) { Self.part($0, site: site, context: searchContext, keys: keys) }
            for (index, part) in zip(remade, parts) {
                hold(part, at: index)
                noteChanges(at: index, since: previous)
            }
            if !remade.isEmpty { isSaved = false }
            return
        }
        // Which previous part each project takes (nil: it is made).
        let reuse: [Int?] = ParallelMap.map(Array(files.indices)) { index -> Int? in
            let file = files[index]
            guard let previous, let old = samePlaces ? index : previous.indexByFile[file], let key = previous.keys[old],
                  changed.map({ changed in !previous.reads[old].contains(where: changed.contains) })
                    ?? (keys.key(path: Self.partPath(file), reads: previous.reads[old]) == key) else { return nil }
            return old
        }
        places = Array(repeating: PartPlace(), count: files.count)
        reads = Array(repeating: [], count: files.count)
        codes = Array(repeating: nil, count: files.count)
        self.keys = Array(repeating: nil, count: files.count)
        indexByFile = samePlaces ? previous!.indexByFile
            : Dictionary(files.indices.map { (files[$0], $0) }, uniquingKeysWith: { first, _ in first })
        segments = previous?.segments ?? []
        for (index, old) in reuse.enumerated() {
            guard let old, let previous else { continue }
            places[index] = previous.places[old]
            reads[index] = previous.reads[old]
            codes[index] = placedLikePrevious ? previous.codes[old] : keys.codes(of: previous.reads[old])
            self.keys[index] = previous.keys[old]
            if places[index].segment == PartPlace.held { held[index] = previous.held[old] }
        }
        let kept = reuse.indices.filter { reuse[$0] != nil }
        let compacting = store != nil && Self.needsCompacting(places: kept.map { places[$0] }, segments: segments)
        // Made, or held and to be stored, or (compacting) copied into the new segment.
        let toStore = files.indices.filter { reuse[$0] == nil || places[$0].segment == PartPlace.held || compacting }
        let writer = toStore.isEmpty ? nil : store.flatMap { PartSegmentWriter(folder: $0) }
        makeAndStore(toStore, made: Set(toStore.filter { reuse[$0] == nil }), writer: writer) { index in
            Self.part(index, site: site, context: searchContext, keys: keys)
        }
        dropUnusedSegments()
        unmade = Set(self.keys.indices.filter { self.keys[$0] == nil })
        // The joined files keep the previous parts' state only when they join the same projects.
        if let previous, samePlaces {
            unwritten = previous.unwritten
            for index in places.indices { noteChanges(at: index, since: previous) }
        }
        isSaved = previous?.isSaved == true && samePlaces && toStore.isEmpty && reuse.indices.allSatisfy { reuse[$0] == $0 }
        if let store, !isSaved { isSaved = index.save(in: store) }
    }

    /// Makes the parts of `toStore` that are in `made` (by `make`, on all cores, a batch
    /// at a time) and stores them with the others of `toStore` (held, or in another
    /// segment) in `writer`'s new segment; without a writer, or once writing failed,
    /// they are held in memory.
    private mutating func makeAndStore(_ toStore: [Int], made: Set<Int>, writer: PartSegmentWriter?, make: @Sendable (Int) -> Part) {
        var writer = writer
        let newSegment = Int32(segments.count), reader = PieceReader()
        let batchSize = 1024
        for start in stride(from: 0, to: toStore.count, by: batchSize) {
            let batch = Array(toStore[start..<min(toStore.count, start + batchSize)])
            let parts = ParallelMap.map(batch) { made.contains($0) ? make($0) : nil }
            guard let current = writer else {
                for (index, part) in zip(batch, parts) where part != nil { hold(part!, at: index) }
                continue
            }
            var written: [(index: Int, place: PartPlace)] = []
            for (index, part) in zip(batch, parts) {
                if let part {
                    (reads[index], codes[index], keys[index]) = (part.reads, part.codes, part.key)
                    written.append((index, part.key == nil ? PartPlace() : store(HeldPart(csv: part.csv, json: part.json, search: part.search), in: current, segment: newSegment)))
                } else if places[index].segment == PartPlace.held, let bytes = held[index] {
                    written.append((index, store(bytes, in: current, segment: newSegment)))
                } else if let copied = copy(places[index], into: current, segment: newSegment, reader: reader) {
                    written.append((index, copied))
                }
            }
            if current.flush() {
                for (index, place) in written {
                    places[index] = place
                    if place.segment != PartPlace.held { held[index] = nil }
                }
            } else {
                // Not stored: what was made is held; what was in a segment stays there.
                current.abandon()
                writer = nil
                for (index, part) in zip(batch, parts) where part != nil { hold(part!, at: index) }
                for (index, place) in places.enumerated() where place.segment == newSegment {
                    places[index] = PartPlace()
                    keys[index] = nil
                }
            }
        }
        if let writer {
            if let segment = writer.finish() {
                segments.append(segment)
            } else {
                for (index, place) in places.enumerated() where place.segment == newSegment {
                    places[index] = PartPlace()
                    keys[index] = nil
                }
            }
        }
    }

    /// `part`'s bytes in `writer`'s segment, buffered (stored once the writer is flushed).
    private func store(_ part: HeldPart, in writer: PartSegmentWriter, segment: Int32) -> PartPlace {
        var place = PartPlace(segment: segment)
        for kind in PartKind.allCases { place[kind] = writer.append(part[kind], kind) }
        return place
    }

    /// The stored part at `place` copied into `writer`'s segment; nil when it cannot be read.
    private func copy(_ place: PartPlace, into writer: PartSegmentWriter, segment: Int32, reader: PieceReader) -> PartPlace? {
        guard place.segment >= 0 else { return nil }
        var copied = PartPlace(segment: segment)
        for kind in PartKind.allCases {
            guard let piece = try? reader.withPiece(segments[Int(place.segment)], kind, place[kind], { writer.append($0, kind, hash: place[kind].hash) })
            else { return nil }
            copied[kind] = piece
        }
        return copied
    }

    /// Whether the kept parts' segments are too many, or hold more of parts no longer
    /// used than of the kept ones.
    private static func needsCompacting(places: [PartPlace], segments: [PartSegment]) -> Bool {
        var live = Array(repeating: 0, count: segments.count)
        for place in places where place.segment >= 0 {
            live[Int(place.segment)] += place.csv.length + place.json.length + place.search.length
        }
        let used = live.indices.filter { live[$0] > 0 }
        let total = used.reduce(0) { $0 + segments[$1].sizes.reduce(0, +) }, liveTotal = live.reduce(0, +)
        return used.count >= maximumSegments || total - liveTotal > liveTotal
    }

    /// Forgets the segments no part is in.
    private mutating func dropUnusedSegments() {
        var used = Array(repeating: false, count: segments.count)
        for place in places where place.segment >= 0 { used[Int(place.segment)] = true }
        guard used.contains(false) else { return }
        var renumbered = Array(repeating: Int32(-1), count: segments.count), kept: [PartSegment] = []
        for (old, segment) in segments.enumerated() where used[old] {
            renumbered[old] = Int32(kept.count)
            kept.append(segment)
        }
        segments = kept
        for index in places.indices where places[index].segment >= 0 {
            places[index].segment = renumbered[Int(places[index].segment)]
        }
    }

    /// Holds `part` in memory as the parts of project `index`.
    private mutating func hold(_ part: Part, at index: Int) {
        let bytes = HeldPart(csv: part.csv, json: part.json, search: part.search)
        var place = PartPlace()
        for kind in PartKind.allCases { place[kind] = StoredPiece(length: bytes[kind].count, hash: ContentHash.of(bytes[kind])) }
        places[index] = place
        held[index] = bytes
        (reads[index], codes[index], keys[index]) = (part.reads, part.codes, part.key)
        if part.key == nil { unmade.insert(index) } else { unmade.remove(index) }
    }

    /// The store's index for these parts.
    private var index: PartIndex {
        PartIndex(segments: segments.map { ($0.token, $0.sizes, $0.stamps) }, files: files, keys: keys, reads: reads, places: places)
    }

    /// The parts stored in `folder`, those found intact with their keys; nil when there
    /// is no intact store. A segment file changed since it was written (its stamp is
    /// not the index's) keeps only the parts whose bytes have the hash the index gives.
    private static func stored(in folder: String) -> DataFileFragments? {
        guard let index = PartIndex.load(from: folder) else { return nil }
        var segments: [PartSegment] = []
        for segment in index.segments {
            guard let opened = PartSegment(opening: folder, token: segment.token, sizes: segment.sizes) else { return nil }
            segments.append(opened)
        }
        var keys = index.keys
        let reader = PieceReader()
        for (number, segment) in segments.enumerated() where segment.stamps != index.segments[number].stamps {
            let inSegment = index.places.indices.filter { index.places[$0].segment == number && keys[$0] != nil }
            for kind in PartKind.allCases {
                for project in inSegment.sorted(by: { index.places[$0][kind].offset < index.places[$1][kind].offset }) {
                    let piece = index.places[project][kind]
                    let intact = try? reader.withPiece(segment, kind, piece) { ContentHash.of($0) == piece.hash }
                    if intact != true { keys[project] = nil }
                }
            }
        }
        return DataFileFragments(stored: index, keys: keys, segments: segments)
    }

    private init(stored index: PartIndex, keys: [UInt64?], segments: [PartSegment]) {
        places = index.places
        reads = index.reads
        codes = Array(repeating: nil, count: index.files.count)
        self.keys = keys
        let files = index.files
        self.files = files
        indexByFile = Dictionary(files.indices.map { (files[$0], $0) }, uniquingKeysWith: { first, _ in first })
        self.segments = segments
        isSaved = true
    }

    /// Marks the joined files whose part at `index` differs from `previous`'s (same places) as unwritten.
    private mutating func noteChanges(at index: Int, since previous: DataFileFragments) {
        let now = places[index], before = previous.places[index]
        if !now.same(.csv, as: before) { unwritten.insert(.file(.projectsCSV)) }
        if !now.same(.json, as: before) { unwritten.insert(.file(.projectsJSON)) }
        if !now.same(.search, as: before) { unwritten.insert(.searchIndex) }
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

    /// The bytes of `page` in pieces to be written one after another (read from the
    /// store, or the held parts themselves, as they are written) when it is one of the
    /// joined data files, else nil. The parts are the portal language's: a further
    /// language's search index is rendered whole.
    func chunks(of page: SitePage, site: Site) -> (any ChunkSource)? {
        guard page.language == nil, Self.joinedKinds.contains(page.kind) else { return nil }
        // A part that could not be made: the whole file is rendered, which reports why.
        if !unmade.isEmpty { return nil }
        // The file shows what the listed projects' parts read.
        for index in site.listedProjects {
            if let codes = codes[index] { ReadLog.note(codes: codes) } else { ReadLog.note(files: Array(reads[index])) }
        }
        switch page.kind {
        case .searchIndex: return JoinedParts(shape: SearchIndex.file, kind: .search, listed: site.listedProjects, parts: self)
        case .file(.projectsCSV): return JoinedParts(shape: OpenData.csvFile, kind: .csv, listed: site.listedProjects, parts: self)
        case .file(.projectsJSON): return JoinedParts(shape: OpenData.listJSONFile, kind: .json, listed: site.listedProjects, parts: self)
        default: return nil
        }
    }

    /// A joined file's bytes: its shape's opening, separators and closing around the
    /// listed projects' parts, each read when it is written.
    private struct JoinedParts: ChunkSource {
        let shape: JoinedText
        let kind: PartKind
        let listed: [Int]
        let parts: DataFileFragments

        struct Unreadable: Error {}

        func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
            if listed.isEmpty, let empty = shape.empty { return try Array(empty.utf8).withUnsafeBufferPointer(body) }
            let separator = Array(shape.separator.utf8), reader = PieceReader()
            try Array(shape.open.utf8).withUnsafeBufferPointer(body)
            for (position, index) in listed.enumerated() {
                if position > 0 { try separator.withUnsafeBufferPointer(body) }
                let place = parts.places[index]
                if place.segment == PartPlace.held {
                    try (parts.held[index]?[kind] ?? []).withUnsafeBufferPointer(body)
                } else if try reader.withPiece(parts.segments[Int(place.segment)], kind, place[kind], body) == nil {
                    throw Unreadable()
                }
            }
            try Array(shape.close.utf8).withUnsafeBufferPointer(body)
        }
    }

    /// One project's parts, and what making them read; no key when they could not be made.
    private struct Part: Sendable {
        var csv: [UInt8] = [], json: [UInt8] = [], search: [UInt8] = []
        var reads: PageReads = []
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
