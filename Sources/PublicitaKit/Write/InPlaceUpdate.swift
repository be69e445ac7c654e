import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Updates a few files of an existing site as one transaction, staged outside the
/// published tree: new files are written into an update folder beside the site
/// (`.site.update-<pid>-<token>/new/`), then each is renamed over its target —
/// one atomic step per file — with a hard link to the old version kept in the
/// update folder (`old/`) for rollback. Whenever the process dies, every file of
/// the site is its old or its new version and nothing else is in `site/`.
///
/// Before the first rename the update folder gets a journal of every path it
/// touches; ``Leftovers`` reads the journal of a dead process's folder, so the
/// next build writes those paths again whatever the manifest says.
final class InPlaceUpdate: Sendable {
    /// The site folder being updated.
    let output: URL
    /// The update folder beside the site.
    let folder: URL

    /// The replaced versions of large files, written over by their next versions.
    private let spares: SpareFiles

    init(output: URL) {
        let output = output.standardizedFileURL
        self.output = output
        folder = Leftovers.workFolder(beside: output, kind: .update)
        spares = SpareFiles(output: output)
    }

    /// Where a new version of `relative` is written.
    private func newPath(_ relative: String) -> String { folder.path + "/new/" + relative }
    /// Where the old version of `relative` is kept until the update is finished.
    private func oldPath(_ relative: String) -> String { folder.path + "/old/" + relative }
    private func target(_ relative: String) -> String { output.path + "/" + relative }
    /// The paths of the update, one a line, written before anything in the site changes.
    var journal: URL { folder.appendingPathComponent(Leftovers.journalName) }

    /// Writes the new content of `relative` into the update folder (thread-safe for distinct paths).
    func stage<Bytes: Collection>(_ bytes: Bytes, for relative: String) throws(SiteWriter.WriteError) where Bytes.Element == UInt8 {
        try FileIO.write(bytes, toPath: newPath(try checked(relative)))
    }

    /// Writes the new content of `relative`, given as `chunks` one after another, into the update folder.
    func stage(chunks: any ChunkSource, for relative: String) throws(SiteWriter.WriteError) {
        let path = newPath(try checked(relative))
        try FileIO.write(chunks: chunks, toPath: path, over: spares.take(for: relative, to: path))
    }

    /// Stages a copy of `source` for `relative`.
    func stageCopy(of source: URL, for relative: String) throws(SiteWriter.WriteError) {
        let path = newPath(try checked(relative))
        do {
            FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            try FileManager.default.copyItem(atPath: source.path, toPath: path)
        } catch {
            throw SiteWriter.WriteError(message: LocalizedText(cs: "soubor \(source.path) nelze zkopírovat: \(error.localizedDescription)",
                                                               en: "cannot copy \(source.path): \(error.localizedDescription)"))
        }
    }

    /// Swaps in every staged file and removes `removals`; all or nothing. The update
    /// folder (with its journal) stays until ``finish(staged:)``, called once the manifest
    /// describing the new site is saved.
    func commit(staged: [String], removals: [String]) throws(SiteWriter.WriteError) {
        try writeJournal(staged + removals)
        var done: [(relative: String, hadOld: Bool)] = []
        func rollback() {
            for step in done.reversed() {
                if step.hadOld { _ = rename(oldPath(step.relative), target(step.relative)) } else { _ = unlink(target(step.relative)) }
            }
            abort()
        }
        for relative in staged {
            let hadOld = exists(target(relative))
            if hadOld && !keepOld(relative) { let error = failure(relative); rollback(); throw error }
            FileIO.makeDirectories((target(relative) as NSString).deletingLastPathComponent)
            if rename(newPath(relative), target(relative)) != 0 { let error = failure(relative); rollback(); throw error }
            done.append((relative, hadOld))
        }
        for relative in removals where exists(target(relative)) {
            FileIO.makeDirectories((oldPath(relative) as NSString).deletingLastPathComponent)
            if rename(target(relative), oldPath(relative)) != 0 { let error = failure(relative); rollback(); throw error }
            done.append((relative, true))
        }
        for relative in removals { pruneEmptyFolders(from: (relative as NSString).deletingLastPathComponent) }
    }

    /// Drops the update folder: the old versions and the journal. The old versions of
    /// the large files among `staged` are kept as spares, to be written over next time.
    func finish(staged: [String]) {
        for relative in staged { spares.keep(oldPath(relative), for: relative) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Removes the staged files; the site is left as it was.
    func abort() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A hard link to the current version of `relative` in `old/` (a copy where links are impossible).
    private func keepOld(_ relative: String) -> Bool {
        let kept = oldPath(relative)
        FileIO.makeDirectories((kept as NSString).deletingLastPathComponent)
        if link(target(relative), kept) == 0 { return true }
        return (try? FileManager.default.copyItem(atPath: target(relative), toPath: kept)) != nil
    }

    private func writeJournal(_ paths: [String]) throws(SiteWriter.WriteError) {
        let temporary = journal.path + ".tmp"
        try FileIO.write(Array(paths.map { $0 + "\n" }.joined().utf8), toPath: temporary)
        if rename(temporary, journal.path) != 0 { throw failure(Leftovers.journalName) }
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func checked(_ relative: String) throws(SiteWriter.WriteError) -> String {
        guard let path = OutputPath(relative) else {
            throw SiteWriter.WriteError(message: LocalizedText(cs: "neplatná cesta \(relative)", en: "invalid path \(relative)"))
        }
        return path.relative
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
