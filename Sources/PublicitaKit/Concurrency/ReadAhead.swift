import Foundation

/// Asks the kernel to read files before a stage needs them, many at a time.
///
/// A stage reads its records' files two at a time (one per core), waiting for each.
/// A disk that answers slowly one read at a time, as a virtual machine's or a network
/// share does when the files are not in memory, answers many at once far faster; a
/// large portal's files do not stay in memory between the stages that read them. The
/// threads here open each file (never following a link, never waiting on a FIFO),
/// ask for its pages (`POSIX_FADV_WILLNEED`, which does not wait for them) and close
/// it; the stage then finds the pages read. Nothing is read into this process.
final class ReadAhead: @unchecked Sendable {
    // @unchecked: `queue`, `next` and `stopped` are only touched under `condition`'s lock.
    private let condition = NSCondition()
    private var queue: [String] = []
    private var next = 0
    private var stopped = false

    /// Threads asking at once: enough to keep a slow disk's queue full.
    static let threads = 16
    /// Fewer files are read before the threads would have started.
    static let worthwhile = 2048

    init() {
        for _ in 0..<Self.threads {
            let thread = Thread { [self] in run() }
            thread.stackSize = 64 * 1024
            thread.start()
        }
    }

    /// Files to ask for, after those asked for before.
    func ask(for paths: some Sequence<String>) {
        condition.lock()
        queue.append(contentsOf: paths)
        condition.broadcast()
        condition.unlock()
    }

    /// Ends the threads once each has finished the file it is at.
    func stop() {
        condition.lock()
        stopped = true
        queue = []
        condition.broadcast()
        condition.unlock()
    }

    private func run() {
        while let path = take() { Self.prefetch(path) }
    }

    private func take() -> String? {
        condition.lock()
        defer { condition.unlock() }
        while !stopped && next == queue.count { condition.wait() }
        guard !stopped else { return nil }
        next += 1
        return queue[next - 1]
    }

    /// Asks for `path`'s pages; whether it could be opened.
    @discardableResult
    static func prefetch(_ path: String) -> Bool {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        return posix_fadvise(descriptor, 0, 0, POSIX_FADV_WILLNEED) == 0
    }
}
