import Foundation

/// The portal itself, from `portal.yaml`: title, address, language, publisher
/// and the facts of its accessibility statement.
public struct PortalConfig: Sendable, Hashable {
    /// The portal's title.
    public var title: String
    /// One line about the portal.
    public var description: String?
    /// The address the site is published at, ending in `/`.
    public var baseURL: String?
    /// Whether `base_url` was written but is no usable address (reported already: no
    /// warning follows that it is missing).
    public var baseURLFailed: Bool = false
    /// Whether internal addresses are written relative to their page (``SiteAddress``).
    public var relativeLinks: Bool = false
    /// The UI language.
    public var language: Language
    /// Every language the portal's UI pages are built in (`languages: [cs, en]`): the
    /// portal's ``language`` first, then the others, each with its own set of pages
    /// under its prefix (``Route/inLanguage(_:_:)``).
    public var languages: [Language] = []
    /// Who publishes the portal.
    public var publisher: Publisher
    /// The accessibility statement's facts.
    public var accessibility: Accessibility
    /// Abbreviations the portal uses, explained on every page where they first appear
    /// and listed on the glossary page (together with the reports' abbreviations).
    public var glossary: [Abbreviation] = []
    /// An EU emblem image in `static/` shown on project pages instead of the built-in flag.
    public var euEmblem: EUEmblem?
    /// The RÚIAN code of the municipality the portal's data cover (`ruian`), if given.
    public var ruian: String?
    /// The licence of the portal's open data (`licence` or `license`).
    public var licence: DataLicence = .default

    /// An EU emblem image the portal supplies.
    public struct EUEmblem: Sendable, Hashable {
        /// Its site path (`/loga/eu.svg`).
        public var src: String
        /// Whether the image itself shows the statement ("Spolufinancováno Evropskou unií"):
        /// then the statement is its alternative text; otherwise it is the flag and the
        /// statement is written beside it.
        public var includesStatement: Bool
    }

    /// Who publishes the portal.
    public struct Publisher: Sendable, Hashable {
        /// Name of the publishing body.
        public var name: String
        /// Its website.
        public var url: String?
        /// Its IČO (eight digits, checked), which names it in the open-data catalogue.
        public var ico: String?
        /// An e-mail address for questions about the portal's data (the catalogue's contact point).
        public var email: String?
    }

    /// The facts an accessibility statement under Czech law 99/2019 Sb. needs.
    public struct Accessibility: Sendable, Hashable {
        /// Where to report an accessibility problem.
        public var contactEmail: Located<String>?
        /// A phone number for the same.
        public var contactPhone: String?
        /// When the statement was made.
        public var statementDate: Day?
        /// When it was last reviewed.
        public var reviewDate: Day?
        /// How far the site complies.
        public var status: Status
        /// How compliance was assessed.
        public var method: String?
        /// Content that is not accessible, and why.
        public var nonAccessible: [NonAccessibleItem]

        /// Compliance status as the model statement words it.
        public enum Status: String, Sendable, Hashable, CaseIterable {
            /// Fully compliant.
            case full
            /// Partially compliant.
            case partial
            /// Not compliant.
            case none
        }

        static let fields = PortalConfig.accessibilitySpec.names
    }

    /// One piece of content that is not accessible.
    public struct NonAccessibleItem: Sendable, Hashable {
        /// What it is.
        public var content: String
        /// Why it is not accessible (non-compliance, disproportionate burden, out of scope).
        public var reason: String?
    }

    static let fields = spec.names

