import Foundation
import Testing
@testable import PublicitaKit

/// `scripts/gen-corpus`, which the corpus tests, `scripts/test` and `scripts/bench`
/// build on: its portals must be the same bytes for the same seed (or the tests
/// using them are not repeatable) and valid (or they test error paths instead).
@Suite("Corpus generator")
struct CorpusGeneratorTests {
    /// Runs `scripts/gen-corpus` with `arguments` from the repository root; its exit status.
    private static func runGenerator(_ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.currentDirectoryURL = TestPaths.repositoryRoot
        process.arguments = ["python3", "scripts/gen-corpus"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOtherRecords() throws {
        try withTemporaryDirectory { tmp in
            let first = tmp.appendingPathComponent("first"), second = tmp.appendingPathComponent("second")
            let other = tmp.appendingPathComponent("other"), smaller = tmp.appendingPathComponent("smaller")
            try generateCorpus(projects: 40, into: first, seed: 11)
            try generateCorpus(projects: 40, into: second, seed: 11)
            try generateCorpus(projects: 40, into: other, seed: 12)
            try generateCorpus(projects: 10, into: smaller, seed: 11)

            let files = try snapshot(of: first)
            #expect(files.keys.filter { $0.hasPrefix("content/projects/") }.count == 40)
            #expect(try snapshot(of: second) == files, "two runs with the same seed differ")

            let otherFiles = try snapshot(of: other)
            let projects = { (files: [String: Data]) in files.filter { $0.key.hasPrefix("content/projects/") } }
            #expect(Set(projects(otherFiles).values).isDisjoint(with: projects(files).values),
                    "another seed should give other project records, not only other file names")

            // A smaller corpus with the same seed holds the first projects of the larger one, byte for byte.
            let smallerProjects = projects(try snapshot(of: smaller))
            #expect(smallerProjects.count == 10)
            for (path, data) in smallerProjects { #expect(files[path] == data, "\(path) differs from the 40-project corpus") }
        }
    }

    @Test func aGeneratedPortalLoadsAndPassesEveryRule() throws {
        try withTemporaryDirectory { tmp in
            let root = tmp.appendingPathComponent("portal")
            try generateCorpus(projects: 40, into: root)
            let (loaded, loadDiagnostics) = ContentLoader.load(portalAt: root)
            #expect(loadDiagnostics.isEmpty, "\(loadDiagnostics.prefix(3))")
            let portal = try #require(loaded)
            #expect(portal.projects.count == 40)
            #expect(portal.reports.count == 3 && portal.reports.contains { !$0.tables.isEmpty })
            #expect(portal.pages.contains { $0.source.slug.value == "o-portalu" })
            #expect(portal.news.count == 8)
            #expect(Set(portal.projects.compactMap(\.city)).count > 10, "the projects are spread over many cities")

            let outcome = runBuilder(portal: root, output: nil)
            #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.prefix(5))")
        }
    }

    @Test func forceReplacesOnlyAFolderTheGeneratorWrote() throws {
        try withTemporaryDirectory { tmp in
            let foreign = tmp.appendingPathComponent("foreign")
            try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
            let kept = foreign.appendingPathComponent("dulezite.txt")
            try Data("nesmí zmizet".utf8).write(to: kept)
            #expect(try Self.runGenerator(["3", foreign.path, "--force"]) != 0)
            #expect(FileManager.default.fileExists(atPath: kept.path), "--force deleted a folder it did not write")

            let corpus = tmp.appendingPathComponent("corpus")
            #expect(try Self.runGenerator(["3", corpus.path]) == 0)
            #expect(try Self.runGenerator(["3", corpus.path]) != 0, "an existing corpus is replaced only with --force")
            #expect(try Self.runGenerator(["5", corpus.path, "--force"]) == 0)
            #expect(relativeFiles(in: corpus).filter { $0.hasPrefix("content/projects/") }.count == 5)
        }
    }
}
