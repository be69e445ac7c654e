/// The indexes of the records of one kind that a render read (``ReadLog``): a bit
/// per record, so that noting a read is a shift and an or, where a `Set<Int>`
/// hashed every read; and they come out in increasing order without sorting.
struct RecordIndexSet: Sendable, Sequence {
    private var words: [UInt64] = []
    /// How many indexes are in the set.
    private(set) var count = 0

    var isEmpty: Bool { count == 0 }

    /// Adds `index`; whether it was not in the set before.
    @discardableResult
    mutating func insert(_ index: Int) -> Bool {
        precondition(index >= 0, "a record index is never negative")
        let word = index >> 6, bit = UInt64(1) << UInt64(index & 63)
        if word >= words.count { words.append(contentsOf: repeatElement(0, count: word - words.count + 1)) }
        guard words[word] & bit == 0 else { return false }
        words[word] |= bit
        count += 1
        return true
    }

    func contains(_ index: Int) -> Bool {
        let word = index >> 6
        return index >= 0 && word < words.count && words[word] & (UInt64(1) << UInt64(index & 63)) != 0
    }

    mutating func formUnion(_ other: RecordIndexSet) {
        if other.words.count > words.count { words.append(contentsOf: repeatElement(0, count: other.words.count - words.count)) }
        var count = 0
        for word in words.indices {
            if word < other.words.count { words[word] |= other.words[word] }
            count += words[word].nonzeroBitCount
        }
        self.count = count
    }

    /// The indexes in increasing order.
    func makeIterator() -> Iterator {
        Iterator(words: words)
    }

    struct Iterator: IteratorProtocol {
        fileprivate let words: [UInt64]
        private var word = 0
        private var bits: UInt64

        fileprivate init(words: [UInt64]) {
            self.words = words
            bits = words.first ?? 0
        }

        mutating func next() -> Int? {
            while bits == 0 {
                word += 1
                guard word < words.count else { return nil }
                bits = words[word]
            }
            let bit = bits.trailingZeroBitCount
            bits &= bits - 1
            return word << 6 | bit
        }
    }
}
