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
        let count = items.count
        if count < 2 || workerCount == 1 { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<U>.allocate(capacity: count)
        // Workers write disjoint index ranges; the buffer outlives concurrentPerform.
        nonisolated(unsafe) let slots = buffer
        // Many more chunks than workers balances uneven items (a long report next to
        // short news; the portal-wide data files next to project pages): the last
        // chunk decides when all cores are done, so chunks are kept small.
        let chunks = min(count, workerCount * 64)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = count * chunk / chunks
            let end = count * (chunk + 1) / chunks
            for index in start..<end {
                (slots.baseAddress! + index).initialize(to: transform(items[index]))
            }
        }
        let result = Array(buffer)
        buffer.baseAddress!.deinitialize(count: count)
        buffer.deallocate()
        return result
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
