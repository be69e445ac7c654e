import Foundation

/// The portal's abbreviations, applied to rendered pages: the first use of each
/// abbreviation on a page is marked up as `<abbr title="meaning">`, so that a
/// reader (and a screen reader) can learn what it stands for where it first appears.
///
/// It works on rendered HTML and touches text nodes only: never a tag or an
/// attribute, nothing inside `<abbr>` (already explained), `<code>`, `<pre>`,
/// `<kbd>`, `<samp>`, `<script>`, `<style>`, `<textarea>`, `<title>` or an inline
/// `<svg>` (where `<abbr>` is not allowed). An abbreviation matches as a whole
/// word, case-sensitively ("MP" matches in "velitel MP," but not in "MPL" or "mp"),
/// and longer abbreviations win ("SR ČR" before "ČR").
struct Glossary: Sendable {
    /// One abbreviation and its meaning, as listed on the glossary page.
    struct Entry: Sendable, Hashable {
        var abbr: String
        var meaning: String
    }

    /// The entries in the order they are listed (by abbreviation, Czech collation).
    let entries: [Entry]
    /// What is searched for in text: escaped form → entry.
    private let terms: [(text: [Character], entry: Entry)]
    /// The terms' characters as a trie, so that one walk from a word's start finds
    /// every term written there, whatever the number of terms.
    private let trie: TermTrie

    /// Builds a glossary; the first entry for an abbreviation wins. An entry that
    /// names several abbreviations ("ASZ/ OSZ/ AGENTURA") is also found by each
    /// short upper-case part ("ASZ", "OSZ").
    init(_ abbreviations: [Abbreviation]) {
        var seen: Set<String> = []
        var entries: [Entry] = []
        for item in abbreviations {
            let abbr = item.abbr.trimmingCharacters(in: .whitespaces)
            let meaning = item.meaning.trimmingCharacters(in: .whitespaces)
            guard !abbr.isEmpty, !meaning.isEmpty, seen.insert(abbr).inserted else { continue }
            entries.append(Entry(abbr: abbr, meaning: meaning))
        }
        self.entries = entries.sorted {
            $0.abbr.compare($1.abbr, options: [.caseInsensitive], locale: .init(identifier: "cs_CZ")) == .orderedAscending
        }
        var terms: [(text: [Character], entry: Entry)] = []
        var termSeen: Set<String> = []
        for entry in entries {
            var forms = [entry.abbr]
            if entry.abbr.contains("/") {
                forms += entry.abbr.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { part in part.count >= 2 && part.count <= 6 && part == part.uppercased() && part.contains(where: \.isLetter) }
            }
            for form in forms where termSeen.insert(form).inserted {
                terms.append((Array(HTML.escape(form)), entry))
            }
        }
        self.terms = terms
        self.trie = TermTrie(terms.map(\.text))
    }

    /// Whether there is anything to apply or list.
    var isEmpty: Bool { entries.isEmpty }

    /// Elements whose text is never marked.
    private static let skipped: Set<String> = ["abbr", "code", "pre", "kbd", "samp", "script", "style", "textarea", "title", "svg", "math"]

    /// Marks the first use of each abbreviation in `html`'s text nodes (UTF-8).
    func apply(to html: [UInt8]) -> [UInt8] {
        guard !terms.isEmpty else { return html }
        return Array(apply(to: String(decoding: html, as: UTF8.self)).utf8)
    }

    /// Marks the first use of each abbreviation in `html`'s text nodes.
    func apply(to html: String) -> String {
        guard !terms.isEmpty else { return html }
        let chars = Array(html)
        var output = ""
        output.reserveCapacity(html.utf8.count + 256)
        var used: Set<String> = []
        var skipDepth = 0
        var index = 0
        var textStart = 0

        func flushText(upTo end: Int) {
            guard textStart < end else { return }
            if skipDepth > 0 || used.count == entries.count {
                output += String(chars[textStart..<end])
            } else {
                output += mark(chars[textStart..<end], used: &used)
            }
        }

        while index < chars.count {
            guard chars[index] == "<" else { index += 1; continue }
            flushText(upTo: index)
            let tagEnd = Self.endOfTag(chars, from: index)
            let tag = chars[index..<tagEnd]
            output += String(tag)
            if let (name, closing, selfClosing) = Self.tagName(tag), Self.skipped.contains(name), !selfClosing {
                skipDepth = max(0, skipDepth + (closing ? -1 : 1))
            }
            index = tagEnd
            textStart = index
        }
        flushText(upTo: chars.count)
        return output
    }

