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
