import Testing
@testable import PublicitaKit

/// The e-mail check and a link's fragment and query are read on bytes; they must
/// decide as the character-by-character reading they replaced, whatever the text
/// (combining marks after `@` or `#`, CR LF, letters with accents, dots).
@Suite("E-mail and link syntax on bytes")
struct EmailAndLinkSyntaxTests {
    /// The e-mail check as it was written over characters.
    static func referencePlausible(_ text: String) -> Bool {
        let allowedLocal = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-")
        let allowedDomain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.")
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else { return false }
        return parts[0].allSatisfy { allowedLocal.contains($0) } && parts[1].allSatisfy { allowedDomain.contains($0) }
            && !parts[0].hasPrefix(".") && !parts[0].hasSuffix(".") && !parts[0].contains("..")
    }

    static let pieces = ["a", "Z", "0", ".", "..", "@", "-", "+", "_", "#", "?", "/", "\r\n", "\u{301}", "é", "ä", " ", "x.cz"]

    static func randomText(_ generator: inout SplitMix64, length: Int) -> String {
        (0..<Int.random(in: 0...length, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }

    @Test func theEmailCheckDecidesAsTheCharacterReading() {
        let fixed = ["info@liberec.cz", "a@b", "@b.cz", "a@.cz", "a@b.", "a.@b.cz", ".a@b.cz", "a..b@c.cz", "a@b..cz",
                     "a@\u{301}b.cz", "a\u{301}@b.cz", "jan.novák@mesto.cz", "a@b@c.cz", String(repeating: "a", count: 64) + "@b.cz",
                     String(repeating: "a", count: 65) + "@b.cz", "a@b.cz\r\n", "", "a@b-c.d-e"]
        for text in fixed { #expect(EmailAddress.isPlausible(text) == Self.referencePlausible(text), "\(text.debugDescription)") }
        var generator = SplitMix64(seed: 21)
        var plausible = 0
        for _ in 0..<20_000 {
            // Half of them shaped like an address, so that many are plausible.
            let text = Bool.random(using: &generator) ? Self.randomText(&generator, length: 9)
                : Self.randomText(&generator, length: 3) + "@" + Self.randomText(&generator, length: 3) + "." + Self.randomText(&generator, length: 2)
            let found = EmailAddress.isPlausible(text)
            if found { plausible += 1 }
            #expect(found == Self.referencePlausible(text), "\(text.debugDescription)")
        }
        #expect(plausible > 20, "the random texts include plausible addresses")
    }

    /// A link resolved from `page` as it was written over characters.
    static func referenceLink(_ text: String, from page: String) -> (path: String, fragment: String?) {
        var rest = text, fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            let found = String(rest[rest.index(after: hash)...])
            fragment = found.isEmpty ? nil : found
            rest = String(rest[..<hash])
        }
        if let query = rest.firstIndex(of: "?") { rest = String(rest[..<query]) }
        if rest.isEmpty { return (page, fragment) }
        if !rest.hasPrefix("/") { rest = page + rest }
        return (InternalLink.normalize(rest), fragment)
    }

    @Test func aLinksFragmentAndQueryAreFoundAsByCharacters() {
        var generator = SplitMix64(seed: 22)
        var checked = 0
        for _ in 0..<20_000 {
            // Without spaces: the link's ends are trimmed of white space first, as they are not here.
            let text = String(String.UnicodeScalarView(Self.randomText(&generator, length: 8).unicodeScalars.filter { $0 != " " }))
            guard let link = InternalLink(text, from: "/projekty/") else { continue }
            checked += 1
            let expected = Self.referenceLink(text, from: "/projekty/")
            #expect(link.fragment == expected.fragment, "\(text.debugDescription)")
            #expect(link.path == expected.path, "\(text.debugDescription)")
        }
        #expect(checked > 10_000)
    }
}
