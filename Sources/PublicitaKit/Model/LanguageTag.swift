/// The language of a passage in a body that is written in another language than
/// its page, so that screen readers pronounce it right (WCAG 2.2, 3.1.2 Language
/// of Parts).
///
/// cmark's safe mode drops raw HTML, so `<span lang="en">` cannot be written in a
/// body. A passage is marked as a link to the `lang:` scheme instead, which every
/// Markdown editor previews and cmark parses:
///
/// ```markdown
/// Projekt hradí [European Social Fund Plus](lang:en) z 85 %.
/// ```
///
/// The page gets `<span lang="en">European Social Fund Plus</span>` (no link).
/// The tag is checked here, before it reaches an attribute: a primary language
/// of two or three letters, then subtags of one to eight letters or digits
/// (`en`, `de-AT`, `sr-Latn`), the shape of BCP 47 that HTML's `lang` takes.
public struct LanguageTag: Sendable, Hashable {
    /// The tag as written (`en`, `de-AT`).
    public let value: String

    /// The scheme a link marking a passage has.
    public static let passageScheme = "lang"

    /// The tag in `text`, or nil when `text` is not a language tag.
    public init?(_ text: String) {
        let subtags = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = subtags.first, (2...3).contains(primary.utf8.count),
              primary.utf8.allSatisfy(Self.isASCIILetter) else { return nil }
        for subtag in subtags.dropFirst() {
            guard (1...8).contains(subtag.utf8.count), subtag.utf8.allSatisfy({ Self.isASCIILetter($0) || (0x30...0x39).contains($0) }) else {
                return nil
            }
        }
        value = text
    }

    /// Whether a link destination marks a passage (`lang:…`), whatever its tag.
    public static func isPassageLink(_ destination: String) -> Bool {
        LinkScheme.scheme(of: destination) == passageScheme
    }

    /// The tag of a passage link (`lang:en` → `en`); nil when `destination` is not
    /// a passage link or its tag is not a language tag.
    public init?(passageLink destination: String) {
        guard Self.isPassageLink(destination), let colon = destination.firstIndex(of: ":") else { return nil }
        self.init(String(destination[destination.index(after: colon)...]))
    }

    /// The diagnostic for a passage link whose tag is not a language tag.
    static func invalidPassage(_ destination: String, at location: SourceLocation, field: String? = nil) -> Diagnostic {
        .error(
            .linkLang, at: location, field: field,
            LocalizedText(cs: "„\(destination)“ neoznačuje jazyk: za lang: patří kód jazyka, např. en, de, sk nebo en-GB",
                          en: "\"\(destination)\" names no language: lang: takes a language code such as en, de, sk or en-GB"),
            expected: "lang:en | lang:de | lang:en-GB", found: destination)
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }
}
