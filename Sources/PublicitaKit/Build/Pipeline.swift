import Foundation

/// The pipeline, top to bottom: load → validate → site model → plan → render → write.
///
/// `publicita build` (``Builder/run(_:)``) and `serve`'s full builds (``BuildSession``)
/// both run ``run(_:today:output:stamps:reuse:)``. They differ only in what they
/// hand it from earlier runs of the process (``Reuse``) and in what they keep of it
/// (``Run/state``, which a session's next edit starts from).
enum Pipeline {
    /// What a run may take from earlier runs of the same process.
    struct Reuse {
        /// Records parsed before, by file stamp.
        var parseCache: ParseCache?
        /// What the output holds (an intact output of this tool): files whose key is
        /// unchanged are kept instead of rendered.
        var previous: BuildManifest?
        /// The data files' per-project parts from an earlier run (``DataFileFragments``),
        /// reused for records that did not change.
        var dataFileParts: DataFileFragments?
    }

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
    static func run(_ options: Builder.Options, today: Day, output: URL?, stamps: InputStamps?, reuse: Reuse) -> Run {
        let root = options.portalRoot.standardizedFileURL
        var timer = StageTimer()

        // Load: the records, `portal.yaml`, `static/`, then the theme.
        let loaded = ContentLoader.loadParts(portalAt: root, cache: reuse.parseCache)
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

        // Plan: every output file with its key.
        let tool = ToolIdentity.current
        let listings = ProjectListing.all(of: site.portal)
        let keys = PageKeys(site: site, listings: listings, themeHash: theme.contentHash, tool: tool,
                            staticStamps: Builder.staticStamps(stamps), configHash: Builder.configHash(root: root, stamps: stamps))
        let (plan, conflicts) = Builder.plan(site: site, keys: keys, theme: theme, stamps: stamps, root: root)
        var state = SessionState(
            today: today, stamps: stamps, site: site, theme: theme, keyInputs: keys.inputs, language: language,
            configDiagnostics: loaded.configDiagnostics, records: loaded.records, afterRecordDiagnostics: afterRecords,
            validation: checks, listings: listings, outputDiagnostics: placement, conflictDiagnostics: conflicts,
            outputFiles: site.pages.map(\.outputFile), htmlPageCount: site.pages.filter(\.isHTMLPage).count)
        let diagnostics = state.diagnostics()
        timer.lap("plan")
        guard !diagnostics.containsErrors else { return Run(outcome: state.outcome(diagnostics), state: state) }

        // Render and write.
        // The portal-wide data files (list of operations, search index) are joined from
        // each project's part, the one way they are made; a session keeps the parts.
        let parts = state.dataFileFragments(reusing: reuse.dataFileParts)
        let items = plan.map { item in
            guard case .page(let page) = item.source, let chunks = parts.chunks(of: page, site: site) else { return item }
            return Builder.OutputPlan(path: item.path, key: item.key, source: .chunks(chunks))
        }
        let manifest = BuildManifest(tool: tool, day: today.iso, language: language, inputs: stamps,
                                     pages: Dictionary(items.map { ($0.path, $0.key) }, uniquingKeysWith: { $1 }),
                                     staticFiles: site.portal.staticFiles.map(\.name), diagnostics: diagnostics.sortedForReport(),
                                     addressOptions: options.addressOptions)
        let written = Builder.write(items, previous: reuse.previous, output: output, renderer: Renderer(site: site, theme: theme)) {
            manifest.save(for: output)
        }
        timer.lap("render+write")
        switch written {
        case .failure(let problem):
            BuildManifest.remove(for: output)
            return Run(outcome: state.outcome(diagnostics + [problem]), state: state, writeFailed: true)
        case .success(let rendered):
            state.writtenPageKeys = Array(items.prefix(site.pages.count).map(\.key))
            state.dataFilesWereWritten()
            return Run(outcome: state.outcome(diagnostics, rendered: rendered), state: state, written: manifest)
        }
    }
}
