import Foundation

/// A long-running build of one portal into one output folder: what `publicita
/// serve` rebuilds with after every change.
///
/// A session keeps what the last build loaded and worked out in memory — the
/// portal and its site model, each file's load diagnostics, the validation
/// results per project (``ProjectChecks``), the data files' parts
/// (``DataFileFragments``), and the keys and reads of the files the output holds
/// (``BuildCache``) — and is told which files changed (``InputChanges``). An edit of
/// project records that leaves the site's structure as it was
/// (``Site/keepsStructure(replacingProject:with:)``) is applied by parsing only those files and
/// checking again only what they can affect; then the pipeline's last stages run
/// as for any build, rendering the pages whose reads changed. Everything else —
/// templates, `portal.yaml`, static files, records added, removed or moved to
/// another city, programme or status, reports, pages, news, another day — is built
/// in full, the way ``Builder/run(_:)`` builds.
///
/// The output and the diagnostics are always those of a clean ``Builder/run(_:)`` of
/// the same input (tests check it after random edits); when content errors are
/// found nothing is written, so the output still holds the last good build.
public final class BuildSession: @unchecked Sendable {
    // @unchecked: every build runs under `lock`, one at a time.
    private let lock = NSLock()
    private let options: Builder.Options
    private let root: URL
    private let output: URL
    private let tool = ToolIdentity.current
    /// What the builds so far made that the next may take: parsed records by file
    /// stamp, what the output folder holds (the last successful build's manifest),
    /// and the data files' parts (kept through full builds that failed before writing).
    private var cache = BuildCache(parsedRecords: ParseCache(), keepsReaders: true)
    /// What the last build loaded and worked out; nil until a full build kept it.
    private var state: SessionState?
    /// Whether the manifest file beside the output matches the output (it is removed
    /// before an in-place update, so another build never trusts a stale one).
    private var savedManifestIsCurrent = false
    /// Whether the last build applied its changes incrementally (tests check that edits take that path).
    private(set) var lastBuildWasIncremental = false

    /// A session building `options.portalRoot` into `options.output` (which must be
    /// given); `options.parseCache` is not used (the session keeps its own).
    public init(_ options: Builder.Options) {
        precondition(options.output != nil, "a build session writes a site")
        self.options = options
        root = options.portalRoot.standardizedFileURL
        output = options.output!.standardizedFileURL
    }

    /// Builds after `changes` (nil: unknown, build in full) as of `today` (nil: the
    /// options' day). Returns what ``Builder/run(_:)`` would return for the same input.
    public func build(changes: InputChanges? = nil, today: Day? = nil) -> Builder.Outcome {
        lock.lock()
        defer { lock.unlock() }
        let today = today ?? options.today
        // Taken out of `self` while it changes, so its arrays are changed in place, not copied.
        if let changes, var kept = state, kept.today == today {
            state = nil
            if let outcome = update(&kept, with: changes) {
                state = kept
                lastBuildWasIncremental = true
                return outcome
            }
        }
        lastBuildWasIncremental = false
        return fullBuild(today: today)
    }

    // MARK: Full build

    /// Loads, checks and writes everything (reusing parsed records and the output's
    /// unchanged files), keeping the state for the next edit.
    private func fullBuild(today: Day) -> Builder.Outcome {
        // The data-file parts of unchanged records are kept across full builds too.
        if let parts = state?.fragments { cache.dataFileParts = parts }
        state = nil
        let stamps = InputStamps.scan(root)
        if cache.output == nil {
            cache.output = Builder.intactManifest(BuildManifest.load(for: output), output: output, tool: tool)?.loadingReads(for: output)
        }
        let run = Pipeline.run(options, today: today, output: output, stamps: stamps, cache: cache)
        state = run.state
        keep(run)
        if run.written != nil { savedManifestIsCurrent = true }
        return run.outcome
    }

    // MARK: Incremental build

    /// Applies `changes` to `state` and writes the files they change; nil when the
    /// changes need a full build (`state` may then be half updated: it is dropped).
    ///
    /// The first stages' results come from `state`: only the changed records are
    /// loaded, the site model is edited in place (``SessionState/replaceProject(at:with:)``) and only
    /// what they can affect is validated again. The last stages are the pipeline's own.
    private func update(_ state: inout SessionState, with changes: InputChanges) -> Builder.Outcome? {
        guard cache.output != nil else { return nil }
        var timer = StageTimer()
        var edited: [Int] = []
        let portalFiles = PortalFiles(root: root)
        for (path, announced) in changes.files.sorted(by: { $0.key < $1.key }) {
            // Only edits of existing project records are applied here; the stamp is taken
            // again before reading, so the one kept always belongs to the text read.
            guard announced != nil, let index = state.projectIndexByFile[path], let slot = state.recordSlotByFile[path],
                  // A record that became a link or a special file takes the full build's checks.
                  case .file(let readPath)? = portalFiles.entry(path)?.kind, readPath == portalFiles.root + "/" + path,
                  let stamp = InputStamps.stamp(readPath) else { return nil }
            let (record, found) = ContentLoader.loadRecord(kind: .projects, url: URL(fileURLWithPath: readPath),
                                                           relative: path, stamp: stamp, cache: cache.parsedRecords)
            guard case .project(let project)? = record, state.replaceProject(at: index, with: project) else { return nil }
            state.records[slot].diagnostics = found
            state.stamps.stamps[path] = stamp
            edited.append(index)
        }
        timer.lap("load")
        state.validation.update(projects: edited, site: state.site)
        timer.lap("validate")
        if savedManifestIsCurrent {
            // The output changes in place: another build must not trust the saved manifest.
            BuildManifest.remove(for: output)
            savedManifestIsCurrent = false
        }
        let run = Pipeline.finish(state, output: output, cache: cache, persist: false)
        if let kept = run.state { state = kept }
        keep(run)
        return run.outcome
    }

    /// Keeps what `run` made for the next build: the output's manifest, and the data
    /// files' parts in the state that made them (earlier parts are no longer needed).
    private func keep(_ run: Pipeline.Run) {
        if run.state?.fragments != nil { cache.dataFileParts = nil }
        if run.writeFailed { forgetOutput() }
        if let manifest = run.written { cache.output = manifest }
    }

    /// After a failed write the output's content is unknown: the next build writes a complete site.
    private func forgetOutput() {
        cache.output = nil
        savedManifestIsCurrent = false
        BuildManifest.remove(for: output)
    }
}
