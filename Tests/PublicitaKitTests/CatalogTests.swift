import Foundation
import Testing
@testable import PublicitaKit

/// The machine descriptions of the open data: the DCAT-AP-CZ catalogue NKOD harvests
/// (`/data/katalog.jsonld`, `/data/katalog/projekty.jsonld`), the Frictionless Data
/// Package and the CSVW metadata of the CSV, the data licence, and the `portal.yaml`
/// fields they come from (`publisher.ico`, `ruian`, `licence`).
@Suite("Open-data catalogue and table metadata")
struct CatalogTests {
    /// Liberec's real IČO and RÚIAN municipality code: a fixture that looks like a city's portal.
    static let ico = "00262978", ruian = "563889"

    /// The minimal portal without its (made-up) IČO.
    static var minimalWithoutICO: String {
        get throws { try edited(TestPortal.minimalPortalYAML, replacing: "  ico: \"12345679\"\n", with: "") }
    }

    // MARK: portal.yaml

    @Test("An IČO passes only with its mod-11 check digit; a short one gets its leading zeros")
    func icoCheckDigit() {
        #expect(ICO.parse("00262978") == .success("00262978"))  // Statutární město Liberec
        #expect(ICO.parse("66003008") == .success("66003008"))  // Ministerstvo dopravy
        #expect(ICO.parse("262978") == .success("00262978"))
        #expect(ICO.parse("002 62 978") == .success("00262978"))
        #expect(ICO.parse("00262977") == .failure(.checksum(expected: 8)))
        #expect(ICO.parse("66003001") == .failure(.checksum(expected: 8)))
        #expect(ICO.parse("0026297a") == .failure(.shape))
        #expect(ICO.parse("002629781") == .failure(.shape))
        #expect(ICO.parse("") == .failure(.shape))
        // Remainders 0 and 1 give the check digits 1 and 0.
        #expect(ICO.checkDigit([0, 0, 0, 0, 0, 1, 1]) == 6)
        #expect(ICO.checkDigit([0, 0, 0, 0, 0, 0, 0]) == 1)
        #expect(ICO.checkDigit([0, 0, 0, 0, 0, 0, 6]) == 0)
    }

    struct BadField: Sendable, CustomTestStringConvertible {
        var line: String
        var rule: RuleID
        var fix: String
        var testDescription: String { line }
    }

