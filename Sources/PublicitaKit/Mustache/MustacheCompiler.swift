import Foundation

/// Compiles one template's source into a ``MustacheProgram``: tags found with the
/// current delimiters, standalone lines removed as the Mustache spec says, names
/// split into paths, names known at load time (`t.key`) replaced by their text, and
/// adjacent literal text joined into one chunk. Partials stay unlinked here; the
/// template set links them.
struct MustacheCompiler {
    private let bytes: [UInt8]
    private let template: String
    /// The raw text of a name fixed for the whole build, or nil to look it up when rendering.
    private let constant: (NamePath) -> String?
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(source: String, template: String, constant: @escaping (NamePath) -> String? = { _ in nil }) {
        self.bytes = Array(source.utf8)
        self.template = template
        self.constant = constant
    }

    /// The ops of a block being compiled (the template or an open section), with its
    /// literal text not yet made a chunk.
    private struct Block {
        var ops: [MustacheOp] = []
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        /// Whether `{{name}}` is HTML-escaped here (`{{%CONTENT_TYPE:TEXT}}` turns it off).
        var escapeHTML: Bool
        var path = NamePath(components: [], anchored: true)
        var name = ""
        var inverted = false
        var offset = 0
        var openedStandalone = false

        mutating func flush() {
            guard !text.isEmpty || !lineStarts.isEmpty else { return }
            ops.append(.text(TextChunk(bytes: text, lineStarts: lineStarts)))
            text = []
            lineStarts = []
        }

        mutating func append(_ op: MustacheOp) {
            flush()
            ops.append(op)
        }

        mutating func markLineStart() {
            markLineStart(at: text.count)
        }

        mutating func markLineStart(at offset: Int) {
            if lineStarts.last != offset { lineStarts.append(offset) }
        }
    }

    private static let newline = UInt8(ascii: "\n")

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    /// Tags that may stand alone on a line, which the line then does not show.
    private static let standaloneKinds = Set("#^/!>=%<$".utf8)
    private static let sigils = Set("#^/!>{&=%<$".utf8)

