// The field specifications of every record type. The models' `fields` lists
// derive from these (`static let fields = spec.names`), so the loader, the JSON
// Schema files and the `publicita new` templates use one list.

// MARK: Shared descriptions of value forms

/// How each kind of value is written, for descriptions.
enum ValueForms {
    static let money = LocalizedText(
        cs: "Částka česky (6 516 052,50 Kč; tisíce oddělené mezerou, desetinná čárka, nejvýše dvě desetinná místa) nebo jako desetinné číslo (6516052.50).",
        en: "An amount in Czech form (6 516 052,50 Kč; thousands separated by spaces, decimal comma, at most two decimals) or a plain decimal (6516052.50).")
    static let share = LocalizedText(
        cs: "Podíl v procentech: 85 %, 85% nebo 76,74 %; kolik desetinných míst napíšete, na tolik se podíl kontroluje.",
        en: "A share in percent: 85 %, 85% or 76,74 %; it is checked to as many decimals as are written.")
    static let date = LocalizedText(
        cs: "Datum ve tvaru 2018-03-01, 1. 3. 2018 nebo 01.03.2018.",
        en: "A date written 2018-03-01, 1. 3. 2018 or 01.03.2018.")
    static let registrationNumber = LocalizedText(
        cs: "Registrační číslo projektu přesně podle registru: období 2014–2020 CZ.03.2.60/0.0/0.0/16_052/0007824, období 2021–2027 CZ.03.02.01/00/22_018/0001013.",
        en: "The project's registration number exactly as in the register: 2014–2020 CZ.03.2.60/0.0/0.0/16_052/0007824, 2021–2027 CZ.03.02.01/00/22_018/0001013.")
    static let slug = LocalizedText(
        cs: "Adresa (slug): malá písmena bez diakritiky, číslice a pomlčky, např. liberec-apk.",
        en: "A slug: lower-case letters without accents, digits and hyphens, e.g. liberec-apk.")
    static let identifier = LocalizedText(
        cs: "Začíná malým písmenem, dál malá písmena bez diakritiky, číslice a pomlčky, nejvýše 64 znaků.",
        en: "A lower-case letter, then lower-case letters without accents, digits and hyphens, at most 64 characters.")
    static let integer = LocalizedText(
        cs: "Celé číslo (nejvýše 12 číslic), např. 36.",
        en: "A whole number (at most 12 digits), e.g. 36.")
    static let bool = LocalizedText(
        cs: "Ano, nebo ne: true nebo false (čte se i ano/ne a yes/no).",
        en: "Yes or no: true or false (ano/ne and yes/no are read too).")
    static let nonBlank = LocalizedText(
        cs: "Povinné: napište text, ne jen mezery.",
        en: "Required: write some text, not just spaces.")
}

// MARK: Nested mappings

extension Period {
    /// The fields of `period`; for projects the start is required unless `not_published` explains its absence.
    static func spec(requireStart: Bool) -> ObjectSpec {
        ObjectSpec([
            FieldSpec("start", .date, requireStart ? .requiredUnless(field: "not_published") : .optional,
                      cs: "První den období. " + ValueForms.date.cs,
                      en: "The first day of the period. " + ValueForms.date.en, example: "2018-03-01"),
            FieldSpec("end", .date,
                      cs: "Poslední den období (včetně). " + ValueForms.date.cs,
                      en: "The last day of the period (inclusive). " + ValueForms.date.en, example: "2021-02-28"),
            FieldSpec("duration_months", .integer,
                      cs: "Délka v měsících, jak ji uvádí dokumentace; kontroluje se proti datům.",
                      en: "The duration in months as the documentation states it; checked against the dates.", example: "36"),
            FieldSpec("label", .text,
                      cs: "Období slovy, jak ho uvádí zdroj (např. Červenec 2023–červen 2024).",
                      en: "The period as the source words it (e.g. Červenec 2023–červen 2024).", example: "Červenec 2023–červen 2024"),
            FieldSpec("not_published", .text,
                      cs: "Jen když město období nezveřejnilo: vysvětlení, zobrazí se místo dat (pak se start nevyplňuje).",
                      en: "Only when the city never published the period: an explanation shown instead of the dates (then start is left out).",
                      example: "Období realizace město na své stránce neuvádí."),
        ])
    }
}