    /// Reads `portal.yaml`.
    static func read(from reader: FieldReader) -> PortalConfig {
        reader.rejectUnknownKeys(fields)
        var language = Language.cs
        if let text = reader.locatedString("language") {
            if let parsed = Language(rawValue: text.value.lowercased()) {
                language = parsed
            } else {
                reader.context.report(.error(
                    .yamlType, at: text.location, field: "language",
                    LocalizedText(cs: "nepodporovaný jazyk „\(text.value)“", en: "unsupported language \"\(text.value)\""),
                    expected: Language.allCases.map(\.rawValue).joined(separator: " | "), found: text.value))
            }
        }
        var languages: [Language] = []
        for text in reader.strings("languages") {
            guard let parsed = Language(rawValue: text.lowercased()) else {
                reader.context.report(.error(
                    .yamlType, at: reader.location(of: "languages"), field: "languages",
                    LocalizedText(cs: "nepodporovaný jazyk „\(text)“", en: "unsupported language \"\(text)\""),
                    expected: Language.allCases.map(\.rawValue).joined(separator: " | "), found: text))
                continue
            }
            if !languages.contains(parsed) { languages.append(parsed) }
        }
        // Without `language`, the first of `languages` is the portal's; it always comes first.
        if reader.locatedString("language") == nil, let first = languages.first { language = first }
        languages.removeAll { $0 == language }
        languages.insert(language, at: 0)
        var publisher = Publisher(name: "", url: nil)
        if let pub = reader.mappingReader("publisher", required: true) {
            pub.rejectUnknownKeys(publisherSpec.names)
            var url = pub.locatedString("url")
            if let link = url, !LinkScheme.isAllowed(link.value) || LinkScheme.scheme(of: link.value) == nil {
                pub.context.report(LinkScheme.unsafeLink(link.value, at: link.location, field: "publisher.url"))
                url = nil
            }
            publisher = Publisher(name: pub.string("name", required: true) ?? "", url: url?.value,
                                  ico: readICO(pub), email: pub.string("email"))
        }
        var accessibility = Accessibility(status: .partial, nonAccessible: [])
        if let a11y = reader.mappingReader("accessibility", required: true) {
            a11y.rejectUnknownKeys(Accessibility.fields)
            var status = Accessibility.Status.partial
            if let text = a11y.locatedString("status") {
                if let parsed = Accessibility.Status(rawValue: text.value) {
                    status = parsed
                } else {
                    a11y.context.report(.error(
                        .yamlType, at: text.location, field: "accessibility.status",
                        LocalizedText(cs: "neznámý stav souladu „\(text.value)“", en: "unknown compliance status \"\(text.value)\""),
                        expected: "full | partial | none", found: text.value))
                }
            }
            accessibility = Accessibility(
                contactEmail: a11y.locatedString("contact_email", required: true),
                contactPhone: a11y.string("contact_phone"),
                statementDate: a11y.day("statement_date", required: true)?.value,
                reviewDate: a11y.day("review_date")?.value,
                status: status,
                method: a11y.string("method"),
                nonAccessible: a11y.mappings("non_accessible").compactMap { item in
                    item.rejectUnknownKeys(nonAccessibleSpec.names)
                    guard let content = item.string("content", required: true) else { return nil }
                    return NonAccessibleItem(content: content, reason: item.string("reason"))
                })
        }
        var baseURL: String?
        if let url = reader.locatedString("base_url") {
            switch BaseURL.parse(url.value) {
            case .success(let parsed): baseURL = parsed
            case .failure(let problem): reader.context.report(problem.diagnostic(at: url.location, found: url.value))
            }
        }
        let baseURLFailed = baseURL == nil && reader.locatedString("base_url") != nil
        var euEmblem: EUEmblem?
        if let emblem = reader.mappingReader("eu_emblem") {
            emblem.rejectUnknownKeys(euEmblemSpec.names)
            if let src = emblem.locatedString("src", required: true) {
                if src.value.hasPrefix("/"), !src.value.hasPrefix("//"), LinkScheme.isAllowed(src.value) {
                    euEmblem = EUEmblem(src: src.value, includesStatement: emblem.bool("includes_statement") ?? false)
                } else {
                    emblem.context.report(.error(
                        .linkUnsafe, at: src.location, field: "eu_emblem.src",
                        LocalizedText(cs: "eu_emblem.src musí být cesta k souboru ve static/, např. /loga/eu.svg",
                                      en: "eu_emblem.src must be the path of a file in static/, e.g. /loga/eu.svg"),
                        expected: "/loga/eu.svg", found: src.value))
                }
            }
        }
        var config = PortalConfig(
            title: reader.string("title", required: true) ?? "",
            description: reader.string("description"),
            baseURL: baseURL,
            baseURLFailed: baseURLFailed,
            relativeLinks: reader.bool("relative_links") ?? false,
            language: language,
            languages: languages,
            publisher: publisher,
            accessibility: accessibility,
            glossary: reader.mappings("glossary").compactMap(Abbreviation.read),
            euEmblem: euEmblem)
        config.ruian = readRUIAN(reader)
        config.licence = readLicence(reader) ?? .default
        return config
    }

