import Foundation

/// Czech typesetting rules applied to a rendered page, so that the city's own text
/// (which the clerk types with ordinary spaces) breaks as a typeset page does:
///
/// - digit groups ("6 516 052,50"), a number and its unit ("Kč", "%", "mil.") and
///   the parts of a date ("1. 3. 2018", "1. března") are joined by U+00A0;
/// - on Czech pages, a one-letter preposition or conjunction (k, s, v, z, o, u, a, i)
///   is joined to the next word, so that it never ends a line;
/// - a registration number (`CZ.03.2.60/0.0/0.0/16_052/0007824`) is marked up so
///   that it breaks only after a `/` (``registrationNumberHTML(_:)``).
///
/// It rewrites text nodes only, in one pass over the page's bytes: never a tag or an
/// attribute, nothing inside `<code>`, `<pre>`, `<kbd>`, `<samp>`, `<script>`,
/// `<style>`, `<textarea>`, `<title>`, `<svg>` or `<math>`, and no space next to a
/// URL or an e-mail address. Only a single space (or line break) between two words
/// is replaced, and only by U+00A0, so applying it twice changes nothing more.
struct Typography: Sendable {
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
        html.withUnsafeBufferPointer(typeset)
    }

    // The state lives in locals and inout parameters, not in variables a closure
    // captures: captured, every append to the output paid a dynamic exclusivity check.
    private func typeset(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        guard let base = bytes.baseAddress else { return output }
        var skipDepth = 0
        var index = 0
        var textStart = 0
        while index < bytes.count {
            guard let found = memchr(base + index, Int32(Byte.lessThan), bytes.count - index) else { break }
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base)
            copyText(bytes, textStart..<index, skipped: skipDepth > 0, into: &output)
            let tagEnd = Self.endOfTag(bytes, from: index)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<tagEnd]))
            var next = tagEnd
            let tag = Tag(bytes, index..<tagEnd)
            if !tag.selfClosing {
                if !tag.closing, let name = tag.kind.rawTextName {
                    // Their content is not markup: copied as it is, up to their end tag.
                    next = Self.endTagStart(bytes, name: name, from: tagEnd)
                    output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[tagEnd..<next]))
                } else if tag.kind == .skipped {
                    skipDepth = max(0, skipDepth + (tag.closing ? -1 : 1))
                }
            }
            index = next
            textStart = next
        }
        copyText(bytes, textStart..<bytes.count, skipped: skipDepth > 0, into: &output)
        return output
    }

    /// A text node into `output`: rewritten, or as it is inside a skipped element.
    private func copyText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, skipped: Bool, into output: inout [UInt8]) {
        guard !range.isEmpty else { return }
        if skipped {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
        } else {
            rewriteText(bytes, range, into: &output)
        }
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

    /// One text node, rewritten into `output`. Bytes that no rule starts at (all but
    /// a space, a line break and "c") are copied in runs.
    private func rewriteText(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into output: inout [UInt8]) {
        var index = range.lowerBound
        var runStart = index
        while index < range.upperBound {
            let byte = bytes[index]
            guard byte == Byte.space || byte == Byte.newline || byte | 0x20 == UInt8(ascii: "c") else { index += 1; continue }
            var replacement: [UInt8]?
            var end = index + 1
            if byte == Byte.space || byte == Byte.newline, index > range.lowerBound, index + 1 < range.upperBound,
               !Byte.isSpace(bytes[index - 1]), !Byte.isSpace(bytes[index + 1]), binds(bytes, range, at: index) {
                replacement = Self.noBreakSpace
            } else if byte == Byte.space, index + 1 == range.upperBound, index > range.lowerBound,
                      bindsBeforeElement(bytes, range, at: index) {
                replacement = Self.noBreakSpace
            } else if byte | 0x20 == UInt8(ascii: "c"), let numberEnd = Self.registrationNumberEnd(bytes, range, at: index) {
                let number = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<numberEnd]), as: UTF8.self)
                replacement = Array(Self.registrationNumberHTML(number).utf8)
                end = numberEnd
            }
            if let replacement {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: replacement)
                runStart = end
            }
            index = end
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
    }

    /// U+00A0 in UTF-8.
    private static let noBreakSpace: [UInt8] = [0xC2, 0xA0]

    /// The start of the word that ends just before `end` (after the last space or U+00A0).
    private static func wordStart(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, before end: Int) -> Int {
        var start = end
        while start > range.lowerBound, !Byte.endsSeparator(bytes, at: start - 1, from: range.lowerBound) { start -= 1 }
        return start
    }

    /// Whether the single space at `space` joins the words either side of it.
    private func binds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at space: Int) -> Bool {
        guard mayBind(bytes, range, at: space) else { return false }
        let left = UnsafeBufferPointer(rebasing: bytes[Self.wordStart(bytes, range, before: space)..<space])
        let word = Self.droppingOpeningPunctuation(left)
        // Every rule needs a one-letter word or a word a number rule binds: the spaces
        // ``mayBind(_:_:at:)`` let through are settled here, without the next word.
        guard let last = word.last else { return false }
        let oneLetter = bindsOneLetterWords && word.count == 1 && Self.isOneLetterWord(last)
        guard oneLetter || Self.mayEndNumberWord(last) else { return false }
        var rightEnd = space + 1
        while rightEnd < range.upperBound, !Byte.startsSeparator(bytes, at: rightEnd, before: range.upperBound) { rightEnd += 1 }
        let right = UnsafeBufferPointer(rebasing: bytes[(space + 1)..<rightEnd])
        if Self.isAddress(left) || Self.isAddress(right) { return false }
        return oneLetter || Self.bindsNumber(word, right)
    }

    /// False when the bytes just before `space` settle that it cannot bind, without
    /// finding the word: most spaces follow a word of two or more letters. The word's
    /// last byte is the one before the space (unless the word is all opening
    /// punctuation, which binds nothing), and a letter or digit before that one means
    /// the word has at least two bytes, so it is no one-letter word.
    private func mayBind(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at space: Int) -> Bool {
        let last = bytes[space - 1]
        if Self.mayEndNumberWord(last) { return true }
        guard bindsOneLetterWords, Self.isOneLetterWord(last) else { return false }
        guard space - 2 >= range.lowerBound else { return true }
        let before = bytes[space - 2]
        return !(Byte.isASCIILetter(before) || Byte.isDigit(before))
    }

    /// Whether the space that ends a text node binds a one-letter word to the inline
    /// element after it ("k <a>…", "v <abbr>…").
    private func bindsBeforeElement(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at space: Int) -> Bool {
        guard bindsOneLetterWords, space + 1 < bytes.count, !Byte.isSpace(bytes[space - 1]) else { return false }
        let word = Self.droppingOpeningPunctuation(UnsafeBufferPointer(rebasing: bytes[Self.wordStart(bytes, range, before: space)..<space]))
        guard word.count == 1, Self.isOneLetterWord(word[0]) else { return false }
        let tag = Tag(bytes, (space + 1)..<Self.endOfTag(bytes, from: space + 1))
        return !tag.closing && tag.kind == .inline
    }

    /// A digit, "." or "-": the last byte of every word a number rule binds ("6", "1.", "mil.", ",-").
    private static func mayEndNumberWord(_ byte: UInt8) -> Bool {
        Byte.isDigit(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }

    /// k, s, v, z, o, u, a, i, in either case.
    private static func isOneLetterWord(_ byte: UInt8) -> Bool {
        switch byte | 0x20 {
        case UInt8(ascii: "k"), UInt8(ascii: "s"), UInt8(ascii: "v"), UInt8(ascii: "z"),
             UInt8(ascii: "o"), UInt8(ascii: "u"), UInt8(ascii: "a"), UInt8(ascii: "i"):
            return true
        default:
            return false
        }
    }

    /// The number rules: digit groups, a number and its unit, the parts of a date.
    private static func bindsNumber(_ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = left.last, let first = right.first else { return false }
        // A group of one to three digits before a group of exactly three: "6 516 052,50", "+420 777 123 456".
        var digitsStart = 0
        while digitsStart < left.count, left[digitsStart] == UInt8(ascii: "+") { digitsStart += 1 }
        let leftDigits = left.count - digitsStart
        if leftDigits > 0, leftDigits <= 3, allDigits(left, digitsStart..<left.count),
           right.count >= 3, allDigits(right, 0..<3), right.count == 3 || !Byte.isDigit(right[3]) {
            return true
        }
        if Byte.isDigit(last) || left.count >= 2 && left[left.count - 2] == UInt8(ascii: ",") && last == UInt8(ascii: "-") {
            if startsWithUnit(right) { return true }
        }
        if isMultiple(left), startsWithCurrency(right) { return true }
        // A day or a month: "1. 3. 2018", "1. března 2023".
        if left.count >= 2, left.count <= 3, last == UInt8(ascii: "."), allDigits(left, 0..<(left.count - 1)) {
            return Byte.isDigit(first) || Byte.startsWithLowercaseLetter(right)
        }
        return false
    }

    private static func allDigits(_ text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        for index in range where !Byte.isDigit(text[index]) { return false }
        return true
    }

    private static let currencies: [[UInt8]] = ["Kč", "€", "EUR", "CZK"].map { Array($0.utf8) }
    private static let multiples: [[UInt8]] = ["tis.", "mil.", "mld."].map { Array($0.utf8) }
    private static let units: [[UInt8]] = currencies + multiples + ["%", "‰"].map { Array($0.utf8) }

    private static func startsWithCurrency(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        currencies.contains { startsWithWord(text, $0) }
    }

    /// A currency, a multiple or a sign.
    private static func startsWithUnit(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        units.contains { startsWithWord(text, $0) }
    }

    private static func isMultiple(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        multiples.contains { $0.count == word.count && startsWithWord(word, $0) }
    }

    /// Whether `text` starts with `word` and no letter or digit goes on after it ("Kč," yes, "Kčs" no).
    private static func startsWithWord(_ text: UnsafeBufferPointer<UInt8>, _ word: [UInt8]) -> Bool {
        guard text.count >= word.count else { return false }
        for index in 0..<word.count where text[index] != word[index] { return false }
        guard text.count > word.count else { return true }
        let next = text[word.count]
        return !(Byte.isDigit(next) || Byte.startsLetter(next))
    }

    /// A word that is a URL or an e-mail address: its neighbours' spaces are left alone.
    private static func isAddress(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
        if word.count >= 4, word[0] == UInt8(ascii: "w"), word[1] == UInt8(ascii: "w"), word[2] == UInt8(ascii: "w"),
           word[3] == UInt8(ascii: ".") {
            return true
        }
        for index in 0..<word.count {
            if word[index] == UInt8(ascii: "@") { return true }
            if word[index] == UInt8(ascii: ":"), index + 2 < word.count,
               word[index + 1] == UInt8(ascii: "/"), word[index + 2] == UInt8(ascii: "/") {
                return true
            }
        }
        return false
    }

    /// The word without the brackets and quotes that open it ("(v", "„a").
    private static func droppingOpeningPunctuation(_ word: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0
        while start < word.count {
            let length = openingPunctuationLength(word, at: start)
            if length == 0 { break }
            start += length
        }
        return UnsafeBufferPointer(rebasing: word[start...])
    }

    /// The length of the bracket or quote that starts at `index`: ( [ " ' „ “ ‚ ‘ « », or 0.
    private static func openingPunctuationLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        switch text[index] {
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "'"):
            return 1
        case 0xC2:
            // « C2 AB, » C2 BB
            return index + 1 < text.count && (text[index + 1] == 0xAB || text[index + 1] == 0xBB) ? 2 : 0
        case 0xE2:
            // „ E2 80 9E, “ E2 80 9C, ‚ E2 80 9A, ‘ E2 80 98
            guard index + 2 < text.count, text[index + 1] == 0x80 else { return 0 }
            switch text[index + 2] {
            case 0x9E, 0x9C, 0x9A, 0x98: return 3
            default: return 0
            }
        default:
            return 0
        }
    }

    /// Whether an opening quote (``openingPunctuationLength(_:at:)``, brackets aside) ends just before `end`.
    private static func quoteEnds(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, before end: Int) -> Bool {
        let available = end - range.lowerBound
        if available >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xAB || bytes[end - 1] == 0xBB { return true }
        if available >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80 {
            switch bytes[end - 1] {
            case 0x9E, 0x9C, 0x9A, 0x98: return true
            default: return false
            }
        }
        return false
    }

    // MARK: Registration numbers

    /// The end of the registration number starting at `start` ("CZ." or "cz.", digits,
    /// `.`, `_` and at least two `/`, ending in a digit), if one starts there as a word.
    private static func registrationNumberEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, at start: Int) -> Int? {
        guard start + 3 < range.upperBound, bytes[start + 1] | 0x20 == UInt8(ascii: "z"), bytes[start + 2] == UInt8(ascii: "."),
              Byte.isDigit(bytes[start + 3]) else { return nil }
        if start > range.lowerBound {
            let before = bytes[start - 1]
            // "č.cz.03…": an abbreviation's dot may stand right before it, as Ostrava writes it.
            let opens = Byte.isSpace(before) || isRegistrationNumberOpener(before)
                || Byte.endsSeparator(bytes, at: start - 1, from: range.lowerBound)
                || quoteEnds(bytes, range, before: start)
            guard opens else { return nil }
        }
        var end = start + 3
        var slashes = 0
        while end < range.upperBound, Byte.isDigit(bytes[end]) || isRegistrationNumberPunctuation(bytes[end]) {
            if bytes[end] == UInt8(ascii: "/") { slashes += 1 }
            end += 1
        }
        if end < range.upperBound, Byte.startsLetter(bytes[end]) { return nil }
        while !Byte.isDigit(bytes[end - 1]) {
            if bytes[end - 1] == UInt8(ascii: "/") { slashes -= 1 }
            end -= 1
        }
        return slashes >= 2 ? end : nil
    }

    /// ( [ " ' and ".", which may stand right before a registration number.
    private static func isRegistrationNumberOpener(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "(") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
            || byte == UInt8(ascii: ".")
    }

    /// ".", "_" and "/", which a registration number has between its digits.
    private static func isRegistrationNumberPunctuation(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "/")
    }

    // MARK: Tags

    /// What a tag's element means to the rules.
    private enum TagKind: Equatable {
        /// Anything the rules do not look at.
        case other
        /// An element whose text is never rewritten: code, pre, kbd, samp, svg, math.
        case skipped
        /// An element whose content is not markup: script, style and (taking no tags
        /// either) textarea and title.
        case script, style, textarea, title
        /// An element inside running text, which a one-letter word is bound to:
        /// a, abbr, b, cite, dfn, em, i, mark, q, small, span, strong.
        case inline

        /// The lower-case name a raw-text element's end tag has.
        var rawTextName: [UInt8]? {
            switch self {
            case .script: return Array("script".utf8)
            case .style: return Array("style".utf8)
            case .textarea: return Array("textarea".utf8)
            case .title: return Array("title".utf8)
            default: return nil
            }
        }

        /// The kind of the element whose lower-cased name is packed into `packed`, its
        /// first byte highest (so the constants read as the names' ASCII codes): every
        /// name the rules know has at most eight bytes, and none has a zero byte.
        init(packed: UInt64) {
            switch packed {
            // code, pre, kbd, samp, svg, math
            case 0x636F_6465, 0x70_7265, 0x6B_6264, 0x7361_6D70, 0x73_7667, 0x6D61_7468:
                self = .skipped
            case 0x7363_7269_7074: self = .script
            case 0x73_7479_6C65: self = .style
            case 0x7465_7874_6172_6561: self = .textarea
            case 0x74_6974_6C65: self = .title
            // a, abbr, b, cite, dfn, em, i, mark, q, small, span, strong
            case 0x61, 0x6162_6272, 0x62, 0x6369_7465, 0x64_666E, 0x656D, 0x69, 0x6D61_726B, 0x71, 0x73_6D61_6C6C,
                 0x7370_616E, 0x7374_726F_6E67:
                self = .inline
            default:
                self = .other
            }
        }
    }

    /// A tag's element kind, whether it closes (`</x>`) and whether it closes itself (`<x/>`).
    private struct Tag {
        var kind: TagKind
        var closing: Bool
        var selfClosing: Bool

        /// Reads the tag `<…>` at `tag`; a tag without a name of letters, digits and hyphens is `.other`.
        init(_ bytes: UnsafeBufferPointer<UInt8>, _ tag: Range<Int>) {
            var index = tag.lowerBound + 1
            closing = false
            if index < tag.upperBound, bytes[index] == UInt8(ascii: "/") { closing = true; index += 1 }
            let nameStart = index
            var packed: UInt64 = 0
            while index < tag.upperBound, Byte.isASCIILetter(bytes[index]) || Byte.isDigit(bytes[index]) || bytes[index] == UInt8(ascii: "-") {
                packed = packed << 8 | UInt64(bytes[index] | 0x20)
                index += 1
            }
            kind = index > nameStart && index - nameStart <= 8 ? TagKind(packed: packed) : .other
            selfClosing = tag.count >= 2 && bytes[tag.upperBound - 2] == UInt8(ascii: "/")
        }
    }

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
        var index = start + 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") { return index + 1 }
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index += 1
                while index < bytes.count, bytes[index] != byte { index += 1 }
                if index == bytes.count { break }
            }
            index += 1
        }
        return bytes.count
    }

    /// Where the end tag `</name` starts (any case), or the end of the page.
    private static func endTagStart(_ bytes: UnsafeBufferPointer<UInt8>, name: [UInt8], from start: Int) -> Int {
        var index = start
        while index + 1 + name.count < bytes.count {
            if bytes[index] == Byte.lessThan, bytes[index + 1] == UInt8(ascii: "/"), endTagNameMatches(bytes, name, at: index + 2) {
                return index
            }
            index += 1
        }
        return bytes.count
    }

    private static func endTagNameMatches(_ bytes: UnsafeBufferPointer<UInt8>, _ name: [UInt8], at start: Int) -> Bool {
        for offset in 0..<name.count where bytes[start + offset] | 0x20 != name[offset] { return false }
        return true
    }
}

/// Byte classes of UTF-8 text.
private enum Byte {
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
