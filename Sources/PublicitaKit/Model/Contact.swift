/// A person the public can contact about a project.
public struct Contact: Sendable, Hashable, Codable {
    /// Name with titles, as published.
    public var name: String
    /// Their role.
    public var role: String?
    /// Phone as written in the record.
    public var phone: Located<String>?
    /// E-mail address.
    public var email: Located<String>?
    /// Free text shown with the contact.
    public var note: String?

    static let fields = spec.names

    static func read(from reader: FieldReader) -> Contact? {
        reader.rejectUnknownKeys(fields)
        guard let name = reader.string("name", required: true) else { return nil }
        return Contact(name: name, role: reader.string("role"), phone: reader.locatedString("phone"),
                       email: reader.locatedString("email"), note: reader.string("note"))
    }
}