    /// `publisher.ico`, checked: eight digits with the check digit (`portal.ico`).
    private static func readICO(_ reader: FieldReader) -> String? {
        guard let text = reader.locatedString("ico") else { return nil }
        switch ICO.parse(text.value) {
        case .success(let ico): return ico
        case .failure(.shape):
            reader.context.report(.error(
                .portalIco, at: text.location, field: "publisher.ico",
                LocalizedText(cs: "IČO „\(text.value)“ nemá osm číslic", en: "the IČO \"\(text.value)\" does not have eight digits"),
                expected: "00262978", found: text.value,
                suggestion: LocalizedText(cs: "opište IČO vydavatele z registru ARES (ares.gov.cz), osm číslic včetně úvodních nul",
                                          en: "copy the publisher's IČO from the ARES register (ares.gov.cz): eight digits, leading zeros included")))
        case .failure(.checksum(let expected)):
            reader.context.report(.error(
                .portalIco, at: text.location, field: "publisher.ico",
                LocalizedText(cs: "IČO „\(text.value)“ nemá správnou kontrolní číslici: poslední číslice by musela být \(expected); nejspíš je v něm překlep",
                              en: "the IČO \"\(text.value)\" fails its check digit: the last digit would have to be \(expected); it probably has a typo"),
                expected: "00262978", found: text.value,
                suggestion: LocalizedText(cs: "opište IČO vydavatele znovu z registru ARES (ares.gov.cz)",
                                          en: "copy the publisher's IČO again from the ARES register (ares.gov.cz)")))
        }
        return nil
    }

    /// `ruian`: the RÚIAN code of a municipality, six digits (`portal.ruian`).
    private static func readRUIAN(_ reader: FieldReader) -> String? {
        guard let text = reader.locatedString("ruian") else { return nil }
        let code = text.value.trimmingCharacters(in: .whitespaces)
        if code.count == 6, code.allSatisfy({ $0.isASCII && $0.isNumber }) { return code }
        reader.context.report(.error(
            .portalRuian, at: text.location, field: "ruian",
            LocalizedText(cs: "kód obce z RÚIAN „\(text.value)“ nemá šest číslic",
                          en: "the RÚIAN municipality code \"\(text.value)\" does not have six digits"),
            expected: "563889", found: text.value,
            suggestion: LocalizedText(cs: "napište kód obce z RÚIAN (např. Liberec: ruian: 563889); najdete ho ve Veřejném dálkovém přístupu RÚIAN (vdp.cuzk.cz)",
                                      en: "write the municipality's RÚIAN code (e.g. Liberec: ruian: 563889); the RÚIAN public access (vdp.cuzk.cz) lists it")))
        return nil
    }

    /// `licence` (or `license`): the data's licence (`portal.licence`).
    private static func readLicence(_ reader: FieldReader) -> DataLicence? {
        guard let text = reader.locatedString("licence") ?? reader.locatedString("license") else { return nil }
        if let licence = DataLicence.parse(text.value) { return licence }
        let known = DataLicence.allCases.map(\.identifier)
        reader.context.report(.error(
            .portalLicence, at: text.location, field: "licence",
            LocalizedText(cs: "neznámá licence dat „\(text.value)“", en: "unknown data licence \"\(text.value)\""),
            expected: known.joined(separator: " | "), found: text.value,
            suggestion: NearestName.find(for: text.value, among: known).map {
                LocalizedText(cs: "napište licence: \($0)", en: "write licence: \($0)")
            } ?? LocalizedText(cs: "napište licence: CC-BY-4.0 (výchozí), CC-BY-SA-4.0 nebo CC0-1.0",
                               en: "write licence: CC-BY-4.0 (the default), CC-BY-SA-4.0 or CC0-1.0")))
        return nil
    }
}
