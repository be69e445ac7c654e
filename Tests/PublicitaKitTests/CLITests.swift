import Foundation
import Testing
@testable import PublicitaKit

/// Runs the built `publicita` executable as a user or a CI job would.
@Suite("Command line")
struct CLITests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The `publicita` executable next to the test bundle (the build's products folder),
    /// so that it is found whatever `--scratch-path` the tests were built with.
    static var executable: URL {
        get throws {
            var candidates: [URL] = []
            // scripts/test-release runs the slowest process tests against the release binary.
            if let binary = ProcessInfo.processInfo.environment["PUBLICITA_TEST_BINARY"] {
                candidates.append(URL(fileURLWithPath: binary))
            }
            // The test target's resource bundle lies in the products folder.
            candidates.append(Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("publicita"))
            // macOS: the .xctest bundle lies in the products folder too.
            for bundle in Bundle.allBundles where bundle.bundleURL.pathExtension == "xctest" {
                candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("publicita"))
            }
            candidates.append(TestPaths.repositoryRoot.appendingPathComponent(".build-tests/debug/publicita"))
            let found = candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
            return try #require(found, "publicita executable not found in \(candidates.map(\.path))")
        }
    }

    private func run(_ arguments: [String]) throws -> Run {
        let result = try runTool(arguments)
        return Run(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }

    @Test func versionIsPrinted() throws {
        let result = try run(["--version"])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
        #expect(result.stdout == ToolIdentity.version + "\n")
        #expect(ToolIdentity.version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+/) != nil)
    }

    @Test func checkOfTheExamplePortalSucceeds() throws {
        let result = try run(["check", TestPaths.repositoryRoot.path])
        #expect(result.status == 0, "stderr:\n\(result.stderr)")
        #expect(!result.stderr.contains("error["))
    }

    @Test func checkOfAsPublishedFails() throws {
        let result = try run(["check", try TestPaths.asPublished.path])
        #expect(result.status == 1, "stderr:\n\(result.stderr)")
        #expect(result.stderr.contains("content/projects/liberec-apk.md:"))
        #expect(result.stderr.contains("error[budget.sum]"))
        #expect(result.stderr.contains("error[regno.format]"))
        // The Liberec line points at the total's line of the fixture.
        let text = try String(contentsOf: TestPaths.asPublished.appendingPathComponent("content/projects/liberec-apk.md"), encoding: .utf8)
        let line = try #require(lineNumber(ofLineStartingWith: "total:", in: text))
        #expect(result.stderr.contains("content/projects/liberec-apk.md:\(line):"), "\(result.stderr)")
    }

    @Test func jsonFormat() throws {
        let result = try run(["check", try TestPaths.asPublished.path, "--format", "json"])
        #expect(result.status == 1)
        let data = Data(result.stdout.utf8)
        let parsed = try JSONSerialization.jsonObject(with: data)
        let items = try #require(parsed as? [[String: Any]], "stdout is not a JSON array of objects: \(result.stdout)")
        #expect(!items.isEmpty)
        for item in items {
            for key in ["severity", "rule", "file", "line", "message"] {
                #expect(item[key] != nil, "\(key) missing in \(item)")
            }
        }
        let sums = items.filter { $0["rule"] as? String == RuleID.budgetSum.rawValue }
        #expect(sums.count == 2)
        let liberec = try #require(sums.first { $0["file"] as? String == "content/projects/liberec-apk.md" })
        #expect(liberec["severity"] as? String == "error")
        #expect(liberec["expected"] as? String == "6\u{00A0}516\u{00A0}062,50\u{00A0}Kč")
        #expect((liberec["line"] as? Int ?? 0) > 0)
        #expect(items.contains { $0["rule"] as? String == RuleID.regnoFormat.rawValue && $0["file"] as? String == "content/projects/ostrava-apk.md" })
    }

    @Test func jsonFormatOfACleanPortalIsAnEmptyArrayOrWarnings() throws {
        let result = try run(["check", TestPaths.repositoryRoot.path, "--format", "json"])
        #expect(result.status == 0)
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let items = try #require(parsed as? [[String: Any]])
        #expect(items.allSatisfy { $0["severity"] as? String == "warning" })
    }

    @Test func githubFormat() throws {
        let result = try run(["check", try TestPaths.asPublished.path, "--format", "github"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.hasPrefix("::error file=") }
        #expect(errors.count >= 3, "\(result.stderr)")
        #expect(errors.contains { $0.hasPrefix("::error file=content/projects/liberec-apk.md,line=") && $0.contains("title=budget.sum") })
        // Every workflow command is on one line: no raw newline inside a message.
        for line in lines where line.hasPrefix("::") {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning "), "\(line)")
        }
    }

    @Test func failedBuildExitsOneAndWritesNothing() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site")
            let result = try run(["build", try TestPaths.asPublished.path, "--output", output.path])
            #expect(result.status == 1, "stderr:\n\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: output.path))
            #expect(try FileManager.default.contentsOfDirectory(atPath: tmp.path).isEmpty)
        }
    }

    @Test func buildOfTheExamplePortalSucceeds() throws {
        try withTemporaryDirectory { (tmp: URL) throws in
            let output = tmp.appendingPathComponent("site")
            let result = try run(["build", TestPaths.repositoryRoot.path, "--output", output.path])
            #expect(result.status == 0, "stderr:\n\(result.stderr)")
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("projekty/liberec-apk/index.html").path))
        }
    }

    @Test func missingPortalExitsTwo() throws {
        let result = try run(["check", "/nonexistent-publicita-portal"])
        #expect(result.status == 2, "stderr:\n\(result.stderr)")
        #expect(result.stderr.contains("portal.yaml"))
    }

    @Test func englishMessages() throws {
        let result = try run(["check", try TestPaths.asPublished.path, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("the funding sources add up to"))
    }

    @Test func warningsAsErrors() throws {
        // The example portal has warnings only (projects that ended without results).
        let plain = try run(["check", TestPaths.repositoryRoot.path, "--format", "json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [[String: Any]])
        let strict = try run(["check", TestPaths.repositoryRoot.path, "--warnings-as-errors"])
        #expect(strict.status == (items.isEmpty ? 0 : 1), "stderr:\n\(strict.stderr)")
    }
}
