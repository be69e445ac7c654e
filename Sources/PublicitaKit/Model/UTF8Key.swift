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
        a.text.utf8.elementsEqual(b.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        let hashed: Void? = text.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil {
            for byte in text.utf8 { hasher.combine(byte) }
        }
        hasher.combine(text.utf8.count)
    }
}
