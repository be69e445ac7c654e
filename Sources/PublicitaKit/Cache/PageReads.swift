import Foundation

/// What one render read (``ReadLog``): record files, and bodies (``ReadLog/bodyPrefix``
/// and a file), each once, as a list of their names.
///
/// A build keeps one for every page and data-file part of the site until the manifest
/// is saved, so a render's reads are kept by their places in the keys' table (four
/// bytes each, where a name is sixteen); reads loaded from the build cache, or
/// naming a file that is no record, are kept as names.
struct PageReads: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    /// One reference either way, so that a page's entry is eight bytes: the table and
    /// the codes share one allocation. Unchecked: a `Places` is never changed once made.
    private enum Storage: @unchecked Sendable {
        case names([String])
        case places(Places)
    }
    private let storage: Storage

    /// Codes in a table, with the table in the allocation's header.
    fileprivate final class Places: ManagedBuffer<(table: RecordTable, count: Int), UInt32> {
        static func make(_ codes: [UInt32], in table: RecordTable) -> Places {
            let buffer = create(minimumCapacity: codes.count) { _ in (table, codes.count) }
            buffer.withUnsafeMutablePointerToElements { elements in
                codes.withUnsafeBufferPointer { elements.initialize(from: $0.baseAddress!, count: codes.count) }
            }
            return unsafeDowncast(buffer, to: Places.self)
        }

        var table: RecordTable { header.table }
        var count: Int { header.count }

        subscript(position: Int) -> UInt32 {
            precondition(position >= 0 && position < header.count, "read index out of range")
            return withUnsafeMutablePointerToElements { $0[position] }
        }

        func sameCodes(as other: Places) -> Bool {
            guard count == other.count else { return false }
            return withUnsafeMutablePointerToElements { mine in
                other.withUnsafeMutablePointerToElements { memcmp(mine, $0, count * MemoryLayout<UInt32>.stride) == 0 }
            }
        }
    }

    init(names: [String]) {
        storage = .names(names)
    }

    init(arrayLiteral names: String...) {
        storage = .names(names)
    }

    /// Reads by their codes in `table` (``RecordTable/Slot/code``), each below 2³².
    init(codes: [UInt32], in table: RecordTable) {
        storage = codes.isEmpty ? .names([]) : .places(Places.make(codes, in: table))
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .names(let names): names.count
        case .places(let places): places.count
        }
    }

    subscript(position: Int) -> String {
        switch storage {
        case .names(let names): names[position]
        case .places(let places): places.table.name(code: Int(places[position]))
        }
    }

    /// The table the reads are placed in, when they are kept by place.
    var table: RecordTable? {
        guard case .places(let places) = storage else { return nil }
        return places.table
    }

    /// The reads' codes in `table`, when they are kept by their places in it.
    func codes(in table: RecordTable) -> Codes? {
        switch storage {
        case .places(let places) where places.table === table: Codes(places: places)
        case .names(let names) where names.isEmpty: Codes(places: nil)
        default: nil
        }
    }

    /// The codes as kept, not copied: the plan asks for every page's.
    struct Codes: RandomAccessCollection {
        fileprivate let places: Places?

        var startIndex: Int { 0 }
        var endIndex: Int { places?.count ?? 0 }
        subscript(position: Int) -> UInt32 { places![position] }
    }

    /// The same names in the same order.
    static func == (a: PageReads, b: PageReads) -> Bool {
        switch (a.storage, b.storage) {
        case (.names(let first), .names(let second)): first == second
        case (.places(let first), .places(let second)) where first.table === second.table: first === second || first.sameCodes(as: second)
        default: a.elementsEqual(b)
        }
    }
}
