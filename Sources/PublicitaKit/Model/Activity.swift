/// A key activity of a project ("KA 01 – …").
public struct Activity: Sendable, Hashable, Codable {
    /// The activity's code ("KA 01").
    public var code: String?
    /// Its title.
    public var title: String
    /// A Markdown description.
    public var summary: String?

    static let fields = spec.names

    static func read(from reader: FieldReader) -> Activity? {
        reader.rejectUnknownKeys(fields)
        guard let title = reader.string("title", required: true) else { return nil }
        return Activity(code: reader.string("code"), title: title, summary: reader.string("summary"))
    }
}
