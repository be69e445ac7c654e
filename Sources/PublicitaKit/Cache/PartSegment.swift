import Foundation

/// Which joined data file a project's part belongs to (``DataFileFragments``).
enum PartKind: Int, CaseIterable, Sendable {
    case csv, json, search

    /// The ending of a segment's file of parts of this kind.
    var fileExtension: String { ["csv", "json", "search"][rawValue] }
}

/// Where one part's bytes are in its segment's file of their kind, and their hash:
/// what tells a stored part intact, and a remade part changed.
struct StoredPiece: Sendable, Equatable {
    var offset = 0
    var length = 0
    var hash: UInt64 = 0
}

/// Where a project's three parts are: in a segment of the part store, or held in memory.
struct PartPlace: Sendable {
    /// An index into the fragments' segments, or ``held``.
    var segment: Int32 = Self.held
    var csv = StoredPiece(), json = StoredPiece(), search = StoredPiece()

    /// The segment of parts held in memory (made in this process and not stored).
    static let held: Int32 = -1

    subscript(kind: PartKind) -> StoredPiece {
        get {
            switch kind {
            case .csv: csv
            case .json: json
            case .search: search
            }
        }
        set {
            switch kind {
            case .csv: csv = newValue
            case .json: json = newValue
            case .search: search = newValue
            }
        }
    }

    /// Whether the part of `kind` has the bytes `other`'s has.
    func same(_ kind: PartKind, as other: PartPlace) -> Bool {
        self[kind].length == other[kind].length && self[kind].hash == other[kind].hash
    }
}

/// One build's stored parts: a file per kind in the store's folder, named by a token
/// no other build uses, open for reading while fragments use it (an open file stays
/// readable after another build removed it).
final class PartSegment: Sendable {
    let token: String
    /// The bytes each kind's file holds.
    let sizes: [Int]
    /// By kind: the file's stamp (size, change time, inode) as it was written, or as found
    /// when opened: a file whose stamp is the one the index gives is as it was written.
    let stamps: [UInt64]
    private let descriptors: [Int32]

    fileprivate init(token: String, descriptors: [Int32], sizes: [Int]) {
        (self.token, self.descriptors, self.sizes) = (token, descriptors, sizes)
        stamps = descriptors.map(Self.stamp)
    }

    /// The segment `token` of `folder`, when its files hold at least `sizes` bytes; else nil.
    convenience init?(opening folder: String, token: String, sizes: [Int]) {
        var descriptors: [Int32] = []
        for kind in PartKind.allCases {
            let descriptor = open(Self.path(folder, token, kind), O_RDONLY | O_CLOEXEC)
            var info = stat()
            guard descriptor >= 0, fstat(descriptor, &info) == 0, Int(info.st_size) >= sizes[kind.rawValue] else {
                if descriptor >= 0 { close(descriptor) }
                descriptors.forEach { close($0) }
                return nil
            }
            descriptors.append(descriptor)
        }
        self.init(token: token, descriptors: descriptors, sizes: sizes)
    }

    /// The stamp of the open file `descriptor`; 0 when it cannot be taken.
    private static func stamp(_ descriptor: Int32) -> UInt64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return 0 }
        var hash = ContentHash()
        for number in [Int(info.st_size), info.st_mtim.tv_sec, info.st_mtim.tv_nsec, info.st_ctim.tv_sec, info.st_ctim.tv_nsec, Int(info.st_ino)] {
            hash.combine(UInt64(bitPattern: Int64(number)))
        }
        return hash.value == 0 ? 1 : hash.value
    }

    deinit {
        descriptors.forEach { close($0) }
    }

    static func path(_ folder: String, _ token: String, _ kind: PartKind) -> String {
        folder + "/" + token + "." + kind.fileExtension
    }

    /// Reads `count` bytes of `kind`'s file at `offset` into `buffer`; false when they are not all there.
    func read(_ kind: PartKind, at offset: Int, count: Int, into buffer: UnsafeMutableRawPointer) -> Bool {
        guard offset >= 0, offset + count <= sizes[kind.rawValue] else { return false }
        var done = 0
        while done < count {
            let got = pread(descriptors[kind.rawValue], buffer + done, count - done, off_t(offset + done))
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return false }
            done += got
        }
        return true
    }
}