    mutating func compile() throws(MustacheError) -> MustacheProgram {
        var blocks = [Block(escapeHTML: true)]
        var position = 0
        // Whether the text after the last tag begins a line, for the next tag to stand
        // alone. As in swift-mustache (so that portals' templates keep their output),
        // after a section it is whether the section's opening tag stood alone.
        var lineBegins = true
        let end = bytes.count
        while position < end {
            guard let tag = find(open, from: position) else {
                appendText(position..<end, to: &blocks[blocks.count - 1])
                break
            }
            var cursor = tag + open.count
            var kind: UInt8 = 0
            if cursor < end, Self.sigils.contains(bytes[cursor]) {
                kind = bytes[cursor]
                cursor += 1
            }
            let closer: [UInt8] = switch kind {
            case UInt8(ascii: "{"): [UInt8(ascii: "}")] + close
            case UInt8(ascii: "="): [UInt8(ascii: "=")] + close
            default: close
            }
            guard let contentEnd = find(closer, from: cursor) else { throw error(.unclosedTag, at: tag) }
            let content = String(decoding: bytes[cursor..<contentEnd], as: UTF8.self)
            let tagEnd = contentEnd + closer.count

            var lineStart = tag, next = tagEnd, standalone = false
            if Self.standaloneKinds.contains(kind) {
                // Blank from the last line start to the tag; what counts as a line
                // start is swift-mustache's (see `lineBegins`).
                var start = position, begins = lineBegins
                if let newline = bytes[position..<tag].lastIndex(of: Self.newline) { (start, begins) = (newline + 1, true) }
                if begins, bytes[start..<tag].allSatisfy(Self.isBlank) {
                    var after = tagEnd
                    while after < end, Self.isBlank(bytes[after]) { after += 1 }
                    if after == end {
                        (standalone, next) = (true, end)
                    } else if bytes[after] == Self.newline {
                        (standalone, next) = (true, after + 1)
                    } else if bytes[after] == UInt8(ascii: "\r"), after + 1 < end, bytes[after + 1] == Self.newline {
                        (standalone, next) = (true, after + 2)
                    }
                    if standalone { lineStart = start }
                }
            }
            lineBegins = standalone
            appendText(position..<lineStart, to: &blocks[blocks.count - 1])
            if !standalone, tag == 0 || bytes[tag - 1] == Self.newline { blocks[blocks.count - 1].markLineStart() }
            position = next
            let indent = standalone ? Array(bytes[lineStart..<tag]) : []

            switch kind {
            case 0, UInt8(ascii: "&"), UInt8(ascii: "{"):
                let path = try name(content, at: tag)
                let escaped = kind == 0 && blocks[blocks.count - 1].escapeHTML
                if let text = constant(path) {
                    blocks[blocks.count - 1].text += Array((escaped ? HTML.escape(text) : text).utf8)
                } else {
                    blocks[blocks.count - 1].append(.value(path, escaped: escaped))
                }
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                var block = Block(escapeHTML: blocks[blocks.count - 1].escapeHTML)
                block.path = try name(content, at: tag)
                block.name = trimmed(content)
                block.inverted = kind == UInt8(ascii: "^")
                block.offset = tag
                block.openedStandalone = standalone
                blocks.append(block)
            case UInt8(ascii: "/"):
                let closing = trimmed(content)
                guard blocks.count > 1 else { throw error(.unopenedClose(closing), at: tag) }
                guard blocks[blocks.count - 1].name == closing else {
                    throw error(.mismatchedClose(expected: blocks[blocks.count - 1].name, found: closing), at: tag)
                }
                var section = blocks.removeLast()
                section.flush()
                lineBegins = section.openedStandalone
                blocks[blocks.count - 1].append(.section(section.path, inverted: section.inverted, body: section.ops))
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: ">"):
                let partial = trimmed(content)
                guard !partial.isEmpty else { throw error(.emptyName, at: tag) }
                if partial.hasPrefix("*") {
                    let path = try name(String(partial.dropFirst()), at: tag)
                    blocks[blocks.count - 1].append(.dynamicPartial(path, indent: indent))
                } else {
                    blocks[blocks.count - 1].append(.unlinkedPartial(partial, indent: indent, offset: tag))
                }
            case UInt8(ascii: "="):
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
                guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else { throw error(.invalidDelimiters, at: tag) }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            case UInt8(ascii: "%"):
                let setting = trimmed(content)
                let parts = setting.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2, parts[0] == "CONTENT_TYPE", parts[1] == "HTML" || parts[1] == "TEXT" else {
                    throw error(.unknownPragma(setting), at: tag)
                }
                blocks[blocks.count - 1].escapeHTML = parts[1] == "HTML"
            default:
                throw error(.unsupported(String(decoding: open, as: UTF8.self) + String(UnicodeScalar(kind)) + trimmed(content) + String(decoding: close, as: UTF8.self)), at: tag)
            }
        }
        if blocks.count > 1 {
            let section = blocks[blocks.count - 1]
            throw error(.unclosedSection(section.name), at: section.offset)
        }
        blocks[0].flush()
        let size = Self.staticSize(blocks[0].ops)
        return MustacheProgram(name: template, ops: blocks[0].ops, staticSize: size)
    }

    /// Appends source text, noting where template lines begin in it.
    private func appendText(_ range: Range<Int>, to block: inout Block) {
        guard !range.isEmpty else { return }
        for offset in range where offset == 0 || bytes[offset - 1] == Self.newline {
            block.markLineStart(at: block.text.count + offset - range.lowerBound)
        }
        block.text += bytes[range]
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, needle.count <= bytes.count else { return nil }
        var index = start
        let last = bytes.count - needle.count
        while index <= last {
            if bytes[index] == first {
                var matches = true
                for k in 1..<needle.count where bytes[index + k] != needle[k] { matches = false; break }
                if matches { return index }
            }
            index += 1
        }
        return nil
    }

    private func trimmed(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A tag's name as a path; `f(g(name))` as swift-mustache's transforms of `name`.
    private func name(_ content: String, at offset: Int) throws(MustacheError) -> NamePath {
        var text = trimmed(content)
        guard !text.isEmpty else { throw error(.emptyName, at: offset) }
        var transforms: [String] = []
        if text.contains("(") || text.contains(")") {
            let whole = text
            // Innermost first; inserted at the front rather than reversed at the end, since
            // `[String].reverse()`'s specialisation was the one that came out differently
            // between release builds (scripts/release says more).
            while let paren = text.firstIndex(of: "(") {
                transforms.insert(String(text[..<paren]), at: 0)
                text = String(text[text.index(after: paren)...])
            }
            let closing = String(repeating: ")", count: transforms.count)
            guard !transforms.isEmpty, text.hasSuffix(closing), !transforms.contains(where: \.isEmpty) else {
                throw error(.invalidName(whole), at: offset)
            }
            text = String(text.dropLast(transforms.count))
            guard !text.contains(")") else { throw error(.invalidName(whole), at: offset) }
        }
        if text == "." { return NamePath(components: [], anchored: true, transforms: transforms) }
        let anchored = text.hasPrefix(".")
        let components = text.split(separator: ".").map(String.init)
        if components.isEmpty && !anchored && transforms.isEmpty { throw error(.emptyName, at: offset) }
        return NamePath(components: components, anchored: anchored, transforms: transforms)
    }

    private func error(_ kind: MustacheError.Kind, at offset: Int) -> MustacheError {
        Self.error(kind, at: offset, in: bytes, template: template)
    }

    /// An error at byte `offset` of `source`, with its line and column.
    static func error(_ kind: MustacheError.Kind, at offset: Int, in source: String, template: String) -> MustacheError {
        error(kind, at: offset, in: Array(source.utf8), template: template)
    }

    private static func error(_ kind: MustacheError.Kind, at offset: Int, in bytes: [UInt8], template: String) -> MustacheError {
        var line = 1, lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == Self.newline {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<min(offset, bytes.count)], as: UTF8.self).count + 1
        return MustacheError(kind: kind, template: template, line: line, column: column)
    }

    private static func staticSize(_ ops: [MustacheOp]) -> Int {
        ops.reduce(0) { sum, op in
            switch op {
            case .text(let chunk): sum + chunk.bytes.count
            case .section(_, _, let body): sum + staticSize(body)
            default: sum
            }
        }
    }
}
