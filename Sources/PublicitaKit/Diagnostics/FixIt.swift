/// A replacement that fixes the problem: the value written at `location` becomes
/// `replacement` (a corrected registration number, a slug that is free). An editor
/// or a tool can apply it without reading the message.
public struct FixIt: Sendable, Hashable, Codable {
    /// Where the value to replace starts.
    public var location: SourceLocation
    /// The value as the file holds it.
    public var original: String
    /// What to write instead.
    public var replacement: String

    /// Creates a fix-it.
    public init(at location: SourceLocation, replacing original: String, with replacement: String) {
        self.location = location
        self.original = original
        self.replacement = replacement
    }
}
