/// A 64-bit FNV-1a hash, for build-cache keys (not for security).
///
/// It is stable across runs and machines (unlike `Hasher`, which is seeded per
/// process), so keys stored in the cache stay comparable.
struct ContentHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    init() {}

    /// Hashes `bytes`.
    mutating func combine<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        value ^= 0xff
        value &*= 0x0000_0100_0000_01b3
    }

    /// Hashes a string's UTF-8 bytes.
    mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: $0) }
    }

    /// Hashes an optional string (absent differs from empty).
    mutating func combine(_ text: String?) {
        if let text { combine("1" + text) } else { combine("0") }
    }

    /// Hashes a number.
    mutating func combine(_ number: UInt64) {
        withUnsafeBytes(of: number.littleEndian) { combine(bytes: $0) }
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
