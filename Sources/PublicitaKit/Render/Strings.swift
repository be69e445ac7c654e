import Foundation
import Yams

/// The UI's words in one language: a translation table loaded from
/// `strings/<language>.yaml`, so a language is added without touching templates.
public struct Strings: Sendable {
    /// The language.
    public var language: Language
    /// Key → text.
    public var table: [String: String]

    /// Loads the table for `language` from the theme's `strings/` folder.
    static func load(_ language: Language, from folder: URL) throws -> Strings {
        let url = folder.appendingPathComponent("\(language.rawValue).yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        guard let table = try Yams.load(yaml: text) as? [String: Any] else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return Strings(language: language, table: table.compactMapValues { $0 as? String ?? ($0 as? CustomStringConvertible)?.description })
    }

    /// The text for `key`; the key itself when missing, so a gap is visible, not fatal.
    public subscript(_ key: String) -> String { table[key] ?? key }
}
