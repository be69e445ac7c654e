/// A project's registration number must have the 2014–2020 or 2021–2027 form.
enum RegistrationNumberRule: ProjectRule {
    static func check(_ project: Project, today: Day) -> [Diagnostic] {
        guard let number = project.registrationNumber else { return [] }
        return check(number, field: "registration_number")
    }

    static func check(_ number: Located<String>, field: String) -> [Diagnostic] {
        do {
            _ = try RegistrationNumber.parse(number.value)
            return []
        } catch {
            return [.error(
                .regnoFormat, at: number.location, field: field, error.message,
                expected: error.correctedForm ?? "CZ.03.2.60/0.0/0.0/16_052/0007824 | CZ.03.02.01/00/22_018/0001013",
                found: number.value, suggestion: error.suggestion,
                fixIts: error.correctedForm.map { [FixIt(at: number.location, replacing: number.value, with: $0)] } ?? [])]
        }
    }
}
