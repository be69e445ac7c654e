/// A path inside the output folder, checked so that nothing is ever written outside it.
struct OutputPath: Hashable {
    /// Relative path with `/` separators.
    let relative: String

    /// nil for paths that are absolute, contain `..`, `.` segments, backslashes or NUL.
    init?(_ relative: String) {
        guard !relative.isEmpty, !relative.hasPrefix("/"), !relative.contains("\\"), !relative.contains("\0") else { return nil }
        let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else { return nil }
        self.relative = relative
    }
}
