import Foundation

/// Reads a content file's bytes as text, refusing what is not UTF-8 or too big
/// with a message a clerk can act on.
enum SourceText {
    /// Files bigger than this are refused: no record is anywhere near it, and
    /// reading one whole would waste memory.
    static let maximumBytes = 8 * 1024 * 1024

    static func read(_ url: URL, relativePath: String) -> Result<String, Diagnostic> {
        bytes(url, relativePath: relativePath).flatMap { text(of: $0, relativePath: relativePath) }
    }

    /// The file's bytes, or why they cannot be read.
    static func bytes(_ url: URL, relativePath: String) -> Result<Data, Diagnostic> {
        let location = SourceLocation(file: relativePath)
        // POSIX stat: Foundation's attributesOfItem was a tenth of a large check.
        var info = stat()
        if stat(url.path, &info) == 0, Int(info.st_size) > maximumBytes {
            let size = Int(info.st_size)
            return .failure(.error(
                .fileTooLarge, at: location,
                LocalizedText(cs: "soubor má \(size / 1024 / 1024) MiB, nejvýše lze \(maximumBytes / 1024 / 1024) MiB",
                              en: "the file is \(size / 1024 / 1024) MiB, the limit is \(maximumBytes / 1024 / 1024) MiB"),
                suggestion: LocalizedText(cs: "velké dokumenty dejte do static/ a odkažte na ně", en: "put large documents in static/ and link to them")))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(.error(.fileRead, at: location,
                                   LocalizedText(cs: "soubor nelze přečíst", en: "the file cannot be read")))
        }
        return .success(data)
    }

    /// The text of a file's bytes, or why they are no text.
    static func text(of data: Data, relativePath: String) -> Result<String, Diagnostic> {
        if let text = String(validatingUTF8Data: data) {
            // NUL is valid UTF-8 yet never part of a text a person wrote: binary data.
            // (Other control characters are text.control, reported where the text is read.)
            if let line = firstNULLine(data) {
                return .failure(.error(
                    .fileEncoding, at: SourceLocation(file: relativePath, line: line),
                    LocalizedText(cs: "soubor obsahuje znak NUL (U+0000); nejde o prostý text", en: "the file holds NUL characters (U+0000); it is not plain text"),
                    expected: "UTF-8 text", found: "binary",
                    suggestion: LocalizedText(cs: "uložte soubor jako prostý text UTF-8", en: "save the file as plain UTF-8 text")))
            }
            return .success(text)
        }
        let (line, guess) = firstInvalidLine(data)
        return .failure(.error(
            .fileEncoding, at: SourceLocation(file: relativePath, line: line),
            LocalizedText(cs: "soubor není v kódování UTF-8 (nejspíš \(guess))",
                          en: "the file is not UTF-8 (probably \(guess))"),
            expected: "UTF-8", found: guess,
            suggestion: LocalizedText(cs: "uložte soubor v kódování UTF-8 (v Poznámkovém bloku: Uložit jako → Kódování UTF-8)",
                                      en: "save the file as UTF-8 (Notepad: Save as → Encoding UTF-8)")))
    }

    /// The line of the first NUL byte (never part of a multi-byte UTF-8 sequence, so bytes suffice).
    private static func firstNULLine(_ data: Data) -> Int? {
        data.withUnsafeBytes { raw -> Int? in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard let index = bytes.firstIndex(of: 0) else { return nil }
            return bytes[..<index].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        }
    }

    /// The line of the first byte that is not valid UTF-8, and the encoding the bytes most likely are.
    private static func firstInvalidLine(_ data: Data) -> (Int, String) {
        let bytes = [UInt8](data)
        if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return (1, "UTF-16")
        }
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0A { line += 1 }
            let length: Int
            switch byte {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: length = 0
            }
            if length == 0 || index + length > bytes.count
                || bytes[index + 1 ..< index + length].contains(where: { $0 & 0xC0 != 0x80 }) {
                return (line, guessEncoding(bytes))
            }
            index += length
        }
        return (line, guessEncoding(bytes))
    }

    /// Czech text that is not UTF-8 is nearly always Windows-1250 or ISO-8859-2;
    /// they differ in a few letters (š, ť, ž, Š, Ť, Ž).
    private static func guessEncoding(_ bytes: [UInt8]) -> String {
        if bytes.contains(0) { return "UTF-16 nebo binární data / UTF-16 or binary data" }
        let windowsOnly: Set<UInt8> = [0x8A, 0x8D, 0x8E, 0x9A, 0x9D, 0x9E]
        let isoOnly: Set<UInt8> = [0xA9, 0xAB, 0xAE, 0xB9, 0xBB, 0xBE]
        let windows = bytes.filter { windowsOnly.contains($0) }.count
        let iso = bytes.filter { isoOnly.contains($0) }.count
        return iso > windows ? "ISO-8859-2" : "Windows-1250"
    }
}

extension String {
    /// Decodes UTF-8 strictly: nil when any byte sequence is invalid.
    init?(validatingUTF8Data data: Data) {
        var text: String?
        data.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            text = String(validating: buffer, as: UTF8.self)
        }
        guard let text else { return nil }
        self = text
    }
}
