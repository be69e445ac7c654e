import Testing
@testable import PublicitaKit

/// The read log's set of record indexes: the same members, count and order as a
/// sorted `Set<Int>` after any inserts and unions.
@Suite("Record index set")
struct RecordIndexSetTests {
    @Test("inserts and unions give what a Set<Int> gives, in increasing order")
    func sameAsSet() {
        var random = SplitMix64(seed: 20261201)
        for round in 0..<200 {
            var bits = RecordIndexSet(), reference = Set<Int>()
            var other = RecordIndexSet(), otherReference = Set<Int>()
            let limit = [1, 63, 64, 65, 200, 10_000][round % 6]
            for _ in 0..<Int.random(in: 0...300, using: &random) {
                let index = Int.random(in: 0..<limit, using: &random)
                #expect(bits.insert(index) == reference.insert(index).inserted)
                if Bool.random(using: &random) {
                    let more = Int.random(in: 0..<(limit * 2), using: &random)
                    other.insert(more)
                    otherReference.insert(more)
                }
            }
            #expect(Array(bits) == reference.sorted())
            #expect(bits.count == reference.count)
            #expect(bits.isEmpty == reference.isEmpty)
            for probe in [0, 1, limit - 1, limit, limit * 3] {
                #expect(bits.contains(probe) == reference.contains(probe), "probe \(probe)")
            }
            bits.formUnion(other)
            reference.formUnion(otherReference)
            #expect(Array(bits) == reference.sorted())
            #expect(bits.count == reference.count)
        }
    }

    @Test("an index is counted once, however often it is read")
    func countsOnce() {
        var bits = RecordIndexSet()
        for _ in 0..<5 { bits.insert(64); bits.insert(0) }
        #expect(bits.count == 2)
        #expect(Array(bits) == [0, 64])
        #expect(!bits.contains(-1))
    }
}
