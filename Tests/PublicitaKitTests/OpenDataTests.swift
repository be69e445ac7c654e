import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import PublicitaKit

/// The open data (`/data/projekty.csv`, `/data/projekty.json`, `/data/projekty/<slug>.json`,
/// the `/data/` page) and the discovery files (sitemap, robots.txt, Atom feed, JSON-LD,
/// Open Graph, favicon, `--base-url`), checked by reading the generated files back and
/// comparing them with the records the loader reads from the same portal.
@Suite("Open data and discovery")
struct OpenDataTests {
    // MARK: Portals

    /// The example portal, built into `output`.
    private static func buildExample(into output: URL, baseURL: String? = nil) throws -> Builder.Outcome {
        let outcome = Builder.run(.init(portalRoot: TestPaths.repositoryRoot, output: output, today: testToday, baseURL: baseURL))
        #expect(!outcome.failed, "\(outcome.summary)")
        return outcome
    }

    /// The records the loader reads from the portal at `root`; `projects` are the listed
    /// ones (translations of another record are left out, as the lists leave them out).
    private static func records(_ root: URL) throws -> Portal {
        var portal = try #require(ContentLoader.load(portalAt: root).0, "the portal does not load")
        portal.projects = RecordList(portal.projects.filter { $0.source.translationOf == nil })
        return portal
    }

    /// A project whose text fields hold every character CSV has to quote.
    static let trickyProject = """
        ---
        title: 'Projekt „Bezpečí“, "uvozovky" a čárky'
        registration_number: CZ.03.2.60/0.0/0.0/16_052/0007825
        programme: Operační program Zaměstnanost
        beneficiary: Město Testov, odbor prevence
        city: Testov
        summary: "První řádek\\nDruhý řádek, s čárkou a \\"uvozovkami\\"\\r\\nTřetí po CR LF"
        period:
          start: 2018-03-01
          end: 2021-02-28
        budget:
          currency: CZK
          total: 6 516 062,50 Kč
          sources:
            - name: Evropský sociální fond, "ESF"
              kind: eu
              amount: 5 538 653,12 Kč
              share: 85 %
            - name: Státní rozpočet
              kind: national
              amount: 651 606,25 Kč
              share: 10 %
            - name: Rozpočet města
              kind: own
              amount: 325 803,13 Kč
              share: 5 %
        goals:
          - Snížit riziko kriminality, hlavně v centru.
          - Zvýšit pocit bezpečí.
        results: "Výsledky: </script><!-- a <b>tučně</b>"
        activities:
          - code: KA 01
            title: Činnost asistentů
        targets:
          - text: Zaměstnat 4 osoby
            target: 4
            achieved: 3
        contacts:
          - name: Jana Nováková
            email: jana.novakova@test.example.cz
        corrections:
          - field: budget.total
            published: 6 516 052,50 Kč
            correct: 6 516 062,50 Kč
            reason: Součet zdrojů je o 10,00 Kč vyšší.
        ---
        Text projektu.

        """

    /// A project without EU funding and without a budget.
    static let cityProject = """
        ---
        title: Městský projekt
        funding: none
        beneficiary: Testovací město
        period:
          start: 2024-01-01
        ---
        Text.

        """

    private static func news(_ title: String, date: String, summary: String) -> String {
        "---\ntitle: \(title)\ndate: \(date)\nsummary: \(summary)\n---\nText.\n"
    }

    /// A test portal with the minimal project, the tricky one, the city's own and two news items.
    private static func testPortal(portalYAML: String = TestPortal.minimalPortalYAML, extra: [String: String] = [:],
                                   binary: [String: Data] = [:]) throws -> TestPortal {
        var files = [
            "portal.yaml": portalYAML,
            "content/projects/minimalni.md": TestPortal.minimalProject,
            "content/projects/zapeklity.md": trickyProject,
            "content/projects/mestsky.md": cityProject,
            "content/news/starsi.md": news("Starší zpráva", date: "2024-01-15", summary: "Shrnutí starší."),
            "content/news/novejsi.md": news("'Novější & <lepší> zpráva'", date: "2025-03-01", summary: "'Shrnutí <novější> & jiné.'"),
        ]
        files.merge(extra, uniquingKeysWith: { $1 })
        return try TestPortal(files: files, binaryFiles: binary)
    }

    // MARK: CSV

