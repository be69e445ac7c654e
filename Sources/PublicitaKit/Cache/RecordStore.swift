import Foundation

/// Parsed records and their load diagnostics, kept in the build cache folder
/// (`records`, beside the manifest) so that `publicita build` in a new process
/// takes an unchanged file's record from there instead of parsing it again.
///
/// An entry is found by a key made of everything parsing a file reads: its bytes,
/// its path in the portal (which gives its kind and its locations' file), and the
/// path it was read at (the record reads its body from there again); the file as
/// a whole belongs to one tool (``ToolIdentity``) and format. An entry also keeps
/// the file's stamp as it was before those bytes were read (``stamp(path:relative:info:)``):
/// a file whose stamp is still that one is not read again. A file that is
/// missing, damaged, truncated or of another tool is not used: every record is
/// parsed. The store is written again, whole, after a load that parsed anything.
final class RecordStore: Sendable {
    /// Bumped when the layout of the file changes (the records' own fields are the tool's: ``ToolIdentity``).
    static let formatVersion: UInt32 = 2
    static let fileName = "records"
    private static let magic = Array("publicita-records\n".utf8)

    /// The cache folder it is read from and saved to.
    let folder: URL
    private let bytes: [UInt8]
    private let entries: [String: Entry]
    /// When the store was opened, before any content file was stamped: a file changed
    /// less than ``settleSeconds`` before it gets no stamp (see ``stamp(path:relative:info:)``).
    private let openedAt: Int

    /// How old a file's last change must be for its stamp to be trusted: a file written
    /// twice within one tick of the file system's clock, at the same size, keeps its stamp.
    static let settleSeconds = 2

    /// Where one record's stored form lies in `bytes`, and what it must hash to.
    private struct Entry: Sendable {
        var key: UInt64
        var checksum: UInt64
        /// ``stamp(path:relative:info:)`` of the file before the bytes were read; 0: none.
        var stamp: UInt64
        var range: Range<Int>
    }

    /// One file's entry for the next save: the stored form of a record just parsed,
    /// or the place of one found in this store unchanged.
    enum Saved: Sendable {
        case parsed(key: UInt64, bytes: [UInt8], stamp: UInt64 = 0)
        case kept(key: UInt64, range: Range<Int>, stamp: UInt64 = 0)
    }

    /// The store in `folder`, empty when it has none that this tool can use. `now`
    /// (seconds since 1970; nil: the clock's) decides which files are settled.
    init(folder: URL, tool: String = ToolIdentity.current, now: Int? = nil) {
        self.folder = folder
        openedAt = now ?? Int(time(nil))
        let data = (try? Data(contentsOf: folder.appendingPathComponent(Self.fileName))) ?? Data()
        let bytes = [UInt8](data)
        self.bytes = bytes
        entries = bytes.withUnsafeBytes { Self.index($0, tool: tool) } ?? [:]
    }

    /// Whether the store holds nothing (no usable file was found).
    var isEmpty: Bool { entries.isEmpty }

    /// The key of a content file whose `bytes` were read at `path`, as `relative` in the portal.
    static func key(bytes: Data, relative: String, path: String) -> UInt64 {
        var hash = ContentHash()
        hash.combine(ContentHash.of(bytes))
        hash.combine(relative)
        hash.combine(path)
        return hash.value
    }

    /// The stamp of the file at `path` (links followed), read as `relative`: its
    /// device, inode, size, modification and change times, with both names. 0 (no
    /// stamp) when it cannot be taken or the file changed too recently to be told
    /// apart from a next change by its times; the change time cannot be set back
    /// by hand, so a file rewritten later has another stamp.
    /// `listed` is the file's `stat` if it was just taken (nil: taken here).
    func stamp(path: String, relative: String, info listed: stat? = nil) -> UInt64 {
        var info = listed ?? stat()
        guard listed != nil || stat(path, &info) == 0, info.st_ctim.tv_sec + Self.settleSeconds <= openedAt,
              info.st_mtim.tv_sec + Self.settleSeconds <= openedAt else { return 0 }
        var hash = ContentHash()
        for field in [UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(info.st_mtim.tv_sec),
                      UInt64(info.st_mtim.tv_nsec), UInt64(info.st_ctim.tv_sec), UInt64(info.st_ctim.tv_nsec)] {
            hash.combine(field)
        }
        hash.combine(relative)
        hash.combine(path)
        return hash.value == 0 ? 1 : hash.value
    }

    /// Whether an entry for `relative` has the file's `stamp` (not 0): its record is
    /// then taken without reading the file (unless the entry turns out damaged).
    func holds(_ relative: String, stamp: UInt64) -> Bool {
        stamp != 0 && entries[relative]?.stamp == stamp
    }

    /// The record stored for `relative` with the file's `stamp` (not 0), without
    /// reading the file; nil when the entry has another stamp or is damaged.
    func record(_ relative: String, stamp: UInt64) -> (record: ContentLoader.Record?, diagnostics: [Diagnostic], saved: Saved)? {
        guard holds(relative, stamp: stamp), let entry = entries[relative] else { return nil }
        return record(relative, entry: entry, stamp: stamp)
    }

