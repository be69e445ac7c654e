import Foundation

/// The records one render read, noted where records are read (``RecordList``'s
/// subscript, a record's anchors, a memo replaying what it read when made) rather
/// than listed by hand per page: a page's key is made from exactly these
/// (``PageDependencies``), so a view that starts showing another record's field
/// makes its page depend on that record without any key code changing.
///
/// A log is the current thread's while ``recording(_:)`` runs; reads on a thread
/// with no log (loading, validation) are not noted.
final class ReadLog: @unchecked Sendable {
    // @unchecked: a log is changed only by the thread it is current on, and only read once its recording ended.
    /// The records read, by kind (its raw value), as indexes into the portal's lists.
    private(set) var indexes = [RecordIndexSet](repeating: RecordIndexSet(), count: RecordKind.allCases.count)
    /// Record files read other than through a list (a link's anchors), and bodies
    /// (``bodyPrefix`` and the file).
    private(set) var files: Set<String> = []
    /// Reads noted in bulk (``note(files:)``), perhaps more than once: kept as a list,
    /// since hashing thousands of names into `files` costs more than the page's render.
    private(set) var listed: [String] = []
    /// Reads noted in bulk by their place in the keys' table (``DependencyKeys/codes(of:)``).
    private(set) var codes: [Int] = []

    /// Where a record is kept in ``Portal``.
    enum RecordKind: Int, Sendable, CaseIterable {
        case project, report, page, news
    }

    /// Runs `body` with a new log as the thread's, then hands that log's reads on to
    /// the log around it (a memo's reads are the reads of the page that made it).
    static func recording<T>(_ body: () throws -> T) rethrows -> (T, ReadLog) {
        let log = ReadLog()
        let outer = current
        setCurrent(log)
        defer {
            setCurrent(outer)
            outer?.merge(log)
        }
        return (try body(), log)
    }

    /// Notes that record `index` of `kind` was read.
    @inline(__always)
    static func note(_ kind: RecordKind, _ index: Int) {
        guard let log = current else { return }
        log.indexes[kind.rawValue].insert(index)
    }

    /// Notes that the record in `file` was read.
    static func note(file: String) {
        current?.files.insert(file)
    }

    /// Notes that the records (and bodies) `files` name were read, as one note each would.
    static func note(files: [String]) {
        current?.listed.append(contentsOf: files)
    }

    /// Notes the reads of `codes` (``DependencyKeys/codes(of:)``), as one note each would.
    static func note(codes: [Int]) {
        current?.codes.append(contentsOf: codes)
    }

    /// Notes that the body of the record in `file` was read (or its outline).
    static func note(body file: String) {
        current?.files.insert(bodyPrefix + file)
    }

    /// How a body read is written among the files read: record files lie under
    /// `content/`, so no file's name starts so.
    static let bodyPrefix = "body:"

    /// Whether nothing was noted.
    var isEmpty: Bool {
        files.isEmpty && listed.isEmpty && codes.isEmpty && indexes.allSatisfy(\.isEmpty)
    }

    /// Notes everything `other` read (a memo's value is used again).
    static func replay(_ other: ReadLog) {
        current?.merge(other)
    }

    private func merge(_ other: ReadLog) {
        for (kind, read) in other.indexes.enumerated() where !read.isEmpty { indexes[kind].formUnion(read) }
        files.formUnion(other.files)
        listed += other.listed
        codes += other.codes
    }

    // MARK: The thread's log

    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static var current: ReadLog? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<ReadLog>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// The log is retained by ``recording(_:)``'s frame while it is current.
    private static func setCurrent(_ log: ReadLog?) {
        pthread_setspecific(key, log.map { Unmanaged.passUnretained($0).toOpaque() })
    }
}
