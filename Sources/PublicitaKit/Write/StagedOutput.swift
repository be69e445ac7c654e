import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A new site being written into a staging folder beside the output, swapped in
/// by ``commit()`` only when complete, or thrown away by ``abort()``.
///
/// ``write(_:to:)`` may be called from several threads at once for different
/// paths: it uses plain POSIX calls (no fsync — a static site is rebuilt, not
/// recovered) and creates missing folders itself.
final class StagedOutput: Sendable {
    /// The output folder being replaced.
    let output: URL
    /// The folder the new site is written into.
    let staging: URL
    private let retired: URL

    /// Creates the staging folder beside `output`, after checking that `output`
    /// may be replaced (it is publicita's, or empty, or absent).
    init(replacing output: URL) throws(SiteWriter.WriteError) {
        let output = output.standardizedFileURL
        self.output = output
        let parent = output.deletingLastPathComponent()
        staging = Leftovers.workFolder(beside: output, kind: .staging)
        retired = Leftovers.workFolder(beside: output, kind: .old)
        try SiteWriter.checkReplaceable(output)
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: false)
        } catch {
            throw SiteWriter.WriteError(message: LocalizedText(
                cs: "nelze vytvořit složku \(staging.path): \(error.localizedDescription)",
                en: "cannot create the folder \(staging.path): \(error.localizedDescription)"))
        }
    }

    /// Writes `bytes` to `relative` inside the staging folder.
    func write<Bytes: Collection>(_ bytes: Bytes, to relative: String) throws(SiteWriter.WriteError) where Bytes.Element == UInt8 {
        let path = try target(relative)
        try FileIO.write(bytes, toPath: path)
    }

    /// Writes `chunks`, one after another, to `relative` inside the staging folder.
    func write(chunks: any ChunkSource, to relative: String) throws(SiteWriter.WriteError) {
        try FileIO.write(chunks: chunks, toPath: try target(relative))
    }

    /// Copies the file at `source` to `relative`.
    func copy(from source: URL, to relative: String) throws(SiteWriter.WriteError) {
        let path = try target(relative)
        do {
            FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
            try FileManager.default.copyItem(atPath: source.path, toPath: path)
        } catch {
            throw SiteWriter.WriteError(message: LocalizedText(
                cs: "soubor \(source.path) nelze zkopírovat: \(error.localizedDescription)",
                en: "cannot copy \(source.path): \(error.localizedDescription)"))
        }
    }

    /// Links `relative` to the same file as `existing` (an unchanged page of the previous site).
    func link(existing: URL, to relative: String) throws(SiteWriter.WriteError) {
        let path = try target(relative)
        FileIO.makeDirectories((path as NSString).deletingLastPathComponent)
        if Glibc.link(existing.path, path) != 0 {
            // Hard links may be impossible (another file system): copy instead.
            try copy(from: existing, to: relative)
        }
    }

    /// Swaps the staging folder in; the previous site is removed afterwards.
    func commit() throws(SiteWriter.WriteError) {
        let manager = FileManager.default
        try write(Array("publicita\n".utf8), to: SiteWriter.markerFile)
        // The old site is moved aside first, so at every moment one complete site exists
        // (a kill between the two moves leaves it aside: ``Leftovers`` puts it back).
        do {
            if manager.fileExists(atPath: output.path) {
                try manager.moveItem(at: output, to: retired)
            }
            try manager.moveItem(at: staging, to: output)
        } catch {
            if !manager.fileExists(atPath: output.path), manager.fileExists(atPath: retired.path) {
                try? manager.moveItem(at: retired, to: output)
            }
            abort()
            throw SiteWriter.WriteError(message: LocalizedText(
                cs: "nový web nelze přesunout na místo: \(error.localizedDescription)",
                en: "the new site cannot be moved into place: \(error.localizedDescription)"))
        }
        try? manager.removeItem(at: retired)
    }

    /// Removes the staging folder; the output is left as it was.
    func abort() {
        try? FileManager.default.removeItem(at: staging)
    }

    private func target(_ relative: String) throws(SiteWriter.WriteError) -> String {
        guard let path = OutputPath(relative) else {
            throw SiteWriter.WriteError(message: LocalizedText(
                cs: "cesta „\(relative)“ by vedla mimo výstupní složku",
                en: "the path \"\(relative)\" would leave the output folder"))
        }
        return staging.path + "/" + path.relative
    }
}