    /// The record stored for `relative` under `key`, with its diagnostics; nil when
    /// there is none or its bytes are not what was saved. `stamp` is the file's, for the next save.
    func record(_ relative: String, key: UInt64, stamp: UInt64 = 0) -> (record: ContentLoader.Record?, diagnostics: [Diagnostic], saved: Saved)? {
        guard let entry = entries[relative], entry.key == key else { return nil }
        return record(relative, entry: entry, stamp: stamp)
    }

    private func record(_ relative: String, entry: Entry, stamp: UInt64) -> (record: ContentLoader.Record?, diagnostics: [Diagnostic], saved: Saved)? {
        let key = entry.key
        return bytes.withUnsafeBytes { raw -> (ContentLoader.Record?, [Diagnostic], Saved)? in
            let slice = UnsafeRawBufferPointer(rebasing: raw[entry.range])
            guard ContentHash.of(slice) == entry.checksum else { return nil }
            var offset = 0
            guard let (record, diagnostics) = try? Self.decode(slice, offset: &offset, file: relative), offset == slice.count else { return nil }
            return (record, diagnostics, .kept(key: key, range: entry.range, stamp: stamp))
        }
    }

    /// The stored form of a parsed record; nil when it cannot be stored (the file is then parsed each time).
    static func encode(_ record: ContentLoader.Record?, diagnostics: [Diagnostic], file: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        do {
            switch record {
            case nil: bytes.append(0)
            case .project(let project): bytes.append(1); try BinaryCoder.encode(project, file: file, into: &bytes)
            case .report(let report): bytes.append(2); try BinaryCoder.encode(report, file: file, into: &bytes)
            case .page(let page): bytes.append(3); try BinaryCoder.encode(page, file: file, into: &bytes)
            case .news(let news): bytes.append(4); try BinaryCoder.encode(news, file: file, into: &bytes)
            }
            try BinaryCoder.encode(diagnostics, file: file, into: &bytes)
        } catch {
            return nil
        }
        // Kept until the store is staged after the load: without the room reserved for encoding.
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { room, count in
            count = room.initialize(fromContentsOf: bytes)
        }
    }

    private static func decode(_ bytes: UnsafeRawBufferPointer, offset: inout Int, file: String) throws -> (ContentLoader.Record?, [Diagnostic]) {
        guard offset < bytes.count else { throw BinaryCoder.Corrupt() }
        let tag = bytes[offset]
        offset += 1
        let record: ContentLoader.Record?
        switch tag {
        case 0: record = nil
        case 1: record = .project(try BinaryCoder.decode(Project.self, from: bytes, offset: &offset, file: file))
        case 2: record = .report(try BinaryCoder.decode(Report.self, from: bytes, offset: &offset, file: file))
        case 3: record = .page(try BinaryCoder.decode(Page.self, from: bytes, offset: &offset, file: file))
        case 4: record = .news(try BinaryCoder.decode(NewsItem.self, from: bytes, offset: &offset, file: file))
        default: throw BinaryCoder.Corrupt()
        }
        return (record, try BinaryCoder.decode([Diagnostic].self, from: bytes, offset: &offset, file: file))
    }

    /// Writes a store of exactly `files` (a temporary file renamed into place); does
    /// nothing when it would hold what this one does. A store that cannot be written
    /// only costs the next build its parsing.
    func save(_ files: [(file: String, saved: Saved)], tool: String = ToolIdentity.current) {
        if stage(files, tool: tool) { commit() }
    }

    /// Writes a store of exactly `files` beside the store's file, for ``commit()`` to put
    /// in place once the build has written the site (or ``discard()`` to remove); false
    /// when there is nothing to write (it would hold what this one does) or it could not
    /// be written. Staged right after loading, the stored forms need not be kept in
    /// memory through the rest of the build.
    func stage(_ files: [(file: String, saved: Saved)], tool: String = ToolIdentity.current) -> Bool {
        guard let staging = Staging(store: self, tool: tool) else { return false }
        for (file, saved) in files { staging.append(file: file, saved: saved) }
        return staging.finish()
    }

    /// The store's next file written entry by entry while a load reads the records, in
    /// their order: ``stage(_:tool:)`` after the load would hold every record's stored
    /// form until the load ends, a national portal's hundreds of megabytes.
    final class Staging {
        private let store: RecordStore
        private let descriptor: Int32
        private let encoder = BinaryEncoder(file: "")
        private var written: [UInt8] = []
        private let countOffset: Int
        private var count = 0
        private var failed = false
        /// Whether every entry so far is the store's own, unchanged: then nothing is staged.
        private var asStored = true

