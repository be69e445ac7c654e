/// An evaluation or final report: one file in `content/reports/`.
public struct Report: Sendable, Hashable, Codable {
    /// File, slug and body.
    public var source: RecordSource
    /// The report's title.
    public var title: String
    /// The city it concerns.
    public var city: String?
    /// Slug of a project in this portal it belongs to.
    public var project: Located<String>?
    /// The project the report was produced in (title and registration number).
    public var fundedBy: FundedBy?
    /// The period it covers.
    public var period: Period?
    /// Its date.
    public var date: Located<Day>?
    /// A short summary.
    public var summary: String?
    /// Its tables.
    public var tables: [ContentTable]
    /// Its list of abbreviations.
    public var abbreviations: [Abbreviation]
    /// Linked documents.
    public var documents: [DocumentLink]
    /// Where `city` is written.
    public var cityLocation: SourceLocation? = nil

    /// The project a report was produced in, named by title and registration number.
    public struct FundedBy: Sendable, Hashable, Codable {
        /// The project's name.
        public var title: String?
        /// Its registration number as written.
        public var registrationNumber: Located<String>?

        static let fields = spec.names
    }

    static let fields = spec.names

    static func read(from reader: FieldReader, source: RecordSource) -> Report? {
        reader.rejectUnknownKeys(fields)
        let title = reader.string("title", required: true)
        var fundedBy: FundedBy?
        if let funded = reader.mappingReader("funded_by") {
            funded.rejectUnknownKeys(FundedBy.fields)
            fundedBy = FundedBy(title: funded.string("title"), registrationNumber: funded.locatedString("registration_number"))
        }
        var report = Report(
            source: source, title: title ?? "", city: reader.string("city"),
            project: reader.locatedString("project"), fundedBy: fundedBy,
            period: Period.read(from: reader, requireStart: false), date: reader.day("date"),
            summary: reader.string("summary"),
            tables: reader.mappings("tables").compactMapSized(ContentTable.read),
            abbreviations: reader.mappings("abbreviations").compactMapSized(Abbreviation.read),
            documents: reader.mappings("documents").compactMapSized(DocumentLink.read))
        if report.city != nil { report.cityLocation = reader.location(of: "city") }
        return title == nil ? nil : report
    }
}
