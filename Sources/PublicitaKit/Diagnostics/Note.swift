/// Another place a diagnostic concerns: the first of two duplicates, the record a link names.
public struct Note: Sendable, Hashable, Codable {
    /// Where it is.
    public var location: SourceLocation
    /// What is there, in words.
    public var message: LocalizedText

    /// Creates a note.
    public init(at location: SourceLocation, _ message: LocalizedText) {
        self.location = location
        self.message = message
    }
}
