import Foundation

/// Where the build's files go: a staging folder for a complete new site, or an
/// in-place update of a few files. Both take writes from several threads at once.
protocol OutputSink: Sendable {
    /// Writes `bytes` as the file `relative`.
    func write(_ bytes: [UInt8], to relative: String) throws(SiteWriter.WriteError)
    /// Writes `chunks`, one after another, as the file `relative`.
    func write(chunks: any ChunkSource, to relative: String) throws(SiteWriter.WriteError)
    /// Copies the file at `source` as `relative`.
    func copy(from source: URL, to relative: String) throws(SiteWriter.WriteError)
}

extension StagedOutput: OutputSink {
    func write(_ bytes: [UInt8], to relative: String) throws(SiteWriter.WriteError) {
        try write(bytes[...], to: relative)
    }
}

extension InPlaceUpdate: OutputSink {
    func write(_ bytes: [UInt8], to relative: String) throws(SiteWriter.WriteError) {
        try stage(bytes, for: relative)
    }

    func write(chunks: any ChunkSource, to relative: String) throws(SiteWriter.WriteError) {
        try stage(chunks: chunks, for: relative)
    }

    func copy(from source: URL, to relative: String) throws(SiteWriter.WriteError) {
        try stageCopy(of: source, for: relative)
    }
}
