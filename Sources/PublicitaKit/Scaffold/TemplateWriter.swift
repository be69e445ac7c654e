/// Writes a commented YAML template of a mapping from its field specification:
/// every field with its description as a comment, required fields left empty with
/// a `# TODO` mark (an empty required field fails `publicita check` as
/// `yaml.required` until it is filled in), optional fields left empty, and
/// optional lists of mappings written as a commented-out example to copy.
struct TemplateWriter {
    /// Values to write instead of an empty field, by field path (`title`,
    /// `budget.sources[1].amount`), as YAML text.
    var values: [String: String] = [:]
    /// Lists of mappings written out (not commented), with how many items, by field path.
    var listItems: [String: Int] = [:]
    /// Lines wrap before this column.
    var width = 100

    private(set) var lines: [String] = []

    /// The TODO mark of a required field.
    static let todo = "# TODO: povinné"

    /// Appends the fields of `spec` at `indent` spaces; `path` is the mapping's field path.
    mutating func write(_ spec: ObjectSpec, indent: Int, path: String) {
        for field in spec.fields {
            write(field, indent: indent, path: path.isEmpty ? field.name : "\(path).\(field.name)", dash: false)
        }
    }

    /// Appends one field. With `dash`, the field is the first of a list item: its
    /// line starts with `- ` two columns left of `indent`.
    private mutating func write(_ field: FieldSpec, indent: Int, path: String, dash: Bool) {
        // The description of an item's first field stands above the item's dash.
        comment(field.description.cs, indent: dash ? indent - 2 : indent)
        let lead = dash ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
        switch field.kind {
        case .object(let spec):
            if !field.isRequired && spec.fields.contains(where: \.isRequired) && values[path] == nil
                && !values.keys.contains(where: { $0.hasPrefix(path + ".") }) {
                // Filling it in half would be an error: offer it as a commented-out example.
                commentedOut(field, indent: indent, lead: lead)
                return
            }
            lines.append(lead + field.name + ":")
            write(spec, indent: indent + 2, path: path)
        case .list(.object(let spec)):
            guard let count = listItems[path], count > 0 else {
                commentedOut(field, indent: indent, lead: lead)
                return
            }
            lines.append(lead + field.name + ":")
            for index in 0..<count {
                writeItem(spec, indent: indent + 4, path: "\(path)[\(index)]")
            }
        default:
            lines.append(lead + field.name + ":" + scalarValue(field, path: path))
        }
    }

    /// Appends one list item of a list of mappings.
    private mutating func writeItem(_ spec: ObjectSpec, indent: Int, path: String) {
        for (index, field) in spec.fields.enumerated() {
            write(field, indent: indent, path: "\(path).\(field.name)", dash: index == 0)
        }
    }

    /// The text after `key:` for a scalar or a list of scalars.
    private func scalarValue(_ field: FieldSpec, path: String) -> String {
        if let value = values[path] { return " " + value }
        switch field.requirement {
        case .optional: return ""
        case .required: return "  " + Self.todo
        case .requiredUnless(let other, let value?):
            return "  " + Self.todo + " (kromě \(other): \(value))"
        case .requiredUnless(let other, nil):
            return "  " + Self.todo + " (pokud není vyplněno \(other))"
        }
    }

    /// Appends `field` filled with its examples, every line commented out.
    private mutating func commentedOut(_ field: FieldSpec, indent: Int, lead: String) {
        var example = TemplateWriter(width: width)
        example.example(field, indent: 0, dash: false)
        let pad = String(repeating: " ", count: indent)
        for (index, line) in example.lines.enumerated() {
            // The first line keeps a list item's dash, so that uncommenting gives valid YAML.
            lines.append((index == 0 && lead.hasSuffix("- ") ? String(lead.dropLast(2)) + "# - " : pad + "# ") + line)
        }
    }

    /// Appends every field of `spec` with its example value (a record using every field, for tests).
    mutating func writeExample(_ spec: ObjectSpec) {
        for field in spec.fields { example(field, indent: 0, dash: false) }
    }

    /// Appends `field` with its example values (for a commented-out example).
    private mutating func example(_ field: FieldSpec, indent: Int, dash: Bool) {
        if indent > 0 || dash { comment(field.description.cs, indent: dash ? indent - 2 : indent) }
        let lead = dash ? String(repeating: " ", count: indent - 2) + "- " : String(repeating: " ", count: indent)
        switch field.kind {
        case .object(let spec):
            lines.append(lead + field.name + ":")
            for nested in spec.fields { example(nested, indent: indent + 2, dash: false) }
        case .list(.object(let spec)):
            lines.append(lead + field.name + ":")
            for (index, nested) in spec.fields.enumerated() { example(nested, indent: indent + 4, dash: index == 0) }
        case .list(.list):
            lines.append(lead + field.name + ":")
            if let value = field.example { lines.append(String(repeating: " ", count: indent + 2) + "- " + value) }
        default:
            lines.append(lead + field.name + ":" + (field.example.map { " " + $0 } ?? ""))
        }
    }

    /// Appends `text` as comment lines at `indent`, wrapped.
    mutating func comment(_ text: String, indent: Int) {
        let pad = String(repeating: " ", count: indent) + "# "
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: true) {
            if !line.isEmpty && pad.count + line.count + 1 + word.count > width {
                lines.append(pad + line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(pad + line) }
    }
}
