import Foundation
import Testing
import Yams

/// docs/ci/*.yml are ready CI files: they parse as YAML and run the check and the build.
@Suite("Publishing CI files")
struct PublishingDocsTests {
    private static func load(_ name: String) throws -> (text: String, yaml: [String: Any]) {
        let url = TestPaths.repositoryRoot.appendingPathComponent("docs/ci/\(name)")
        let text = try String(contentsOf: url, encoding: .utf8)
        let yaml = try #require(try Yams.load(yaml: text) as? [String: Any], "\(name) is not a YAML mapping")
        return (text, yaml)
    }

    /// Every shell line of the jobs (`run:` steps, `script:` and `before_script:` lists), joined.
    private static func commands(in value: Any) -> [String] {
        switch value {
        case let map as [String: Any]:
            return map.flatMap { key, value -> [String] in
                if ["run", "script", "before_script"].contains(key) {
                    if let text = value as? String { return [text] }
                    if let list = value as? [Any] { return list.compactMap { $0 as? String } }
                }
                return commands(in: value)
            }
        case let list as [Any]:
            return list.flatMap(commands)
        default:
            return []
        }
    }

    @Test func gitHubPagesWorkflowChecksBuildsAndDeploys() throws {
        let (_, yaml) = try Self.load("github-pages.yml")
        let jobs = try #require(yaml["jobs"] as? [String: Any])
        let build = try #require(jobs["build"] as? [String: Any])
        let steps = try #require(build["steps"] as? [[String: Any]])
        let runs = steps.compactMap { $0["run"] as? String }
        #expect(runs.contains { $0.contains("libcmark-dev") })
        #expect(runs.contains { $0.contains("swift build") && $0.contains("--product publicita") })
        let check = try #require(runs.firstIndex { $0.contains("check --format github") }, "the check step")
        let site = try #require(runs.firstIndex { $0.contains(" build --output site") }, "the build step")
        #expect(check < site, "check runs before build")
        #expect(steps.contains { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact") == true && ($0["with"] as? [String: Any])?["path"] as? String == "site" })
        let deploy = try #require(jobs["deploy"] as? [String: Any])
        #expect((deploy["steps"] as? [[String: Any]])?.contains { ($0["uses"] as? String)?.hasPrefix("actions/deploy-pages") == true } == true)
        #expect((deploy["permissions"] as? [String: Any])?["pages"] as? String == "write")
    }

    @Test func gitLabPagesPipelineChecksBuildsAndPublishes() throws {
        let (_, yaml) = try Self.load("gitlab-ci.yml")
        #expect((yaml["image"] as? String)?.hasPrefix("swift:6") == true)
        let pages = try #require(yaml["pages"] as? [String: Any])
        let all = Self.commands(in: pages)
        #expect(all.contains { $0.contains("libcmark-dev") }, "cmark is installed (anchor merged into the job)")
        #expect(all.contains { $0.contains("swift build") && $0.contains("--product publicita") })
        let script = try #require(pages["script"] as? [String])
        let check = try #require(script.firstIndex { $0.contains("check --format text") }, "the check step")
        let site = try #require(script.firstIndex { $0.contains(" build --output site") }, "the build step")
        #expect(check < site)
        #expect((pages["pages"] as? [String: Any])?["publish"] as? String == "site")
        let preview = try #require(yaml["pages-preview"] as? [String: Any])
        #expect((preview["script"] as? [String])?.contains { $0.contains("--base-url") } == true)
    }

    @Test func publishingGuideNamesTheFiles() throws {
        let guide = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/publishing.md"), encoding: .utf8)
        for needle in ["ci/github-pages.yml", "ci/gitlab-ci.yml", "--format github", "--base-url", "libcmark-dev"] {
            #expect(guide.contains(needle), "docs/publishing.md mentions \(needle)")
        }
    }
}
