/// The shape of a file that is a list of parts: an opening, the parts with a
/// separator between them, and a closing (the CSV and JSON lists of projects, the
/// search index). Defined once per file, so that a long-running build can join
/// kept parts as bytes and get exactly the bytes the renderer writes.
struct JoinedText: Sendable {
    /// What comes before the first part.
    var open: String
    /// What comes between two parts.
    var separator: String
    /// What comes after the last part.
    var close: String
    /// The whole text when there are no parts; nil means `open + close`.
    var empty: String? = nil

    /// The UTF-8 bytes of the text of `count` parts, part `i` made by `part(i)` on all
    /// cores a batch at a time: a national portal's data file is megabytes, and only
    /// one batch of parts is held beside it (not every part, then the whole again).
    func join(count: Int, part: @Sendable (Int) -> [UInt8]) -> [UInt8] {
        var joining = Joining(self)
        ParallelMap.inBatches(count: count, part) { joining.append($0) }
        return joining.finish()
    }

    /// A file of this shape being joined part by part.
    struct Joining {
        private let shape: JoinedText
        private let separator: [UInt8]
        private var out: [UInt8]
        private var parts = 0

        init(_ shape: JoinedText) {
            self.shape = shape
            separator = Array(shape.separator.utf8)
            out = Array(shape.open.utf8)
        }

        /// Appends the next part.
        mutating func append(_ part: [UInt8]) {
            if parts > 0 { out.append(contentsOf: separator) }
            out.append(contentsOf: part)
            parts += 1
        }

        /// The whole file (taken out, not copied: it may be tens of megabytes).
        mutating func finish() -> [UInt8] {
            if parts == 0, let empty = shape.empty { return Array(empty.utf8) }
            out.append(contentsOf: shape.close.utf8)
            defer { out = [] }
            return out
        }
    }

    /// The text of `parts` (each given as UTF-8 bytes) as pieces to write one after
    /// another: the parts themselves with the opening, separators and closing between
    /// them, so that a file of megabytes is never copied into one buffer.
    func chunks(_ parts: [[UInt8]]) -> [[UInt8]] {
        if parts.isEmpty, let empty { return [Array(empty.utf8)] }
        let separatorBytes = Array(separator.utf8)
        var chunks: [[UInt8]] = [Array(open.utf8)]
        chunks.reserveCapacity(parts.count * 2 + 1)
        for (index, part) in parts.enumerated() {
            if index > 0 { chunks.append(separatorBytes) }
            chunks.append(part)
        }
        chunks.append(Array(close.utf8))
        return chunks
    }
}
