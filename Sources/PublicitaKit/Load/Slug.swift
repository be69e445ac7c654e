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
        // Every heading of every page gets an id from here: text in ASCII and Czech
        // letters is folded by a table; anything else by Foundation (ICU, slower).
        makeFromCzech(text) ?? makeFolded(text)
    }

    /// ``make(from:)`` through Foundation's folding: any script.
    static func makeFolded(_ text: String) -> String {
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

    /// The base letters of the accented letters of Czech, lower-case, as Foundation's
    /// diacritic- and case-insensitive folding gives them (a test keeps them equal).
    static let czechBaseLetters: [Unicode.Scalar: UInt8] = {
        var table: [Unicode.Scalar: UInt8] = [:]
        for (letters, base) in [("áÁ", "a"), ("čČ", "c"), ("ďĎ", "d"), ("éÉěĚ", "e"), ("íÍ", "i"), ("ňŇ", "n"), ("óÓ", "o"),
                                ("řŘ", "r"), ("šŠ", "s"), ("ťŤ", "t"), ("úÚůŮ", "u"), ("ýÝ", "y"), ("žŽ", "z")] {
            for scalar in letters.unicodeScalars { table[scalar] = base.utf8.first! }
        }
        return table
    }()

    /// ``make(from:)`` for text of ASCII and Czech letters only; nil for anything else.
    static func makeFromCzech(_ text: String) -> String? {
        var slug: [UInt8] = []
        slug.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let letter: UInt8
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: letter = UInt8(scalar.value)
            case 0x41...0x5A: letter = UInt8(scalar.value) + 0x20
            case 0...0x7F: letter = UInt8(ascii: "-")
            default:
                guard let base = czechBaseLetters[scalar] else { return nil }
                letter = base
            }
            if letter != UInt8(ascii: "-") {
                slug.append(letter)
            } else if let last = slug.last, last != UInt8(ascii: "-") {
                slug.append(letter)
            }
        }
        while slug.last == UInt8(ascii: "-") { slug.removeLast() }
        return slug.isEmpty ? "x" : String(decoding: slug, as: UTF8.self)
    }
}