    /// One text node with the first uses marked: at each word's start, the longest
    /// term written there that ends a word and whose entry is not explained yet.
    private func mark(_ text: ArraySlice<Character>, used: inout Set<String>) -> String {
        var output = ""
        var index = text.startIndex
        var runStart = index
        while index < text.endIndex {
            let previous: Character? = index > text.startIndex ? text[index - 1] : nil
            if previous.map(Self.isWordCharacter) != true, let (term, end) = longestTerm(in: text, at: index, used: used) {
                output += String(text[runStart..<index])
                output += HTML.startTag("abbr", ["title": term.entry.meaning]) + String(text[index..<end]) + "</abbr>"
                used.insert(term.entry.abbr)
                index = end
                runStart = end
                continue
            }
            index += 1
        }
        output += String(text[runStart..<text.endIndex])
        return output
    }

    /// The longest unused term at `start` that ends a word, and the index after it.
    /// The walk stops where no term goes on, so it is bounded by the longest term.
    private func longestTerm(in text: ArraySlice<Character>, at start: Int,
                             used: Set<String>) -> (term: (text: [Character], entry: Entry), end: Int)? {
        var node = 0
        var index = start
        var found: (term: (text: [Character], entry: Entry), end: Int)?
        while index < text.endIndex, let next = trie.child(of: node, text[index]) {
            node = next
            index += 1
            if let termIndex = trie.term(at: node), index == text.endIndex || !Self.isWordCharacter(text[index]),
               !used.contains(terms[termIndex].entry.abbr) {
                found = (terms[termIndex], index)
            }
        }
        return found
    }

    /// Letters and digits continue a word; so does `&` of an entity like `&amp;`.
    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    /// The index just past the tag starting at `start` (`<…>`, quoted `>` kept inside; `<!-- … -->` whole).
    private static func endOfTag(_ chars: [Character], from start: Int) -> Int {
        if chars.count >= start + 4, chars[start + 1] == "!", chars[start + 2] == "-", chars[start + 3] == "-" {
            var index = start + 4
            while index + 2 < chars.count {
                if chars[index] == "-", chars[index + 1] == "-", chars[index + 2] == ">" { return index + 3 }
                index += 1
            }
            return chars.count
        }
        var quote: Character?
        var index = start + 1
        while index < chars.count {
            let c = chars[index]
            if let q = quote {
                if c == q { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == ">" {
                return index + 1
            }
            index += 1
        }
        return chars.count
    }

    /// The lower-cased name of a tag, whether it closes (`</x>`) and whether it closes itself (`<x/>`).
    private static func tagName(_ tag: ArraySlice<Character>) -> (String, Bool, Bool)? {
        var index = tag.startIndex + 1
        var closing = false
        if index < tag.endIndex, tag[index] == "/" { closing = true; index += 1 }
        var name = ""
        while index < tag.endIndex, tag[index].isLetter || tag[index].isNumber || tag[index] == "-" {
            name.append(tag[index])
            index += 1
        }
        guard !name.isEmpty else { return nil }
        let selfClosing = tag.count >= 2 && tag[tag.endIndex - 2] == "/"
        return (name.lowercased(), closing, selfClosing)
    }
}

/// The glossary's terms as a character trie: node 0 is the root; each node has its
/// children by character and, when a term ends there, that term's index.
private struct TermTrie: Sendable {
    private var children: [[Character: Int]] = [[:]]
    private var terms: [Int?] = [nil]

    init(_ texts: [[Character]]) {
        for (termIndex, text) in texts.enumerated() {
            var node = 0
            for character in text {
                if let next = children[node][character] {
                    node = next
                } else {
                    children.append([:])
                    terms.append(nil)
                    children[node][character] = children.count - 1
                    node = children.count - 1
                }
            }
            // Forms are distinct (the glossary keeps the first of each), so no term replaces another.
            if terms[node] == nil { terms[node] = termIndex }
        }
    }

    func child(of node: Int, _ character: Character) -> Int? { children[node][character] }

    func term(at node: Int) -> Int? { terms[node] }
}
