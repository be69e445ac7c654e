/// A public correction must say what was published and what is correct.
enum CorrectionRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        project.corrections.enumerated().compactMap { index, correction in
            guard correction.published == nil || correction.correct == nil else { return nil }
            return .warning(
                .correctionIncomplete, at: correction.location, field: "corrections[\(index)]",
                LocalizedText(cs: "oprava musí uvést, co bylo zveřejněno (published) a co je správně (correct)",
                              en: "a correction must state what was published (published) and what is correct (correct)"))
        }
    }
}
