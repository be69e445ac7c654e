import Foundation

/// `publicita build` and `publicita check`: runs the ``Pipeline`` once, unless the
/// output is already up to date.
///
/// Every stage reports diagnostics instead of stopping at the first problem; the
/// write stage runs only when no stage found an error.
public enum Builder {
    /// What to build and where.
    public struct Options: Sendable {
        /// The portal folder (holds `portal.yaml`).
        public var portalRoot: URL
        /// The output folder; `nil` means check only, write nothing.
        public var output: URL?
        /// The day that decides which projects have ended.
        public var today: Day
        /// The address the site is published at, in place of `portal.yaml`'s `base_url`
        /// (`publicita build --base-url`, for preview deployments); nil keeps `base_url`.
        public var baseURL: String?
        /// Whether internal addresses are written relative to their page, whatever
        /// `portal.yaml` says (`publicita build --relative-links`).
        public var relativeLinks: Bool = false
        /// Records parsed by earlier builds of this process (`publicita serve`), reused
        /// for files whose stamp has not changed; nil parses every file.
        public var parseCache: ParseCache?
        /// Fields added to every page's view, as a new field of a view model would be:
        /// how a test shows that keys follow what views show without any key code.
        var extraViewFields: Renderer.ExtraFields?

        /// Creates options; `output` nil checks without writing.
        public init(portalRoot: URL, output: URL?, today: Day = .today, baseURL: String? = nil, relativeLinks: Bool = false,
                    parseCache: ParseCache? = nil) {
            self.portalRoot = portalRoot
            self.output = output
            self.today = today
            self.baseURL = baseURL
            self.relativeLinks = relativeLinks
            self.parseCache = parseCache
        }
    }

    /// What a run found and did.
    public struct Outcome: Sendable {
        /// Every diagnostic, sorted by file and line.
        public var diagnostics: [Diagnostic]
        /// Pages the site has after a successful build (0 for a check or a failed build).
        public var pagesWritten: Int
        /// Pages rendered in this run (fewer than ``pagesWritten`` when the cache let pages be reused).
        public var pagesRendered: Int = 0
        /// Whether the site was already up to date (nothing read past the file stamps).
        public var upToDate: Bool = false
        /// The portal's language (from `portal.yaml`), for messages.
        public var language: Language
        /// The path the site lives under (``SiteAddress/basePath``): `serve` serves it there.
        public var basePath: String = "/"
        /// Whether there were errors.
        public var failed: Bool { diagnostics.containsErrors }
    }

    /// Runs the pipeline.
    public static func run(_ options: Options) -> Outcome {
        let root = options.portalRoot.standardizedFileURL
        let tool = ToolIdentity.current
        let output = options.output?.standardizedFileURL
        var timer = StageTimer()
        var previous = output.flatMap { BuildManifest.load(for: $0) }
        // A killed build's work folders go; the files its in-place update touched are
        // written again, since the manifest may not describe them.
        let interrupted = output.map { Leftovers.clear(beside: $0) } ?? []
        if let output, !interrupted.isEmpty { previous = previous?.forgetting(interrupted, in: output) }
        let stamps = output == nil ? nil : InputStamps.scan(root)
        timer.lap("manifest+stamps")

        // Nothing changed since the last build: same tool, same day, same input
        // stamps, output intact. Only `stat` has run; print the last diagnostics again.
        if let output, let previous, let stamps, interrupted.isEmpty, previous.tool == tool, previous.day == options.today.iso,
           previous.inputs == stamps, previous.addressOptions == options.addressOptions, outputIsIntact(output, previous) {
            return Outcome(diagnostics: previous.diagnostics, pagesWritten: previous.pages.count, upToDate: true,
                           language: previous.language)
        }

        var reusable: BuildManifest?
        if let output { reusable = intactManifest(previous, output: output, tool: tool)?.loadingReads(for: output) }
        timer.lap("reads")
        // The parsed records of the last build beside this output, unless a process keeps its own.
        let store = options.parseCache == nil ? output.map { RecordStore(folder: BuildManifest.folder(for: $0)) } : nil
        timer.lap("open records")
        let run = Pipeline.run(options, today: options.today, output: output, stamps: stamps,
                               cache: BuildCache(parsedRecords: options.parseCache, storedRecords: store, output: reusable))
        let outcome = run.outcome
        // Consumed, not copied: the last reference must be the one released over there.
        LateRelease.drop((consume run, consume reusable, consume previous))
        return outcome
    }

