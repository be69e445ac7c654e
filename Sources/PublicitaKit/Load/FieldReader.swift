import Foundation

/// Reads the fields of one YAML mapping of a record, reporting every problem
/// (wrong type, missing, unknown, unparseable value) with its line, and going on.
struct FieldReader {
    let context: RecordContext
    let mapping: YAMLNode.Mapping
    /// Values by key text.
    let values: [String: YAMLNode]
    /// The field path of this mapping (`budget`, `contacts[0]`); empty at the root.
    let path: String
    /// Where the mapping starts.
    let location: SourceLocation

    /// A reader over `node`, or nil (with a type error reported) when it is not a mapping.
    init?(node: YAMLNode, path: String, context: RecordContext) {
        let location = context.location(line: node.mark.line, column: node.mark.column)
        guard case .mapping(let mapping) = node else {
            context.report(Self.typeError(path.isEmpty ? nil : path, at: location,
                                          expected: LocalizedText(cs: "mapa polí (klíč: hodnota)", en: "a mapping of fields (key: value)"),
                                          found: node))
            return nil
        }
        self.context = context
        self.mapping = mapping
        var values: [String: YAMLNode] = [:]
        values.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            // The first occurrence wins; duplicate keys are refused by the parser already.
            if case .scalar(let scalar) = key, values[scalar.string] == nil { values[scalar.string] = value }
        }
        self.values = values
        self.path = path
        self.location = location
    }

    /// The field path of `key` within this mapping.
    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The node of `key`, treating `~`/empty as absent.
    func node(_ key: String) -> YAMLNode? {
        guard let value = values[key] else { return nil }
        if case .scalar(let scalar) = value, isNullText(scalar) { return nil }
        return value
    }

    private func isNullText(_ scalar: YAMLNode.Scalar) -> Bool {
        scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// Whether `key` is present with a value.
    func has(_ key: String) -> Bool { node(key) != nil }

    /// Location of the value of `key`, or of the mapping when it is absent.
    func location(of key: String) -> SourceLocation {
        if let mark = values[key]?.mark {
            return context.location(line: mark.line, column: mark.column)
        }
        return location
    }

    /// Where `key` itself is written (an empty value has no place of its own:
    /// the parser marks it where the next token starts, often the next line).
    func keyLocation(of key: String) -> SourceLocation? {
        for (keyNode, _) in mapping {
            if case .scalar(let scalar) = keyNode, scalar.string == key {
                return context.location(line: scalar.mark.line, column: scalar.mark.column)
            }
        }
        return nil
    }

    // MARK: Scalars

    /// The text of a scalar field, reporting a type error for lists and mappings.
    func scalarText(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        guard case .scalar(let scalar) = value else {
            context.report(Self.typeError(fieldPath(key), at: location(of: key),
                                          expected: LocalizedText(cs: "text nebo číslo", en: "text or a number"), found: value))
            return nil
        }
        return Located(scalar.string, at: location(of: key))
    }

    /// A text field, trimmed.
    func string(_ key: String, required: Bool = false) -> String? {
        guard let text = scalarText(key, required: required) else { return nil }
        let trimmed = Self.trimmed(text.value)
        if trimmed.isEmpty {
            if required { reportMissing(key) }
            return nil
        }
        return trimmed
    }

    /// `text` without leading and trailing whitespace (a native trim: Foundation's
    /// `trimmingCharacters` bridges through NSString and showed up in profiles).
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// A text field with its location.
    func locatedString(_ key: String, required: Bool = false) -> Located<String>? {
        guard let value = string(key, required: required) else { return nil }
        return Located(value, at: location(of: key))
    }

    /// A whole number.
    func integer(_ key: String) -> Located<Int>? {
        guard let text = scalarText(key) else { return nil }
        // Spaces and tabs only (what `CharacterSet.whitespaces` holds), trimmed without bridging to NSString.
        let isSpace = { (scalar: Unicode.Scalar) in scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.value.unicodeScalars
        let trimmed: String
        if let first = scalars.first, let last = scalars.last, !isSpace(first), !isSpace(last) {
            trimmed = text.value
        } else {
            trimmed = String(String.UnicodeScalarView(scalars.drop(while: isSpace).reversed().drop(while: isSpace).reversed()))
        }
        guard let number = Int(trimmed), trimmed.count <= 12 else {
            context.report(.error(
                .yamlType, at: text.location, field: fieldPath(key),
                LocalizedText(cs: "očekáváno celé číslo", en: "a whole number was expected"),
                expected: "0, 1, 2, …", found: text.value))
            return nil
        }
        return Located(number, at: text.location)
    }

    /// A yes/no field.
    func bool(_ key: String) -> Bool? {
        guard let text = scalarText(key) else { return nil }
        // The usual spellings first: `lowercased()` showed up in profiles.
        let value = ["true", "false", "yes", "no", "ano", "ne"].contains(text.value) ? text.value : text.value.lowercased()
        switch value {
        case "true", "yes", "ano": return true
        case "false", "no", "ne": return false
        default:
            context.report(.error(
                .yamlType, at: text.location, field: fieldPath(key),
                LocalizedText(cs: "očekáváno true nebo false", en: "true or false was expected"),
                expected: "true | false", found: text.value))
            return nil
        }
    }

    /// An amount of money, parsed exactly from its source text.
    func money(_ key: String, required: Bool = false) -> Located<ParsedMoney>? {
        guard let text = scalarText(key, required: required) else { return nil }
        do {
            return Located(try Money.parse(text.value), at: text.location)
        } catch {
            context.report(.error(
                .moneyFormat, at: text.location, field: fieldPath(key), error.message,
                expected: "6 516 052,50 Kč | 6516052.50", found: text.value, suggestion: error.suggestion))
            return nil
        }
    }

    /// A stated share (`85 %`).
    func share(_ key: String) -> Located<Share>? {
        guard let text = scalarText(key) else { return nil }
        do {
            return Located(try Share.parse(text.value), at: text.location)
        } catch {
            context.report(.error(
                .shareFormat, at: text.location, field: fieldPath(key), error.message,
                expected: "85 % | 76,74 %", found: text.value))
            return nil
        }
    }

    /// A date in ISO or Czech form.
    func day(_ key: String, required: Bool = false) -> Located<Day>? {
        guard let text = scalarText(key, required: required) else { return nil }
        do {
            return Located(try Day.parse(text.value), at: text.location)
        } catch {
            context.report(.error(
                .dateFormat, at: text.location, field: fieldPath(key), error.message,
                expected: "2018-03-01 | 1. 3. 2018", found: text.value))
            return nil
        }
    }

    // MARK: Collections

    /// A nested mapping.
    func mappingReader(_ key: String, required: Bool = false) -> FieldReader? {
        guard let value = node(key) else {
            if required { reportMissing(key) }
            return nil
        }
        return FieldReader(node: value, path: fieldPath(key), context: context)
    }

    /// The items of a list field (a single value is not a list: it is reported).
    func sequence(_ key: String) -> [(node: YAMLNode, path: String)] {
        guard let value = node(key) else { return [] }
        guard case .sequence(let items) = value else {
            context.report(Self.typeError(fieldPath(key), at: location(of: key),
                                          expected: LocalizedText(cs: "seznam (řádky začínající „- “)", en: "a list (lines starting with \"- \")"),
                                          found: value))
            return []
        }
        return items.enumerated().map { (node: $0.element, path: "\(fieldPath(key))[\($0.offset)]") }
    }

    /// A list of mappings (contacts, sources, …).
    func mappings(_ key: String) -> [FieldReader] {
        sequence(key).compactMapSized { FieldReader(node: $0.node, path: $0.path, context: context) }
    }

    /// A list of texts.
    func strings(_ key: String) -> [String] {
        sequence(key).compactMapSized { item in
            guard case .scalar(let scalar) = item.node else {
                context.report(Self.typeError(item.path, at: context.location(line: item.node.mark.line, column: item.node.mark.column),
                                              expected: LocalizedText(cs: "text", en: "text"), found: item.node))
                return nil
            }
            let text = Self.trimmed(scalar.string)
            return text.isEmpty ? nil : text
        }
    }

    // MARK: Shape

    /// Reports every key that is not in `known`, suggesting the nearest known name.
    func rejectUnknownKeys(_ known: [String]) {
        for (keyNode, _) in mapping {
            guard case .scalar(let scalar) = keyNode else { continue }
            let key = scalar.string
            if known.contains(key) { continue }
            let keyLocation = context.location(line: scalar.mark.line, column: scalar.mark.column)
            let nearest = NearestName.find(for: key, among: known)
            context.report(.error(
                .yamlUnknownField, at: keyLocation, field: fieldPath(key),
                LocalizedText(cs: "neznámé pole „\(key)“", en: "unknown field \"\(key)\""),
                expected: nearest ?? known.joined(separator: ", "), found: key,
                suggestion: nearest.map {
                    LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?")
                } ?? LocalizedText(cs: "známá pole: \(known.joined(separator: ", "))",
                                   en: "known fields: \(known.joined(separator: ", "))")))
        }
    }

    /// Reports a required field that is missing, or written with nothing after it.
    func reportMissing(_ key: String) {
        if values[key] != nil {
            // The line is there, only the value is not: point at that line, not at the mapping.
            context.report(.error(
                .yamlRequired, at: keyLocation(of: key) ?? location(of: key), field: fieldPath(key),
                LocalizedText(cs: "povinné pole „\(fieldPath(key))“ je prázdné: vyplňte hodnotu",
                              en: "the required field \"\(fieldPath(key))\" is empty: fill in its value"),
                suggestion: LocalizedText(cs: "vyplňte hodnotu za „\(key): “", en: "fill in the value after \"\(key): \"")))
            return
        }
        context.report(.error(
            .yamlRequired, at: location, field: fieldPath(key),
            LocalizedText(cs: "chybí povinné pole „\(fieldPath(key))“", en: "the required field \"\(fieldPath(key))\" is missing"),
            suggestion: LocalizedText(cs: "doplňte řádek „\(key): …“", en: "add a line \"\(key): …\"")))
    }

    static func typeError(_ field: String?, at location: SourceLocation, expected: LocalizedText, found node: YAMLNode) -> Diagnostic {
        let foundKind: LocalizedText
        switch node {
        case .scalar(let s): foundKind = LocalizedText(cs: "hodnota „\(s.string)“", en: "the value \"\(s.string)\"")
        case .mapping: foundKind = LocalizedText(cs: "mapa polí", en: "a mapping")
        case .sequence: foundKind = LocalizedText(cs: "seznam", en: "a list")
        }
        return .error(
            .yamlType, at: location, field: field,
            LocalizedText(cs: "chybný typ hodnoty: očekáváno \(expected.cs), nalezena \(foundKind.cs)",
                          en: "wrong type: expected \(expected.en), found \(foundKind.en)"),
            expected: expected.cs, found: foundKind.cs)
    }
}
