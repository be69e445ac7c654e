/// A horizontal bar chart as inline SVG, for the statistics page: one group of bars
/// per row, one bar per series, each series told apart by a pattern as well as by
/// colour, every bar labelled with its figure, and an accessible name and a
/// description that state the figures (the table beside it states them too).
enum BarChart {
    /// One series: its name and how it is drawn.
    struct Series {
        var name: String
        var style: Style
    }

    enum Style { case solid, hatched }

    /// One row: its label and, per series, its value (haléře or a count) and the value's text.
    struct Row {
        var label: String
        var values: [(amount: Int64, text: String)]
    }

    static let width = 600
    /// The longest bar; the rest of the width is left for the figure after it.
    static let barWidth = 400
    static let barHeight = 14

    static func svg(series: [Series], rows: [Row], title: String, id: String) -> String? {
        guard !rows.isEmpty, !series.isEmpty else { return nil }
        let largest = rows.flatMap { $0.values.map(\.amount) }.max() ?? 0
        let legendHeight = series.count > 1 ? 26 : 0
        let rowHeight = 20 + series.count * (barHeight + 4) + 8
        let height = legendHeight + rowHeight * rows.count
        let description = rows.map { row in
            row.label + ": " + zip(series, row.values).map { "\($0.name) \($1.text)" }.joined(separator: ", ")
        }.joined(separator: "; ")
        var svg = HTML.startTag("svg", ["class": "bar-chart", "role": "img", "viewBox": "0 0 \(width) \(height)",
                                        "aria-labelledby": "\(id)-title \(id)-desc", "xmlns": "http://www.w3.org/2000/svg"])
        svg += HTML.startTag("title", ["id": "\(id)-title"]) + HTML.escape(title) + "</title>"
        svg += HTML.startTag("desc", ["id": "\(id)-desc"]) + HTML.escape(description) + "</desc>"
        svg += "<defs>" + HTML.startTag("pattern", ["id": "\(id)-hatch", "width": "8", "height": "8", "patternUnits": "userSpaceOnUse"])
            + HTML.startTag("rect", ["width": "8", "height": "8", "class": "seg-national"], selfClosing: true)
            + HTML.startTag("path", ["d": "M0 8L8 0", "class": "hatch"], selfClosing: true) + "</pattern></defs>"
        if series.count > 1 {
            var x = 0
            for item in series {
                svg += "<rect" + HTML.attributes(["x": "\(x)", "y": "2", "width": "16", "height": "16"]) + fill(item.style, id: id) + outline + "/>"
                svg += HTML.startTag("text", ["x": "\(x + 22)", "y": "15"]) + HTML.escape(item.name) + "</text>"
                x += 22 + 9 * item.name.count + 24
            }
        }
        for (index, row) in rows.enumerated() {
            let top = legendHeight + rowHeight * index
            svg += HTML.startTag("text", ["x": "0", "y": "\(top + 14)", "class": "bar-label"]) + HTML.escape(row.label) + "</text>"
            for (position, (item, value)) in zip(series, row.values).enumerated() {
                let y = top + 20 + position * (barHeight + 4)
                let w = scaled(value.amount, of: largest, width: barWidth)
                if w > 0 {
                    svg += "<rect" + HTML.attributes(["x": "0", "y": "\(y)", "width": "\(w)", "height": "\(barHeight)"])
                        + fill(item.style, id: id) + outline + "/>"
                }
                svg += HTML.startTag("text", ["x": "\(w + 6)", "y": "\(y + barHeight - 2)"]) + HTML.escape(value.text) + "</text>"
            }
        }
        return svg + "</svg>"
    }

    /// `part`'s length on a bar of `width` pixels for `largest`, rounded down, multiplied
    /// on 128 bits (no amount overflows) and clamped to the bar.
    static func scaled(_ part: Int64, of largest: Int64, width: Int) -> Int {
        guard largest > 0, part > 0, width > 0 else { return 0 }
        let divisor = UInt64(largest)
        let product = min(UInt64(part), divisor).multipliedFullWidth(by: UInt64(width))
        return Int(divisor.dividingFullWidth(product).quotient)
    }

    private static let outline = HTML.attributes(["stroke": "currentColor", "stroke-width": "1"])

    private static func fill(_ style: Style, id: String) -> String {
        switch style {
        case .solid: return HTML.attribute("class", "seg-eu")
        case .hatched: return HTML.attribute("fill", "url(#\(id)-hatch)")
        }
    }
}