extension FundingSource {
    /// The fields of one source of a budget.
    static let spec = ObjectSpec([
        FieldSpec("name", .text, .required,
                  cs: "Kdo platí, jak to uvádí dokumentace (např. Evropský sociální fond).",
                  en: "Who pays, as the documentation names it (e.g. Evropský sociální fond).", example: "Evropský sociální fond"),
        FieldSpec("kind", .enumeration(Kind.allCases.map(\.rawValue)), .required,
                  cs: "Druh zdroje: eu (fond Evropské unie), national (státní rozpočet), own (vlastní zdroje příjemce), other (jiné).",
                  en: "The kind of source: eu (a European Union fund), national (state budget), own (the beneficiary's own money), other.",
                  example: "eu"),
        FieldSpec("amount", .money,
                  cs: "Částka zdroje. " + ValueForms.money.cs + " Zdroje musí dát dohromady celkovou částku na haléř.",
                  en: "The source's amount. " + ValueForms.money.en + " The sources must add up to the total to the haléř.",
                  example: "850 000,00 Kč"),
        FieldSpec("share", .share,
                  cs: "Podíl na celkové částce, pokud ho dokumentace uvádí; kontroluje se proti částkám. " + ValueForms.share.cs,
                  en: "The share of the total, when the documentation states it; checked against the amounts. " + ValueForms.share.en,
                  example: "85 %"),
    ])
}

extension Budget {
    /// The fields of `budget`.
    static let spec = ObjectSpec([
        FieldSpec("currency", .text,
                  cs: "Měna všech částek jako kód ISO: CZK (výchozí) nebo EUR.",
                  en: "The currency of every amount as an ISO code: CZK (default) or EUR.", example: "CZK"),
        FieldSpec("total", .money,
                  cs: "Celkové způsobilé výdaje projektu. " + ValueForms.money.cs + " Když částky nebyly zveřejněny, pole vynechte.",
                  en: "The project's total eligible expenditure. " + ValueForms.money.en + " Leave it out when the amounts were never published.",
                  example: "1 000 000,00 Kč"),
        FieldSpec("sources", .list(.object(FundingSource.spec)),
                  cs: "Zdroje financování: fond EU, státní rozpočet, vlastní zdroje…",
                  en: "The sources of the money: the EU fund, the state budget, own money…"),
    ])
}

extension Activity {
    /// The fields of one key activity.
    static let spec = ObjectSpec([
        FieldSpec("code", .text, cs: "Kód klíčové aktivity (např. KA 01).", en: "The activity's code (e.g. KA 01).", example: "KA 01"),
        FieldSpec("title", .text, .required, cs: "Název aktivity.", en: "The activity's title.", example: "Činnost asistentů prevence kriminality"),
        FieldSpec("summary", .text, cs: "Popis aktivity v Markdownu (může mít více odstavců nebo seznam).",
                  en: "A Markdown description (may have several paragraphs or a list)."),
    ])
}

extension Target {
    /// The fields of one measurable target.
    static let spec = ObjectSpec([
        FieldSpec("text", .text, .required, cs: "Cíl slovy (např. Zaměstnat 4 osoby z cílové skupiny).",
                  en: "The target in words (e.g. Zaměstnat 4 osoby z cílové skupiny).", example: "Zaměstnat 4 osoby z cílové skupiny"),
        FieldSpec("target", .integer, cs: "Cílová hodnota (celé číslo).", en: "The number aimed at (a whole number).", example: "4"),
        FieldSpec("achieved", .integer, cs: "Dosažená hodnota, až je známa (celé číslo).", en: "The number achieved, once known (a whole number).", example: "4"),
    ])
}

