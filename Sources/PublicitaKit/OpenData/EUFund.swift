import Foundation

/// The European Union fund that co-finances a project: what a reader of the
/// structured data needs to know beside "the European Union", and what the EU
/// source's name in the record ("Příspěvek EU", "EU ESF") often does not say.
enum EUFund: String, CaseIterable, Sendable {
    case esf, esfPlus, erdf, cohesion, justTransition

    /// The key of the fund's name in the UI strings (`eu_fund_esf_plus`).
    var stringKey: String {
        switch self {
        case .esf: return "eu_fund_esf"
        case .esfPlus: return "eu_fund_esf_plus"
        case .erdf: return "eu_fund_erdf"
        case .cohesion: return "eu_fund_cf"
        case .justTransition: return "eu_fund_jtf"
        }
    }

    /// The funds of a project: those its EU sources name, else the fund of its
    /// programme when the registration number names a programme paid from one fund
    /// only; empty when neither tells.
    static func funds(of project: Project) -> [EUFund] {
        let names = project.budget?.sources.filter { $0.kind == .eu }.map(\.name) ?? []
        var found: [EUFund] = []
        for fund in names.compactMap(named) where !found.contains(fund) { found.append(fund) }
        if !found.isEmpty { return found }
        guard let text = project.registrationNumber?.value, let number = try? RegistrationNumber.parse(text) else { return [] }
        return singleFund(programmeCode: number.programmeCode, period: number.programmingPeriod).map { [$0] } ?? []
    }

    /// The fund a source's name names, in Czech or English, in full or by its abbreviation.
    static func named(_ name: String) -> EUFund? {
        let folded = folded(name)
        let words = Set(folded.split { !$0.isLetter && $0 != "+" }.map(String.init))
        let plus = words.contains("plus") || words.contains("esf+") || folded.contains("esf +")
        if folded.contains("socialni fond") || folded.contains("social fund") || words.contains("esf") || words.contains("esf+") {
            return plus ? .esfPlus : .esf
        }
        if folded.contains("regionalni rozvoj") || folded.contains("regional development") || words.contains("efrr") || words.contains("erdf") {
            return .erdf
        }
        if folded.contains("fond soudrznosti") || folded.contains("cohesion fund") || words.contains("fs") || words.contains("cf") {
            return .cohesion
        }
        if folded.contains("spravedlivou transformaci") || folded.contains("just transition") || words.contains("fst") || words.contains("jtf") {
            return .justTransition
        }
        return nil
    }

    /// `text` lower-cased without its diacritics. Names in ASCII and Czech letters
    /// are folded by the slugs' table of Czech letters; Foundation's folding, which
    /// gives the same for them, is far slower and does the rest.
    static func folded(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: bytes.append(UInt8(scalar.value) + 0x20)
            case 0...0x7F: bytes.append(UInt8(scalar.value))
            default:
                guard let base = Slug.czechBaseLetters[scalar] else {
                    return text.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
                }
                bytes.append(base)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The one fund of a Czech operational programme, by the two digits after `CZ.`;
    /// nil for programmes paid from several funds (OP VVV, OP JAK, OPŽP, OP Doprava…).
    static func singleFund(programmeCode: String, period: ProgrammingPeriod) -> EUFund? {
        switch programmeCode {
        case "03": return period == .p2014_2020 ? .esf : .esfPlus  // OP Zaměstnanost, OP Zaměstnanost plus
        case "01", "06": return .erdf  // OP PIK / OP TAK, IROP
        default: return nil
        }
    }
}
