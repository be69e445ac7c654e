/// A link in a front-matter field written in Markdown (`results:`, an activity's
/// `summary:`). Pages render these fields like bodies, so the link rule checks
/// their links like a body's, reported at the field's value.
public struct FieldLink: Sendable, Hashable, Codable {
    /// The destination as written.
    public var destination: String
    /// Where the field's value is.
    public var location: SourceLocation
    /// The field's path (`results`, `activities[1].summary`).
    public var field: String

    /// The links of `text`, the value of `field` at `location`. Most such texts
    /// hold no link: they are parsed only when they have a `[` or a `<`.
    static func links(in text: String?, field: String, at location: SourceLocation) -> [FieldLink] {
        guard let text, text.utf8.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "<") }) else { return [] }
        return MarkdownDocument(text).links.map { FieldLink(destination: $0.destination, location: location, field: field) }
    }
}
