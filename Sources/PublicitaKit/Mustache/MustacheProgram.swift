/// A name of a tag, resolved when the template is compiled: its dotted parts,
/// split once, and how the first part is looked up.
struct NamePath: Sendable, Equatable {
    /// `person.name` → `["person", "name"]`; empty for `{{.}}` (the current value).
    var components: [String]
    /// `.name`: looked up in the current value only, not in the enclosing ones.
    var anchored: Bool
    /// swift-mustache's transforms, innermost first: `uppercased(name)` → `["uppercased"]`.
    /// With no components they apply to the list item being rendered (`{{#first()}}`).
    var transforms: [String] = []

    /// The name as written in the template, for messages.
    var text: String {
        var text = (anchored ? "." : "") + components.joined(separator: ".")
        if text.isEmpty { text = "." }
        for transform in transforms { text = "\(transform)(\(text))" }
        return text
    }
}

/// Literal text of a template, ready to append.
struct TextChunk: Sendable {
    var bytes: [UInt8]
    /// Offsets in `bytes` where a line of the template begins: a partial included on
    /// its own, indented line is indented there (the spec's standalone indentation).
    var lineStarts: [Int]
}

/// One step of a compiled template.
enum MustacheOp: Sendable {
    case text(TextChunk)
    /// `{{name}}` (escaped as the content type says) or `{{{name}}}` / `{{&name}}`.
    case value(NamePath, escaped: Bool)
    /// `{{#name}}…{{/name}}` or, inverted, `{{^name}}…{{/name}}`.
    case section(NamePath, inverted: Bool, body: [MustacheOp])
    /// `{{> name}}`, linked to the template's index in its set; `indent` when it stands on its own line.
    case partial(Int, indent: [UInt8])
    /// `{{> *name}}`: the template named by a value, looked up when rendered.
    case dynamicPartial(NamePath, indent: [UInt8])
    /// A partial before linking (only inside the compiler).
    case unlinkedPartial(String, indent: [UInt8], offset: Int)
}

/// A compiled template.
struct MustacheProgram: Sendable {
    var name: String
    var ops: [MustacheOp]
    /// Bytes of literal text, a first guess of the output's size.
    var staticSize: Int
}
