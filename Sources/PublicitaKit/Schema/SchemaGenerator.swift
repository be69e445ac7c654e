/// Writes JSON Schema (draft-07) files for `portal.yaml` and each kind of content
/// record from the same field specifications the loader checks against.
///
/// Draft-07, because the YAML language server (VS Code's YAML extension) supports
/// draft-07 and below and many installed versions warn on a 2020-12 `$schema`. The
/// keywords (`type` lists, `properties`, `required`, `additionalProperties`,
/// `pattern`, `enum`, `const`, `items`, `minItems`, `minimum`, `allOf`, `if`/`else`,
/// `description`) mean the same in later drafts, and there is no `$ref`.
///
/// Every value checked by a `pattern` also carries the forms it accepts in words:
/// in its `description` (shown on hover) and in `patternErrorMessage`, which the
/// YAML language server shows instead of "String does not match the pattern of
/// …" with a regular expression of hundreds of characters.
///
/// A schema is an editor's aid, not the check: it cannot add up a budget, follow
/// a link or compare dates. `publicita check` stays the authority; the schema
/// accepts what `check` reads (apart from the few stricter points below) and
/// refuses what it can see is wrong: unknown and missing fields, values of the
/// wrong type, malformed amounts, shares, dates and registration numbers.
///
/// Stricter than `check`: the words of `kind`, `status`, `language` and `funding`
/// must be written in lower case (as documented); amounts must not be negative
/// (`check` refuses them as `budget.negative`).
public enum SchemaGenerator {
    /// The schema files, by file name, in a fixed order.
    public static let files: [(name: String, title: String, spec: ObjectSpec)] = [
        ("portal.schema.json", "publicita: portal.yaml", PortalConfig.spec),
        ("project.schema.json", "publicita: projekt (content/projects/*.md)", Project.spec),
        ("report.schema.json", "publicita: zpráva (content/reports/*.md)", Report.spec),
        ("page.schema.json", "publicita: stránka (content/pages/*.md)", Page.spec),
        ("news.schema.json", "publicita: aktualita (content/news/*.md)", NewsItem.spec),
    ]

    /// The schema file name for records of `kind` (`project.schema.json`).
    public static func fileName(for kind: ContentKind) -> String {
        switch kind {
        case .projects: return "project.schema.json"
        case .reports: return "report.schema.json"
        case .pages: return "page.schema.json"
        case .news: return "news.schema.json"
        }
    }

    /// Every schema file's text, by file name.
    public static func generateAll() -> [(name: String, text: String)] {
        files.map { ($0.name, schema(name: $0.name, title: $0.title, spec: $0.spec).rendered()) }
    }

    /// The draft the schemas declare.
    public static let draft = "http://json-schema.org/draft-07/schema#"

    /// Where every schema's `$id` starts: one address for all versions of publicita,
    /// independent of any portal's `base_url`. It names the schema and is never
    /// fetched (editors read the file beside the portal); `v1` changes only if the
    /// record format ever breaks compatibility (README, "Editor help: JSON Schema").
    public static let idBase = "https://publicita.github.io/schema/v1/"

