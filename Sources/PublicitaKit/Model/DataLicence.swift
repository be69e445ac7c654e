import Foundation

/// The licence the portal's open data are published under (`licence:` in
/// `portal.yaml`, also spelled `license:`); CC BY 4.0 unless the portal names another.
///
/// Each licence covers both the texts in the data (copyright) and the database as a
/// whole (its author's and its maker's rights), so the catalogue's terms of use
/// ("podmínky užití") name the same licence for all three.
public enum DataLicence: String, Sendable, Hashable, CaseIterable {
    case ccBy40 = "CC-BY-4.0"
    case ccBySa40 = "CC-BY-SA-4.0"
    case cc010 = "CC0-1.0"

    /// The licence a portal's data get when `portal.yaml` names none.
    public static let `default` = DataLicence.ccBy40

    /// Its SPDX identifier (`CC-BY-4.0`), as `portal.yaml` and Data Package write it.
    public var identifier: String { rawValue }

    /// The licence's canonical address.
    public var url: String {
        switch self {
        case .ccBy40: return "https://creativecommons.org/licenses/by/4.0/"
        case .ccBySa40: return "https://creativecommons.org/licenses/by-sa/4.0/"
        case .cc010: return "https://creativecommons.org/publicdomain/zero/1.0/"
        }
    }

    /// Its name as the licence itself gives it.
    public var title: String {
        switch self {
        case .ccBy40: return "Creative Commons Attribution 4.0 International"
        case .ccBySa40: return "Creative Commons Attribution-ShareAlike 4.0 International"
        case .cc010: return "CC0 1.0 Universal"
        }
    }

    /// The short name a page shows (`CC BY 4.0`).
    public var shortName: String {
        switch self {
        case .ccBy40: return "CC BY 4.0"
        case .ccBySa40: return "CC BY-SA 4.0"
        case .cc010: return "CC0 1.0"
        }
    }

    /// The licence `text` names by its identifier (as the JSON Schema of `portal.yaml` lists them).
    public static func parse(_ text: String) -> DataLicence? {
        DataLicence(rawValue: text.trimmingCharacters(in: .whitespaces))
    }
}
