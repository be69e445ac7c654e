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
    /// For each set of names a render read (sorted), the texts by the hash of those names' values.
    private var entries: [(names: [String], texts: [UInt64: String])] = []
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

    /// The hash of the values of `names` in `context`, described in full; nil when one
    /// is of a kind ``describe(_:into:)`` does not know. A hash, not the description
    /// itself: every page looks its header and footer up, and building the text of
    /// the navigation for each was a good part of the lookup.
    private static func key(_ names: [String], in context: [String: Any], language: Language) -> UInt64? {
        var key = ContentHash()
        key.combine(language.rawValue)
        for name in names {
            guard describe(context[name], into: &key) else { return nil }
        }
        return key.value
    }

    // Every value starts with a tag of its kind, and texts and lists with their
    // length (``ContentHash`` ends each piece with its length too), so that no two
    // different values describe the same.
    private static func describe(_ value: Any?, into key: inout ContentHash) -> Bool {
        switch value {
        case nil: key.combine(Tag.none)
        case let text as String: key.combine(Tag.text); key.combine(text)
        case let flag as Bool: key.combine(flag ? Tag.yes : Tag.no)
        case let number as Int: key.combine(Tag.number); key.combine(UInt64(bitPattern: Int64(number)))
        case let list as [[String: Any]]:
            key.combine(Tag.list); key.combine(UInt64(list.count))
            for item in list { guard describe(item, into: &key) else { return false } }
        case let list as [String]:
            key.combine(Tag.list); key.combine(UInt64(list.count))
            for item in list { key.combine(Tag.text); key.combine(item) }
        case let object as [String: Any]:
            key.combine(Tag.object); key.combine(UInt64(object.count))
            for name in object.keys.sorted() {
                key.combine(name)
                guard describe(object[name], into: &key) else { return false }
            }
        default: return false
        }
        return true
    }

    private enum Tag {
        static let none: UInt64 = 0, text: UInt64 = 1, yes: UInt64 = 2, no: UInt64 = 3, number: UInt64 = 4, list: UInt64 = 5, object: UInt64 = 6
    }
}
