import Foundation

/// A string as a dictionary key by its UTF-8 bytes: hashed and compared without
/// Unicode normalization, which `String` does for every key that is not ASCII.
/// Two strings that are canonically equivalent but written with other code points
/// are different keys; use it where that only costs a second entry (a memo).
struct UTF8Key: Hashable {
    let text: String

    init(_ text: String) {
        self.text = text
    }

    static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        sameBytes(a.text, b.text)
    }

    /// Whether `a` and `b` are the same UTF-8 bytes (then they are also equal
    /// strings; strings with other bytes may still be canonically equal).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let compared = a.utf8.withContiguousStorageIfAvailable { first in
            b.utf8.withContiguousStorageIfAvailable { second in
                first.count == 0 || memcmp(first.baseAddress!, second.baseAddress!, first.count) == 0
            }
        }
        return (compared ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
