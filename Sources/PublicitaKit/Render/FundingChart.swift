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
        var svg = ""
        svg.reserveCapacity(2048 + 256 * segments.count)
        HTML.appendStartTag("svg", ["class": "funding-chart", "role": "img", "viewBox": "0 0 \(width) \(height)",
                                    "aria-labelledby": "\(id)-title \(id)-desc", "xmlns": "http://www.w3.org/2000/svg"], to: &svg)
        HTML.appendStartTag("title", ["id": "\(id)-title"], to: &svg)
        svg += HTML.escape(title)
        svg += "</title>"
        HTML.appendStartTag("desc", ["id": "\(id)-desc"], to: &svg)
        svg += HTML.escape(description)
        svg += "</desc><defs>"
        HTML.appendStartTag("pattern", ["id": "\(id)-p-national", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"], to: &svg)
        HTML.appendStartTag("rect", ["width": "8", "height": "8", "class": "seg-national"], selfClosing: true, to: &svg)
        HTML.appendStartTag("path", ["d": "M0 8L8 0", "class": "hatch"], selfClosing: true, to: &svg)
        svg += "</pattern>"
        HTML.appendStartTag("pattern", ["id": "\(id)-p-own", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"], to: &svg)
        HTML.appendStartTag("rect", ["width": "8", "height": "8", "class": "seg-own"], selfClosing: true, to: &svg)
        HTML.appendStartTag("circle", ["cx": "4", "cy": "4", "r": "1.5", "class": "dot"], selfClosing: true, to: &svg)
        svg += "</pattern>"
        HTML.appendStartTag("pattern", ["id": "\(id)-p-other", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"], to: &svg)
        HTML.appendStartTag("rect", ["width": "8", "height": "8", "class": "seg-other"], selfClosing: true, to: &svg)
        HTML.appendStartTag("path", ["d": "M0 4H8", "class": "hatch"], selfClosing: true, to: &svg)
        svg += "</pattern></defs>"
        // Widths come from integer haléře, scaled to whole pixels; the last segment takes the rest.
        var x = 0
        for (index, segment) in segments.enumerated() {
            let remaining = width - x
            var w = pixels(segment.amount, of: total, width: width)
            if index == segments.count - 1 { w = remaining }
            w = max(0, min(w, remaining))
            svg += "<rect"
            HTML.appendAttributes(["x": "\(x)", "y": "0", "width": "\(w)", "height": "\(barHeight)"], to: &svg)
            appendFill(segment.kind, id: id, to: &svg)
            HTML.appendAttributes(["stroke": "currentColor", "stroke-width": "1"], to: &svg)
            svg += "/>"
            x += w
        }
        for (index, segment) in segments.enumerated() {
            let y = barHeight + 12 + rowHeight * index
            svg += "<rect"
            HTML.appendAttributes(["x": "0", "y": "\(y)", "width": "16", "height": "16"], to: &svg)
            appendFill(segment.kind, id: id, to: &svg)
            HTML.appendAttributes(["stroke": "currentColor", "stroke-width": "1"], to: &svg)
            svg += "/>"
            HTML.appendStartTag("text", ["x": "24", "y": "\(y + 13)"], to: &svg)
            svg += HTML.escape("\(segment.label): \(segment.amountText) (\(segment.shareText))")
            svg += "</text>"
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

    /// Appends the segment's fill, as one attribute with its leading space.
    private static func appendFill(_ kind: FundingSource.Kind, id: String, to svg: inout String) {
        switch kind {
        case .eu: HTML.appendAttribute("class", "seg-eu", to: &svg)
        case .national: HTML.appendAttribute("fill", "url(#\(id)-p-national)", to: &svg)
        case .own: HTML.appendAttribute("fill", "url(#\(id)-p-own)", to: &svg)
        case .other: HTML.appendAttribute("fill", "url(#\(id)-p-other)", to: &svg)
        }
    }
}
