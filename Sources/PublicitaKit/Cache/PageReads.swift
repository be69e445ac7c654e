/// What one render read (``ReadLog``): record files, and bodies (``ReadLog/bodyPrefix``
/// and a file), each once, as a list of their names.
///
/// A build keeps one for every page and data-file part of the site until the manifest
/// is saved, so a render's reads are kept by their places in the keys' table (four
/// bytes each, where a name is sixteen); reads loaded from the build cache, or
/// naming a file that is no record, are kept as names.
struct PageReads: RandomAccessCollection, ExpressibleByArrayLiteral, Equatable, Sendable {
    private enum Storage: Sendable {
        case names([String])
        case places(RecordTable, [UInt32])
    }
    private let storage: Storage

    init(names: [String]) {
        storage = .names(names)
    }

    init(arrayLiteral names: String...) {
        storage = .names(names)
    }

    /// Reads by their codes in `table` (``RecordTable/Slot/code``), each below 2³².
    init(codes: [UInt32], in table: RecordTable) {
        storage = .places(table, codes)
    }

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .names(let names): names.count
        case .places(_, let codes): codes.count
        }
    }

    subscript(position: Int) -> String {
        switch storage {
        case .names(let names): names[position]
        case .places(let table, let codes): table.name(code: Int(codes[position]))
        }
    }

    /// The table the reads are placed in, when they are kept by place.
    var table: RecordTable? {
        guard case .places(let table, _) = storage else { return nil }
        return table
    }

    /// The reads' codes in `table`, when they are kept by their places in it.
    func codes(in table: RecordTable) -> [UInt32]? {
        guard case .places(let own, let codes) = storage, own === table else { return nil }
        return codes
    }

    /// The same names in the same order.
    static func == (a: PageReads, b: PageReads) -> Bool {
        switch (a.storage, b.storage) {
        case (.names(let first), .names(let second)): first == second
        case (.places(let first, let firstCodes), .places(let second, let secondCodes)) where first === second: firstCodes == secondCodes
        default: a.elementsEqual(b)
        }
    }
}
