import Foundation

/// What a link's text adds about where it goes: "(externí odkaz)" for another
/// website, "(PDF, 1,2 MB)" for a file in the portal's `static/`. The note is
/// part of the link's text, so a screen reader's list of links says it too.
struct LinkDescription {
    let site: Site
    let strings: Strings

    /// The note for `href` seen from page `page`, without brackets; nil when the link is an ordinary page of the portal.
    func note(for href: String, from page: String = "/") -> String? {
        let trimmed = href.first == " " || href.last == " " ? href.trimmingCharacters(in: .whitespaces) : href
        let scheme = LinkScheme.scheme(of: trimmed)
        if scheme == "mailto" || scheme == "tel" || trimmed.hasPrefix("#") { return nil }
        if scheme != nil || trimmed.hasPrefix("//") {
            if let base = site.portal.config.baseURL, trimmed.hasPrefix(base) { return nil }
            return strings["external_link_note"]
        }
        guard let target = InternalLink(trimmed, from: page) else { return nil }
        let file = String(target.path.dropFirst())
        guard site.portal.staticFiles.contains(file) else { return nil }
        return fileNote(for: file)
    }

    /// "PDF, 1,2 MB" for a file under `static/`.
    func fileNote(for file: String) -> String? {
        let ext = (file as NSString).pathExtension.lowercased()
        let url = URL(fileURLWithPath: site.portal.root).appendingPathComponent("static").appendingPathComponent(file)
        let size = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? NSNumber)?.int64Value
        let type = Self.typeNames[ext] ?? (ext.isEmpty ? nil : ext.uppercased())
        let parts = [type, size.map { Self.formatSize($0, language: strings.language) }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// File types readers know by name.
    static let typeNames: [String: String] = [
        "pdf": "PDF", "doc": "DOC", "docx": "DOCX", "odt": "ODT", "rtf": "RTF", "txt": "TXT",
        "xls": "XLS", "xlsx": "XLSX", "ods": "ODS", "csv": "CSV", "ppt": "PPT", "pptx": "PPTX", "odp": "ODP",
        "zip": "ZIP", "png": "PNG", "jpg": "JPEG", "jpeg": "JPEG", "gif": "GIF", "svg": "SVG", "webp": "WebP",
        "html": "HTML", "xml": "XML", "json": "JSON",
    ]

    /// Sizes in decimal units, Czech or English number form: "820 B", "34 kB", "1,2 MB".
    static func formatSize(_ bytes: Int64, language: Language) -> String {
        let separator = language == .cs ? "," : "."
        func oneDecimal(_ value: Double, unit: String) -> String {
            let tenths = Int64((value * 10).rounded())
            if tenths % 10 == 0 || tenths >= 100 { return "\(Int64((value).rounded()))\u{00A0}\(unit)" }
            return "\(tenths / 10)\(separator)\(tenths % 10)\u{00A0}\(unit)"
        }
        switch bytes {
        case ..<1000: return "\(bytes)\u{00A0}B"
        case ..<999_500: return "\(Int64((Double(bytes) / 1000).rounded()))\u{00A0}kB"
        case ..<999_950_000: return oneDecimal(Double(bytes) / 1_000_000, unit: "MB")
        default: return oneDecimal(Double(bytes) / 1_000_000_000, unit: "GB")
        }
    }

    /// Adds the note inside every `<a href>` of rendered Markdown that needs one.
    ///
    /// cmark writes links exactly as `<a href="…">` or `<a href="…" title="…">`, so a
    /// plain scan finds them (a regular expression here was a tenth of a large build).
    func annotate(_ html: String, page: String) -> String {
        let bytes = Array(html.utf8)
        let open = Array("<a href=\"".utf8), close = Array("</a>".utf8)
        guard let first = Self.find(open, in: bytes, from: 0) else { return html }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 64)
        var position = 0
        var next: Int? = first
        while let start = next {
            let hrefStart = start + open.count
            guard let quote = bytes[hrefStart...].firstIndex(of: UInt8(ascii: "\"")),
                  let tagEnd = bytes[quote...].firstIndex(of: UInt8(ascii: ">")) else { break }
            let href = Self.unescape(String(decoding: bytes[hrefStart..<quote], as: UTF8.self))
            if let note = note(for: href, from: page), let end = Self.find(close, in: bytes, from: tagEnd + 1) {
                output += bytes[position..<end]
                output += Array(" <span class=\"link-note\">(\(HTML.escape(note)))</span>".utf8)
                position = end
            }
            next = Self.find(open, in: bytes, from: tagEnd + 1)
        }
        output += bytes[position...]
        return String(decoding: output, as: UTF8.self)
    }

    /// The index of the first occurrence of `needle` in `haystack` at or after `start`.
    private static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var index = start
        let last = haystack.count - needle.count
        while index <= last {
            if haystack[index] == first && haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private static func unescape(_ text: String) -> String {
        // Almost no address has an entity; Foundation's replacing bridges through NSString.
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
