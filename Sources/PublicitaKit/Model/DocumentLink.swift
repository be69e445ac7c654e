/// A document a record points to: a report page, a PDF in `static/`, an outside page.
public struct DocumentLink: Sendable, Hashable, Codable {
    /// The document's title.
    public var title: String
    /// Where it is; internal links (`/…`) must resolve.
    public var href: Located<String>?
    /// Free text shown with it.
    public var note: String?

    static let fields = spec.names

    static func read(from reader: FieldReader) -> DocumentLink? {
        reader.rejectUnknownKeys(fields)
        guard let title = reader.string("title", required: true) else { return nil }
        return DocumentLink(title: title, href: reader.locatedString("href"), note: reader.string("note"))
    }
}
