import Foundation

/// URL slugs: lower-case ASCII letters, digits and hyphens.
enum Slug {
    /// Whether `text` is a safe slug: it cannot leave the output folder or need escaping.
    static func isValid(_ text: String) -> Bool {
        guard !text.isEmpty, text.count <= 120, text.first != "-" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// A slug made from any text: Czech letters lose their accents ("Kroměříž" → "kromeriz").
    static func make(from text: String) -> String {
        let folded = text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        return slug.isEmpty ? "x" : slug
    }
}