    /// The JSON Schema document of a whole record.
    public static func schema(name: String, title: String, spec: ObjectSpec) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("$schema", .string(draft)),
            ("$id", .string(idBase + name)),
            ("title", .string(title)),
            ("description", .string("Generováno příkazem publicita schema z definic polí, podle kterých kontroluje publicita check; needitujte ručně.")),
        ]
        if case .object(let body) = objectSchema(spec, nullable: false) { members += body }
        return .object(members)
    }

    // MARK: Value patterns (ECMA-262 regular expressions, also valid for Python and ICU)

    /// Spaces that may separate thousands or follow the dots of a Czech date.
    static let groupSpace = "[ \\u00A0\\u202F]"
    /// A currency word `Money.parse` knows (Kč, Kc, CZK, €, EUR in any case).
    static let currency = "(?:[Kk](?:[Čč]|[Cc]\\u030C?)|[Cc][Zz][Kk]|€|[Ee][Uu][Rr])"
    /// A non-negative amount with at most two decimals, in Czech form or plain decimal, optionally with a currency.
    public static let moneyPattern: String = {
        let number = "(?:[0-9]+|[0-9]{1,3}(?:\(groupSpace)[0-9]{3})+)(?:[.,][0-9]{1,2}|,[-\\u2013])?"
        return "^\\s*(?:\(currency)\\s*\(number)|\(number)(?:\\s*\(currency))?)\\s*$"
    }()
    /// A percentage: `85 %`, `85%`, `76,74 %` (at most four decimals).
    public static let sharePattern = "^\\s*[0-9]+(?:[.,][0-9]{1,4})?\\s*%?\\s*$"
    /// A date that exists (apart from 29 February of a common year), ISO or Czech, year 1900–2200.
    public static let datePattern: String = {
        let year = "(?:19[0-9]{2}|2[01][0-9]{2}|2200)"
        let day31 = "(?:0?[1-9]|[12][0-9]|3[01])", day30 = "(?:0?[1-9]|[12][0-9]|30)", day29 = "(?:0?[1-9]|[12][0-9])"
        let month31 = "(?:0?[13578]|1[02])", month30 = "(?:0?[469]|11)", month2 = "0?2"
        let iso = "\(year)-(?:\(month31)-\(day31)|\(month30)-\(day30)|\(month2)-\(day29))"
        let dot = "\\.\(groupSpace)*"
        let czech = "(?:\(day31)\(dot)\(month31)|\(day30)\(dot)\(month30)|\(day29)\(dot)\(month2))\(dot)\(year)"
        return "^\\s*(?:\(iso)|\(czech))\\s*$"
    }()
    /// A registration number in the shape of 2014–2020 or of 2021–2027.
    public static let registrationNumberPattern: String = {
        let p2014 = "CZ\\.[0-9]{2}\\.[0-9]{1,2}\\.[0-9]{1,3}/[0-9]\\.[0-9]/[0-9]\\.[0-9]/[0-9]{2}_[0-9]{3}/[0-9]{7}"
        let p2021 = "CZ\\.[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}/[0-9]{2}/[0-9]{2}_[0-9]{3}/[0-9]{7}"
        return "^\\s*(?:\(p2014)|\(p2021))\\s*$"
    }()
    /// A whole number as text (`FieldReader.integer`: at most 12 characters).
    public static let integerPattern = "^[ \\t]*(?:[-+][0-9]{1,11}|[0-9]{1,12})[ \\t]*$"
    /// A yes/no word as text (`FieldReader.bool`, any case).
    public static let boolPattern: String = {
        let words = ["true", "false", "yes", "no", "ano", "ne"].map { word in
            word.map { "[\($0.uppercased())\($0)]" }.joined()
        }
        return "^(?:" + words.joined(separator: "|") + ")$"
    }()
    /// A slug (`Slug.isValid`).
    public static let slugPattern = "^\\s*[a-z0-9][a-z0-9-]{0,119}\\s*$"
    /// An element id (`Identifier.isValid`).
    public static let identifierPattern = "^\\s*\(Identifier.pattern)\\s*$"
    /// Text that is not blank.
    static let nonBlankPattern = "\\S"

    /// The forms a patterned value of `kind` accepts, in words (Czech, as the descriptions).
    static func form(_ kind: FieldKind) -> String {
        switch kind {
        case .money: return ValueForms.money.cs
        case .share: return ValueForms.share.cs
        case .date: return ValueForms.date.cs
        case .integer: return ValueForms.integer.cs
        case .bool: return ValueForms.bool.cs
        case .registrationNumber: return ValueForms.registrationNumber.cs
        case .slug: return ValueForms.slug.cs
        case .identifier: return ValueForms.identifier.cs
        case .text, .enumeration, .list, .object: return ValueForms.nonBlank.cs
        }
    }

    /// What a failed pattern says: the accepted forms and what else the pattern holds to.
    static func patternMessage(_ kind: FieldKind) -> String {
        switch kind {
        case .money: return form(kind) + " Měna (Kč, CZK, EUR, €) smí stát před číslem i za ním; částka nesmí být záporná."
        case .date: return form(kind) + " Den musí v kalendáři existovat, rok 1900–2200."
        case .slug: return form(kind) + " Na začátku písmeno nebo číslice, nejvýše 120 znaků."
        default: return form(kind)
        }
    }

    // MARK: Building

    /// The schema of a mapping with the fields of `spec`.
    static func objectSchema(_ spec: ObjectSpec, nullable: Bool) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", types(["object"], nullable: nullable))]
        members.append(("properties", .object(spec.fields.map { ($0.name, propertySchema($0)) })))
        let required = spec.fields.filter(\.isRequired).map { JSONValue.string($0.name) }
        if !required.isEmpty { members.append(("required", .array(required))) }
        members.append(("additionalProperties", .bool(false)))
        var conditions: [JSONValue] = []
        for field in spec.fields {
            guard case .requiredUnless(let other, let value) = field.requirement else { continue }
            var condition: [(String, JSONValue)] = [("required", .array([.string(other)]))]
            let otherValue: JSONValue = value.map { .object([("const", .string($0))]) }
                ?? .object([("not", .object([("type", .string("null"))]))])
            condition.append(("properties", .object([(other, otherValue)])))
            conditions.append(.object([
                ("if", .object(condition)),
                // Written empty counts as missing, as in the loader.
                ("else", .object([("required", .array([.string(field.name)])),
                                  ("properties", .object([(field.name, .object([("not", .object([("type", .string("null"))]))]))]))])),
            ]))
        }
        if !conditions.isEmpty { members.append(("allOf", .array(conditions))) }
        return .object(members)
    }

    /// The schema of one field: its description (with the accepted forms of a
    /// patterned value) and the schema of its value.
    static func propertySchema(_ field: FieldSpec) -> JSONValue {
        // An optional field may be written empty (`summary:`): the loader reads that as absent.
        let value = valueSchema(field.kind, nullable: !field.isRequired, required: field.isRequired)
        guard case .object(var members) = value else { return value }
        var description = field.description.cs
        if let index = members.firstIndex(where: { $0.0 == "description" }), case .string(let form) = members[index].1 {
            if !description.contains(form) { description += " " + form }
            members.remove(at: index)
        }
        return .object([("description", .string(description))] + members)
    }

    /// A value of `kind` checked by `pattern`, with its accepted forms in words: the
    /// YAML language server shows `patternErrorMessage` when the pattern fails.
    private static func patterned(_ kind: FieldKind, _ types: [String], nullable: Bool, _ pattern: String,
                                  more: [(String, JSONValue)] = []) -> JSONValue {
        .object([("description", .string(form(kind))), ("type", SchemaGenerator.types(types, nullable: nullable)),
                 ("pattern", .string(pattern)), ("patternErrorMessage", .string(patternMessage(kind)))] + more)
    }

    /// The schema of a value of `kind`.
    static func valueSchema(_ kind: FieldKind, nullable: Bool, required: Bool) -> JSONValue {
        switch kind {
        case .text:
            let types = ["string", "number", "boolean"]
            if required { return patterned(kind, types, nullable: nullable, nonBlankPattern) }
            return .object([("type", SchemaGenerator.types(types, nullable: nullable))])
        case .money:
            return patterned(kind, ["string", "number"], nullable: nullable, moneyPattern, more: [("minimum", .number("0"))])
        case .share:
            return patterned(kind, ["string", "number"], nullable: nullable, sharePattern, more: [("minimum", .number("0"))])
        case .date:
            return patterned(kind, ["string"], nullable: nullable, datePattern)
        case .integer:
            return patterned(kind, ["integer", "string"], nullable: nullable, integerPattern)
        case .bool:
            return patterned(kind, ["boolean", "string"], nullable: nullable, boolPattern)
        case .registrationNumber:
            return patterned(kind, ["string"], nullable: nullable, registrationNumberPattern)
        case .slug:
            return patterned(kind, ["string"], nullable: nullable, slugPattern)
        case .identifier:
            return patterned(kind, ["string"], nullable: nullable, identifierPattern)
        case .enumeration(let words):
            return .object([("type", types(["string"], nullable: nullable)),
                            ("enum", .array(words.map(JSONValue.string) + (nullable ? [.null] : [])))])
        case .list(let item):
            var members: [(String, JSONValue)] = [("type", types(["array"], nullable: nullable))]
            if required { members.append(("minItems", .number("1"))) }
            // Empty items of a list of texts are skipped by the loader; mappings in a list may not be empty.
            let itemIsObject: Bool = { if case .object = item { return true }; return false }()
            members.append(("items", valueSchema(item, nullable: !itemIsObject, required: false)))
            return .object(members)
        case .object(let spec):
            return objectSchema(spec, nullable: nullable)
        }
    }

    /// A `type` keyword: one name, or a list when there are several.
    private static func types(_ names: [String], nullable: Bool) -> JSONValue {
        let all = names + (nullable ? ["null"] : [])
        return all.count == 1 ? .string(all[0]) : .array(all.map(JSONValue.string))
    }
}
