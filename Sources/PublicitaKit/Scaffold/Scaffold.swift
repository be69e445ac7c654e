import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `publicita new`: commented template records and a fresh, buildable portal,
/// written from the same field specifications the loader checks against.
public enum Scaffold {
    /// What `publicita new` can create.
    public enum Kind: String, Sendable, CaseIterable {
        case project, report, page, news, portal

        /// The content folder of a record kind (nil for `portal`).
        public var contentKind: ContentKind? {
            switch self {
            case .project: return .projects
            case .report: return .reports
            case .page: return .pages
            case .news: return .news
            case .portal: return nil
            }
        }
    }

    // MARK: Records

    /// The template of a new record of `kind`: front matter with every field and
    /// its description, required fields marked `# TODO` (they fail `publicita check`
    /// until filled in), and a body with guidance in an HTML comment (which the
    /// site never shows). `values` fills fields by path instead (`budget.total`).
    public static func recordTemplate(_ kind: ContentKind, values: [String: String] = [:], body: String? = nil) -> String {
        var writer = TemplateWriter(values: values, listItems: listItems(kind))
        writer.write(spec(kind), indent: 0, path: "")
        var text = "---\n"
        text += "# yaml-language-server: $schema=../../schema/\(SchemaGenerator.fileName(for: kind))\n"
        text += header(kind).map { "# " + $0 + "\n" }.joined()
        text += "\n" + writer.lines.joined(separator: "\n") + "\n---\n"
        text += body ?? defaultBody(kind)
        return text
    }

    /// The field specification of a record kind.
    static func spec(_ kind: ContentKind) -> ObjectSpec {
        switch kind {
        case .projects: return Project.spec
        case .reports: return Report.spec
        case .pages: return Page.spec
        case .news: return NewsItem.spec
        }
    }

    /// Lists of mappings a new record of `kind` writes out (the others are commented-out examples).
    static func listItems(_ kind: ContentKind) -> [String: Int] {
        switch kind {
        case .projects: return ["budget.sources": 2, "contacts": 1]
        default: return [:]
        }
    }

    /// Values a new record starts with (the kinds of the two budget sources).
    static func startingValues(_ kind: ContentKind) -> [String: String] {
        switch kind {
        case .projects: return ["budget.sources[0].kind": "eu", "budget.sources[1].kind": "own"]
        default: return [:]
        }
    }

    private static func header(_ kind: ContentKind) -> [String] {
        let what: String
        switch kind {
        case .projects: what = "Projekt spolufinancovaný z EU"
        case .reports: what = "Zpráva (evaluační nebo závěrečná)"
        case .pages: what = "Volná stránka"
        case .news: what = "Aktualita"
        }
        return [
            "\(what). Vyplňte pole označená „TODO: povinné“ (hodnotu napište za dvojtečku),",
            "nepovinná pole doplňte, nebo nechte prázdná či smažte. Pak spusťte: publicita check",
            "Celý formát: docs/content-format.md v repozitáři publicita.",
        ]
    }

    private static func defaultBody(_ kind: ContentKind) -> String {
        switch kind {
        case .projects:
            return """
                <!-- TODO: Sem napište text projektu v Markdownu: jaký problém řeší, pro koho je
                a co se v něm děje. Oddíly „## Cíle projektu“ a „## Výsledky“ se počítají jako cíle
                a výsledky projektu (pokud nejsou v polích goals a results). Úsek v jiném jazyce
                označte [text](lang:en), aby ho odečítače obrazovky vyslovily správně. Tento komentář
                se na webu nezobrazí; po napsání textu ho smažte. -->

                """
        case .reports:
            return """
                <!-- TODO: Sem napište text zprávy v Markdownu. Tabulku z pole tables umístíte
                do textu blokem:

                ```table <id tabulky>
                ```

                Tabulky, které v textu nejsou, se zobrazí za ním. Tento komentář se na webu nezobrazí. -->

                """
        case .pages:
            return "<!-- TODO: Sem napište text stránky v Markdownu. Tento komentář se na webu nezobrazí. -->\n"
        case .news:
            return "<!-- TODO: Sem napište text aktuality v Markdownu. Tento komentář se na webu nezobrazí. -->\n"
        }
    }

