/// A file's bytes as pieces handed out one after another: kept in memory (a list of
/// byte arrays), or read a block at a time from where they are stored
/// (``DataFileFragments``' parts on disk), so that a file of hundreds of megabytes
/// is never held whole.
protocol ChunkSource: Sendable {
    /// Hands every piece to `body`, in order; throws when a piece cannot be read.
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws
}

extension Array: ChunkSource where Element == [UInt8] {
    func forEachChunk(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        for chunk in self { try chunk.withUnsafeBufferPointer(body) }
    }
}