    @Test("A wrong IČO, RÚIAN code or licence is an error on its line, with a fix", arguments: [
        BadField(line: "  ico: \"00262977\"", rule: RuleID.portalIco, fix: "ARES"),
        BadField(line: "  ico: 2629-78", rule: RuleID.portalIco, fix: "ARES"),
        BadField(line: "ruian: \"56388\"", rule: RuleID.portalRuian, fix: "ruian: 563889"),
        BadField(line: "licence: CC-BY-40", rule: RuleID.portalLicence, fix: "licence: CC-BY-4.0"),
    ])
    func badPortalField(_ bad: BadField) throws {
        let base = try Self.minimalWithoutICO
        let yaml = try edited(base, replacing: "accessibility:", with: bad.line + "\naccessibility:")
        let yamlWithPublisherField = bad.line.hasPrefix("  ")
            ? try edited(base, replacing: "  url: https://www.test.example.cz/\n",
                         with: "  url: https://www.test.example.cz/\n" + bad.line + "\n")
            : yaml
        let portal = try TestPortal(files: ["portal.yaml": yamlWithPublisherField,
                                            "content/projects/testovaci-projekt.md": TestPortal.minimalProject])
        let outcome = portal.check()
        let found = outcome.diagnostics(bad.rule)
        #expect(found.count == 1, "\(outcome.summary)")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.severity == .error)
        let key = bad.line.trimmingCharacters(in: .whitespaces).prefix { $0 != ":" }
        #expect(diagnostic.location.line == lineNumber(ofLineStartingWith: key + ":", in: yamlWithPublisherField))
        #expect(diagnostic.suggestion?.cs.contains(bad.fix) == true || diagnostic.suggestion?.en.contains(bad.fix) == true,
                "\(String(describing: diagnostic.suggestion))")
        #expect(RuleCatalog.all.contains { $0.id == bad.rule })
    }

    @Test("Without an IČO the catalogue omits the publisher and catalog.publisher warns; without base_url there is no catalogue")
    func publisherWarning() throws {
        let project = ["content/projects/testovaci-projekt.md": TestPortal.minimalProject]
        let withoutICO = try TestPortal(files: ["portal.yaml": Self.minimalWithoutICO].merging(project) { $1 })
        let warned = withoutICO.build()
        #expect(warned.diagnostics.map(\.rule) == [RuleID.catalogPublisher], "\(warned.summary)")
        #expect(warned.diagnostics.first?.severity == .warning)
        let catalog = try Self.json(withoutICO.page("data/katalog.jsonld"))
        #expect(catalog["poskytovatel"] == nil)
        #expect(try withoutICO.page("data/index.html").contains("publisher.ico"))

        let withICO = try TestPortal(files: ["portal.yaml": Self.portalYAML(Self.minimalWithoutICO)].merging(project) { $1 })
        let clean = withICO.build()
        #expect(clean.diagnostics.isEmpty, "\(clean.summary)")
        #expect(try Self.json(withICO.page("data/katalog.jsonld"))["poskytovatel"] as? String == ICO.publisherIRI(Self.ico))
        #expect(try !withICO.page("data/index.html").contains("publisher.ico"))

        let noBase = try edited(Self.minimalWithoutICO, replacing: "base_url: https://test.example.cz/\n", with: "")
        let withoutBase = try TestPortal(files: ["portal.yaml": noBase].merging(project) { $1 })
        let outcome = withoutBase.build()
        #expect(outcome.diagnostics.map(\.rule) == [RuleID.portalBaseUrl], "\(outcome.summary)")
        let files = relativeFiles(in: withoutBase.output)
        #expect(!files.contains("data/katalog.jsonld") && !files.contains("data/katalog/projekty.jsonld"))
        #expect(files.contains("data/datapackage.json") && files.contains("data/projekty.csv-metadata.json"))
        let page = try withoutBase.page("data/index.html")
        #expect(!page.contains("katalog.jsonld"))
        #expect(page.contains("katalog otevřených dat se nevytvářejí"))
    }

    // MARK: The example portal

    @Test("The example portal's catalogue: publisher, municipality, the standard's context, links from the data page")
    func exampleCatalogue() throws {
        let portal = try Self.examplePortal()
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        #expect(outcome.diagnostics(RuleID.catalogPublisher).isEmpty)
        let catalog = try Self.json(portal.page("data/katalog.jsonld"))
        #expect(catalog["@context"] as? String == Catalog.context)
        #expect(catalog["iri"] as? String == "https://projekty-prevence.example.cz/data/katalog.jsonld")
        #expect(catalog["poskytovatel"] as? String == "https://rpp-opendata.egon.gov.cz/odrpp/zdroj/orgán-veřejné-moci/00262978")
        #expect(catalog["datová_sada"] as? [String] == ["https://projekty-prevence.example.cz/data/katalog/projekty.jsonld"])
        let dataset = try Self.json(portal.page("data/katalog/projekty.jsonld"))
        #expect(dataset["prvek_rúian"] as? [String] == ["https://linked.cuzk.cz/resource/ruian/obec/563889"])
        let titles = try #require(dataset["název"] as? [String: String])
        #expect(titles["cs"]?.hasSuffix("Projekty prevence kriminality") == true && titles["en"]?.hasPrefix("List of projects") == true)
        // The time span of the listed projects: the earliest start, the latest end.
        let records = try #require(ContentLoader.load(portalAt: portal.root).0).projects.filter { $0.source.translationOf == nil }
        let temporal = try #require(dataset["časové_pokrytí"] as? [String: Any])
        #expect(temporal["začátek"] as? String == records.compactMap { $0.period?.start?.value }.min()?.iso)
        #expect(temporal["konec"] as? String == records.compactMap { $0.period?.end?.value }.max()?.iso)
        let keywords = try #require(dataset["klíčové_slovo"] as? [String: [String]])
        #expect(keywords["cs"]?.contains("Liberec") == true && keywords["en"]?.isEmpty == false)

        let page = try portal.page("data/index.html")
        #expect(page.contains("<link rel=\"alternate\" type=\"application/ld+json\" title=\"Katalog otevřených dat\" href=\"/data/katalog.jsonld\">"))
        #expect(page.contains("href=\"/data/datapackage.json\"") && page.contains("href=\"/data/projekty.csv-metadata.json\""))
        // Only the data page links the catalogue from its head.
        #expect(try !portal.page("index.html").contains("application/ld+json\" title=\"Katalog"))
    }

    @Test("Every address of the catalogue resolves to a file of the generated site, at the root and under a base path",
          arguments: ["https://projekty-prevence.example.cz/", "https://mesto.example.cz/portal/"])
    func catalogueAddressesResolve(_ baseURL: String) throws {
        let portal = try Self.examplePortal(baseURL: baseURL)
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let addresses = try Self.catalogueAddresses(portal.output, baseURL: baseURL)
        // The two records, the home and data pages, two files to download (each also the access
        // URL), the CSV's schema.
        #expect(addresses.count >= 8, "\(addresses)")
        for address in addresses {
            let path = String(address.dropFirst(baseURL.count))
            let file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
            #expect(FileManager.default.fileExists(atPath: portal.output.appendingPathComponent(file).path), "\(address) → \(file)")
        }
        let dataset = try Self.json(portal.page("data/katalog/projekty.jsonld"))
        let downloads = (dataset["distribuce"] as? [[String: Any]] ?? []).compactMap { $0["soubor_ke_stažení"] as? String }
        #expect(downloads == [baseURL + "data/projekty.csv", baseURL + "data/projekty.json"])
    }

    @Test("The catalogue validates against the standard's JSON Schema and context: the example, a generated corpus, and the example as committed",
          .enabled(if: DataTools.enabled, DataTools.skipMessage))
    func catalogueValidates() throws {
        let example = try Self.examplePortal()
        #expect(!example.build().failed)
        #expect(try DataTools.catalogueErrors(site: example.output, baseURL: "https://projekty-prevence.example.cz/")
                == ["data/katalog.jsonld": [], "data/katalog/projekty.jsonld": []])

        try withTemporaryDirectory { (folder: URL) throws in
            let corpus = folder.appendingPathComponent("corpus"), site = folder.appendingPathComponent("site")
            try generateCorpus(projects: 60, into: corpus)
            let outcome = runBuilder(portal: corpus, output: site)
            #expect(outcome.diagnostics.isEmpty, "\(outcome.summary)")
            #expect(try DataTools.catalogueErrors(site: site, baseURL: "https://projekty.example.cz/")
                    == ["data/katalog.jsonld": [], "data/katalog/projekty.jsonld": []])
            #expect(try DataTools.frictionless(site.appendingPathComponent("data/datapackage.json")).valid)
            #expect(try DataTools.csvw(site.appendingPathComponent("data/projekty.csv-metadata.json")).valid)
        }

        // As committed, the example has no IČO: the publisher is all the records miss.
        try withTemporaryDirectory { (site: URL) throws in
            #expect(!Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: site, today: testToday)).failed)
            let missing = ["(root): 'poskytovatel' is a required property"]
            #expect(try DataTools.catalogueErrors(site: site, baseURL: "https://projekty-prevence.example.cz/")
                    == ["data/katalog.jsonld": missing, "data/katalog/projekty.jsonld": missing])
        }
    }

    @Test("A record that breaks the standard fails its validation (the check can fail)", .enabled(if: DataTools.enabled, DataTools.skipMessage))
    func brokenCatalogueFails() throws {
        let portal = try Self.examplePortal()
        #expect(!portal.build().failed)
        let path = portal.output.appendingPathComponent("data/katalog/projekty.jsonld")
        let text = try String(contentsOf: path, encoding: .utf8)
        try Data(edited(text, replacing: "\"typ\": \"Datová sada\"", with: "\"typ\": \"Dataset\"").utf8).write(to: path)
        let errors = try DataTools.catalogueErrors(site: portal.output, baseURL: "https://projekty-prevence.example.cz/")
        #expect(errors["data/katalog/projekty.jsonld"]?.contains { $0.contains("Dataset") } == true, "\(errors)")
    }

    // MARK: Table metadata

    @Test("frictionless validate and csvwvalidate pass for the example's CSV and fail for one that breaks its schema",
          .enabled(if: DataTools.enabled, DataTools.skipMessage))
    func frictionlessValidates() throws {
        try withTemporaryDirectory { (site: URL) throws in
            #expect(!Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: site, today: testToday)).failed)
            let package = site.appendingPathComponent("data/datapackage.json")
            let metadata = site.appendingPathComponent("data/projekty.csv-metadata.json")
            let good = try DataTools.frictionless(package)
            #expect(good.valid, "\(good.output)")
            let goodCSVW = try DataTools.csvw(metadata)
            #expect(goodCSVW.valid, "\(goodCSVW.output)")
            // A decimal comma where the schema says decimalChar ".".
            let csv = site.appendingPathComponent("data/projekty.csv")
            let text = try String(contentsOf: csv, encoding: .utf8)
            try Data(edited(text, replacing: ",4485600.00,", with: ",\"4485600,00\",").utf8).write(to: csv)
            let bad = try DataTools.frictionless(package)
            #expect(!bad.valid && bad.output.contains("type-error"), "\(bad.output)")
            let badCSVW = try DataTools.csvw(metadata)
            #expect(!badCSVW.valid && badCSVW.output.contains("4485600,00"), "\(badCSVW.output)")
        }
    }

    @Test("The Data Package, the CSVW metadata and the CSV header name the same columns, with one licence everywhere")
    func metadataMatchesTheCSV() throws {
        let portal = try Self.examplePortal(extra: "licence: CC0-1.0\n")
        #expect(!portal.build().failed)
        let csv = try portal.page("data/projekty.csv")
        // The first line, without the byte order mark (which String may keep or drop).
        let firstLine = try #require(csv.components(separatedBy: "\r\n").first)
        let header = firstLine.drop { $0 == "\u{FEFF}" }.split(separator: ",").map(String.init)
        #expect(header == OpenData.columns.map(\.name))
        let package = try Self.json(portal.page("data/datapackage.json"))
        let resource = try #require((package["resources"] as? [[String: Any]])?.first)
        #expect(resource["path"] as? String == "projekty.csv")
        let schema = try #require(resource["schema"] as? [String: Any])
        let fields = try #require(schema["fields"] as? [[String: Any]])
        #expect(fields.compactMap { $0["name"] as? String } == header)
        #expect(schema["primaryKey"] as? [String] == ["registration_number"])
        let total = try #require(fields.first { $0["name"] as? String == "total_cost" })
        #expect(total["type"] as? String == "number" && total["decimalChar"] as? String == ".")
        #expect(fields.first { $0["name"] as? String == "start_date" }?["type"] as? String == "date")
        let csvw = try Self.json(portal.page("data/projekty.csv-metadata.json"))
        #expect(csvw["url"] as? String == "projekty.csv")
        let columns = try #require((csvw["tableSchema"] as? [String: Any])?["columns"] as? [[String: Any]])
        #expect(columns.compactMap { $0["name"] as? String } == header)

        let cc0 = DataLicence.cc010.url
        #expect((package["licenses"] as? [[String: Any]])?.first?["path"] as? String == cc0)
        #expect((csvw["dc:license"] as? [String: Any])?["@id"] as? String == cc0)
        let dataset = try Self.json(portal.page("data/katalog/projekty.jsonld"))
        for distribution in dataset["distribuce"] as? [[String: Any]] ?? [] {
            let terms = try #require(distribution["podmínky_užití"] as? [String: Any])
            #expect(terms["autorské_dílo"] as? String == cc0 && terms["databáze_jako_autorské_dílo"] as? String == cc0)
        }
        let page = try portal.page("data/index.html")
        #expect(page.contains("<a href=\"\(cc0)\" rel=\"license\">CC0 1.0</a>"))
    }

    @Test("The data page states CC BY 4.0 when portal.yaml names no licence")
    func defaultLicence() throws {
        let portal = try TestPortal(files: ["portal.yaml": TestPortal.minimalPortalYAML,
                                            "content/projects/testovaci-projekt.md": TestPortal.minimalProject])
        #expect(!portal.build().failed)
        #expect(try portal.page("data/index.html").contains("<a href=\"https://creativecommons.org/licenses/by/4.0/\" rel=\"license\">CC BY 4.0</a>"))
        let package = try Self.json(portal.page("data/datapackage.json"))
        #expect((package["licenses"] as? [[String: Any]])?.first?["name"] as? String == "CC-BY-4.0")
    }

    @Test("A listed project without a registration number makes slug the primary key, and both descriptions still validate")
    func primaryKeyFallsBackToSlug() throws {
        let unfunded = try edited(TestPortal.minimalProject, replacing: "registration_number: CZ.03.2.60/0.0/0.0/16_052/0007824\n",
                                  with: "funding: none\n")
        let portal = try TestPortal(files: ["portal.yaml": Self.portalYAML(Self.minimalWithoutICO),
                                            "content/projects/testovaci-projekt.md": TestPortal.minimalProject,
                                            "content/projects/bez-podpory.md": try edited(unfunded, replacing: "title: Testovací projekt",
                                                                                          with: "title: Projekt bez podpory")])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let package = try Self.json(portal.page("data/datapackage.json"))
        let schema = (package["resources"] as? [[String: Any]])?.first?["schema"] as? [String: Any]
        #expect(schema?["primaryKey"] as? [String] == ["slug"])
        let csvw = try Self.json(portal.page("data/projekty.csv-metadata.json"))
        #expect((csvw["tableSchema"] as? [String: Any])?["primaryKey"] as? String == "slug")
        if DataTools.enabled {
            let result = try DataTools.frictionless(portal.output.appendingPathComponent("data/datapackage.json"))
            #expect(result.valid, "\(result.output)")
            let csvwResult = try DataTools.csvw(portal.output.appendingPathComponent("data/projekty.csv-metadata.json"))
            #expect(csvwResult.valid, "\(csvwResult.output)")
        }
    }

    // MARK: Helpers

    /// `yaml` with the fixture's IČO under `publisher` and its RÚIAN code (and `extra` lines).
    static func portalYAML(_ yaml: String, extra: String = "") throws -> String {
        let withICO = try edited(yaml, replacing: "publisher:\n", with: "publisher:\n  ico: \"\(ico)\"\n")
        return withICO + (withICO.hasSuffix("\n") ? "" : "\n") + "ruian: \"\(ruian)\"\n" + extra
    }

    /// A copy of the example portal with the fixture's IČO and RÚIAN code (and `extra`
    /// lines) in its `portal.yaml`, and `baseURL` instead of its own when given.
    static func examplePortal(baseURL: String? = nil, extra: String = "") throws -> TestPortal {
        let root = TestPaths.repositoryRoot
        var yaml = try portalYAML(String(contentsOf: root.appendingPathComponent("portal.yaml"), encoding: .utf8), extra: extra)
        if let baseURL { yaml = try edited(yaml, replacing: "base_url: https://projekty-prevence.example.cz/", with: "base_url: \(baseURL)") }
        var files: [String: Data] = [:]
        for folder in ["content", "static", "templates"] {
            for path in relativeFiles(in: root.appendingPathComponent(folder)) {
                files["\(folder)/\(path)"] = try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(path))
            }
        }
        return try TestPortal(files: ["portal.yaml": yaml], binaryFiles: files)
    }

    /// A JSON object's members.
    static func json(_ text: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// Every address under `baseURL` the catalogue's two records name (identifiers with a
    /// fragment are no files and left out).
    static func catalogueAddresses(_ site: URL, baseURL: String) throws -> [String] {
        var found: [String] = []
        func walk(_ value: Any) {
            if let text = value as? String, text.hasPrefix(baseURL), !text.contains("#") { found.append(text) }
            if let list = value as? [Any] { list.forEach(walk) }
            if let object = value as? [String: Any] { object.values.forEach(walk) }
        }
        for path in ["data/katalog.jsonld", "data/katalog/projekty.jsonld"] {
            walk(try json(readOutputFile(site, path)))
        }
        return found
    }
}

