import CCmark
import Foundation

/// What a build of a portal cannot go below on this machine, measured part by
/// part with the same parallelism a build has: reading every input file, cmark
/// alone turning every record's body into HTML, and writing the bytes of an
/// existing output again. `publicita bench-floor` prints it for `scripts/bench`.
public enum BuildFloor {
    /// Each part's name and wall time in seconds.
    public static func measure(portal root: URL, output: URL, scratch: URL) -> [(part: String, seconds: Double)] {
        // The files the load stage reads, found by the scanner it uses.
        let sources = PortalFiles(root: root)
        let inputs = ["content", "static", "templates"].flatMap { sources.list($0, recursive: true).files.map(\.path) }
            + [root.appendingPathComponent("portal.yaml").path]
        let (texts, read) = timed { ParallelMap.map(inputs, readBytes) }
        let bodies = zip(inputs, texts).filter { $0.0.hasSuffix(".md") }.map { String(decoding: $0.1, as: UTF8.self) }
        let (_, markdown) = timed {
            ParallelMap.map(bodies) { text -> Int in
                let body = FrontMatter.body(of: text) ?? text
                guard let html = cmark_markdown_to_html(body, body.utf8.count, CMARK_OPT_DEFAULT) else { return 0 }
                defer { free(html) }
                return strlen(html)
            }
        }
        let written = PortalFiles(root: output).list("", recursive: true).files
        let bytes = ParallelMap.map(written.map(\.path), readBytes)
        try? FileManager.default.removeItem(at: scratch)
        let (_, write) = timed {
            ParallelMap.map(Array(zip(written.map(\.relative), bytes))) { relative, data -> Bool in
                (try? FileIO.write(data, toPath: scratch.path + "/" + relative.drop { $0 == "/" })) != nil
            }
        }
        try? FileManager.default.removeItem(at: scratch)
        return [("read the inputs (\(inputs.count) files)", read), ("cmark alone on the bodies (\(bodies.count))", markdown),
                ("write the output's bytes (\(written.count) files)", write)]
    }

    /// The file's bytes by `open` and `read`, the least a build can do to read it.
    @Sendable private static func readBytes(_ path: String) -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return [] }
        defer { close(descriptor) }
        var bytes: [UInt8] = [], chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, 65_536) }
            if count <= 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    private static func timed<T>(_ body: () -> T) -> (T, Double) {
        let start = DispatchTime.now()
        let result = body()
        return (result, Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
}
