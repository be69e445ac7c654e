import Foundation
import Testing
@testable import PublicitaKit

/// The keys of a build after an edit are made from the last build's: the hashes of
/// the replaced records only (``DependencyKeys/replacing(projects:site:theme:tool:stamps:configHash:)``),
/// and only the pages that read a changed record keyed again (``OutputReaders``).
/// They must be the keys a build from scratch makes.
@Suite("Incremental keys")
struct IncrementalKeyTests {
    private struct Loaded {
        var site: Site, theme: Theme, stamps: InputStamps, configHash: UInt64

        init(_ root: URL) throws {
            let portal = try #require(ContentLoader.loadParts(portalAt: root, cache: nil).portal)
            theme = try #require(Theme.load(portalRoot: root, language: portal.config.language).0)
            site = Site(portal: portal, reservedIDs: theme.staticIDs, today: testToday)
            stamps = InputStamps.scan(root)
            configHash = Builder.configHash(root: root, stamps: stamps)
        }

        func keys() -> DependencyKeys {
            DependencyKeys(site: site, theme: theme, tool: "test", stamps: stamps, configHash: configHash)
        }
    }

    private static func projectFiles(_ root: URL) throws -> [URL] {
        let folder = root.appendingPathComponent("content/projects")
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { folder.appendingPathComponent($0) }
    }

    /// Every read a page can make: each record's fields and body.
    private static func everyRead(_ site: Site) -> [String] {
        let sources = site.portal.projects.unnoted.map(\.source) + site.portal.reports.unnoted.map(\.source)
            + site.portal.pages.unnoted.map(\.source) + site.portal.news.unnoted.map(\.source)
        return sources.flatMap { [$0.file, ReadLog.bodyPrefix + $0.file] }
    }

