/// The list of operations' CSV described for machines, from the same column specs
/// (``OpenData/columns``) the CSV is written from, so the descriptions cannot drift
/// from the file:
///
/// - `/data/datapackage.json`: a Frictionless Data Package with the CSV as its one
///   tabular resource and a Table Schema (types, `decimalChar`, the primary key);
/// - `/data/projekty.csv-metadata.json`: W3C CSVW metadata, named after the CSV so
///   that a CSVW processor finds it beside the file.
///
/// Both point at the CSV by a relative path (they lie beside it) and state the
/// data's licence.
enum TableMetadata {
    /// The CSV's name relative to the metadata files beside it.
    static let csvFileName = "projekty.csv"

    /// The primary key: `registration_number` when every listed project has one and
    /// no two share it (the usual case), else `slug`, which is unique on every portal.
    static func primaryKey(_ site: Site) -> String {
        // By the numbers' hashes first: distinct hashes are distinct numbers. Two equal
        // hashes may still be two numbers, which their texts tell.
        var hashes: Set<UInt64> = []
        hashes.reserveCapacity(site.listedProjects.count)
        for index in site.listedProjects {
            guard let hash = site.portal.projects[index].figures.registrationKeyHash else { return "slug" }
            guard hashes.insert(hash).inserted else { return numbersAreDistinct(site) ? "registration_number" : "slug" }
        }
        return "registration_number"
    }

    /// Whether every listed project has a registration number and no two share one.
    private static func numbersAreDistinct(_ site: Site) -> Bool {
        var seen: Set<String> = []
        for index in site.listedProjects {
            guard let number = site.portal.projects[index].registrationNumber?.value,
                  seen.insert(RegistrationNumber.standardForm(of: number)).inserted else { return false }
        }
        return true
    }

    /// `/data/datapackage.json`.
    static func dataPackage(_ site: Site, strings: Strings) -> String {
        let config = site.portal.config
        let key = primaryKey(site)
        let hasBase = config.baseURL != nil
        let fields: [JSONValue] = OpenData.columns.map { column in
            var members: [(String, JSONValue)] = [
                ("name", .string(column.name)),
                ("description", .string(strings["data_col_\(column.name)"])),
            ]
            switch column.type {
            case .text: members.append(("type", .string("string")))
            case .date: members.append(("type", .string("date")))
            case .decimal:
                members.append(("type", .string("number")))
                members.append(("decimalChar", .string(".")))
                members.append(("bareNumber", .bool(true)))
            case .boolean:
                members.append(("type", .string("boolean")))
                members.append(("trueValues", .array([.string("true")])))
                members.append(("falseValues", .array([.string("false")])))
            case .address:
                members.append(("type", .string("string")))
                // Without a base_url the addresses are paths, which are no URIs.
                if hasBase { members.append(("format", .string("uri"))) }
            }
            if column.name == key { members.append(("constraints", .object([("required", .bool(true)), ("unique", .bool(true))]))) }
            return .object(members)
        }
        let licence = config.licence
        var package: [(String, JSONValue)] = [
            ("profile", .string("tabular-data-package")),
            ("name", .string("projekty")),
            ("title", .string(strings["open_data_csv"] + " – " + config.title)),
        ]
        if let description = config.description { package.append(("description", .string(description))) }
        if hasBase { package.append(("homepage", .string(site.absoluteURL(Route.openData)))) }
        package.append(("licenses", .array([licenceObject(licence)])))
        package.append(("contributors", .array([.object([("title", .string(config.publisher.name)), ("role", .string("publisher"))])])))
        package.append(("resources", .array([.object([
            ("name", .string("projekty")),
            ("path", .string(csvFileName)),
            ("profile", .string("tabular-data-resource")),
            ("format", .string("csv")),
            ("mediatype", .string("text/csv")),
            ("encoding", .string("utf-8")),
            ("licenses", .array([licenceObject(licence)])),
            ("dialect", .object([
                ("delimiter", .string(",")),
                ("lineTerminator", .string("\r\n")),
                ("quoteChar", .string("\"")),
                ("doubleQuote", .bool(true)),
                ("header", .bool(true)),
            ])),
            ("schema", .object([
                ("fields", .array(fields)),
                ("missingValues", .array([.string("")])),
                ("primaryKey", .array([.string(key)])),
            ])),
        ])])))
        return JSONValue.object(package).rendered()
    }

    /// A Data Package licence: its SPDX name, address and title.
    private static func licenceObject(_ licence: DataLicence) -> JSONValue {
        .object([("name", .string(licence.identifier)), ("path", .string(licence.url)), ("title", .string(licence.title))])
    }

    /// `/data/projekty.csv-metadata.json`.
    static func csvMetadata(_ site: Site, strings: Strings) -> String {
        let config = site.portal.config
        let key = primaryKey(site)
        let columns: [JSONValue] = OpenData.columns.map { column in
            var members: [(String, JSONValue)] = [
                ("name", .string(column.name)),
                ("titles", .string(column.name)),
                ("dc:description", .string(strings["data_col_\(column.name)"])),
            ]
            switch column.type {
            case .text: members.append(("datatype", .string("string")))
            case .date: members.append(("datatype", .string("date")))
            case .decimal: members.append(("datatype", .object([("base", .string("decimal")), ("format", .object([("decimalChar", .string("."))]))])))
            case .boolean: members.append(("datatype", .object([("base", .string("boolean")), ("format", .string("true|false"))])))
            case .address: members.append(("datatype", .string(config.baseURL == nil ? "string" : "anyURI")))
            }
            if column.name == key { members.append(("required", .bool(true))) }
            return .object(members)
        }
        var metadata: [(String, JSONValue)] = [
            ("@context", .array([.string("http://www.w3.org/ns/csvw"), .object([("@language", .string(config.language.rawValue))])])),
            ("url", .string(csvFileName)),
            ("dc:title", .string(strings["open_data_csv"] + " – " + config.title)),
            ("dc:publisher", .string(config.publisher.name)),
            ("dc:license", .object([("@id", .string(config.licence.url))])),
        ]
        if site.address.baseURL != nil {
            metadata.append(("dcat:landingPage", .object([("@id", .string(site.absoluteURL(Route.openData)))])))
        }
        metadata.append(("dialect", .object([
            ("encoding", .string("utf-8")),
            ("header", .bool(true)),
            ("delimiter", .string(",")),
            ("doubleQuote", .bool(true)),
            ("lineTerminators", .array([.string("\r\n")])),
        ])))
        metadata.append(("tableSchema", .object([
            ("columns", .array(columns)),
            ("primaryKey", .string(key)),
        ])))
        return JSONValue.object(metadata).rendered()
    }
}
