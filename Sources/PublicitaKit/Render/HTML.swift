import Foundation

/// HTML escaping for text that goes into markup built in Swift (tables, the SVG
/// chart). Templates escape `{{value}}` themselves.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Plain text with blank-line paragraphs as `<p>` elements (for table cells).
    static func paragraphs(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        if parts.count <= 1 { return escape(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return parts.map { "<p>\(escape($0))</p>" }.joined()
    }
}
