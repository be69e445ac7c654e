/// What a build may take from the builds before it: the one thing the pipeline
/// asks for anything made earlier. Everything kept between builds is in this
/// folder — parsed records (``RecordStore``; in a session ``ParseCache``), the output's manifest with each file's
/// key and reads (``BuildManifest``), the data files' parts (``DataFileFragments``),
/// a session's state (``SessionState``) — as are the memos of one render
/// (``RenderMemos``) and what keys are made from (``ReadLog``, ``DependencyKeys``).
///
/// `publicita build` starts from the manifest beside the output; `serve`
/// (``BuildSession``) keeps one cache across its builds.
struct BuildCache {
    /// Records parsed before, by file stamp.
    var parsedRecords: ParseCache?
    /// Records parsed by an earlier process, by what parsing read (``RecordStore``),
    /// saved again after the load.
    var storedRecords: RecordStore?
    /// What the output holds (an intact output of this tool): files whose key is
    /// unchanged are kept instead of rendered.
    var output: BuildManifest?
    /// The data files' per-project parts from an earlier build, reused for records
    /// whose parts read nothing that changed.
    var dataFileParts: DataFileFragments?
    /// Whether the output's pages are indexed by what they read (``OutputReaders``), for
    /// the next build's plan: worth it in a process that builds again (`serve`).
    var keepsReaders = false
}