    /// Writes a new record template to `content/<kind>/<slug>.md` of the portal in
    /// `portal` and returns its URL. Refuses an invalid slug, a folder without
    /// `portal.yaml` and an existing file (which is left untouched).
    @discardableResult
    public static func createRecord(_ kind: ContentKind, slug: String, portal: URL) throws(ScaffoldError) -> URL {
        guard Slug.isValid(slug) else { throw .invalidSlug(slug, suggestion: Slug.make(from: slug)) }
        guard FileManager.default.fileExists(atPath: portal.appendingPathComponent("portal.yaml").path) else {
            throw .notAPortal(portal.path)
        }
        let relative = "content/\(kind.rawValue)/\(slug).md"
        // Nothing is written through a link: a linked folder could lead anywhere, and
        // the loader would not read a record there anyway.
        let files = PortalFiles(root: portal)
        for folder in ["content", "content/\(kind.rawValue)"] {
            guard let entry = files.entry(folder) else { break }
            if (entry.info.st_mode & S_IFMT) == S_IFLNK {
                throw .link(folder, target: PortalFiles.linkTarget(files.root + "/" + folder))
            }
        }
        let url = portal.appendingPathComponent(relative)
        try writeNew(recordTemplate(kind, values: startingValues(kind)), to: url, display: relative)
        return url
    }

    // MARK: A new portal

    /// Creates a fresh portal in `folder` (created when missing; refused when not
    /// empty): `portal.yaml`, an example project that passes `publicita check`, an
    /// about page, empty `static/` and `templates/`, `.gitignore`, `README.md` and
    /// the JSON Schema files in `schema/`. Returns the files written, relative.
    @discardableResult
    public static func createPortal(at folder: URL, today: Day = .today) throws(ScaffoldError) -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notEmpty(folder.path) }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else { throw .notEmpty(folder.path) }
        }
        var files: [(String, String)] = [
            ("portal.yaml", portalYAML(today: today)),
            ("content/projects/ukazkovy-projekt.md", exampleProject),
            ("content/pages/o-portalu.md", aboutPage),
            ("templates/README.md", "Sem patří vlastní šablony Mustache: soubor se stejným jménem jako vestavěná šablona (např. project.mustache) ji nahradí.\n"),
            (".gitignore", "# vygenerovaný web a dočasné složky publicita\n/site/\n/.site.*\n/.publicita-*\n"),
            ("README.md", portalReadme),
        ]
        files += SchemaGenerator.generateAll().map { ("schema/\($0.name)", $0.text) }
        for (path, text) in files {
            try writeNew(text, to: folder.appendingPathComponent(path), display: path)
        }
        do {
            try manager.createDirectory(at: folder.appendingPathComponent("static"), withIntermediateDirectories: true)
        } catch {
            throw .write("static/", error.localizedDescription)
        }
        return files.map(\.0) + ["static/"]
    }

    /// `portal.yaml` of a new portal, every field commented.
    static func portalYAML(today: Day) -> String {
        var writer = TemplateWriter(values: [
            "title": "Projekty města",
            "description": "Projekty města spolufinancované Evropskou unií.",
            "base_url": "https://projekty.example.cz/",
            "language": "cs",
            "publisher.name": "Město Příklad",
            "publisher.url": "https://www.example.cz/",
            "accessibility.contact_email": "pristupnost@example.cz",
            "accessibility.statement_date": today.iso,
            "accessibility.status": "partial",
            "accessibility.method": "self-assessment",
        ])
        writer.write(PortalConfig.spec, indent: 0, path: "")
        return """
            # yaml-language-server: $schema=schema/portal.schema.json
            # Nastavení portálu. Hodnoty jsou ukázkové: přepište je údaji svého úřadu.
            # Celý formát: docs/content-format.md v repozitáři publicita.


            """ + writer.lines.joined(separator: "\n") + "\n"
    }

    /// The example project's registration number.
    static let exampleRegistrationNumber = "CZ.03.2.60/0.0/0.0/99_999/0000001"

    /// The example project of a new portal: the project template, filled in.
    static var exampleProject: String {
        recordTemplate(.projects, values: [
            "title": "Ukázkový projekt",
            // Of the real shape but plainly made up (call 99_999, project 1): no real project's number.
            "registration_number": Self.exampleRegistrationNumber,
            "programme": "Operační program Zaměstnanost",
            "beneficiary": "Město Příklad",
            "city": "Příklad",
            "summary": "Ukázkový záznam nového portálu; nahraďte ho skutečným projektem.",
            "period.start": "2018-03-01",
            "period.end": "2021-02-28",
            "period.duration_months": "36",
            "budget.currency": "CZK",
            "budget.total": "1 000 000,00 Kč",
            "budget.sources[0].name": "Evropský sociální fond",
            "budget.sources[0].kind": "eu",
            "budget.sources[0].amount": "850 000,00 Kč",
            "budget.sources[0].share": "85 %",
            "budget.sources[1].name": "Rozpočet města",
            "budget.sources[1].kind": "own",
            "budget.sources[1].amount": "150 000,00 Kč",
            "budget.sources[1].share": "15 %",
            "goals": "[Ukázat, jak vypadá záznam projektu.]",
            "results": "Ukázkový projekt ukázal, jak vypadá záznam projektu.",
            "contacts[0].name": "Jana Nováková",
            "contacts[0].role": "koordinátorka projektu",
            "contacts[0].email": "jana.novakova@example.cz",
        ], body: """
            Ukázkový projekt nového portálu. Nahraďte ho skutečným projektem:
            `publicita new project <adresa>` vytvoří prázdnou šablonu.

            """)
    }

    static let aboutPage = """
        ---
        # yaml-language-server: $schema=../../schema/page.schema.json
        title: O portálu
        summary: Co portál zveřejňuje a proč.
        # Pořadí v hlavní navigaci.
        order: 1
        ---
        Portál zveřejňuje projekty města spolufinancované Evropskou unií: jejich cíle,
        období, rozpočet a podíl Unie, jak to ukládají pravidla publicity.

        """

    static let portalReadme = """
        # Portál projektů (publicita)

        ```sh
        publicita check            # zkontroluje obsah
        publicita build            # zkontroluje a zapíše web do site/
        publicita new project <adresa>   # nový projekt ze šablony
        ```

        - `portal.yaml` – nastavení portálu a údaje prohlášení o přístupnosti
        - `content/projects/`, `content/reports/`, `content/pages/`, `content/news/` – záznamy (Markdown s hlavičkou YAML)
        - `static/` – soubory zkopírované na web beze změny (loga, PDF)
        - `templates/` – vlastní šablony, které nahradí vestavěné
        - `schema/` – JSON Schema pro editory (vygenerováno: `publicita schema --output schema`)

        """

    // MARK: Writing

    /// Writes `text` to a new file, creating its folder; refuses to replace anything.
    static func writeNew(_ text: String, to url: URL, display: String) throws(ScaffoldError) {
        let manager = FileManager.default
        if (try? manager.attributesOfItem(atPath: url.path)) != nil { throw .exists(display) }
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            // Created by someone else between the check and the write: still theirs.
            if (try? manager.attributesOfItem(atPath: url.path)) != nil { throw .exists(display) }
            throw .write(display, error.localizedDescription)
        }
    }
}

