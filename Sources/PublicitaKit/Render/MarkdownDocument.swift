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
    public struct Link: Sendable, Hashable {
        /// The destination as written.
        public var destination: String
        /// The body line it is on (1-based, relative to the body).
        public var line: Int
    }

    /// A fenced block that places a front-matter table (```` ```table <id> ````).
    public struct TableReference: Sendable, Hashable {
        /// The table id.
        public var id: String
        /// The body line of the fence.
        public var line: Int
    }

    /// Parses `text`.
    public init(_ text: String) {
        let length = text.utf8.count
        root = text.withCString { cmark_parse_document($0, length, CMARK_OPT_DEFAULT) }
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

    /// Renders the body as HTML. Headings get ids and start at level `topLevel`
    /// (the page's own title is the only h1); `table <id>` blocks are replaced by `table(id)`;
    /// passages marked `[…](lang:en)` become `<span lang="en">…</span>` (``LanguageTag``);
    /// each link and image destination is given to `link`, which may write it otherwise
    /// and add a note to a link's text.
    public func html(topLevel: Int = 2, reservedIDs: Set<String> = [], link: (String) -> LinkRewrite? = { _ in nil },
                     table: (String) -> String? = { _ in nil }) -> String {
        markLanguagePassages()
        rewriteLinks(link)
        let blocks = children(of: root)
        let levels = blocks.filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }.map { Int(cmark_node_get_heading_level($0)) }
        let shift = max(0, topLevel - (levels.min() ?? topLevel))
        var ids = HeadingIDs(reserved: reservedIDs)
        var output = ""
        for node in blocks {
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
        return output
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
    /// How many headings of each base id there were.
    private var used: [String: Int]
    /// Every id given (and the reserved ones): "A 2" after two "A" headings must not get "a-2" again.
    private var taken: Set<String>

    /// `reserved` ids are taken already (by the page's template): a heading gets "-2".
    init(reserved: Set<String> = []) {
        used = Dictionary(uniqueKeysWithValues: reserved.map { ($0, 1) })
        taken = reserved
    }

    mutating func next(for text: String) -> String {
        let base = Slug.make(from: text)
        var count = (used[base] ?? 0) + 1
        var id = count == 1 ? base : "\(base)-\(count)"
        // Counting on from this base's last number: over a page, each base's numbers are tried once.
        while taken.contains(id) {
            count += 1
            id = "\(base)-\(count)"
        }
        used[base] = count
        taken.insert(id)
        return id
    }
}
