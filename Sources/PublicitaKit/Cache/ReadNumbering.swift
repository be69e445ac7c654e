/// Every read of a build's pages once, in the order of their names, and the number of
/// each read in that order: the `reads` file lists the names, then writes each page's
/// reads as numbers (``ReadSet``).
///
/// Reads kept by place (``PageReads``) are numbered through their table, by an array
/// over the table's reads instead of a hashed set and a dictionary of names: the
/// pages of a national portal read hundreds of thousands of records and bodies, and
/// the manifest is saved at the end of a build, when its memory is at its highest.
struct ReadNumbering {
    private let table: RecordTable?
    /// The reads in order of their names: a read number in `table` (``RecordTable/number(code:)``),
    /// or -1 - its place in `others`. Names, not copies of them, are sorted.
    private let order: [Int32]
    /// The names read that are not in `table`.
    private let others: [String]
    /// By read number in `table`: its number here, or -1.
    private let numberByRead: [Int32]
    /// The numbers of `others`.
    private let numberByName: [String: Int]

    init(_ pages: some Collection<PageReads>) {
        let table = pages.lazy.compactMap(\.table).first
        var inTable = [Bool](repeating: false, count: table?.readCount ?? 0)
        var others: Set<String> = []
        for reads in pages {
            if let table, let codes = reads.codes(in: table) {
                for code in codes { inTable[table.number(code: Int(code))] = true }
                continue
            }
            for name in reads {
                if let table, let slot = table.slot(name) { inTable[table.number(code: slot.code)] = true } else { others.insert(name) }
            }
        }
        let sortedOthers = others.sorted()
        others = []
        var read: [Int32] = []
        read.reserveCapacity(inTable.count { $0 })
        for (number, isRead) in inTable.enumerated() where isRead { read.append(Int32(number)) }
        func name(_ number: Int32) -> String { table!.name(code: table!.code(number: Int(number))) }
        read.sort { name($0) < name($1) }
        // The two sorted lists merged, a name found in both (a file listed twice) numbered once.
        var order: [Int32] = [], numberByRead = [Int32](repeating: -1, count: inTable.count), numberByName: [String: Int] = [:]
        order.reserveCapacity(read.count + sortedOthers.count)
        var next = 0, other = 0, last: String?, number = -1
        while next < read.count || other < sortedOthers.count {
            let takesRead = other == sortedOthers.count || (next < read.count && name(read[next]) <= sortedOthers[other])
            let current = takesRead ? name(read[next]) : sortedOthers[other]
            if current != last {
                number += 1
                order.append(takesRead ? read[next] : Int32(-1 - other))
                last = current
            }
            if takesRead { numberByRead[Int(read[next])] = Int32(number); next += 1 } else { numberByName[current] = number; other += 1 }
        }
        self.table = table
        self.order = order
        self.others = sortedOthers
        self.numberByRead = numberByRead
        self.numberByName = numberByName
    }

    /// Each read's name once, in order (number 0 first).
    func forEachName(_ body: (String) throws -> Void) rethrows {
        for entry in order {
            try body(entry >= 0 ? table!.name(code: table!.code(number: Int(entry))) : others[Int(-1 - entry)])
        }
    }

    /// The numbers of `reads`, each a place in the order of ``forEachName(_:)``.
    func numbers(of reads: PageReads) -> [Int] {
        if let table, let codes = reads.codes(in: table) { return codes.map { Int(numberByRead[table.number(code: Int($0))]) } }
        return reads.map { name in
            if let table, let slot = table.slot(name) { return Int(numberByRead[table.number(code: slot.code)]) }
            return numberByName[name]!
        }
    }
}
