import Foundation

/// Renders a partial such as the site header or footer once per distinct input
/// instead of once per page.
///
/// Thousands of pages share the same header and footer. What a partial's text
/// depends on is what its render looked up in the page's values: the engine
/// records those names (``MustacheRendering/rootNames``), and the memo keeps the
/// text under the values they had. A page whose values under the same names are
/// the same gets the same text, since a render that reads the same values writes
/// the same text. A render that read a value of a kind the memo cannot describe,
/// or the page's values whole, is not kept.
final class PartialMemo: @unchecked Sendable {
    // @unchecked: `entries` is only touched under `lock`.
    /// The partial's template name.
    let template: String
    private let lock = NSLock()
    /// For each set of names a render read (sorted), the texts by those names' values.
    private var entries: [(names: [String], texts: [String: String])] = []
    /// How many times the partial was rendered, not taken from the memo (tests count them).
    private(set) var renders = 0

    init(template: String) {
        self.template = template
    }

    /// The partial rendered with `context` in `language`.
    func render(_ context: [String: Any], theme: Theme, language: Language) -> String? {
        let known = lock.withLock { entries }
        for entry in known {
            if let key = Self.key(entry.names, in: context, language: language), let text = entry.texts[key] { return text }
        }
        guard let (text, read) = theme.renderRecordingNames(context, template: template, language: language) else { return nil }
        lock.withLock { renders += 1 }
        let names = read.subtracting(Self.fixedForLanguage).sorted()
        guard !read.contains("."), let key = Self.key(names, in: context, language: language) else { return text }
        lock.withLock {
            if let index = entries.firstIndex(where: { $0.names == names }) {
                entries[index].texts[key] = text
            } else {
                entries.append((names, [key: text]))
            }
        }
        return text
    }

    /// The UI strings: the same for every page of a language, which the key has.
    private static let fixedForLanguage: Set<String> = ["t"]

    /// The values of `names` in `context`, described in full; nil when one is of a kind
    /// ``describe(_:into:)`` does not know.
    private static func key(_ names: [String], in context: [String: Any], language: Language) -> String? {
        var key = language.rawValue
        for name in names {
            key += "\u{1}"
            guard describe(context[name], into: &key) else { return nil }
        }
        return key
    }

    private static func describe(_ value: Any?, into key: inout String) -> Bool {
        switch value {
        case nil: key += "n"
        case let text as String: key += "s\(text.utf8.count):"; key += text
        case let flag as Bool: key += flag ? "T" : "F"
        case let number as Int: key += "i\(number);"
        case let list as [[String: Any]]:
            key += "[\(list.count)"
            for item in list { guard describe(item, into: &key) else { return false } }
            key += "]"
        case let list as [String]:
            key += "[\(list.count)"
            for item in list { key += "s\(item.utf8.count):"; key += item }
            key += "]"
        case let object as [String: Any]:
            key += "{\(object.count)"
            for name in object.keys.sorted() {
                key += "s\(name.utf8.count):"; key += name
                guard describe(object[name], into: &key) else { return false }
            }
            key += "}"
        default: return false
        }
        return true
    }
}
