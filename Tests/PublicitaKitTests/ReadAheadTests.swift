import Foundation
import Synchronization
import Testing
@testable import PublicitaKit

/// Reading ahead asks for every file a stage will read, once, and only regular files
/// the portal holds: it never follows a link nor waits on a FIFO.
@Suite("Reading files ahead")
struct ReadAheadTests {
    @Test("a map that reads ahead gives the map's results and asks for each item's file once")
    func everyFileIsAskedForOnce() {
        let count = ReadAhead.worthwhile * 3 + 17
        let asked = Mutex<[Int: Int]>([:])
        let items = Array(0..<count)
        let results = ParallelMap.map(items, readingAhead: { item in
            asked.withLock { $0[item, default: 0] += 1 }
            return "/nonexistent/\(item)"
        }) { $0 * 2 }
        #expect(results == items.map { $0 * 2 })
        let seen = asked.withLock { $0 }
        #expect(seen.count == count, "every item's file")
        #expect(seen.values.allSatisfy { $0 == 1 }, "each once")

        // Below the threshold nothing is asked for.
        let few = Mutex(0)
        _ = ParallelMap.map(Array(0..<100), readingAhead: { _ in few.withLock { $0 += 1 }; return "" }) { $0 }
        #expect(few.withLock { $0 } == 0)
    }

    @Test("a regular file is asked for; a link, a FIFO and a missing file are not, and nothing waits", .timeLimit(.minutes(1)))
    func onlyRegularFilesAreAskedFor() throws {
        try withTemporaryDirectory { folder in
            let file = folder.appendingPathComponent("record.md").path
            try Data("---\ntitle: x\n---\n".utf8).write(to: URL(fileURLWithPath: file))
            #expect(ReadAhead.prefetch(file))

            let outside = folder.appendingPathComponent("outside.md").path
            try Data("secret".utf8).write(to: URL(fileURLWithPath: outside))
            let link = folder.appendingPathComponent("link.md").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
            #expect(!ReadAhead.prefetch(link), "a link is not followed")

            // Opened without waiting for a writer; not a file whose pages can be asked for.
            let fifo = folder.appendingPathComponent("fifo.md").path
            #expect(mkfifo(fifo, 0o644) == 0)
            #expect(!ReadAhead.prefetch(fifo))

            #expect(!ReadAhead.prefetch(folder.appendingPathComponent("missing.md").path))
        }
    }
}