/// The Python tools the open-data tests run: frictionless and jsonschema, installed
/// pinned by `scripts/require-data-tools`. Missing, the tests that need them are
/// skipped on a developer's machine, but fail where they are required: under
/// `scripts/test` (which sets PUBLICITA_REQUIRE_DATA_TOOLS=1) and in CI.
enum DataTools {
    static let available: Bool = run(["python3", "-c", "import frictionless, jsonschema, referencing, csvw"]).status == 0

    static var required: Bool {
        let environment = ProcessInfo.processInfo.environment
        return environment["PUBLICITA_REQUIRE_DATA_TOOLS"] == "1" || environment["CI"] != nil
    }

    /// Whether the tests run: the tools are there, or they must be (then a missing one fails).
    static var enabled: Bool { available || required }

    static let skipMessage: Comment = "frictionless, csvw or jsonschema is missing (scripts/require-data-tools installs them)"

    /// The validation errors of the catalogue's records in `site`, by record path.
    static func catalogueErrors(site: URL, baseURL: String) throws -> [String: [String]] {
        let script = TestPaths.repositoryRoot.appendingPathComponent("Tests/catalog/validate_catalog.py")
        let result = run(["python3", script.path, site.path, baseURL])
        try #require(result.status == 0, "validate_catalog.py failed (\(result.status)): \(result.errors)")
        let list = try #require(JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
        return Dictionary(list.map { ($0["name"] as? String ?? "?", $0["errors"] as? [String] ?? ["?"]) }, uniquingKeysWith: { a, _ in a })
    }

