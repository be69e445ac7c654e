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
    ///
    /// Works on UTF-8 bytes (grapheme-by-grapheme splitting was a measurable part of
    /// a large build); every line break form (`\n`, `\r\n`, `\r`) becomes `\n`.
    public static func split(_ text: String) throws(SplitError) -> FrontMatter {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let firstInk = bytes.firstIndex(where: { !(ASCII.isWhitespace($0)) }) {
            // Non-ASCII bytes may still be Unicode whitespace (no-break spaces, …).
            if bytes[firstInk] >= 0x80, String(decoding: bytes, as: UTF8.self).allSatisfy(\.isWhitespace) { throw .empty }
        } else {
            throw .empty
        }
        if !bytes.contains(0x0D) { return try splitLF(bytes) }
        let lines = normalizedLines(bytes)
        guard let first = lines.first, isDelimiter(bytes[first]) else { throw .missingOpeningDelimiter }
        for index in 1..<lines.count where isDelimiter(bytes[lines[index]]) {
            let yamlLines = lines[1..<index]
            let bodyLines = lines[(index + 1)...]
            func join<C: Collection>(_ ranges: C) -> String where C.Element == Range<Int> {
                var out: [UInt8] = []
                out.reserveCapacity(ranges.reduce(0) { $0 + $1.count + 1 })
                for (n, range) in ranges.enumerated() {
                    if n > 0 { out.append(0x0A) }
                    out.append(contentsOf: bytes[range])
                }
                return String(decoding: out, as: UTF8.self)
            }
            return FrontMatter(
                yaml: yamlLines.isEmpty ? "" : join(yamlLines) + "\n",
                yamlFirstLine: 2,
                body: join(bodyLines),
                bodyFirstLine: index + 2)
        }
        throw .missingClosingDelimiter(openedAtLine: 1)
    }

    /// ``split(_:)`` for text whose only line break is `\n` (nearly every file): the parts
    /// are slices of the bytes as they are, and lines are looked at only up to the closing `---`.
    private static func splitLF(_ bytes: [UInt8]) throws(SplitError) -> FrontMatter {
        var start = 0, lineNumber = 1
        var yamlStart: Int?
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let isDelimiterLine = isDelimiter(bytes[start..<end])
            if let yamlStart {
                if isDelimiterLine {
                    return FrontMatter(
                        yaml: String(decoding: bytes[yamlStart..<start], as: UTF8.self), yamlFirstLine: 2,
                        body: String(decoding: bytes[min(end + 1, bytes.count)...], as: UTF8.self),
                        bodyFirstLine: lineNumber + 1)
                }
            } else {
                guard isDelimiterLine else { throw .missingOpeningDelimiter }
                yamlStart = min(end + 1, bytes.count)
            }
            start = end + 1
            lineNumber += 1
        }
        throw .missingClosingDelimiter(openedAtLine: 1)
    }

    /// The body of a file that was split before (rendering reads bodies again rather
    /// than keep them in memory): the same text ``split(_:)`` gives as `body`, found
    /// without building the front matter's text. Nil when the file does not split.
    public static func body(of text: String) -> String? {
        var text = text
        if let fast = text.withUTF8({ bodyFast($0) }) { return fast }
        return (try? split(text))?.body
    }

    /// ``body(of:)`` of a file's bytes as read: only the body is decoded (and checked
    /// as UTF-8), not the whole file first. Nil when the file does not split or is not UTF-8.
    static func body(ofFile bytes: UnsafeBufferPointer<UInt8>) -> String? {
        if let fast = bodyFast(bytes) { return fast }
        return String(validating: bytes, as: UTF8.self).flatMap { try? split($0).body }
    }

    /// The body found on the bytes, for files without carriage returns (nil: take the
    /// full path, which normalises them); `.some(nil)` when the file does not split.
    private static func bodyFast(_ bytes: UnsafeBufferPointer<UInt8>) -> String?? {
        if bytes.contains(0x0D) { return .none }
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var first = true
        while start <= bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let isDelimiterLine = isDelimiter(ArraySlice(bytes[start..<end]))
            if first && !isDelimiterLine { return .some(nil) }
            if !first && isDelimiterLine {
                let bodyStart = min(end + 1, bytes.count)
                return .some(String(validating: UnsafeBufferPointer(rebasing: bytes[bodyStart...]), as: UTF8.self))
            }
            first = false
            start = end + 1
        }
        return .some(nil)
    }

    /// Byte ranges of the lines, without their line breaks.
    private static func normalizedLines(_ bytes: [UInt8]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(start..<index)
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                start = index + 1
            }
            index += 1
        }
        lines.append(start..<bytes.count)
        return lines
    }

    private static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool {
        var line = line
        while let last = line.last, last == 0x20 || last == 0x09 { line = line.dropLast() }
        return line.elementsEqual("---".utf8)
    }

    private enum ASCII {
        static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
    }
}
