import Foundation

/// HTML escaping for text that goes into markup built in Swift (tables, the SVG
/// chart); the template engine escapes every `{{value}}` the same way, on bytes.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'`.
    ///
    /// Works on UTF-8 bytes and returns the text itself when nothing needs escaping
    /// (most values of a page: names, amounts, dates), without building a new string.
    public static func escape(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: needsEscaping) else { return nil }
            var result: [UInt8] = []
            result.reserveCapacity(bytes.count + 16)
            result.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case UInt8(ascii: "&"): result.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "<"): result.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): result.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "\""): result.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): result.append(contentsOf: "&#39;".utf8)
                default: result.append(byte)
                }
            }
            return String(decoding: result, as: UTF8.self)
        } ?? text
    }

    /// ` name="value"`, the value escaped: the one way markup built in Swift writes an
    /// attribute, so that no value, wherever it comes from, can end the attribute and
    /// start another (`x" onmouseover="…`). `name` is always a literal of the code.
    public static func attribute(_ name: StaticString, _ value: String) -> String {
        var html = ""
        appendAttribute(name, value, to: &html)
        return html
    }

    /// The attributes in order, each as ``attribute(_:_:)`` writes it.
    public static func attributes(_ pairs: KeyValuePairs<StaticString, String>) -> String {
        var html = ""
        appendAttributes(pairs, to: &html)
        return html
    }

    /// A start tag: `<name a="…" b="…">`, every value escaped.
    public static func startTag(_ name: StaticString, _ pairs: KeyValuePairs<StaticString, String> = [:], selfClosing: Bool = false) -> String {
        var html = ""
        appendStartTag(name, pairs, selfClosing: selfClosing, to: &html)
        return html
    }

    // Appending to the markup being built, rather than joining small strings, spares
    // an allocation for each attribute: a project page's chart writes some fifty.

    /// Appends ``attribute(_:_:)``.
    static func appendAttribute(_ name: StaticString, _ value: String, to html: inout String) {
        html += " "
        append(name, to: &html)
        html += "=\""
        html += escape(value)
        html += "\""
    }

    /// Appends ``attributes(_:)``.
    static func appendAttributes(_ pairs: KeyValuePairs<StaticString, String>, to html: inout String) {
        for pair in pairs { appendAttribute(pair.key, pair.value, to: &html) }
    }

    /// Appends ``startTag(_:_:selfClosing:)``.
    static func appendStartTag(_ name: StaticString, _ pairs: KeyValuePairs<StaticString, String> = [:], selfClosing: Bool = false,
                               to html: inout String) {
        html += "<"
        append(name, to: &html)
        appendAttributes(pairs, to: &html)
        html += selfClosing ? "/>" : ">"
    }

    private static func append(_ name: StaticString, to html: inout String) {
        name.withUTF8Buffer { html += String(decoding: $0, as: UTF8.self) }
    }

    @inline(__always)
    private static func needsEscaping(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    /// Plain text with blank-line paragraphs as `<p>` elements (for table cells).
    static func paragraphs(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        if parts.count <= 1 { return escape(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return parts.map { "<p>\(escape($0))</p>" }.joined()
    }
}