extension Contact {
    /// The fields of one contact.
    static let spec = ObjectSpec([
        FieldSpec("name", .text, .required, cs: "Jméno a tituly, jak je zveřejňuje úřad.", en: "Name with titles, as published.", example: "Ing. Jana Nováková"),
        FieldSpec("role", .text, cs: "Funkce nebo role v projektu.", en: "Their role.", example: "koordinátorka projektu"),
        FieldSpec("phone", .text, cs: "Telefon: devět číslic, případně s +420 (např. +420 485 243 577); poznámky patří do note.",
                  en: "Phone: nine digits, optionally with +420 (e.g. +420 485 243 577); notes belong in note.", example: "+420 485 243 577"),
        FieldSpec("email", .text, cs: "E-mailová adresa ve tvaru jmeno@domena.cz.", en: "E-mail address like name@domain.cz.", example: "jana.novakova@example.cz"),
        FieldSpec("note", .text, cs: "Volný text zobrazený u kontaktu (např. úřední hodiny).", en: "Free text shown with the contact (e.g. office hours)."),
    ])
}

extension DocumentLink {
    /// The fields of one linked document.
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Název dokumentu.", en: "The document's title.", example: "Závěrečná evaluační zpráva"),
        FieldSpec("href", .text, cs: "Odkaz: cesta na portálu (/zpravy/…/, /dokumenty/zprava.pdf ze složky static/) nebo adresa https://; odkazy na portál musí vést na existující stránku.",
                  en: "The link: a site path (/zpravy/…/, /dokumenty/zprava.pdf from static/) or an https:// address; site paths must resolve.",
                  example: "/zpravy/zaverecna-zprava/"),
        FieldSpec("note", .text, cs: "Volný text zobrazený u dokumentu.", en: "Free text shown with the document."),
    ])
}

extension Correction {
    /// The fields of one public correction.
    static let spec = ObjectSpec([
        FieldSpec("field", .text, cs: "Které pole bylo opraveno (např. budget.total).", en: "The field that was corrected (e.g. budget.total).", example: "budget.total"),
        FieldSpec("published", .text, cs: "Co bylo zveřejněno.", en: "What was published.", example: "6 516 052,50 Kč"),
        FieldSpec("correct", .text, cs: "Co je správně.", en: "What is correct.", example: "6 516 062,50 Kč"),
        FieldSpec("reason", .text, cs: "Proč: z čeho správný údaj plyne.", en: "Why: where the correct figure comes from."),
    ])
}

extension ContentTable {
    /// The fields of one table.
    static let spec = ObjectSpec([
        FieldSpec("id", .identifier, .required,
                  cs: "Identifikátor tabulky; v textu ji umístí blok ```table <id>. " + ValueForms.identifier.cs,
                  en: "The table's id; a ```table <id> block in the body places it. " + ValueForms.identifier.en,
                  example: "harmonogram"),
        FieldSpec("caption", .text, .required, cs: "Titulek tabulky.", en: "The table's caption.", example: "Harmonogram realizace"),
        FieldSpec("columns", .list(.text), .required, cs: "Záhlaví sloupců, např. [Krok, Popis, Termín].",
                  en: "The column headers, e.g. [Krok, Popis, Termín].", example: "[Krok, Popis, Termín]"),
        FieldSpec("rows", .list(.list(.text)), cs: "Řádky tabulky; každý řádek je seznam buněk se stejným počtem jako columns, např. [\"1\", Příprava, 2024].",
                  en: "The rows; each row is a list of as many cells as there are columns, e.g. [\"1\", Příprava, 2024].",
                  example: "[\"1\", Příprava, 01/2024]"),
        FieldSpec("row_headers", .bool, cs: "Zda je první buňka řádku jeho záhlavím (výchozí true).",
                  en: "Whether each row's first cell is the row's header (default true).", example: "true"),
        FieldSpec("merge_first_column", .bool,
                  cs: "Zda se stejná první buňka po sobě jdoucích řádků ukáže jen jednou, přes všechny tyto řádky, jako záhlaví jejich skupiny (výchozí false); záhlavím řádku je pak jeho druhá buňka, je-li row_headers true.",
                  en: "Whether a first cell repeated in consecutive rows is shown once, across those rows, as the header of their group (default false); each row's header is then its second cell when row_headers is true.",
                  example: "true"),
    ])
}

extension Abbreviation {
    /// The fields of one abbreviation.
    static let spec = ObjectSpec([
        FieldSpec("abbr", .text, .required, cs: "Zkratka.", en: "The abbreviation.", example: "APK"),
        FieldSpec("meaning", .text, .required, cs: "Co zkratka znamená.", en: "What it stands for.", example: "asistent prevence kriminality"),
    ])
}

