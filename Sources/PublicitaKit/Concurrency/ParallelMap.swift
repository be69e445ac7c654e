import Dispatch
import Foundation

/// Maps work over all cores with a bounded number of workers.
///
/// Each worker takes a contiguous chunk of the input and writes its results
/// only into its own slots of the result buffer: no locks, no shared mutable
/// state beyond disjoint slots, and results come back in input order so builds
/// stay reproducible.
enum ParallelMap {
    /// The number of workers: one per active core.
    static var workerCount: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `items.map(transform)`, computed on all cores.
    static func map<T: Sendable, U: Sendable>(_ items: [T], _ transform: @Sendable (T) -> U) -> [U] {
        map(items, readingAhead: nil, transform)
    }

    /// `items.map(transform)`, computed on all cores, where `transform` reads the file
    /// `file` names for its item (nil: none): those of the chunks after the ones being
    /// worked on are asked for ahead (``ReadAhead``), when there are enough to be worth it.
    static func map<T: Sendable, U: Sendable>(_ items: [T], readingAhead file: (@Sendable (T) -> String?)?,
                                            _ transform: @Sendable (T) -> U) -> [U] {
        let count = items.count
        if count < 2 || workerCount == 1 { return items.map(transform) }
        // Many more chunks than workers balances uneven items (a long report next to
        // short news; the portal-wide data files next to project pages): the last
        // chunk decides when all cores are done, so chunks are kept small.
        let chunks = min(count, workerCount * 64)
        @Sendable func range(_ chunk: Int) -> Range<Int> { count * chunk / chunks..<count * (chunk + 1) / chunks }
        // Chunks are taken in order, so the next ones are the workers' next: each worker
        // starting a chunk asks for the one as many places on.
        let ahead = file.flatMap { file in count >= ReadAhead.worthwhile ? (file, ReadAhead()) : nil }
        if let (file, ahead) = ahead { ahead.ask(for: (0..<min(chunks, 2 * workerCount)).flatMap(range).compactMap { file(items[$0]) }) }
        defer { ahead?.1.stop() }
        // Written in place into the array returned: a copy of a buffer would hold every
        // result twice for a moment (a whole portal's records, when loading).
        return [U](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Workers write disjoint index ranges; the buffer outlives concurrentPerform.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                if let (file, ahead) = ahead, chunk + 2 * workerCount < chunks {
                    ahead.ask(for: range(chunk + 2 * workerCount).compactMap { file(items[$0]) })
                }
                for index in range(chunk) {
                    (slots.baseAddress! + index).initialize(to: transform(items[index]))
                }
            }
            initialized = count
        }
    }

    /// `transform(0..<count)` on all cores, a batch at a time, each result handed to
    /// `consume` in order: for outputs too big to hold every result at once (a
    /// national portal's data files), only one batch is.
    static func inBatches<U: Sendable>(count: Int, batch: Int = 1024, _ transform: @Sendable (Int) -> U, consume: (U) -> Void) {
        for start in stride(from: 0, to: count, by: batch) {
            for result in map(Array(start..<min(count, start + batch)), transform) { consume(result) }
        }
    }
}
