import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The one way publicita looks at the files of a portal folder, so that `check`,
/// `build`, `serve`'s watcher and `new` agree on what is an input.
///
/// A contributed repository may hold anything, so nothing is taken on trust:
/// - a symbolic link is read only when it resolves to a regular file inside the
///   portal's sources (`content/`, `templates/`, `static/`); any other target —
///   outside the portal, `.git/`, `/proc`, a device — is an error at the link;
/// - a link to a folder is never followed (a warning), so a loop (`static/a -> .`)
///   or a link to `/` cannot make a scan walk forever;
/// - FIFOs, sockets and devices are refused without being opened (opening a FIFO blocks).
struct PortalFiles: Sendable {
    /// The portal folder as given (paths read are built on it).
    let root: String
    /// The portal folder with every link resolved (targets are compared with it).
    let realRoot: String

    /// The folders a link may point into.
    static let sourceFolders = ["content", "templates", "static"]

    init(root url: URL) {
        root = url.standardizedFileURL.path
        realRoot = Self.realPath(root) ?? root
    }

    /// What one entry of the portal is.
    struct Entry {
        enum Kind {
            /// A regular file, or a link to one inside the sources: read it at `path`
            /// (the link's target, so nothing changes under a later read).
            case file(path: String)
            /// A real folder (never a link).
            case folder
            /// Not read: why, at the entry's path.
            case refused(Diagnostic)
        }
        /// Path relative to the portal folder.
        var relative: String
        var kind: Kind
        /// The entry's own `lstat` (for a link: the link's).
        var info: stat
        /// For a readable link: its target's `stat`.
        var targetInfo: stat?
    }

