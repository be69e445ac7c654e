@testable import PublicitaKit

/// Typography as it was before it classified tags by their bytes and copied text in
/// runs (issue #15): kept as the reference the byte-level rewrite must equal, byte
/// for byte, on any input (TypographyEquivalenceTests).
struct ReferenceTypography: Sendable {
    /// Whether one-letter words are bound to the next one (a rule of Czech only).
    let bindsOneLetterWords: Bool

    init(language: Language) {
        bindsOneLetterWords = language == .cs
    }

    /// The page with the rules applied.
    func apply(to html: String) -> String {
        String(decoding: apply(to: Array(html.utf8)), as: UTF8.self)
    }

    /// The page (UTF-8) with the rules applied.
    func apply(to html: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(html.count + html.count / 16)
        html.withUnsafeBufferPointer { bytes in
            var skipDepth = 0
            var index = 0
            var textStart = 0
            func flushText(upTo end: Int) {
                guard textStart < end else { return }
                if skipDepth == 0 {
                    rewriteText(bytes, textStart..<end, into: &output)
                } else {
                    output.append(contentsOf: bytes[textStart..<end])
                }
            }
            while index < bytes.count {
                guard bytes[index] == ReferenceByte.lessThan else { index += 1; continue }
                flushText(upTo: index)
                let tagEnd = Self.endOfTag(bytes, from: index)
                output.append(contentsOf: bytes[index..<tagEnd])
                var next = tagEnd
                if let (name, closing, selfClosing) = Self.tagName(bytes, index..<tagEnd), !selfClosing {
                    if !closing, Self.rawText.contains(name) {
                        // Their content is not markup: copied as it is, up to their end tag.
                        next = Self.endTagStart(bytes, name: name, from: tagEnd)
                        output.append(contentsOf: bytes[tagEnd..<next])
                    } else if Self.skipped.contains(name) {
                        skipDepth = max(0, skipDepth + (closing ? -1 : 1))
                    }
                }
                index = next
                textStart = next
            }
            flushText(upTo: bytes.count)
        }
        return output
    }

    /// A registration number as markup that breaks only after its slashes: each part
    /// up to and including a `/` does not wrap, and `<wbr>` after it lets the line end there.
    static func registrationNumberHTML(_ number: String) -> String {
        var html = "<span class=\"regno\">"
        var part = ""
        func close() {
            guard !part.isEmpty else { return }
            html += "<span class=\"regno-part\">" + HTML.escape(part) + "</span>"
            if part.hasSuffix("/") { html += "<wbr>" }
            part = ""
        }
        for character in number {
            part.append(character)
            if character == "/" { close() }
        }
        close()
        return html + "</span>"
    }

    // MARK: Text

