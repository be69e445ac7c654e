import Foundation

/// The portal's local open-data catalogue, as the Czech open formal standard
/// "DCAT-AP-CZ: Rozhraní katalogů otevřených dat" (ofn.gov.cz, 2024-05-28) describes
/// its file variant ("DCAT-AP Dokumenty"), which the national catalogue (NKOD)
/// harvests without any server:
///
/// - `/data/katalog.jsonld`: the catalogue, naming the dataset records by address;
/// - `/data/katalog/projekty.jsonld`: the record of the one dataset, the list of
///   operations, with its CSV and JSON distributions.
///
/// Both are JSON-LD with the standard's published context; their identifiers are
/// absolute addresses (the standard allows no blank nodes), so they exist only for a
/// portal with a `base_url`. Without `publisher.ico` the publisher is left out and
/// `catalog.publisher` warns: NKOD names publishers by the identifier made from it.
enum Catalog {
    /// The standard's JSON-LD context, which its JSON Schemas require by this address.
    static let context = "https://ofn.gov.cz/dcat-ap-cz-rozhraní-katalogů-otevřených-dat/2024-05-28/kontexty/rozhraní-katalogů-otevřených-dat.jsonld"

    /// EU data themes: government and public sector, regions and cities.
    static let themes = ["GOVE", "REGI"].map { "http://publications.europa.eu/resource/authority/data-theme/\($0)" }
    /// EuroVoc domains: 10 European Union, 24 Finance.
    static let euroVoc = ["100144", "100148"].map { "http://eurovoc.europa.eu/\($0)" }
    /// Regulation (EU) 2021/1060, whose Art. 49(3) asks for the list of operations.
    static let legislation = "http://data.europa.eu/eli/reg/2021/1060/oj"
    /// The portal is rebuilt whenever a record changes: no fixed period.
    static let periodicity = "http://publications.europa.eu/resource/authority/frequency/IRREG"
    /// The list of operations names organisations and projects, no natural persons' contacts
    /// (those are in the per-project files, which are no distribution of the dataset).
    static let personalData = "https://data.gov.cz/podmínky-užití/neobsahuje-osobní-údaje/"

    /// A distribution of the dataset: one of the list's files.
    struct Distribution {
        var id: String
        var path: String
        var fileType: String
        var mediaType: String
        var titleKey: String
        var schema: String?
    }

    /// The dataset's distributions: the CSV (described by its CSVW metadata) and the JSON list.
    static let distributions = [
        Distribution(id: "csv", path: Route.projectsCSV, fileType: "CSV", mediaType: "text/csv", titleKey: "open_data_csv",
                     schema: Route.csvMetadata),
        Distribution(id: "json", path: Route.projectsJSON, fileType: "JSON", mediaType: "application/json", titleKey: "open_data_json",
                     schema: nil),
    ]

    // MARK: Records

    /// `/data/katalog.jsonld`.
    static func catalog(_ site: Site, localized: (Language) -> Strings) -> String {
        let config = site.portal.config
        var members: [(String, JSONValue)] = [
            ("@context", .string(context)),
            ("iri", .string(url(Route.catalog, site))),
            ("typ", .string("Katalog")),
            ("název", text("catalog_title", localized, suffix: " – " + config.title)),
            ("popis", text("catalog_description", localized, suffix: " " + config.title + ".")),
        ]
        if let ico = config.publisher.ico { members.append(("poskytovatel", .string(ICO.publisherIRI(ico)))) }
        if let contact = contactPoint(config) { members.append(("kontaktní_bod", contact)) }
        members.append(("domovská_stránka", .string(url(Route.home, site))))
        members.append(("datová_sada", .array([.string(url(Route.catalogDataset, site))])))
        return JSONValue.object(members).rendered()
    }

    /// `/data/katalog/projekty.jsonld`.
    static func dataset(_ site: Site, localized: (Language) -> Strings) -> String {
        let config = site.portal.config
        let iri = url(Route.catalogDataset, site)
        var members: [(String, JSONValue)] = [
            ("@context", .string(context)),
            ("iri", .string(iri)),
            ("typ", .string("Datová sada")),
            ("název", text("catalog_dataset_title", localized, suffix: " – " + config.title)),
            ("popis", text("catalog_dataset_description", localized)),
        ]
        if let ico = config.publisher.ico { members.append(("poskytovatel", .string(ICO.publisherIRI(ico)))) }
        members.append(("téma", .array(themes.map(JSONValue.string))))
        members.append(("periodicita_aktualizace", .string(periodicity)))
        members.append(("klíčové_slovo", keywords(site, localized)))
        members.append(("prvek_rúian", .array([.string(spatial(config))])))
        if let temporal = temporalCoverage(site) { members.append(("časové_pokrytí", temporal)) }
        if let contact = contactPoint(config) { members.append(("kontaktní_bod", contact)) }
        members.append(("dokumentace", .string(url(Route.openData, site))))
        members.append(("koncept_euroVoc", .array(euroVoc.map(JSONValue.string))))
        members.append(("právní_předpis", .array([.string(legislation)])))
        members.append(("distribuce", .array(distributions.map { distribution($0, dataset: iri, site: site, localized: localized) })))
        return JSONValue.object(members).rendered()
    }

