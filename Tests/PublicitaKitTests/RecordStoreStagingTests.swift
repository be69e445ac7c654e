import Foundation
import Testing
@testable import PublicitaKit

/// The record store is written right after load and put in place only once the
/// site is written (``RecordStore/stage(_:tool:)``): a build that fails leaves the
/// last store as it was and no staged file beside it.
@Suite("Record store staging")
struct RecordStoreStagingTests {
    private static func build(_ root: URL, into output: URL) -> Builder.Outcome {
        Builder.run(.init(portalRoot: root, output: output, today: testToday))
    }

    @Test func aFailedFirstBuildLeavesNoCacheFolder() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 3, into: root)
            let projects = root.appendingPathComponent("content/projects")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted().first)
            let file = projects.appendingPathComponent(name)
            try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: [nezavřená", options: .regularExpression)
                .write(to: file, atomically: true, encoding: .utf8)
            #expect(Self.build(root, into: output).failed)
            #expect(!FileManager.default.fileExists(atPath: BuildManifest.folder(for: output).path), "a failed build left a cache folder")
        }
    }

    @Test func aFailedBuildKeepsTheLastStoreAndLeavesNoStagedFile() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 12, into: root)
            let folder = BuildManifest.folder(for: output)
            let store = folder.appendingPathComponent(RecordStore.fileName)
            let staged = folder.appendingPathComponent(".\(RecordStore.fileName).new")
            let first = Self.build(root, into: output)
            #expect(!first.failed, "\(first.diagnostics.prefix(3))")
            let saved = try Data(contentsOf: store)
            #expect(!FileManager.default.fileExists(atPath: staged.path), "the staged store was put in place")

            let projects = root.appendingPathComponent("content/projects")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted().first)
            let file = projects.appendingPathComponent(name)
            let good = try String(contentsOf: file, encoding: .utf8)
            try good.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: [nezavřená", options: .regularExpression)
                .write(to: file, atomically: true, encoding: .utf8)
            let broken = Self.build(root, into: output)
            #expect(broken.failed)
            #expect(try Data(contentsOf: store) == saved, "a failed build replaced the store")
            #expect(!FileManager.default.fileExists(atPath: staged.path), "a failed build left its staged store")

            try good.write(to: file, atomically: true, encoding: .utf8)
            let fixed = Self.build(root, into: output)
            #expect(!fixed.failed)
            let loaded = ContentLoader.loadParts(portalAt: root, store: RecordStore(folder: folder))
            let parsed = (loaded.stored ?? []).count { if case .parsed = $0.saved { true } else { false } }
            #expect(parsed == 0, "the store after the fixed build holds every record")
        }
    }

    @Test func aLoadStagesTheStoreBatchByBatchAndNothingWhenItIsUnchanged() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), folder = tmp.appendingPathComponent("cache")
            try generateCorpus(projects: 11, into: root)
            let staged = folder.appendingPathComponent(".\(RecordStore.fileName).new")
            // Batches of four: the entries of several batches, and the count written once all are.
            let first = ContentLoader.loadParts(portalAt: root, store: RecordStore(folder: folder), staging: true, stagingBatch: 4)
            #expect(first.storeStaged && first.stored == nil && FileManager.default.fileExists(atPath: staged.path))
            RecordStore(folder: folder).commit()
            let unstaged = ContentLoader.loadParts(portalAt: root, store: RecordStore(folder: folder))
            let kept = (unstaged.stored ?? []).count { if case .kept = $0.saved { true } else { false } }
            #expect(kept == unstaged.records.count && kept > 11, "the staged store does not hold every record")
            #expect(unstaged.portal?.projects.unnoted.map(\.title) == first.portal?.projects.unnoted.map(\.title))
            // Nothing changed: nothing is staged, and no file is left.
            let again = ContentLoader.loadParts(portalAt: root, store: RecordStore(folder: folder), staging: true, stagingBatch: 4)
            #expect(!again.storeStaged && !FileManager.default.fileExists(atPath: staged.path))
        }
    }
}
