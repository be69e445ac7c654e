/// The render stage for one page, as the write stage asks for it: the page's
/// bytes (a joined data file from the projects' kept parts, else rendered), the
/// records the render read, and the key that follows from them.
struct PageMaker: Sendable {
    let renderer: Renderer
    /// The projects' parts of the portal-wide data files, when made.
    let parts: DataFileFragments?
    let keys: DependencyKeys

    /// One page made.
    struct Made {
        /// Its bytes, in pieces written one after another.
        var chunks: any ChunkSource
        /// The record files the render read.
        var reads: PageReads
        var key: UInt64
        var isHTMLPage: Bool
        /// Whether the output already holds these bytes (a data file whose parts are
        /// as they were when it was written): it need not be written again.
        var sameAsWritten: Bool
    }

    func make(_ page: SitePage) -> Result<Made, Diagnostic> {
        let (made, log) = ReadLog.recording { () -> Result<any ChunkSource, Diagnostic> in
            if let chunks = parts?.chunks(of: page, site: renderer.site) { return .success(chunks) }
            return renderer.render(page).map { [$0.bytes] as [[UInt8]] }
        }
        return made.map { chunks in
            let (reads, key) = keys.reads(log, path: page.outputFile)
            return Made(chunks: chunks, reads: reads, key: key ?? BuildManifest.untrustedKey,
                        isHTMLPage: page.isHTMLPage, sameAsWritten: parts?.isWritten(page) ?? false)
        }
    }
}
