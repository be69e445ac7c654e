import Foundation

/// Footnotes in a CommonMark body, which libcmark has no syntax for: a reference
/// `[^1]` in the text and a definition `[^1]: text` at the start of a line, as in
/// most Markdown dialects. The renderer turns them into a superscript link to the
/// note and a note with a link back (docs/content-format.md, "Footnotes").
enum Footnote {
    /// The id of the note with `label` ("poznamka-1").
    static func noteID(_ label: String) -> String { "poznamka-\(label)" }

    /// The id of the `occurrence`-th reference (1-based) to `label`: "odkaz-1", "odkaz-1-2".
    static func referenceID(_ label: String, occurrence: Int = 1) -> String {
        occurrence == 1 ? "odkaz-\(label)" : "odkaz-\(label)-\(occurrence)"
    }

    /// A label is what keeps both ids valid ``Identifier``s: lower-case ASCII letters,
    /// digits and hyphens.
    static let maxLabelLength = 40

    static func isLabelByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "-")
    }

    /// The label of a `[^label]` starting at `index` of `bytes`, and the index after its `]`.
    static func label(in bytes: [UInt8], at index: Int) -> (label: String, end: Int)? {
        guard index + 1 < bytes.count,
              bytes[index] == UInt8(ascii: "["), bytes[index + 1] == UInt8(ascii: "^") else { return nil }
        var end = index + 2
        while end < bytes.count, isLabelByte(bytes[end]), end - index - 2 < maxLabelLength { end += 1 }
        guard end > index + 2, end < bytes.count, bytes[end] == UInt8(ascii: "]") else { return nil }
        return (String(decoding: bytes[(index + 2)..<end], as: UTF8.self), end + 1)
    }

    /// The label and the text after `[^label]: ` when `text` starts a definition.
    static func definition(_ text: String) -> (label: String, rest: String)? {
        let bytes = Array(text.utf8)
        guard let (label, end) = label(in: bytes, at: 0), end < bytes.count, bytes[end] == UInt8(ascii: ":") else { return nil }
        var start = end + 1
        while start < bytes.count, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
        return (label, String(decoding: bytes[start...], as: UTF8.self))
    }

    /// Whether `text` has a `[^` at all, looked for byte by byte: Foundation's
    /// `contains` goes through NSString, and every body of a build is asked.
    static func mentionsFootnote(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable(mentionsFootnote) ?? Array(text.utf8).withUnsafeBufferPointer(mentionsFootnote)
    }

    /// Whether `bytes` have a `[^`: each `^` (rare in text) found by `memchr`, then the byte before it looked at.
    private static func mentionsFootnote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 1
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(UInt8(ascii: "^")), bytes.count - index) else { return false }
            let caret = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            if bytes[caret - 1] == UInt8(ascii: "[") { return true }
            index = caret + 1
        }
        return false
    }

    /// `text` with a backslash before the `[` of each definition line outside fenced
    /// code: cmark would otherwise read `[^1]: https://…` as a link reference
    /// definition and drop it. Lines keep their numbers.
    static func escapingDefinitions(_ text: String) -> String {
        guard mentionsFootnote(text) else { return text }
        var lines: [Substring] = []
        var fence: Character?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            if indent <= 3, let mark = rest.first, mark == "`" || mark == "~", rest.hasPrefix(String(repeating: mark, count: 3)) {
                if fence == nil { fence = mark } else if fence == mark { fence = nil }
            }
            if fence == nil, indent <= 3, definition(String(rest)) != nil {
                lines.append(line.prefix(indent) + "\\" + rest)
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The `[^label]` references in `text` whose label is in `labels`, as byte ranges.
    static func references(in text: String, labels: Set<String>) -> [(label: String, range: Range<Int>)] {
        let bytes = Array(text.utf8)
        var found: [(String, Range<Int>)] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "["), let (label, end) = label(in: bytes, at: index), labels.contains(label) {
                found.append((label, index..<end))
                index = end
            } else {
                index += 1
            }
        }
        return found
    }
}
