/// Each record's file by kind and index, and each file's place: the part of the keys
/// that stays as it is while records are edited in place (shared by the keys made after).
final class RecordTable: Sendable {
    /// Where a read is: a record's fields or body, by kind and index.
    struct Slot: Sendable {
        var kind: Int, index: Int, body: Bool
        /// One number per slot, to tell reads noted twice.
        var code: Int { (index << 4) | (kind << 1) | (body ? 1 : 0) }

        init(kind: Int, index: Int, body: Bool) {
            (self.kind, self.index, self.body) = (kind, index, body)
        }

        init(code: Int) {
            (kind, index, body) = ((code >> 1) & 7, code >> 4, code & 1 == 1)
        }
    }
    let files: [[String]]
    /// Each body's read (``ReadLog/bodyPrefix`` and the file), by kind and index.
    let bodyFiles: [[String]]
    /// By record file: the code of its fields' read (its body's is one more). Bodies'
    /// names are not entered: a table is made for every build, with an entry per record.
    private let fieldCodes: [String: UInt32]

    init(files: [[String]]) {
        self.files = files
        bodyFiles = files.map { $0.map { ReadLog.bodyPrefix + $0 } }
        var fieldCodes: [String: UInt32] = [:]
        fieldCodes.reserveCapacity(files.reduce(0) { $0 + $1.count })
        // With a file listed twice (a duplicate record), the first place is the one read.
        for (kind, list) in files.enumerated() {
            for (index, file) in list.enumerated() where fieldCodes[file] == nil {
                fieldCodes[file] = UInt32(truncatingIfNeeded: Slot(kind: kind, index: index, body: false).code)
            }
        }
        self.fieldCodes = fieldCodes
    }

    /// Where the read `name` is: a record file, or ``ReadLog/bodyPrefix`` and one; nil when it names no record.
    func slot(_ name: String) -> Slot? {
        if name.utf8.starts(with: ReadLog.bodyPrefix.utf8) {
            return fieldCodes[String(name.utf8.dropFirst(ReadLog.bodyPrefix.utf8.count))!].map { Slot(code: Int($0) | 1) }
        }
        return fieldCodes[name].map { Slot(code: Int($0)) }
    }

    /// How many reads there are: each record's fields and its body.
    var readCount: Int { 2 * files.reduce(0) { $0 + $1.count } }

    /// A read's number below ``readCount``, kind after kind: for arrays by read, where
    /// codes (which leave room between places) would need many times the room.
    func number(code: Int) -> Int {
        let slot = Slot(code: code)
        return 2 * (files[..<slot.kind].reduce(0) { $0 + $1.count } + slot.index) + (slot.body ? 1 : 0)
    }

    /// The code of the read numbered `number` (``number(code:)``).
    func code(number: Int) -> Int {
        var place = number / 2
        for (kind, list) in files.enumerated() {
            if place < list.count { return Slot(kind: kind, index: place, body: number % 2 == 1).code }
            place -= list.count
        }
        preconditionFailure("read number \(number) is not below \(readCount)")
    }

    /// The read a code (``Slot/code``) stands for: a record file, or ``ReadLog/bodyPrefix`` and one.
    func name(code: Int) -> String {
        let slot = Slot(code: code)
        return slot.body ? bodyFiles[slot.kind][slot.index] : files[slot.kind][slot.index]
    }
}
