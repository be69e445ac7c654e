/// A content file cut into its YAML front matter and its Markdown body.
///
/// The splitter accepts a UTF-8 byte-order mark and CRLF line endings, because
/// files saved by Windows editors have them, and reports where each part starts
/// so that diagnostics point at the right line of the original file.
public struct FrontMatter: Sendable, Hashable {
    /// The YAML text between the `---` lines (line endings normalised to `\n`).
    public var yaml: String
    /// The line of the file where the YAML text starts (1-based).
    public var yamlFirstLine: Int
    /// The Markdown body after the closing `---` line.
    public var body: String
    /// The line of the file where the body starts (1-based).
    public var bodyFirstLine: Int

    /// Why a file could not be split.
    public enum SplitError: Error, Sendable, Hashable {
        /// The file has no content at all (or only whitespace).
        case empty
        /// The file does not start with a `---` line.
        case missingOpeningDelimiter
        /// The front matter is never closed by a `---` line.
        case missingClosingDelimiter(openedAtLine: Int)

        /// What went wrong, for the clerk.
        public var message: LocalizedText {
            switch self {
            case .empty:
                return LocalizedText(cs: "soubor je prázdný", en: "the file is empty")
            case .missingOpeningDelimiter:
                return LocalizedText(
                    cs: "soubor nezačíná hlavičkou YAML mezi řádky ---",
                    en: "the file does not start with a YAML front matter block between --- lines")
            case .missingClosingDelimiter:
                return LocalizedText(
                    cs: "hlavička YAML není uzavřena řádkem ---",
                    en: "the YAML front matter is not closed by a --- line")
            }
        }

        /// The line the problem is on.
        public var line: Int {
            switch self {
            case .empty, .missingOpeningDelimiter: return 1
            case .missingClosingDelimiter(let line): return line
            }
        }
    }

    /// Splits the text of a content file.
    public static func split(_ text: String) throws(SplitError) -> FrontMatter {
        var source = Substring(text)
        if source.first == "\u{FEFF}" { source = source.dropFirst() }
        if source.allSatisfy({ $0.isWhitespace }) { throw .empty }

        // Swift treats "\r\n" as one Character, so it is matched as a separator of its own.
        var lines = source.split(omittingEmptySubsequences: false, whereSeparator: Self.isLineBreak)
            .makeIterator()
        guard let first = lines.next(), isDelimiter(first) else { throw .missingOpeningDelimiter }

        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            if isDelimiter(line) {
                var bodyLines: [Substring] = []
                while let rest = lines.next() { bodyLines.append(stripCR(rest)) }
                return FrontMatter(
                    yaml: yamlLines.isEmpty ? "" : yamlLines.joined(separator: "\n") + "\n",
                    yamlFirstLine: 2,
                    body: bodyLines.joined(separator: "\n"),
                    bodyFirstLine: lineNumber + 1)
            }
            yamlLines.append(stripCR(line))
        }
        throw .missingClosingDelimiter(openedAtLine: 1)
    }

    private static func isLineBreak(_ c: Character) -> Bool {
        c == "\n" || c == "\r\n" || c == "\r"
    }

    private static func isDelimiter(_ line: Substring) -> Bool {
        var trimmed = stripCR(line)
        while trimmed.last == " " || trimmed.last == "\t" { trimmed = trimmed.dropLast() }
        return trimmed == "---"
    }

    private static func stripCR(_ line: Substring) -> Substring {
        // A lone "\r" before "\n" is merged into one Character by Swift; strip any
        // stray carriage return left at the end all the same.
        var line = line
        while let last = line.unicodeScalars.last, last == "\r" {
            line = Substring(line.unicodeScalars.dropLast())
        }
        return line
    }
}
