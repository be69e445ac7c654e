import Foundation
import Yams

/// The UI's words in one language: a translation table loaded from
/// `strings/<language>.yaml`, so a language is added without touching templates.
public struct Strings: Sendable {
    /// The language.
    public var language: Language
    /// Key → text.
    public var table: [String: String]

    /// Loads the table for `language` from the files of the theme's `strings/`
    /// folder (name → bytes).
    static func load(_ language: Language, from folder: [String: Data]) throws -> Strings {
        guard let data = folder["\(language.rawValue).yaml"] else { throw CocoaError(.fileNoSuchFile) }
        guard let text = String(data: data, encoding: .utf8) else { throw CocoaError(.fileReadInapplicableStringEncoding) }
        guard let table = try Yams.load(yaml: text) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return Strings(language: language, table: table.compactMapValues { $0 as? String ?? ($0 as? CustomStringConvertible)?.description })
    }

    /// The text for `key`; the key itself when missing, so a gap is visible, not fatal.
    public subscript(_ key: String) -> String { table[key] ?? key }
}