    /// The entry at `relative` (nil when there is none). Only the last component is
    /// looked at: callers reach deeper entries through ``walk(_:recursive:_:)``, whose
    /// folders are real folders.
    func entry(_ relative: String) -> Entry? {
        let path = root + "/" + relative
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return Entry(relative: relative, kind: .file(path: path), info: info)
        case S_IFDIR: return Entry(relative: relative, kind: .folder, info: info)
        case S_IFLNK: return linkEntry(relative, path: path, info: info)
        default:
            return Entry(relative: relative, kind: .refused(Self.special(relative, mode: info.st_mode)), info: info)
        }
    }

    /// Visits every entry in the folder `relative` (not the folder itself), going into
    /// real sub-folders when `recursive`; nothing when `relative` is no real folder
    /// (check it with ``entry(_:)``). The order is the file system's.
    func walk(_ relative: String, recursive: Bool, _ visit: (Entry) -> Void) {
        guard let directory = opendir(root + "/" + relative) else { return }
        defer { closedir(directory) }
        while let item = readdir(directory) {
            let name = withUnsafeBytes(of: item.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            guard let child = entry(relative + "/" + name) else { continue }
            visit(child)
            if recursive, case .folder = child.kind { walk(child.relative, recursive: true, visit) }
        }
    }

    /// The entries of the folder `relative` that `include` accepts by name, in name
    /// order, with the problems of refused ones; checks every component of `relative`
    /// itself, so a linked folder is reported once at its own path.
    func list(_ relative: String, recursive: Bool = false, include: (String) -> Bool = { _ in true })
        -> (files: [(relative: String, path: String, size: Int64, info: stat)], problems: [Diagnostic]) {
        var prefix = ""
        for component in relative.split(separator: "/") {
            prefix += (prefix.isEmpty ? "" : "/") + component
            guard let folder = entry(prefix) else { return ([], []) }
            switch folder.kind {
            case .folder: continue
            case .refused(let problem): return ([], [problem])
            case .file: return ([], [])
            }
        }
        var files: [(relative: String, path: String, size: Int64, info: stat)] = [], problems: [Diagnostic] = []
        walk(relative, recursive: recursive) { child in
            guard include(String(child.relative.split(separator: "/").last ?? "")) else { return }
            switch child.kind {
            case .file(let path):
                let info = child.targetInfo ?? child.info
                files.append((child.relative, path, Int64(info.st_size), info))
            case .refused(let problem): problems.append(problem)
            case .folder: break
            }
        }
        return (files.sorted { $0.relative < $1.relative }, problems.sorted { $0.location.file < $1.location.file })
    }

    // MARK: Links

    /// The `file.link-broken` entry for a link that leads to no file; `cs`/`en` say why when it is known.
    private func brokenLink(_ relative: String, target: String, info: stat, cs: String = "", en: String = "") -> Entry {
        Entry(relative: relative, kind: .refused(.error(
            .fileLinkBroken, at: SourceLocation(file: relative),
            LocalizedText(cs: "symbolický odkaz \(relative) → \(target) nevede na žádný soubor\(cs)",
                          en: "the symbolic link \(relative) → \(target) leads to no file\(en)"),
            found: target,
            suggestion: LocalizedText(cs: "nahraďte odkaz samotným souborem nebo ho smažte",
                                      en: "replace the link by the file itself or delete it"))), info: info)
    }

    private func linkEntry(_ relative: String, path: String, info: stat) -> Entry {
        let target = Self.linkTarget(path)
        guard let resolved = Self.realPath(path) else {
            return brokenLink(relative, target: target, info: info, cs: " (cíl chybí nebo odkazy tvoří kruh)",
                              en: " (the target is missing or links form a loop)")
        }
        guard isInsideSources(resolved) else {
            return Entry(relative: relative, kind: .refused(.error(
                .fileLinkOutside, at: SourceLocation(file: relative),
                LocalizedText(cs: "symbolický odkaz \(relative) vede mimo zdroje portálu (→ \(target)); publicita ho nečte, aby nezveřejnil cizí soubor",
                              en: "the symbolic link \(relative) points outside the portal's sources (→ \(target)); publicita does not read it, so that no outside file is published"),
                found: target,
                suggestion: LocalizedText(cs: "nahraďte odkaz samotným souborem", en: "replace the link by the file itself"))), info: info)
        }
        var targetInfo = stat()
        guard stat(resolved, &targetInfo) == 0 else { return brokenLink(relative, target: target, info: info) }
        switch targetInfo.st_mode & S_IFMT {
        case S_IFREG:
            return Entry(relative: relative, kind: .file(path: resolved), info: info, targetInfo: targetInfo)
        case S_IFDIR:
            return Entry(relative: relative, kind: .refused(.warning(
                .fileLinkFolder, at: SourceLocation(file: relative),
                LocalizedText(cs: "symbolický odkaz \(relative) → \(target) vede na složku; odkazy na složky se nesledují a soubory v ní se nepoužijí",
                              en: "the symbolic link \(relative) → \(target) points to a folder; folder links are not followed and its files are not used"),
                found: target,
                suggestion: LocalizedText(cs: "nahraďte odkaz samotnou složkou se soubory", en: "replace the link by the folder itself with its files"))),
                         info: info)
        default:
            return Entry(relative: relative, kind: .refused(Self.special(relative, mode: targetInfo.st_mode)), info: info)
        }
    }

    /// Whether a resolved path lies inside one of the portal's source folders.
    private func isInsideSources(_ resolved: String) -> Bool {
        Self.sourceFolders.contains { resolved == realRoot + "/" + $0 || resolved.hasPrefix(realRoot + "/" + $0 + "/") }
    }

    private static func special(_ relative: String, mode: mode_t) -> Diagnostic {
        let what: LocalizedText
        switch mode & S_IFMT {
        case S_IFIFO: what = LocalizedText(cs: "pojmenovaná roura (FIFO)", en: "a named pipe (FIFO)")
        case S_IFSOCK: what = LocalizedText(cs: "socket", en: "a socket")
        case S_IFCHR, S_IFBLK: what = LocalizedText(cs: "soubor zařízení", en: "a device file")
        default: what = LocalizedText(cs: "zvláštní soubor", en: "a special file")
        }
        return .error(
            .fileSpecial, at: SourceLocation(file: relative),
            LocalizedText(cs: "\(relative) není obyčejný soubor, ale \(what.cs); publicita ho neotevře",
                          en: "\(relative) is not a regular file but \(what.en); publicita does not open it"),
            expected: "regular file", found: what.en,
            suggestion: LocalizedText(cs: "nahraďte ho obyčejným souborem nebo ho smažte", en: "replace it by a regular file or delete it"))
    }

    /// The text of a link (what `ls -l` shows after the arrow).
    static func linkTarget(_ path: String) -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { return "?" }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// `realpath(3)`: the path with every link resolved; nil when it leads nowhere.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
