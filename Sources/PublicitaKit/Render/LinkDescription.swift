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
        guard let found = site.staticFilesByName[file] else { return nil }
        return fileNote(for: found)
    }

    /// "PDF, 1,2 MB" for a file under `static/` (its size as the load stage found it).
    func fileNote(for file: StaticFile) -> String? {
        let ext = (file.name as NSString).pathExtension.lowercased()
        let size: Int64? = file.size
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
}