    /// One text node, rewritten into `output`.
    private func rewriteText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) {
        var index = range.lowerBound
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == ReferenceByte.space || byte == ReferenceByte.newline, index > range.lowerBound, index + 1 < range.upperBound,
               !ReferenceByte.isSpace(bytes[index - 1]), !ReferenceByte.isSpace(bytes[index + 1]), binds(bytes, range, at: index) {
                output.append(0xC2)
                output.append(0xA0)
                index += 1
                continue
            }
            if byte == ReferenceByte.space, index + 1 == range.upperBound, index > range.lowerBound,
               bindsBeforeElement(bytes, range, at: index) {
                output.append(0xC2)
                output.append(0xA0)
                index += 1
                continue
            }
            if byte | 0x20 == UInt8(ascii: "c"), let end = Self.registrationNumberEnd(bytes, range, at: index) {
                let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
                output.append(contentsOf: Self.registrationNumberHTML(number).utf8)
                index = end
                continue
            }
            output.append(byte)
            index += 1
        }
    }

    /// Whether the single space at `space` joins the words either side of it.
    private func binds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at space: Int) -> Bool {
        var leftStart = space
        while leftStart > range.lowerBound, !ReferenceByte.endsSeparator(bytes, at: leftStart - 1, from: range.lowerBound) { leftStart -= 1 }
        var rightEnd = space + 1
        while rightEnd < range.upperBound, !ReferenceByte.startsSeparator(bytes, at: rightEnd, before: range.upperBound) { rightEnd += 1 }
        let left = UnsafeBufferPointer(rebasing: bytes[leftStart..<space])
        let right = UnsafeBufferPointer(rebasing: bytes[(space + 1)..<rightEnd])
        if Self.isAddress(left) || Self.isAddress(right) { return false }
        let word = Self.droppingOpeningPunctuation(left)
        if bindsOneLetterWords, word.count == 1, Self.oneLetterWords.contains(word[0]) { return true }
        return Self.bindsNumber(word, right)
    }

    /// Whether the space that ends a text node binds a one-letter word to the inline
    /// element after it ("k <a>…", "v <abbr>…").
    private func bindsBeforeElement(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at space: Int) -> Bool {
        guard bindsOneLetterWords, space + 1 < bytes.count, !ReferenceByte.isSpace(bytes[space - 1]) else { return false }
        var leftStart = space
        while leftStart > range.lowerBound, !ReferenceByte.endsSeparator(bytes, at: leftStart - 1, from: range.lowerBound) { leftStart -= 1 }
        let word = Self.droppingOpeningPunctuation(UnsafeBufferPointer(rebasing: bytes[leftStart..<space]))
        guard word.count == 1, Self.oneLetterWords.contains(word[0]) else { return false }
        let tagEnd = Self.endOfTag(bytes, from: space + 1)
        guard let (name, closing, _) = Self.tagName(bytes, (space + 1)..<tagEnd), !closing else { return false }
        return Self.inline.contains(name)
    }

    /// Elements inside running text, which a one-letter word is bound to.
    private static let inline: Set<String> = ["a", "abbr", "b", "cite", "dfn", "em", "i", "mark", "q", "small", "span", "strong"]

    /// The number rules: digit groups, a number and its unit, the parts of a date.
    private static func bindsNumber(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = left.last, let first = right.first else { return false }
        // A group of one to three digits before a group of exactly three: "6 516 052,50", "+420 777 123 456".
        let leftDigits = left.drop(while: { $0 == UInt8(ascii: "+") })
        if !leftDigits.isEmpty, leftDigits.count <= 3, leftDigits.allSatisfy(ReferenceByte.isDigit),
           right.count >= 3, right.prefix(3).allSatisfy(ReferenceByte.isDigit), right.count == 3 || !ReferenceByte.isDigit(right[3]) {
            return true
        }
        if ReferenceByte.isDigit(last) || left.count >= 2 && left[left.count - 2] == UInt8(ascii: ",") && last == UInt8(ascii: "-") {
            if units.contains(where: { startsWithWord(right, $0) }) { return true }
        }
        if multiples.contains(where: { left.elementsEqual($0) }), currencies.contains(where: { startsWithWord(right, $0) }) {
            return true
        }
        // A day or a month: "1. 3. 2018", "1. března 2023".
        if left.count >= 2, left.count <= 3, last == UInt8(ascii: "."), left.dropLast().allSatisfy(ReferenceByte.isDigit) {
            return ReferenceByte.isDigit(first) || ReferenceByte.startsWithLowercaseLetter(right)
        }
        return false
    }

    private static let oneLetterWords: Set<UInt8> = Set("ksvzouaiKSVZOUAI".utf8)
    private static let currencies: [[UInt8]] = ["Kč", "€", "EUR", "CZK"].map { Array($0.utf8) }
    private static let multiples: [[UInt8]] = ["tis.", "mil.", "mld."].map { Array($0.utf8) }
    private static let units: [[UInt8]] = currencies + multiples + ["%", "‰"].map { Array($0.utf8) }

    /// Whether `text` starts with `word` and no letter or digit goes on after it ("Kč," yes, "Kčs" no).
    private static func startsWithWord(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard text.count >= word.count, text.prefix(word.count).elementsEqual(word) else { return false }
        guard text.count > word.count else { return true }
        let next = text[word.count]
        return !(ReferenceByte.isDigit(next) || ReferenceByte.startsLetter(next))
    }

    /// A word that is a URL or an e-mail address: its neighbours' spaces are left alone.
    private static func isAddress(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.contains(UInt8(ascii: "@")) { return true }
        if word.starts(with: "www.".utf8) { return true }
        guard word.count >= 3 else { return false }
        for index in 0..<(word.count - 2) where word[index] == UInt8(ascii: ":")
            && word[index + 1] == UInt8(ascii: "/") && word[index + 2] == UInt8(ascii: "/") {
            return true
        }
        return false
    }

    /// The word without the brackets and quotes that open it ("(v", "„a").
    private static func droppingOpeningPunctuation(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        while start < word.count {
            if "([\"'".utf8.contains(word[start]) {
                start += 1
            } else if let quote = openingQuotes.first(where: { UnsafeBufferPointer(rebasing: word[start...]).starts(with: $0) }) {
                start += quote.count
            } else {
                break
            }
        }
        return UnsafeBufferPointer(rebasing: word[start...])
    }

    /// „ “ ‚ ‘ « and ».
    private static let openingQuotes: [[UInt8]] = ["„", "“", "‚", "‘", "«", "»"].map { Array($0.utf8) }

    // MARK: Registration numbers

    /// The end of the registration number starting at `start` ("CZ." or "cz.", digits,
    /// `.`, `_` and at least two `/`, ending in a digit), if one starts there as a word.
    private static func registrationNumberEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at start: Int) -> Int? {
        guard start + 3 < range.upperBound, bytes[start + 1] | 0x20 == UInt8(ascii: "z"), bytes[start + 2] == UInt8(ascii: "."),
              ReferenceByte.isDigit(bytes[start + 3]) else { return nil }
        if start > range.lowerBound {
            let before = bytes[start - 1]
            // "č.cz.03…": an abbreviation's dot may stand right before it, as Ostrava writes it.
            let opens = ReferenceByte.isSpace(before) || "([\"'.".utf8.contains(before)
                || ReferenceByte.endsSeparator(bytes, at: start - 1, from: range.lowerBound)
                || openingQuotes.contains { quote in
                    start - range.lowerBound >= quote.count
                        && UnsafeBufferPointer(rebasing: bytes[(start - quote.count)..<start]).elementsEqual(quote)
                }
            guard opens else { return nil }
        }
        var end = start + 3
        var slashes = 0
        while end < range.upperBound, ReferenceByte.isDigit(bytes[end]) || "._/".utf8.contains(bytes[end]) {
            if bytes[end] == UInt8(ascii: "/") { slashes += 1 }
            end += 1
        }
        if end < range.upperBound, ReferenceByte.startsLetter(bytes[end]) { return nil }
        while !ReferenceByte.isDigit(bytes[end - 1]) {
            if bytes[end - 1] == UInt8(ascii: "/") { slashes -= 1 }
            end -= 1
        }
        return slashes >= 2 ? end : nil
    }

    // MARK: Tags

    /// Elements whose text is never rewritten.
    private static let skipped: Set<String> = ["code", "pre", "kbd", "samp", "svg", "math"]
    /// Elements whose content is not markup; `<title>` and `<textarea>` take no tags either.
    private static let rawText: Set<String> = ["script", "style", "textarea", "title"]

    /// The index just past the tag starting at `start` (`<…>`, quoted `>` kept inside; `<!-- … -->` whole).
    private static func endOfTag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        if start + 3 < bytes.count, bytes[start + 1] == UInt8(ascii: "!"), bytes[start + 2] == UInt8(ascii: "-"), bytes[start + 3] == UInt8(ascii: "-") {
            var index = start + 4
            while index + 2 < bytes.count {
                if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"), bytes[index + 2] == UInt8(ascii: ">") { return index + 3 }
                index += 1
            }
            return bytes.count
        }
        var quote: UInt8?
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        return bytes.count
    }

    /// The lower-cased name of a tag, whether it closes (`</x>`) and whether it closes itself (`<x/>`).
    private static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>) -> (String, Bool, Bool)? {
        var index = tag.lowerBound + 1
        var closing = false
        if index < tag.upperBound, bytes[index] == UInt8(ascii: "/") { closing = true; index += 1 }
        let nameStart = index
        while index < tag.upperBound, ReferenceByte.isASCIILetter(bytes[index]) || ReferenceByte.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
            index += 1
        }
        guard index > nameStart, index - nameStart <= 16 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[nameStart..<index]).map { $0 | 0x20 }, as: UTF8.self)
        let selfClosing = tag.count >= 2 && bytes[tag.upperBound - 2] == UInt8(ascii: "/")
        return (name, closing, selfClosing)
    }

    /// Where the end tag `</name` starts (any case), or the end of the page.
    private static func endTagStart(_ bytes: UnsafeBufferPointer<UInt8>, name: String, from start: Int) -> Int {
        let name = Array(name.utf8)
        var index = start
        while index + 1 + name.count < bytes.count {
            if bytes[index] == ReferenceByte.lessThan, bytes[index + 1] == UInt8(ascii: "/"),
               (0..<name.count).allSatisfy({ bytes[index + 2 + $0] | 0x20 == name[$0] }) {
                return index
            }
            index += 1
        }
        return bytes.count
    }
}

