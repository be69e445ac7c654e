import Foundation

// A project page's schema.org data is a `<script type="application/ld+json">` data
// block: it runs nothing, but a check for "no <script" has to look past it.

/// The pattern of one JSON-LD block; its content can hold no `</` (it is escaped as `<\/`).
private let jsonLDPattern = #"<script type="application/ld\+json">(.*?)</script>"#

/// The contents of the page's JSON-LD blocks.
func jsonLDBlocks(in html: String) -> [String] {
    guard let regex = try? NSRegularExpression(pattern: jsonLDPattern, options: [.dotMatchesLineSeparators]) else { return [] }
    return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
        Range(match.range(at: 1), in: html).map { String(html[$0]) }
    }
}

/// The page without its JSON-LD blocks.
func withoutJSONLD(_ html: String) -> String {
    html.replacingOccurrences(of: jsonLDPattern, with: "", options: [.regularExpression])
}
