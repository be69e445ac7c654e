import Foundation

/// The load stage: reads `portal.yaml` and every content file of a portal into
/// records, reporting every problem it meets and going on with the rest.
public enum ContentLoader {
    /// Loads the portal in `root`. The portal is nil only when `portal.yaml` is unusable.
    /// With `cache`, files whose stamp is unchanged since the last load are not parsed again.
    public static func load(portalAt root: URL, cache: ParseCache? = nil) -> (portal: Portal?, diagnostics: [Diagnostic]) {
        let loaded = loadParts(portalAt: root, cache: cache)
        return (loaded.portal, loaded.diagnostics)
    }

    /// What the load stage found, with each record file's diagnostics apart, so a
    /// long-running build (``BuildSession``) can replace those of an edited file.
    struct LoadedPortal {
        /// The portal; nil only when `portal.yaml` is unusable.
        var portal: Portal?
        /// `portal.yaml`'s problems.
        var configDiagnostics: [Diagnostic]
        /// Every content file (relative path), in load order, with its problems.
        var records: [(file: String, diagnostics: [Diagnostic])]
        /// The problems of `static/`.
        var staticDiagnostics: [Diagnostic]
        /// With a ``RecordStore``: every record file it can keep, for its next save
        /// (nil once staged).
        var stored: [(file: String, saved: RecordStore.Saved)]? = nil
        /// Whether the load staged the store's next file (``RecordStore/stage(_:tool:)``).
        var storeStaged = false

        /// Every diagnostic, in the order the load stage reports them.
        var diagnostics: [Diagnostic] {
            configDiagnostics + records.flatMap(\.diagnostics) + staticDiagnostics
        }
    }

