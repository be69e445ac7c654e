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
    /// The names the partial's source refers to; nil when it cannot be memoized.
    private let references: References?
    private let lock = NSLock()
    private var rendered: [String: String] = [:]

    /// A memo for `template`, whose source is `source` (nil: the theme has no such template).
    init(template: String, source: String?) {
        self.template = template
        self.references = source.flatMap(References.init(scanning:))
    }

    /// The partial rendered with `context` in `language`.
    func render(_ context: [String: Any], theme: Theme, language: Language) -> String? {
        guard let references, let key = references.key(for: context, language: language) else {
            return theme.render(context, template: template, language: language)
        }
        if let text = lock.withLock({ rendered[key] }) { return text }
        guard let text = theme.render(context, template: template, language: language) else { return nil }
        lock.withLock { rendered[key] = text }
        return text
    }

    /// What a template's source looks up, and where.
    struct References: Equatable {
        /// The first component of every tag name (`nav` for `{{#nav}}`, `portal` for
        /// `{{portal.title}}`), sorted; not `.` (the current item) nor `t` (the UI
        /// strings, fixed for a language).
        var names: [String]
        /// Names looked up outside every section: always resolved against the page's context.
        var topLevel: Set<String>
        /// For names looked up inside sections: the enclosing sections of each use, outermost first.
        var enclosing: [String: [[String]]]

        /// Scans `source`; nil when it includes partials or changes its delimiters,
        /// which a plain scan cannot follow.
        init?(scanning source: String) {
            var names: Set<String> = [], topLevel: Set<String> = [], enclosing: [String: [[String]]] = [:]
            var sections: [String] = []
            var rest = source[...]
            while let open = rest.range(of: "{{") {
                var tag = rest[open.upperBound...]
                guard let close = tag.range(of: "}}") else { return nil }
                tag = tag[..<close.lowerBound]
                rest = rest[close.upperBound...]
                let sigil = tag.first.map { "#^/".contains($0) ? $0 : " " } ?? " "
                var name = tag.drop { "{#^/&".contains($0) }.trimmingCharacters(in: .whitespaces)
                if name.hasPrefix(">") || name.hasPrefix("=") || name.hasPrefix("<") || name.hasPrefix("$") { return nil }
                if name.hasPrefix("!") || name.hasPrefix("%") { continue }
                if name.hasSuffix("}") { name.removeLast() }
                if sigil == "/" {
                    if !sections.isEmpty { sections.removeLast() }
                    continue
                }
                let root = name.split(separator: ".", maxSplits: 1).first.map(String.init) ?? ""
                if !root.isEmpty && root != "t" {
                    names.insert(root)
                    if sections.isEmpty { topLevel.insert(root) } else { enclosing[root, default: []].append(sections) }
                }
                // An inverted section shows nothing of its value's items (it renders when
                // there are none), so it never shadows a name: it enters the chain under a
                // name no context has.
                if sigil == "#" { sections.append(root) } else if sigil == "^" { sections.append("^" + root) }
            }
            self.names = names.sorted()
            self.topLevel = topLevel
            self.enclosing = enclosing
        }

        /// A text that differs whenever the partial could render differently for
        /// `context`; nil when a value is of a kind it cannot describe.
        ///
        /// A name used only inside list sections (`title` in `{{#nav}}…{{title}}…`) is
        /// found in the list's items: the page's own value of that name counts only
        /// when an item lacks it. Objects in lists are described by the values of
        /// `names` only (nothing else is looked up in them), which also keeps the
        /// description in a fixed order without sorting their keys.
        func key(for context: [String: Any], language: Language) -> String? {
            var key = language.rawValue
            for name in names {
                key += "\u{1}"
                guard rootValueMatters(name, in: context) else { key += "c"; continue }
                guard Self.describe(context[name], names: names, into: &key) else { return nil }
            }
            return key
        }

        private func rootValueMatters(_ name: String, in context: [String: Any]) -> Bool {
            if topLevel.contains(name) { return true }
            return (enclosing[name] ?? []).contains { chain in
                !chain.contains { section in
                    switch context[section] {
                    case let list as [[String: Any]]: return list.allSatisfy { $0[name] != nil }
                    case let object as [String: Any]: return object[name] != nil
                    default: return false
                    }
                }
            }
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
}
