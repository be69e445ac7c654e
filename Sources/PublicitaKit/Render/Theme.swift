import Foundation
import Mustache

/// The templates, assets and UI strings a portal is rendered with: the built-in
/// theme, with any same-named file in the portal's own `templates/` taking its place.
public struct Theme: Sendable {
    /// The parsed templates, each parsed once.
    var library: MustacheLibrary
    /// Theme assets by output path under `assets/` (the stylesheet, …).
    var assets: [String: Data]
    /// The UI strings.
    var strings: Strings
    /// Fixed element ids the templates write (`id="obsah"`): anchors links may use,
    /// and ids body headings must not take.
    var staticIDs: Set<String>
    /// A hash of every template, asset and UI string: the build cache's key for the theme.
    var contentHash: UInt64 = 0
    /// Each template's source as written (before strings are inlined), by name.
    var sources: [String: String] = [:]
    /// The templates and strings of the other languages, for the pages of a
    /// bilingual portal whose records are in another language than the portal.
    var otherLanguages: [Language: Localized] = [:]

    /// Templates with one language's strings inlined, and those strings.
    struct Localized: Sendable {
        var library: MustacheLibrary
        var strings: Strings
    }

    /// The UI strings in `language` (the portal's when that language has no table).
    func strings(for language: Language) -> Strings {
        language == strings.language ? strings : otherLanguages[language]?.strings ?? strings
    }

    /// Loads the theme for a portal at `portalRoot` in `language`.
    public static func load(portalRoot: URL, language: Language) -> (Theme?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard !BuiltInTheme.files.isEmpty else {
            return (nil, [.error(.themeMissing, at: SourceLocation(file: "templates"),
                                 LocalizedText(cs: "vestavěná šablona chybí v instalaci publicita", en: "the built-in theme is missing from the publicita installation"))])
        }
        let strings: Strings
        do {
            strings = try Strings.load(language, from: BuiltInTheme.files(under: "strings"))
        } catch {
            return (nil, [.error(.themeStrings, at: SourceLocation(file: "strings/\(language.rawValue).yaml"),
                                 LocalizedText(cs: "překladovou tabulku nelze načíst: \(error)", en: "the translation table cannot be loaded: \(error)"))])
        }
        var sources: [String: (text: String, file: String)] = [:]
        var assets: [String: Data] = [:]
        collect(BuiltInTheme.files(under: "templates"), displayPrefix: "(theme)/templates", into: &sources, assets: &assets)
        diagnostics += collectPortalTemplates(portalRoot, into: &sources, assets: &assets)

        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                try library.register(HTML.contentTypePragma + inlineStrings(source.text, strings), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error(
                    .templateSyntax, at: SourceLocation(file: source.file, line: error.context.lineNumber, column: column(of: error)),
                    LocalizedText(cs: "chyba v šabloně: \(error.error)", en: "template error: \(error.error)")))
            } catch {
                diagnostics.append(.error(
                    .templateSyntax, at: SourceLocation(file: source.file),
                    LocalizedText(cs: "chyba v šabloně: \(error)", en: "template error: \(error)")))
            }
        }
        // The other languages' templates (the same sources, their strings inlined); a
        // template error is reported once, above, so it is not repeated here.
        var others: [Language: Localized] = [:]
        for other in Language.allCases where other != language {
            guard let table = try? Strings.load(other, from: BuiltInTheme.files(under: "strings")) else { continue }
            var otherLibrary = MustacheLibrary()
            for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
                try? otherLibrary.register(HTML.contentTypePragma + inlineStrings(source.text, table), named: name)
            }
            others[other] = Localized(library: otherLibrary, strings: table)
        }
        let idPattern = /id="([A-Za-z][A-Za-z0-9_-]*)"/
        var ids: Set<String> = []
        for source in sources.values {
            for match in source.text.matches(of: idPattern) { ids.insert(String(match.output.1)) }
        }
        var hash = ContentHash()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) { hash.combine(name); hash.combine(source.text) }
        for (path, data) in assets.sorted(by: { $0.key < $1.key }) { hash.combine(path); hash.combine(bytes: data) }
        hash.combine(strings.language.rawValue)
        for table in [strings] + others.keys.sorted(by: { $0.rawValue < $1.rawValue }).compactMap({ others[$0]?.strings }) {
            hash.combine(table.language.rawValue)
            for (key, value) in table.table.sorted(by: { $0.key < $1.key }) { hash.combine(key); hash.combine(value) }
        }
        return (Theme(library: library, assets: assets, strings: strings, staticIDs: ids, contentHash: hash.value,
                      sources: sources.mapValues(\.text), otherLanguages: others), diagnostics)
    }

    /// The column of a template syntax error in the file as written (the content-type
    /// pragma put in front of the first line is not the author's).
    private static func column(of error: MustacheTemplate.ParserError) -> Int {
        let column = error.context.columnNumber
        return error.context.lineNumber == 1 ? max(1, column - HTML.contentTypePragma.count) : column
    }

    /// Takes `*.mustache` files (by name) and `assets/*` files from a theme folder's
    /// `files` (path below the folder → bytes), later calls overriding earlier ones.
    private static func collect(_ files: [String: Data], displayPrefix: String, into sources: inout [String: (text: String, file: String)], assets: inout [String: Data]) {
        for (path, data) in files {
            let parts = path.split(separator: "/", omittingEmptySubsequences: false)
            if parts.count == 1, path.hasSuffix(".mustache") {
                if let text = String(data: data, encoding: .utf8) {
                    sources[String(path.dropLast(".mustache".count))] = (text, "\(displayPrefix)/\(path)")
                }
            } else if parts.count == 2, parts[0] == "assets", !parts[1].hasPrefix(".") {
                assets[path] = data
            }
        }
    }

    /// Replaces `{{t.key}}` (and `{{{t.key}}}`) by the translated text once, when the
    /// theme is loaded: the words are constant for a whole build, and looking each
    /// of them up through Mustache's dynamic context on every page was a large part
    /// of rendering. Unknown keys are left for Mustache (they render as before).
    static func inlineStrings(_ template: String, _ strings: Strings) -> String {
        guard template.contains("{{t.") || template.contains("{{{t.") else { return template }
        var output = ""
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            output += rest[..<open.lowerBound]
            let triple = rest[open.upperBound...].hasPrefix("{")
            let nameStart = triple ? rest.index(after: open.upperBound) : open.upperBound
            let closer = triple ? "}}}" : "}}"
            guard rest[nameStart...].hasPrefix("t."), let close = rest[nameStart...].range(of: closer) else {
                output += rest[open.lowerBound..<open.upperBound]
                rest = rest[open.upperBound...]
                continue
            }
            let key = String(rest[rest.index(nameStart, offsetBy: 2)..<close.lowerBound])
            if let text = strings.table[key], !key.contains(where: { $0 == " " || $0 == "(" }) {
                output += triple ? text : HTML.escape(text)
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        output += rest
        return output
    }

    /// Renders `context` with the template `name`, or nil when there is no such template.
    func render(_ context: Any, template name: String) -> String? {
        library.render(context, withTemplate: name)
    }

    /// Renders `context` with the template `name` and the UI strings of `language`.
    func render(_ context: Any, template name: String, language: Language) -> String? {
        guard language != strings.language, let other = otherLanguages[language] else { return render(context, template: name) }
        return other.library.render(context, withTemplate: name)
    }
}