extension Report.FundedBy {
    /// The fields of a report's `funded_by`.
    static let spec = ObjectSpec([
        FieldSpec("title", .text, cs: "Název projektu, v němž zpráva vznikla.", en: "The name of the project the report was produced in.",
                  example: "Rozvoj systémů pro sociální začleňování"),
        FieldSpec("registration_number", .registrationNumber, cs: "Jeho registrační číslo. " + ValueForms.registrationNumber.cs,
                  en: "Its registration number. " + ValueForms.registrationNumber.en, example: "CZ.03.02.02/00/22_004/0000366"),
    ])
}

// MARK: Records

/// The `slug` field every content record may have.
private let slugField = FieldSpec(
    "slug", .slug,
    cs: "Adresa stránky, pokud má být jiná než název souboru. " + ValueForms.slug.cs,
    en: "The page's slug, when it is to differ from the file name. " + ValueForms.slug.en)

/// The `lang` field every content record may have (a bilingual portal).
private let langField = FieldSpec(
    "lang", .enumeration(Language.allCases.map(\.rawValue)),
    cs: "Jazyk záznamu: cs nebo en; když chybí, platí jazyk portálu (language v portal.yaml). Stránka dostane rozhraní v tomto jazyce.",
    en: "The record's language: cs or en; when absent, the portal's language (language in portal.yaml). The page gets its UI in this language.",
    example: "en")

/// The `translation_of` field every content record may have (a bilingual portal).
private let translationOfField = FieldSpec(
    "translation_of", .slug,
    cs: "Jen u překladu: adresa (slug) záznamu téhož druhu v jiném jazyce, který tento záznam překládá, např. liberec-apk. Stránky se navzájem propojí odkazem na jazykovou verzi.",
    en: "Only in a translation: the slug of the record of the same kind, in another language, that this record translates, e.g. liberec-apk. The pages link to each other as language versions.")

extension Project {
    /// The front matter of a project (`content/projects/*.md`).
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Název projektu, jak ho uvádí rozhodnutí o dotaci.",
                  en: "The project's name as the grant decision gives it.", example: "Asistenti prevence kriminality Liberec"),
        slugField,
        langField,
        translationOfField,
        FieldSpec("registration_number", .registrationNumber, .requiredUnless(field: "funding", equals: "none"),
                  cs: ValueForms.registrationNumber.cs + " Povinné, pokud projekt není označen funding: none.",
                  en: ValueForms.registrationNumber.en + " Required unless the project is marked funding: none.",
                  example: "CZ.03.2.60/0.0/0.0/16_052/0007824"),
        FieldSpec("registration_number_published", .text,
                  cs: "Nepřesný tvar čísla, jak ho město zveřejnilo; zobrazí se vedle správného.",
                  en: "The non-standard form the city published; shown beside the standard one."),
        FieldSpec("funding", .enumeration(["none"]),
                  cs: "none = projekt bez financování z EU (pak registrační číslo není potřeba); jinak pole vynechte.",
                  en: "none = a project without EU funding (then no registration number is needed); otherwise leave it out."),
        FieldSpec("programme", .text, cs: "Operační program (např. Operační program Zaměstnanost).",
                  en: "The operational programme (e.g. Operační program Zaměstnanost).", example: "Operační program Zaměstnanost"),
        FieldSpec("eu_statement", .text, cs: "Věta o spolufinancování EU; když chybí, použije se výchozí podle programu.",
                  en: "The EU co-funding statement; a default from the programme is used when absent."),
        FieldSpec("beneficiary", .text, .required, cs: "Příjemce dotace (kdo projekt realizuje).",
                  en: "The beneficiary (who carries the project).", example: "Statutární město Liberec"),
        FieldSpec("city", .text, cs: "Město; projekty se podle něj řadí na stránku města.",
                  en: "The city; projects are grouped on the city's page by it.", example: "Liberec"),
        FieldSpec("summary", .text, cs: "Jedna nebo dvě věty do přehledů a náhledů.",
                  en: "One or two sentences for lists and previews.", example: "Město zaměstnává asistenty prevence kriminality."),
        FieldSpec("period", .object(Period.spec(requireStart: true)), .required,
                  cs: "Období realizace projektu.", en: "When the project runs."),
        FieldSpec("budget", .object(Budget.spec), cs: "Rozpočet: celková částka a zdroje financování.",
                  en: "The budget: the total and the sources of the money."),
        FieldSpec("areas", .list(.text), cs: "Lokality, kde projekt působí, např. [Centrum, Vesec].",
                  en: "Where the project works, e.g. [Centrum, Vesec].", example: "[Centrum]"),
        FieldSpec("goals", .list(.text), cs: "Cíle projektu jako seznam (nebo oddíl „## Cíle projektu“ v textu).",
                  en: "The project's aims as a list (or a \"## Cíle projektu\" section in the body).",
                  example: "[Snížit riziko kriminality v sociálně vyloučených lokalitách.]"),
        FieldSpec("results", .text, cs: "Čeho projekt dosáhl (po skončení projektu).",
                  en: "What the project achieved (once it has ended)."),
        FieldSpec("activities", .list(.object(Activity.spec)), cs: "Klíčové aktivity.", en: "Key activities."),
        FieldSpec("targets", .list(.object(Target.spec)), cs: "Měřitelné cíle (indikátory).", en: "Measurable targets (indicators)."),
        FieldSpec("contacts", .list(.object(Contact.spec)), cs: "Kontakty pro veřejnost.", en: "Contacts for the public."),
        FieldSpec("documents", .list(.object(DocumentLink.spec)), cs: "Odkazy na dokumenty.", en: "Linked documents."),
        FieldSpec("corrections", .list(.object(Correction.spec)),
                  cs: "Veřejné opravy zveřejněných údajů, které nesouhlasily: co bylo zveřejněno, co je správně a proč.",
                  en: "Public corrections of published figures that did not add up: what was published, what is correct and why."),
        FieldSpec("tables", .list(.object(ContentTable.spec)), cs: "Tabulky jako data; v textu je umístí blok ```table <id>.",
                  en: "Tables as data; a ```table <id> block in the body places them."),
    ])
}

