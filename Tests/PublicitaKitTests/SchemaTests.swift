import Foundation
import Testing
@testable import PublicitaKit

/// The JSON Schema files: generated from the field specifications the loader
/// uses, committed in `schema/`, and agreeing with the value parsers.
@Suite("JSON Schema")
struct SchemaTests {
    @Test func committedSchemaFilesAreWhatTheGeneratorWritesNow() throws {
        let folder = TestPaths.repositoryRoot.appendingPathComponent("schema")
        for file in SchemaGenerator.generateAll() {
            let committed = try String(contentsOf: folder.appendingPathComponent(file.name), encoding: .utf8)
            #expect(committed == file.text, "schema/\(file.name) is out of date: run `publicita schema` and commit the result")
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        #expect(names == SchemaGenerator.files.map(\.name).sorted(), "schema/ holds files the generator does not write")
    }

    @Test func everySchemaIsValidJSONWithClosedObjects() throws {
        for file in SchemaGenerator.generateAll() {
            let object = try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any]
            // Draft-07: what the YAML language server supports without a warning.
            #expect(object?["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
            // One address per file for every version, whatever a portal's base_url.
            #expect(object?["$id"] as? String == "https://publicita.github.io/schema/v1/\(file.name)")
            // Every object schema closes its properties, so that a typo is underlined.
            let objects = file.text.components(separatedBy: "\"properties\": {").count - 1
            let closed = file.text.components(separatedBy: "\"additionalProperties\": false").count - 1
            #expect(objects > 0 && objects == closed + conditionalProperties(in: file.text), "\(file.name): \(objects) objects, \(closed) closed")
        }
    }

    /// Every value a `pattern` checks says in words what it accepts: on hover
    /// (`description`) and when the pattern fails (`patternErrorMessage`, which the
    /// YAML language server shows instead of the regular expression).
    @Test func everyPatternCarryingPropertyDescribesItsForms() throws {
        var patterned = 0
        func visit(_ node: Any, path: String, file: String) {
            if let object = node as? [String: Any] {
                if let pattern = object["pattern"] as? String {
                    patterned += 1
                    let description = object["description"] as? String ?? ""
                    let message = object["patternErrorMessage"] as? String ?? ""
                    #expect(!description.isEmpty, "\(file) \(path): a pattern without a description")
                    #expect(!message.isEmpty, "\(file) \(path): a pattern without a patternErrorMessage")
                    #expect(!message.contains(pattern) && message.count < 300, "\(file) \(path): the message is not words: \(message)")
                    #expect(description.contains(message.prefix(20)), "\(file) \(path): hover and message say different things")
                }
                for (key, value) in object { visit(value, path: path + "/" + key, file: file) }
            } else if let array = node as? [Any] {
                for (index, value) in array.enumerated() { visit(value, path: path + "/\(index)", file: file) }
            }
        }
        for file in SchemaGenerator.generateAll() {
            visit(try JSONSerialization.jsonObject(with: Data(file.text.utf8)), path: "", file: file.name)
        }
        #expect(patterned >= 50, "only \(patterned) patterned values found")
        // The money and date patterns, the longest, are described by their forms.
        let money = SchemaGenerator.patternMessage(.money), date = SchemaGenerator.patternMessage(.date)
        #expect(money.contains("6 516 052,50 Kč") && money.contains("6516052.50") && money.contains("záporná"))
        #expect(date.contains("2018-03-01") && date.contains("1. 3. 2018") && date.contains("1900–2200"))
    }

    /// `properties` inside `if`/`else` conditions (not object schemas of their own).
    private func conditionalProperties(in text: String) -> Int {
        text.components(separatedBy: "\"if\": {").count - 1 + text.components(separatedBy: "\"else\": {").count - 1
    }

    // MARK: One list of fields