    /// One distribution: its file's address (to access and to download), format, media
    /// type, schema and the terms of use.
    static func distribution(_ item: Distribution, dataset: String, site: Site, localized: (Language) -> Strings) -> JSONValue {
        let file = url(item.path, site)
        var members: [(String, JSONValue)] = [
            ("iri", .string(dataset + "#distribuce-" + item.id)),
            ("typ", .string("Distribuce")),
            ("podmínky_užití", termsOfUse(site.portal.config)),
            ("přístupové_url", .string(file)),
            ("soubor_ke_stažení", .string(file)),
            ("formát", .string("http://publications.europa.eu/resource/authority/file-type/\(item.fileType)")),
            ("typ_média", .string("http://www.iana.org/assignments/media-types/\(item.mediaType)")),
        ]
        if let schema = item.schema { members.append(("schéma", .string(url(schema, site)))) }
        members.append(("název", text(item.titleKey, localized)))
        return .object(members)
    }

    /// The terms of use ("podmínky užití"): the data's licence for the texts in them, for
    /// the database as a work and for its maker's special right, the publisher as the
    /// author of both, and no personal data.
    static func termsOfUse(_ config: PortalConfig) -> JSONValue {
        let licence = config.licence.url
        let author = JSONValue.object([(config.language.rawValue, .string(config.publisher.name))])
        return .object([
            ("typ", .string("Specifikace podmínek užití")),
            ("autorské_dílo", .string(licence)),
            ("autor", author),
            ("databáze_jako_autorské_dílo", .string(licence)),
            ("autor_databáze", author),
            ("databáze_chráněná_zvláštními_právy", .string(licence)),
            ("osobní_údaje", .string(personalData)),
        ])
    }

    // MARK: Values

    /// The absolute address of a site path (the catalogue exists only with a `base_url`).
    static func url(_ path: String, _ site: Site) -> String { site.absoluteURL(path) }

    /// A text in Czech and English from the strings `key` (with `suffix` after each).
    static func text(_ key: String, _ localized: (Language) -> Strings, suffix: String = "") -> JSONValue {
        .object([Language.cs, .en].map { ($0.rawValue, .string(localized($0)[key] + suffix)) })
    }

    /// The keywords in both languages; the Czech ones also name the portal's cities.
    static func keywords(_ site: Site, _ localized: (Language) -> Strings) -> JSONValue {
        func words(_ language: Language) -> [String] {
            localized(language)["catalog_keywords"].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let cities = site.cities.map(\.name)
        return .object([
            ("cs", .array((words(.cs) + cities).map(JSONValue.string))),
            ("en", .array(words(.en).map(JSONValue.string))),
        ])
    }

    /// The RÚIAN element the data cover: the portal's municipality, else the Czech Republic.
    static func spatial(_ config: PortalConfig) -> String {
        config.ruian.map { "https://linked.cuzk.cz/resource/ruian/obec/\($0)" } ?? "https://linked.cuzk.cz/resource/ruian/stat/1"
    }

    /// From the first listed project's start to the last one's end, when they are known.
    static func temporalCoverage(_ site: Site) -> JSONValue? {
        var start: Day?, end: Day?
        // Field by field: a record or period copied out of the list retains all its fields.
        for index in site.listedProjects {
            if let day = site.portal.projects[index].period?.start?.value, start.map({ day < $0 }) ?? true { start = day }
            if let day = site.portal.projects[index].period?.end?.value, end.map({ day > $0 }) ?? true { end = day }
        }
        guard start != nil || end != nil else { return nil }
        var members: [(String, JSONValue)] = [("typ", .string("Časový interval"))]
        if let start { members.append(("začátek", .string(start.iso))) }
        if let end { members.append(("konec", .string(end.iso))) }
        return .object(members)
    }

    /// The contact point: the publisher, with `publisher.email` or else the accessibility contact.
    static func contactPoint(_ config: PortalConfig) -> JSONValue? {
        var members: [(String, JSONValue)] = [
            ("typ", .string("Organizace")),
            ("jméno", .object([(config.language.rawValue, .string(config.publisher.name))])),
        ]
        if let email = config.publisher.email ?? config.accessibility.contactEmail?.value {
            let address = email.hasPrefix("mailto:") ? String(email.dropFirst(7)) : email
            members.append(("e-mail", .string("mailto:" + address)))
        }
        return .object(members)
    }
}
