/// A place in a portal's source files: the file (relative to the portal), and
/// the 1-based line and column that a diagnostic points at.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable {
    /// Path of the file relative to the portal folder, with `/` separators.
    public var file: String
    /// 1-based line; `nil` when the problem concerns the whole file.
    public var line: Int? {
        get { Self.unpack(storedLine) }
        set { storedLine = Self.pack(newValue) }
    }
    /// 1-based column in Unicode scalars; `nil` when unknown.
    public var column: Int? {
        get { Self.unpack(storedColumn) }
        set { storedColumn = Self.pack(newValue) }
    }
    // Two 32-bit numbers rather than two optional words: every field of every record
    // keeps its location for the whole build, so this is half the size of a location.
    private var storedLine: Int32
    private var storedColumn: Int32
    private static let none = Int32.min

    private static func pack(_ value: Int?) -> Int32 {
        guard let value else { return none }
        return Int32(clamping: max(value, Int(none) + 1))
    }

    private static func unpack(_ value: Int32) -> Int? { value == none ? nil : Int(value) }

    /// Creates a location.
    public init(file: String, line: Int? = nil, column: Int? = nil) {
        self.file = file
        self.storedLine = Self.pack(line)
        self.storedColumn = Self.pack(column)
    }

    private enum CodingKeys: String, CodingKey {
        case file, line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(file: try container.decode(String.self, forKey: .file),
                  line: try container.decodeIfPresent(Int.self, forKey: .line),
                  column: try container.decodeIfPresent(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encodeIfPresent(line, forKey: .line)
        try container.encodeIfPresent(column, forKey: .column)
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