extension Report {
    /// The front matter of a report (`content/reports/*.md`).
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Název zprávy.", en: "The report's title.", example: "Závěrečná zpráva z realizace projektu"),
        slugField,
        langField,
        translationOfField,
        FieldSpec("city", .text, cs: "Město, kterého se zpráva týká.", en: "The city it concerns.", example: "Litvínov"),
        FieldSpec("project", .slug, cs: "Adresa (slug) projektu tohoto portálu, k němuž zpráva patří, např. liberec-apk.",
                  en: "The slug of the project of this portal the report belongs to, e.g. liberec-apk."),
        FieldSpec("funded_by", .object(Report.FundedBy.spec), cs: "Projekt, v němž zpráva vznikla (název a registrační číslo).",
                  en: "The project the report was produced in (title and registration number)."),
        FieldSpec("period", .object(Period.spec(requireStart: false)), cs: "Období, které zpráva pokrývá.",
                  en: "The period the report covers."),
        FieldSpec("date", .date, cs: "Datum zprávy. " + ValueForms.date.cs, en: "The report's date. " + ValueForms.date.en, example: "2024-06-30"),
        FieldSpec("summary", .text, cs: "Jedna nebo dvě věty do přehledů.", en: "One or two sentences for lists."),
        FieldSpec("tables", .list(.object(ContentTable.spec)), cs: "Tabulky jako data; v textu je umístí blok ```table <id>.",
                  en: "Tables as data; a ```table <id> block in the body places them."),
        FieldSpec("abbreviations", .list(.object(Abbreviation.spec)), cs: "Seznam zkratek.", en: "The list of abbreviations."),
        FieldSpec("documents", .list(.object(DocumentLink.spec)), cs: "Odkazy na dokumenty.", en: "Linked documents."),
    ])
}

extension Page {
    /// The front matter of a free page (`content/pages/*.md`).
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Název stránky.", en: "The page's title.", example: "O portálu"),
        slugField,
        langField,
        translationOfField,
        FieldSpec("summary", .text, cs: "Krátké shrnutí.", en: "A short summary."),
        FieldSpec("order", .integer, cs: "Pořadí v hlavní navigaci (celé číslo); stránky bez order v navigaci nejsou.",
                  en: "Position in the main navigation (a whole number); pages without order are not in it.", example: "1"),
    ])
}

