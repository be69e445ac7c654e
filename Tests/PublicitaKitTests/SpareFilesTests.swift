import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PublicitaKit

/// An in-place update writes a large file's next version over the version it
/// replaced before (``SpareFiles``), never over one that someone still reads or
/// that has another link, and never through a link planted among the spares.
@Suite("Spare files of in-place updates")
struct SpareFilesTests {
    static let relative = "data/big.json"

    /// A site folder with the large file and a page, as a build would have written them.
    static func makeSite() throws -> (workspace: URL, site: URL) {
        let workspace = try makeTemporaryDirectory()
        let site = workspace.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("data"), withIntermediateDirectories: true)
        try Data(version(0)).write(to: site.appendingPathComponent(relative))
        try Data("<p>0</p>".utf8).write(to: site.appendingPathComponent("index.html"))
        return (workspace, site)
    }

    /// Version `number` of the large file: over a megabyte, and shorter for every later version.
    static func version(_ number: Int) -> [UInt8] {
        Array(repeating: UInt8(ascii: "a") + UInt8(number), count: (3 << 20) - number * 100_003)
    }

    /// Replaces the large file (and the page) with version `number`, as a build's write stage does.
    static func update(_ site: URL, to number: Int) throws {
        let update = InPlaceUpdate(output: site)
        try update.stage(chunks: [Array(version(number).prefix(1000)), Array(version(number).dropFirst(1000))], for: relative)
        try update.stage(chunks: [Array("<p>\(number)</p>".utf8)], for: "index.html")
        try update.commit(staged: [relative, "index.html"], removals: [])
        update.finish(staged: [relative, "index.html"])
    }

    static func inode(_ path: String) -> UInt64? {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    static func spare(beside site: URL) -> String {
        SpareFiles(output: site).folder + "/" + SpareFiles.name(for: relative)
    }

    @Test func theNextVersionIsWrittenOverTheOneBeforeAndCutToItsLength() throws {
        let (workspace, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let target = site.appendingPathComponent(Self.relative).path
        let first = try #require(Self.inode(target))
        try Self.update(site, to: 1)
        // The replaced version is kept; the small page's is not.
        #expect(Self.inode(Self.spare(beside: site)) == first)
        #expect(try FileManager.default.contentsOfDirectory(atPath: SpareFiles(output: site).folder).count == 1)
        try Self.update(site, to: 2)
        #expect(Self.inode(target) == first, "version 2 is written over version 0's file")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(Self.version(2)))
        #expect(try Data(contentsOf: site.appendingPathComponent("index.html")) == Data("<p>2</p>".utf8))
        // Nothing but the site and its cache folder is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.path).sorted() == [".site.cache", "site"])
    }

    @Test func aVersionStillOpenIsNotWrittenOver() throws {
        let (workspace, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let target = site.appendingPathComponent(Self.relative).path
        let reader = open(target, O_RDONLY)
        try #require(reader >= 0)
        defer { close(reader) }
        try Self.update(site, to: 1)
        try Self.update(site, to: 2)
        var read = [UInt8](repeating: 0, count: Self.version(0).count + 1)
        let count = read.withUnsafeMutableBytes { pread(reader, $0.baseAddress, $0.count, 0) }
        #expect(Array(read.prefix(max(count, 0))) == Self.version(0), "the reader still reads the version it opened")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(Self.version(2)))
    }

    @Test func aVersionWithAnotherLinkIsNotWrittenOver() throws {
        let (workspace, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let target = site.appendingPathComponent(Self.relative).path
        let backup = workspace.appendingPathComponent("backup.json").path
        try #require(link(target, backup) == 0)
        try Self.update(site, to: 1)
        try Self.update(site, to: 2)
        try Self.update(site, to: 3)
        #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == Data(Self.version(0)))
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(Self.version(3)))
    }

    @Test func aLinkPlantedAmongTheSparesIsNotFollowed() throws {
        let (workspace, site) = try Self.makeSite()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let outside = workspace.appendingPathComponent("outside.txt")
        try Data("keep me".utf8).write(to: outside)
        let folder = SpareFiles(output: site).folder
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try #require(symlink(outside.path, Self.spare(beside: site)) == 0)
        try Self.update(site, to: 1)
        #expect(try Data(contentsOf: outside) == Data("keep me".utf8))
        let target = site.appendingPathComponent(Self.relative).path
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == Data(Self.version(1)))
        var info = stat()
        #expect(lstat(target, &info) == 0 && info.st_mode & S_IFMT == S_IFREG)
    }
}