    @Test func modelFieldListsComeFromTheSpecifications() {
        #expect(Project.fields == Project.spec.names)
        #expect(Report.fields == Report.spec.names)
        #expect(Report.FundedBy.fields == Report.FundedBy.spec.names)
        #expect(Page.fields == Page.spec.names)
        #expect(NewsItem.fields == NewsItem.spec.names)
        #expect(Period.fields == Period.spec(requireStart: true).names)
        #expect(Budget.fields == Budget.spec.names)
        #expect(FundingSource.fields == FundingSource.spec.names)
        #expect(Activity.fields == Activity.spec.names)
        #expect(Target.fields == Target.spec.names)
        #expect(Contact.fields == Contact.spec.names)
        #expect(DocumentLink.fields == DocumentLink.spec.names)
        #expect(Correction.fields == Correction.spec.names)
        #expect(ContentTable.fields == ContentTable.spec.names)
        #expect(Abbreviation.fields == Abbreviation.spec.names)
        #expect(PortalConfig.fields == PortalConfig.spec.names)
        #expect(PortalConfig.Accessibility.fields == PortalConfig.accessibilitySpec.names)
    }

    /// A record using every field of its specification (example values) loads
    /// without an unknown-field or type error: the specification names nothing the loader refuses.
    @Test(arguments: ContentKind.allCases)
    func everySpecifiedFieldIsKnownToTheLoader(kind: ContentKind) {
        var writer = TemplateWriter()
        writer.writeExample(Scaffold.spec(kind))
        let text = "---\n" + writer.lines.joined(separator: "\n") + "\n---\nText.\n"
        let diagnostics = ContentLoader.diagnose(text, kind: kind)
        let shape = diagnostics.filter { [RuleID.yamlUnknownField, RuleID.yamlType, RuleID.yamlSyntax, RuleID.moneyFormat, RuleID.dateFormat, RuleID.shareFormat].contains($0.rule) }
        #expect(shape.isEmpty, "\(kind):\n\(text)\n\(shape.map { "\($0.rule) \($0.field ?? "") \($0.message.en)" })")
    }

    @Test func everySpecifiedPortalFieldIsKnownToTheLoader() throws {
        var writer = TemplateWriter()
        writer.writeExample(PortalConfig.spec)
        let portal = try TestPortal(files: ["portal.yaml": writer.lines.joined(separator: "\n") + "\n"])
        let outcome = portal.check()
        let shape = outcome.diagnostics.filter { $0.location.file == "portal.yaml" && $0.rule.rawValue.hasPrefix("yaml.") }
        let source = try portal.source("portal.yaml")
        #expect(shape.isEmpty, "\(source)\n\(outcome.summary)")
    }

    // MARK: Patterns agree with the parsers

    /// Whether `pattern` matches all of `text` (ICU regular expressions read these patterns as ECMA-262 does).
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static func agree(_ name: String, pattern: String, seeds: [String], seed: UInt64, count: Int = 20_000,
                      accepts: (String) -> Bool, except: (String) -> Bool = { _ in false }) {
        var inputs = FuzzInputs(seed: seed, seeds: seeds)
        var disagreements: [String] = []
        for text in seeds + (0..<count).map({ _ in inputs.next() }) where !except(text) {
            if matches(pattern, text) != accepts(text) {
                disagreements.append("\(matches(pattern, text) ? "schema accepts" : "schema refuses") \(text.debugDescription)")
            }
        }
        #expect(disagreements.isEmpty, "\(name): \(disagreements.count) disagreements, e.g.\n\(disagreements.prefix(15).joined(separator: "\n"))")
    }

    /// More digits than the parsers' 64-bit integers hold.
    static func tooLong(_ text: String) -> Bool { text.filter(\.isASCII).filter(\.isNumber).count > 17 }

    /// A combining caron on a space or a digit: the parsers read grapheme clusters, where
    /// `" \u{030C}"` still counts as a space; a pattern reads code points. Such text does
    /// not come from a keyboard.
    static func strayCombiningMark(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { index in
            scalars[index] == "\u{030C}" && (index == 0 || !"cC".unicodeScalars.contains(scalars[index - 1]))
        }
    }

