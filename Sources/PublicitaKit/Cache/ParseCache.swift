import Foundation

/// Parsed records kept between builds of a long-running process (`publicita serve`),
/// keyed by each file's stamp (size and modification time): an unchanged file is
/// not read or parsed again. Records do not hold their bodies, so this stays small.
public final class ParseCache: @unchecked Sendable {
    // @unchecked: every access goes through `lock`.
    private let lock = NSLock()
    private var entries: [String: (stamp: String, record: ContentLoader.Record?, diagnostics: [Diagnostic])] = [:]

    /// An empty cache.
    public init() {}

    func lookup(_ path: String, stamp: String) -> (ContentLoader.Record?, [Diagnostic])? {
        lock.lock(); defer { lock.unlock() }
        guard let entry = entries[path], entry.stamp == stamp else { return nil }
        return (entry.record, entry.diagnostics)
    }

    func store(_ path: String, stamp: String, record: ContentLoader.Record?, diagnostics: [Diagnostic]) {
        lock.lock(); defer { lock.unlock() }
        entries[path] = (stamp, record, diagnostics)
    }

    /// Forgets files that no longer exist.
    func keep(only paths: Set<String>) {
        lock.lock(); defer { lock.unlock() }
        entries = entries.filter { paths.contains($0.key) }
    }
}
