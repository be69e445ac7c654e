import Foundation
import Testing
@testable import PublicitaKit

/// The parsed records persisted in the build cache (``RecordStore``): a new
/// process takes an unchanged file's record from there, and the result is the
/// one parsing gives, byte for byte; a store it cannot trust is never used.
@Suite("Record store")
struct RecordStoreTests {
    private static func build(_ root: URL, into output: URL) -> Builder.Outcome {
        Builder.run(.init(portalRoot: root, output: output, today: testToday))
    }

    private static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isDirectory)
            if !isDirectory.boolValue { files[path] = try Data(contentsOf: folder.appendingPathComponent(path)) }
        }
        return files
    }

    /// Builds `root` into `output` (kept between calls) and, afresh, into a clean
    /// folder; expects both outputs and both runs' diagnostics to be equal.
    private static func expectSameAsClean(_ root: URL, _ output: URL, _ tmp: URL, after step: String) throws -> Builder.Outcome {
        let incremental = build(root, into: output)
        let clean = tmp.appendingPathComponent("clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: clean) }
        let fresh = build(root, into: clean)
        #expect(incremental.diagnostics == fresh.diagnostics, "after \(step): diagnostics differ")
        #expect(incremental.failed == fresh.failed, "after \(step)")
        if !fresh.failed {
            let a = try snapshot(output), b = try snapshot(clean)
            let differing = Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.sorted()
            #expect(differing.isEmpty, "after \(step): \(differing.prefix(5))")
        }
        return incremental
    }

    /// How the load with the store beside `output` got each record: parsed, or kept from the store.
    private static func loadCounts(_ root: URL, _ output: URL) -> (parsed: Int, kept: Int) {
        let store = RecordStore(folder: BuildManifest.folder(for: output))
        let loaded = ContentLoader.loadParts(portalAt: root, store: store)
        var parsed = 0, kept = 0
        for entry in loaded.stored ?? [] {
            switch entry.saved {
            case .parsed: parsed += 1
            case .kept: kept += 1
            }
        }
        return (parsed, kept)
    }

    private static let amountPrefix = "      amount: "

    private static func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit of \(file.lastPathComponent) changed nothing")
        try changed.write(to: file, atomically: true, encoding: .utf8)
    }

    @Test func everyRecordAndDiagnosticComesBackAsParsed() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            try generateCorpus(projects: 60, into: root)
            // A record with load problems, so diagnostics are stored too.
            try "---\ntitle: Bez příjemce\nslug: Špatná Adresa\nperiod:\n  start: 2020-13-01\n---\nText.\n"
                .write(to: root.appendingPathComponent("content/projects/vadny.md"), atomically: true, encoding: .utf8)
            for portal in [root, TestPaths.repositoryRoot] {
                let loaded = ContentLoader.loadParts(portalAt: portal)
                let files = loaded.records.map(\.file)
                #expect(files.count >= 10)
                for file in files {
                    let url = portal.appendingPathComponent(file)
                    let kind = try #require(ContentKind.allCases.first { file.hasPrefix("content/\($0.rawValue)/") })
                    let text = try String(contentsOf: url, encoding: .utf8)
                    let (record, diagnostics) = ContentLoader.parseRecord(text, kind: kind, relativePath: file, path: url.path)
                    let bytes = try #require(RecordStore.encode(record, diagnostics: diagnostics, file: file), "\(file) cannot be stored")
                    let folder = tmp.appendingPathComponent("store-\(UUID().uuidString)")
                    let empty = RecordStore(folder: folder)
                    empty.save([(file: file, saved: .parsed(key: 7, bytes: bytes))])
                    let back = try #require(RecordStore(folder: folder).record(file, key: 7), "\(file) not found")
                    #expect(back.diagnostics == diagnostics, "\(file)")
                    switch (record, back.record) {
                    case (.project(let a)?, .project(let b)?): #expect(a == b, "\(file)")
                    case (.report(let a)?, .report(let b)?): #expect(a == b, "\(file)")
                    case (.page(let a)?, .page(let b)?): #expect(a == b, "\(file)")
                    case (.news(let a)?, .news(let b)?): #expect(a == b, "\(file)")
                    case (nil, nil): #expect(!diagnostics.isEmpty)
                    default: Issue.record("\(file): another kind of record came back")
                    }
                    #expect(RecordStore(folder: folder).record(file, key: 8) == nil, "another key found \(file)")
                }
            }
        }
    }

    @Test func aBuildAfterEditsEqualsACleanBuild() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 30, into: root)
            let first = Self.build(root, into: output)
            #expect(!first.failed, "\(first.diagnostics.prefix(3))")
            let total = Self.loadCounts(root, output)
            #expect(total.parsed == 0 && total.kept > 30, "\(total)")
            let projects = root.appendingPathComponent("content/projects")
            let names = try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted()
            // A record with two source amounts, so that an amount can move between them.
            let file = try #require(try names.map { projects.appendingPathComponent($0) }.first { url in
                try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n").count { $0.hasPrefix(Self.amountPrefix) } >= 2
            })

            try Self.edit(file) { $0 + "\nNový odstavec z jiného procesu.\n" }
            #expect(Self.loadCounts(root, output).parsed == 1, "the edited file is parsed again")
            _ = try Self.expectSameAsClean(root, output, tmp, after: "a body edit")
            #expect(Self.loadCounts(root, output).parsed == 0, "the store holds the edited record after the build")

            try Self.edit(file) { text in
                text.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Přejmenovaný projekt", options: .regularExpression)
            }
            _ = try Self.expectSameAsClean(root, output, tmp, after: "a title edit")

            try Self.edit(file) { text in
                // One crown moves from the first source to the second: the total stays right.
                var lines = text.components(separatedBy: "\n")
                let amounts = lines.indices.filter { lines[$0].hasPrefix(Self.amountPrefix) }
                for (line, change) in zip(amounts, [Int64(-100), 100]) {
                    guard let money = try? Money.parse(String(lines[line].dropFirst(Self.amountPrefix.count))) else { return text }
                    lines[line] = Self.amountPrefix + Money(halere: money.amount.halere + change).plainDecimal
                }
                return lines.joined(separator: "\n")
            }
            _ = try Self.expectSameAsClean(root, output, tmp, after: "an amount edit")

            let added = projects.appendingPathComponent("novy-projekt.md")
            try String(contentsOf: file, encoding: .utf8)
                .replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: Nový projekt", options: .regularExpression)
                .replacingOccurrences(of: #"(?m)^registration_number: .*$"#, with: "funding: none", options: .regularExpression)
                .write(to: added, atomically: true, encoding: .utf8)
            _ = try Self.expectSameAsClean(root, output, tmp, after: "a new file")
            try FileManager.default.removeItem(at: added)
            _ = try Self.expectSameAsClean(root, output, tmp, after: "a deleted file")
            let afterDelete = Self.loadCounts(root, output)
            #expect(afterDelete.parsed == 0 && afterDelete.kept == total.kept, "the store holds no entry for the deleted file: \(afterDelete)")

            let good = try String(contentsOf: file, encoding: .utf8)
            try Self.edit(file) { $0.replacingOccurrences(of: #"(?m)^title: .*$"#, with: "title: [nezavřená", options: .regularExpression) }
            let broken = try Self.expectSameAsClean(root, output, tmp, after: "an edit introducing an error")
            #expect(broken.failed)
            try good.write(to: file, atomically: true, encoding: .utf8)
            let fixed = try Self.expectSameAsClean(root, output, tmp, after: "the error fixed")
            #expect(!fixed.failed)
        }
    }

    /// What a load with the store beside `output`, opened as of `now`, kept by stamp
    /// (entries whose stamp is set), kept by bytes alone, and parsed; the store is then saved.
    private static func stampCounts(_ root: URL, _ output: URL, now: Int) -> (stamped: Int, unstamped: Int, parsed: Int) {
        let store = RecordStore(folder: BuildManifest.folder(for: output), now: now)
        let loaded = ContentLoader.loadParts(portalAt: root, store: store)
        var counts = (stamped: 0, unstamped: 0, parsed: 0)
        for entry in loaded.stored ?? [] {
            switch entry.saved {
            case .parsed: counts.parsed += 1
            case .kept(_, _, let stamp): if stamp == 0 { counts.unstamped += 1 } else { counts.stamped += 1 }
            }
        }
        store.save(loaded.stored ?? [])
        return counts
    }

    @Test func aFileIsKnownByItsStampOnlyOnceSettledAndAnyRewriteIsSeen() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 12, into: root)
            #expect(!Self.build(root, into: output).failed)
            let now = Int(time(nil)), later = now + 3600
            // Files written just now are not stamped: another write within the clock's tick would keep the stamp.
            let fresh = Self.stampCounts(root, output, now: now)
            #expect(fresh.stamped == 0 && fresh.parsed == 0 && fresh.unstamped > 12, "\(fresh)")
            let settled = Self.stampCounts(root, output, now: later)
            #expect(settled.stamped == fresh.unstamped && settled.parsed == 0, "\(settled)")

            // Rewritten at the same size with its modification time put back: parsed again, as the file says.
            let projects = root.appendingPathComponent("content/projects")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).sorted().first)
            let file = projects.appendingPathComponent(name)
            let modified = try #require(try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date)
            let text = try String(contentsOf: file, encoding: .utf8)
            let renamed = text.replacingOccurrences(of: #"(?m)^title: (.)"#, with: "title: Ž", options: .regularExpression)
            let sameSize = renamed.utf8.count == text.utf8.count ? renamed : String(renamed.utf8.dropLast(renamed.utf8.count - text.utf8.count))!
            #expect(sameSize != text && sameSize.utf8.count == text.utf8.count)
            let handle = try FileHandle(forWritingTo: file)
            try handle.write(contentsOf: Data(sameSize.utf8))
            try handle.close()
            try FileManager.default.setAttributes([.modificationDate: modified], ofItemAtPath: file.path)
            let afterEdit = Self.stampCounts(root, output, now: later)
            #expect(afterEdit.parsed == 1 && afterEdit.stamped == settled.stamped - 1, "\(afterEdit)")
            let store = RecordStore(folder: BuildManifest.folder(for: output), now: later)
            let loaded = ContentLoader.loadParts(portalAt: root, store: store)
            let parsed = ContentLoader.loadParts(portalAt: root)
            #expect(loaded.diagnostics == parsed.diagnostics)
            #expect(loaded.portal?.projects.elementsEqual(parsed.portal?.projects ?? []) ?? false, "a record of the old bytes was used")

            // A build with settled stamps in its store equals a clean build.
            try Self.edit(file) { $0 + "\nDalší odstavec.\n" }
            let previous = Builder.intactManifest(BuildManifest.load(for: output), output: output, tool: ToolIdentity.current)?.loadingReads(for: output)
            let options = Builder.Options(portalRoot: root, output: output, today: testToday)
            let run = Pipeline.run(options, today: testToday, output: output, stamps: InputStamps.scan(root),
                                   cache: BuildCache(storedRecords: RecordStore(folder: BuildManifest.folder(for: output), now: later), output: previous))
            #expect(!run.outcome.failed)
            let clean = tmp.appendingPathComponent("clean")
            #expect(!Self.build(root, into: clean).failed)
            let a = try Self.snapshot(output), b = try Self.snapshot(clean)
            #expect(Set(a.keys).union(b.keys).filter { a[$0] != b[$0] }.isEmpty, "the build with stamps differs from a clean one")
        }
    }

    @Test func aStoreOfAnotherToolOrDamagedIsNotUsed() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal"), output = tmp.appendingPathComponent("site")
            try generateCorpus(projects: 12, into: root)
            #expect(!Self.build(root, into: output).failed)
            let folder = BuildManifest.folder(for: output)
            let url = folder.appendingPathComponent(RecordStore.fileName)
            let saved = try Data(contentsOf: url)
            #expect(!RecordStore(folder: folder).isEmpty)
            #expect(RecordStore(folder: folder, tool: "publicita 0.0.0+other").isEmpty, "a store of another tool is used")

            // Cut short anywhere, the file is no store.
            for length in [0, 5, saved.count / 3, saved.count - 1] {
                try saved.prefix(length).write(to: url)
                #expect(RecordStore(folder: folder).isEmpty, "a store cut at \(length) of \(saved.count) bytes is used")
            }
            // A byte changed inside a record: that record is parsed, the others are kept.
            var damaged = saved
            damaged[saved.count - 40] ^= 0x5A
            try damaged.write(to: url)
            let counts = Self.loadCounts(root, output)
            #expect(counts.parsed == 1, "\(counts)")

            // Random damage anywhere (index included): never a crash, and a record
            // still found is the one the file gives when parsed.
            var rng = SplitMix64(seed: 15)
            let parsedLoad = ContentLoader.loadParts(portalAt: root)
            for round in 0..<150 {
                var bytes = saved
                for _ in 0...(round % 4) {
                    let at = Int(rng.next() % UInt64(bytes.count))
                    bytes[at] = UInt8(truncatingIfNeeded: rng.next())
                }
                if round % 5 == 0 { bytes = bytes.prefix(Int(rng.next() % UInt64(bytes.count))) }
                try bytes.write(to: url)
                let store = RecordStore(folder: folder)
                let loaded = ContentLoader.loadParts(portalAt: root, store: store)
                #expect(loaded.diagnostics == parsedLoad.diagnostics, "round \(round)")
                #expect(loaded.portal?.projects.elementsEqual(parsedLoad.portal?.projects ?? []) ?? false, "round \(round)")
                #expect(loaded.portal?.reports.elementsEqual(parsedLoad.portal?.reports ?? []) ?? false, "round \(round)")
            }

            // Each damaged store, then a build: its output equals a clean build's.
            let projects = root.appendingPathComponent("content/projects")
            let name = try #require(try FileManager.default.contentsOfDirectory(atPath: projects.path).sorted().first)
            for (index, bytes) in [damaged, saved.prefix(saved.count / 2), Data("garbage".utf8)].enumerated() {
                try bytes.write(to: url)
                try Self.edit(projects.appendingPathComponent(name)) { $0 + "\nOdstavec \(index).\n" }
                _ = try Self.expectSameAsClean(root, output, tmp, after: "damaged store \(index)")
            }
        }
    }
}
