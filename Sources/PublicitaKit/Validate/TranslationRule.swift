/// A translation (`translation_of: <slug>`) must name a record of the same kind
/// that is not itself a translation, be in another language than it, be the only
/// translation of it into that language, and (a project) carry the same
/// registration number.
enum TranslationRule: PortalRule {
    /// One kind of record, as the rule sees it.
    private struct Record {
        var source: RecordSource
        var registrationNumber: Located<String>? = nil
    }

    static func check(_ site: Site, projects: ProjectChecks) -> [Diagnostic] {
        let portal = site.portal
        let language = portal.config.language
        // An original whose file failed to load has its own error; the translation adds none.
        let failed = Set(portal.failedRecords.values)
        var diagnostics: [Diagnostic] = []
        // Only translations can be wrong, and most portals have no project translated:
        // skipping the portal-wide index then matters to `serve`, which asks after every edit.
        if portal.projects.contains(where: { $0.source.translationOf != nil }) {
            diagnostics += check(portal.projects.map { Record(source: $0.source, registrationNumber: $0.registrationNumber) },
                             kind: LocalizedText(cs: "projekt", en: "project"), folder: "content/projects", language: language, failed: failed)
        }
        diagnostics += check(portal.reports.map { Record(source: $0.source) },
                             kind: LocalizedText(cs: "zpráva", en: "report"), folder: "content/reports", language: language, failed: failed)
        diagnostics += check(portal.pages.map { Record(source: $0.source) },
                             kind: LocalizedText(cs: "stránka", en: "page"), folder: "content/pages", language: language, failed: failed)
        diagnostics += check(portal.news.map { Record(source: $0.source) },
                             kind: LocalizedText(cs: "aktualita", en: "news item"), folder: "content/news", language: language, failed: failed)
        return diagnostics
    }

    private static func check(_ records: [Record], kind: LocalizedText, folder: String, language: Language,
                              failed: Set<String>) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var bySlug: [String: Record] = [:]
        for record in records where bySlug[record.source.slug.value] == nil { bySlug[record.source.slug.value] = record }
        var claimed: [String: String] = [:]  // "<original slug> <language>" → the translation's file
        for record in records {
            guard let target = record.source.translationOf else { continue }
            let ownLanguage = record.source.language(default: language)
            guard let original = bySlug[target.value] else {
                if failed.contains("\(folder)/\(target.value).md") { continue }
                let nearest = NearestName.find(for: target.value, among: records.filter { $0.source.translationOf == nil }.map(\.source.slug.value))
                diagnostics.append(.error(
                    .translationUnknown, at: target.location, field: "translation_of",
                    LocalizedText(cs: "translation_of: \(kind.cs) s adresou „\(target.value)“ v \(folder)/ není",
                                  en: "translation_of: there is no \(kind.en) with the slug \"\(target.value)\" in \(folder)/"),
                    found: target.value,
                    suggestion: nearest.map { LocalizedText(cs: "myslíte „\($0)“?", en: "did you mean \"\($0)\"?") }
                        ?? LocalizedText(cs: "napište adresu (název souboru bez .md) překládaného záznamu téhož druhu",
                                         en: "write the slug (the file name without .md) of the translated record of the same kind")))
                continue
            }
            if original.source.slug.value == record.source.slug.value || original.source.translationOf != nil {
                let root = original.source.translationOf?.value
                diagnostics.append(.error(
                    .translationChain, at: target.location, field: "translation_of",
                    original.source.slug.value == record.source.slug.value
                        ? LocalizedText(cs: "záznam nemůže být překladem sám sebe", en: "a record cannot be a translation of itself")
                        : LocalizedText(cs: "\(original.source.file) je sám překladem (translation_of: \(root ?? "")); překlad musí odkazovat na původní záznam",
                                        en: "\(original.source.file) is itself a translation (translation_of: \(root ?? "")); a translation must name the original record"),
                    found: target.value,
                    suggestion: root.map { LocalizedText(cs: "napište translation_of: \($0)", en: "write translation_of: \($0)") }
                        ?? LocalizedText(cs: "uveďte adresu záznamu v jiném jazyce", en: "name the record in the other language")))
                continue
            }
            let originalLanguage = original.source.language(default: language)
            if originalLanguage == ownLanguage {
                let other = Language.allCases.first { $0 != originalLanguage } ?? .en
                diagnostics.append(.error(
                    .translationLanguage, at: record.source.language?.location ?? target.location,
                    field: record.source.language == nil ? "translation_of" : "lang",
                    LocalizedText(cs: "překlad je ve stejném jazyce (\(ownLanguage.rawValue)) jako \(original.source.file)",
                                  en: "the translation is in the same language (\(ownLanguage.rawValue)) as \(original.source.file)"),
                    expected: other.rawValue, found: ownLanguage.rawValue,
                    suggestion: LocalizedText(cs: "doplňte jazyk překladu: lang: \(other.rawValue)", en: "give the translation's language: lang: \(other.rawValue)")))
                continue
            }
            let key = "\(target.value) \(ownLanguage.rawValue)"
            if let first = claimed[key] {
                diagnostics.append(.error(
                    .translationDuplicate, at: target.location, field: "translation_of",
                    LocalizedText(cs: "\(original.source.file) už má překlad do jazyka \(ownLanguage.rawValue): \(first)",
                                  en: "\(original.source.file) already has a translation into \(ownLanguage.rawValue): \(first)"),
                    found: target.value,
                    suggestion: LocalizedText(cs: "ponechte jeden překlad do každého jazyka", en: "keep one translation per language")))
                continue
            }
            claimed[key] = record.source.file
            if let number = record.registrationNumber, let expected = original.registrationNumber,
               RegistrationNumber.standardForm(of: number.value) != RegistrationNumber.standardForm(of: expected.value) {
                diagnostics.append(.error(
                    .translationRegistration, at: number.location, field: "registration_number",
                    LocalizedText(cs: "překlad má jiné registrační číslo než \(original.source.file)",
                                  en: "the translation has another registration number than \(original.source.file)"),
                    expected: RegistrationNumber.standardForm(of: expected.value), found: number.value,
                    suggestion: LocalizedText(cs: "překlad popisuje týž projekt: opište registrační číslo z původního záznamu",
                                              en: "a translation describes the same project: copy the original's registration number")))
            }
        }
        return diagnostics
    }
}
