import Foundation

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
        guard case .mapping(let mapping)? = try? YAMLEventReader.read(text, aliases: .resolve) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        // Every value is text as written (`yes` stays `yes`, `1.50` stays `1.50`).
        var table: [String: String] = [:]
        for (key, value) in mapping {
            if let key = key.string, let value = value.string { table[key] = value }
        }
        return Strings(language: language, table: table)
    }

    /// The text for `key`; the key itself when missing, so a gap is visible, not fatal.
    public subscript(_ key: String) -> String { table[key] ?? key }
}
