/// What a ``BuildSession`` keeps of its last build: the results of the pipeline's
/// first stages (load, site model, validate) and the data files' parts, which an
/// edit of a few project records changes only in part.
struct SessionState: Sendable {
    /// The day the build was made as of.
    let today: Day
    /// The stamps of the inputs as loaded.
    var stamps: InputStamps
    /// The hash of `portal.yaml` as loaded (``Builder/configHash(root:stamps:)``).
    let configHash: UInt64
    /// The site model, with the loaded portal.
    var site: Site
    /// The theme.
    let theme: Theme
    /// The portal's language.
    let language: Language
    /// The command line's address options (``Builder/Options/addressOptions``).
    let addressOptions: String
    /// Fields every page's view gets besides its own (``Builder/Options/extraViewFields``).
    var extraViewFields: Renderer.ExtraFields?
    /// `portal.yaml`'s diagnostics.
    let configDiagnostics: [Diagnostic]
    /// Every content file in load order, with its load diagnostics.
    var records: [(file: String, diagnostics: [Diagnostic])]
    /// The diagnostics of `static/`, `--base-url` and the theme (reported after the records').
    let afterRecordDiagnostics: [Diagnostic]
    /// The validation results.
    var validation: ProjectChecks
    /// Where the output goes, if misplaced.
    let outputDiagnostics: [Diagnostic]
    /// Static files that would replace a page (reported only when nothing else is an
    /// error, as `Builder.run` does); found by the plan stage.
    var conflictDiagnostics: [Diagnostic] = []
    /// How many HTML pages the site has.
    let htmlPageCount: Int
    /// Each project file's index in `site.portal.projects`.
    let projectIndexByFile: [String: Int]
    /// Each content file's index in `records`.
    let recordSlotByFile: [String: Int]

    init(today: Day, stamps: InputStamps, configHash: UInt64, site: Site, theme: Theme, language: Language, addressOptions: String,
         configDiagnostics: [Diagnostic], records: [(file: String, diagnostics: [Diagnostic])], afterRecordDiagnostics: [Diagnostic],
         validation: ProjectChecks, outputDiagnostics: [Diagnostic]) {
        self.today = today
        self.stamps = stamps
        self.configHash = configHash
        self.site = site
        self.theme = theme
        self.language = language
        self.addressOptions = addressOptions
        self.configDiagnostics = configDiagnostics
        self.records = records
        self.afterRecordDiagnostics = afterRecordDiagnostics
        self.validation = validation
        self.outputDiagnostics = outputDiagnostics
        htmlPageCount = site.pages.count(where: \.isHTMLPage)
        let projects = site.portal.projects.unnoted
        projectIndexByFile = Dictionary(projects.enumerated().map { ($1.source.file, $0) }, uniquingKeysWith: { first, _ in first })
        recordSlotByFile = Dictionary(records.enumerated().map { ($1.file, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every diagnostic (reports sort them).
    func diagnostics() -> [Diagnostic] {
        var diagnostics = configDiagnostics + records.flatMap(\.diagnostics) + afterRecordDiagnostics
            + Validator.validate(site, projects: validation) + outputDiagnostics
        if !diagnostics.containsErrors { diagnostics += conflictDiagnostics }
        return diagnostics
    }

    /// The outcome of a build that found `diagnostics` and rendered `rendered` pages.
    func outcome(_ diagnostics: [Diagnostic], rendered: Int = 0) -> Builder.Outcome {
        let failed = diagnostics.containsErrors
        return Builder.Outcome(diagnostics: diagnostics.sortedForReport(), pagesWritten: failed ? 0 : htmlPageCount,
                               pagesRendered: rendered, language: language, basePath: site.address.basePath)
    }

    /// Replaces project `index` of the site model by `project` (loaded from its
    /// edited file), in place: the state is the session's own, so the list of
    /// projects is changed, not copied. False, with nothing changed, when the edit
    /// changes the site's structure (``Site/keepsStructure(replacingProject:with:)``).
    mutating func replaceProject(at index: Int, with project: Project) -> Bool {
        guard site.keepsStructure(replacingProject: index, with: project) else { return false }
        site.portal.projects[index] = project
        // The anchors are found by the project's index, which stays; its own may have
        // changed. The structure memo stays: nothing but the record and its anchors changed.
        site.anchorMemo = AnchorMemo()
        replacedProjects.append(index)
        return true
    }

    /// The keys the last build made, for the site model as it was then.
    var keys: DependencyKeys?
    /// The projects replaced in `site` since `keys` were made (``replaceProject(at:with:)``).
    var replacedProjects: [Int] = []

    /// The projects' data-file parts, as last made.
    var fragments: DataFileFragments?

    /// Notes that the output holds the data files as the parts make them now.
    mutating func dataFilesWereWritten() {
        fragments?.markWritten()
    }
}