    /// Applies `publicita build --base-url` and `--relative-links` to the loaded portal;
    /// a diagnostic when the address is no usable one.
    static func applyAddressOptions(_ options: Options, to portal: inout Portal) -> [Diagnostic] {
        if options.relativeLinks { portal.config.relativeLinks = true }
        guard let baseURL = options.baseURL else { return [] }
        // CI systems give the address without its final slash (GitHub's configure-pages does).
        switch BaseURL.parse(baseURL.hasSuffix("/") ? baseURL : baseURL + "/") {
        case .success(let url):
            portal.config.baseURL = url
            return []
        case .failure(let problem):
            return [problem.diagnostic(at: SourceLocation(file: "--base-url"), found: baseURL)]
        }
    }

    /// A hash of `portal.yaml` (its stamp and bytes), part of every page's key.
    static func configHash(root: URL, stamps: InputStamps) -> UInt64 {
        ContentHash.of(stamps.stamps["portal.yaml"] ?? "")
            ^ ContentHash.of((try? Data(contentsOf: root.appendingPathComponent("portal.yaml"))) ?? Data())
    }

    /// Every output file with the key it has if the output's copy is current: the
    /// site's pages (keyed by what their last render read, as `previous` says), the
    /// theme's assets and the static files; and an error for each static file that
    /// would replace a page.
    static func plan(site: Site, keys: DependencyKeys, theme: Theme, stamps: InputStamps, previous: BuildManifest?) -> ([OutputPlan], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        // When the output's readers are known, only the pages that read a record whose hash
        // changed since the output was keyed have another key: they are rendered (their
        // key, a sum that changed, is made from what the render reads). Every other
        // page's key is the output's.
        let changedPages = previous?.readers?.pagesReadingChanges(with: keys)
        // The same structure: the same pages and files. The plan written had no file
        // replacing a page (it was written), so none does now.
        if let changedPages, let written = previous?.writtenPlan { return (written.replanned(changing: changedPages), []) }
        let previousKeys = previous?.pages, previousReads = previous?.reads
        // Reads as loaded from the file: each name is looked up once, not once per page that read it.
        let ranges = changedPages == nil ? previous?.readRanges : nil
        let hashes = ranges.map { keys.readHashes($0.files) }
        var plan: [OutputPlan] = ParallelMap.map(site.pages) { page in
            let path = page.outputFile
            let held = previousKeys?[path]
            guard let reads = previousReads?[path] else { return OutputPlan(path: path, key: nil, held: held, source: .page(page)) }
            if let changedPages {
                let kept = changedPages.contains(path) ? nil : held
                return OutputPlan(path: path, key: kept == BuildManifest.untrustedKey ? nil : kept, held: held, source: .page(page))
            }
            if let hashes, let pageRanges = ranges?.pages[path] {
                return OutputPlan(path: path, key: keys.key(path: path, ranges: pageRanges, hashes: hashes), held: held, source: .page(page))
            }
            return OutputPlan(path: path, key: keys.key(path: path, reads: reads), held: held, source: .page(page))
        }
        // Appended to without reserving, the plan of a large portal would be reallocated at twice its size.
        plan.reserveCapacity(plan.count + theme.assets.count + site.portal.staticFiles.count)
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            plan.append(OutputPlan(path: path, key: ContentHash.of(data), held: previousKeys?[path], source: .asset(data)))
        }
        // Only the paths a static file would take: a set of every output path costs more than the plan.
        let staticNames = Set(site.portal.staticFiles.map(\.name))
        let generated = staticNames.isEmpty ? [] : Set(plan.lazy.map(\.path).filter(staticNames.contains))
        for file in site.portal.staticFiles {
            if generated.contains(file.name) {
                diagnostics.append(.error(
                    .staticConflict, at: SourceLocation(file: "static/\(file.name)"),
                    LocalizedText(cs: "soubor by přepsal vygenerovanou stránku /\(file.name)", en: "the file would overwrite the generated page /\(file.name)")))
                continue
            }
            // Copied from where the load stage found it readable: a link's target, never the link.
            plan.append(OutputPlan(path: file.name, key: ContentHash.of(stamps.stamps["static/" + file.name] ?? ""),
                                   held: previousKeys?[file.name], source: .copy(URL(fileURLWithPath: file.path))))
        }
        return (plan, diagnostics)
    }

    /// One file of the new site: where it goes, the key it has if the output's copy
    /// is current, what the output holds there, and what produces it.
    struct OutputPlan: Sendable {
        enum Source: Sendable {
            case page(SitePage)
            case asset(Data)
            case copy(URL)
        }
        /// What the output (the previous build's manifest) holds at the file's path.
        enum Held: Sendable {
            /// This very file: its key is the plan's.
            case current
            /// Another version of it.
            case stale
            /// Nothing.
            case absent
        }
        var path: String
        /// Nil for a page never rendered into this output (or whose reads are gone): it is rendered.
        var key: UInt64?
        var held: Held
        var source: Source

        /// `held` is the key the output's manifest gives the path (nil: none); the lookup
        /// is made once here, not again by every stage that asks.
        init(path: String, key: UInt64?, held: UInt64?, source: Source) {
            self.path = path
            self.key = key
            self.held = held == nil ? .absent : key != nil && held == key ? .current : .stale
            self.source = source
        }

        /// Whether the output holds this very file.
        var isCurrent: Bool { held == .current }
    }

    /// What writing a plan did: how many pages were rendered, and each output file's
    /// key and (for pages) what its render read, as the manifest keeps them.
    struct Written: Sendable {
        var rendered = 0
        var keys: [String: UInt64] = [:]
        var reads: [String: PageReads] = [:]
        /// The pages rendered (whether or not their bytes were new).
        var made: [String] = []
    }

    /// Writes `plan` into `output`: only the changed files when `previous` (intact output
    /// of the same tool) says what is there, else a complete new site.
    /// `committed` runs once the new files are in place and before the work folders
    /// go (it saves the manifest: a kill before it leaves what ``Leftovers`` recovers).
    static func write(_ plan: [OutputPlan], previous: BuildManifest?, output: URL, maker: PageMaker,
                      committed: (Written) -> Void = { _ in }) -> Result<Written, Diagnostic> {
        if let previous { return writeIncrementally(plan, previous: previous, output: output, maker: maker, committed: committed) }
        return writeAll(plan, reusing: nil, output: output, maker: maker, committed: committed)
    }

    /// `manifest` when `tool` wrote it and `output` still holds all it says: the
    /// files a build may keep instead of rendering them again. Else nil.
    static func intactManifest(_ manifest: BuildManifest?, output: URL, tool: String) -> BuildManifest? {
        guard let manifest, manifest.tool == tool, outputIsIntact(output, manifest) else { return nil }
        return manifest
    }

    /// Whether the output still holds what `manifest` says it wrote.
    static func outputIsIntact(_ output: URL, _ manifest: BuildManifest) -> Bool {
        // POSIX access(2), not FileManager: a no-change rebuild asks this of every output file.
        guard access(output.appendingPathComponent(SiteWriter.markerFile).path, F_OK) == 0 else { return false }
        let folder = output.path + "/"
        // On all cores: a build after an edit asks this of every page of the site.
        return ParallelMap.map(Array(manifest.pages.keys)) { access(folder + $0, F_OK) == 0 }.allSatisfy { $0 }
    }

    /// Writes a complete new site into a staging folder and swaps it in. Files current
    /// in `previous` are hard-linked from the current output instead of rendered.
    static func writeAll(_ plan: [OutputPlan], reusing previous: BuildManifest?, output: URL, maker: PageMaker,
                         committed: (Written) -> Void = { _ in }) -> Result<Written, Diagnostic> {
        let staged: StagedOutput
        do {
            staged = try StagedOutput(replacing: output)
        } catch {
            return .failure(.error(.outputWrite, at: SourceLocation(file: output.path), error.message))
        }
        let produced = produce(plan, previous: previous, maker: maker, into: staged, output: output, keep: { item in
            try staged.link(existing: output.appendingPathComponent(item.path), to: item.path)
        })
        guard case .success(let written) = produced else { staged.abort(); return produced.map(\.written) }
        // Killed after the swap, the old manifest would describe the new site's pages.
        BuildManifest.remove(for: output)
        do {
            try staged.commit()
        } catch {
            return .failure(.error(.outputWrite, at: SourceLocation(file: output.path), error.message))
        }
        committed(written.written)
        return .success(written.written)
    }

    /// Renders, writes or copies every item of `plan` into `sink` on all cores, page by
    /// page (nothing of a page is kept after it is written). An item current in
    /// `previous` (the output the plan was made against), or a page whose bytes are
    /// those the output holds, is kept with `keep` instead (nil: the output's files
    /// stay where they are). Returns what was written, and the paths put into `sink`
    /// (only when there is no `keep`: an update in place names them in its journal).
    /// The first failure, in plan order, stops it.
    static func produce(_ plan: [OutputPlan], previous: BuildManifest?, maker: PageMaker, into sink: some OutputSink, output: URL,
                        keep: (@Sendable (OutputPlan) throws -> Void)?) -> Result<(written: Written, staged: [String]), Diagnostic> {
        // Taken out of the manifest once: the closure runs for every file of the site.
        let previousKeys = previous?.pages, previousReads = previous?.reads
        // When every file of `previous` is still planned, its keys and reads are those of
        // the files kept as they were: only the others are entered, and when those kept
        // stay where they are, only the others are looked at.
        let keepsPrevious = previousKeys.map { keys in keys.count == plan.count { $0.held != .absent } } ?? false
        let work = keepsPrevious && keep == nil ? plan.indices.filter { !plan[$0].isCurrent } : Array(plan.indices)
        @Sendable func produce(_ index: Int) -> Produced {
            let item = plan[index]
            do {
                if item.isCurrent, let key = item.key {
                    try keep?(item)
                    return .kept(key, previousReads?[item.path], remade: false)
                }
                switch item.source {
                case .page(let page):
                    let made: PageMaker.Made
                    switch maker.make(page) {
                    case .success(let result): made = result
                    case .failure(let problem): return .failed(problem)
                    }
                    if made.sameAsWritten, item.held != .absent {
                        try keep?(item)
                        return .kept(made.key, made.reads, remade: true)
                    }
                    try sink.write(chunks: made.chunks, to: item.path)
                    return .made(key: made.key, reads: made.reads, rendered: made.isHTMLPage, page: true)
                case .asset(let data): try sink.write(Array(data), to: item.path)
                case .copy(let source): try sink.copy(from: source, to: item.path)
                }
                return .made(key: item.key ?? BuildManifest.untrustedKey, reads: nil, rendered: false, page: false)
            } catch let error as SiteWriter.WriteError {
                return .failed(.error(.outputWrite, at: SourceLocation(file: output.path), error.message))
            } catch {
                return .failed(.error(.outputWrite, at: SourceLocation(file: output.path), LocalizedText(cs: "\(error)", en: "\(error)")))
            }
        }
        var written = Written(), staged: [String] = []
        if keepsPrevious, let previousKeys {
            written.keys = previousKeys
            written.reads = previousReads ?? [:]
        }
        // Room for every entry at once: a dictionary grown by doubling holds both sizes while it moves.
        written.keys.reserveCapacity(written.keys.count + work.count)
        written.reads.reserveCapacity(written.reads.count + work.count { if case .page = plan[$0].source { true } else { false } })
        // A batch at a time: only one batch's results are held beside what was written.
        let batchSize = 8192
        for start in stride(from: 0, to: work.count, by: batchSize) {
            let batch = Array(work[start..<min(work.count, start + batchSize)])
            for (index, result) in zip(batch, ParallelMap.map(batch, produce)) {
                let item = plan[index]
                switch result {
                case .failed(let problem): return .failure(problem)
                case .kept(let key, let reads, let remade):
                    if keepsPrevious && !remade { continue }
                    written.keys[item.path] = key
                    written.reads[item.path] = reads
                    if remade { written.made.append(item.path) }
                case .made(let key, let reads, let rendered, let page):
                    written.keys[item.path] = key
                    written.reads[item.path] = reads
                    if keep == nil { staged.append(item.path) }
                    if rendered { written.rendered += 1 }
                    if page { written.made.append(item.path) }
                }
            }
        }
        maker.renderer.forgetMemos()
        return .success((written, staged))
    }

    /// What became of one item of a plan: kept as the output holds it, made (and put
    /// in the sink), or failed.
    private enum Produced: Sendable {
        case kept(UInt64, PageReads?, remade: Bool)
        case made(key: UInt64, reads: PageReads?, rendered: Bool, page: Bool)
        /// Boxed: one is held for every file of a batch until the batch is made, and a
        /// diagnostic is many times the size of the others.
        indirect case failed(Diagnostic)
    }

    /// Updates only the files not current in `previous`, in place and all or nothing;
    /// falls back to a complete staged build when most of the site changed.
    static func writeIncrementally(_ plan: [OutputPlan], previous: BuildManifest, output: URL, maker: PageMaker,
                                   committed: (Written) -> Void = { _ in }) -> Result<Written, Diagnostic> {
        let changed = plan.count { !$0.isCurrent }
        // A set of every planned path only when some file of the output is no longer planned.
        let planned = plan.count { $0.held != .absent }
        let kept = planned == previous.pages.count ? [] : Set(plan.map(\.path))
        let removals = planned == previous.pages.count ? [] : previous.pages.keys.filter { !kept.contains($0) }.sorted()
        if changed + removals.count > max(64, plan.count / 4) {
            return writeAll(plan, reusing: previous, output: output, maker: maker, committed: committed)
        }
        let update = InPlaceUpdate(output: output)
        let produced = produce(plan, previous: previous, maker: maker, into: update, output: output, keep: nil)
        guard case .success(let result) = produced else { update.abort(); return produced.map(\.written) }
        do {
            try update.commit(staged: result.staged, removals: removals)
        } catch {
            return .failure(.error(.outputWrite, at: SourceLocation(file: output.path), error.message))
        }
        committed(result.written)
        update.finish(staged: result.staged)
        return .success(result.written)
    }

    /// The output may not be the portal folder itself, nor inside its sources.
    static func outputPlacement(_ output: URL, root: URL) -> [Diagnostic] {
        let outputPath = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let forbidden = [root] + ["content", "static", "templates"].map { root.appendingPathComponent($0) }
        for folder in forbidden {
            let path = folder.standardizedFileURL.path
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if outputPath == prefix || outputPath.hasPrefix(prefix) && folder != root || prefix.hasPrefix(outputPath) {
                return [.error(
                    .outputLocation, at: SourceLocation(file: output.path),
                    LocalizedText(cs: "výstupní složka \(output.path) nesmí být složkou portálu ani ležet ve zdrojích (content, static, templates)",
                                  en: "the output folder \(output.path) may not be the portal folder or lie inside its sources (content, static, templates)"))]
            }
        }
        return []
    }
}

extension Day {
    /// Today's date (UTC).
    public static var today: Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(year: 2000, month: 1, day: 1)!
    }
}

extension Builder.Options {
    /// The command line's address options in one line, kept in the build manifest: a
    /// build with other addresses than the last one is not up to date.
    var addressOptions: String {
        [baseURL.map { "--base-url \($0)" }, relativeLinks ? "--relative-links" : nil].compactMap { $0 }.joined(separator: " ")
    }
}
