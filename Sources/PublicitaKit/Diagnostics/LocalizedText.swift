/// A user-facing sentence in every language publicita speaks.
///
/// Messages are written in Czech first (the clerk's language) and English
/// beside them, so that `--lang en` never has to translate at run time.
public struct LocalizedText: Sendable, Hashable, Codable, Comparable {
    /// The Czech wording.
    public var cs: String
    /// The English wording.
    public var en: String

    /// Creates a text from its Czech and English wording.
    public init(cs: String, en: String) {
        self.cs = cs
        self.en = en
    }

    /// The wording in `language`.
    public func text(in language: Language) -> String {
        switch language {
        case .cs: return cs
        case .en: return en
        }
    }
}

/// A language the portal's UI and diagnostics can be written in.
public enum Language: String, Sendable, Hashable, Codable, CaseIterable {
    case cs
    case en
}

extension LocalizedText {
    /// By the Czech wording, then the English.
    public static func < (lhs: LocalizedText, rhs: LocalizedText) -> Bool { (lhs.cs, lhs.en) < (rhs.cs, rhs.en) }
}
