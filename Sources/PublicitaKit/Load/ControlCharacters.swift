/// Control characters in a record's text: C0 (U+0000–U+001F) but tab, line feed
/// and carriage return, DEL (U+007F) and C1 (U+0080–U+009F). None belongs in text
/// a person wrote, HTML forbids them, and they reach every page that shows the
/// value. They arrive pasted from Word (U+000B is its manual line break), from
/// text exported in the wrong encoding (C1), as YAML escapes (`"\a"`, `"\u0007"`), or
/// as character references in Markdown (`&#11;`).
enum ControlCharacters {
    /// Each file reports at most this many (one per line), then how many more there are.
    static let maximumReported = 20

    /// Whether `scalar` is a control character that no text may hold.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || (0x7F...0x9F).contains(value)
    }

    /// The control characters written in a file's text, one pass over its UTF-8 bytes:
    /// bytes below 0x20 (but tab, LF, CR), 0x7F, and C1 (0xC2 followed by 0x80–0x9F).
    /// Lines count LF, CR LF and a lone CR as the splitter does; columns count characters.
    static func scan(_ text: String, file: String) -> [Diagnostic] {
        var text = text
        return text.withUTF8 { bytes in
            // Nearly every file has none: a vectorisable test first, the exact walk only then.
            guard bytes.contains(where: { ($0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D) || $0 == 0x7F || $0 == 0xC2 || $0 == 0x26 })
            else { return [] }
            var diagnostics: [Diagnostic] = []
            var more = 0, line = 1, column = 1, lastReportedLine = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                var found: UInt32?
                if byte == 0x0A || (byte == 0x0D && !(index + 1 < bytes.count && bytes[index + 1] == 0x0A)) {
                    line += 1; column = 1; index += 1
                    continue
                }
                if (byte < 0x20 && byte != 0x09 && byte != 0x0D) || byte == 0x7F {
                    found = UInt32(byte)
                } else if byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) {
                    found = UInt32(bytes[index + 1])
                } else if byte == 0x26, let value = numericReference(bytes, at: index), value != 0,
                          let scalar = Unicode.Scalar(value), isForbidden(scalar) {
                    // Markdown decodes `&#7;` into the character itself (NUL alone becomes U+FFFD).
                    found = value
                }
                if let found, let scalar = Unicode.Scalar(found) {
                    if line != lastReportedLine {
                        if diagnostics.count < maximumReported {
                            diagnostics.append(diagnostic(scalar, at: SourceLocation(file: file, line: line, column: column)))
                        } else {
                            more += 1
                        }
                        lastReportedLine = line
                    }
                }
                // A column is a character: continuation bytes do not start one.
                if byte & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
            if more > 0, let last = diagnostics.indices.last {
                let message = diagnostics[last].message
                diagnostics[last].message = LocalizedText(cs: message.cs + " (a na dalších \(more) řádcích)",
                                                          en: message.en + " (and on \(more) more lines)")
            }
            return diagnostics
        }
    }

    /// The code point of a numeric character reference (`&#7;`, `&#x85;`) at `index`, or nil.
    private static func numericReference(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt32? {
        var position = index + 1
        guard position < bytes.count, bytes[position] == 0x23 else { return nil }
        position += 1
        let hex = position < bytes.count && (bytes[position] | 0x20) == 0x78
        if hex { position += 1 }
        var value: UInt32 = 0, digits = 0
        while position < bytes.count, digits < 8 {
            let byte = bytes[position]
            let digit: UInt32
            switch byte {
            case 0x30...0x39: digit = UInt32(byte - 0x30)
            case 0x61...0x66 where hex: digit = UInt32(byte - 0x61 + 10)
            case 0x41...0x46 where hex: digit = UInt32(byte - 0x41 + 10)
            default:
                return byte == 0x3B && digits > 0 ? value : nil
            }
            value = value * (hex ? 16 : 10) + digit
            digits += 1
            position += 1
        }
        return nil
    }

    /// `text` with every forbidden control character replaced by a space (so lines and
    /// columns stay where they were), and the errors naming them; `text` itself when it has none.
    static func checked(_ text: String, file: String) -> (text: String, problems: [Diagnostic]) {
        let problems = scan(text, file: file)
        guard !problems.isEmpty else { return (text, []) }
        var blanked = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { blanked.append(isForbidden(scalar) ? " " : scalar) }
        return (String(blanked), problems)
    }

    /// The first forbidden character of a value parsed from YAML (an escape such as
    /// `"\a"` or `"\u0085"` puts one there without it being in the file), or nil.
    static func first(in value: String) -> Unicode.Scalar? {
        value.unicodeScalars.first(where: isForbidden)
    }

    /// `U+0007`.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The error for `scalar` at `location`; `escaped` when it comes from a YAML escape.
    static func diagnostic(_ scalar: Unicode.Scalar, at location: SourceLocation, escaped: Bool = false) -> Diagnostic {
        let code = codePoint(scalar)
        let name = names[scalar.value].map { LocalizedText(cs: " (\($0.cs))", en: " (\($0.en))") } ?? LocalizedText(cs: "", en: "")
        let source = escaped
            ? LocalizedText(cs: " zapsaný escape sekvencí v uvozovkách", en: " written as an escape in quotes")
            : LocalizedText(cs: "", en: "")
        let suggestion: LocalizedText
        if scalar.value == 0x0B {
            suggestion = LocalizedText(
                cs: "jde o zalomení řádku z Wordu (Shift+Enter): nahraďte ho koncem řádku, nebo v textu Markdown dvěma mezerami a koncem řádku",
                en: "this is Word's line break (Shift+Enter): replace it with a line break, or in Markdown text with two spaces and a line break")
        } else {
            suggestion = LocalizedText(
                cs: "znak smažte (v editoru bývá neviditelný; najděte ho podle sloupce)",
                en: "delete the character (editors often show nothing; find it by its column)")
        }
        return .error(
            .textControl, at: location,
            LocalizedText(cs: "text obsahuje řídicí znak \(code)\(name.cs)\(source.cs), který do textu nepatří",
                          en: "the text holds the control character \(code)\(name.en)\(source.en), which has no place in text"),
            expected: "text", found: code, suggestion: suggestion)
    }

    /// Names of the control characters people meet.
    private static let names: [UInt32: LocalizedText] = [
        0x07: LocalizedText(cs: "zvonek", en: "bell"),
        0x08: LocalizedText(cs: "backspace", en: "backspace"),
        0x0B: LocalizedText(cs: "svislý tabulátor, zalomení řádku z Wordu", en: "vertical tab, Word's line break"),
        0x0C: LocalizedText(cs: "nová stránka", en: "form feed"),
        0x1B: LocalizedText(cs: "escape", en: "escape"),
        0x7F: LocalizedText(cs: "delete", en: "delete"),
        0x85: LocalizedText(cs: "další řádek NEL", en: "next line NEL"),
    ]
}
