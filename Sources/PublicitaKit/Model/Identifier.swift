/// An identifier an author chooses for an element of a page (a table's `id`): it
/// becomes an `id` attribute and a `#fragment` of links, so it is held to a strict
/// shape that needs no escaping anywhere it goes.
enum Identifier {
    /// The longest identifier accepted.
    static let maxLength = 64

    /// The shape, as the schemas and messages state it.
    static let pattern = "[a-z][a-z0-9-]{0,63}"

    /// Whether `text` is a lower-case ASCII letter followed by at most 63 lower-case
    /// ASCII letters, digits and hyphens.
    static func isValid(_ text: String) -> Bool {
        let bytes = text.utf8
        guard let first = bytes.first, bytes.count <= maxLength, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else { return false }
        return bytes.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                || byte == UInt8(ascii: "-")
        }
    }

    /// A valid identifier close to `text` ("Harmonogram 2024" → "harmonogram-2024"),
    /// starting with `prefix` when the text does not start with a letter ("2024" → "tabulka-2024").
    static func suggestion(for text: String, prefix: String) -> String {
        var slug = Slug.make(from: text)
        if slug.first.map({ !("a"..."z").contains($0) }) ?? true { slug = prefix + "-" + slug }
        if slug.utf8.count > maxLength { slug = String(slug.prefix(maxLength)) }
        while slug.last == "-" { slug.removeLast() }
        return slug
    }
}
