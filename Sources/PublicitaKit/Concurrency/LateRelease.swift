import Foundation

/// Frees a large value on another thread, so that the caller returns without
/// waiting for every record and page of a build to be released one by one.
enum LateRelease {
    /// Ends `value`'s life on a background thread (a process about to exit may not wait for it).
    static func drop<Value: Sendable>(_ value: consuming Value) {
        let box = Box(value)
        DispatchQueue.global(qos: .utility).async { box.value = nil }
    }

    private final class Box<Held: Sendable>: @unchecked Sendable {
        // @unchecked: only the one closure that frees it touches it after init.
        var value: Held?
        init(_ value: Held) { self.value = value }
    }
}
