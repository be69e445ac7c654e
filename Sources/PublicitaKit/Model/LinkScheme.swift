/// Which link destinations a record may use. Bodies go through cmark's safe mode;
/// links written in front matter (documents, the publisher's address) are checked
/// here, so that no `javascript:`, `vbscript:` or `data:` link reaches a page.
public enum LinkScheme {
    /// Schemes a link may have; a link without a scheme is a path inside the portal.
    public static let allowed: Set<String> = ["http", "https", "mailto", "tel"]

    /// The link's scheme, lower-cased, or nil for a relative or site path.
    public static func scheme(of href: String) -> String? {
        // Browsers ignore leading whitespace and control characters, and tabs or
        // line breaks inside a scheme ("java\tscript:"), so the check does too.
        // Read as UTF-8: bytes up to 0x20 are exactly those characters (no byte of a
        // multi-byte character is below 0x80). Every link of every page passes here.
        var scheme: [UInt8] = []
        for byte in href.utf8 where byte > 0x20 {
            switch byte {
            case UInt8(ascii: ":"): return scheme.isEmpty ? nil : String(decoding: scheme, as: UTF8.self).lowercased()
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"): return nil
            default: scheme.append(byte)
            }
        }
        return nil
    }

    /// Whether a link may appear on a page.
    public static func isAllowed(_ href: String) -> Bool {
        guard let scheme = scheme(of: href) else { return true }
        return allowed.contains(scheme)
    }

    /// The diagnostic for a link that may not appear on a page.
    static func unsafeLink(_ href: String, at location: SourceLocation, field: String) -> Diagnostic {
        .error(
            .linkUnsafe, at: location, field: field,
            LocalizedText(cs: "odkaz „\(href)“ má nepovolené schéma; dovoleny jsou cesty portálu a http, https, mailto, tel",
                          en: "the link \"\(href)\" has a scheme that is not allowed; paths of the portal and http, https, mailto, tel are"),
            expected: "https://… | /cesta/ | mailto:… | tel:…", found: href)
    }
}
