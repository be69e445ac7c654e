import Foundation

/// Every rule publicita checks, with its stable id, what it catches, an example
/// message and the usual fix. The README's rule list is generated from it
/// (`publicita rules --markdown`), so the documentation cannot drift from the code.
public enum RuleCatalog {
    /// One rule.
    public struct Rule: Sendable, Hashable {
        /// The stable id (`budget.sum`).
        public var id: RuleID
        /// Error or warning.
        public var severity: Diagnostic.Severity
        /// An example message, as `publicita check` prints it.
        public var example: LocalizedText
        /// How to fix it.
        public var fix: LocalizedText
    }

    fileprivate static func rule(_ id: RuleID, _ severity: Diagnostic.Severity, _ exampleCS: String, _ exampleEN: String,
                             fix fixCS: String, _ fixEN: String) -> Rule {
        Rule(id: id, severity: severity, example: LocalizedText(cs: exampleCS, en: exampleEN), fix: LocalizedText(cs: fixCS, en: fixEN))
    }

    /// All rules, in the order of ``RuleID``'s cases (grouped as the README lists them).
    public static let all: [Rule] = RuleID.allCases.map(\.entry)

    /// The rule list as a Markdown table in `language`.
    public static func markdown(_ language: Language) -> String {
        var lines = language == .cs
            ? ["| pravidlo | závažnost | příklad hlášení | oprava |", "|---|---|---|---|"]
            : ["| rule | severity | example message | fix |", "|---|---|---|---|"]
        for rule in all {
            let cell = { (text: String) in text.replacingOccurrences(of: "|", with: "\\|") }
            lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(cell(rule.example.text(in: language))) | \(cell(rule.fix.text(in: language))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension RuleID {
    /// This rule's entry in the catalogue. The switch is exhaustive: a new case
    /// does not compile until it is described here.
    public var entry: RuleCatalog.Rule {
        switch self {
        case .fileEmpty:
            RuleCatalog.rule(.fileEmpty, .error, "soubor je prázdný", "the file is empty",
                 fix: "doplňte hlavičku YAML a text, nebo soubor smažte", "add front matter and a body, or delete the file")
        case .fileFrontMatter:
            RuleCatalog.rule(.fileFrontMatter, .error, "soubor nezačíná hlavičkou YAML mezi řádky ---", "the file does not start with a YAML front matter block between --- lines",
                 fix: "první řádek souboru musí být ---, hlavičku uzavřete dalším ---", "the first line must be ---; close the front matter with another ---")
        case .fileEncoding:
            RuleCatalog.rule(.fileEncoding, .error, "soubor není v kódování UTF-8 (nejspíš Windows-1250)", "the file is not UTF-8 (probably Windows-1250)",
                 fix: "uložte soubor v kódování UTF-8", "save the file as UTF-8")
        case .fileTooLarge:
            RuleCatalog.rule(.fileTooLarge, .error, "soubor má 50 MiB, nejvýše lze 8 MiB", "the file is 50 MiB, the limit is 8 MiB",
                 fix: "velké dokumenty dejte do static/ a odkažte na ně", "put large documents in static/ and link to them")
        case .fileRead:
            RuleCatalog.rule(.fileRead, .error, "soubor nelze přečíst", "the file cannot be read",
                 fix: "zkontrolujte oprávnění souboru", "check the file's permissions")
        case .fileChanged:
            RuleCatalog.rule(.fileChanged, .error, "soubor se změnil během sestavení, web z něj proto není sestaven",
                 "the file changed during the build, so the site is not built from it",
                 fix: "spusťte sestavení znovu", "run the build again")
        case .fileLinkOutside:
            RuleCatalog.rule(.fileLinkOutside, .error, "symbolický odkaz templates/footer.mustache vede mimo zdroje portálu (→ /proc/self/environ); publicita ho nečte, aby nezveřejnil cizí soubor",
                 "the symbolic link templates/footer.mustache points outside the portal's sources (→ /proc/self/environ); publicita does not read it, so that no outside file is published",
                 fix: "nahraďte odkaz samotným souborem (odkaz smí vést jen na soubor v content/, templates/ nebo static/)",
                 "replace the link by the file itself (a link may only lead to a file in content/, templates/ or static/)")
        case .fileLinkFolder:
            RuleCatalog.rule(.fileLinkFolder, .warning, "symbolický odkaz static/a → . vede na složku; odkazy na složky se nesledují a soubory v ní se nepoužijí",
                 "the symbolic link static/a → . points to a folder; folder links are not followed and its files are not used",
                 fix: "nahraďte odkaz samotnou složkou se soubory", "replace the link by the folder itself with its files")
        case .fileLinkBroken:
            RuleCatalog.rule(.fileLinkBroken, .error, "symbolický odkaz static/logo.png → ../logo.png nevede na žádný soubor (cíl chybí nebo odkazy tvoří kruh)",
                 "the symbolic link static/logo.png → ../logo.png leads to no file (the target is missing or links form a loop)",
                 fix: "nahraďte odkaz samotným souborem nebo ho smažte", "replace the link by the file itself or delete it")
        case .fileSpecial:
            RuleCatalog.rule(.fileSpecial, .error, "static/fronta není obyčejný soubor, ale pojmenovaná roura (FIFO); publicita ho neotevře",
                 "static/fronta is not a regular file but a named pipe (FIFO); publicita does not open it",
                 fix: "nahraďte ho obyčejným souborem nebo ho smažte", "replace it by a regular file or delete it")
        case .portalMissing:
            RuleCatalog.rule(.portalMissing, .error, "ve složce portálu chybí portal.yaml", "the portal folder has no portal.yaml",
                 fix: "spusťte příkaz ve složce portálu (či v její podsložce) nebo ji zadejte jako argument", "run the command in the portal folder (or a folder inside it) or pass it as an argument")
        case .portalBaseUrl:
            RuleCatalog.rule(.portalBaseUrl, .warning, "portal.yaml neuvádí base_url: mapa webu (sitemap.xml) a kanál aktualit (aktuality/feed.xml) se nevytvoří a stránky nebudou mít kanonickou adresu",
                 "portal.yaml gives no base_url: no sitemap (sitemap.xml) and no news feed (aktuality/feed.xml) are written, and pages have no canonical address",
                 fix: "doplňte base_url: https://projekty.example.cz/ nebo adresu zadejte při sestavení: publicita build --base-url URL",
                 "add base_url: https://projekty.example.cz/ or give the address when building: publicita build --base-url URL")
        case .portalIco:
            RuleCatalog.rule(.portalIco, .error, "IČO „00262977“ nemá správnou kontrolní číslici: poslední číslice by musela být 8; nejspíš je v něm překlep",
                 "the IČO \"00262977\" fails its check digit: the last digit would have to be 8; it probably has a typo",
                 fix: "opište IČO vydavatele znovu z registru ARES (ares.gov.cz), osm číslic včetně úvodních nul",
                 "copy the publisher's IČO again from the ARES register (ares.gov.cz): eight digits, leading zeros included")
        case .portalRuian:
            RuleCatalog.rule(.portalRuian, .error, "kód obce z RÚIAN „56388“ nemá šest číslic", "the RÚIAN municipality code \"56388\" does not have six digits",
                 fix: "napište kód obce z RÚIAN (např. Liberec: ruian: 563889), najdete ho na vdp.cuzk.cz",
                 "write the municipality's RÚIAN code (e.g. Liberec: ruian: 563889); vdp.cuzk.cz lists it")
        case .portalLicence:
            RuleCatalog.rule(.portalLicence, .error, "neznámá licence dat „CC-BY-40“", "unknown data licence \"CC-BY-40\"",
                 fix: "napište licence: CC-BY-4.0 (výchozí), CC-BY-SA-4.0 nebo CC0-1.0", "write licence: CC-BY-4.0 (the default), CC-BY-SA-4.0 or CC0-1.0")
        case .catalogPublisher:
            RuleCatalog.rule(.catalogPublisher, .warning, "portal.yaml neuvádí IČO vydavatele (publisher.ico): katalog otevřených dat (data/katalog.jsonld) neuvede poskytovatele a Národní katalog otevřených dat ho nepřevezme",
                 "portal.yaml gives no publisher IČO (publisher.ico): the open-data catalogue (data/katalog.jsonld) names no publisher and the national open-data catalogue will not harvest it",
                 fix: "doplňte do oddílu publisher řádek ico: 00262978 s IČO vydavatele z registru ARES",
                 "add the line ico: 00262978 with the publisher's IČO from the ARES register under publisher")
        case .urlFormat:
            RuleCatalog.rule(.urlFormat, .error, "base_url musí končit lomítkem /: je to adresa složky, ve které web leží",
                 "base_url must end in /: it is the address of the folder the site lives in",
                 fix: "napište base_url: https://mesto.github.io/portal/", "write base_url: https://city.github.io/portal/")
        case .yamlSyntax:
            RuleCatalog.rule(.yamlSyntax, .error, "chyba syntaxe YAML: mapping values are not allowed in this context", "YAML syntax error: mapping values are not allowed in this context",
                 fix: "text obsahující „: “ nebo „#“ dejte do uvozovek; zkontrolujte odsazení", "quote text that contains \": \" or \"#\"; check the indentation")
        case .yamlTabs:
            RuleCatalog.rule(.yamlTabs, .error, "odsazení tabulátorem; YAML dovoluje odsazovat jen mezerami", "indented with a tab; YAML allows only spaces for indentation",
                 fix: "nahraďte tabulátor mezerami", "replace the tab with spaces")
        case .yamlType:
            RuleCatalog.rule(.yamlType, .error, "chybný typ hodnoty: očekáván seznam, nalezena hodnota „Centrum“", "wrong type: expected a list, found the value \"Centrum\"",
                 fix: "zapište hodnotu v očekávaném tvaru (seznam: řádky „- …“)", "write the value in the expected form (a list: lines \"- …\")")
        case .yamlUnknownField:
            RuleCatalog.rule(.yamlUnknownField, .error, "neznámé pole „registation_number“", "unknown field \"registation_number\"",
                 fix: "myslíte „registration_number“?", "did you mean \"registration_number\"?")
        case .yamlRequired:
            RuleCatalog.rule(.yamlRequired, .error, "chybí povinné pole „beneficiary“", "the required field \"beneficiary\" is missing",
                 fix: "doplňte řádek „beneficiary: …“", "add a line \"beneficiary: …\"")
        case .yamlAlias:
            RuleCatalog.rule(.yamlAlias, .error, "kotvy a odkazy YAML (& a *) nejsou v obsahu dovoleny", "YAML anchors and aliases (& and *) are not allowed in content",
                 fix: "vypište hodnotu přímo", "write the value out in full")
        case .yamlDepth:
            RuleCatalog.rule(.yamlDepth, .error, "hodnoty jsou vnořené příliš hluboko", "values are nested too deeply",
                 fix: "zjednodušte strukturu záznamu", "simplify the record's structure")
        case .yamlTag:
            RuleCatalog.rule(.yamlTag, .error, "značka typu YAML „!!python/object:os.system“ není v obsahu dovolena; hodnoty se čtou jen jako text",
                 "the YAML tag \"!!python/object:os.system\" is not allowed in content; values are read as text only",
                 fix: "značku smažte a napište jen hodnotu (dovoleny jsou jen !!str, !!int, !!float, !!bool, !!null, !!map, !!seq)",
                 "delete the tag and write the value alone (only !!str, !!int, !!float, !!bool, !!null, !!map, !!seq are allowed)")
        case .textControl:
            RuleCatalog.rule(.textControl, .error, "text obsahuje řídicí znak U+000B (svislý tabulátor, zalomení řádku z Wordu), který do textu nepatří",
                 "the text holds the control character U+000B (vertical tab, Word's line break), which has no place in text",
                 fix: "znak smažte; zalomení řádku z Wordu nahraďte koncem řádku", "delete the character; replace Word's line break with a line break")
        case .slugInvalid:
            RuleCatalog.rule(.slugInvalid, .error, "adresa „Liberec APK“ smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky", "the slug \"Liberec APK\" may only contain lower-case ASCII letters, digits and hyphens",
                 fix: "použijte „liberec-apk“", "use \"liberec-apk\"")
        case .slugDuplicate:
            RuleCatalog.rule(.slugDuplicate, .error, "adresa /projekty/liberec-apk/ už patří souboru content/projects/liberec.md", "the address /projekty/liberec-apk/ already belongs to content/projects/liberec.md",
                 fix: "přejmenujte soubor nebo nastavte jiné pole slug; název města či programu napište ve všech záznamech stejně", "rename the file or set a different slug field; write a city's or programme's name the same way in every record")
        case .slugReserved:
            RuleCatalog.rule(.slugReserved, .error, "adresa /projekty/ je vyhrazena pro generované stránky", "the address /projekty/ is reserved for generated pages",
                 fix: "zvolte pro stránku jinou adresu", "choose another address for the page")
        case .moneyFormat:
            RuleCatalog.rule(.moneyFormat, .error, "„4,485,600.00“ lze číst dvojím způsobem", "\"4,485,600.00\" can be read two ways",
                 fix: "zapište částku česky: 4 485 600,00 Kč", "write the amount in Czech form: 4 485 600,00 Kč")
        case .shareFormat:
            RuleCatalog.rule(.shareFormat, .error, "podíl „85 procent“ nelze přečíst", "the share \"85 procent\" cannot be read",
                 fix: "zapište podíl jako 85 % nebo 76,74 %", "write the share as 85 % or 76,74 %")
        case .dateFormat:
            RuleCatalog.rule(.dateFormat, .error, "datum „31. 4. 2020“ neexistuje", "the date \"31. 4. 2020\" does not exist",
                 fix: "zapište datum jako 2018-03-01 nebo 1. 3. 2018", "write the date as 2018-03-01 or 1. 3. 2018")
        case .budgetSum:
            RuleCatalog.rule(.budgetSum, .error, "zdroje financování dávají dohromady 6 516 062,50 Kč (…), celková částka je 6 516 052,50 Kč; rozdíl 10,00 Kč", "the funding sources add up to 6 516 062,50 Kč (…), the total is 6 516 052,50 Kč; difference 10,00 Kč",
                 fix: "opravte celkovou částku nebo částku zdroje; opravu zveřejněného údaje zapište do corrections:", "fix the total or a source's amount; record a correction of a published figure under corrections:")
        case .budgetShare:
            RuleCatalog.rule(.budgetShare, .error, "uvedený podíl 80 % neodpovídá částce: 5 538 653,12 Kč z 6 516 062,50 Kč je 85,00 %", "the stated share 80 % does not match the amount: 5 538 653,12 Kč of 6 516 062,50 Kč is 85,00 %",
                 fix: "opravte podíl nebo částku", "fix the share or the amount")
        case .budgetNegative:
            RuleCatalog.rule(.budgetNegative, .error, "částka nesmí být záporná", "an amount cannot be negative",
                 fix: "uveďte kladnou částku", "write a positive amount")
        case .budgetCurrency:
            RuleCatalog.rule(.budgetCurrency, .error, "částka je v měně EUR, rozpočet je v CZK", "the amount is in EUR, the budget is in CZK",
                 fix: "uveďte všechny částky v měně rozpočtu (budget.currency)", "give every amount in the budget's currency (budget.currency)")
        case .budgetNoSources:
            RuleCatalog.rule(.budgetNoSources, .error, "rozpočet má celkovou částku, ale žádné zdroje financování", "the budget has a total but no funding sources",
                 fix: "doplňte budget.sources", "add budget.sources")
        case .budgetNoTotal:
            RuleCatalog.rule(.budgetNoTotal, .error, "zdroj má částku, ale rozpočet nemá celkovou částku (budget.total)", "a source has an amount but the budget has no total (budget.total)",
                 fix: "doplňte budget.total", "add budget.total")
        case .regnoFormat:
            RuleCatalog.rule(.regnoFormat, .error, "registrační číslo „cz.03.2.60/0.0/0.0/15.026/0002789“ není zapsané přesně; správně je CZ.03.2.60/0.0/0.0/15_026/0002789", "the registration number \"cz.03.2.60/0.0/0.0/15.026/0002789\" is not written exactly; the correct form is CZ.03.2.60/0.0/0.0/15_026/0002789",
                 fix: "napište CZ.03.2.60/0.0/0.0/15_026/0002789; zveřejněný tvar může zůstat v registration_number_published", "write CZ.03.2.60/0.0/0.0/15_026/0002789; the published form may stay in registration_number_published")
        case .regnoDuplicate:
            RuleCatalog.rule(.regnoDuplicate, .error, "registrační číslo CZ.03.2.60/0.0/0.0/16_052/0007824 už má projekt content/projects/liberec-apk.md", "the registration number CZ.03.2.60/0.0/0.0/16_052/0007824 is already used by content/projects/liberec-apk.md",
                 fix: "každý projekt má vlastní registrační číslo; sloučte záznamy nebo opravte číslo", "each project has its own number; merge the records or fix the number")
        case .translationUnknown:
            RuleCatalog.rule(.translationUnknown, .error, "translation_of: projekt s adresou „liberec-apkk“ v content/projects/ není", "translation_of: there is no project with the slug \"liberec-apkk\" in content/projects/",
                 fix: "myslíte „liberec-apk“? translation_of je adresa překládaného záznamu téhož druhu", "did you mean \"liberec-apk\"? translation_of is the slug of the translated record of the same kind")
        case .translationLanguage:
            RuleCatalog.rule(.translationLanguage, .error, "překlad je ve stejném jazyce (cs) jako content/projects/liberec-apk.md", "the translation is in the same language (cs) as content/projects/liberec-apk.md",
                 fix: "doplňte jazyk překladu: lang: en", "give the translation's language: lang: en")
        case .translationChain:
            RuleCatalog.rule(.translationChain, .error, "content/projects/liberec-apk-en.md je sám překladem (translation_of: liberec-apk); překlad musí odkazovat na původní záznam", "content/projects/liberec-apk-en.md is itself a translation (translation_of: liberec-apk); a translation must name the original record",
                 fix: "napište translation_of: liberec-apk", "write translation_of: liberec-apk")
        case .translationDuplicate:
            RuleCatalog.rule(.translationDuplicate, .error, "content/projects/liberec-apk.md už má překlad do jazyka en: content/projects/liberec-apk-en.md", "content/projects/liberec-apk.md already has a translation into en: content/projects/liberec-apk-en.md",
                 fix: "ponechte jeden překlad do každého jazyka", "keep one translation per language")
        case .translationRegistration:
            RuleCatalog.rule(.translationRegistration, .error, "překlad má jiné registrační číslo než content/projects/liberec-apk.md", "the translation has another registration number than content/projects/liberec-apk.md",
                 fix: "překlad popisuje týž projekt: opište registrační číslo z původního záznamu", "a translation describes the same project: copy the original's registration number")
        case .periodOrder:
            RuleCatalog.rule(.periodOrder, .error, "konec období (28. 2. 2017) je před jeho začátkem (1. 3. 2018)", "the period ends (28. 2. 2017) before it starts (1. 3. 2018)",
                 fix: "zkontrolujte, zda nejsou data prohozená", "check whether the dates are swapped")
        case .periodDuration:
            RuleCatalog.rule(.periodDuration, .error, "uvedená délka 35 měsíců nesouhlasí s daty 1. 3. 2018 – 28. 2. 2021, která dávají 36 měsíců", "the stated duration of 35 months disagrees with the dates 1. 3. 2018 – 28. 2. 2021, which give 36 months",
                 fix: "opravte duration_months nebo data", "fix duration_months or the dates")
        case .contactEmail:
            RuleCatalog.rule(.contactEmail, .error, "„maturova@magistrat“ není platná e-mailová adresa", "\"maturova@magistrat\" is not a valid e-mail address",
                 fix: "zapište adresu ve tvaru jmeno@domena.cz", "write the address as name@domain.cz")
        case .contactPhone:
            RuleCatalog.rule(.contactPhone, .warning, "„156 linka 2“ nevypadá jako české ani mezinárodní telefonní číslo", "\"156 linka 2\" does not look like a Czech or international phone number",
                 fix: "uveďte devět číslic, případně s +420; poznámky dejte do pole note", "write nine digits, optionally with +420; put notes in the note field")
        case .linkBroken:
            RuleCatalog.rule(.linkBroken, .error, "odkaz na /zpravy/kromeriz/ nevede na žádnou stránku ani soubor portálu", "the link to /zpravy/kromeriz/ leads to no page or file of the portal",
                 fix: "opravte adresu odkazu (nabídne se nejbližší existující)", "fix the link (the nearest existing address is suggested)")
        case .linkTargetFailed:
            RuleCatalog.rule(.linkTargetFailed, .warning, "odkaz na /projekty/liberec-apk/: cíl existuje, ale jeho soubor content/projects/liberec-apk.md má chyby, proto stránka nevznikne",
                 "the link to /projekty/liberec-apk/: the target exists, but its file content/projects/liberec-apk.md has errors, so the page is not made",
                 fix: "opravte chyby v souboru cíle; odkaz pak bude v pořádku", "fix the errors in the target's file; the link is then fine")
        case .linkAnchor:
            RuleCatalog.rule(.linkAnchor, .error, "stránka /projekty/liberec-apk/ nemá kotvu #cile", "the page /projekty/liberec-apk/ has no anchor #cile",
                 fix: "použijte id nadpisu, např. #cile-projektu", "use a heading's id, e.g. #cile-projektu")
        case .linkUnsafe:
            RuleCatalog.rule(.linkUnsafe, .error, "odkaz „javascript:alert(1)“ má nepovolené schéma", "the link \"javascript:alert(1)\" has a scheme that is not allowed",
                 fix: "použijte cestu portálu nebo adresu https://, mailto: či tel:", "use a path of the portal or an https://, mailto: or tel: address")
        case .linkLang:
            RuleCatalog.rule(.linkLang, .error, "„lang:anglicky“ neoznačuje jazyk: za lang: patří kód jazyka, např. en, de, sk nebo en-GB", "\"lang:anglicky\" names no language: lang: takes a language code such as en, de, sk or en-GB",
                 fix: "úsek v jiném jazyce označte [text](lang:en) s kódem jazyka", "mark a passage in another language as [text](lang:en) with a language code")
        case .linkProject:
            RuleCatalog.rule(.linkProject, .error, "projekt „liberec“ v portálu není", "there is no project \"liberec\" in the portal",
                 fix: "uveďte adresu (slug) existujícího projektu", "give the slug of an existing project")
        case .tableUnknown:
            RuleCatalog.rule(.tableUnknown, .error, "tabulka „harmonogram“ není v poli tables", "the table \"harmonogram\" is not in the tables field",
                 fix: "doplňte tabulku do tables nebo opravte id v bloku ```table", "add the table to tables or fix the id in the ```table block")
        case .tableShape:
            RuleCatalog.rule(.tableShape, .error, "řádek má 3 buněk, tabulka má 4 sloupců", "the row has 3 cells, the table has 4 columns",
                 fix: "doplňte chybějící buňky (prázdná buňka je \"\")", "add the missing cells (an empty cell is \"\")")
        case .tableDuplicate:
            RuleCatalog.rule(.tableDuplicate, .error, "tabulka s id „harmonogram“ je uvedena dvakrát", "the table id \"harmonogram\" is used twice",
                 fix: "dejte každé tabulce jiné id", "give each table its own id")
        case .tableId:
            RuleCatalog.rule(.tableId, .error, "id tabulky „Harmonogram 2024“ musí začínat malým písmenem a smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky (nejvýše 64 znaků)",
                 "the table id \"Harmonogram 2024\" must start with a lower-case letter and may only contain lower-case ASCII letters, digits and hyphens (at most 64 characters)",
                 fix: "napište id: harmonogram-2024 (a stejně i v bloku ```table harmonogram-2024)", "write id: harmonogram-2024 (and the same in the ```table harmonogram-2024 block)")
        case .correctionIncomplete:
            RuleCatalog.rule(.correctionIncomplete, .warning, "oprava musí uvést, co bylo zveřejněno (published) a co je správně (correct)", "a correction must state what was published (published) and what is correct (correct)",
                 fix: "doplňte published a correct", "add published and correct")
        case .euGoals:
            RuleCatalog.rule(.euGoals, .warning, "projekt financovaný z EU musí uvádět své cíle", "an EU-funded project must state its aims",
                 fix: "doplňte pole goals nebo oddíl „## Cíle projektu“", "add the goals field or a \"## Cíle projektu\" section")
        case .euResults:
            RuleCatalog.rule(.euResults, .warning, "projekt skončil; měl by uvádět dosažené výsledky", "the project has ended; it should state its results",
                 fix: "doplňte pole results nebo oddíl „## Výsledky“", "add the results field or a \"## Výsledky\" section")
        case .euShare:
            RuleCatalog.rule(.euShare, .warning, "podíl EU 90,00 % je vyšší, než pravidla období 2014–2020 dovolují (85 %; nařízení (EU) č. 1303/2013, čl. 120 odst. 3)", "the EU share of 90,00 % is higher than the 2014–2020 rules allow (85 %; Regulation (EU) No 1303/2013, Art. 120(3))",
                 fix: "zkontrolujte druh (kind) zdrojů a jejich částky", "check the sources' kind and amounts")
        case .staticConflict:
            RuleCatalog.rule(.staticConflict, .error, "soubor by přepsal vygenerovanou stránku /index.html", "the file would overwrite the generated page /index.html",
                 fix: "přejmenujte soubor ve static/", "rename the file in static/")
        case .templateSyntax:
            RuleCatalog.rule(.templateSyntax, .error, "chyba v šabloně: {{/list}} uzavírá jiný oddíl, než je otevřen („item“)", "template error: {{/list}} closes another section than the open one (\"item\")",
                 fix: "opravte značky Mustache v šabloně", "fix the Mustache tags in the template")
        case .templateMissing:
            RuleCatalog.rule(.templateMissing, .error, "šablona „project“ neexistuje", "the template \"project\" does not exist",
                 fix: "obnovte šablonu nebo smažte svou neúplnou náhradu", "restore the template or delete your incomplete override")
        case .themeMissing:
            RuleCatalog.rule(.themeMissing, .error, "vestavěná šablona chybí v instalaci publicita", "the built-in theme is missing from the publicita installation",
                 fix: "přeinstalujte publicita", "reinstall publicita")
        case .themeStrings:
            RuleCatalog.rule(.themeStrings, .error, "překladovou tabulku nelze načíst", "the translation table cannot be loaded",
                 fix: "zkontrolujte soubor strings/<jazyk>.yaml", "check the strings/<language>.yaml file")
        case .outputLocation:
            RuleCatalog.rule(.outputLocation, .error, "výstupní složka nesmí být složkou portálu ani ležet ve zdrojích", "the output folder may not be the portal folder or lie inside its sources",
                 fix: "zvolte jinou výstupní složku (výchozí je site/)", "choose another output folder (the default is site/)")
        case .outputWrite:
            RuleCatalog.rule(.outputWrite, .error, "složka site obsahuje soubory, které nevytvořil publicita; nebude nahrazena", "the folder site holds files publicita did not make; it is not replaced",
                 fix: "zvolte jinou výstupní složku nebo ji vyprázdněte", "choose another output folder or empty it")
        }
    }
}
