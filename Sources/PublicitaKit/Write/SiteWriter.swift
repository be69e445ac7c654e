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
        let manager = FileManager.default
        let output = output.standardizedFileURL
        let parent = output.deletingLastPathComponent()
        try checkReplaceable(output)
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw WriteError(message: LocalizedText(cs: "nelze vytvořit složku \(parent.path): \(error.localizedDescription)",
                                                    en: "cannot create the folder \(parent.path): \(error.localizedDescription)"))
        }
        let token = UUID().uuidString.prefix(8)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(token)")
        let retired = parent.appendingPathComponent(".\(output.lastPathComponent).old-\(token)")
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                guard let path = OutputPath(file.path) else {
                    throw WriteError(message: LocalizedText(cs: "cesta „\(file.path)“ by vedla mimo výstupní složku",
                                                            en: "the path \"\(file.path)\" would leave the output folder"))
                }
                let target = staging.appendingPathComponent(path.relative)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                switch file.content {
                case .data(let data): try data.write(to: target)
                case .copy(let source): try manager.copyItem(at: source, to: target)
                }
            }
            try Data("publicita\n".utf8).write(to: staging.appendingPathComponent(markerFile))
        } catch let error as WriteError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(message: LocalizedText(cs: "zápis webu selhal: \(error.localizedDescription)",
                                                    en: "writing the site failed: \(error.localizedDescription)"))
        }
        // Swap: the old site is moved aside first, so at every moment one complete site exists.
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
        } catch {
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            try? manager.removeItem(at: staging)
            throw WriteError(message: LocalizedText(cs: "nový web nelze přesunout na místo: \(error.localizedDescription)",
                                                    en: "the new site cannot be moved into place: \(error.localizedDescription)"))
        }
        try? manager.removeItem(at: retired)
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
