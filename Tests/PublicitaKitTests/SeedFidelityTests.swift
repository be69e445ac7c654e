import Foundation
import Testing
@testable import PublicitaKit

/// The example portal shows the cities' text as they published it: chosen sentences of each
/// source document, typos included, copied here verbatim, must stand word for word in the
/// example's records and on their built pages; the portal's old silent edits must be gone.
@Suite struct SeedFidelityTests {
    struct Source: Sendable, CustomTestStringConvertible {
        let city: String
        let record: String
        let page: String
        /// Sentences copied from the city's document as published.
        let verbatim: [String]
        /// Wording the portal once put in place of the city's.
        let silentEdits: [String]
        var testDescription: String { city }
    }

    static let sources: [Source] = [
        Source(
            city: "Liberec", record: "content/projects/liberec-apk.md", page: "projekty/liberec-apk/index.html",
            verbatim: [
                "Dotazníkové šetření má za cíl statisticky vyhodnotit míru pocitu bezpeční v lokalitách, kvalitativní výstupy ověří možnost využít APK při konkrétních úkolech (před zavedením APK) a později ověří, zda byli APK v těchto situacích adekvátně využiti.",
                "Projet je v plné fyzické realizaci od 1. 3. 2018 s předpokládanou délkou trvání 3 roky (do 28. 2. 2021)",
                "Metodiku a další informace k programu naleznete na stránkách OPZ.",
                "Projekt řeší souhrn aktuálních nebo potenciálních problémů jakými jsou různé sociálně rizikové jevy (záškoláctví, pouliční agrese, vandalismus, prodej drog a další)",
                "ohrožení problémovými osobami (Plán prevence kriminality Liberec 2013 - 2015, str. 12).",
                "a dále Vesec-Doubí (Zejména mezi lokalitami Rosa a Kolora), bude výzkum pocitu bezpečí zaměřen právě na tyto dvě lokality.",
            ],
            silentEdits: ["stránkách OPZ (Operační program Zaměstnanost)", "míru pocitu bezpečí v lokalitách",
                          "Projekt je v plné fyzické realizaci", "problémů, jakými jsou", "Evropský sociální fond (EU ESF)"]),
        Source(
            city: "Kroměříž", record: "content/projects/kromeriz-apk.md", page: "projekty/kromeriz-apk/index.html",
            verbatim: [
                "Podpora osob z CS, které budou vykonávat funkci APK formou uplatnění na trhu práce, tj. podpora 4 osob z CS, kteří získají stabilní zaměstnání.",
                "Jednoznačným, hlavním cílem preventivně zaměřeného projektu je  zlepšit občanské soužití, veřejný pořádek a zvýšit pocit bezpečí obyvatel v rizikových lokalitách města Kroměříž.",
                "posílit přítomnost osob v terénu, které zde budou vykonávat monitoring, kontaktní prací s obyvateli a správci objektů",
                "Tematického akčního plánu města Kroměříže pro oblast bydlení a oblast bezpečnosti (2019 – 2022).",
            ],
            silentEdits: ["CS (cílové skupiny)", "zaměstnává a vzdělává", "(2019–2022)"]),
        Source(
            city: "Litvínov", record: "content/reports/litvinov-zaverecna-zprava.md", page: "zpravy/litvinov-zaverecna-zprava/index.html",
            verbatim: [
                "Prevenčí rizikového chování je pověřen odbor sociálních věcí a MP (APK).",
                "Zpracování doporučení pro posílení spoluprávy a bezpečí na úrovni komunity",
                "Doporučení je zpracováno na základě poznatků získaných z lokality se zaměřením na podporu dětí a mladistvých v zajištění vlastní bezpečí a převzetí své části odpovědnosti za bezpečí v komunitě.",
                "PRŮBĚH REALIZACE PORADENSKÉHO PROGRAMU",
            ],
            silentEdits: ["Část 2: Průběh realizace poradenského programu", "Prevencí rizikového chování je pověřen"]),
        Source(
            city: "Jeseník", record: "content/projects/jesenik-apk.md", page: "projekty/jesenik-apk/index.html",
            verbatim: [
                "Sociální vyloučení na Jesenícku lze chápat dvojím způsobem a sice z pohledu strukturálních příčin:",
                "Odpovědnost: mentor APK, manažer projektu, odborní lektori a supervizor",
                "v místech, kde působí asistenti prevence kriminality ve srovnání s pocitem bezpečí obyvatel, kde asistenti nepůsobí vůbec nebo jen minimálně",
                "Na realizaci projektu se primárně podílí 3 asistenti prevence kriminality a mentor asistentů, velitel / strážník Městské policie Jeseník",
            ],
            silentEdits: ["Jesenicku", "lektoři", "dvojím způsobem, a sice", "kriminality, ve srovnání"]),
        Source(
            city: "Ostrava", record: "content/projects/ostrava-apk.md", page: "projekty/ostrava-apk/index.html",
            verbatim: [
                "Z ohledem na jeho pozitivní přínos probíhá  v současnosti jeho třetí perioda, v rámci které působí při Městské policii Ostrava šest těchto asistentů.",
                "se na ně z důvěrou obracejí o pomoc při řešení nejrůznějších problémů jako jsou např. zadlužení, nezaměstnanost, ztráta bydlení, sousedské spory.",
                "Asistenti úzce spolupracují se strážníky městské policie na celém území našeho města.",
                "Výše zmíněné složky zabývající se prevenci kriminality v našem městě se pravidelně setkávají v rámci multidisciplinárních týmů",
                "konzumace alkoholických nápojů v místech kde je to zakázáno, nebo volný pohyb psů mimo místa k tomu určená.",
            ],
            silentEdits: ["S ohledem", "s důvěrou", "na celém území města.", "prevencí kriminality ve městě",
                          "opatření zaměřená na konzumaci"]),
    ]

