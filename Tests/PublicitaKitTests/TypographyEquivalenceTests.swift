import Testing
@testable import PublicitaKit

/// The byte-level Typography gives, byte for byte, what the one before it gave
/// (``ReferenceTypography``), on seeded random pages built of the pieces every rule
/// looks at, and on random bytes (invalid UTF-8 included).
@Suite("Typography equivalence")
struct TypographyEquivalenceTests {
    /// Words and tags the rules treat specially, and some they must leave alone.
    static let pieces: [String] = [
        // one-letter words, with the punctuation that may open them
        "v", "a", "K", "S", "i", "o", "u", "z", "x", "(v", "„a", "«i", "»z", "‚o", "‘u", "“s", "[k", "\"a", "'i", "((„v",
        "ve", "škole", "Úterý", "ďábel", "Ωmega", "ß", "tj.", "č.",
        // numbers, units, dates
        "6", "516", "052,50", "+420", "777", "123", "1234", "12", "1.", "3.", "12.", "2018", "2023", "března", "Kč", "Kč,",
        "Kčs", "€", "EUR", "CZK", "%", "‰", "tis.", "mil.", "mld.", "100,-", "5,-", "mil", "€uro",
        // addresses
        "www.example.cz", "https://x.cz/a", "a@b.cz", "mailto:x@y.cz", "ftp:/x", "://",
        // registration numbers
        "CZ.03.2.60/0.0/0.0/16_052/0007824", "cz.1/2/3", "CZ.1/2", "č.cz.03/1/2", "(CZ.06.1/0.0/0.0/15_001/0000001)",
        "CZ.1/2/3x", "CZ.1/2/3/", "„CZ.1/2/3“", "xCZ.1/2/3", "CZ.1/2/3č", "Cz.4/5/6.", "CZ.", "cZ.7",
        // tags
        "<p>", "</p>", "<a href=\"/x/\">", "</a>", "<abbr title=\"a > b\">", "</abbr>", "<ABBR>", "<code>", "</code>",
        "<pre>", "</PRE>", "<svg viewBox='0 0 1 1'>", "</svg>", "<math>", "</math>", "<kbd/>", "<kbd>", "</kbd>", "<samp>",
        "</samp>", "<br/>", "<br>", "<script>if (a < b) { v = 1 }</script>", "<style>p > a { }</style>", "<title>v tom</title>",
        "<TEXTAREA>a b</textarea>", "<Script>", "</SCRIPT>", "<title>", "<!-- a v b -->", "<!--", "-->", "<", ">", "<em>",
        "</em>", "<strong>", "</strong>", "<span class='a'>", "</span>", "<i>", "</i>", "<q>", "<small>", "<mark>", "<dfn>",
        "<cite>", "<b>", "</b>", "<x-very-long-custom-name>", "<abcdefghijklmnopq>", "<textareax>", "<scripts>", "<h1 id=\"x\">",
        "<img alt=\"v lesu\"/>", "<a title='it\"s'>", "</>", "<3", "<a\"", "<em/>", "< a>", "<a-b>", "<i2>", "&nbsp;",
    ]

    static let separators: [String] = [" ", " ", " ", " ", "\n", "", "  ", "\t", "\u{00A0}", "\r", " \n", "\u{00A0} "]

    func randomPage(_ rng: inout SplitMix64) -> [UInt8] {
        var page = ""
        for _ in 0..<Int(rng.next() % 120) {
            page += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))]
            page += Self.separators[Int(rng.next() % UInt64(Self.separators.count))]
        }
        return Array(page.utf8)
    }

    /// Bytes drawn from those the rules branch on, without regard for UTF-8.
    func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        let alphabet = Array(" \n\t<>/\"'!-cCzZ.0123456789_+,%aviks@:w(".utf8) + [0xC2, 0xA0, 0xAB, 0xBB, 0xE2, 0x80, 0x9E, 0x9C, 0xC3, 0xBA]
        return (0..<Int(rng.next() % 200)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }
    }

    @Test(arguments: [Language.cs, Language.en])
    func givesTheBytesTheReferenceGives(language: Language) {
        let typography = Typography(language: language), reference = ReferenceTypography(language: language)
        var rng = SplitMix64(seed: language == .cs ? 15 : 16)
        var changed = 0
        for round in 0..<4000 {
            let input = round % 4 == 3 ? randomBytes(&rng) : randomPage(&rng)
            let expected = reference.apply(to: input)
            if expected != input { changed += 1 }
            #expect(typography.apply(to: input) == expected, "\(String(decoding: input, as: UTF8.self))")
        }
        // The inputs reach the rules: most pages have something bound or marked up.
        #expect(changed > 1000)
    }

    @Test func givesTheReferenceBytesOnTheRealExamples() {
        let pages = [
            "<p>Asistenti v lokalitě a ve škole, k dětem i s rodiči, o víkendu u domu z města.</p>",
            "<p>ve spolupráci s <abbr title=\"městská policie\">MP</abbr> a <a href=\"/x/\">školou</a></p>",
            "<td>6 516 052,50 Kč</td><td>1. 3. 2018</td><p>2,5 mil. Kč a 100,- Kč, 12 %</p>",
            "<p>Číslo CZ.03.2.60/0.0/0.0/16_052/0007824 a č.cz.03.2.60/0.0/0.0/16_052/0007824.</p>",
            "<pre><code>v a k</code></pre><p>v <code>a b</code> k</p><script>var a = \"v a\";</script>",
        ]
        for language in [Language.cs, .en] {
            for page in pages {
                let bytes = Array(page.utf8)
                #expect(Typography(language: language).apply(to: bytes) == ReferenceTypography(language: language).apply(to: bytes))
            }
        }
    }
}
