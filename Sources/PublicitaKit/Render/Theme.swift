import Foundation

/// The templates, assets and UI strings a portal is rendered with: the built-in
/// theme, with any same-named file in the portal's own `templates/` taking its place.
public struct Theme: Sendable {
    /// The compiled templates, each compiled once, with the portal language's UI strings inlined.
    var library: MustacheSet
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
        var library: MustacheSet
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

        let texts = sources.mapValues(\.text)
        let (library, errors) = MustacheSet.compile(texts, constant: uiString(strings))
        for error in errors {
            let file = sources[error.template]?.file ?? "templates/\(error.template).mustache"
            let at = SourceLocation(file: file, line: error.line, column: error.column)
            if case .unknownPartial = error.kind {
                diagnostics.append(.error(.templateMissing, at: at, error.message))
            } else {
                diagnostics.append(.error(.templateSyntax, at: at,
                                          LocalizedText(cs: "chyba v šabloně: \(error.message.cs)", en: "template error: \(error.message.en)")))
            }
        }
        // The other languages' templates (the same sources, their strings inlined); a
        // template error is reported once, above, so it is not repeated here.
        var others: [Language: Localized] = [:]
        for other in Language.allCases where other != language {
            guard let table = try? Strings.load(other, from: BuiltInTheme.files(under: "strings")) else { continue }
            others[other] = Localized(library: MustacheSet.compile(texts, constant: uiString(table)).0, strings: table)
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

    /// The UI strings as constants of the templates: `{{t.key}}` becomes the key's
    /// text when the theme is compiled. The words are fixed for a whole build, and
    /// looking each of them up on every page was a large part of rendering. Unknown
    /// keys are left to be looked up (the page's `t`), rendering as before.
    static func uiString(_ strings: Strings) -> (NamePath) -> String? {
        let table = strings.table
        return { path in
            guard !path.anchored, path.transforms.isEmpty, path.components.count == 2, path.components[0] == "t" else { return nil }
            return table[path.components[1]]
        }
    }

    /// Renders `context` with the template `name`, or nil when there is no such template.
    func render(_ context: Any, template name: String) -> String? {
        library.render(context, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders `context` with the template `name` and the UI strings of `language`.
    func render(_ context: Any, template name: String, language: Language) -> String? {
        guard language != strings.language, let other = otherLanguages[language] else { return render(context, template: name) }
        return other.library.render(context, template: name).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Renders `context` with the template `name` and the UI strings of `language`,
    /// with the names the render looked up in `context` itself.
    func renderRecordingNames(_ context: Any, template name: String, language: Language) -> (text: String, names: Set<String>)? {
        let library = language == strings.language ? library : otherLanguages[language]?.library ?? library
        return library.renderRecordingNames(context, template: name).map { (String(decoding: $0.output, as: UTF8.self), $0.names) }
    }

    /// Renders `context` with the template `name` and the UI strings of `language`, as UTF-8.
    func renderBytes(_ context: Any, template name: String, language: Language) -> [UInt8]? {
        let library = language == strings.language ? library : otherLanguages[language]?.library ?? library
        return library.render(context, template: name)
    }
}
