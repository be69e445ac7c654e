/// What every reader of one file shares: the file's path, where its YAML
/// starts, and the diagnostics found so far.
///
/// It is a class because nested ``FieldReader``s report into the same list; one
/// context is used by one task only.
final class RecordContext {
    /// The file's path relative to the portal.
    let file: String
    /// The file line of the YAML text's first line.
    let firstLine: Int
    /// Problems found while reading.
    var diagnostics = DiagnosticCollector()

    init(file: String, firstLine: Int) {
        self.file = file
        self.firstLine = firstLine
    }

    /// The file location of a YAML position.
    func location(line: Int?, column: Int?) -> SourceLocation {
        SourceLocation(file: file, line: line.map { $0 + firstLine - 1 } ?? firstLine, column: column)
    }

    func report(_ diagnostic: Diagnostic) {
        diagnostics.report(diagnostic)
    }
}