        /// Starts the file beside `store`'s; nil when it cannot be made.
        init?(store: RecordStore, tool: String = ToolIdentity.current) {
            self.store = store
            do {
                try FileManager.default.createDirectory(at: store.folder, withIntermediateDirectories: true)
                descriptor = try FileIO.create(store.temporary.path)
            } catch {
                return nil
            }
            let version = withUnsafeBytes(of: RecordStore.formatVersion.littleEndian) { Array($0) }
            encoder.append(contentsOf: RecordStore.magic)
            encoder.append(contentsOf: version)
            encoder.string(tool)
            countOffset = encoder.count
            // Room for the count, written once it is known (as padded LEB128, which the index reads alike).
            encoder.append(contentsOf: Self.paddedCount(0))
        }

        /// Adds `file`'s entry.
        func append(file: String, saved: Saved) {
            count += 1
            encoder.string(file)
            switch saved {
            case .kept(let key, let range, let stamp):
                let entry = store.entries[file]
                asStored = asStored && entry?.key == key && entry?.range == range && entry?.stamp == stamp
                store.bytes.withUnsafeBytes { old in
                    RecordStore.append(entryKey: key, stamp: stamp, body: UnsafeRawBufferPointer(rebasing: old[range]), to: encoder)
                }
            case .parsed(let key, let bytes, let stamp):
                asStored = false
                RecordStore.append(entryKey: key, stamp: stamp, body: bytes, to: encoder)
            }
            if encoder.count >= 1 << 20 { flush() }
        }

        /// Ends the file: true when it is staged for ``RecordStore/commit()``; false (and
        /// no file left) when it would hold what the store does, or could not be written.
        func finish() -> Bool {
            flush()
            let countBytes = Self.paddedCount(count)
            let countWritten = countBytes.withUnsafeBufferPointer { pwrite(descriptor, $0.baseAddress, $0.count, off_t(countOffset)) }
            close(descriptor)
            guard !failed, countWritten == countBytes.count, !(asStored && count == store.entries.count) else {
                store.discard()
                return false
            }
            return true
        }

        private func flush() {
            encoder.exchange(&written)
            failed = failed || !written.withUnsafeBufferPointer { FileIO.writeAll(descriptor, $0) }
            written.removeAll(keepingCapacity: true)
        }

        /// `count` in five LEB128 bytes (room for any count of files below 2³⁵).
        private static func paddedCount(_ count: Int) -> [UInt8] {
            (0..<5).map { group in
                let bits = UInt8(truncatingIfNeeded: count >> (7 * group)) & 0x7F
                return group < 4 ? bits | 0x80 : bits
            }
        }
    }

    /// Puts the store ``stage(_:tool:)`` wrote in place of the store's file.
    func commit() {
        if rename(temporary.path, folder.appendingPathComponent(Self.fileName).path) != 0 { discard() }
    }

    /// Removes the store ``stage(_:tool:)`` wrote, and the cache folder when that
    /// leaves it empty: a failed build leaves nothing beside the output it did not write.
    func discard() {
        try? FileManager.default.removeItem(at: temporary)
        rmdir(folder.path)
    }

    /// One name for the temporary file: a killed build's is overwritten by the next, not
    /// left beside it. Two builds into one output at once may rename the other's half
    /// file into place; its index and checksums then make it unused.
    private var temporary: URL { folder.appendingPathComponent(".\(Self.fileName).new") }

    private static func append(entryKey key: UInt64, stamp: UInt64, body: some Collection<UInt8>, to encoder: BinaryEncoder) {
        withUnsafeBytes(of: key.littleEndian) { encoder.append(contentsOf: $0) }
        withUnsafeBytes(of: ContentHash.of(body).littleEndian) { encoder.append(contentsOf: $0) }
        withUnsafeBytes(of: stamp.littleEndian) { encoder.append(contentsOf: $0) }
        encoder.unsigned(UInt64(body.count))
        encoder.append(contentsOf: body)
    }

    /// Each file's entry; nil when the bytes are not a whole store of `tool` in this format.
    private static func index(_ raw: UnsafeRawBufferPointer, tool: String) -> [String: Entry]? {
        guard raw.count >= magic.count + 4, raw.prefix(magic.count).elementsEqual(magic),
              raw.loadUnaligned(fromByteOffset: magic.count, as: UInt32.self) == formatVersion.littleEndian else { return nil }
        let reader = BinaryDecoder(bytes: raw, offset: magic.count + 4, file: "")
        do {
            guard try reader.string() == tool else { return nil }
            let count = try reader.length()
            guard count <= raw.count else { return nil }
            var entries: [String: Entry] = [:]
            entries.reserveCapacity(count)
            for _ in 0..<count {
                let file = try reader.string()
                guard reader.offset + 24 <= raw.count else { return nil }
                let key = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: reader.offset, as: UInt64.self))
                let checksum = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: reader.offset + 8, as: UInt64.self))
                let stamp = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: reader.offset + 16, as: UInt64.self))
                reader.offset += 24
                let length = try reader.length()
                guard length <= raw.count - reader.offset else { return nil }
                entries[file] = Entry(key: key, checksum: checksum, stamp: stamp, range: reader.offset..<(reader.offset + length))
                reader.offset += length
            }
            return reader.offset == raw.count ? entries : nil
        } catch {
            return nil
        }
    }
}