extension NewsItem {
    /// The front matter of a news item (`content/news/*.md`).
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Titulek aktuality.", en: "The headline.", example: "Zahájení projektu"),
        slugField,
        langField,
        translationOfField,
        FieldSpec("date", .date, .required, cs: "Datum aktuality. " + ValueForms.date.cs, en: "The date. " + ValueForms.date.en, example: "2026-11-01"),
        FieldSpec("summary", .text, cs: "Krátké shrnutí do seznamu aktualit.", en: "A short summary for the news list."),
        FieldSpec("project", .slug, cs: "Adresa (slug) souvisejícího projektu, např. liberec-apk.",
                  en: "The slug of the related project, e.g. liberec-apk."),
    ])
}

extension PortalConfig {
    /// The fields of `publisher`.
    static let publisherSpec = ObjectSpec([
        FieldSpec("name", .text, .required, cs: "Kdo portál vydává (např. Statutární město Liberec).",
                  en: "The publishing body (e.g. Statutární město Liberec).", example: "Statutární město Liberec"),
        FieldSpec("url", .text, cs: "Webové stránky vydavatele (https://…).", en: "The publisher's website (https://…).",
                  example: "https://www.liberec.cz/"),
        FieldSpec("ico", .text, cs: "IČO vydavatele (osm číslic, z registru ARES); v katalogu otevřených dat z něj vznikne identifikátor orgánu veřejné moci, podle kterého ho zná Národní katalog otevřených dat.",
                  en: "The publisher's IČO (eight digits, from the ARES register); the open-data catalogue names the public body by the identifier made from it, as the national open-data catalogue knows it.",
                  example: "00262978"),
        FieldSpec("email", .text, cs: "E-mail pro dotazy k otevřeným datům portálu (kontaktní bod katalogu); když chybí, použije se accessibility.contact_email.",
                  en: "An e-mail address for questions about the portal's open data (the catalogue's contact point); when absent, accessibility.contact_email.",
                  example: "opendata@liberec.cz"),
    ])

    /// The fields of one `accessibility.non_accessible` item.
    static let nonAccessibleSpec = ObjectSpec([
        FieldSpec("content", .text, .required, cs: "Obsah, který není přístupný.", en: "The content that is not accessible.",
                  example: "Naskenované PDF přílohy zpráv"),
        FieldSpec("reason", .text, cs: "Proč: nesoulad, nepřiměřená zátěž nebo obsah mimo působnost zákona.",
                  en: "Why: non-compliance, disproportionate burden or out of scope.", example: "nepřiměřená zátěž"),
    ])

    /// The fields of `accessibility`.
    static let accessibilitySpec = ObjectSpec([
        FieldSpec("contact_email", .text, .required, cs: "Kam hlásit problémy s přístupností (e-mail).",
                  en: "Where to report an accessibility problem (e-mail).", example: "pristupnost@example.cz"),
        FieldSpec("contact_phone", .text, cs: "Telefon pro totéž.", en: "A phone number for the same.", example: "+420 485 243 111"),
        FieldSpec("statement_date", .date, .required, cs: "Datum vypracování prohlášení. " + ValueForms.date.cs,
                  en: "When the statement was made. " + ValueForms.date.en, example: "2026-11-01"),
        FieldSpec("review_date", .date, cs: "Datum poslední revize. " + ValueForms.date.cs,
                  en: "When it was last reviewed. " + ValueForms.date.en, example: "2026-11-01"),
        FieldSpec("status", .enumeration(Accessibility.Status.allCases.map(\.rawValue)),
                  cs: "Soulad se zákonem 99/2019 Sb.: full (plně v souladu), partial (částečně), none (není v souladu); výchozí partial.",
                  en: "Compliance with Czech law 99/2019 Sb.: full, partial or none; default partial.", example: "partial"),
        FieldSpec("method", .text, cs: "Jak byl soulad posouzen (např. self-assessment).",
                  en: "How compliance was assessed (e.g. self-assessment).", example: "self-assessment"),
        FieldSpec("non_accessible", .list(.object(nonAccessibleSpec)), cs: "Obsah, který není přístupný, a proč.",
                  en: "Content that is not accessible, and why."),
    ])

