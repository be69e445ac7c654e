/// Finds the known field name a mistyped one most likely meant.
enum NearestName {
    /// The closest of `candidates` to `name` by edit distance, when close enough to be a typo
    /// (the first of equally close ones).
    ///
    /// Bounded for thousands of candidates and megabyte names: a candidate whose length
    /// alone puts it no closer than the best so far is skipped, each distance stops
    /// once it cannot beat the best, and when no candidate's length allows a typo's
    /// distance nothing is compared at all.
    static func find(for name: String, among candidates: [String]) -> String? {
        let count = name.count
        let lengths = candidates.map(\.count)
        guard let nearestLength = lengths.map({ abs($0 - count) }).min(),
              let widestLimit = lengths.map({ limit(count, $0) }).max(),
              nearestLength <= widestLimit else { return nil }
        let lowered = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for (candidate, length) in zip(candidates, lengths) {
            let bound = best?.distance ?? .max
            guard abs(length - lowered.count) < bound,
                  let distance = editDistance(lowered, Array(candidate.lowercased()), below: bound) else { continue }
            best = (candidate, distance)
        }
        guard let best else { return nil }
        return best.distance <= limit(count, best.name.count) ? best.name : nil
    }

    /// About one edit in three characters, and at least two.
    private static func limit(_ a: Int, _ b: Int) -> Int { max(2, min(a, b) / 3) }

    /// Levenshtein distance (with adjacent transpositions counted as one edit).
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        editDistance(a, b, below: .max)!
    }

    /// The distance when it is below `bound`; nil as soon as a row shows it cannot be.
    static func editDistance(_ a: [Character], _ b: [Character], below bound: Int) -> Int? {
        if a.isEmpty { return b.count < bound ? b.count : nil }
        if b.isEmpty { return a.count < bound ? a.count : nil }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previousPrevious[j - 2] + 1)
                }
                rowMinimum = min(rowMinimum, current[j])
            }
            // A transposition reaches back two rows: stop only when both rows are past the bound.
            if rowMinimum >= bound, previous.min()! >= bound { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count] < bound ? previous[b.count] : nil
    }
}
