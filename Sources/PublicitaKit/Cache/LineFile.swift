import Foundation

/// A cache file written line by line through a small buffer, to a temporary file
/// renamed into place when closed, so it is never half written: a manifest of a
/// national portal is tens of megabytes, and building it as one string first would
/// raise the build's peak memory at its very end, when everything else is still held.
final class LineFile {
    private let url: URL
    private let temporary: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private static let bufferSize = 1 << 16

    /// Opens a temporary file beside `url`.
    init(replacing url: URL) throws {
        self.url = url
        temporary = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).tmp-\(UUID().uuidString.prefix(8))")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        handle = try FileHandle(forWritingTo: temporary)
        buffer.reserveCapacity(Self.bufferSize)
    }

    /// Appends `parts` and a line break.
    func line(_ parts: String...) throws {
        for part in parts { buffer.append(contentsOf: part.utf8) }
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count >= Self.bufferSize { try flush() }
    }

    private func flush() throws {
        try handle.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is left and renames the file into place.
    func close() throws {
        do {
            try flush()
            try handle.close()
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        guard rename(temporary.path, url.path) == 0 else {
            try? FileManager.default.removeItem(at: temporary)
            throw CocoaError(.fileWriteUnknown)
        }
    }

    /// Gives up: the temporary file goes, `url` is left as it was.
    func abandon() {
        try? handle.close()
        try? FileManager.default.removeItem(at: temporary)
    }
}
