/// A path inside the output folder, checked so that nothing is ever written outside it.
struct OutputPath: Hashable {
    /// Relative path with `/` separators.
    let relative: String

    /// nil for paths that are absolute, contain `..`, `.` segments, backslashes or NUL.
    init?(_ relative: String) {
        // On the bytes: every page's path is checked, and Foundation's substring search is slow.
        let bytes = relative.utf8
        guard !bytes.isEmpty, bytes.first != UInt8(ascii: "/"), !bytes.contains(UInt8(ascii: "\\")), !bytes.contains(0) else { return nil }
        let parts = bytes.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && !$0.elementsEqual(".".utf8) && !$0.elementsEqual("..".utf8) }) else { return nil }
        self.relative = relative
    }
}
