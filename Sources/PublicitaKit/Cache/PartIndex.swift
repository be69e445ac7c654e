import Foundation

/// The index of the part store (``DataFileFragments``' parts on disk, in the build
/// cache folder's `parts/`): the segments it uses, and each project's file, key,
/// reads and place. Binary (counts, offsets and lengths as variable-length numbers,
/// hashes in eight bytes), with a checksum at its end: a truncated or altered index
/// is no index, and the parts are made again.
struct PartIndex {
    var segments: [(token: String, sizes: [Int], stamps: [UInt64])] = []
    var files: [String] = []
    /// By project: the key of its parts; nil when they are not stored.
    var keys: [UInt64?] = []
    var reads: [PageReads] = []
    /// By project: where its parts are (the segment indexes into ``segments``).
    var places: [PartPlace] = []

    private static let magic = Array("publicita-parts\n".utf8)
    /// Bumped when the format or the parts' meaning changes.
    private static let version: UInt64 = 3
    private static let noSegment = UInt64(UInt32.max)

    /// The store's folder for the build cache folder `cache`.
    static func folder(inCache cache: URL) -> String { cache.path + "/parts" }

    static func path(_ folder: String) -> String { folder + "/index" }

    // MARK: Saving

    /// Saves the index into `folder` (a temporary file renamed into place), then removes
    /// every other file there: segments it does not name, leftovers of killed builds.
    func save(in folder: String) -> Bool {
        var out = Encoder()
        out.bytes(Self.magic)
        out.number(Self.version)
        out.number(UInt64(segments.count))
        for segment in segments {
            out.string(segment.token)
            segment.sizes.forEach { out.number(UInt64($0)) }
            segment.stamps.forEach { out.fixed($0) }
        }
        var readIndex: [String: Int] = [:], readList: [String] = []
        for list in reads {
            for read in list where readIndex[read] == nil {
                readIndex[read] = readList.count
                readList.append(read)
            }
        }
        out.number(UInt64(readList.count))
        readList.forEach { out.string($0) }
        readList = []
        out.number(UInt64(files.count))
        for index in files.indices {
            out.string(files[index])
            let place = places[index]
            guard let key = keys[index], place.segment != PartPlace.held else {
                out.number(Self.noSegment)
                continue
            }
            out.number(UInt64(place.segment))
            out.fixed(key)
            for kind in PartKind.allCases {
                out.number(UInt64(place[kind].offset))
                out.number(UInt64(place[kind].length))
                out.fixed(place[kind].hash)
            }
            out.number(UInt64(reads[index].count))
            reads[index].forEach { out.number(UInt64(readIndex[$0]!)) }
        }
        out.fixed(ContentHash.of(out.bytes))
        let path = Self.path(folder), temporary = path + ".tmp-" + UUID().uuidString
        do {
            FileIO.makeDirectories(folder)
            try FileIO.write(out.bytes, toPath: temporary)
        } catch {
            unlink(temporary)
            return false
        }
        guard rename(temporary, path) == 0 else {
            unlink(temporary)
            return false
        }
        let kept = Set(segments.flatMap { segment in PartKind.allCases.map { segment.token + "." + $0.fileExtension } } + ["index"])
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] where !kept.contains(name) {
            unlink(folder + "/" + name)
        }
        return true
    }

    // MARK: Loading

    /// The index saved in `folder`; nil when missing, truncated, altered or of another format.
    static func load(from folder: String) -> PartIndex? {
        guard let data = FileManager.default.contents(atPath: path(folder)), data.count >= magic.count + 16 else { return nil }
        let bytes = [UInt8](data)
        var reader = Decoder(bytes: bytes, end: bytes.count - 8), checksum = Decoder(bytes: bytes, position: bytes.count - 8)
        guard ContentHash.of(bytes[..<(bytes.count - 8)]) == checksum.fixed(),
              reader.take(magic.count).map(Array.init) == magic, reader.number() == version else { return nil }
        var index = PartIndex()
        guard let segmentCount = reader.count() else { return nil }
        for _ in 0..<segmentCount {
            guard let token = reader.string(), let sizes = reader.numbers(PartKind.allCases.count),
                  let stamps = reader.fixed(PartKind.allCases.count) else { return nil }
            index.segments.append((token, sizes.map { Int($0) }, stamps))
        }
        guard let readCount = reader.count() else { return nil }
        var readList: [String] = []
        readList.reserveCapacity(readCount)
        for _ in 0..<readCount {
            guard let read = reader.string() else { return nil }
            readList.append(read)
        }
        guard let projectCount = reader.count() else { return nil }
        index.files.reserveCapacity(projectCount)
        for _ in 0..<projectCount {
            guard let file = reader.string(), let segment = reader.number() else { return nil }
            index.files.append(file)
            guard segment != noSegment else {
                index.keys.append(nil)
                index.reads.append([])
                index.places.append(PartPlace())
                continue
            }
            guard segment < index.segments.count, let key = reader.fixed(), let numbers = reader.pieces(), let readsCount = reader.count(),
                  let readNumbers = reader.numbers(readsCount), readNumbers.allSatisfy({ $0 < readList.count }) else { return nil }
            var place = PartPlace(segment: Int32(segment))
            for kind in PartKind.allCases {
                let at = 3 * kind.rawValue
                guard numbers[at] <= UInt64(Int.max), numbers[at + 1] <= UInt64(Int32.max) else { return nil }
                place[kind] = StoredPiece(offset: Int(numbers[at]), length: Int(numbers[at + 1]), hash: numbers[at + 2])
            }
            index.keys.append(key)
            index.reads.append(PageReads(names: readNumbers.map { readList[Int($0)] }))
            index.places.append(place)
        }
        return reader.atEnd ? index : nil
    }

    // MARK: Bytes

    private struct Encoder {
        var bytes: [UInt8] = []

        mutating func bytes(_ more: [UInt8]) { bytes.append(contentsOf: more) }

        /// Seven bits a byte, the high bit saying more follow.
        mutating func number(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                bytes.append(UInt8(value & 0x7f) | 0x80)
                value >>= 7
            }
            bytes.append(UInt8(value))
        }

        mutating func fixed(_ value: UInt64) {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }

        mutating func string(_ text: String) {
            number(UInt64(text.utf8.count))
            bytes.append(contentsOf: text.utf8)
        }
    }

    private struct Decoder {
        let bytes: [UInt8]
        var position = 0
        var end: Int

        init(bytes: [UInt8], position: Int = 0, end: Int? = nil) {
            (self.bytes, self.position, self.end) = (bytes, position, end ?? bytes.count)
        }

        var atEnd: Bool { position == end }

        mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
            guard count >= 0, count <= end - position else { return nil }
            defer { position += count }
            return bytes[position..<(position + count)]
        }

        mutating func number() -> UInt64? {
            var value: UInt64 = 0, shift: UInt64 = 0
            while position < end, shift < 64 {
                let byte = bytes[position]
                position += 1
                value |= UInt64(byte & 0x7f) << shift
                if byte < 0x80 { return value }
                shift += 7
            }
            return nil
        }

        mutating func fixed() -> UInt64? {
            guard 8 <= end - position else { return nil }
            var value: UInt64 = 0
            for shift in 0..<8 { value |= UInt64(bytes[position + shift]) << (8 * shift) }
            position += 8
            return value
        }

        mutating func fixed(_ count: Int) -> [UInt64]? {
            var values: [UInt64] = []
            for _ in 0..<count {
                guard let value = fixed() else { return nil }
                values.append(value)
            }
            return values
        }

        mutating func numbers(_ count: Int) -> [UInt64]? {
            guard count <= end - position else { return nil }
            var numbers: [UInt64] = []
            numbers.reserveCapacity(count)
            for _ in 0..<count {
                guard let number = number() else { return nil }
                numbers.append(number)
            }
            return numbers
        }

        /// A part's three pieces: offset, length (numbers) and hash (fixed) each.
        mutating func pieces() -> [UInt64]? {
            var values: [UInt64] = []
            values.reserveCapacity(9)
            for _ in PartKind.allCases {
                guard let offset = number(), let length = number(), let hash = fixed() else { return nil }
                values += [offset, length, hash]
            }
            return values
        }

        /// A count of things that each take at least one byte.
        mutating func count() -> Int? {
            guard let value = number(), value <= UInt64(end - position) else { return nil }
            return Int(value)
        }

        mutating func string() -> String? {
            guard let length = number(), length <= UInt64(end - position), let slice = take(Int(length)) else { return nil }
            return String(decoding: slice, as: UTF8.self)
        }
    }
}
