import Foundation

/// Each page's ids, made once per site model: validation asks for them once per
/// link with a fragment, from every thread.
final class AnchorMemo: @unchecked Sendable {
    // @unchecked: `ids` is only touched under `lock`.
    private let lock = NSLock()
    private var ids: [String: Set<String>] = [:]

    func ids(at path: String, make: () -> Set<String>) -> Set<String> {
        if let known = lock.withLock({ ids[path] }) { return known }
        let made = make()
        lock.withLock { ids[path] = made }
        return made
    }
}

/// A site model's structure fingerprint, made on first use and shared by the
/// copies of the site model that keep the structure.
final class StructureMemo: @unchecked Sendable {
    // @unchecked: `value` is only touched under `lock`.
    private let lock = NSLock()
    private var value: UInt64?

    func fingerprint(_ make: () -> UInt64) -> UInt64 {
        lock.withLock {
            if let value { return value }
            let made = make()
            value = made
            return made
        }
    }
}
