import Foundation

/// Renders a partial such as the site header or footer once per distinct input
/// instead of once per page.
///
/// Thousands of project pages share the same header and footer; rendering them
/// through Mustache's dynamic look-ups on every page was a measurable part of a
/// build. The memo's key is the value of every name the partial's source refers
/// to (and the language), so two pages get the same text only when the partial
/// would have rendered the same text for both. A partial that includes other
/// partials, or a value of a kind the key cannot describe, is rendered directly.
final class PartialMemo: @unchecked Sendable {
    /// The partial's template name.
    let template: String
    /// The top-level names the partial's source refers to; nil when it cannot be memoized.
    private let names: [String]?
    private let lock = NSLock()
    private var rendered: [String: String] = [:]

    /// A memo for `template`, whose source is `source` (nil: the theme has no such template).
    init(template: String, source: String?) {
        self.template = template
        self.names = source.flatMap(Self.referencedNames)
    }

    /// The partial rendered with `context` in `language`.
    func render(_ context: [String: Any], theme: Theme, language: Language) -> String? {
        guard let names, let key = Self.key(names.map { context[$0] }, names: names, language: language) else {
            return theme.render(context, template: template, language: language)
        }
        if let text = lock.withLock({ rendered[key] }) { return text }
        guard let text = theme.render(context, template: template, language: language) else { return nil }
        lock.withLock { rendered[key] = text }
        return text
    }

    /// The first component of every tag name in `source` (`nav` for `{{#nav}}`,
    /// `t` for `{{t.home}}`); nil when the source includes partials or changes its
    /// delimiters, which a plain scan cannot follow.
    static func referencedNames(in source: String) -> [String]? {
        var names: Set<String> = []
        var rest = source[...]
        while let open = rest.range(of: "{{") {
            var tag = rest[open.upperBound...]
            guard let close = tag.range(of: "}}") else { return nil }
            tag = tag[..<close.lowerBound]
            rest = rest[close.upperBound...]
            var name = tag.drop { "{#^/&".contains($0) }.trimmingCharacters(in: .whitespaces)
            if name.hasPrefix(">") || name.hasPrefix("=") || name.hasPrefix("<") || name.hasPrefix("$") { return nil }
            if name.hasPrefix("!") || name.hasPrefix("%") { continue }
            if name.hasSuffix("}") { name.removeLast() }
            let root = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
            // `{{.}}` is the current item of a section, already part of its list's key;
            // `t` is the UI strings, fixed for a language.
            if root.isEmpty || root == "t" { continue }
            names.insert(root)
        }
        return names.sorted()
    }

    /// A text that differs whenever one of `values` does; nil when a value is of a kind it cannot describe.
    ///
    /// An object inside a list is described by the values of `names` only: the partial
    /// looks nothing else up in it (a name it lacks falls through to the outer
    /// context, which is described too). That also keeps the description in a fixed
    /// order without sorting the object's keys.
    static func key(_ values: [Any?], names: [String], language: Language) -> String? {
        var key = language.rawValue
        for value in values {
            key += "\u{1}"
            guard describe(value, names: names, into: &key) else { return nil }
        }
        return key
    }

    private static func describe(_ value: Any?, names: [String], into key: inout String) -> Bool {
        switch value {
        case nil: key += "n"
        case let text as String: key += "s\(text.utf8.count):"; key += text
        case let flag as Bool: key += flag ? "T" : "F"
        case let number as Int: key += "i\(number);"
        case let list as [[String: Any]]:
            key += "[\(list.count)"
            for item in list { guard describe(item, names: names, into: &key) else { return false } }
            key += "]"
        case let list as [String]:
            key += "[\(list.count)"
            for item in list { key += "s\(item.utf8.count):"; key += item }
            key += "]"
        case let object as [String: Any]:
            key += "{"
            for name in names { guard describe(object[name], names: names, into: &key) else { return false } }
            key += "}"
        default: return false
        }
        return true
    }
}
