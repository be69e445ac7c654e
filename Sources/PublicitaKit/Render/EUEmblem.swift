import Foundation

/// The Union emblem drawn to the graphic standard of Regulation (EU) No 821/2014,
/// Annex II (the same construction Annex IX of Regulation (EU) 2021/1060 refers
/// to): a blue rectangle one and a half times as wide as it is high, twelve gold
/// five-pointed stars, upright, at the hours of a clock face on an invisible circle
/// whose radius is a third of the height, each star's points on a circle whose
/// radius is an eighteenth of the height.
enum EUEmblem {
    /// The height of the drawing in its own units; the width is 1.5 times it.
    static let height = 20.0
    static let width = height * 1.5
    /// Reflex Blue and Yellow of the standard, in screen colours.
    static let blue = "#003399", yellow = "#FFCC00"

    /// The twelve stars as SVG polygons (the content of `eu-stars.mustache`), drawn
    /// once: every poster page has the emblem, and the trigonometry and formatting
    /// give the same text each time.
    static let stars: String = {
        let ring = height / 3, outer = height / 18
        // A regular pentagram's inner points lie on a circle (3 − √5)/2 times the outer one.
        let inner = outer * (3 - 5.0.squareRoot()) / 2
        var svg = ""
        for hour in 0..<12 {
            let angle = Double(hour) * Double.pi / 6
            let cx = width / 2 + ring * sin(angle), cy = height / 2 - ring * cos(angle)
            let points = (0..<10).map { corner -> String in
                let r = corner.isMultiple(of: 2) ? outer : inner
                let a = Double(corner) * Double.pi / 5
                return format(cx + r * sin(a)) + "," + format(cy - r * cos(a))
            }
            svg += "<polygon points=\"\(points.joined(separator: " "))\"/>"
        }
        return svg
    }()

    /// The whole emblem as an image named `label` (its accessible name).
    static func svg(label: String, className: String) -> String {
        HTML.startTag("svg", ["class": className, "role": "img", "aria-label": label, "viewBox": "0 0 \(format(width)) \(format(height))",
                              "xmlns": "http://www.w3.org/2000/svg"])
            + HTML.startTag("rect", ["width": format(width), "height": format(height), "fill": blue], selfClosing: true)
            + HTML.startTag("g", ["fill": yellow]) + stars + "</g></svg>"
    }

    /// Two decimals, the same on every platform (no locale, no exponent).
    private static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