/// Plain POSIX file writing: fast, thread-safe, creates missing folders.
enum FileIO {
    /// Writes `bytes` to `path`, creating missing parent folders.
    static func write<Bytes: Collection>(_ bytes: Bytes, toPath path: String) throws(SiteWriter.WriteError) where Bytes.Element == UInt8 {
        let descriptor = try create(path)
        defer { close(descriptor) }
        let ok: Bool = bytes.withContiguousStorageIfAvailable { buffer in
            writeAll(descriptor, buffer)
        } ?? Array(bytes).withUnsafeBufferPointer { writeAll(descriptor, $0) }
        if !ok { throw failure(path) }
    }

    /// Writes `chunks` one after another to `path` (a file made of many kept parts is
    /// written without joining them into one buffer first), a megabyte at a time.
    /// `spare`, when given, is `path` already open: an earlier file written over from
    /// its start and cut to the new length (``SpareFiles``).
    static func write(chunks: any ChunkSource, toPath path: String, over spare: Int32? = nil) throws(SiteWriter.WriteError) {
        let descriptor: Int32
        if let spare { descriptor = spare } else { descriptor = try create(path) }
        defer { close(descriptor) }
        let capacity = 1 << 20
        var buffer: [UInt8] = []
        buffer.reserveCapacity(capacity)
        var length = 0
        func flush() -> Bool {
            defer { buffer.removeAll(keepingCapacity: true) }
            length += buffer.count
            return buffer.withUnsafeBufferPointer { writeAll(descriptor, $0) }
        }
        do {
            try chunks.forEachChunk { chunk in
                if buffer.count + chunk.count > capacity {
                    guard flush() else { throw failure(path) }
                    if chunk.count > capacity {
                        length += chunk.count
                        guard writeAll(descriptor, chunk) else { throw failure(path) }
                        return
                    }
                }
                buffer.append(contentsOf: chunk)
            }
        } catch let error as SiteWriter.WriteError {
            throw error
        } catch {
            throw SiteWriter.WriteError(message: LocalizedText(cs: "soubor \(path) nelze zapsat: \(error)", en: "cannot write \(path): \(error)"))
        }
        guard flush() else { throw failure(path) }
        if spare != nil, ftruncate(descriptor, off_t(length)) != 0 { throw failure(path) }
    }

    /// Opens `path` for writing, empty, creating missing parent folders.
    static func create(_ path: String) throws(SiteWriter.WriteError) -> Int32 {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0 && errno == ENOENT {
            makeDirectories(parentFolder(of: path))
            descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path) }
        return descriptor
    }

    static func writeAll(_ descriptor: Int32, _ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += written
        }
        return true
    }

    /// `mkdir -p`, tolerant of other threads creating the same folders.
    static func makeDirectories(_ path: String) {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return }
        if errno == ENOENT {
            makeDirectories(parentFolder(of: path))
            _ = mkdir(path, 0o755)
        }
    }

    /// The folder `path` is in, as `NSString.deletingLastPathComponent` gives it for
    /// the paths written here (no empty or trailing component), without bridging to
    /// NSString: a clean build asks it for every page.
    static func parentFolder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return slash == path.utf8.startIndex ? "/" : String(path[..<slash])
    }

    private static func failure(_ path: String) -> SiteWriter.WriteError {
        let reason = String(cString: strerror(errno))
        return SiteWriter.WriteError(message: LocalizedText(cs: "soubor \(path) nelze zapsat: \(reason)",
                                                            en: "cannot write \(path): \(reason)"))
    }
}
