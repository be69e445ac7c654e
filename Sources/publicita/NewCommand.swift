import ArgumentParser
import Foundation
import PublicitaKit

extension Scaffold.Kind: ExpressibleByArgument {}

extension Publicita {
    /// `publicita new`
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Creates a commented template record (content/<kind>s/<slug>.md) or a new portal.",
            discussion: """
                publicita new project|report|page|news <slug> [--portal DIR]
                publicita new portal DIR

                A record template lists every field with its description; required fields are \
                marked TODO and fail `publicita check` until filled in. Existing files are never overwritten.
                """)

        @Argument(help: "What to create: project, report, page, news or portal.")
        var kind: Scaffold.Kind

        @Argument(help: "The new record's slug (its file name and address), or the folder of a new portal.")
        var name: String

        @Option(help: "The portal folder (holds portal.yaml; default: the current folder or the nearest parent holding one); not used with `new portal`.")
        var portal: String?

        @Option(help: "Language of messages: cs or en.")
        var lang: Language = .cs

        func run() throws {
            do {
                if let contentKind = kind.contentKind {
                    let portalURL = PortalLocation.resolve(portal)
                    let url = try Scaffold.createRecord(contentKind, slug: name, portal: portalURL)
                    summary(LocalizedText(
                        cs: "publicita new: vytvořeno \(url.path); vyplňte pole označená TODO a spusťte publicita check",
                        en: "publicita new: created \(url.path); fill in the fields marked TODO and run publicita check"), lang)
                } else {
                    let folder = URL(fileURLWithPath: name, isDirectory: true)
                    let files = try Scaffold.createPortal(at: folder)
                    summary(LocalizedText(
                        cs: "publicita new: nový portál v \(folder.path) (\(files.count) položek); zkuste publicita build \(name)",
                        en: "publicita new: new portal in \(folder.path) (\(files.count) entries); try publicita build \(name)"), lang)
                }
            } catch {  // the scaffold throws only ScaffoldError (typed throws)
                summary(LocalizedText(cs: "publicita new: " + error.message.cs, en: "publicita new: " + error.message.en), lang)
                throw ExitCode(ExitStatus.ioProblem)
            }
        }
    }
}
