/// A free page (about, how to read budgets, …): one file in `content/pages/`.
public struct Page: Sendable, Hashable, Codable {
    /// File, slug and body.
    public var source: RecordSource
    /// The page's title.
    public var title: String
    /// A short summary.
    public var summary: String?
    /// Position in the main navigation; pages without it are not in the navigation.
    public var order: Int?

    static let fields = spec.names

    static func read(from reader: FieldReader, source: RecordSource) -> Page? {
        reader.rejectUnknownKeys(fields)
        guard let title = reader.string("title", required: true) else { return nil }
        return Page(source: source, title: title, summary: reader.string("summary"), order: reader.integer("order")?.value)
    }
}
