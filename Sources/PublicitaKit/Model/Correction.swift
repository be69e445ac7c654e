/// A published figure that was wrong, shown publicly with the right one and why.
public struct Correction: Sendable, Hashable, Codable {
    /// The field that was corrected (`budget.total`).
    public var field: String?
    /// What was published.
    public var published: String?
    /// What is correct.
    public var correct: String?
    /// Why.
    public var reason: String?
    /// Where the entry starts.
    public var location: SourceLocation

    static let fields = spec.names

    static func read(from reader: FieldReader) -> Correction {
        reader.rejectUnknownKeys(fields)
        return Correction(field: reader.string("field"), published: reader.string("published"),
                          correct: reader.string("correct"), reason: reader.string("reason"),
                          location: reader.location)
    }
}

extension Correction {
    /// The `id` of the correction at `index` of a project's list on its page
    /// (`oprava-1`): a valid ``Identifier`` by construction, so lists, totals and
    /// data files can link to `#oprava-1`.
    static func anchor(index: Int) -> String { "oprava-\(index + 1)" }
}
