/// A dated news item ("Aktuality"): one file in `content/news/`.
public struct NewsItem: Sendable, Hashable, Codable {
    /// File, slug and body.
    public var source: RecordSource
    /// The headline.
    public var title: String
    /// The date.
    public var date: Day
    /// A short summary.
    public var summary: String?
    /// Slug of a related project.
    public var project: Located<String>?

    static let fields = spec.names

    static func read(from reader: FieldReader, source: RecordSource) -> NewsItem? {
        reader.rejectUnknownKeys(fields)
        let title = reader.string("title", required: true)
        let date = reader.day("date", required: true)
        guard let title, let date else { return nil }
        return NewsItem(source: source, title: title, date: date.value, summary: reader.string("summary"),
                        project: reader.locatedString("project"))
    }
}
