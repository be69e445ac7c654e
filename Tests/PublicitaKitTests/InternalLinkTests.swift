import Testing
@testable import PublicitaKit

/// Internal link paths: the shortcut for paths already in normal form gives what
/// resolving them segment by segment gives.
@Suite("Internal links")
struct InternalLinkTests {
    /// The normalisation as it was before the shortcut, segment by segment.
    private func reference(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        if parts.last == "index.html" { parts.removeLast(); return "/" + parts.map { $0 + "/" }.joined() }
        var result = "/" + parts.joined(separator: "/")
        if path.hasSuffix("/") && result != "/" { result += "/" }
        if !path.hasSuffix("/"), let last = parts.last, !last.contains(".") { result += "/" }
        return result
    }

    @Test("seeded random paths of every kind of segment normalise as segment by segment")
    func randomPaths() {
        let segments = ["projekty", "liberec-apk", ".", "..", "", "index.html", "plakat.pdf", "x", "ž", ".hidden", "a..b"]
        var random = SplitMix64(seed: 15)
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...5, using: &random)
            var path = (0..<count).map { _ in segments[Int.random(in: 0..<segments.count, using: &random)] }.joined(separator: "/")
            if Bool.random(using: &random) { path = "/" + path }
            if Bool.random(using: &random) { path += "/" }
            guard path.hasPrefix("/") else { continue }
            #expect(InternalLink.normalize(path) == reference(path), "\(path)")
        }
    }

    @Test("paths written the usual way come back as they are; the others are resolved")
    func usualPaths() {
        #expect(InternalLink.normalize("/") == "/")
        #expect(InternalLink.normalize("/projekty/liberec-apk/") == "/projekty/liberec-apk/")
        #expect(InternalLink.normalize("/projekty/index.html/") == "/projekty/")
        #expect(InternalLink.normalize("/projekty//x/") == "/projekty/x/")
        #expect(InternalLink.normalize("/projekty/./x/../y/") == "/projekty/y/")
        #expect(InternalLink.normalize("/zpravy/x") == "/zpravy/x/")
    }
}
