/// A 64-bit hash for build-cache keys (not for security), eight bytes a step.
///
/// It is stable across runs and machines (unlike `Hasher`, which is seeded per
/// process), so keys stored in the cache stay comparable. Whole words are mixed
/// by multiplication and shifts (as in FNV-1a and splitmix64), the tail byte by
/// byte, so hashing a file's text costs a fraction of a byte-wise hash.
struct ContentHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    private static let wordMultiplier: UInt64 = 0x9e37_79b9_7f4a_7c15
    private static let byteMultiplier: UInt64 = 0x0000_0100_0000_01b3

    init() {}

    /// Hashes `bytes`.
    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ combine(raw: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        combine(raw: Array(bytes))
    }

    private mutating func combine(raw bytes: [UInt8]) {
        bytes.withUnsafeBytes { combine(raw: $0) }
    }

    private mutating func combine(raw bytes: UnsafeRawBufferPointer) {
        var hash = value
        var offset = 0
        let count = bytes.count
        while offset + 8 <= count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            hash = (hash ^ word) &* Self.wordMultiplier
            hash ^= hash >> 29
            offset += 8
        }
        while offset < count {
            hash ^= UInt64(bytes[offset])
            hash &*= Self.byteMultiplier
            offset += 1
        }
        // The length ends every piece, so that ("ab", "c") and ("a", "bc") differ.
        hash = (hash ^ UInt64(count)) &* Self.wordMultiplier
        hash ^= hash >> 32
        value = hash
    }

    /// Hashes a string's UTF-8 bytes.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(raw: UnsafeRawBufferPointer($0)) }
    }

    /// Hashes an optional string (absent differs from empty).
    mutating func combine(_ text: String?) {
        if let text { combine("1" + text) } else { combine("0") }
    }

    /// Hashes a number.
    mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(raw: $0) }
    }

    /// The hash of `bytes` alone.
    static func of<Bytes: Sequence>(_ bytes: Bytes) -> UInt64 where Bytes.Element == UInt8 {
        var hash = ContentHash()
        hash.combine(bytes: bytes)
        return hash.value
    }

    /// The hash of a string alone.
    static func of(_ text: String) -> UInt64 {
        var hash = ContentHash()
        hash.combine(text)
        return hash.value
    }
}
