import Foundation
import Testing

/// action.yml and docs/ci/*.yml are ready CI files: they parse as YAML, check before they build,
/// publish only from the default branch, and keep the rules that make them safe to copy
/// (scripts/lint-ci lints them against GitHub's and GitLab's schemas).
@Suite("Publishing CI files")
struct PublishingDocsTests {
    private static func load(_ path: String) throws -> [String: Any] {
        let text = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent(path), encoding: .utf8)
        return try #require(try TestYAML.load(text) as? [String: Any], "\(path) is not a YAML mapping")
    }

    private static func map(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }

    @Test func actionDownloadsTheReleaseThenChecksAndBuilds() throws {
        let action = try Self.load("action.yml")
        let runs = Self.map(action["runs"])
        #expect(runs["using"] as? String == "composite")
        let steps = try #require(runs["steps"] as? [[String: Any]])
        let scripts = steps.map { $0["run"] as? String ?? "" }
        let fetch = try #require(scripts.firstIndex { $0.contains("scripts/fetch-release") }, "the release download")
        let source = try #require(scripts.firstIndex { $0.contains("swift build -c release --product publicita") }, "the source fallback")
        let check = try #require(scripts.firstIndex { $0.contains(" check ") && $0.contains("--format github") }, "the check step")
        let build = try #require(scripts.firstIndex { $0.contains("(build ") }, "the build step")
        #expect(fetch < source && source < check && check < build)
        #expect(steps[source]["if"] as? String == "steps.release.outputs.binary == ''", "source build only without a release binary")
        let cache = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/cache@") == true })
        #expect(cache["if"] as? String == "steps.release.outputs.binary == ''")
        let inputs = Self.map(action["inputs"])
        for name in ["portal", "version", "check-args", "build-args", "base-url", "output", "repository"] {
            #expect(inputs[name] != nil, "input \(name)")
        }
        #expect(Self.map(action["outputs"])["site-path"] != nil)
        #expect(Self.map(action["outputs"])["version"] != nil)
    }

    @Test func gitHubPagesRecipeUsesTheActionAndDeploysSafely() throws {
        let workflow = try Self.load("docs/ci/github-pages.yml")
        let on = Self.map(workflow["on"])
        #expect(on["pull_request"] != nil && on["workflow_dispatch"] != nil)
        let schedule = try #require(on["schedule"] as? [[String: Any]], "a daily schedule")
        #expect(schedule.first?["cron"] as? String != nil)
        let jobs = Self.map(workflow["jobs"])
        let steps = try #require(Self.map(jobs["build"])["steps"] as? [[String: Any]])
        let uses = steps.compactMap { $0["uses"] as? String }
        #expect(uses.contains { $0.hasSuffix("/publicita@v1") })
        let publicita = try #require(steps.first { ($0["uses"] as? String)?.hasSuffix("/publicita@v1") == true })
        #expect(Self.map(publicita["with"])["base-url"] as? String == "${{ steps.pages.outputs.base_url }}")
        #expect(uses.contains { $0.hasPrefix("actions/configure-pages@v5") })
        let pagesArtifact = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-pages-artifact@") == true })
        #expect(pagesArtifact["if"] as? String == "github.event_name != 'pull_request'")
        let preview = try #require(steps.first { ($0["uses"] as? String)?.hasPrefix("actions/upload-artifact@") == true })
        #expect(preview["if"] as? String == "github.event_name == 'pull_request'")
        let deploy = Self.map(jobs["deploy"])
        #expect((deploy["if"] as? String)?.contains("github.event_name != 'pull_request'") == true)
        #expect(Self.map(deploy["permissions"])["pages"] as? String == "write")
        #expect(Self.map(deploy["permissions"])["id-token"] as? String == "write")
        #expect(Self.map(deploy["concurrency"])["group"] as? String == "pages")
        #expect(Self.map(deploy["concurrency"])["cancel-in-progress"] as? Bool == false)
        #expect(Self.map(workflow["permissions"])["pages"] == nil, "write access only in the deploy job")
    }

    @Test func gitLabRecipePublishesTheDefaultBranchOnTheFreeTier() throws {
        let pipeline = try Self.load("docs/ci/gitlab-ci.yml")
        let workflowRules = try #require(Self.map(pipeline["workflow"])["rules"] as? [[String: Any]], "workflow:rules")
        #expect(workflowRules.contains { $0["when"] as? String == "never" }, "a branch with an open merge request runs no branch pipeline")
        let pages = Self.map(pipeline["pages"])
        #expect((pages["rules"] as? [[String: Any]])?.first?["if"] as? String == "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH")
        let script = try #require(pages["script"] as? [String])
        let check = try #require(script.firstIndex { $0.contains("check") }, "the check step")
        let build = try #require(script.firstIndex { $0.contains("build") && $0.contains("--output public") }, "the build into public/")
        #expect(check < build)
        #expect(script[build].contains("--base-url \"${CI_PAGES_URL%/}/\""), "CI_PAGES_URL as it is: no second prefix")
        #expect(Self.map(pages["artifacts"])["paths"] as? [String] == ["public"])
        #expect(pipeline.keys.allSatisfy { Self.map(pipeline[$0])["pages"] == nil }, "no path_prefix job outside the paid tiers")
        let mergeRequest = Self.map(pipeline["check"])
        #expect((mergeRequest["script"] as? [String])?.contains { $0.contains("--relative-links") } == true)
        #expect(Self.map(mergeRequest["artifacts"])["expose_as"] as? String != nil)
        let before = Self.map(pipeline[".publicita"])["before_script"] as? [String] ?? []
        #expect(before.contains { $0.contains("sha256sum -c") }, "the download is checked")
    }

    @Test func publishingGuideNamesTheFiles() throws {
        let guide = try String(contentsOf: TestPaths.repositoryRoot.appendingPathComponent("docs/publishing.md"), encoding: .utf8)
        for needle in ["ci/github-pages.yml", "ci/gitlab-ci.yml", "publicita@v1", "--format github", "--base-url",
                       "--relative-links", "schedule", "path_prefix", "sha256sum", "libcmark-dev", "libyaml-dev", "libjemalloc-dev"] {
            #expect(guide.contains(needle), "docs/publishing.md mentions \(needle)")
        }
    }
}
