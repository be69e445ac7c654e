/// An abbreviation and what it stands for ("APK" – "asistent prevence kriminality").
public struct Abbreviation: Sendable, Hashable, Codable {
    /// The abbreviation.
    public var abbr: String
    /// Its meaning.
    public var meaning: String

    static let fields = spec.names

    static func read(from reader: FieldReader) -> Abbreviation? {
        reader.rejectUnknownKeys(fields)
        guard let abbr = reader.string("abbr", required: true),
              let meaning = reader.string("meaning", required: true) else { return nil }
        return Abbreviation(abbr: abbr, meaning: meaning)
    }
}
