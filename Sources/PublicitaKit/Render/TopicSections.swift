import Foundation

/// A project page has one heading per topic. When a body has a top-level section
/// headed like one of the page's own sections ("## Financování" under a budget),
/// the page's section takes the body's text, after its own, and the body's heading
/// goes: the reader finds one "Financování", with everything the record says of it.
struct TopicSections {
    /// A body section taken into the page's section of its topic.
    struct Section {
        /// The id its heading had (kept on the moved text, so links to it still land).
        var anchor: String
        /// Its Markdown, without its heading.
        var text: String
        /// The ids of its headings on the page, its own included.
        var ids: Set<String>
    }

    /// The body without the taken sections (their lines left blank, so line numbers stay).
    var body: String
    /// The taken sections of each topic, in body order.
    var sections: [String: [Section]] = [:]

    /// The ids of the taken sections' headings: the rest of the body must not give them again.
    var takenIDs: Set<String> { Set(sections.values.joined().flatMap(\.ids)) }

    /// Splits `body` by `titles` (topic → the heading the page gives it); a heading
    /// matches when it is the same text but for case, spacing and a final colon.
    /// `headingIDs` are the outline's headings' ids on the page (``BodyOutline/headingIDs(reserved:)``).
    init(body: String, outline: BodyOutline, headingIDs ids: [String], titles: [String: String]) {
        self.body = body
        guard !titles.isEmpty, !outline.headings.isEmpty else { return }
        let topics = Dictionary(titles.map { (Self.normalized($1), $0) }, uniquingKeysWith: { first, _ in first })
        // The outline was made from this very body (``BodySource`` checks its hash).
        let headings = outline.headingsWithLines
        guard let top = headings.map(\.level).min() else { return }
        var blanked: [Range<Int>] = []
        for (index, heading) in headings.enumerated() where heading.level == top {
            guard let topic = topics[Self.normalized(heading.text)], index < ids.count else { continue }
            let next = headings[(index + 1)...].firstIndex(where: { $0.level <= top }) ?? headings.endIndex
            let end = next < headings.endIndex ? headings[next].line : Int.max
            let content = (heading.endLine + 1)..<max(heading.endLine + 1, end)
            sections[topic, default: []].append(Section(anchor: ids[index], text: BodySection.text(of: content, in: body) ?? "",
                                                        ids: Set(ids[index..<min(next, ids.count)])))
            blanked.append(heading.line..<end)
        }
        guard !blanked.isEmpty else { return }
        self.body = Self.blanking(blanked, of: body)
    }

    /// `body` with the lines `blanked` (1-based) emptied. A line ends at each LF but
    /// the one of a CRLF, as the split by `Character` that this replaced ended them
    /// ("\r\n" is one character); it works on the bytes, since it runs for every
    /// project page whose body has a section of the page's topics.
    static func blanking(_ blanked: [Range<Int>], of body: String) -> String {
        let bytes = Array(body.utf8)
        var ends: [Int] = []
        for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) { ends.append(index) }
        ends.append(bytes.count)
        var blank = [Bool](repeating: false, count: ends.count)
        for range in blanked where range.lowerBound <= ends.count {
            for number in max(1, range.lowerBound)..<max(1, min(range.upperBound, ends.count + 1)) { blank[number - 1] = true }
        }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var start = 0
        for (line, end) in ends.enumerated() {
            if line > 0 { output.append(0x0A) }
            if !blank[line] { output.append(contentsOf: bytes[start..<end]) }
            start = end + 1
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The heading lower-cased, its words joined by one space, without a final colon.
    static func normalized(_ text: String) -> String {
        let lowered = text.lowercased()
        return normalizedSimpleText(lowered) ?? normalizedText(lowered)
    }

    /// The general case, on `Character`s and Foundation's whitespace.
    private static func normalizedText(_ lowered: String) -> String {
        var words = lowered.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(":") { words.removeLast() }
        return words.trimmingCharacters(in: .whitespaces)
    }

    /// ``normalizedText(_:)`` on the bytes, for text of ASCII and the Latin letters of
    /// U+00C0–U+017F (lead bytes C3–C5), as page titles and headings are; nil for any
    /// other text. In such text every character is one scalar, but a CRLF, which is
    /// whitespace as its two bytes are, and the only whitespace is ASCII's.
    private static func normalizedSimpleText(_ lowered: String) -> String? {
        var output: [UInt8] = []
        output.reserveCapacity(lowered.utf8.count)
        var inWord = false
        for byte in lowered.utf8 {
            if byte >= 0x80 {
                guard byte <= 0xBF || (0xC3...0xC5).contains(byte) else { return nil }
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                inWord = false
                continue
            }
            if !inWord, !output.isEmpty { output.append(0x20) }
            inWord = true
            output.append(byte)
        }
        while output.last == UInt8(ascii: ":") { output.removeLast() }
        // A colon alone as the last word leaves the space before it.
        while output.last == 0x20 { output.removeLast() }
        return String(decoding: output, as: UTF8.self)
    }
}
