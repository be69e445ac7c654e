import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The replaced versions of an output's large files, kept in the build cache
/// folder to be written over by the next version.
///
/// The joined data files (tens of megabytes at thousands of projects) are replaced
/// after every edit of a record. Most of the cost of writing a new file is the file
/// system giving it pages and, once the replaced version is removed, taking that
/// one's pages back; the next version written over a spare reuses its pages.
///
/// A spare is written over only when it is a regular file with no other link and
/// nobody has it open (Linux grants a write lease only then): a reader that opened
/// a version before it was replaced keeps reading what it opened.
struct SpareFiles: Sendable {
    /// The folder of spares, in the build cache folder.
    let folder: String
    /// The files there (one per output path that had a large version replaced).
    private let names: Set<String>

    /// Files smaller than this are not kept: their pages cost little.
    static let minimumSize = 1 << 20

    /// `fcntl`'s `F_SETLEASE` (Linux; Glibc's module leaves it out, as it is `_GNU_SOURCE` only).
    private static let setLease: Int32 = 1024

    init(output: URL) {
        folder = BuildManifest.folder(for: output).path + "/spare"
        names = Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    static func name(for relative: String) -> String { String(ContentHash.of(relative), radix: 16) }

    /// Keeps `path`, the replaced version of output file `relative` (no longer in the
    /// site), as its spare when it is large and has no other link.
    func keep(_ path: String, for relative: String) {
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1, Int(info.st_size) >= Self.minimumSize else { return }
        FileIO.makeDirectories(folder)
        _ = rename(path, folder + "/" + Self.name(for: relative))
    }

    /// Moves the spare of output file `relative` to `destination` and opens it to be
    /// written over; nil (and no spare left) when there is none that may be.
    func take(for relative: String, to destination: String) -> Int32? {
        let name = Self.name(for: relative)
        guard names.contains(name) else { return nil }
        FileIO.makeDirectories(FileIO.parentFolder(of: destination))
        guard rename(folder + "/" + name, destination) == 0 else { return nil }
        let descriptor = open(destination, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else {
            unlink(destination)
            return nil
        }
        var info = stat()
        // The lease is only asked for, and given back at once: it tells that no one else has the file open.
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_nlink == 1,
              fcntl(descriptor, Self.setLease, Int32(F_WRLCK)) == 0 else {
            close(descriptor)
            unlink(destination)
            return nil
        }
        _ = fcntl(descriptor, Self.setLease, Int32(F_UNLCK))
        return descriptor
    }
}
