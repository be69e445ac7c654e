import Foundation

/// The write stage: writes the whole site into a staging folder beside the
/// output and swaps it in only when everything was written, so a failed build
/// leaves the previous site exactly as it was.
public enum SiteWriter {
    /// The file that marks a folder as publicita's output; a folder without it is never replaced.
    public static let markerFile = ".publicita-site"

    /// Why the site could not be written.
    public struct WriteError: Error, Sendable {
        /// What went wrong.
        public var message: LocalizedText
    }

    /// One file to write: its path in the output and where its bytes come from.
    public enum Content: Sendable {
        /// Bytes in memory.
        case data(Data)
        /// A file to copy (from `static/`).
        case copy(URL)
    }

    /// Writes `files` as the new content of `output`.
    public static func write(_ files: [(path: String, content: Content)], to output: URL) throws(WriteError) {
        let staged = try StagedOutput(replacing: output)
        do {
            for file in files {
                switch file.content {
                case .data(let data): try staged.write(data, to: file.path)
                case .copy(let source): try staged.copy(from: source, to: file.path)
                }
            }
        } catch {
            staged.abort()
            throw error
        }
        try staged.commit()
    }

    /// An existing output folder is replaced only when it is empty or publicita made it.
    static func checkReplaceable(_ output: URL) throws(WriteError) {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: output.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw WriteError(message: LocalizedText(cs: "\(output.path) je soubor, ne složka; nic nepřepíšu",
                                                    en: "\(output.path) is a file, not a folder; nothing is overwritten"))
        }
        let entries = (try? manager.contentsOfDirectory(atPath: output.path)) ?? []
        if !entries.isEmpty && !entries.contains(markerFile) {
            throw WriteError(message: LocalizedText(
                cs: "složka \(output.path) obsahuje soubory, které nevytvořil publicita; aby se nic neztratilo, nebude nahrazena (zvolte jinou výstupní složku nebo ji vyprázdněte)",
                en: "the folder \(output.path) holds files publicita did not make; so that nothing is lost it is not replaced (choose another output folder or empty it)"))
        }
    }
}
