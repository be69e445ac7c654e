/// A template that cannot be compiled, and where: the template's name and the
/// line and column (1-based, in characters) of the tag at fault.
struct MustacheError: Error, Equatable, CustomStringConvertible {
    enum Kind: Equatable {
        /// `{{` without its closing delimiter.
        case unclosedTag
        /// A section opened and never closed; the position is the opening tag's.
        case unclosedSection(String)
        /// `{{/name}}` closing another section than the open one.
        case mismatchedClose(expected: String, found: String)
        /// `{{/name}}` with no section open.
        case unopenedClose(String)
        /// A tag with no name (`{{}}`, `{{#}}`).
        case emptyName
        /// A name of a form the engine does not read (`a(b`, `f()x`).
        case invalidName(String)
        /// `{{=…=}}` without two delimiters.
        case invalidDelimiters
        /// `{{%…}}` other than `CONTENT_TYPE:HTML` or `CONTENT_TYPE:TEXT`.
        case unknownPragma(String)
        /// `{{> name}}` naming no template.
        case unknownPartial(String)
        /// Template inheritance (`{{<parent}}`, `{{$block}}`), which the theme does not use.
        case unsupported(String)
    }

    var kind: Kind
    /// The template's name (`project`, not the file's path).
    var template: String
    var line: Int
    var column: Int

    /// What went wrong, in both languages.
    var message: LocalizedText {
        switch kind {
        case .unclosedTag:
            LocalizedText(cs: "značka není uzavřena", en: "the tag is not closed")
        case .unclosedSection(let name):
            LocalizedText(cs: "oddíl „\(name)“ není uzavřen ({{/\(name)}} chybí)", en: "the section \"\(name)\" is not closed ({{/\(name)}} is missing)")
        case .mismatchedClose(let expected, let found):
            LocalizedText(cs: "{{/\(found)}} uzavírá jiný oddíl, než je otevřen („\(expected)“)", en: "{{/\(found)}} closes another section than the open one (\"\(expected)\")")
        case .unopenedClose(let name):
            LocalizedText(cs: "{{/\(name)}} uzavírá oddíl, který není otevřen", en: "{{/\(name)}} closes a section that is not open")
        case .emptyName:
            LocalizedText(cs: "značka nemá jméno", en: "the tag has no name")
        case .invalidName(let name):
            LocalizedText(cs: "jméno „\(name)“ nelze přečíst", en: "the name \"\(name)\" cannot be read")
        case .invalidDelimiters:
            LocalizedText(cs: "změna oddělovačů potřebuje dva oddělovače: {{=<% %>=}}", en: "a delimiter change needs two delimiters: {{=<% %>=}}")
        case .unknownPragma(let text):
            LocalizedText(cs: "neznámé nastavení „\(text)“", en: "unknown setting \"\(text)\"")
        case .unknownPartial(let name):
            LocalizedText(cs: "vložená šablona „\(name)“ neexistuje", en: "the included template \"\(name)\" does not exist")
        case .unsupported(let tag):
            LocalizedText(cs: "dědění šablon (\(tag)) publicita nepodporuje", en: "template inheritance (\(tag)) is not supported by publicita")
        }
    }

    var description: String { "\(template):\(line):\(column): \(message.en)" }
}
