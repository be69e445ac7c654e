/// What a ``BuildSession`` keeps of its last build: the loaded portal in its site
/// model and everything worked out from it that an edit of a few project records
/// changes only in part.
struct SessionState: Sendable {
    /// The day the build was made as of.
    let today: Day
    /// The stamps of the inputs as loaded.
    var stamps: InputStamps
    /// The site model, with the loaded portal.
    var site: Site
    /// The theme.
    let theme: Theme
    /// What every page key shares (unchanged by an edit the session applies).
    let keyInputs: PageKeys.Inputs
    /// The portal's language.
    let language: Language
    /// `portal.yaml`'s diagnostics.
    let configDiagnostics: [Diagnostic]
    /// Every content file in load order, with its load diagnostics.
    var records: [(file: String, diagnostics: [Diagnostic])]
    /// The diagnostics of `static/`, `--base-url` and the theme (reported after the records').
    let afterRecordDiagnostics: [Diagnostic]
    /// The validation results.
    var validation: ProjectChecks
    /// The ``ProjectListing`` of every project.
    var listings: [ProjectListing]
    /// Where the output goes, if misplaced.
    let outputDiagnostics: [Diagnostic]
    /// Static files that would replace a page (reported only when nothing else is an error, as `Builder.run` does).
    let conflictDiagnostics: [Diagnostic]
    /// The output file of each page of `site.pages`.
    let outputFiles: [String]
    /// How many HTML pages the site has.
    let htmlPageCount: Int
    /// Each project file's index in `site.portal.projects`.
    let projectIndexByFile: [String: Int]
    /// Each content file's index in `records`.
    let recordSlotByFile: [String: Int]
    /// The key of each page of `site.pages` as the output holds it, when this state
    /// wrote it (nil after a failed write, or when the output is from an older state).
    var writtenPageKeys: [UInt64]?
    /// The projects' data-file parts, made when first written.
    private var fragments: DataFileFragments?

    init(today: Day, stamps: InputStamps, site: Site, theme: Theme, keyInputs: PageKeys.Inputs, language: Language,
         configDiagnostics: [Diagnostic], records: [(file: String, diagnostics: [Diagnostic])], afterRecordDiagnostics: [Diagnostic],
         validation: ProjectChecks, listings: [ProjectListing], outputDiagnostics: [Diagnostic], conflictDiagnostics: [Diagnostic],
         outputFiles: [String], htmlPageCount: Int) {
        self.today = today
        self.stamps = stamps
        self.site = site
        self.theme = theme
        self.keyInputs = keyInputs
        self.language = language
        self.configDiagnostics = configDiagnostics
        self.records = records
        self.afterRecordDiagnostics = afterRecordDiagnostics
        self.validation = validation
        self.listings = listings
        self.outputDiagnostics = outputDiagnostics
        self.conflictDiagnostics = conflictDiagnostics
        self.outputFiles = outputFiles
        self.htmlPageCount = htmlPageCount
        projectIndexByFile = Dictionary(site.portal.projects.enumerated().map { ($1.source.file, $0) }, uniquingKeysWith: { first, _ in first })
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

    /// The projects' data-file parts (made now if not yet, reusing those of `earlier`
    /// for unchanged records).
    mutating func dataFileFragments(reusing earlier: DataFileFragments? = nil) -> DataFileFragments {
        if let fragments { return fragments }
        let made = DataFileFragments(site: site, theme: theme, reusing: earlier)
        fragments = made
        return made
    }

    /// The data-file parts, if made.
    var madeDataFileFragments: DataFileFragments? { fragments }

    /// Makes project `index`'s data-file parts again, if they are kept.
    mutating func updateDataFileFragments(_ index: Int) {
        fragments?.update(index, site: site, theme: theme)
    }

    /// Whether `kind` is a data file joined from the parts that is up to date in the
    /// output: its parts are as they were when it was last written there.
    func dataFileIsWritten(_ kind: SitePage.Kind) -> Bool {
        guard let fragments, DataFileFragments.joinedKinds.contains(kind) else { return false }
        return !fragments.needsWriting(kind)
    }

    /// Notes that the output holds the data files as the parts make them now.
    mutating func dataFilesWereWritten() {
        fragments?.markWritten()
    }
}
