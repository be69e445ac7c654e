/// HTML already rendered by a template, as UTF-8, handed to another template as a
/// value (the page's content inside the layout): it is appended as it is, with no
/// round trip through `String`, which would check and copy every byte twice.
struct RenderedHTML: CustomStringConvertible {
    let bytes: [UInt8]

    var description: String { String(decoding: bytes, as: UTF8.self) }
}
