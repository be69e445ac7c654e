import Foundation

/// Where a record comes from: its file, its slug, and its Markdown body.
///
/// A record loaded from disk does not keep its body in memory: ``BodySource`` reads
/// it again when its page is rendered, so a build's memory holds the records'
/// fields and outlines only, not all the Markdown of a national portal.
public struct RecordSource: Sendable, Hashable, Codable {
    /// The file's path relative to the portal (`content/projects/liberec-apk.md`).
    public var file: String
    /// The URL slug: the file name, or the `slug:` field.
    public var slug: Located<String>
    /// The body, when it was not read from a file (records parsed from text).
    private(set) var storedBody: String?
    /// The file the body is read from again when needed (``BodySource``).
    private(set) var path: String?
    /// The file line the body starts on.
    public var bodyFirstLine: Int
    /// What rules and the site model need from the body, read once at load time.
    /// Reading it during a render is reading the body (``ReadLog``).
    public var outline: BodyOutline {
        get {
            ReadLog.note(body: file)
            return storedOutline
        }
        set { storedOutline = newValue }
    }
    private var storedOutline: BodyOutline
    /// A hash of the whole file's text: what ``BodySource`` checks the file against.
    public var contentHash: UInt64 = 0
    /// A hash of the front matter: what a page showing the record's fields depends on.
    private(set) var fieldsHash: UInt64 = 0
    /// A hash of the body: what a page showing the body (or its outline) depends on.
    private(set) var bodyHash: UInt64 = 0
    /// The record's language (`lang:`); nil means the portal's language.
    public var language: Located<Language>? = nil
    /// The slug of the record of the same kind this one translates (`translation_of:`).
    public var translationOf: Located<String>? = nil

    /// The record's language: its own `lang:`, or the portal's.
    public func language(default portal: Language) -> Language { language?.value ?? portal }

    /// Creates a source; with `path`, the body is not kept but read from that file when asked for.
    /// `frontMatter` is the file's YAML text, when the record was read from one.
    public init(file: String, slug: Located<String>, body: String, bodyFirstLine: Int, outline: BodyOutline,
                contentHash: UInt64 = 0, path: String? = nil, frontMatter: String? = nil) {
        self.file = file
        self.slug = slug
        self.storedBody = path == nil ? body : nil
        self.path = path
        self.bodyFirstLine = bodyFirstLine
        self.storedOutline = outline
        self.contentHash = contentHash
        var fields = ContentHash()
        if let frontMatter { fields.combine(frontMatter) } else { fields.combine(contentHash) }
        fields.combine(UInt64(bodyFirstLine))
        fieldsHash = fields.value
        bodyHash = ContentHash.of(body)
    }
}

/// The parts of a Markdown body that rules and the site model look at: its links,
/// its top-level headings and the tables it places. Parsing a body is the costly
/// part of a large build, so it is parsed for this once, at load time.
public struct BodyOutline: Sendable, Hashable, Codable {
    /// Link and image destinations with their body lines.
    public var links: [MarkdownDocument.Link] {
        get {
            var links: [MarkdownDocument.Link] = [], start = linkText.utf8.startIndex
            links.reserveCapacity(linkLines.count)
            for (length, line) in zip(linkLengths, linkLines) {
                let end = linkText.utf8.index(start, offsetBy: Int(length))
                links.append(MarkdownDocument.Link(destination: String(linkText.utf8[start..<end])!, line: Int(line)))
                start = end
            }
            return links
        }
        set {
            linkText = newValue.map(\.destination).joined()
            linkLengths = newValue.map { Int32(clamping: $0.destination.utf8.count) }
            linkLines = newValue.map { Int32(clamping: $0.line) }
        }
    }
    // The destinations one after another in one string, with each one's length in
    // UTF-8 bytes and its line: a portal's outlines are held for the whole build, and
    // a string of its own for each of a body's links took more room than its text.
    private var linkText = ""
    private var linkLengths: [Int32] = []
    private var linkLines: [Int32] = []
    /// The plain text of each top-level heading, in order.
    public var headings: [String]
    /// Each top-level heading's level as written, in the same order.
    public var headingLevels: [Int]
    /// Each top-level heading's body lines (a setext heading has two), in the same order.
    public var headingLines: [Range<Int>]
    /// The ids of the footnotes and of their first references (``Footnote``).
    public var footnoteIDs: [String]
    /// The `table <id>` blocks.
    public var tableReferences: [MarkdownDocument.TableReference]
    /// The body lines of the goals section (``BodySection``), if the body has one.
    public var goalsLines: Range<Int>?
    /// The body lines of the results section, if the body has one.
    public var resultsLines: Range<Int>?

    /// Reads the outline of `body`; `interner` shares the headings that bodies repeat.
    init(body: String, interner: TextInterner?) {
        self.init(body: body)
        if let interner { headings = headings.map(interner.shared) }
    }

    /// Reads the outline of `body`.
    public init(body: String) {
        let document = MarkdownDocument(body)
        headings = []; headingLevels = []; headingLines = []; footnoteIDs = []; tableReferences = []
        links = document.links
        let found = document.headings
        headings = found.map(\.text)
        headingLevels = found.map(\.level)
        headingLines = found.map { $0.line..<($0.endLine + 1) }
        footnoteIDs = document.footnoteIDs
        tableReferences = document.tableReferences
        goalsLines = BodySection.lines(of: .goals, headings: found)
        resultsLines = BodySection.lines(of: .results, headings: found)
    }

    /// The body lines of `section`, if the body has it.
    public func lines(of section: BodySection) -> Range<Int>? {
        switch section {
        case .goals: return goalsLines
        case .results: return resultsLines
        }
    }

    /// The top-level headings as the body's parse gave them (a page's sections are
    /// cut from these, without parsing the body again).
    public var headingsWithLines: [MarkdownDocument.Heading] {
        headings.indices.map {
            MarkdownDocument.Heading(text: headings[$0], level: headingLevels[$0], line: headingLines[$0].lowerBound,
                                     endLine: headingLines[$0].upperBound - 1)
        }
    }

    /// The ids the headings get on a page whose template uses `reserved` ids.
    public func headingIDs(reserved: Set<String>) -> [String] {
        var ids = HeadingIDs(reserved: reserved.union(footnoteIDs))
        return headings.map { ids.next(for: $0) }
    }
}