    @Test func moneyPatternAgreesWithMoneyParse() {
        Self.agree("money", pattern: SchemaGenerator.moneyPattern,
                   seeds: ["6 516 052,50 Kč", "6516052.50", "651606.25", "1 000,- Kč", "€ 5", "EUR 1 000,50", "12 34,5",
                           "4,485,600.00", "1.234", "1,234", "1 000 000, Kč", "Kč 1 000 000 Kč", "100 USD", "0,5", "1\u{00A0}000\u{202F}000,00 Kč", "5 Kc\u{030C}"],
                   seed: 0x5C4E_3A01,
                   accepts: { (try? Money.parse($0)).map { !$0.amount.isNegative } ?? false },
                   // Amounts of more than 18 digits parse as too large; a pattern does not count that far.
                   // A written minus before zero (`-0`) is refused by the schema, read as zero by the parser.
                   except: { text in
                       Self.tooLong(text) || Self.strayCombiningMark(text)
                           || ((try? Money.parse(text))?.amount == .zero && (text.contains("-") || text.contains("\u{2212}")))
                   })
    }

    @Test func sharePatternAgreesWithShareParse() {
        Self.agree("share", pattern: SchemaGenerator.sharePattern,
                   seeds: ["85 %", "85%", "76,74 %", "76.74", "85 procent", "0,85 ?", "85 % EU", "76,7,4 %", "12,34567 %"],
                   seed: 0x5C4E_3A02, accepts: { (try? Share.parse($0)) != nil },
                   except: { Self.tooLong($0) || Self.strayCombiningMark($0) })
    }

    @Test func datePatternAgreesWithDayParse() {
        Self.agree("date", pattern: SchemaGenerator.datePattern,
                   seeds: ["2018-03-01", "1. 3. 2018", "01.03.2018", "1.3.2018", "2024-13-01", "30. 2. 2030", "31. 4. 2020",
                           "12/31/2030", "2026/11/01", "1. 3. 18", "2201-01-01", "1899-12-31", "29. 2. 2024"],
                   seed: 0x5C4E_3A03, accepts: { (try? Day.parse($0)) != nil },
                   // 29 February of a common year: the pattern does not know leap years.
                   except: { text in
                       guard let match = text.firstMatch(of: /(?:-0?2-29|29\.[ \u{00A0}\u{202F}]*0?2\.)/) else { return false }
                       _ = match
                       return true
                   })
    }

    @Test func registrationNumberPatternAgreesWithTheParser() {
        Self.agree("registration number", pattern: SchemaGenerator.registrationNumberPattern,
                   seeds: ["CZ.03.2.60/0.0/0.0/16_052/0007824", "CZ.03.02.01/00/22_018/0001013", "cz.03.2.60/0.0/0.0/16_052/0007824",
                           "CZ.03.2.60/0.0/0.0/16.052/0007824", "CZ.03.2.60/0.0/0.0/16_052/7824", "CZ.3.2.1/0/22_18/1013",
                           " CZ.03.02.02/00/22_004/0000366 "],
                   seed: 0x5C4E_3A04, accepts: { (try? RegistrationNumber.parse($0)) != nil })
    }

    @Test func integerBoolAndSlugPatterns() {
        for text in ["36", "0", "-3", "+4", " 12 ", "123456789012"] { #expect(Self.matches(SchemaGenerator.integerPattern, text), "\(text)") }
        for text in ["sedm let", "3.5", "1234567890123", "", "3 6"] { #expect(!Self.matches(SchemaGenerator.integerPattern, text), "\(text)") }
        for text in ["true", "False", "ano", "NE", "yes", "No"] { #expect(Self.matches(SchemaGenerator.boolPattern, text), "\(text)") }
        for text in ["", "y", "pravda", "true "] { #expect(!Self.matches(SchemaGenerator.boolPattern, text), "\(text)") }
        for text in ["liberec-apk", "a", "2024-zprava"] { #expect(Self.matches(SchemaGenerator.slugPattern, text) == Slug.isValid(text), "\(text)") }
        for text in ["Liberec APK", "-x", "kroměříž", "../x", String(repeating: "a", count: 121)] {
            #expect(!Self.matches(SchemaGenerator.slugPattern, text) && !Slug.isValid(text), "\(text)")
        }
    }
}
