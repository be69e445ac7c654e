/// The funding breakdown as an inline SVG bar: one segment per source, each
/// labelled and patterned so it can be told apart without colour, with an
/// accessible name and a description that states the figures.
enum FundingChart {
    struct Segment {
        var label: String
        var kind: FundingSource.Kind
        var amount: Money
        var amountText: String
        var shareText: String
    }

    static func svg(segments: [Segment], total: Money, title: String, id: String) -> String? {
        guard total.halere > 0, !segments.isEmpty else { return nil }
        let width = 600, barHeight = 40, rowHeight = 22
        let height = barHeight + 12 + rowHeight * segments.count
        let description = segments.map { "\($0.label): \($0.amountText) (\($0.shareText))" }.joined(separator: "; ")
        var svg = HTML.startTag("svg", ["class": "funding-chart", "role": "img", "viewBox": "0 0 \(width) \(height)",
                                        "aria-labelledby": "\(id)-title \(id)-desc", "xmlns": "http://www.w3.org/2000/svg"])
        svg += HTML.startTag("title", ["id": "\(id)-title"]) + "\(HTML.escape(title))</title>"
        svg += HTML.startTag("desc", ["id": "\(id)-desc"]) + "\(HTML.escape(description))</desc>"
        svg += "<defs>"
        svg += HTML.startTag("pattern", ["id": "\(id)-p-national", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"])
            + HTML.startTag("rect", ["width": "8", "height": "8", "class": "seg-national"], selfClosing: true)
            + HTML.startTag("path", ["d": "M0 8L8 0", "class": "hatch"], selfClosing: true) + "</pattern>"
        svg += HTML.startTag("pattern", ["id": "\(id)-p-own", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"])
            + HTML.startTag("rect", ["width": "8", "height": "8", "class": "seg-own"], selfClosing: true)
            + HTML.startTag("circle", ["cx": "4", "cy": "4", "r": "1.5", "class": "dot"], selfClosing: true) + "</pattern>"
        svg += HTML.startTag("pattern", ["id": "\(id)-p-other", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"])
            + HTML.startTag("rect", ["width": "8", "height": "8", "class": "seg-other"], selfClosing: true)
            + HTML.startTag("path", ["d": "M0 4H8", "class": "hatch"], selfClosing: true) + "</pattern>"
        svg += "</defs>"
        // Widths come from integer haléře, scaled to whole pixels; the last segment takes the rest.
        var x = 0
        for (index, segment) in segments.enumerated() {
            let remaining = width - x
            var w = pixels(segment.amount, of: total, width: width)
            if index == segments.count - 1 { w = remaining }
            w = max(0, min(w, remaining))
            svg += "<rect" + HTML.attributes(["x": "\(x)", "y": "0", "width": "\(w)", "height": "\(barHeight)"])
                + fill(segment.kind, id: id) + HTML.attributes(["stroke": "currentColor", "stroke-width": "1"]) + "/>"
            x += w
        }
        for (index, segment) in segments.enumerated() {
            let y = barHeight + 12 + rowHeight * index
            svg += "<rect" + HTML.attributes(["x": "0", "y": "\(y)", "width": "16", "height": "16"])
                + fill(segment.kind, id: id) + HTML.attributes(["stroke": "currentColor", "stroke-width": "1"]) + "/>"
            svg += HTML.startTag("text", ["x": "24", "y": "\(y + 13)"])
                + "\(HTML.escape("\(segment.label): \(segment.amountText) (\(segment.shareText))"))</text>"
        }
        svg += "</svg>"
        return svg
    }

    /// `part`'s width on a bar of `width` pixels for `total`, rounded down. Multiplied
    /// on 128 bits, so no amount overflows, and clamped to the bar (a part larger than
    /// the total is a budget error reported elsewhere, not a reason to trap).
    static func pixels(_ part: Money, of total: Money, width: Int) -> Int {
        guard total.halere > 0, part.halere > 0, width > 0 else { return 0 }
        let divisor = UInt64(total.halere)
        let clamped = min(UInt64(part.halere), divisor)
        let product = clamped.multipliedFullWidth(by: UInt64(width))
        // clamped ≤ divisor, so the quotient is at most width: it fits.
        return Int(divisor.dividingFullWidth(product).quotient)
    }

    /// The segment's fill, as one attribute with its leading space.
    private static func fill(_ kind: FundingSource.Kind, id: String) -> String {
        switch kind {
        case .eu: return HTML.attribute("class", "seg-eu")
        case .national: return HTML.attribute("fill", "url(#\(id)-p-national)")
        case .own: return HTML.attribute("fill", "url(#\(id)-p-own)")
        case .other: return HTML.attribute("fill", "url(#\(id)-p-other)")
        }
    }
}
