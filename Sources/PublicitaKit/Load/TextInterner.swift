import Foundation

/// One copy of each short text that many records repeat: the names of programmes,
/// funds, beneficiaries and contacts, roles, the titles of activities, the bodies'
/// headings. A `String`
/// of more than 15 bytes is an allocation of its own, and a build holds every
/// record from load to its last page. Shared by the threads of one load, then dropped.
///
/// Texts are told apart by their bytes, not as `String`s compare: two canonically
/// equivalent texts written with other code points stay as each was written.
final class TextInterner: @unchecked Sendable {
    // @unchecked: `texts` is only touched under `lock`.
    private let lock = NSLock()
    private var texts: Set<UTF8Key> = []

    /// Shorter texts are stored inside the `String` itself.
    static let shortest = 16
    /// Longer ones are prose, which records do not repeat: looking them up would only cost.
    static let longest = 64

    /// The text of `bytes` (decoded as UTF-8), the copy read first when it is one to share.
    func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        shared(String(decoding: bytes, as: UTF8.self))
    }

    /// `value`, or the copy of the same bytes read first when it is one to share.
    func shared(_ value: String) -> String {
        guard (Self.shortest...Self.longest).contains(value.utf8.count) else { return value }
        return lock.withLock { texts.insert(UTF8Key(value)).memberAfterInsert.text }
    }
}
