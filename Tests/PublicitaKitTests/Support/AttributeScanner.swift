/// Reads the start tags of HTML as a browser's tokenizer splits them into attributes,
/// so that a test can tell an attribute written by the theme from one smuggled in
/// through a value (`x" onmouseover="…`). Comments and the raw text of `<script>`
/// and `<style>` are skipped, as a browser does.
enum AttributeScanner {
    struct Tag: Equatable {
        var name: String
        var attributes: [Attribute]

        /// The decoded value of the first attribute called `name`.
        func value(of name: String) -> String? { attributes.first { $0.name == name }?.value }
    }

    struct Attribute: Equatable {
        var name: String
        /// Decoded (`&quot;` is `"`); nil for an attribute without a value.
        var value: String?
    }

    static func tags(in html: String) -> [Tag] {
        let chars = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var index = 0
        func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{0C}" }
        func starts(_ text: String, at i: Int) -> Bool {
            let scalars = Array(text.unicodeScalars)
            guard i + scalars.count <= chars.count else { return false }
            return (0..<scalars.count).allSatisfy { String(chars[i + $0]).lowercased() == String(scalars[$0]) }
        }
        while index < chars.count {
            guard chars[index] == "<" else { index += 1; continue }
            if starts("<!--", at: index) {
                index += 4
                while index < chars.count, !starts("-->", at: index) { index += 1 }
                index += 3
                continue
            }
            guard index + 1 < chars.count, chars[index + 1].properties.isAlphabetic else { index += 1; continue }
            index += 1
            var name = ""
            while index < chars.count, !isSpace(chars[index]), chars[index] != "/", chars[index] != ">" {
                name.unicodeScalars.append(chars[index]); index += 1
            }
            var attributes: [Attribute] = []
            while index < chars.count, chars[index] != ">" {
                if isSpace(chars[index]) || chars[index] == "/" { index += 1; continue }
                var attribute = ""
                while index < chars.count, !isSpace(chars[index]), chars[index] != "/", chars[index] != ">", chars[index] != "=" {
                    attribute.unicodeScalars.append(chars[index]); index += 1
                }
                while index < chars.count, isSpace(chars[index]) { index += 1 }
                var value: String?
                if index < chars.count, chars[index] == "=" {
                    index += 1
                    while index < chars.count, isSpace(chars[index]) { index += 1 }
                    var raw = ""
                    if index < chars.count, chars[index] == "\"" || chars[index] == "'" {
                        let quote = chars[index]
                        index += 1
                        while index < chars.count, chars[index] != quote { raw.unicodeScalars.append(chars[index]); index += 1 }
                        index += 1
                    } else {
                        while index < chars.count, !isSpace(chars[index]), chars[index] != ">" { raw.unicodeScalars.append(chars[index]); index += 1 }
                    }
                    value = decode(raw)
                }
                attributes.append(Attribute(name: attribute.lowercased(), value: value))
            }
            index += 1
            let tag = Tag(name: name.lowercased(), attributes: attributes)
            tags.append(tag)
            if tag.name == "script" || tag.name == "style" {
                while index < chars.count, !starts("</\(tag.name)", at: index) { index += 1 }
            }
        }
        return tags
    }

    /// Every attribute whose name starts with `on` (event handlers), as `tag.attribute`.
    static func eventHandlers(in html: String) -> [String] {
        tags(in: html).flatMap { tag in tag.attributes.filter { $0.name.hasPrefix("on") }.map { "\(tag.name).\($0.name)" } }
    }

    private static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
