import Foundation
import Testing
@testable import PublicitaKit

/// The data files' parts stored in the build cache (``DataFileFragments``,
/// ``PartIndex``): the next process reuses the parts whose key is unchanged, and a
/// store that is damaged, half written or stale never changes the output.
@Suite("Data-file part store")
struct DataFilePartStoreTests {
    private struct Portal {
        let root: URL, output: URL, clean: URL
        var store: String { PartIndex.folder(inCache: BuildManifest.folder(for: output)) }

        init(_ tmp: URL, projects: Int = 30) throws {
            root = tmp.appendingPathComponent("portal")
            output = tmp.appendingPathComponent("site")
            clean = tmp.appendingPathComponent("clean")
            try generateCorpus(projects: projects, into: root)
        }

        func build(_ output: URL? = nil) -> Builder.Outcome {
            Builder.run(.init(portalRoot: root, output: output ?? self.output, today: testToday))
        }

        /// The project files, sorted.
        var projectFiles: [URL] {
            get throws {
                let folder = root.appendingPathComponent("content/projects")
                return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
                    .map { folder.appendingPathComponent($0) }
            }
        }

        /// Changes the title of project `number` (its list rows and data-file parts change).
        func editTitle(_ number: Int, to title: String) throws {
            let file = try projectFiles[number]
            let text = try String(contentsOf: file, encoding: .utf8)
            let start = try #require(text.range(of: "\ntitle: "))
            let end = try #require(text.range(of: "\n", range: start.upperBound..<text.endIndex))
            try (text[..<start.upperBound] + "\"\(title)\"" + text[end.lowerBound...]).write(to: file, atomically: true, encoding: .utf8)
        }

        /// Builds a clean copy (no cache) and expects the output to be identical to it.
        func expectLikeCleanBuild(_ step: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
            try? FileManager.default.removeItem(at: clean)
            try? FileManager.default.removeItem(at: BuildManifest.folder(for: clean))
            #expect(!build(clean).failed)
            let built = try snapshot(of: output), expected = try snapshot(of: clean)
            let differing = Set(built.keys).union(expected.keys).filter { built[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "\(step): differs from a clean build: \(differing.prefix(5))", sourceLocation: sourceLocation)
        }

        /// The store's files (other than the index), by name, with their sizes.
        func storedFiles() throws -> [String: Int] {
            var files: [String: Int] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: store) where name != "index" {
                files[name] = try FileManager.default.attributesOfItem(atPath: store + "/" + name)[.size] as? Int
            }
            return files
        }
    }

    @Test func aBuildAfterOneEditReusesTheStoredPartsOfTheOthers() throws {
        try withTemporaryDirectory { tmp in
            let portal = try Portal(tmp)
            #expect(!portal.build().failed)
            let first = try portal.storedFiles()
            #expect(first.count == 3, "one segment: a file per kind, \(first.keys.sorted())")
            let csvSize = try #require(first.first { $0.key.hasSuffix(".csv") }?.value)
            try portal.editTitle(7, to: "Přejmenovaný projekt ž")
            let second = portal.build()
            #expect(!second.failed && !second.upToDate)
            // The first segment is kept whole; a new one holds the edited project's parts alone.
            let now = try portal.storedFiles()
            #expect(now.count == 6)
            #expect(first.allSatisfy { now[$0.key] == $0.value })
            let added = try #require(now.first { $0.key.hasSuffix(".csv") && first[$0.key] == nil })
            #expect(added.value > 0 && added.value < csvSize / 10, "only one project's line was made: \(added.value) of \(csvSize)")
            let line = try String(contentsOfFile: portal.store + "/" + added.key, encoding: .utf8)
            #expect(line.contains("Přejmenovaný projekt ž"))
            try portal.expectLikeCleanBuild("one edit")
        }
    }

    @Test func manyBuildsKeepTheStoreSmall() throws {
        try withTemporaryDirectory { tmp in
            let portal = try Portal(tmp, projects: 12)
            #expect(!portal.build().failed)
            for step in 0..<9 {
                try portal.editTitle(step % 3, to: "Úprava \(step)")
                #expect(!portal.build().failed)
                let files = try portal.storedFiles()
                // At most four segments, of which the files no part is in are removed.
                #expect(files.count <= 12, "after build \(step + 2): \(files.count) files")
            }
            try portal.expectLikeCleanBuild("nine edits")
        }
    }