    /// Runs of white space (line breaks and indentation of YAML blocks, no-break spaces that
    /// typography may add) as one space, so that only the words and their punctuation count.
    static func words(_ text: String) -> String {
        var out = ""
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar == "\u{00AD}" || scalar == "\u{2060}" { continue }
            if CharacterSet.whitespacesAndNewlines.contains(scalar) || scalar == "\u{00A0}" || scalar == "\u{202F}" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.unicodeScalars.append(" "); pendingSpace = false }
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A page's text as a reader sees it: tags dropped (the glossary's `<abbr>` among them),
    /// entities decoded.
    static func visibleText(_ html: String) -> String {
        var text = html
        for block in ["script", "style", "head"] {
            text = text.replacingOccurrences(of: "<\(block)\\b.*?</\(block)>", with: " ",
                                             options: [.regularExpression, .caseInsensitive])
        }
        // Inline tags join words (`<abbr>APK</abbr>,`); block tags separate them.
        text = text.replacingOccurrences(of: "</?(p|li|ul|ol|h[1-6]|div|td|th|tr|br|dd|dt|section|table|caption)\\b[^>]*>",
                                         with: " ", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        let named = ["&quot;": "\"", "&#39;": "'", "&apos;": "'", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u{00A0}"]
        for (entity, character) in named { text = text.replacingOccurrences(of: entity, with: character) }
        while let range = text.range(of: "&#(x[0-9A-Fa-f]+|[0-9]+);", options: .regularExpression) {
            let body = text[range].dropFirst(2).dropLast()
            let value = body.hasPrefix("x") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            text.replaceSubrange(range, with: value.flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? "")
        }
        return words(text.replacingOccurrences(of: "&amp;", with: "&"))
    }

    static func record(_ source: Source) throws -> String {
        let url = TestPaths.repositoryRoot.appendingPathComponent(source.record)
        // A Markdown hard line break (`\` at the end of a line) is layout, not text.
        return words(try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\\\n", with: "\n"))
    }

    @Test(arguments: sources)
    func recordsKeepTheCitysSentences(_ source: Source) throws {
        #expect(source.verbatim.count >= 3)
        Self.expectFaithful(try Self.record(source), to: source, in: source.record)
    }

    /// `text` (of `place`) has each of the source's sentences and none of the portal's old wordings.
    static func expectFaithful(_ text: String, to source: Source, in place: String) {
        for sentence in source.verbatim {
            let found = text.contains(words(sentence))
            #expect(found, "\(place) lacks: \(sentence)")
        }
        for edit in source.silentEdits {
            let kept = text.contains(words(edit))
            #expect(!kept, "\(place) still has the portal's wording: \(edit)")
        }
    }

    @Test func builtPagesShowTheCitysSentences() throws {
        try withTemporaryDirectory { output in
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            for source in Self.sources {
                let html = try String(contentsOf: output.appendingPathComponent(source.page), encoding: .utf8)
                Self.expectFaithful(Self.visibleText(html), to: source, in: source.page)
            }
        }
    }

    /// The portal's own summary is told apart from the city's text on the page.
    @Test func summariesAreMarkedAsThePortals() throws {
        try withTemporaryDirectory { output in
            let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday))
            #expect(!outcome.failed, "\(outcome.summary)")
            for source in Self.sources {
                let html = try String(contentsOf: output.appendingPathComponent(source.page), encoding: .utf8)
                #expect(html.contains("<p class=\"lead\"><span class=\"summary-label\">Shrnutí portálu:</span> "),
                        "\(source.page) shows a summary without the portal's mark")
            }
        }
    }
}