/// Byte classes of UTF-8 text.
private enum ReferenceByte {
    static let lessThan = UInt8(ascii: "<")
    static let space = UInt8(ascii: " ")
    static let newline = UInt8(ascii: "\n")

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == space || byte == newline || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    static func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

    static func isASCIILetter(_ byte: UInt8) -> Bool {
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "z")
    }

    /// Whether the byte is an ASCII letter or starts a two-byte character (Latin,
    /// Greek, Cyrillic letters: "č", "ř"); three-byte ones are mostly punctuation ("“", "–").
    static func startsLetter(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte >= 0xC3 && byte <= 0xDF
    }

    /// Whether the byte at `index` ends a word separator: a space or U+00A0 (C2 A0).
    static func endsSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, from start: Int) -> Bool {
        isSpace(bytes[index]) || bytes[index] == 0xA0 && index > start && bytes[index - 1] == 0xC2
    }

    /// Whether a word separator (a space or U+00A0) starts at `index`.
    static func startsSeparator(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, before end: Int) -> Bool {
        isSpace(bytes[index]) || bytes[index] == 0xC2 && index + 1 < end && bytes[index + 1] == 0xA0
    }

    /// Whether the text starts with a lower-case letter (of any script).
    static func startsWithLowercaseLetter(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = text.first else { return false }
        if first < 0x80 { return first >= UInt8(ascii: "a") && first <= UInt8(ascii: "z") }
        var iterator = text.makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return false }
        return scalar.properties.isLowercase
    }
}
