import Foundation

/// Runs the pipeline: load → validate → site model → render → write.
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

        /// Creates options; `output` nil checks without writing.
        public init(portalRoot: URL, output: URL?, today: Day = .today) {
            self.portalRoot = portalRoot
            self.output = output
            self.today = today
        }
    }

    /// What a run found and did.
    public struct Outcome: Sendable {
        /// Every diagnostic, sorted by file and line.
        public var diagnostics: [Diagnostic]
        /// Pages written (0 for a check or a failed build).
        public var pagesWritten: Int
        /// The portal's language (from `portal.yaml`), for messages.
        public var language: Language
        /// Whether there were errors.
        public var failed: Bool { diagnostics.containsErrors }
    }

    /// Runs the pipeline.
    public static func run(_ options: Options) -> Outcome {
        let root = options.portalRoot.standardizedFileURL
        let (loaded, loadDiagnostics) = ContentLoader.load(portalAt: root)
        var diagnostics = loadDiagnostics
        guard let portal = loaded else {
            return Outcome(diagnostics: diagnostics.sortedForReport(), pagesWritten: 0, language: .cs)
        }
        let language = portal.config.language
        func finish(_ written: Int = 0) -> Outcome {
            Outcome(diagnostics: diagnostics.sortedForReport(), pagesWritten: written, language: language)
        }

        let (theme, themeDiagnostics) = Theme.load(portalRoot: root, language: language)
        diagnostics += themeDiagnostics
        let site = Site(portal: portal, reservedIDs: theme?.staticIDs ?? [])
        diagnostics += Validator.validate(site, today: options.today)
        if let output = options.output { diagnostics += outputPlacement(output.standardizedFileURL, root: root) }
        guard let theme, !diagnostics.containsErrors, let output = options.output else { return finish() }

        let renderer = Renderer(site: site, theme: theme)
        var files: [(path: String, content: SiteWriter.Content)] = []
        var generated = Set<String>()
        for page in site.pages {
            switch renderer.render(page) {
            case .success(let rendered):
                files.append((rendered.file, .data(Data(rendered.html.utf8))))
                generated.insert(rendered.file)
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
            }
        }
        for (path, data) in theme.assets.sorted(by: { $0.key < $1.key }) {
            files.append((path, .data(data)))
            generated.insert(path)
        }
        for file in portal.staticFiles {
            if generated.contains(file) {
                diagnostics.append(.error(
                    "static.conflict", at: SourceLocation(file: "static/\(file)"),
                    LocalizedText(cs: "soubor by přepsal vygenerovanou stránku /\(file)", en: "the file would overwrite the generated page /\(file)")))
                continue
            }
            files.append((file, .copy(root.appendingPathComponent("static").appendingPathComponent(file))))
        }
        guard !diagnostics.containsErrors else { return finish() }
        do {
            try SiteWriter.write(files, to: output)
        } catch {
            diagnostics.append(.error("output.write", at: SourceLocation(file: output.path), error.message))
            return finish()
        }
        return finish(site.pages.count)
    }

    /// The output may not be the portal folder itself, nor inside its sources.
    private static func outputPlacement(_ output: URL, root: URL) -> [Diagnostic] {
        let outputPath = output.path.hasSuffix("/") ? output.path : output.path + "/"
        let forbidden = [root] + ["content", "static", "templates"].map { root.appendingPathComponent($0) }
        for folder in forbidden {
            let path = folder.standardizedFileURL.path
            let prefix = path.hasSuffix("/") ? path : path + "/"
            if outputPath == prefix || outputPath.hasPrefix(prefix) && folder != root || prefix.hasPrefix(outputPath) {
                return [.error(
                    "output.location", at: SourceLocation(file: output.path),
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
