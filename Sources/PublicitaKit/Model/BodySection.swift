/// A part of a project's body that stands for one of its fields: a clerk may write
/// a project's goals and results as `## Cíle projektu` and `## Výsledky` sections
/// instead of the `goals:` and `results:` fields. The EU publicity rules accept
/// either, and the list of operations in the open data (Art. 49(3)(e): purpose
/// and achievements) takes the section's text when the field is empty.
public enum BodySection: Sendable {
    /// The project's goals (`goals:`).
    case goals
    /// The results achieved (`results:`).
    case results

    /// The words a heading of the section starts with, lower-cased. A whole word
    /// must match: "Cíle projektu" and "Cíl č. 1" are goals, "Cílová skupina" (the
    /// target group) is not.
    var headingWords: [String] {
        switch self {
        case .goals: return ["cíl", "cíle", "hlavní cíl", "hlavní cíle", "aims", "goals", "objectives"]
        case .results: return ["výsledky", "výsledek", "dosažené výsledky", "results", "achievements"]
        }
    }

    /// Whether `heading` opens this section.
    public func matches(_ heading: String) -> Bool {
        let text = heading.lowercased()
        return headingWords.contains { word in
            guard text.hasPrefix(word) else { return false }
            let rest = text.dropFirst(word.count)
            return rest.first.map { !$0.isLetter && !$0.isNumber } ?? true
        }
    }

    /// The body lines of the first section among `headings`: those after its
    /// heading, up to the next heading of the same or a higher level (or the end of
    /// the body); nil when no heading opens it.
    static func lines(of section: BodySection, headings: [MarkdownDocument.Heading]) -> Range<Int>? {
        guard let start = headings.firstIndex(where: { section.matches($0.text) }) else { return nil }
        let heading = headings[start]
        let end = headings[(start + 1)...].first(where: { $0.level <= heading.level })?.line ?? Int.max
        return (heading.endLine + 1)..<max(heading.endLine + 1, end)
    }

    /// The Markdown text of `lines` (1-based, as cmark counts them: a line ends at
    /// LF, CRLF or CR) of `body`, without the blank lines around it and with LF line
    /// ends; nil when nothing is left. Works on the UTF-8 bytes: this runs for every
    /// project of a national portal whose goals or results are a section.
    static func text(of lines: Range<Int>, in body: String) -> String? {
        let bytes = Array(body.utf8)
        var taken: [ArraySlice<UInt8>] = []
        var number = 1, lineStart = 0, index = 0
        while index <= bytes.count, number < lines.upperBound {
            let atEnd = index == bytes.count
            guard atEnd || bytes[index] == 0x0A || bytes[index] == 0x0D else { index += 1; continue }
            if number >= lines.lowerBound { taken.append(bytes[lineStart..<index]) }
            if atEnd { break }
            index += bytes[index] == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
            lineStart = index
            number += 1
        }
        func isBlank(_ line: ArraySlice<UInt8>) -> Bool { line.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
        while let first = taken.first, isBlank(first) { taken.removeFirst() }
        while let last = taken.last, isBlank(last) { taken.removeLast() }
        guard !taken.isEmpty else { return nil }
        return String(decoding: Array(taken.joined(separator: [0x0A])), as: UTF8.self)
    }
}