/// A new segment being written: its files are made under a fresh token and filled
/// part by part; nothing names them until the store's index is saved, so a build
/// killed meanwhile leaves only files the next save removes.
final class PartSegmentWriter {
    let token = UUID().uuidString
    private let folder: String
    private var descriptors: [Int32] = []
    private var sizes = [0, 0, 0]
    private var buffers: [[UInt8]] = [[], [], []]
    private var finished = false
    private static let bufferSize = 1 << 20

    /// Creates the segment's files in `folder` (made if missing); nil when they cannot be.
    init?(folder: String) {
        self.folder = folder
        FileIO.makeDirectories(folder)
        for kind in PartKind.allCases {
            let descriptor = open(PartSegment.path(folder, token, kind), O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { abandon(); return nil }
            descriptors.append(descriptor)
        }
    }

    deinit {
        if !finished { abandon() }
    }

    /// Appends `bytes` to `kind`'s file; where they will be once ``flush()`` succeeded.
    func append(_ bytes: [UInt8], _ kind: PartKind) -> StoredPiece {
        let piece = StoredPiece(offset: sizes[kind.rawValue], length: bytes.count, hash: ContentHash.of(bytes))
        sizes[kind.rawValue] += bytes.count
        buffers[kind.rawValue].append(contentsOf: bytes)
        return piece
    }

    /// Appends a piece as raw bytes (copied from another segment).
    func append(_ bytes: UnsafeBufferPointer<UInt8>, _ kind: PartKind, hash: UInt64) -> StoredPiece {
        let piece = StoredPiece(offset: sizes[kind.rawValue], length: bytes.count, hash: hash)
        sizes[kind.rawValue] += bytes.count
        buffers[kind.rawValue].append(contentsOf: bytes)
        return piece
    }

    /// Whether enough is buffered to be worth writing.
    var isFull: Bool { buffers.contains { $0.count >= Self.bufferSize } }

    /// Writes what is buffered; false when it could not all be written.
    func flush() -> Bool {
        for kind in PartKind.allCases {
            let ok = buffers[kind.rawValue].withUnsafeBufferPointer { buffer -> Bool in
                var done = 0
                while done < buffer.count {
                    let wrote = write(descriptors[kind.rawValue], buffer.baseAddress! + done, buffer.count - done)
                    if wrote < 0 && errno == EINTR { continue }
                    guard wrote > 0 else { return false }
                    done += wrote
                }
                return true
            }
            buffers[kind.rawValue].removeAll(keepingCapacity: true)
            if !ok { return false }
        }
        return true
    }

    /// The segment written (its files stay open for reading); nil when the last writes failed.
    func finish() -> PartSegment? {
        guard flush() else { abandon(); return nil }
        finished = true
        return PartSegment(token: token, descriptors: descriptors, sizes: sizes)
    }

    /// Gives up: the files go.
    func abandon() {
        finished = true
        descriptors.forEach { close($0) }
        descriptors = []
        for kind in PartKind.allCases { unlink(PartSegment.path(folder, token, kind)) }
    }
}

/// Reads stored pieces in the order asked, a block at a time: pieces stored one
/// after another (a file's parts, in project order) cost one read per block.
final class PieceReader {
    private let capacity = 1 << 18
    private let buffer: UnsafeMutableRawPointer
    private var block: (segment: ObjectIdentifier, kind: PartKind, start: Int, end: Int)?

    init() {
        buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        buffer.deallocate()
    }

    /// Hands `piece` of `kind` in `segment` to `body`; nil when it cannot be read.
    func withPiece<T>(_ segment: PartSegment, _ kind: PartKind, _ piece: StoredPiece,
                      _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T? {
        if piece.length > capacity {
            var bytes = [UInt8](repeating: 0, count: piece.length)
            let read = bytes.withUnsafeMutableBytes { segment.read(kind, at: piece.offset, count: piece.length, into: $0.baseAddress!) }
            guard read else { return nil }
            return try bytes.withUnsafeBufferPointer(body)
        }
        let id = ObjectIdentifier(segment)
        if let block, block.segment == id, block.kind == kind, piece.offset >= block.start, piece.offset + piece.length <= block.end {
            // In the block read last.
        } else {
            let count = max(piece.length, min(capacity, segment.sizes[kind.rawValue] - piece.offset))
            block = nil
            guard segment.read(kind, at: piece.offset, count: count, into: buffer) else { return nil }
            block = (id, kind, piece.offset, piece.offset + count)
        }
        let start = buffer.assumingMemoryBound(to: UInt8.self) + (piece.offset - block!.start)
        return try body(UnsafeBufferPointer(start: start, count: piece.length))
    }
}
