import Foundation

/// The build cache: what the last successful build read and wrote, kept in a
/// folder beside the output (`.site.cache/manifest`).
///
/// A later build that finds the same tool, the same day, the same input stamps
/// and an intact output has nothing to do; otherwise the page keys tell which
/// pages must be rendered again.
struct BuildManifest: Sendable {
    /// Bumped when the format or the meaning of keys changes.
    static let formatVersion = 3

    /// The tool's identity (version and executable), so a new publicita never reuses old pages.
    var tool: String
    /// The day the build validated against (some warnings depend on it).
    var day: String
    /// The portal's language, for messages when nothing is loaded.
    var language: Language
    /// Input stamps.
    var inputs: InputStamps
    /// Output file → page key.
    var pages: [String: UInt64]
    /// Output file → the record files its render read (``ReadLog``), for pages; saved
    /// apart, in the `reads` file (``loadingReads(for:)``).
    var reads: [String: PageReads] = [:]
    /// The reads as `loadingReads` found them: the file's names and each page's ranges
    /// of them, so that the plan keys a page from the names' places (never saved).
    var readRanges: ReadRanges?
    /// The pages by what they read, when a long-running build keeps them (never saved).
    var readers: OutputReaders?
    /// The plan the output was written from, kept with `readers` (never saved).
    var writtenPlan: WrittenPlan?
    /// What names the `reads` file saved with this manifest; after ``loadingReads(for:)``,
    /// nil unless `reads` are that file's.
    var readsToken: String?
    /// Static files copied, by output path.
    var staticFiles: [String]
    /// The diagnostics (warnings) of that build, printed again when nothing changed.
    var diagnostics: [Diagnostic]
    /// The command line's address options it was built with (``Builder/Options/addressOptions``).
    var addressOptions = ""

    /// The cache folder for `output`.
    static func folder(for output: URL) -> URL {
        let output = output.standardizedFileURL
        return output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
    }

    /// Reads the manifest for `output`; nil when absent, unreadable or of another format.
    static func load(for output: URL) -> BuildManifest? {
        let url = folder(for: output).appendingPathComponent("manifest")
        guard let data = try? Data(contentsOf: url), var text = String(data: data, encoding: .utf8) else { return nil }
        var manifest = BuildManifest(tool: "", day: "", language: .cs, inputs: InputStamps(stamps: [:]), pages: [:], staticFiles: [], diagnostics: [])
        var sawHeader = false
        // Line by line on the bytes: a no-change rebuild reads the whole manifest (a
        // line per output file), and splitting it by characters was most of its time.
        let valid = text.withUTF8 { bytes -> Bool in
            for line in Self.lines(bytes) {
                let (tag, first, rest) = Self.fields(line)
                switch tag {
                case "publicita-cache":
                    guard let first, Int(first) == formatVersion else { return false }
                    sawHeader = true
                case "tool": manifest.tool = Self.string(line.dropFirst(5))
                case "day": manifest.day = Self.string(line.dropFirst(4))
                case "opt": manifest.addressOptions = Self.string(line.dropFirst(4))
                case "lang": manifest.language = Language(rawValue: Self.string(line.dropFirst(5))) ?? .cs
                case "I" where rest != nil: manifest.inputs.stamps[rest!] = first!
                case "reads": manifest.readsToken = Self.string(line.dropFirst(6))
                case "P" where rest != nil:
                    guard let key = UInt64(first!, radix: 16) else { return false }
                    manifest.pages[rest!] = key
                case "S": manifest.staticFiles.append(Self.string(line.dropFirst(2)))
                case "D":
                    guard let decoded = try? JSONDecoder().decode([Diagnostic].self, from: Data(line.dropFirst(2))) else { return false }
                    manifest.diagnostics = decoded
                default: return false
                }
            }
            return true
        }
        return valid && sawHeader ? manifest : nil
    }