    /// The fields of `eu_emblem`.
    static let euEmblemSpec = ObjectSpec([
        FieldSpec("src", .text, .required, cs: "Cesta k obrázku znaku EU ve složce static/, např. /loga/eu.svg.",
                  en: "The path of the EU emblem image in static/, e.g. /loga/eu.svg.", example: "/loga/eu.svg"),
        FieldSpec("includes_statement", .bool, cs: "Zda obrázek sám obsahuje větu „Spolufinancováno Evropskou unií“ (výchozí false).",
                  en: "Whether the image itself shows the statement \"Spolufinancováno Evropskou unií\" (default false).", example: "false"),
    ])

    /// `portal.yaml`.
    static let spec = ObjectSpec([
        FieldSpec("title", .text, .required, cs: "Název portálu.", en: "The portal's title.", example: "Projekty prevence kriminality"),
        FieldSpec("description", .text, cs: "Jeden řádek o portálu (úvodní stránka, meta description).",
                  en: "One line about the portal (home page, meta description)."),
        FieldSpec("base_url", .text, cs: "Adresa, na které je portál zveřejněn (https://…/).",
                  en: "The address the site is published at (https://…/).", example: "https://projekty.example.cz/"),
        FieldSpec("relative_links", .bool, cs: "Zda psát odkazy relativně ke stránce, aby web fungoval i otevřený z disku (výchozí false).",
                  en: "Whether links are written relative to their page, so the site also works opened from disk (default false).",
                  example: "false"),
        FieldSpec("language", .enumeration(Language.allCases.map(\.rawValue)), cs: "Jazyk portálu: cs (výchozí) nebo en.",
                  en: "The portal's language: cs (default) or en.", example: "cs"),
        FieldSpec("languages", .list(.enumeration(Language.allCases.map(\.rawValue))),
                  cs: "Všechny jazyky portálu, např. [cs, en]: každý další jazyk dostane vlastní úvodní stránku, seznamy, stránky měst a další stránky rozhraní pod /en/.",
                  en: "All the portal's languages, e.g. [cs, en]: each further language gets its own home page, lists, city pages and other UI pages under /en/."),
        FieldSpec("publisher", .object(publisherSpec), .required, cs: "Vydavatel portálu.", en: "Who publishes the portal."),
        FieldSpec("accessibility", .object(accessibilitySpec), .required,
                  cs: "Údaje prohlášení o přístupnosti podle zákona 99/2019 Sb.",
                  en: "The facts of the accessibility statement under Czech law 99/2019 Sb."),
        FieldSpec("glossary", .list(.object(Abbreviation.spec)), cs: "Zkratky, které portál používá; vysvětlí se na stránkách i ve slovníčku.",
                  en: "Abbreviations the portal uses; explained on the pages and in the glossary."),
        FieldSpec("eu_emblem", .object(euEmblemSpec), cs: "Vlastní obrázek znaku EU ze složky static/ místo vestavěné vlajky.",
                  en: "An EU emblem image from static/ instead of the built-in flag."),
        FieldSpec("ruian", .text, cs: "Kód obce z RÚIAN (šest číslic), které se data portálu týkají; v katalogu otevřených dat je to jejich územní pokrytí. Když chybí, uvede katalog Českou republiku.",
                  en: "The RÚIAN code (six digits) of the municipality the portal's data are about: their spatial coverage in the open-data catalogue. When absent, the catalogue names the Czech Republic.",
                  example: "563889"),
        FieldSpec("licence", .enumeration(DataLicence.allCases.map(\.identifier)),
                  cs: "Licence otevřených dat portálu: CC-BY-4.0 (výchozí), CC-BY-SA-4.0 nebo CC0-1.0. Uvádí ji stránka Otevřená data i každý soubor metadat.",
                  en: "The licence of the portal's open data: CC-BY-4.0 (default), CC-BY-SA-4.0 or CC0-1.0. The open data page and every metadata file state it.",
                  example: "CC-BY-4.0"),
        FieldSpec("license", .enumeration(DataLicence.allCases.map(\.identifier)),
                  cs: "Totéž co licence (americký pravopis).", en: "The same as licence (American spelling)."),
    ])
}