/// Why `publicita new` refused or failed.
public enum ScaffoldError: Error, Sendable, Equatable {
    /// The slug is not lower-case ASCII letters, digits and `-` (with a suggestion).
    case invalidSlug(String, suggestion: String)
    /// The file exists already (portal-relative path); it was not touched.
    case exists(String)
    /// The folder has no `portal.yaml`.
    case notAPortal(String)
    /// The folder for a new portal is not empty (or is a file).
    case notEmpty(String)
    /// Writing failed (path, system message).
    case write(String, String)
    /// A folder on the way is a symbolic link (portal-relative path, the link's target).
    case link(String, target: String)

    /// What went wrong, in Czech and English.
    public var message: LocalizedText {
        switch self {
        case .invalidSlug(let slug, let suggestion):
            return LocalizedText(
                cs: "adresa „\(slug)“ smí obsahovat jen malá písmena bez diakritiky, číslice a pomlčky; použijte např. „\(suggestion)“",
                en: "the slug \"\(slug)\" may only contain lower-case ASCII letters, digits and hyphens; use e.g. \"\(suggestion)\"")
        case .exists(let path):
            return LocalizedText(cs: "soubor \(path) už existuje; publicita ho nepřepíše (zvolte jinou adresu nebo soubor smažte)",
                                 en: "the file \(path) exists already; publicita does not overwrite it (choose another slug or delete the file)")
        case .notAPortal(let path):
            return LocalizedText(cs: "ve složce \(path) chybí portal.yaml; spusťte příkaz ve složce portálu nebo ji zadejte přes --portal",
                                 en: "the folder \(path) has no portal.yaml; run the command in the portal folder or pass it with --portal")
        case .notEmpty(let path):
            return LocalizedText(cs: "složka \(path) není prázdná; nový portál se zakládá jen do prázdné nebo neexistující složky",
                                 en: "the folder \(path) is not empty; a new portal is only created in an empty or missing folder")
        case .link(let path, let target):
            return LocalizedText(cs: "složka \(path) je symbolický odkaz (→ \(target)); publicita přes odkazy nezapisuje (nahraďte odkaz samotnou složkou)",
                                 en: "the folder \(path) is a symbolic link (→ \(target)); publicita does not write through links (replace the link by the folder itself)")
        case .write(let path, let reason):
            return LocalizedText(cs: "soubor \(path) nelze zapsat: \(reason)", en: "cannot write \(path): \(reason)")
        }
    }
}