    /// A strict RFC 4180 reader: fields separated by commas, records ended by CRLF,
    /// quoted fields may hold commas, doubled quotes and line breaks; anything else is refused.
    static func parseCSV(_ text: String) throws -> [[String]] {
        struct Malformed: Error, CustomStringConvertible { var description: String }
        let scalars = Array(text.unicodeScalars)
        var records: [[String]] = [], record: [String] = [], field = String.UnicodeScalarView()
        var index = 0, quoted = false, wasQuoted = false
        func endField() { record.append(String(field)); field = String.UnicodeScalarView(); wasQuoted = false }
        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" { field.append("\""); index += 2; continue }
                    quoted = false
                    let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                    guard next == nil || next == "," || next == "\r" else { throw Malformed(description: "text after a closing quote at \(index)") }
                } else {
                    field.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty, !wasQuoted else { throw Malformed(description: "a quote inside an unquoted field at \(index)") }
                quoted = true; wasQuoted = true
            case ",":
                endField()
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else { throw Malformed(description: "a CR without LF at \(index)") }
                endField(); records.append(record); record = []
                index += 1
            case "\n":
                throw Malformed(description: "a bare LF line end at \(index)")
            default:
                field.append(scalar)
            }
            index += 1
        }
        guard !quoted else { throw Malformed(description: "an unclosed quote") }
        guard field.isEmpty, record.isEmpty else { throw Malformed(description: "the last record does not end in CRLF") }
        return records
    }

    /// The CSV of `output`, checked for the byte order mark and parsed, as rows keyed by column.
    private static func csvRows(_ output: URL) throws -> (header: [String], rows: [[String: String]]) {
        let data = try Data(contentsOf: output.appendingPathComponent("data/projekty.csv"))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF], "the CSV starts with a UTF-8 byte order mark")
        let text = try #require(String(data: data.dropFirst(3), encoding: .utf8))
        let records = try parseCSV(text)
        let header = try #require(records.first)
        for (number, record) in records.enumerated() {
            #expect(record.count == header.count, "record \(number) has \(record.count) fields, the header \(header.count)")
        }
        return (header, records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0)) })
    }

    @Test func csvReaderIsStrict() throws {
        #expect(try Self.parseCSV("a,\"b,\"\"c\"\"\r\nd\"\r\n") == [["a", "b,\"c\"\r\nd"]])
        #expect(throws: (any Error).self) { try Self.parseCSV("a,b\n") }
        #expect(throws: (any Error).self) { try Self.parseCSV("a,b\"c\r\n") }
        #expect(throws: (any Error).self) { try Self.parseCSV("\"a\"b\r\n") }
        #expect(throws: (any Error).self) { try Self.parseCSV("a,b") }
    }

    @Test func exampleCSVMatchesTheRecordsToTheHaler() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            _ = try Self.buildExample(into: output)
            let portal = try Self.records(TestPaths.repositoryRoot)
            let (header, rows) = try Self.csvRows(output)
            #expect(header == OpenData.columns.map(\.name))
            #expect(rows.count == portal.projects.count)
            #expect(rows.count >= 4)
            for (row, project) in zip(rows, portal.projects) {
                #expect(row["slug"] == project.source.slug.value)
                #expect(row["operation_name"] == project.title)
                #expect(row["beneficiary_name"] == project.beneficiary)
                #expect(row["url"] == "https://projekty-prevence.example.cz/projekty/\(project.source.slug.value)/")
                let total = project.budget?.total?.value.amount
                #expect(row["total_cost"] == (total?.plainDecimal ?? ""))
                if let total, let text = row["total_cost"] {
                    #expect(try Money.parse(text).amount.halere == total.halere)
                }
                let eu = project.budget?.sources.filter { $0.kind == .eu }.compactMap { $0.amount?.value.amount } ?? []
                if let total, !eu.isEmpty, let union = Money.sum(eu) {
                    #expect(row["union_contribution"] == union.plainDecimal)
                    // The rate of an only EU source with a stated share is that share; any other is computed.
                    let euSources = project.budget?.sources.filter { $0.kind == .eu } ?? []
                    let stated = euSources.count == 1 ? euSources[0].share?.value : nil
                    #expect(row["union_cofinancing_rate"] == (stated ?? Share.of(union, in: total, decimals: 2))?.plainDecimal)
                    #expect(row["union_cofinancing_rate_computed"] == (stated == nil ? "true" : "false"))
                    #expect(row["union_contribution_computed"] == (euSources.count > 1 ? "true" : "false"))
                }
                // A corrected total carries the published value and the correction's address.
                if let index = project.corrections.firstIndex(where: { $0.field == "budget.total" }), total != nil {
                    let published = try Money.parse(try #require(project.corrections[index].published)).amount
                    #expect(row["total_cost_published"] == published.plainDecimal)
                    #expect(row["total_cost_published"] != row["total_cost"])
                    #expect(row["total_cost_correction"] == "https://projekty-prevence.example.cz/projekty/\(project.source.slug.value)/#oprava-\(index + 1)")
                } else {
                    #expect(row["total_cost_published"] == row["total_cost"])
                    #expect(row["total_cost_correction"] == "")
                }
                #expect(row["start_date"] == (project.period?.start?.value.iso ?? ""))
                #expect(row["specific_objective"] == (project.programme ?? ""))
            }
            // The figures the README quotes: Liberec's corrected total, Jeseník's 76,74 %.
            let liberec = try #require(rows.first { $0["slug"] == "liberec-apk" })
            #expect(liberec["total_cost"] == "6516062.50")
            #expect(liberec["union_contribution"] == "5538653.12")
            #expect(liberec["total_cost_published"] == "6516052.50")
            #expect(liberec["total_cost_correction"] == "https://projekty-prevence.example.cz/projekty/liberec-apk/#oprava-1")
            // Liberec stated 85 %; Jeseník stated no share, so its rate is computed and says so.
            #expect(liberec["union_cofinancing_rate"] == "85" && liberec["union_cofinancing_rate_computed"] == "false")
            let jesenik = try #require(rows.first { $0["slug"] == "jesenik-apk" })
            #expect(jesenik["union_cofinancing_rate"] == "76.74" && jesenik["union_cofinancing_rate_computed"] == "true")
            let kromeriz = try #require(rows.first { $0["slug"] == "kromeriz-apk" })
            #expect(kromeriz["total_cost"] == "4699625.00" && kromeriz["total_cost_published"] == "4664625.00")
        }
    }

    @Test func csvQuotesCommasQuotesAndLineBreaks() throws {
        let portal = try Self.testPortal()
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let records = try Self.records(portal.root)
        let (_, rows) = try Self.csvRows(portal.output)
        #expect(rows.count == records.projects.count)
        let tricky = try #require(rows.first { $0["slug"] == "zapeklity" })
        #expect(tricky["operation_name"] == "Projekt „Bezpečí“, \"uvozovky\" a čárky")
        #expect(tricky["operation_purpose"] == "První řádek\nDruhý řádek, s čárkou a \"uvozovkami\"\r\nTřetí po CR LF")
        #expect(tricky["operation_goals"] == "Snížit riziko kriminality, hlavně v centru.\nZvýšit pocit bezpečí.")
        #expect(tricky["beneficiary_name"] == "Město Testov, odbor prevence")
        #expect(tricky["fund"] == "Evropský sociální fond, \"ESF\"")
        #expect(tricky["total_cost"] == "6516062.50")
        #expect(tricky["union_contribution"] == "5538653.12")
        // The record states 85 % for its only EU source: the rate is that share, as stated.
        #expect(tricky["union_cofinancing_rate"] == "85")
        #expect(tricky["union_cofinancing_rate_computed"] == "false")
        // The raw text quotes exactly the fields that need it.
        let raw = try portal.page("data/projekty.csv")
        #expect(raw.contains(",\"Projekt „Bezpečí“, \"\"uvozovky\"\" a čárky\","))
        #expect(raw.contains(",Testovací projekt,"), "a field without special characters is not quoted")
        // A project without EU money or budget has empty money columns.
        let city = try #require(rows.first { $0["slug"] == "mestsky" })
        for column in ["registration_number", "total_cost", "total_cost_published", "total_cost_correction", "union_contribution",
                       "union_contribution_computed", "union_cofinancing_rate", "union_cofinancing_rate_computed", "fund", "currency"] {
            #expect(city[column] == "", "\(column) of a project without a budget")
        }
    }

    /// OWASP's CSV-injection rule: a cell starting with `=`, `+`, `-` or `@` (a formula to a
    /// spreadsheet) is written with a leading `'` and quoted; the JSON keeps the raw text,
    /// and every other value, amounts included, stays exact.
    @Test func csvCellsNeverStartAFormula() throws {
        let hostile = try edited(try edited(try edited(try edited(try edited(TestPortal.minimalProject,
            replacing: "title: Testovací projekt", with: "title: '=HYPERLINK(\"https://zle.example/\",\"Klikněte\")'"),
            replacing: "beneficiary: Testovací město", with: "beneficiary: \"@SUM(1+1)*cmd|' /C calc'!A0\""),
            replacing: "summary: Projekt pro testy.", with: "summary: \"+420 123 456 789\""),
            replacing: "  - Snížit riziko kriminality.\n", with: "  - \"-2+3\"\n  - druhý cíl\n"),
            replacing: "results: Projekt splnil své cíle.", with: "results: |\n  - první výsledek\n  - =1+1 druhý")
            .replacingOccurrences(of: "16_052/0007824", with: "16_052/0009999")
            .replacingOccurrences(of: "name: Evropský sociální fond", with: "name: \"=ESF; =cmd\"")
        let portal = try Self.testPortal(extra: ["content/projects/vzorce.md": hostile])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        let (_, rows) = try Self.csvRows(portal.output)
        let row = try #require(rows.first { $0["slug"] == "vzorce" })
        #expect(row["operation_name"] == "'=HYPERLINK(\"https://zle.example/\",\"Klikněte\")")
        #expect(row["beneficiary_name"] == "'@SUM(1+1)*cmd|' /C calc'!A0")
        #expect(row["operation_purpose"] == "'+420 123 456 789")
        #expect(row["operation_goals"] == "'-2+3\ndruhý cíl")
        // A Markdown list in a cell is text, not a subtraction.
        #expect(row["operation_achievements"] == "'- první výsledek\n- =1+1 druhý")
        #expect(row["fund"] == "'=ESF; =cmd")
        // Numbers are untouched, and no other cell of any row starts a formula.
        #expect(row["total_cost"] == "1000000.00" && row["union_contribution"] == "850000.00" && row["union_cofinancing_rate"] == "85")
        #expect(row["start_date"] == "2018-03-01")
        for (number, other) in rows.enumerated() {
            for (column, value) in other {
                #expect(!(value.first.map { "=+-@\t\r".contains($0) } ?? false), "row \(number) \(column): \(value)")
            }
        }
        // The raw cell is quoted, so a spreadsheet splitting on `;` cannot open a cell inside it.
        let raw = try portal.page("data/projekty.csv")
        #expect(raw.contains(",\"'=HYPERLINK(\"\"https://zle.example/\"\",\"\"Klikněte\"\")\","))
        #expect(raw.contains(",\"'=ESF; =cmd\","))
        // The JSON keeps the values as written.
        let data = try Data(contentsOf: portal.output.appendingPathComponent("data/projekty.json"))
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let item = try #require(list.first { $0["slug"] as? String == "vzorce" })
        #expect(item["operation_name"] as? String == "=HYPERLINK(\"https://zle.example/\",\"Klikněte\")")
        #expect(item["operation_achievements"] as? String == "- první výsledek\n- =1+1 druhý")
        let record = try portal.page("data/projekty/vzorce.json")
        #expect(record.contains("\"beneficiary\": \"@SUM(1+1)*cmd|' /C calc'!A0\""))
    }

    @Test(arguments: [
        ("=1+1", "\"'=1+1\""), ("+1", "\"'+1\""), ("-1", "\"'-1\""), ("@A1", "\"'@A1\""),
        ("\t=1", "\"'\t=1\""), ("\r=1", "\"'\r=1\""), ("- položka\n- další", "\"'- položka\n- další\""),
        ("=\"x\"", "\"'=\"\"x\"\"\""), ("a;b", "\"a;b\""), ("a\tb", "\"a\tb\""),
        ("6516062.50", "6516062.50"), ("85.00", "85.00"), ("2018-03-01", "2018-03-01"), ("", ""),
        ("a = b", "a = b"), ("'=1", "'=1"), ("CZ.03.2.60/0.0/0.0/16_052/0007824", "CZ.03.2.60/0.0/0.0/16_052/0007824"),
    ])
    func csvField(_ value: String, _ written: String) {
        #expect(OpenData.csvField(value) == written)
    }

    // MARK: JSON

    @Test func goalsAndResultsWrittenAsBodySectionsFillTheListOfOperations() throws {
        // No goals: or results: field; the sections (CRLF line ends, a setext heading,
        // subsections, the target group after the goals) stand in the body.
        let body = "Úvod.\r\n\r\n## Cílová skupina\r\n\r\nSenioři.\r\n\r\n## Cíle projektu\r\n\r\nSnížit kriminalitu.\r\n\r\n"
            + "### Cíl č. 1\r\n\r\n- Méně krádeží, *hlavně* v centru.\r\n\r\n## Rozpočet\r\n\r\nText.\r\n\r\n"
            + "Výsledky projektu\r\n-----------------\r\n\r\nZaměstnány 4 osoby.\r\n"
        let project = TestPortal.minimalProject
            .replacingOccurrences(of: "16_052/0007824", with: "16_052/0009999")
            .replacingOccurrences(of: "goals:\n  - Snížit riziko kriminality.\n", with: "")
            .replacingOccurrences(of: "results: Projekt splnil své cíle.\n", with: "")
            .replacingOccurrences(of: "Text projektu.\n\n## Cíle projektu\n\nSnížit riziko kriminality.\n", with: body)
        #expect(!project.contains("goals:") && !project.contains("results:") && project.contains("Senioři"))
        let portal = try Self.testPortal(extra: ["content/projects/sekce.md": project])
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.diagnostics.prefix(3))")
        #expect(outcome.diagnostics.filter { $0.location.file.hasSuffix("sekce.md") }.isEmpty, "the sections satisfy eu.goals and eu.results")
        let (_, rows) = try Self.csvRows(portal.output)
        let row = try #require(rows.first { $0["slug"] == "sekce" })
        #expect(row["operation_goals"] == "Snížit kriminalitu.\n\n### Cíl č. 1\n\n- Méně krádeží, *hlavně* v centru.")
        #expect(row["operation_achievements"] == "Zaměstnány 4 osoby.")
        let data = try Data(contentsOf: portal.output.appendingPathComponent("data/projekty.json"))
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        let item = try #require(list.first { $0["slug"] as? String == "sekce" })
        #expect(item["operation_goals"] as? String == row["operation_goals"])
        #expect(item["operation_achievements"] as? String == row["operation_achievements"])
        // The fields win over sections: the minimal project has both.
        let minimal = try #require(rows.first { $0["slug"] == "minimalni" })
        #expect(minimal["operation_goals"] == "Snížit riziko kriminality.")
        #expect(minimal["operation_achievements"] == "Projekt splnil své cíle.")
    }

    @Test func aBodyWithoutSectionsLeavesTheColumnsEmptyAndWarns() throws {
        let project = TestPortal.minimalProject
            .replacingOccurrences(of: "16_052/0007824", with: "16_052/0009999")
            .replacingOccurrences(of: "goals:\n  - Snížit riziko kriminality.\n", with: "")
            .replacingOccurrences(of: "results: Projekt splnil své cíle.\n", with: "")
            .replacingOccurrences(of: "## Cíle projektu\n", with: "## Cílová skupina\n")
        let portal = try Self.testPortal(extra: ["content/projects/bez.md": project])
        let outcome = portal.build()
        #expect(!outcome.failed)
        let warned = Set(outcome.diagnostics.filter { $0.location.file.hasSuffix("bez.md") }.map(\.rule))
        #expect(warned == [RuleID.euGoals, RuleID.euResults], "a target group is no goals section")
        let row = try #require(try Self.csvRows(portal.output).rows.first { $0["slug"] == "bez" })
        #expect(row["operation_goals"] == "")
        #expect(row["operation_achievements"] == "")
    }

    @Test(arguments: [("Cíle projektu", true), ("Cíl č. 1", true), ("CÍLE", true), ("Hlavní cíl projektu", true), ("Goals", true),
                      ("Cílová skupina", false), ("Cílem je", false), ("Výsledné hodnocení", false), ("O projektu", false)])
    func goalsHeadingsAreWholeWords(_ heading: String, _ isGoals: Bool) {
        #expect(BodySection.goals.matches(heading) == isGoals)
    }

    /// The build makes the data files part by part in batches; a long-running build
    /// joins kept parts. Both must give the same bytes, across batch boundaries too.
    @Test(arguments: [0, 1, 2, 1023, 1024, 1025, 2049])
    func joiningInBatchesEqualsJoiningKeptParts(_ count: Int) {
        for shape in [OpenData.csvFile, OpenData.listJSONFile, SearchIndex.file] {
            let part: @Sendable (Int) -> [UInt8] = { Array("part \($0) ž".utf8) }
            #expect(shape.join(count: count, part: part) == Array(shape.chunks((0..<count).map(part)).joined()))
        }
        #expect(OpenData.listJSONFile.join(count: 0) { _ in [] } == Array("[]\n".utf8))
    }

    /// A file written from pieces (kept parts, never joined into one buffer) holds
    /// exactly their bytes in order: small pieces buffered, one larger than the buffer too.
    @Test func aFileWrittenInPiecesHoldsThemInOrder() throws {
        try withTemporaryDirectory { tmp in
            let big = [UInt8](repeating: 0x61, count: (1 << 20) + 17)
            let chunks: [[UInt8]] = [Array("začátek\n".utf8)] + (0..<5_000).map { Array("řádek \($0)\n".utf8) } + [big, [], Array("konec".utf8)]
            let path = tmp.appendingPathComponent("a/b/soubor.csv").path
            try FileIO.write(chunks: chunks, toPath: path)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(chunks.joined()))
        }
    }

    @Test func jsonListMatchesTheCSVAndTheRecords() throws {
        let portal = try Self.testPortal()
        #expect(!portal.build().failed)
        let records = try Self.records(portal.root)
        let data = try Data(contentsOf: portal.output.appendingPathComponent("data/projekty.json"))
        let list = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(list.count == records.projects.count)
        let (_, rows) = try Self.csvRows(portal.output)
        for (item, (row, project)) in zip(list, zip(rows, records.projects)) {
            #expect(Set(item.keys) == Set(OpenData.columns.map(\.name)))
            for column in OpenData.columns.map(\.name) {
                // The same values; null in JSON is an empty field in CSV.
                let value = item[column] as? String
                #expect(value ?? "" == row[column], "\(column) of \(project.source.slug.value)")
                #expect(value != nil || item[column] is NSNull, "\(column) is neither text nor null")
            }
            // Amounts are strings written from the haléře, never numbers.
            #expect(item["total_cost"] as? String == project.budget?.total?.value.amount.plainDecimal)
        }
    }

    @Test func projectJSONHoldsTheFullRecordWithExactAmounts() throws {
        let portal = try Self.testPortal()
        #expect(!portal.build().failed)
        let records = try Self.records(portal.root)
        for project in records.projects {
            let slug = project.source.slug.value
            let data = try Data(contentsOf: portal.output.appendingPathComponent("data/projekty/\(slug).json"))
            let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(slug)")
            #expect(json["slug"] as? String == slug)
            #expect(json["title"] as? String == project.title)
            #expect(json["url"] as? String == "https://test.example.cz/projekty/\(slug)/")
            if let budget = project.budget {
                let value = try #require(json["budget"] as? [String: Any])
                #expect(value["total"] as? String == budget.total?.value.amount.plainDecimal)
                let sources = try #require(value["sources"] as? [[String: Any]])
                #expect(sources.count == budget.sources.count)
                for (item, source) in zip(sources, budget.sources) {
                    #expect(item["name"] as? String == source.name)
                    #expect(item["kind"] as? String == source.kind.rawValue)
                    let amount = try #require(item["amount"] as? String)
                    #expect(amount == source.amount?.value.amount.plainDecimal)
                    #expect(try Money.parse(amount).amount == source.amount?.value.amount)
                    #expect(item["share_stated"] as? String == source.share?.value.plainDecimal)
                }
            } else {
                #expect(json["budget"] is NSNull)
            }
            #expect((json["contacts"] as? [Any])?.count == project.contacts.count)
            #expect((json["activities"] as? [Any])?.count == project.activities.count)
            #expect((json["targets"] as? [Any])?.count == project.targets.count)
            #expect((json["documents"] as? [Any])?.count == project.documents.count)
            #expect((json["corrections"] as? [Any])?.count == project.corrections.count)
            #expect((json["goals"] as? [String]) == project.goals)
        }
        let tricky = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: portal.output.appendingPathComponent("data/projekty/zapeklity.json"))) as? [String: Any])
        let period = try #require(tricky["period"] as? [String: Any])
        #expect(period["start"] as? String == "2018-03-01")
        #expect(period["end"] as? String == "2021-02-28")
        let target = try #require((tricky["targets"] as? [[String: Any]])?.first)
        #expect(target["target"] as? Int == 4 && target["achieved"] as? Int == 3)
        let correction = try #require((tricky["corrections"] as? [[String: Any]])?.first)
        #expect(correction["published"] as? String == "6 516 052,50 Kč")
        let trickyBudget = try #require(tricky["budget"] as? [String: Any])
        // 5 538 653,12 ÷ 6 516 062,50 = 84,99999…%, rounded half up.
        #expect((trickyBudget["sources"] as? [[String: Any]])?.first?["share_computed"] as? String == "85.00")
        #expect((trickyBudget["sources"] as? [[String: Any]])?.first?["share_shown"] as? String == "85")
        #expect((trickyBudget["sources"] as? [[String: Any]])?.first?["share_shown_computed"] as? Bool == false)
        #expect(trickyBudget["total"] as? String == "6516062.50")
        #expect(trickyBudget["total_published"] as? String == "6516052.50")
        #expect(trickyBudget["total_correction"] as? String == "https://test.example.cz/projekty/zapeklity/#oprava-1")
        #expect(trickyBudget["union_cofinancing_rate"] as? String == "85")
        #expect(trickyBudget["union_cofinancing_rate_computed"] as? Bool == false)
        // The project page links its data file.
        #expect(try portal.page("projekty/zapeklity/index.html").contains("href=\"/data/projekty/zapeklity.json\""))
    }

    // MARK: Sitemap, robots.txt, feed

    /// A parsed XML document: every element with its namespace, attributes and text.
    final class XMLElements: NSObject, XMLParserDelegate {
        struct Element { var name: String; var namespace: String?; var attributes: [String: String]; var text: String }
        var elements: [Element] = []
        private var open: [Element] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            open.append(Element(name: elementName, namespace: namespaceURI, attributes: attributes, text: ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if !open.isEmpty { open[open.count - 1].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            elements.append(open.removeLast())
        }
        func named(_ name: String) -> [Element] { elements.filter { $0.name == name } }
    }

    /// Parses `file` of `output` as XML (namespaces resolved); fails the test when it is not well-formed.
    static func parseXML(_ output: URL, _ file: String) throws -> XMLElements {
        let parser = try #require(XMLParser(contentsOf: output.appendingPathComponent(file)))
        parser.shouldProcessNamespaces = true
        let collector = XMLElements()
        parser.delegate = collector
        #expect(parser.parse(), "\(file) is not well-formed XML: \(String(describing: parser.parserError))")
        return collector
    }

    @Test func sitemapListsEveryHTMLPageButThe404() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            let outcome = try Self.buildExample(into: output)
            let sitemap = try Self.parseXML(output, "sitemap.xml")
            let root = try #require(sitemap.elements.last)
            #expect(root.name == "urlset" && root.namespace == "http://www.sitemaps.org/schemas/sitemap/0.9")
            let locs = sitemap.named("loc").map(\.text)
            let base = "https://projekty-prevence.example.cz/"
            let expected = relativeFiles(in: output).filter { $0.hasSuffix(".html") && $0 != "404.html" }
                .map { base + ($0 == "index.html" ? "" : String($0.dropLast("index.html".count))) }
            #expect(Set(locs) == Set(expected))
            #expect(locs.count == expected.count, "no address twice")
            #expect(locs.count == outcome.pagesWritten - 1)
            #expect(locs.contains(base + "data/") && locs.contains(base + "projekty/liberec-apk/"))
            #expect(!locs.contains { $0.hasSuffix(".json") || $0.hasSuffix(".xml") || $0.hasSuffix("404.html") })

            let robots = try readOutputFile(output, "robots.txt")
            #expect(robots.hasPrefix("User-agent: *\n"))
            #expect(robots.contains("\nSitemap: \(base)sitemap.xml\n"))
        }
    }

    /// A national portal lists more pages than one sitemap file may hold (50 000):
    /// `/sitemap.xml` becomes an index of parts that together list every page once.
    @Test func aSitemapTooLongForOneFileIsSplitIntoIndexedParts() throws {
        let portal = try #require(ContentLoader.load(portalAt: TestPaths.repositoryRoot).0)
        let whole = Site(portal: portal, today: testToday)
        let limit = 7
        let split = Site(portal: portal, today: testToday, sitemapURLLimit: limit)
        let strings = try #require(Theme.load(portalRoot: TestPaths.repositoryRoot, language: .cs).0).strings
        func locs(_ xml: String) -> [String] { captures(of: "<loc>([^<]*)</loc>", in: xml) }

        let all = locs(Discovery.render(.sitemap, site: whole, strings: strings))
        #expect(all.count > limit * 2, "the example portal has enough pages to need several parts")
        #expect(!whole.pages.contains { if case .file(.sitemapPart) = $0.kind { return true }; return false })

        let index = Discovery.render(.sitemap, site: split, strings: strings)
        #expect(index.contains("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"))
        let partPages = split.pages.filter { if case .file(.sitemapPart) = $0.kind { return true }; return false }
        #expect(partPages.count == (all.count + limit - 1) / limit)
        #expect(locs(index) == partPages.map { split.absoluteURL($0.path) })
        var listed: [String] = []
        for page in partPages {
            guard case .file(.sitemapPart(let number)) = page.kind else { continue }
            #expect(page.path == "/sitemaps/sitemap-\(number).xml" && page.outputFile == "sitemaps/sitemap-\(number).xml")
            let part = Discovery.render(.sitemapPart(number), site: split, strings: strings)
            #expect(part.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset "))
            #expect(locs(part).count <= limit && !locs(part).isEmpty)
            listed += locs(part)
        }
        #expect(listed == all, "the parts list every page once, in the site's order")
    }

    @Test func atomFeedListsTheNewsNewestFirst() throws {
        let portal = try Self.testPortal()
        #expect(!portal.build().failed)
        let feed = try Self.parseXML(portal.output, "aktuality/feed.xml")
        let atom = "http://www.w3.org/2005/Atom"
        #expect(feed.elements.last?.name == "feed" && feed.elements.last?.namespace == atom)
        let entries = feed.named("entry")
        #expect(entries.count == 2)
        let ids = feed.named("id").map(\.text)
        #expect(ids == ["https://test.example.cz/aktuality/", "https://test.example.cz/aktuality/novejsi/",
                        "https://test.example.cz/aktuality/starsi/"], "the feed's own id, then the entries newest first")
        let titles = feed.named("title").map(\.text)
        #expect(titles.contains("Novější & <lepší> zpráva"), "escaped text reads back as written: \(titles)")
        #expect(feed.named("summary").map(\.text).first == "Shrnutí <novější> & jiné.")
        // The feed's own `updated` (before the entries) is the newest item's date.
        #expect(feed.named("updated").map(\.text) == ["2025-03-01T00:00:00Z", "2025-03-01T00:00:00Z", "2024-01-15T00:00:00Z"])
        let links = feed.named("link").map { $0.attributes["href"] ?? "" }
        #expect(links.contains("https://test.example.cz/aktuality/feed.xml"))
        #expect(links.allSatisfy { $0.hasPrefix("https://test.example.cz/") })

        // The news list and every page's head link the feed.
        let list = try portal.page("aktuality/index.html")
        #expect(list.contains("<a href=\"/aktuality/feed.xml\">"))
        for page in ["index.html", "projekty/minimalni/index.html", "data/index.html"] {
            #expect(try portal.page(page).contains("<link rel=\"alternate\" type=\"application/atom+xml\" title=\"Aktuality – Testovací portál\" href=\"/aktuality/feed.xml\">"), "\(page)")
        }
    }

    // MARK: Head: JSON-LD, Open Graph, favicon

    @Test func projectPageCarriesAMonetaryGrantAsJSONLD() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            _ = try Self.buildExample(into: output)
            let html = try readOutputFile(output, "projekty/liberec-apk/index.html")
            let head = try #require(html.components(separatedBy: "</head>").first)
            let blocks = jsonLDBlocks(in: head)
            #expect(blocks.count == 1, "one JSON-LD block in the head")
            let block = try #require(blocks.first)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
            #expect(json["@context"] as? String == "https://schema.org")
            #expect(json["@type"] as? String == "MonetaryGrant")
            #expect(json["name"] as? String == "Asistenti prevence kriminality Liberec")
            #expect(json["identifier"] as? String == "CZ.03.2.60/0.0/0.0/16_052/0007824")
            // The funder is the Union; the fund it pays from is its FundingScheme, not the record's source name ("EU ESF").
            let funder = try #require(json["funder"] as? [String: Any])
            #expect(funder["@type"] as? String == "Organization")
            #expect(funder["name"] as? String == "Evropská unie")
            let fund = try #require(funder["subOrganization"] as? [String: Any])
            #expect(fund["@type"] as? String == "FundingScheme")
            #expect(fund["name"] as? String == "Evropský sociální fond")
            let amount = try #require(json["amount"] as? [String: Any])
            #expect(amount["@type"] as? String == "MonetaryAmount")
            #expect(amount["currency"] as? String == "CZK")
            // The value is the exact decimal text of the EU contribution, a JSON number not written through Double.
            #expect(block.contains(#""value":5538653.12}"#), "\(block)")
            let item = try #require(json["fundedItem"] as? [String: Any])
            #expect(item["@type"] as? String == "Project")
            #expect(item["url"] as? String == "https://projekty-prevence.example.cz/projekty/liberec-apk/")
            // The beneficiary runs the project; schema.org's `recipient` belongs to actions, not to grants.
            let beneficiary = try #require(item["parentOrganization"] as? [String: Any])
            #expect(beneficiary["@type"] as? String == "Organization")
            #expect(beneficiary["name"] as? String == "Statutární město Liberec")
            #expect(json["recipient"] == nil)
        }
    }

    /// The fund a record's EU source names, else the one fund of the programme its registration number names.
    @Test func euFundFromTheSourceNameOrTheProgramme() throws {
        let named: [(String, EUFund?)] = [
            ("EU ESF", .esf), ("Evropský sociální fond – Operační program Zaměstnanost", .esf), ("ESF+", .esfPlus),
            ("Evropský sociální fond plus", .esfPlus), ("European Social Fund Plus", .esfPlus),
            ("Evropský fond pro regionální rozvoj", .erdf), ("EFRR", .erdf), ("Fond soudržnosti", .cohesion),
            ("Fond pro spravedlivou transformaci", .justTransition), ("Příspěvek EU", nil), ("Příspěvek Unie", nil),
        ]
        for (name, fund) in named { #expect(EUFund.named(name) == fund, "\(name)") }
        // The fast folding of ASCII and Czech letters gives what Foundation's does, and others go to Foundation.
        let decomposed = "Evropsky\u{301} SOCIA\u{301}LNI\u{301} fond"
        for text in ["PŘÍSPĚVEK EU", "Ďábelské Ťuhýk Ůžasný ÓNÉ", "Europäischer Sozialfonds", "Fonds européen", decomposed,
                     "ESF+ (OPZ+)", "Łódź 2021–2027", "příspěvek státního rozpočtu ČR"] {
            #expect(EUFund.folded(text) == text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased(), "\(text)")
        }
        #expect(EUFund.named(decomposed) == .esf)
        #expect(EUFund.singleFund(programmeCode: "03", period: .p2014_2020) == .esf)
        #expect(EUFund.singleFund(programmeCode: "03", period: .p2021_2027) == .esfPlus)
        #expect(EUFund.singleFund(programmeCode: "06", period: .p2021_2027) == .erdf)
        #expect(EUFund.singleFund(programmeCode: "02", period: .p2021_2027) == nil, "OP JAK pays from two funds")

        // Jeseník's source says only "Příspěvek EU": its number (CZ.03, 2021–2027) names OPZ+, paid from ESF+.
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site")
            _ = try Self.buildExample(into: output)
            let block = try #require(jsonLDBlocks(in: try readOutputFile(output, "projekty/jesenik-apk/index.html")).first)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
            let funder = try #require(json["funder"] as? [String: Any])
            #expect((funder["subOrganization"] as? [String: Any])?["name"] as? String == "Evropský sociální fond plus")
            #expect(!block.contains("Příspěvek EU"))
        }
    }

    @Test func jsonLDCannotCloseItsScriptAndProjectsWithoutEUMoneyHaveNone() throws {
        let portal = try Self.testPortal(extra: ["content/projects/zapeklity.md": try edited(
            Self.trickyProject, replacing: "title: 'Projekt „Bezpečí“, \"uvozovky\" a čárky'",
            with: "title: 'Projekt </script><script>alert(1)</script> <!-- x'")])
        #expect(!portal.build().failed)
        let html = try portal.page("projekty/zapeklity/index.html")
        let block = try #require(jsonLDBlocks(in: html).first)
        #expect(!block.replacingOccurrences(of: "<\\/", with: "").contains("<"))
        #expect(block.contains(#"Projekt <\/script>\u003cscript>alert(1)<\/script> \u003c!-- x"#))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(block.utf8)) as? [String: Any])
        #expect(json["name"] as? String == "Projekt </script><script>alert(1)</script> <!-- x")
        // Exactly one script element on the page: the data block.
        #expect(html.components(separatedBy: "<script").count == 2)
        #expect(jsonLDBlocks(in: try portal.page("projekty/mestsky/index.html")).isEmpty, "funding: none has no grant")
    }

    @Test func openGraphAndFavicon() throws {
        let portal = try Self.testPortal(binary: ["static/favicon.svg": Data("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8)])
        #expect(!portal.build().failed)
        let html = try portal.page("projekty/minimalni/index.html")
        #expect(html.contains("<meta property=\"og:title\" content=\"Testovací projekt\">"))
        #expect(html.contains("<meta property=\"og:type\" content=\"website\">"))
        #expect(html.contains("<meta property=\"og:url\" content=\"https://test.example.cz/projekty/minimalni/\">"))
        #expect(html.contains("<meta property=\"og:description\" content=\"Projekt pro testy.\">"))
        #expect(html.contains("<meta property=\"og:locale\" content=\"cs_CZ\">"))
        #expect(html.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"))
        #expect(!html.contains("favicon.ico"))
        #expect(try portal.page("aktuality/starsi/index.html").contains("<meta property=\"og:type\" content=\"article\">"))

        let english = try Self.testPortal(portalYAML: try edited(TestPortal.minimalPortalYAML, replacing: "language: cs", with: "language: en"),
                                          binary: ["static/favicon.ico": Data([0, 0, 1, 0])])
        #expect(!english.build().failed)
        let home = try english.page("index.html")
        #expect(home.contains("<meta property=\"og:locale\" content=\"en_GB\">"))
        #expect(home.contains("<link rel=\"icon\" href=\"/favicon.ico\" sizes=\"32x32\">"))
        #expect(!home.contains("favicon.svg"))
        #expect(home.contains("<a href=\"/data/\">Open data</a>"), "the footer links the data page")
    }

    // MARK: The data page

    @Test func dataPageDocumentsEveryColumnAndLinksTheFiles() throws {
        let portal = try Self.testPortal()
        #expect(!portal.build().failed)
        let html = try portal.page("data/index.html")
        for column in OpenData.columns {
            #expect(html.contains("<code>\(column.name)</code>"), "\(column.name) is documented")
            #expect(!html.contains("data_col_\(column.name)"), "\(column.name) has a description in the strings")
        }
        let example = try #require(try Self.records(portal.root).projects.first).source.slug.value
        for href in ["/data/projekty.csv", "/data/projekty.json", "/data/projekty/\(example).json", "/sitemap.xml", "/aktuality/feed.xml"] {
            #expect(html.contains("href=\"\(href)\""), "\(href) is linked")
        }
        #expect(html.contains("<a href=\"/data/\" aria-current=\"page\">"))
        // Every HTML page's footer links it.
        for file in relativeFiles(in: portal.output) where file.hasSuffix(".html") {
            #expect(try portal.page(file).contains("href=\"/data/\""), "\(file) does not link /data/")
        }
    }

    // MARK: base_url and --base-url

    @Test func withoutBaseURLThereIsNoSitemapOrFeedAndAWarning() throws {
        let yaml = try edited(TestPortal.minimalPortalYAML, replacing: "base_url: https://test.example.cz/\n", with: "")
        let portal = try Self.testPortal(portalYAML: yaml)
        let outcome = portal.build()
        #expect(!outcome.failed, "\(outcome.summary)")
        #expect(outcome.diagnostics(RuleID.portalBaseUrl).count == 1)
        #expect(outcome.diagnostics(RuleID.portalBaseUrl).first?.severity == .warning)
        let files = Set(relativeFiles(in: portal.output))
        #expect(!files.contains("sitemap.xml") && !files.contains("aktuality/feed.xml"))
        #expect(files.contains("robots.txt") && files.contains("data/projekty.csv"))
        #expect(!(try portal.page("robots.txt")).contains("Sitemap:"))
        let html = try portal.page("projekty/minimalni/index.html")
        #expect(!html.contains("rel=\"canonical\"") && !html.contains("og:url") && !html.contains("application/atom+xml"))
        // Data files then give site paths.
        #expect((try Self.csvRows(portal.output)).rows.first { $0["slug"] == "minimalni" }?["url"] == "/projekty/minimalni/")

        // --base-url supplies the address: sitemap, feed and canonical appear, the warning goes.
        let preview = runBuilderWithBaseURL(portal.root, output: portal.workspace.appendingPathComponent("preview"), "https://nahled.example.org/pr-6")
        #expect(!preview.failed && preview.diagnostics(RuleID.portalBaseUrl).isEmpty, "\(preview.summary)")
        let output = portal.workspace.appendingPathComponent("preview")
        #expect(try readOutputFile(output, "projekty/minimalni/index.html")
            .contains("<link rel=\"canonical\" href=\"https://nahled.example.org/pr-6/projekty/minimalni/\">"))
        #expect(try Self.parseXML(output, "sitemap.xml").named("loc").map(\.text).contains("https://nahled.example.org/pr-6/data/"))
    }

    private func runBuilderWithBaseURL(_ root: URL, output: URL, _ baseURL: String) -> Builder.Outcome {
        Builder.run(.init(portalRoot: root, output: output, today: testToday, baseURL: baseURL))
    }

    @Test func baseURLOverrideChangesCanonicalSitemapFeedAndData() throws {
        try withTemporaryDirectory { tmp in
            let output = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            _ = try Self.buildExample(into: output)
            let base = "https://nahled.example.org/"
            // An incremental rebuild with another address is not "up to date" and equals a clean build.
            let outcome = try Self.buildExample(into: output, baseURL: base)
            #expect(!outcome.upToDate)
            _ = try Self.buildExample(into: clean, baseURL: base)
            #expect(try snapshot(of: output) == snapshot(of: clean), "incremental build with --base-url differs from a clean one")

            let project = try readOutputFile(output, "projekty/liberec-apk/index.html")
            #expect(project.contains("<link rel=\"canonical\" href=\"\(base)projekty/liberec-apk/\">"))
            #expect(project.contains("<meta property=\"og:url\" content=\"\(base)projekty/liberec-apk/\">"))
            #expect(!project.contains("projekty-prevence.example.cz/projekty"))
            let locs = try Self.parseXML(output, "sitemap.xml").named("loc").map(\.text)
            #expect(!locs.isEmpty && locs.allSatisfy { $0.hasPrefix(base) })
            #expect(try readOutputFile(output, "robots.txt").contains("Sitemap: \(base)sitemap.xml"))
            #expect(try Self.parseXML(output, "aktuality/feed.xml").named("id").allSatisfy { $0.text.hasPrefix(base) })
            #expect(try Self.csvRows(output).rows.allSatisfy { $0["url"]?.hasPrefix(base) ?? false })

            // Back to portal.yaml's address: again equal to a clean build.
            _ = try Self.buildExample(into: output)
            try FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: BuildManifest.folder(for: clean))
            _ = try Self.buildExample(into: clean)
            #expect(try snapshot(of: output) == snapshot(of: clean))
            #expect(try readOutputFile(output, "projekty/liberec-apk/index.html").contains("https://projekty-prevence.example.cz/projekty/liberec-apk/"))
        }
    }

    @Test func anUnsafeBaseURLOverrideIsRefused() throws {
        let portal = try Self.testPortal()
        let outcome = runBuilderWithBaseURL(portal.root, output: portal.output, "javascript:alert(1)")
        #expect(outcome.failed)
        #expect(outcome.diagnostics(RuleID.urlFormat).count == 1)
        #expect(!FileManager.default.fileExists(atPath: portal.output.path))
    }

    @Test func commandLineBaseURL() throws {
        let portal = try Self.testPortal()
        let output = portal.workspace.appendingPathComponent("cli-site")
        func run(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = try CLITests.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try run(["build", portal.root.path, "--output", output.path, "--base-url", "https://nahled.example.org/x"]) == 0)
        #expect(try readOutputFile(output, "index.html").contains("<link rel=\"canonical\" href=\"https://nahled.example.org/x/\">"))
        #expect(try readOutputFile(output, "robots.txt").contains("Sitemap: https://nahled.example.org/x/sitemap.xml"))
        #expect(try run(["build", portal.root.path, "--output", output.path, "--base-url", "ftp://x"]) == 2)
    }

    // MARK: Incremental builds

    @Test func aChangedRecordChangesItsDataFilesIncrementally() throws {
        let portal = try Self.testPortal()
        let clean = portal.workspace.appendingPathComponent("clean")
        #expect(!portal.build().failed)
        let before = try snapshot(of: portal.output)

        // A body edit: only the project page is rendered again; no data file changes.
        try portal.write(Data((TestPortal.minimalProject + "\nDalší odstavec.\n").utf8), to: "content/projects/minimalni.md")
        let bodyEdit = portal.build()
        #expect(!bodyEdit.failed && bodyEdit.pagesRendered == 1, "\(bodyEdit.pagesRendered) pages rendered")
        let afterBody = try snapshot(of: portal.output)
        for file in afterBody.keys where file.hasPrefix("data/") || file.hasSuffix(".xml") {
            #expect(afterBody[file] == before[file], "\(file) changed after a body edit")
        }

        // An amount moves between two sources: the data files change, and equal a clean build.
        var changed = try edited(TestPortal.minimalProject, replacing: "amount: 850 000,00 Kč", with: "amount: 849 999,99 Kč")
        changed = try edited(changed, replacing: "amount: 100 000,00 Kč", with: "amount: 100 000,01 Kč")
        try portal.write(Data(changed.utf8), to: "content/projects/minimalni.md")
        let amountEdit = portal.build()
        #expect(!amountEdit.failed, "\(amountEdit.summary)")
        let after = try snapshot(of: portal.output)
        for file in ["data/projekty/minimalni.json", "data/projekty.csv", "data/projekty.json"] {
            #expect(after[file] != before[file], "\(file) did not change")
        }
        #expect(after["data/projekty/zapeklity.json"] == before["data/projekty/zapeklity.json"])
        let projectData = try #require(after["data/projekty/minimalni.json"])
        let json = try #require(try JSONSerialization.jsonObject(with: projectData) as? [String: Any])
        let sources = try #require((json["budget"] as? [String: Any])?["sources"] as? [[String: Any]])
        #expect(sources.map { $0["amount"] as? String } == ["849999.99", "100000.01", "50000.00"])
        // The record's stated 85 % still matches, so it stays the rate.
        #expect((json["budget"] as? [String: Any])?["union_cofinancing_rate"] as? String == "85")
        #expect(try Self.csvRows(portal.output).rows.first { $0["slug"] == "minimalni" }?["union_contribution"] == "849999.99")

        // A new news item changes the feed; the result equals a clean build.
        try portal.write(Data(Self.news("Nejnovější", date: "2026-01-01", summary: "Nové.").utf8), to: "content/news/nejnovejsi.md")
        #expect(!portal.build().failed)
        #expect(try portal.page("aktuality/feed.xml").contains("https://test.example.cz/aktuality/nejnovejsi/"))
        #expect(try portal.page("sitemap.xml").contains("https://test.example.cz/aktuality/nejnovejsi/"))
        #expect(!runBuilder(portal: portal.root, output: clean).failed)
        #expect(try snapshot(of: portal.output) == snapshot(of: clean), "incremental output differs from a clean build")
    }

    @Test func newOutputsAreByteDeterministic() throws {
        let portal = try Self.testPortal()
        let second = portal.workspace.appendingPathComponent("second")
        #expect(!portal.build().failed)
        #expect(!runBuilder(portal: portal.root, output: second).failed)
        let a = try snapshot(of: portal.output), b = try snapshot(of: second)
        for file in a.keys where file.hasPrefix("data/") || file.hasSuffix(".xml") || file.hasSuffix(".txt") {
            #expect(a[file] == b[file], "\(file) differs between two clean builds")
        }
    }
}
