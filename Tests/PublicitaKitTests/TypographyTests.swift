import Foundation
import Testing
@testable import PublicitaKit

/// The Czech typesetting of rendered pages: what is bound by U+00A0, what is left
/// alone (tags, attributes, code, URLs, e-mail addresses), and that it is one pass.
@Suite("Typography")
struct TypographyTests {
    static let nbsp = "\u{00A0}"
    let czech = Typography(language: .cs)
    let english = Typography(language: .en)

    /// The text with U+00A0 shown as `~`, so that expectations read as typeset text.
    func typeset(_ html: String, _ typography: Typography? = nil) -> String {
        (typography ?? czech).apply(to: html).replacingOccurrences(of: Self.nbsp, with: "~")
    }

    @Test func oneLetterPrepositionsAndConjunctionsAreBoundToTheNextWord() {
        #expect(typeset("<p>Asistenti v lokalitě a ve škole, k dětem i s rodiči, o víkendu u domu z města.</p>")
            == "<p>Asistenti v~lokalitě a~ve škole, k~dětem i~s~rodiči, o~víkendu u~domu z~města.</p>")
        #expect(typeset("<p>V roce 2023 A pak (v tom) „a přece“ K dispozici</p>")
            == "<p>V~roce 2023 A~pak (v~tom) „a~přece“ K~dispozici</p>")
        // A line break of the source (a soft break in Markdown) binds as a space does.
        #expect(typeset("<p>spolupráce s\nmětskou policií</p>") == "<p>spolupráce s~mětskou policií</p>")
        // Before an inline element, the space at the end of the text node binds.
        #expect(typeset("<p>ve spolupráci s <abbr title=\"městská policie\">MP</abbr> a <a href=\"/x/\">školou</a></p>")
            == "<p>ve spolupráci s~<abbr title=\"městská policie\">MP</abbr> a~<a href=\"/x/\">školou</a></p>")
    }

    @Test func longerWordsAndLettersInsideWordsAreNotBound() {
        #expect(typeset("<p>ve městě se to ví, tj. asi tak</p>") == "<p>ve městě se to ví, tj. asi tak</p>")
        #expect(typeset("<p>xa b, č. a</p>") == "<p>xa b, č. a</p>")
    }

    @Test func oneLetterWordsAreBoundOnCzechPagesOnly() {
        #expect(typeset("<p>a cat in a box</p>", english) == "<p>a cat in a box</p>")
        #expect(typeset("<p>v lokalitě</p>", czech) == "<p>v~lokalitě</p>")
    }

    @Test func amountsPercentagesAndPhoneNumbersAreBoundOnEveryPage() {
        for typography in [czech, english] {
            #expect(typeset("<td>6 516 052,50 Kč</td>", typography) == "<td>6~516~052,50~Kč</td>")
            #expect(typeset("<p>hradí 85 % a 15,5 %.</p>", typography).contains("85~%") == true)
            #expect(typeset("<p>hradí 15,5 %.</p>", typography) == "<p>hradí 15,5~%.</p>")
            #expect(typeset("<p>Tel. +420 596 123 456 nebo 777 123 456</p>", typography)
                .hasSuffix("+420~596~123~456 nebo 777~123~456</p>"))
            #expect(typeset("<p>1 000 000 EUR, 5 000,- Kč, 6,5 mil. Kč</p>", typography)
                == "<p>1~000~000~EUR, 5~000,-~Kč, 6,5~mil.~Kč</p>")
        }
    }

    @Test func numbersThatAreNotGroupsStayApart() {
        // A year before a count, a four-digit group, a unit that goes on as a word.
        #expect(typeset("<p>roku 2018 350 osob, 12 3456, 5 Kčs</p>", english) == "<p>roku 2018 350 osob, 12 3456, 5 Kčs</p>")
    }

    @Test func datesAreBound() {
        #expect(typeset("<p>od 1. 3. 2018 do 28. 2. 2021</p>", english) == "<p>od 1.~3.~2018 do 28.~2.~2021</p>")
        #expect(typeset("<p>Dnem 1. ledna 2023 a 31. úno</p>", english) == "<p>Dnem 1.~ledna 2023 a 31.~úno</p>")
        // A sentence ending in a number goes on with a capital: not a date.
        #expect(typeset("<p>bylo jich 12. Pak</p>", english) == "<p>bylo jich 12. Pak</p>")
    }

    @Test func registrationNumbersBreakOnlyAfterSlashes() {
        let html = czech.apply(to: "<p>reg. č. CZ.03.02.01/00/22_018/0001013.</p>")
        #expect(html == "<p>reg. č. <span class=\"regno\"><span class=\"regno-part\">CZ.03.02.01/</span><wbr>"
            + "<span class=\"regno-part\">00/</span><wbr><span class=\"regno-part\">22_018/</span><wbr>"
            + "<span class=\"regno-part\">0001013</span></span>.</p>")
        #expect(Typography.registrationNumberHTML("CZ.03.2.60/0.0") == "<span class=\"regno\"><span class=\"regno-part\">CZ.03.2.60/</span><wbr><span class=\"regno-part\">0.0</span></span>")
        // Right after an abbreviation's dot, as Ostrava writes it ("pod č.cz.03…").
        #expect(czech.apply(to: "<p>pod č.cz.03.2.60/0.0/0.0/15.026/0002789 je</p>")
            == "<p>pod č.<span class=\"regno\"><span class=\"regno-part\">cz.03.2.60/</span><wbr>"
            + "<span class=\"regno-part\">0.0/</span><wbr><span class=\"regno-part\">0.0/</span><wbr>"
            + "<span class=\"regno-part\">15.026/</span><wbr><span class=\"regno-part\">0002789</span></span> je</p>")
        // Inside a URL or a word it is not a registration number of the text.
        let inURL = "<p>https://example.cz/CZ.03.02.01/00/22_018/0001013 xCZ.03.02.01/00/22_018/0001013</p>"
        #expect(czech.apply(to: inURL) == inURL)
    }

    @Test func tagsAttributesCodeURLsAndAddressesAreLeftAlone() {
        let untouched = [
            "<a href=\"/v lokalite/\" title=\"a v 6 516 Kč 1. 3. 2018 CZ.03.02.01/00/22_018/0001013\">x</a>",
            "<code>v 6 516 Kč</code>", "<pre>a\nv 1. 3. 2018</pre>", "<kbd>a b</kbd>",
            "<script>var a = \"v 1 000 %\"; if (a < b) { x = '<p>v a</p>' }</script>",
            "<style>p::before { content: \"v a\"; }</style>",
            "<title>Projekt v Ostravě za 6 516 Kč</title>",
            "<svg><text>85 % v 1 000 Kč</text></svg>",
            "<!-- v 1 000 Kč -->",
            "<p>https://www.example.cz/v a www.example.cz a</p>".replacingOccurrences(of: " a ", with: " x "),
            "<p>piště z info@example.cz k nám</p>".replacingOccurrences(of: " k nám", with: ""),
        ]
        for html in untouched {
            #expect(czech.apply(to: html) == html, "\(html)")
        }
        // The text around them is still typeset.
        #expect(typeset("<p>v <code>a b</code> a v</p><pre>v x</pre><p>k nám</p>")
            == "<p>v <code>a b</code> a~v</p><pre>v x</pre><p>k~nám</p>")
        #expect(typeset("<p>napište na info@example.cz a https://example.cz/a v sídle</p>")
            == "<p>napište na info@example.cz a https://example.cz/a v~sídle</p>")
    }

    @Test func applyingTwiceChangesNothingMore() {
        let html = """
            <p>V roce 2023 a v lokalitě (k dětem) 6 516 052,50 Kč, 85 % od 1. 3. 2018 \
            a CZ.03.2.60/0.0/0.0/16_052/0007824; tel. +420 596 123 456 k <a href="/x/">nám</a>.</p>
            """
        let once = czech.apply(to: html)
        #expect(once != html)
        #expect(czech.apply(to: once) == once)
        #expect(english.apply(to: english.apply(to: html)) == english.apply(to: html))
    }

    /// Pages of `paragraphs` paragraphs, each with every rule at work.
    static func page(paragraphs: Int) -> String {
        var html = "<main>"
        for number in 0..<paragraphs {
            html += "<p>V roce 2023 město v lokalitě \(number) vyplatilo 6 516 052,50 Kč (85 %) od 1. 3. 2018 "
            html += "a spolu s <abbr title=\"městská policie\">MP</abbr> i školou, viz https://example.cz/a "
            html += "a CZ.03.2.60/0.0/0.0/16_052/0007824.</p>\n<code>v a</code>\n"
        }
        return html + "</main>"
    }

    @Test func timeGrowsInProportionToThePage() {
        let small = Array(Self.page(paragraphs: 4_000).utf8)   // about 1 MB
        let large = Array(Self.page(paragraphs: 16_000).utf8)  // about 4 MB
        #expect(small.count > 900_000 && large.count > 3_600_000)
        var changed = 0
        let smallTime = GlossaryScalingTests.time { changed = czech.apply(to: small).count - small.count }
        let largeTime = GlossaryScalingTests.time { _ = czech.apply(to: large) }
        #expect(changed > 0)
        // Linear: about 4; work that grew with the page's square would give about 16.
        #expect(largeTime / smallTime < 7, "1 MB: \(smallTime) s, 4 MB: \(largeTime) s")
    }
}
