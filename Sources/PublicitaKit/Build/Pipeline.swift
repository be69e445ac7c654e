import Foundation

/// The pipeline, top to bottom: load → validate → site model → plan → render → write.
///
/// `publicita build` (``Builder/run(_:)``) runs it whole. `serve` (``BuildSession``)
/// runs it whole too, handing it what earlier runs of the process made (``BuildCache``);
/// after an edit of a few records, the session makes the first stages' results
/// from those it kept (``SessionState``) and runs the same last stages, ``finish(_:output:cache:persist:)``.
enum Pipeline {
    /// What a run found and did.
    struct Run {
        var outcome: Builder.Outcome
        /// Everything loaded and worked out; nil when the portal or its theme could
        /// not be loaded, or nothing was to be written.
        var state: SessionState?
        /// What the output holds now; nil when nothing was written.
        var written: BuildManifest?
        /// Whether writing failed: what the output holds is then unknown.
        var writeFailed = false
    }

    /// Builds the portal of `options` as of `today` into `output` (nil: checks only).
    /// `stamps` are the inputs' stamps as scanned before loading (needed to write).
    static func run(_ options: Builder.Options, today: Day, output: URL?, stamps: InputStamps?, cache: BuildCache) -> Run {
        let root = options.portalRoot.standardizedFileURL
        var timer = StageTimer()

        // Load: the records, `portal.yaml`, `static/`, then the theme.
        // The record store's next file is written as the records are read, so that their
        // stored forms are not held through render; it replaces the last one only once
        // the site is written.
        var loaded = ContentLoader.loadParts(portalAt: root, cache: cache.parsedRecords, store: cache.storedRecords, staging: output != nil)
        let staged = loaded.storeStaged
        loaded.stored = nil
        // Put in place once the site is written: a failed build writes nothing.
        var siteWritten = false
        defer {
            if staged, let store = cache.storedRecords {
                if siteWritten { store.commit() } else { store.discard() }
            }
        }
        timer.lap("load")
        guard var portal = loaded.portal else {
            return Run(outcome: Builder.Outcome(diagnostics: loaded.diagnostics.sortedForReport(), pagesWritten: 0, language: .cs))
        }
        var afterRecords = loaded.staticDiagnostics + Builder.applyAddressOptions(options, to: &portal)
        let language = portal.config.language
        let (theme, themeDiagnostics) = Theme.load(portalRoot: root, language: language)
        afterRecords += themeDiagnostics
        timer.lap("theme")

        // Site model, then validate.
        let site = Site(portal: portal, reservedIDs: theme?.staticIDs ?? [], today: today)
        timer.lap("site")
        let checks = ProjectChecks(site: site, today: today)
        timer.lap("validate")
        let placement = output.map { Builder.outputPlacement($0, root: root) } ?? []
        guard let theme, let output, let stamps else {
            let diagnostics = loaded.diagnostics + afterRecords + Validator.validate(site, projects: checks) + placement
            return Run(outcome: Builder.Outcome(diagnostics: diagnostics.sortedForReport(), pagesWritten: 0, language: language,
                                                basePath: site.address.basePath))
        }
        var state = SessionState(
            today: today, stamps: stamps, configHash: Builder.configHash(root: root, stamps: stamps), site: site, theme: theme,
            language: language, addressOptions: options.addressOptions, configDiagnostics: loaded.configDiagnostics,
            records: loaded.records, afterRecordDiagnostics: afterRecords, validation: checks, outputDiagnostics: placement)
        state.extraViewFields = options.extraViewFields
        let run = finish(state, output: output, cache: cache, persist: true)
        siteWritten = run.written != nil
        return run
    }

    /// Plan → render → write: keys every output file from what its last render read,
    /// renders those whose key changed, writes them, and (`persist`) saves the manifest.
    static func finish(_ state: SessionState, output: URL, cache: BuildCache, persist: Bool) -> Run {
        var timer = StageTimer()
        var state = state
        let site = state.site
        let tool = ToolIdentity.current
        // After records replaced in place, only their hashes change.
        let keys = state.keys?.replacing(projects: state.replacedProjects, site: site, theme: state.theme, tool: tool,
                                         stamps: state.stamps, configHash: state.configHash)
            ?? DependencyKeys(site: site, theme: state.theme, tool: tool, stamps: state.stamps, configHash: state.configHash)
        state.keys = keys
        state.replacedProjects = []
        timer.lap("keys")
        let (plan, conflicts) = Builder.plan(site: site, keys: keys, theme: state.theme, stamps: state.stamps, previous: cache.output)
        state.conflictDiagnostics = conflicts
        timer.lap("plan")
        let diagnostics = state.diagnostics()
        timer.lap("diagnose")
        guard !diagnostics.containsErrors else { return Run(outcome: state.outcome(diagnostics), state: state) }

        // The portal-wide data files (list of operations, search index) are joined from
        // each project's part, the one way they are made; a session keeps the parts, and
        // a build that saves its cache stores them beside it for the next process.
        let fragments = DataFileFragments(site: site, theme: state.theme, keys: keys, reusing: cache.dataFileParts ?? state.fragments,
                                          store: persist ? PartIndex.folder(inCache: BuildManifest.folder(for: output)) : nil)
        state.fragments = fragments
        timer.lap("data parts")
        let maker = PageMaker(renderer: Renderer(site: site, theme: state.theme, extraFields: state.extraViewFields), parts: fragments, keys: keys)
        var manifest = BuildManifest(tool: tool, day: state.today.iso, language: state.language, inputs: state.stamps, pages: [:],
                                     staticFiles: site.portal.staticFiles.map(\.name), diagnostics: diagnostics.sortedForReport(),
                                     addressOptions: state.addressOptions)
        let result = Builder.write(plan, previous: cache.output, output: output, maker: maker) { written in
            manifest.pages = written.keys
            manifest.reads = written.reads
            if cache.keepsReaders {
                manifest.readers = cache.output?.readers?.updated(keys: keys, made: written.made, reads: written.reads, earlier: cache.output?.reads ?? [:])
                    ?? OutputReaders(keys: keys, reads: written.reads)
                manifest.writtenPlan = WrittenPlan(plan, written: written, earlier: cache.output?.writtenPlan)
            }
            if persist { manifest.save(for: output, previous: cache.output) }
        }
        timer.lap("render+write")
        switch result {
        case .failure(let problem):
            BuildManifest.remove(for: output)
            return Run(outcome: state.outcome(diagnostics + [problem]), state: state, writeFailed: true)
        case .success(let written):
            state.dataFilesWereWritten()
            return Run(outcome: state.outcome(diagnostics, rendered: written.rendered), state: state, written: manifest)
        }
    }
}
