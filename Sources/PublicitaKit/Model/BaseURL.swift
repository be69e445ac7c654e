/// The address a site is published at (`base_url`): an absolute `http(s)` address of
/// a folder, ending in `/`, with no query or fragment.
///
/// It is written into every page, the sitemap, the feed and `robots.txt`, so it is
/// checked strictly: a line break in it would add lines to `robots.txt`, a quote
/// would end an attribute.
public enum BaseURL {
    /// Why a text is no usable `base_url`, with the corrected address where one can be made.
    public struct Problem: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: LocalizedText
        /// The address as it should be written, when it follows from the text.
        public var corrected: String?

        /// The `url.format` error at `location`.
        func diagnostic(at location: SourceLocation, field: String = "base_url", found: String) -> Diagnostic {
            let fix = corrected.map { LocalizedText(cs: "napište base_url: \($0)", en: "write base_url: \($0)") }
                ?? LocalizedText(cs: "zapište úplnou adresu webu, např. https://projekty.example.cz/ nebo https://mesto.github.io/portal/",
                                 en: "write the site's full address, e.g. https://projekty.example.cz/ or https://city.github.io/portal/")
            return .error(.urlFormat, at: location, field: field, message,
                          expected: corrected ?? "https://projekty.example.cz/", found: Self.visible(found), suggestion: fix,
                          fixIts: corrected.map { [FixIt(at: location, replacing: found, with: $0)] } ?? [])
        }

        /// `text` with its control characters shown as code points, so a message can print it on one line.
        static func visible(_ text: String) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                if BaseURL.isControl(scalar) {
                    out += ControlCharacters.codePoint(scalar)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
    }

    /// Characters an address may hold as written here (RFC 3986's unreserved and
    /// sub-delimiters, `%` escapes, `:` and `/`), minus `'`, which would need escaping
    /// in every place the address is written.
    private static let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~%:/!$&()*+,;=@".unicodeScalars)

    /// Any control character, tab and line breaks included: an address holds none.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || ControlCharacters.isForbidden(scalar)
    }

    /// The checked address, or why it cannot be used.
    public static func parse(_ text: String) -> Result<String, Problem> {
        func problem(_ cs: String, _ en: String, corrected: String? = nil) -> Result<String, Problem> {
            .failure(Problem(message: LocalizedText(cs: cs, en: en), corrected: corrected))
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            let code = ControlCharacters.codePoint(scalar)
            if isControl(scalar) {
                return problem("base_url obsahuje řídicí znak \(code) na pozici \(offset + 1)",
                               "base_url holds the control character \(code) at position \(offset + 1)",
                               corrected: cleaned(text))
            }
            if scalar.properties.isWhitespace {
                return problem("base_url obsahuje mezeru (\(code)) na pozici \(offset + 1)",
                               "base_url holds a space (\(code)) at position \(offset + 1)",
                               corrected: cleaned(text))
            }
        }
        let lower = text.lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://") else {
            return problem("base_url musí být úplná adresa začínající https:// nebo http://",
                           "base_url must be a full address starting with https:// or http://")
        }
        let afterScheme = text[text.range(of: "://")!.upperBound...]
        let host = afterScheme.prefix(while: { $0 != "/" && $0 != "?" && $0 != "#" })
        guard !host.isEmpty, host.contains(where: { $0.isLetter || $0.isNumber }) else {
            return problem("base_url neuvádí název serveru (https://projekty.example.cz/)",
                           "base_url names no host (https://projekty.example.cz/)")
        }
        if let mark = text.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            let kept = String(text[..<mark])
            return problem("base_url nesmí obsahovat dotaz (?…) ani kotvu (#…): je to adresa složky webu",
                           "base_url may hold no query (?…) and no fragment (#…): it is the address of the site's folder",
                           corrected: kept.hasSuffix("/") ? kept : kept + "/")
        }
        if let bad = text.unicodeScalars.first(where: { !allowed.contains($0) }) {
            let hint = bad.isASCII ? "" : "; adresu s diakritikou zapište v kódování %XX nebo punycode"
            let hintEN = bad.isASCII ? "" : "; write an address with accents in %XX or punycode form"
            return problem("base_url obsahuje znak „\(bad)“, který v adrese nemůže stát\(hint)",
                           "base_url holds the character \"\(bad)\", which an address cannot hold\(hintEN)")
        }
        guard text.hasSuffix("/") else {
            return problem("base_url musí končit lomítkem /: je to adresa složky, ve které web leží",
                           "base_url must end in /: it is the address of the folder the site lives in",
                           corrected: text + "/")
        }
        return .success(text)
    }

    /// The address up to its first white space or control character (what follows a
    /// line break is another line pasted in), when that makes a usable address.
    private static func cleaned(_ text: String) -> String? {
        func blank(_ scalar: Unicode.Scalar) -> Bool {
            isControl(scalar) || scalar.properties.isWhitespace
        }
        let kept = String(String.UnicodeScalarView(text.unicodeScalars.drop(while: blank).prefix(while: { !blank($0) })))
        guard !kept.isEmpty else { return nil }
        guard case .success(let url) = parse(kept.hasSuffix("/") ? kept : kept + "/") else { return nil }
        return url
    }
}