    /// `frictionless validate` of a data package: whether it passed, and what it printed.
    static func frictionless(_ package: URL) throws -> (valid: Bool, output: String) {
        let result = run(["python3", "-m", "frictionless", "validate", package.lastPathComponent],
                         in: package.deletingLastPathComponent())
        try #require(result.status == 0 || result.output.contains("INVALID"),
                     "frictionless did not run (\(result.status)): \(result.errors)\(result.output)")
        return (result.status == 0, result.output)
    }

    /// `csvwvalidate` of CSVW metadata (it reads the CSV the metadata names): whether it passed.
    static func csvw(_ metadata: URL) throws -> (valid: Bool, output: String) {
        let result = run(["python3", "-c", "import sys; from csvw.__main__ import csvwvalidate; sys.exit(csvwvalidate())",
                          "-v", metadata.lastPathComponent], in: metadata.deletingLastPathComponent())
        try #require(result.status == 0 || result.output.contains("FAIL"),
                     "csvwvalidate did not run (\(result.status)): \(result.errors)\(result.output)")
        return (result.status == 0, result.output)
    }

    /// Runs `arguments` through /usr/bin/env; its status and what it printed.
    static func run(_ arguments: [String], in folder: URL? = nil) -> (status: Int32, output: String, errors: String) {
        do {
            return try withTemporaryDirectory { tmp in
                let out = tmp.appendingPathComponent("out"), err = tmp.appendingPathComponent("err")
                _ = FileManager.default.createFile(atPath: out.path, contents: nil)
                _ = FileManager.default.createFile(atPath: err.path, contents: nil)
                let outHandle = try FileHandle(forWritingTo: out), errHandle = try FileHandle(forWritingTo: err)
                defer { try? outHandle.close(); try? errHandle.close() }
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = arguments
                if let folder { process.currentDirectoryURL = folder }
                var environment = ProcessInfo.processInfo.environment
                environment["NO_COLOR"] = "1"
                environment["COLUMNS"] = "200"
                process.environment = environment
                process.standardOutput = outHandle
                process.standardError = errHandle
                process.standardInput = FileHandle.nullDevice
                try process.run()
                process.waitUntilExit()
                return (process.terminationStatus,
                        String(decoding: try Data(contentsOf: out), as: UTF8.self),
                        String(decoding: try Data(contentsOf: err), as: UTF8.self))
            }
        } catch {
            return (-1, "", "\(error)")
        }
    }
}
