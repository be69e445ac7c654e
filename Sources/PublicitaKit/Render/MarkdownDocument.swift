import CCmark
import Foundation

/// A CommonMark body parsed by cmark: the tree the renderer and the link
/// checker both walk.
///
/// cmark runs in its default safe mode: raw HTML is dropped and links with
/// `javascript:`, `vbscript:`, `file:` or non-image `data:` destinations lose
/// them, so nothing a record says can run script on the portal.
public final class MarkdownDocument {
    private let root: OpaquePointer

    /// A link or image destination in the body, with the file line it is on.
    public struct Link: Sendable, Hashable, Codable {
        /// The destination as written.
        public var destination: String
        /// The body line it is on (1-based, relative to the body).
        public var line: Int
    }

    /// A fenced block that places a front-matter table (```` ```table <id> ````).
    public struct TableReference: Sendable, Hashable, Codable {
        /// The table id.
        public var id: String
        /// The body line of the fence.
        public var line: Int
    }

    /// Parses `text`.
    public init(_ text: String) {
        let source = Footnote.escapingDefinitions(text)
        let length = source.utf8.count
        root = source.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
        // One text node per run of text, so that a `[^1]` is found in one literal.
        cmark_consolidate_text_nodes(root)
    }

    deinit { cmark_node_free(root) }

