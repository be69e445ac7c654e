/// A place in a portal's source files: the file (relative to the portal), and
/// the 1-based line and column that a diagnostic points at.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// Path of the file relative to the portal folder, with `/` separators.
    public var file: String
    /// 1-based line; `nil` when the problem concerns the whole file.
    public var line: Int?
    /// 1-based column in Unicode scalars; `nil` when unknown.
    public var column: Int?

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// Orders by file, then line, then column, so reports read top to bottom.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        return (lhs.column ?? 0) < (rhs.column ?? 0)
    }

    /// `file:line:column`, leaving out what is unknown.
    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        return text
    }
}