    /// The non-empty lines of a manifest file.
    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Slice<UnsafeBufferPointer<UInt8>>] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true)
    }

    /// A line's tag, and the texts after its first and second space (nil when it has no such space).
    private static func fields(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> (tag: String, first: String?, rest: String?) {
        guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return (string(line), nil, nil) }
        let tag = string(line[..<space])
        let afterFirst = line[(space + 1)...]
        guard let second = afterFirst.firstIndex(of: UInt8(ascii: " ")) else { return (tag, string(afterFirst), nil) }
        return (tag, string(afterFirst[..<second]), string(afterFirst[(second + 1)...]))
    }

    private static func string(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes), as: UTF8.self)
    }

    /// The manifest with each page's reads, from the `reads` file saved with it (kept
    /// apart so that a build with nothing to do never reads them); without them when
    /// that file is missing or belongs to another save: the pages are then rendered.
    func loadingReads(for output: URL) -> BuildManifest {
        var manifest = self
        manifest.reads = [:]
        let url = Self.folder(for: output).appendingPathComponent("reads")
        guard let readsToken, let data = try? Data(contentsOf: url) else { return manifest }
        var files: [String] = [], reads: [String: PageReads] = [:], ranges: [String: [ClosedRange<Int>]] = [:], sawToken = false
        reads.reserveCapacity(pages.count)
        ranges.reserveCapacity(pages.count)
        // On the bytes, as the manifest is: a build after an edit reads every page's reads.
        let valid = data.withUnsafeBytes { raw -> Bool in
            for line in Self.lines(raw.bindMemory(to: UInt8.self)) {
                guard let space = line.firstIndex(of: UInt8(ascii: " ")) else { return false }
                switch Self.string(line[..<space]) {
                case "token": sawToken = Self.string(line[(space + 1)...]) == readsToken
                case "F": files.append(Self.string(line[(space + 1)...]))
                case "R":
                    let rest = line[(space + 1)...]
                    guard let second = rest.firstIndex(of: UInt8(ascii: " ")),
                          let read = ReadSet.ranges(bytes: rest[..<second], fileCount: files.count) else { return false }
                    let path = Self.string(rest[(second + 1)...])
                    var names: [String] = []
                    names.reserveCapacity(read.reduce(0) { $0 + $1.count })
                    for range in read { names += files[range] }
                    reads[path] = PageReads(names: names)
                    ranges[path] = read
                default: return false
                }
            }
            return true
        }
        guard valid, sawToken else { return manifest }
        manifest.reads = reads.filter { pages[$0.key] != nil }
        // Only a file holding exactly these reads may be named again by the next save.
        if manifest.reads.count == reads.count {
            manifest.readsToken = readsToken
            manifest.readRanges = ReadRanges(files: files, pages: ranges)
        }
        return manifest
    }

    /// Writes the manifest (to a temporary file renamed into place, so it is never half written).
    /// When `previous` (the manifest the output was built against, with its reads
    /// loaded) holds the same reads, its `reads` file is named again instead of written.
    func save(for output: URL, previous: BuildManifest? = nil) {
        let folder = Self.folder(for: output)
        let kept = previous.flatMap { previous in previous.readsToken.map { (token: $0, reads: previous.reads) } }
        let reuse = kept.map { Self.sameReads($0.reads, reads) } ?? false
        let token = reuse ? kept!.token : UUID().uuidString
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // The reads first: a manifest is never saved without the reads it names.
            if !reuse { try Self.write(folder.appendingPathComponent("reads")) { try writeReads(to: $0, token: token) } }
            try Self.write(folder.appendingPathComponent("manifest")) { try writeManifest(to: $0, token: token) }
        } catch {
            // A cache that cannot be written only costs the next build its shortcut.
            try? FileManager.default.removeItem(at: folder.appendingPathComponent("manifest"))
        }
    }

    /// Whether every page read the same records in `a` as in `b`; the files of one
    /// page's reads are noted in any order (a `reads` file gives them by name, a render
    /// as it read them), each once.
    static func sameReads(_ a: [String: PageReads], _ b: [String: PageReads]) -> Bool {
        a.count == b.count && a.allSatisfy { path, read in
            guard let other = b[path] else { return false }
            guard read != other else { return true }
            guard read.count == other.count else { return false }
            let others = Set(other)
            return read.allSatisfy(others.contains)
        }
    }

    /// Each page's reads as ranges of places in one list of names (the `reads` file's).
    struct ReadRanges: Sendable {
        var files: [String]
        var pages: [String: [ClosedRange<Int>]]
    }

    private func writeManifest(to file: LineFile, token: String) throws {
        try file.line("publicita-cache \(Self.formatVersion)")
        try file.line("tool ", tool)
        try file.line("day ", day)
        try file.line("lang ", language.rawValue)
        if !addressOptions.isEmpty { try file.line("opt ", addressOptions) }
        for path in inputs.stamps.keys.sorted() { try file.line("I ", inputs.stamps[path]!, " ", path) }
        try file.line("reads ", token)
        for path in pages.keys.sorted() { try file.line("P ", String(pages[path]!, radix: 16), " ", path) }
        for path in staticFiles.sorted() { try file.line("S ", path) }
        if let json = try? JSONEncoder().encode(diagnostics), let text = String(data: json, encoding: .utf8) {
            try file.line("D ", text)
        }
    }

    private func writeReads(to file: LineFile, token: String) throws {
        let numbering = ReadNumbering(reads.values)
        try file.line("token ", token)
        try numbering.forEachName { try file.line("F ", $0) }
        for path in reads.keys.sorted() { try file.line("R ", ReadSet.encode(numbers: numbering.numbers(of: reads[path]!)), " ", path) }
    }

    /// Writes `url` through `body`, replacing it only once all is written.
    private static func write(_ url: URL, _ body: (LineFile) throws -> Void) throws {
        let file = try LineFile(replacing: url)
        do {
            try body(file)
        } catch {
            file.abandon()
            throw error
        }
        try file.close()
    }

    /// The manifest without trust in `paths` (an interrupted update touched them):
    /// one still in the output gets a key no page has, so it is written again or
    /// removed; one gone is forgotten.
    func forgetting(_ paths: Set<String>, in output: URL) -> BuildManifest {
        var manifest = self
        manifest.readers = nil
        manifest.writtenPlan = nil
        manifest.readRanges = nil
        for path in paths where manifest.pages[path] != nil || FileManager.default.fileExists(atPath: output.path + "/" + path) {
            var info = stat()
            manifest.pages[path] = lstat(output.path + "/" + path, &info) == 0 ? Self.untrustedKey : nil
            manifest.reads[path] = nil
        }
        return manifest
    }

    /// The key of a page whose content is unknown (no page's key is expected to be 0).
    static let untrustedKey: UInt64 = 0

    /// Forgets the cache (after a build whose output no longer matches it).
    static func remove(for output: URL) {
        try? FileManager.default.removeItem(at: folder(for: output).appendingPathComponent("manifest"))
    }
}