    /// Every link and image destination.
    public var links: [Link] {
        var links: [Link] = []
        walk { node, entering in
            guard entering else { return }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node) else { return }
            links.append(Link(destination: String(cString: url), line: Self.line(of: node)))
        }
        return links
    }

    /// Every `table <id>` block.
    public var tableReferences: [TableReference] {
        children(of: root).compactMap { node in
            guard let id = Self.tableID(of: node) else { return nil }
            return TableReference(id: id, line: Self.line(of: node))
        }
    }

    /// A top-level heading: its plain text, level (1–6, as written) and body line.
    public struct Heading: Sendable, Hashable {
        /// The heading's plain text.
        public var text: String
        /// Its level as written (`##` is 2).
        public var level: Int
        /// The body line it starts on (1-based).
        public var line: Int
        /// The body line it ends on (a setext heading's underline is the line after its text).
        public var endLine: Int
    }

    /// Every top-level heading, in order.
    public var headings: [Heading] {
        children(of: root).compactMap { node in
            guard cmark_node_get_type(node) == CMARK_NODE_HEADING else { return nil }
            let line = Self.line(of: node)
            return Heading(text: Self.plainText(of: node), level: Int(cmark_node_get_heading_level(node)), line: line,
                           endLine: max(line, Int(cmark_node_get_end_line(node))))
        }
    }

    /// The labels of the footnote definitions (`[^1]: …`), in order.
    public var footnoteLabels: [String] {
        children(of: root).flatMap { Self.definitionLines(of: $0).map(\.label) }
    }

    /// The ids the footnotes give the page: each note's and, for a note that is
    /// referred to, its first reference's (the note's link back goes there).
    public var footnoteIDs: [String] {
        let labels = footnoteLabels
        guard !labels.isEmpty else { return [] }
        let referenced = Set(footnoteReferenceNodes(labels: Set(labels)).flatMap { found in
            Footnote.references(in: found.text, labels: Set(labels)).map(\.label)
        })
        return labels.flatMap { label in
            [Footnote.noteID(label)] + (referenced.contains(label) ? [Footnote.referenceID(label)] : [])
        }
    }

    /// Renders the body as HTML. Headings get ids and start at level `topLevel`
    /// (the page's own title is the only h1); `table <id>` blocks are replaced by `table(id)`;
    /// passages marked `[…](lang:en)` become `<span lang="en">…</span>` (``LanguageTag``);
    /// each link and image destination is given to `link`, which may write it otherwise
    /// and add a note to a link's text.
    /// Footnotes (``Footnote``) become a superscript link to the note and a list of
    /// notes, each with a link back labelled `footnoteBack`.
    public func html(topLevel: Int = 2, reservedIDs: Set<String> = [], footnoteBack: String = "Zpět k textu",
                     link: (String) -> LinkRewrite? = { _ in nil },
                     table: (String) -> String? = { _ in nil }) -> String {
        let footnoteIDs = self.footnoteIDs
        markLanguagePassages()
        rewriteLinks(link)
        let notes = splitFootnoteDefinitions()
        let referenced = linkFootnoteReferences(labels: Set(notes.values))
        let blocks = children(of: root)
        let levels = blocks.filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }.map { Int(cmark_node_get_heading_level($0)) }
        let shift = max(0, topLevel - (levels.min() ?? topLevel))
        var ids = HeadingIDs(reserved: reservedIDs.union(footnoteIDs))
        var output = ""
        var inNotes = false
        for node in blocks {
            if let label = notes[node] {
                if !inNotes { output += HTML.startTag("ul", ["class": "footnotes"]) + "\n" }
                inNotes = true
                output += footnoteHTML(node, label: label, backLink: referenced.contains(label) ? footnoteBack : nil)
                continue
            }
            if inNotes { output += "</ul>\n" }
            inNotes = false
            if let id = Self.tableID(of: node) {
                output += table(id) ?? ""
                continue
            }
            if cmark_node_get_type(node) == CMARK_NODE_HEADING {
                let level = min(6, Int(cmark_node_get_heading_level(node)) + shift)
                cmark_node_set_heading_level(node, Int32(level))
                let id = ids.next(for: Self.plainText(of: node))
                var html = Self.render(node)
                if html.hasPrefix("<h\(level)>") {
                    html = "<h\(level)" + HTML.attribute("id", id) + ">" + html.dropFirst("<h\(level)>".count)
                }
                output += html
                continue
            }
            output += Self.render(node)
        }
        if inNotes { output += "</ul>\n" }
        return output
    }

    // MARK: Footnotes

    /// The lines of a top-level paragraph that are footnote definitions: each starts
    /// with `[^label]:`, the first at the paragraph's start; empty when it is not one.
    private static func definitionLines(of node: OpaquePointer) -> [(label: String, first: OpaquePointer)] {
        guard cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, let first = cmark_node_first_child(node),
              cmark_node_get_type(first) == CMARK_NODE_TEXT, startsFootnoteLabel(first),
              let start = Footnote.definition(literal(of: first)) else { return [] }
        var lines = [(label: start.label, first: first)]
        var child = cmark_node_next(first)
        while let current = child {
            child = cmark_node_next(current)
            if cmark_node_get_type(current) == CMARK_NODE_SOFTBREAK, let next = child, cmark_node_get_type(next) == CMARK_NODE_TEXT,
               let definition = Footnote.definition(literal(of: next)) {
                lines.append((definition.label, next))
            }
        }
        return lines
    }

    /// Makes each footnote definition a paragraph of its own, without its `[^label]: `,
    /// and returns those paragraphs with their labels.
    private func splitFootnoteDefinitions() -> [OpaquePointer: String] {
        var notes: [OpaquePointer: String] = [:]
        for block in children(of: root) {
            let lines = Self.definitionLines(of: block)
            guard !lines.isEmpty else { continue }
            let starts = Dictionary(uniqueKeysWithValues: lines.map { ($0.first, $0.label) })
            var current: OpaquePointer?
            var child = cmark_node_first_child(block)
            while let node = child {
                child = cmark_node_next(node)
                if let label = starts[node], let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) {
                    cmark_node_insert_before(block, paragraph)
                    cmark_node_set_literal(node, Footnote.definition(Self.literal(of: node))?.rest ?? "")
                    notes[paragraph] = label
                    current = paragraph
                } else if cmark_node_get_type(node) == CMARK_NODE_SOFTBREAK, let next = child, starts[next] != nil {
                    cmark_node_free(node)
                    continue
                }
                if let current { cmark_node_append_child(current, node) }
            }
            cmark_node_free(block)
        }
        return notes
    }

    /// The text nodes a reference may stand in: not in headings, whose ids come from their text.
    /// (Before the definitions are split, a definition line's text counts after its label.)
    private func footnoteReferenceNodes(labels: Set<String>) -> [(node: OpaquePointer, text: String)] {
        var nodes: [(OpaquePointer, String)] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_TEXT, !Self.isInHeading(node) else { return }
            var text = Self.literal(of: node)
            guard Footnote.mentionsFootnote(text) else { return }
            if let parent = cmark_node_parent(node), Self.definitionLines(of: parent).contains(where: { $0.first == node }) {
                text = Footnote.definition(text)?.rest ?? ""
            }
            guard !Footnote.references(in: text, labels: labels).isEmpty else { return }
            nodes.append((node, text))
        }
        return nodes
    }

    /// Replaces each `[^label]` of a defined note by a superscript link to it; returns
    /// the labels referred to.
    private func linkFootnoteReferences(labels: Set<String>) -> Set<String> {
        guard !labels.isEmpty else { return [] }
        var occurrences: [String: Int] = [:]
        for (node, text) in footnoteReferenceNodes(labels: labels) {
            let bytes = Array(text.utf8)
            var last = node
            var from = 0
            for reference in Footnote.references(in: text, labels: labels) {
                let count = (occurrences[reference.label] ?? 0) + 1
                occurrences[reference.label] = count
                guard let sup = cmark_node_new(CMARK_NODE_CUSTOM_INLINE), let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
                // cmark writes it literally: label and ids are ``Identifier``-safe.
                cmark_node_set_on_enter(sup, HTML.startTag("sup", ["class": "footnote-ref"])
                    + HTML.startTag("a", ["href": "#" + Footnote.noteID(reference.label),
                                          "id": Footnote.referenceID(reference.label, occurrence: count)])
                    + HTML.escape(reference.label) + "</a></sup>")
                cmark_node_set_literal(last, String(decoding: bytes[from..<reference.range.lowerBound], as: UTF8.self))
                cmark_node_insert_after(last, sup)
                cmark_node_insert_after(sup, text)
                last = text
                from = reference.range.upperBound
            }
            cmark_node_set_literal(last, String(decoding: bytes[from...], as: UTF8.self))
        }
        return Set(occurrences.keys)
    }

    /// A note as a list item: its label, its text and a link back to its first reference.
    private func footnoteHTML(_ paragraph: OpaquePointer, label: String, backLink: String?) -> String {
        if let backLink, let back = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) {
            cmark_node_set_on_enter(back, " " + HTML.startTag("a", ["class": "footnote-back", "href": "#" + Footnote.referenceID(label),
                                                                    "aria-label": "\(backLink) (\(label))"]) + "↩</a>")
            cmark_node_append_child(paragraph, back)
        }
        var inner = Self.render(paragraph)
        if inner.hasPrefix("<p>") { inner.removeFirst(3) }
        if inner.hasSuffix("</p>\n") { inner.removeLast(5) }
        return HTML.startTag("li", ["id": Footnote.noteID(label)]) + HTML.startTag("span", ["class": "footnote-label"])
            + HTML.escape(label) + "</span> " + inner + "</li>\n"
    }

    private static func isInHeading(_ node: OpaquePointer) -> Bool {
        var current = cmark_node_parent(node)
        while let n = current {
            if cmark_node_get_type(n) == CMARK_NODE_HEADING { return true }
            current = cmark_node_parent(n)
        }
        return false
    }

    /// Whether a text node starts with `[^`, as a definition does, asked of cmark's
    /// bytes: every paragraph of every body is asked, and few are definitions.
    private static func startsFootnoteLabel(_ node: OpaquePointer) -> Bool {
        guard let literal = cmark_node_get_literal(node) else { return false }
        return literal[0] == CChar(UInt8(ascii: "[")) && literal[1] == CChar(UInt8(ascii: "^"))
    }

    private static func literal(of node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    /// How a link or image destination is written on the page.
    public struct LinkRewrite: Sendable, Hashable {
        /// The address written in its place.
        public var destination: String
        /// A note put at the end of a link's text (`(PDF, 1,2 MB)`); images get none.
        public var note: String?

        /// A destination written as `destination`, with `note` after the link's text.
        public init(destination: String, note: String? = nil) {
            self.destination = destination
            self.note = note
        }
    }

    private func rewriteLinks(_ rewrite: (String) -> LinkRewrite?) {
        var changes: [(node: OpaquePointer, rewrite: LinkRewrite)] = []
        walk { node, entering in
            guard entering else { return }
            let type = cmark_node_get_type(node)
            guard type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE, let url = cmark_node_get_url(node),
                  let change = rewrite(String(cString: url)) else { return }
            changes.append((node, change))
        }
        for (node, change) in changes {
            cmark_node_set_url(node, change.destination)
            guard let note = change.note, cmark_node_get_type(node) == CMARK_NODE_LINK,
                  let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            // cmark writes it literally: the note is escaped here.
            cmark_node_set_on_enter(span, " " + HTML.startTag("span", ["class": "link-note"]) + "(\(HTML.escape(note)))</span>")
            cmark_node_append_child(node, span)
        }
    }

    /// Replaces each link to a valid `lang:` tag by a span in that language. A link
    /// whose tag is not valid is left alone (the link rule reports it and stops the build).
    private func markLanguagePassages() {
        var passages: [(link: OpaquePointer, tag: LanguageTag)] = []
        walk { node, entering in
            guard entering, cmark_node_get_type(node) == CMARK_NODE_LINK, let url = cmark_node_get_url(node),
                  let tag = LanguageTag(passageLink: String(cString: url)) else { return }
            passages.append((node, tag))
        }
        for (link, tag) in passages {
            guard let span = cmark_node_new(CMARK_NODE_CUSTOM_INLINE) else { continue }
            // cmark writes these literally, in safe mode too.
            cmark_node_set_on_enter(span, HTML.startTag("span", ["lang": tag.value]))
            cmark_node_set_on_exit(span, "</span>")
            while let child = cmark_node_first_child(link) { cmark_node_append_child(span, child) }
            cmark_node_replace(link, span)
            cmark_node_free(link)
        }
    }

    // MARK: Tree helpers

    private func children(of node: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            result.append(current)
            child = cmark_node_next(current)
        }
        return result
    }

    private func walk(_ visit: (OpaquePointer, Bool) -> Void) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            visit(node, event == CMARK_EVENT_ENTER)
        }
    }

    private static func render(_ node: OpaquePointer) -> String {
        guard let html = cmark_render_html(node, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The start line of a node; inlines may not carry one, so ask their block.
    private static func line(of node: OpaquePointer) -> Int {
        var current: OpaquePointer? = node
        while let n = current {
            let line = Int(cmark_node_get_start_line(n))
            if line > 0 { return line }
            current = cmark_node_parent(n)
        }
        return 1
    }

    private static func tableID(of node: OpaquePointer) -> String? {
        guard cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK, let info = cmark_node_get_fence_info(node) else { return nil }
        let words = String(cString: info).split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count == 2, words[0] == "table" else { return nil }
        return String(words[1])
    }

    /// The text content of a node (for heading ids).
    private static func plainText(of node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return "" }
        defer { cmark_iter_free(iterator) }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let current = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(current)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            }
        }
        return text
    }
}

/// Unique, readable ids for headings ("cile-projektu", "cile-projektu-2").
struct HeadingIDs {
    /// The ids taken already (by the page's template): a heading gets "-2".
    private let reserved: Set<String>
    /// How many headings of each base id there were (a reserved base counting as one).
    private var used: [String: Int] = [:]
    /// Every id given: "A 2" after two "A" headings must not get "a-2" again.
    private var given: Set<String> = []

    // The reserved ids are looked up where they are, not copied into `used` and
    // `given`: a page renders several bodies and texts, each with its own ids.
    init(reserved: Set<String> = []) {
        self.reserved = reserved
    }

    mutating func next(for text: String) -> String {
        let base = Slug.make(from: text)
        var count = (used[base] ?? (reserved.contains(base) ? 1 : 0)) + 1
        var id = count == 1 ? base : "\(base)-\(count)"
        // Counting on from this base's last number: over a page, each base's numbers are tried once.
        while given.contains(id) || reserved.contains(id) {
            count += 1
            id = "\(base)-\(count)"
        }
        used[base] = count
        given.insert(id)
        return id
    }
}