    @Test func keysAfterARecordIsReplacedAreThoseMadeAfresh() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            try generateCorpus(projects: 9, into: root)
            let before = try Loaded(root)
            let earlier = before.keys()
            let file = try Self.projectFiles(root)[4]
            let text = try String(contentsOf: file, encoding: .utf8)
            try (text.replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Nově ") + "\nDoplněný odstavec.\n")
                .write(to: file, atomically: true, encoding: .utf8)
            let after = try Loaded(root)
            let relative = String(file.path.dropFirst(root.path.count + 1))
            let index = try #require(after.site.portal.projects.unnoted.firstIndex { $0.source.file == relative })
            let replaced = earlier.replacing(projects: [index], site: after.site, theme: after.theme, tool: "test",
                                             stamps: after.stamps, configHash: after.configHash)
            let fresh = after.keys()
            let reads = PageReads(names: Self.everyRead(after.site))
            for read in reads {
                #expect(replaced.key(path: "p", reads: [read]) == fresh.key(path: "p", reads: [read]), "\(read)")
            }
            #expect(replaced.key(path: "p", reads: reads) == fresh.key(path: "p", reads: reads))
            // A set of reads: the order they come in makes no difference, their content does.
            #expect(fresh.key(path: "p", reads: PageReads(names: Array(reads.reversed()))) == fresh.key(path: "p", reads: reads))
            #expect(earlier.key(path: "p", reads: reads) != fresh.key(path: "p", reads: reads))
            #expect(fresh.key(path: "p", reads: PageReads(names: Array(reads) + ["content/projects/nikde.md"])) == nil)
            // What changed is the edited record's fields and body, and nothing else.
            #expect(replaced.changedReads(since: earlier) == [relative, ReadLog.bodyPrefix + relative])
            // Keys made afresh place records anew: what changed is unknown.
            #expect(fresh.changedReads(since: earlier) == nil)
        }
    }

    @Test func aRendersReadsKeptByPlaceAreTheReadsByName() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            try generateCorpus(projects: 9, into: root)
            let loaded = try Loaded(root)
            let keys = loaded.keys(), files = loaded.site.portal.projects.unnoted.map(\.source.file)
            let (_, log) = ReadLog.recording {
                ReadLog.note(.project, 2)
                ReadLog.note(body: files[5])
                ReadLog.note(file: files[2])  // the same read as by its index
                ReadLog.note(codes: keys.codes(of: [files[7]])!)
            }
            let (reads, key) = keys.reads(log, path: "p.html")
            #expect(Array(reads) == [files[2], ReadLog.bodyPrefix + files[5], files[7]])
            #expect(keys.codes(of: reads) == keys.codes(of: Array(reads)))
            let byName = PageReads(names: Array(reads))
            #expect(reads == byName && byName == reads)
            #expect(key != nil && keys.key(path: "p.html", reads: reads) == key && keys.key(path: "p.html", reads: byName) == key)
            // Keys made afresh place the same records in another table: the reads are still compared by name.
            let fresh = loaded.keys()
            #expect(fresh.key(path: "p.html", reads: reads) == key)
            // A file that is no record: kept by name, and no key.
            let (_, strayLog) = ReadLog.recording {
                ReadLog.note(.project, 1)
                ReadLog.note(file: "content/projects/nikde.md")
            }
            let (stray, strayKey) = keys.reads(strayLog, path: "q.html")
            #expect(Array(stray) == [files[1], "content/projects/nikde.md"] && strayKey == nil)
            // Two renders of the same reads compare equal by their codes; other reads do not.
            let (again, _) = keys.reads(log, path: "r.html")
            #expect(again == reads && again != stray && keys.reads(strayLog, path: "s.html").reads == stray)
            // A page's entry in the build's dictionaries is one reference, whichever way it keeps its reads.
            #expect(MemoryLayout<PageReads>.size == 8)
        }
    }

    @Test func aPageKeyedFromTheReadsFilesRangesIsKeyedAsFromItsReads() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 15, into: root)
            #expect(!Builder.run(.init(portalRoot: root, output: output, today: testToday)).failed)
            let file = try Self.projectFiles(root)[3]
            try (try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "\ntitle: ", with: "\ntitle: Jinak "))
                .write(to: file, atomically: true, encoding: .utf8)
            let manifest = try #require(BuildManifest.load(for: output)?.loadingReads(for: output))
            let ranges = try #require(manifest.readRanges, "the ranges of a whole reads file are not kept")
            #expect(ranges.pages.count == manifest.reads.count && manifest.reads.count > 30)
            let keys = try Loaded(root).keys(), hashes = keys.readHashes(ranges.files)
            var listPages = 0
            for (path, reads) in manifest.reads {
                let pageRanges = try #require(ranges.pages[path])
                #expect(PageReads(names: pageRanges.flatMap { ranges.files[$0] }) == reads, "\(path)")
                #expect(keys.key(path: path, ranges: pageRanges, hashes: hashes) == keys.key(path: path, reads: reads), "\(path)")
                if reads.count > 15 { listPages += 1 }
            }
            #expect(listPages > 0)
            // A name that is no record any more: no key, as from the reads.
            let gone = ranges.files.firstIndex { $0.hasPrefix("content/projects/") }!
            var stale = hashes
            stale[gone] = nil
            let reader = try #require(manifest.reads.first { $0.value.contains(ranges.files[gone]) })
            #expect(keys.key(path: reader.key, ranges: ranges.pages[reader.key]!, hashes: stale) == nil)
            // A damaged reads file gives neither reads nor ranges.
            let readsURL = BuildManifest.folder(for: output).appendingPathComponent("reads")
            let text = try String(contentsOf: readsURL, encoding: .utf8)
            let firstRead = try #require(text.range(of: "\nR "))
            try text.replacingCharacters(in: firstRead, with: "\nR 999999,").write(to: readsURL, atomically: true, encoding: .utf8)
            let damaged = try #require(BuildManifest.load(for: output)?.loadingReads(for: output))
            #expect(damaged.readRanges == nil && damaged.reads.isEmpty)
        }
    }

    @Test func onlyThePagesThatReadAChangedRecordAreKeyedAgain() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            try generateCorpus(projects: 9, into: root)
            let loaded = try Loaded(root)
            let keys = loaded.keys()
            let files = loaded.site.portal.projects.unnoted.map(\.source.file)
            let reads = ["a.html": [files[0], ReadLog.bodyPrefix + files[0]], "b.html": [files[1]], "all.html": files]
            let readers = OutputReaders(keys: keys, reads: reads.mapValues(PageReads.init(names:)))
            #expect(readers.pagesReadingChanges(with: keys) == [])
            let edited = keys.replacing(projects: [0], site: loaded.site, theme: loaded.theme, tool: "test",
                                        stamps: loaded.stamps, configHash: loaded.configHash)
            // Replaced by an equal record: no read changed.
            #expect(readers.pagesReadingChanges(with: edited) == [])
            // Another tool: every page's key differs.
            let otherTool = keys.replacing(projects: [], site: loaded.site, theme: loaded.theme, tool: "other",
                                           stamps: loaded.stamps, configHash: loaded.configHash)
            #expect(readers.pagesReadingChanges(with: otherTool) == nil)
            // A page that now reads another record is found by that record.
            let updated = readers.updated(keys: keys, made: ["b.html"], reads: ["b.html": [files[2]]], earlier: reads.mapValues(PageReads.init(names:)))
            #expect(updated.pagesReadingChanges(with: keys) == [])
        }
    }

    @Test func aSessionAfterAFailedBuildAndFurtherEditsMatchesACleanBuild() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            let served = tmp.appendingPathComponent("site"), clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: 12, into: root)
            let session = BuildSession(.init(portalRoot: root, output: served, today: testToday))
            let first = session.build()
            try #require(!first.failed, "\(first.summary)")
            let files = try Self.projectFiles(root)
            func step(_ edit: () throws -> Void) throws -> Builder.Outcome {
                let before = InputStamps.scan(root)
                try edit()
                return session.build(changes: InputChanges(from: before, to: InputStamps.scan(root)))
            }
            func retitle(_ file: URL, _ prefix: String) throws {
                let text = try String(contentsOf: file, encoding: .utf8)
                // Inside the quotes of a quoted title, so the YAML stays valid.
                let field = text.contains("\ntitle: \"") ? "\ntitle: \"" : "\ntitle: "
                try text.replacingOccurrences(of: field, with: field + prefix + " ").write(to: file, atomically: true, encoding: .utf8)
            }
            let edited = try step { try retitle(files[2], "Upravený") }
            #expect(!edited.failed && session.lastBuildWasIncremental)
            #expect(edited.pagesRendered > 0 && edited.pagesRendered < first.pagesRendered)
            // An error: nothing is written, and the output keeps the keys of the edit before.
            let valid = try String(contentsOf: files[7], encoding: .utf8)
            let broken = try step {
                try valid.replacingOccurrences(of: "\n  total: ", with: "\n  total: 1").write(to: files[7], atomically: true, encoding: .utf8)
            }
            #expect(broken.failed)
            let fixed = try step {
                try valid.write(to: files[7], atomically: true, encoding: .utf8)
                try retitle(files[9], "Další")
                try (String(contentsOf: files[2], encoding: .utf8) + "\nOdstavec navíc.\n").write(to: files[2], atomically: true, encoding: .utf8)
            }
            #expect(!fixed.failed && session.lastBuildWasIncremental)
            let reference = runBuilder(portal: root, output: clean)
            #expect(!reference.failed)
            #expect(try snapshot(of: served) == snapshot(of: clean))
        }
    }
}
