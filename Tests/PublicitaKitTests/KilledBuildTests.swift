import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import PublicitaKit

/// Issue 12, point 4: an incremental rebuild of a 5 000-project portal, killed with
/// SIGKILL at many points, leaves in `site/` only the old or the new version of each
/// file, no temporary file, and the next build gives exactly the clean build's site.
@Suite("Killed incremental build", .serialized)
struct KilledBuildTests {
    /// Every regular file under `folder`, relative.
    static func files(in folder: URL) -> Set<String> {
        var found: Set<String> = []
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return found }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                found.insert(relative)
            }
        }
        return found
    }

    static func same(_ a: String, _ b: String) -> Bool {
        guard let left = FileManager.default.contents(atPath: a), let right = FileManager.default.contents(atPath: b) else { return false }
        return left == right
    }

    /// The work folders a build keeps beside `site`.
    static func workFolders(beside site: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: site.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(".site.") && $0 != ".site.cache" }
    }

    // Two clean builds of 5 000 projects and eight kill-and-rebuild rounds of the debug binary.
    /// Twenty builds of 5 000 projects take minutes with a debug binary: the test runs
    /// against the release binary, from scripts/test-release (PUBLICITA_TEST_BINARY).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["PUBLICITA_TEST_BINARY"] != nil,
                   "run by scripts/test-release against the release binary"),
          .timeLimit(.minutes(10)))
    func killedAtManyPoints() throws {
        let workspace = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: workspace) }
        let portal = workspace.appendingPathComponent("portal"), site = workspace.appendingPathComponent("site")
        let referenceA = workspace.appendingPathComponent("clean-a"), referenceB = workspace.appendingPathComponent("clean-b")
        try generateCorpus(projects: 5000, into: portal, seed: 12)

        // Version B: ten projects renamed, one added (so B → A removes its pages).
        let projects = portal.appendingPathComponent("content/projects")
        let names = try FileManager.default.contentsOfDirectory(atPath: projects.path).filter { $0.hasSuffix(".md") }.sorted()
        try #require(names.count == 5000)
        let edited = stride(from: 0, to: 5000, by: 500).map { names[$0] }
        var original: [String: Data] = [:]
        for name in edited { original[name] = try Data(contentsOf: projects.appendingPathComponent(name)) }
        let model = String(decoding: try Data(contentsOf: projects.appendingPathComponent(names[1])), as: UTF8.self)
        let added = try #require(model.firstMatch(of: /registration_number: (\S+)\/\d{7}\n/).map {
            model.replacingCharacters(in: $0.range, with: "registration_number: \($0.output.1)/0999999\n")
        })
        let addedFile = projects.appendingPathComponent("pridany-projekt.md")
        func applyB() throws {
            for (number, name) in edited.enumerated() {
                let text = String(decoding: original[name]!, as: UTF8.self)
                let renamed = try #require(text.firstMatch(of: /\ntitle: [^\n]*\n/).map {
                    text.replacingCharacters(in: $0.range, with: "\ntitle: Upravený projekt \(number)\n")
                })
                try Data(renamed.utf8).write(to: projects.appendingPathComponent(name))
            }
            try Data(added.utf8).write(to: addedFile)
        }
        func applyA() throws {
            for (name, data) in original { try data.write(to: projects.appendingPathComponent(name)) }
            try? FileManager.default.removeItem(at: addedFile)
        }

        // Clean builds of both versions: the references.
        let buildA = try runTool(["build", portal.path, "--output", referenceA.path], timeout: 180)
        try #require(buildA.status == 0, "\(buildA.stderr)")
        try applyB()
        let buildB = try runTool(["build", portal.path, "--output", referenceB.path], timeout: 180)
        try #require(buildB.status == 0, "\(buildB.stderr)")
        let filesA = Self.files(in: referenceA), filesB = Self.files(in: referenceB)
        #expect(filesB.subtracting(filesA).contains("projekty/pridany-projekt/index.html"))
        // The site under test starts as A with A's build cache.
        try applyA()
        for (from, to) in [(referenceA, site), (workspace.appendingPathComponent(".clean-a.cache"), workspace.appendingPathComponent(".site.cache"))] {
            let copy = Process()
            copy.executableURL = URL(fileURLWithPath: "/bin/cp")
            copy.arguments = ["-a", from.path, to.path]
            try copy.run()
            copy.waitUntilExit()
            try #require(copy.terminationStatus == 0)
        }

        // One uninterrupted incremental build A → B, to know how long one takes and when writing starts.
        try applyB()
        let started = Date()
        let timed = try runTool(["build", portal.path, "--output", site.path], timeout: 180, environment: ["PUBLICITA_TIMINGS": "1"])
        let duration = Date().timeIntervalSince(started)
        try #require(timed.status == 0, "\(timed.stderr)")
        #expect(timed.stderr.contains("vykresleno"), "\(timed.stderr)")
        var writingStarts = duration * 0.6
        // Stage lines are "timing: <stage> <ms> ms"; writing starts after the "plan" stage.
        var elapsed = 0.0
        for line in timed.stderr.split(separator: "\n") where line.hasPrefix("timing:") {
            let parts = line.split(separator: " ")
            guard parts.count >= 3, let ms = Double(parts[parts.count - 2]) else { continue }
            elapsed += ms / 1000
            if parts[1] == "plan" { writingStarts = elapsed }
        }

        // Kill points: two during loading, the rest spread over writing and committing.
        // The last point stays short of the end: a build runs a little faster or slower each time.
        let late = (0..<6).map { writingStarts + (duration - writingStarts) * (0.05 + 0.75 * Double($0) / 5) }
        let delays = [duration * 0.15, writingStarts * 0.7] + late
        var version = "B"
        var killedMidway = 0
        for delay in delays {
            version = version == "B" ? "A" : "B"
            try version == "A" ? applyA() : applyB()
            let process = Process()
            process.executableURL = try CLITests.executable
            process.arguments = ["build", portal.path, "--output", site.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1_000_000))
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedMidway += 1 }

            // Every file is the old or the new version of a page; nothing else is in site/.
            let present = Self.files(in: site)
            #expect(present.allSatisfy { !$0.contains(".publicita-new-") && !$0.contains(".publicita-old-") }, "temporary files in site/ after a kill at \(delay) s")
            for path in present {
                let asA = filesA.contains(path) && Self.same(site.path + "/" + path, referenceA.path + "/" + path)
                let asB = !asA && filesB.contains(path) && Self.same(site.path + "/" + path, referenceB.path + "/" + path)
                #expect(asA || asB, "\(path) is neither version after a kill at \(delay) s")
            }
            let missing = filesA.intersection(filesB).subtracting(present)
            #expect(missing.isEmpty, "missing after a kill at \(delay) s: \(missing.sorted().prefix(5))")

            // The next build succeeds, clears the work folders and equals the clean build.
            let next = try runTool(["build", portal.path, "--output", site.path], timeout: 180)
            #expect(next.status == 0, "\(next.stderr)")
            let reference = version == "A" ? referenceA : referenceB
            let expected = version == "A" ? filesA : filesB
            let now = Self.files(in: site)
            #expect(now == expected, "after a kill at \(delay) s: extra \(now.subtracting(expected).sorted().prefix(5)), missing \(expected.subtracting(now).sorted().prefix(5))")
            let differing = now.intersection(expected).filter { !Self.same(site.path + "/" + $0, reference.path + "/" + $0) }
            #expect(differing.isEmpty, "after a kill at \(delay) s these differ from a clean build: \(differing.sorted().prefix(5))")
            let left = try Self.workFolders(beside: site)
            #expect(left.isEmpty, "work folders left beside the site: \(left)")
        }
        // The kills did land inside builds, not after them.
        #expect(killedMidway >= delays.count / 2, "only \(killedMidway) of \(delays.count) builds were killed before they ended")
    }
}