    /// Loads the portal in `root` (see ``load(portalAt:cache:)``), keeping each file's diagnostics apart.
    /// With `store`, a file whose bytes are those a record was stored for is not parsed again;
    /// with `staging` too, the store's next file is staged as soon as the records are read
    /// (when `portal.yaml` is usable), so that their stored forms are gone before the
    /// records take their room in the portal's lists.
    static func loadParts(portalAt root: URL, cache: ParseCache? = nil, store: RecordStore? = nil, staging: Bool = false,
                          stagingBatch: Int = 8192) -> LoadedPortal {
        var configDiagnostics = DiagnosticCollector()
        let config = loadConfig(root: root, diagnostics: &configDiagnostics)

        var projects: [Project] = [], reports: [Report] = [], pages: [Page] = [], news: [NewsItem] = []
        // With each file's `stat` as listed (links followed): the stamp taken before it is read.
        var files: [(kind: ContentKind, url: URL, relative: String, info: stat)] = []
        let portalFiles = PortalFiles(root: root)
        var refused: [String: Diagnostic] = [:]
        for kind in ContentKind.allCases {
            let listing = portalFiles.list("content/\(kind.rawValue)") { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            // Told it is no folder: else the URL asks the file system, once per record.
            for file in listing.files { files.append((kind, URL(fileURLWithPath: file.path, isDirectory: false), file.relative, file.info)) }
            // A linked content/ folder is met once per kind: reported once.
            for problem in listing.problems { refused[problem.location.file] = problem }
        }
        // Reading and parsing files is independent per file: done on all cores.
        let interner = TextInterner()
        // A file whose record the store holds for its stamp as listed is not read: nothing to ask for.
        let unread: @Sendable ((kind: ContentKind, url: URL, relative: String, info: stat)) -> String? = { file in
            if let store, store.holds(file.relative, stamp: store.stamp(path: file.url.path, relative: file.relative, info: file.info)) {
                return nil
            }
            return file.url.path
        }
        // With the store staged as it goes, a batch at a time: one batch's stored forms
        // are written and dropped before the next batch is read.
        let staging = staging && config != nil ? store.flatMap { RecordStore.Staging(store: $0) } : nil
        var stored: [(file: String, saved: RecordStore.Saved)]? = store == nil || staging != nil ? nil : []
        var loadedFiles: [(record: Record?, diagnostics: [Diagnostic])] = []
        loadedFiles.reserveCapacity(files.count)
        let batchSize = staging == nil ? max(1, files.count) : max(1, stagingBatch)
        for start in stride(from: 0, to: files.count, by: batchSize) {
            let batch = Array(files[start..<min(files.count, start + batchSize)])
            let results = ParallelMap.map(batch, readingAhead: unread) { file -> (Record?, [Diagnostic], RecordStore.Saved?) in
                if let store {
                    return loadRecord(kind: file.kind, url: file.url, relative: file.relative, listed: file.info, store: store, interner: interner)
                }
                let stamp = cache == nil ? nil : InputStamps.stamp(file.url.path)
                let (record, diagnostics) = loadRecord(kind: file.kind, url: file.url, relative: file.relative, stamp: stamp, cache: cache,
                                                       interner: interner)
                return (record, diagnostics, nil)
            }
            for (file, result) in zip(batch, results) {
                loadedFiles.append((result.0, result.1))
                guard let saved = result.2 else { continue }
                if let staging { staging.append(file: file.relative, saved: saved) } else { stored?.append((file.relative, saved)) }
            }
        }
        let staged = staging?.finish() ?? false
        cache?.keep(only: Set(files.map(\.relative)))
        // Each list exactly as long as it needs to be: a project is a large value, and a
        // list grown by appending keeps up to twice the room it uses for the whole build.
        projects.reserveCapacity(files.count { $0.kind == .projects })
        reports.reserveCapacity(files.count { $0.kind == .reports })
        var failed: [String: String] = [:]
        for (file, result) in zip(files, loadedFiles) where result.record == nil {
            let slug = String(file.url.lastPathComponent.dropLast(".md".count))
            failed[file.kind.route(slug)] = file.relative
        }
        // Moved out, not copied: a copy of every record retains each of its strings.
        for index in loadedFiles.indices {
            switch loadedFiles[index].record.take() {
            case .project(let p): projects.append(p)
            case .report(let r): reports.append(r)
            case .page(let p): pages.append(p)
            case .news(let n): news.append(n)
            case nil: break
            }
        }
        let records = zip(files, loadedFiles).map { (file: $0.relative, diagnostics: $1.diagnostics) }
            + refused.keys.sorted().map { (file: $0, diagnostics: [refused[$0]!]) }
        var staticDiagnostics = DiagnosticCollector()
        guard let config else {
            return LoadedPortal(portal: nil, configDiagnostics: configDiagnostics.diagnostics, records: records, staticDiagnostics: [],
                                stored: stored, storeStaged: staged)
        }
        let portal = Portal(
            root: root.path, config: config, projects: projects, reports: reports, pages: pages, news: news,
            staticFiles: staticFiles(portalFiles, diagnostics: &staticDiagnostics),
            failedRecords: failed)
        return LoadedPortal(portal: portal, configDiagnostics: configDiagnostics.diagnostics, records: records,
                            staticDiagnostics: staticDiagnostics.diagnostics, stored: stored, storeStaged: staged)
    }

    /// Reads and parses one content file of `kind`. With `cache` and the file's `stamp`
    /// (taken before reading, so a later write is never mistaken for this version),
    /// an unchanged file is taken from the cache and a parsed one stored in it.
    static func loadRecord(kind: ContentKind, url: URL, relative: String, stamp: String?, cache: ParseCache?,
                           interner: TextInterner? = nil) -> (Record?, [Diagnostic]) {
        if let cache, let stamp, let hit = cache.lookup(relative, stamp: stamp) { return hit }
        let result: (Record?, [Diagnostic])
        switch SourceText.read(url, relativePath: relative) {
        case .failure(let d): result = (nil, [d])
        case .success(let text): result = parseRecord(text, kind: kind, relativePath: relative, path: url.path, interner: interner)
        }
        if let cache, let stamp { cache.store(relative, stamp: stamp, record: result.0, diagnostics: result.1) }
        return result
    }

    /// Reads one content file of `kind`, taking its record from `store` when the
    /// store holds one for these bytes; a record parsed is returned with its stored form.
    /// `listed` is the file's `stat` taken before it is read (nil: taken here).
    static func loadRecord(kind: ContentKind, url: URL, relative: String, listed: stat? = nil,
                           store: RecordStore, interner: TextInterner? = nil) -> (Record?, [Diagnostic], RecordStore.Saved?) {
        // Stamped before reading: a change after the stamp gives the file another one.
        let stamp = store.stamp(path: url.path, relative: relative, info: listed)
        if let hit = store.record(relative, stamp: stamp) { return hit }
        let data: Data
        switch SourceText.bytes(url, relativePath: relative) {
        case .failure(let d): return (nil, [d], nil)
        case .success(let bytes): data = bytes
        }
        let key = RecordStore.key(bytes: data, relative: relative, path: url.path)
        if let hit = store.record(relative, key: key, stamp: stamp) { return hit }
        let result: (Record?, [Diagnostic])
        switch SourceText.text(of: data, relativePath: relative) {
        case .failure(let d): result = (nil, [d])
        case .success(let text): result = parseRecord(text, kind: kind, relativePath: relative, path: url.path, interner: interner)
        }
        let saved = RecordStore.encode(result.0, diagnostics: result.1, file: relative).map { RecordStore.Saved.parsed(key: key, bytes: $0, stamp: stamp) }
        return (result.0, result.1, saved)
    }

    private static func loadConfig(root: URL, diagnostics: inout DiagnosticCollector) -> PortalConfig? {
        let file = "portal.yaml"
        let entry = PortalFiles(root: root).entry(file)
        if case .refused(let problem) = entry?.kind {
            diagnostics.report(problem)
            return nil
        }
        guard let entry, case .file(let path) = entry.kind else {
            diagnostics.report(.error(
                .portalMissing, at: SourceLocation(file: file),
                LocalizedText(cs: "ve složce portálu chybí portal.yaml", en: "the portal folder has no portal.yaml"),
                suggestion: LocalizedText(cs: "spusťte příkaz ve složce portálu (či v její podsložce) nebo ji zadejte jako argument",
                                          en: "run the command in the portal folder (or a folder inside it) or pass it as an argument")))
            return nil
        }
        let text: String
        switch SourceText.read(URL(fileURLWithPath: path), relativePath: file) {
        case .failure(let d): diagnostics.report(d); return nil
        case .success(let t): text = t.first == "\u{FEFF}" ? String(t.dropFirst()) : t
        }
        let context = RecordContext(file: file, firstLine: 1)
        defer { diagnostics.report(contentsOf: context.diagnostics.diagnostics) }
        let (readable, controls) = ControlCharacters.checked(text, file: file)
        var problems = controls
        defer { diagnostics.report(contentsOf: problems) }
        switch YAMLLoader.load(readable.replacingOccurrences(of: "\r\n", with: "\n"), file: file, firstLine: 1, problems: &problems) {
        case .failure(let d): context.report(d); return nil
        case .success(nil):
            context.report(.error(.yamlRequired, at: SourceLocation(file: file, line: 1),
                                  LocalizedText(cs: "portal.yaml je prázdný", en: "portal.yaml is empty")))
            return nil
        case .success(let node?):
            guard let reader = FieldReader(node: node, path: "", context: context) else { return nil }
            return PortalConfig.read(from: reader)
        }
    }

    /// Parses the text of one content file of `kind` and returns what is wrong with it.
    /// (For fuzzing and editor integrations: no file is read.)
    public static func diagnose(_ text: String, kind: ContentKind) -> [Diagnostic] {
        parseRecord(text, kind: kind, relativePath: "content/\(kind.rawValue)/record.md").1
    }

    /// A record of any kind. Boxed: the load holds one per file until all are read, and
    /// then moves each into its list; inline, a project's room would be held twice.
    indirect enum Record: Sendable {
        case project(Project), report(Report), page(Page), news(NewsItem)
    }

    /// Parses the text of one content file (no file access, so it can be fuzzed in memory).
    /// With `path`, the record does not keep its body (it is read from `path` when rendered).
    /// `interner` shares the texts that records repeat (those of one load).
    static func parseRecord(_ text: String, kind: ContentKind, relativePath relative: String, path: String? = nil,
                            interner: TextInterner? = nil) -> (Record?, [Diagnostic]) {
        var diagnostics = DiagnosticCollector()
        // Control characters are reported once here and blanked, so the file still
        // loads: libyaml would refuse them with a second message, and a record that
        // fails to load would break every link to it.
        let (readable, controls) = ControlCharacters.checked(text, file: relative)
        diagnostics.report(contentsOf: controls)
        guard let (reader, source, context) = open(readable, original: text, relative: relative, path: path, interner: interner,
                                                   diagnostics: &diagnostics) else {
            return (nil, diagnostics.diagnostics)
        }
        let record: Record?
        switch kind {
        case .projects: record = Project.read(from: reader, source: source).map(Record.project)
        case .reports: record = Report.read(from: reader, source: source).map(Record.report)
        case .pages: record = Page.read(from: reader, source: source).map(Record.page)
        case .news: record = NewsItem.read(from: reader, source: source).map(Record.news)
        }
        diagnostics.report(contentsOf: context.diagnostics.diagnostics)
        return (record, diagnostics.diagnostics)
    }

    /// Splits a content file and parses its front matter; `original` is the file's text
    /// as read (`text` may have control characters blanked), for its content hash.
    private static func open(_ text: String, original: String, relative: String, path: String?, interner: TextInterner?,
                             diagnostics: inout DiagnosticCollector)
        -> (FieldReader, RecordSource, RecordContext)? {
        let parts: FrontMatter
        do {
            parts = try FrontMatter.split(text)
        } catch {
            diagnostics.report(.error(
                error == .empty ? .fileEmpty : .fileFrontMatter, at: SourceLocation(file: relative, line: error.line),
                error.message,
                suggestion: LocalizedText(cs: "soubor musí začínat řádkem ---, pak pole YAML, pak opět ---",
                                          en: "the file must start with a --- line, then YAML fields, then --- again")))
            return nil
        }
        let context = RecordContext(file: relative, firstLine: parts.yamlFirstLine)
        let node: YAMLNode
        var problems: [Diagnostic] = []
        defer { diagnostics.report(contentsOf: problems) }
        switch YAMLLoader.load(parts.yaml, file: relative, firstLine: parts.yamlFirstLine, interner: interner, problems: &problems) {
        case .failure(let d): diagnostics.report(d); return nil
        case .success(nil):
            diagnostics.report(.error(.yamlRequired, at: SourceLocation(file: relative, line: 1),
                                      LocalizedText(cs: "hlavička YAML je prázdná", en: "the YAML front matter is empty")))
            return nil
        case .success(let n?): node = n
        }
        guard let reader = FieldReader(node: node, path: "", context: context) else {
            diagnostics.report(contentsOf: context.diagnostics.diagnostics)
            return nil
        }
        let fileSlug = String((relative as NSString).lastPathComponent.dropLast(".md".count))
        var slug = Located(fileSlug, at: SourceLocation(file: relative))
        if let explicit = reader.locatedString("slug") { slug = explicit }
        if !Slug.isValid(slug.value) {
            context.report(.error(
                .slugInvalid, at: slug.location, field: "slug",
                LocalizedText(cs: "adresa „\(slug.value)“ smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky",
                              en: "the slug \"\(slug.value)\" may only contain lower-case ASCII letters, digits and hyphens"),
                expected: "[a-z0-9-]+", found: slug.value,
                suggestion: LocalizedText(cs: "použijte „\(Slug.make(from: slug.value))“", en: "use \"\(Slug.make(from: slug.value))\""),
                // Only a written slug field can be replaced in place; a file name is renamed.
                fixIts: slug.location.line == nil ? [] : [FixIt(at: slug.location, replacing: slug.value, with: Slug.make(from: slug.value))]))
            slug.value = Slug.make(from: slug.value)
        }
        var source = RecordSource(file: relative, slug: slug, body: parts.body, bodyFirstLine: parts.bodyFirstLine,
                                  outline: BodyOutline(body: parts.body, interner: interner), contentHash: ContentHash.of(original), path: path,
                                  frontMatter: parts.yaml)
        if let lang = reader.locatedString("lang") {
            if let language = Language(rawValue: lang.value.lowercased()) {
                source.language = Located(language, at: lang.location)
            } else {
                context.report(.error(
                    .yamlType, at: lang.location, field: "lang",
                    LocalizedText(cs: "nepodporovaný jazyk „\(lang.value)“", en: "unsupported language \"\(lang.value)\""),
                    expected: Language.allCases.map(\.rawValue).joined(separator: " | "), found: lang.value,
                    suggestion: LocalizedText(cs: "napište lang: cs nebo lang: en", en: "write lang: cs or lang: en")))
            }
        }
        source.translationOf = reader.locatedString("translation_of")
        return (reader, source, context)
    }

    /// Every file under `static/`, relative to it, in name order. A link to a file
    /// inside the sources is copied as that file; other links and special files are
    /// refused (see ``PortalFiles``).
    private static func staticFiles(_ files: PortalFiles, diagnostics: inout DiagnosticCollector) -> [StaticFile] {
        let listing = files.list("static", recursive: true)
        diagnostics.report(contentsOf: listing.problems)
        return listing.files.map { StaticFile(name: String($0.relative.dropFirst("static/".count)), path: $0.path, size: $0.size) }
    }
}
