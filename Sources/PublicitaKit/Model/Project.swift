/// An EU-(co)funded project: one file in `content/projects/`.
public struct Project: Sendable, Hashable, Codable {
    /// File, slug and body.
    public var source: RecordSource
    /// The project's name.
    public var title: String
    /// The registration number as written (checked by the validator).
    public var registrationNumber: Located<String>?
    /// The non-standard form the beneficiary published, kept visible.
    public var registrationNumberPublished: String?
    /// `funding: none` marks a project without EU funding (no registration number needed).
    public var fundingNone: Bool
    /// The operational programme.
    public var programme: String?
    /// The EU co-funding statement; a default is used when absent.
    public var euStatement: String?
    /// Who carries the project.
    public var beneficiary: String
    /// The city.
    public var city: String?
    /// A one- or two-sentence summary.
    public var summary: String?
    /// When it runs.
    public var period: Period?
    /// The money.
    public var budget: Budget?
    /// Where it works.
    public var areas: [String]
    /// Its aims, as a list.
    public var goals: [String]
    /// What it achieved.
    public var results: String?
    /// Key activities.
    public var activities: [Activity]
    /// Measurable targets.
    public var targets: [Target]
    /// Contacts.
    public var contacts: [Contact]
    /// Linked documents.
    public var documents: [DocumentLink]
    /// Published figures corrected here.
    public var corrections: [Correction]
    /// Tables placed in the body.
    public var tables: [ContentTable]
    /// The links of the fields written in Markdown (`results`, activities' `summary`).
    public var fieldLinks: [FieldLink] = []
    /// Where `city` is written (a city's address names the record that claims it).
    public var cityLocation: SourceLocation?
    /// Where `programme` is written.
    public var programmeLocation: SourceLocation?
    /// Its figures for the pages over every project, worked out from the fields above
    /// once they are read (a record is replaced whole, never changed field by field).
    public private(set) var figures = ProjectFigures()

    static let fields = spec.names

    /// Reads a project from its front matter; nil when a required field is missing.
    static func read(from reader: FieldReader, source: RecordSource) -> Project? {
        reader.rejectUnknownKeys(fields)
        let fundingNone = reader.string("funding")?.lowercased() == "none"
        let title = reader.string("title", required: true)
        let registrationNumber = reader.locatedString("registration_number", required: !fundingNone)
        let beneficiary = reader.string("beneficiary", required: true)
        let results = reader.string("results")
        let activityReaders = reader.mappings("activities")
        let activities = activityReaders.map(Activity.read)
        var project = Project(
            source: source,
            title: title ?? "",
            registrationNumber: registrationNumber,
            registrationNumberPublished: reader.string("registration_number_published"),
            fundingNone: fundingNone,
            programme: reader.string("programme"),
            euStatement: reader.string("eu_statement"),
            beneficiary: beneficiary ?? "",
            city: reader.string("city"),
            summary: reader.string("summary"),
            period: Period.read(from: reader, requireStart: true),
            budget: Budget.read(from: reader),
            areas: reader.strings("areas"),
            goals: reader.strings("goals"),
            results: results,
            activities: activities.compactMapSized { $0 },
            targets: reader.mappings("targets").compactMapSized(Target.read),
            contacts: reader.mappings("contacts").compactMapSized(Contact.read),
            documents: reader.mappings("documents").compactMapSized(DocumentLink.read),
            corrections: reader.mappings("corrections").map(Correction.read),
            tables: reader.mappings("tables").compactMapSized(ContentTable.read))
        guard title != nil, beneficiary != nil else { return nil }
        if project.city != nil { project.cityLocation = reader.location(of: "city") }
        if project.programme != nil { project.programmeLocation = reader.location(of: "programme") }
        project.fieldLinks = FieldLink.links(in: results, field: "results", at: reader.location(of: "results"))
        for (index, (activityReader, activity)) in zip(activityReaders, activities).enumerated() {
            project.fieldLinks += FieldLink.links(in: activity?.summary, field: "activities[\(index)].summary",
                                                  at: activityReader.location(of: "summary"))
        }
        project.figures = ProjectFigures(project)
        return project
    }

    /// Whether any source is an EU fund.
    public var hasEUSource: Bool { budget?.sources.contains { $0.kind == .eu } ?? false }

    /// Whether the project acknowledges EU support (statement, emblem, publicity poster):
    /// it has a registration number or an EU source, and is not marked `funding: none`.
    public var isEUFunded: Bool { !fundingNone && (registrationNumber != nil || hasEUSource) }
}
