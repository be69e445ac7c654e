import ArgumentParser
import Foundation
import PublicitaKit

/// `publicita`: builds and checks transparency portals of EU-co-funded projects.
@main
struct Publicita: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publicita",
        abstract: "Builds and checks transparency portals of EU-co-funded projects.",
        version: ToolIdentity.version,
        subcommands: [Build.self, Check.self, Rules.self, Serve.self, Schema.self, New.self, BenchEdit.self, BenchFloor.self],
        defaultSubcommand: Build.self)
}

/// Options shared by `build` and `check`.
struct PortalOptions: ParsableArguments {
    @Argument(help: "The portal folder (holds portal.yaml; default: the current folder or the nearest parent holding one).")
    var portal: String?

    @Option(help: "How to print diagnostics: text, json or github.")
    var format: DiagnosticFormat = .text

    @Option(help: "Language of messages: cs or en (default: the portal's language).")
    var lang: Language?

    @Flag(help: "Treat warnings as errors.")
    var warningsAsErrors = false

    var portalURL: URL { PortalLocation.resolve(portal) }
}

extension DiagnosticFormat: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}

/// Exit codes: 0 success, 1 content errors, 2 usage or I/O problems.
enum ExitStatus {
    static let contentErrors: Int32 = 1
    static let ioProblem: Int32 = 2

    static func of(_ verdict: SeverityPolicy.Verdict) -> Int32 {
        switch verdict {
        case .passed: 0
        case .contentErrors: contentErrors
        case .fileSystemProblem: ioProblem
        }
    }
}

/// Prints diagnostics and returns the exit code for them.
func report(_ outcome: Builder.Outcome, options: PortalOptions) -> Int32 {
    let policy = SeverityPolicy(warningsAsErrors: options.warningsAsErrors)
    let diagnostics = policy.apply(to: outcome.diagnostics)
    let language = options.lang ?? outcome.language
    let rendered = options.format.render(diagnostics, language: language)
    if !rendered.isEmpty {
        // Tools read JSON from standard output; people and CI read the rest from standard error.
        if options.format == .json {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        } else {
            FileHandle.standardError.write(Data(rendered.utf8))
        }
    }
    return ExitStatus.of(policy.verdict(outcome.diagnostics))
}

func summary(_ text: LocalizedText, _ language: Language) {
    FileHandle.standardError.write(Data((text.text(in: language) + "\n").utf8))
}

extension Publicita {
    /// `publicita build`
    struct Build: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Checks the portal and writes the website (default: PORTAL/site).")

        @OptionGroup var options: PortalOptions

        @Option(help: "The output folder (default: PORTAL/site).")
        var output: String?

        @Option(name: .customLong("base-url"),
                help: "The address the site is published at, in place of portal.yaml's base_url (for preview deployments).")
        var baseURL: String?

        @Flag(name: .customLong("relative-links"),
              help: "Write every internal address relative to its page, so the site works opened from disk (as relative_links: true in portal.yaml).")
        var relativeLinks = false

        func run() throws {
            let started = Date()
            if let baseURL, case .failure(let problem) = BaseURL.parse(baseURL.hasSuffix("/") ? baseURL : baseURL + "/") {
                summary(LocalizedText(cs: "publicita: --base-url: \(problem.message.cs)", en: "publicita: --base-url: \(problem.message.en)"),
                        options.lang ?? .cs)
                throw ExitCode(ExitStatus.ioProblem)
            }
            let portalURL = options.portalURL
            let outputURL = output.map { URL(fileURLWithPath: $0, isDirectory: true) }
                ?? portalURL.appendingPathComponent("site", isDirectory: true)
            // Whether "unchanged" can be said of a failed build: only of a site that exists.
            let siteExisted = FileManager.default.fileExists(atPath: outputURL.appendingPathComponent(SiteWriter.markerFile).path)
            let outcome = Builder.run(.init(portalRoot: portalURL, output: outputURL, baseURL: baseURL, relativeLinks: relativeLinks))
            let language = options.lang ?? outcome.language
            let status = report(outcome, options: options)
            let warnings = outcome.diagnostics.filter { $0.severity == .warning }.count
            let errors = outcome.diagnostics.filter { $0.severity == .error }.count
            let seconds = String(format: "%.2f", Date().timeIntervalSince(started))
            if status == 0 && outcome.upToDate {
                summary(LocalizedText(
                    cs: "publicita: web v \(outputURL.path) je aktuální (\(outcome.pagesWritten) souborů), varování: \(warnings), čas \(seconds) s",
                    en: "publicita: the site in \(outputURL.path) is up to date (\(outcome.pagesWritten) files), warnings: \(warnings), time \(seconds) s"), language)
            } else if status == 0 {
                summary(LocalizedText(
                    cs: "publicita: \(outcome.pagesWritten) stránek v \(outputURL.path) (vykresleno \(outcome.pagesRendered)), varování: \(warnings), čas \(seconds) s",
                    en: "publicita: \(outcome.pagesWritten) pages in \(outputURL.path) (\(outcome.pagesRendered) rendered), warnings: \(warnings), time \(seconds) s"), language)
            } else if siteExisted {
                summary(LocalizedText(
                    cs: "publicita: sestavení selhalo (chyby: \(errors), varování: \(warnings)); web v \(outputURL.path) zůstal beze změny",
                    en: "publicita: build failed (errors: \(errors), warnings: \(warnings)); the site in \(outputURL.path) is unchanged"), language)
            } else {
                summary(LocalizedText(
                    cs: "publicita: sestavení selhalo (chyby: \(errors), varování: \(warnings)); do \(outputURL.path) se nic nezapsalo",
                    en: "publicita: build failed (errors: \(errors), warnings: \(warnings)); nothing was written to \(outputURL.path)"), language)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `publicita check`
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Runs every rule over the portal without writing anything.")

        @OptionGroup var options: PortalOptions

        func run() throws {
            let outcome = Builder.run(.init(portalRoot: options.portalURL, output: nil))
            let status = report(outcome, options: options)
            if options.format == .text {
                let errors = outcome.diagnostics.filter { $0.severity == .error }.count
                let warnings = outcome.diagnostics.count - errors
                summary(LocalizedText(cs: "publicita check: chyby: \(errors), varování: \(warnings)",
                                      en: "publicita check: errors: \(errors), warnings: \(warnings)"), options.lang ?? outcome.language)
            }
            if status != 0 { throw ExitCode(status) }
        }
    }

    /// `publicita rules`
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lists every rule with an example message and the fix (Markdown).")

        @Option(help: "Language: cs or en.")
        var lang: Language = .cs

        func run() throws {
            print(RuleCatalog.markdown(lang), terminator: "")
        }
    }
}
