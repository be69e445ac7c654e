import Foundation

/// Where the render stage gets record bodies from, handed to it by the load stage.
///
/// A loaded record keeps its outline, not its body: a national portal's Markdown
/// would not fit in memory. So the body is read again from the file the load stage
/// read, and used only if the file still has the hash taken then; otherwise the
/// page is not rendered (`file.changed`), so what is published is what was
/// validated. Records parsed from text keep their body and need no file.
public struct BodySource: Sendable {
    /// Creates the source of a load's bodies.
    public init() {}

    /// The body of `source`, or the `file.changed` error when its file is no longer what was loaded.
    public func body(of source: RecordSource) throws(Diagnostic) -> String {
        ReadLog.note(body: source.file)
        if let stored = source.storedBody { return stored }
        // The hash is of the file's bytes, as the loader took it; only the body is
        // then decoded (and checked as UTF-8), not the whole file twice.
        guard let path = source.path, let data = FileManager.default.contents(atPath: path),
              ContentHash.of(data) == source.contentHash,
              let body = data.withUnsafeBytes({ FrontMatter.body(ofFile: $0.bindMemory(to: UInt8.self)) })
        else { throw Self.changed(source.file) }
        return body
    }

    static func changed(_ file: String) -> Diagnostic {
        .error(.fileChanged, at: SourceLocation(file: file),
               LocalizedText(cs: "soubor se změnil během sestavení, web z něj proto není sestaven",
                             en: "the file changed during the build, so the site is not built from it"),
               suggestion: LocalizedText(cs: "spusťte sestavení znovu", en: "run the build again"))
    }
}
