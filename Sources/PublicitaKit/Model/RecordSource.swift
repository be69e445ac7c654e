/// Where a record comes from: its file, its slug, and its Markdown body.
public struct RecordSource: Sendable, Hashable {
    /// The file's path relative to the portal (`content/projects/liberec-apk.md`).
    public var file: String
    /// The URL slug: the file name, or the `slug:` field.
    public var slug: Located<String>
    /// The CommonMark body.
    public var body: String
    /// The file line the body starts on.
    public var bodyFirstLine: Int
}