    @Test(arguments: ["flipped bytes", "truncated part", "truncated index", "garbage index", "missing segment"])
    func aDamagedStoreIsIgnored(_ damage: String) throws {
        try withTemporaryDirectory { tmp in
            let portal = try Portal(tmp)
            #expect(!portal.build().failed)
            let csv = try #require(try portal.storedFiles().keys.first { $0.hasSuffix(".csv") })
            let csvPath = portal.store + "/" + csv, indexPath = portal.store + "/index"
            var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: csvPath)))
            var index = try [UInt8](Data(contentsOf: URL(fileURLWithPath: indexPath)))
            switch damage {
            case "flipped bytes":
                // Same length, other bytes, in the middle of the CSV lines: reused, they would be in the output.
                for at in (bytes.count / 2)..<(bytes.count / 2 + 40) { bytes[at] = UInt8(ascii: "X") }
                try Data(bytes).write(to: URL(fileURLWithPath: csvPath))
            case "truncated part":
                try Data(bytes.prefix(bytes.count - 100)).write(to: URL(fileURLWithPath: csvPath))
            case "truncated index":
                try Data(index.prefix(index.count / 2)).write(to: URL(fileURLWithPath: indexPath))
            case "garbage index":
                for at in stride(from: 40, to: index.count - 8, by: 7) { index[at] ^= 0x5a }
                try Data(index).write(to: URL(fileURLWithPath: indexPath))
            default:
                try FileManager.default.removeItem(atPath: csvPath)
            }
            try portal.editTitle(3, to: "Po poškození")
            #expect(!portal.build().failed)
            try portal.expectLikeCleanBuild(damage)
            // The damaged parts were made again and stored: the next build uses them.
            try portal.editTitle(4, to: "Po opravě")
            #expect(!portal.build().failed)
            try portal.expectLikeCleanBuild(damage + ", then an edit")
        }
    }

    @Test func aKilledBuildsHalfWrittenStoreIsIgnoredAndRemoved() throws {
        try withTemporaryDirectory { tmp in
            let portal = try Portal(tmp)
            #expect(!portal.build().failed)
            let before = try portal.storedFiles()
            let index = try Data(contentsOf: URL(fileURLWithPath: portal.store + "/index"))
            // What a build killed while storing leaves: a new segment's files half
            // written, and its index not yet renamed into place.
            let token = "9D2A6C1E-0000-4000-8000-00000000DEAD"
            for kind in PartKind.allCases {
                try Data("\"CZ.half".utf8).write(to: URL(fileURLWithPath: PartSegment.path(portal.store, token, kind)))
            }
            try index.prefix(index.count / 3).write(to: URL(fileURLWithPath: portal.store + "/index.tmp-killed"))
            try portal.editTitle(5, to: "Po přerušení")
            #expect(!portal.build().failed)
            try portal.expectLikeCleanBuild("after a killed build")
            let after = try portal.storedFiles()
            #expect(after.keys.allSatisfy { !$0.hasPrefix(token) && !$0.hasPrefix("index.tmp") }, "\(after.keys.sorted())")
            #expect(before.allSatisfy { after[$0.key] == $0.value }, "the intact parts were kept")

            // An index whose segment was cut short by a kill: nothing of it is used.
            let csv = try #require(after.keys.first { $0.hasSuffix(".csv") && before[$0] == nil })
            try Data().write(to: URL(fileURLWithPath: portal.store + "/" + csv))
            try portal.editTitle(6, to: "Po druhém přerušení")
            #expect(!portal.build().failed)
            try portal.expectLikeCleanBuild("after a segment was emptied")
        }
    }

    @Test func aSessionsEditsReachTheNextProcess() throws {
        try withTemporaryDirectory { tmp in
            let portal = try Portal(tmp)
            let session = BuildSession(.init(portalRoot: portal.root, output: portal.output, today: testToday))
            #expect(!session.build().failed)
            for step in 0..<3 {
                let before = InputStamps.scan(portal.root)
                try portal.editTitle(step, to: "V relaci \(step)")
                #expect(!session.build(changes: InputChanges(from: before, to: InputStamps.scan(portal.root))).failed)
                #expect(session.lastBuildWasIncremental)
            }
            try portal.expectLikeCleanBuild("session edits")
            // A full build of the session stores the parts its edits held in memory.
            #expect(!session.build().failed)
            try portal.expectLikeCleanBuild("session full build")
            try portal.editTitle(9, to: "Nový proces")
            #expect(!portal.build().failed)
            try portal.expectLikeCleanBuild("a new process after the session")
        }
    }
}
