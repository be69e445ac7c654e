import Foundation
import Testing
@testable import PublicitaKit

/// The build cache's hash: stable across processes (keys are stored), and
/// different for pieces that join to the same bytes.
@Suite("Content hash")
struct ContentHashTests {
    @Test("the same bytes hash the same, whether given as a string, an array, Data or a lazy sequence")
    func sameBytesSameHash() {
        let text = "Asistenti prevence kriminality – Liberec, 6 516 052,50 Kč"
        let bytes = Array(text.utf8)
        #expect(ContentHash.of(text) == ContentHash.of(bytes))
        #expect(ContentHash.of(Data(bytes)) == ContentHash.of(bytes))
        #expect(ContentHash.of(bytes.lazy.map { $0 }) == ContentHash.of(bytes))
    }

    @Test("pieces are separated: (ab, c) differs from (a, bc), and one byte's change anywhere changes the hash")
    func piecesAndBytes() {
        var first = ContentHash(), second = ContentHash()
        first.combine("ab"); first.combine("c")
        second.combine("a"); second.combine("bc")
        #expect(first.value != second.value)
        var random = SplitMix64(seed: 42)
        for length in [1, 7, 8, 9, 15, 16, 17, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            let hash = ContentHash.of(bytes)
            for position in Set([0, length / 2, length - 1]) {
                var changed = bytes
                changed[position] ^= 0x01
                #expect(ContentHash.of(changed) != hash, "length \(length), byte \(position)")
            }
        }
    }
}
