import Foundation

/// Updates a few files of an existing site as one transaction: new files are
/// written beside their targets first, then every target is swapped in by
/// rename with the old file kept aside; if any step fails, every swap done so
/// far is undone, so the previous site is left exactly as it was.
final class InPlaceUpdate: Sendable {
    /// The site folder being updated.
    let output: URL
    private let token: String

    init(output: URL) {
        self.output = output.standardizedFileURL
        token = String(UUID().uuidString.prefix(8))
    }

    /// The temporary name a new version of `relative` is written to.
    private func pendingPath(_ relative: String) -> String { output.path + "/" + relative + ".publicita-new-" + token }
    private func asidePath(_ relative: String) -> String { output.path + "/" + relative + ".publicita-old-" + token }

    /// Writes the new content of `relative` beside it (thread-safe for distinct paths).
    func stage<Bytes: Collection>(_ bytes: Bytes, for relative: String) throws(SiteWriter.WriteError) where Bytes.Element == UInt8 {
        guard OutputPath(relative) != nil else { throw SiteWriter.WriteError(message: LocalizedText(cs: "neplatná cesta \(relative)", en: "invalid path \(relative)")) }
        try FileIO.write(bytes, toPath: pendingPath(relative))
    }

    /// Writes the new content of `relative`, given as `chunks` one after another, beside it.
    func stage(chunks: [[UInt8]], for relative: String) throws(SiteWriter.WriteError) {
        guard OutputPath(relative) != nil else { throw SiteWriter.WriteError(message: LocalizedText(cs: "neplatná cesta \(relative)", en: "invalid path \(relative)")) }
        try FileIO.write(chunks: chunks, toPath: pendingPath(relative))
    }

    /// Stages a copy of `source` for `relative`.
    func stageCopy(of source: URL, for relative: String) throws(SiteWriter.WriteError) {
        guard OutputPath(relative) != nil else { throw SiteWriter.WriteError(message: LocalizedText(cs: "neplatná cesta \(relative)", en: "invalid path \(relative)")) }
        do {
            FileIO.makeDirectories((pendingPath(relative) as NSString).deletingLastPathComponent)
            try FileManager.default.copyItem(atPath: source.path, toPath: pendingPath(relative))
        } catch {
            throw SiteWriter.WriteError(message: LocalizedText(cs: "soubor \(source.path) nelze zkopírovat: \(error.localizedDescription)",
                                                               en: "cannot copy \(source.path): \(error.localizedDescription)"))
        }
    }

    /// Swaps in every staged file and removes `removals`; all or nothing.
    func commit(staged: [String], removals: [String]) throws(SiteWriter.WriteError) {
        let manager = FileManager.default
        var done: [(relative: String, hadOld: Bool, isRemoval: Bool)] = []
        func rollback() {
            for step in done.reversed() {
                let target = output.path + "/" + step.relative
                if !step.isRemoval { _ = try? manager.removeItem(atPath: target) }
                if step.hadOld { _ = rename(asidePath(step.relative), target) }
            }
            for relative in staged { _ = try? manager.removeItem(atPath: pendingPath(relative)) }
        }
        for relative in staged {
            let target = output.path + "/" + relative
            let hadOld = manager.fileExists(atPath: target)
            if hadOld && rename(target, asidePath(relative)) != 0 { rollback(); throw failure(relative) }
            if rename(pendingPath(relative), target) != 0 {
                if hadOld { _ = rename(asidePath(relative), target) }
                rollback(); throw failure(relative)
            }
            done.append((relative, hadOld, false))
        }
        for relative in removals where manager.fileExists(atPath: output.path + "/" + relative) {
            if rename(output.path + "/" + relative, asidePath(relative)) != 0 { rollback(); throw failure(relative) }
            done.append((relative, true, true))
        }
        // Committed: drop the old versions and any folder a removal emptied.
        for step in done where step.hadOld { _ = try? manager.removeItem(atPath: asidePath(step.relative)) }
        for relative in removals { pruneEmptyFolders(from: (relative as NSString).deletingLastPathComponent) }
    }

    /// Removes the staged files; the site is left as it was.
    func abort(staged: [String]) {
        for relative in staged { try? FileManager.default.removeItem(atPath: pendingPath(relative)) }
    }

    private func pruneEmptyFolders(from relative: String) {
        var folder = relative
        while !folder.isEmpty && folder != "." && folder != "/" {
            let path = output.path + "/" + folder
            guard (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty == true else { return }
            try? FileManager.default.removeItem(atPath: path)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private func failure(_ relative: String) -> SiteWriter.WriteError {
        let reason = String(cString: strerror(errno))
        return SiteWriter.WriteError(message: LocalizedText(cs: "soubor \(relative) nelze nahradit: \(reason)", en: "cannot replace \(relative): \(reason)"))
    }
}
