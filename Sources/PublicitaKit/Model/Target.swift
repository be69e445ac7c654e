/// A measurable target of a project ("Zaměstnat 4 osoby z cílové skupiny").
public struct Target: Sendable, Hashable, Codable {
    /// The target in words.
    public var text: String
    /// The number aimed at.
    public var target: Int?
    /// The number achieved, once known.
    public var achieved: Int?

    static let fields = spec.names

    static func read(from reader: FieldReader) -> Target? {
        reader.rejectUnknownKeys(fields)
        guard let text = reader.string("text", required: true) else { return nil }
        return Target(text: text, target: reader.integer("target")?.value, achieved: reader.integer("achieved")?.value)
    }
}
