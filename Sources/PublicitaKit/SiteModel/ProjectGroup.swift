import Foundation

/// Where a project stands on a given day.
public enum ProjectStatus: String, Sendable, Hashable, CaseIterable {
    /// Started and not yet ended (or with no end given).
    case running
    /// Not started yet.
    case planned
    /// Its period ended before the day.
    case finished

    /// The URL slug (`/stav/probihajici/`).
    public var slug: String {
        switch self {
        case .running: return "probihajici"
        case .planned: return "pripravovane"
        case .finished: return "ukoncene"
        }
    }

    /// The status of a project with `period` on `today`; nil when its period was not published.
    public static func of(_ period: Period?, on today: Day) -> ProjectStatus? {
        guard let start = period?.start?.value else { return nil }
        if today < start { return .planned }
        if let end = period?.end?.value, end < today { return .finished }
        return .running
    }
}

/// A filter page's set of projects: those of one programme, one programming
/// period or one status.
public struct ProjectGroup: Sendable, Hashable {
    /// What the projects share.
    public enum Kind: Sendable, Hashable {
        case programme(String)
        case period(ProgrammingPeriod)
        case status(ProjectStatus)
    }

    /// What the projects share.
    public var kind: Kind
    /// The first page's path.
    public var path: String
    /// Indexes into the portal's projects, in portal order.
    public var projectIndexes: [Int]

    /// The path of page `page` (from 1).
    public func path(page: Int) -> String { Route.listPage(path, page) }

    /// The groups of the `listed` projects: programmes (by Czech name), then the
    /// programming periods, then the statuses on `today`; only groups with projects.
    static func groups(of portal: Portal, listed: [Int], today: Day) -> [ProjectGroup] {
        var programmes: [String: ProjectGroup] = [:]
        var periods: [ProgrammingPeriod: [Int]] = [:]
        var statuses: [ProjectStatus: [Int]] = [:]
        for index in listed {
            let project = portal.projects[index]
            if let name = project.programme {
                let slug = Slug.make(from: name)
                programmes[slug, default: ProjectGroup(kind: .programme(name), path: Route.programme(slug), projectIndexes: [])]
                    .projectIndexes.append(index)
            }
            if let period = project.programmingPeriod { periods[period, default: []].append(index) }
            if let status = ProjectStatus.of(project.period, on: today) { statuses[status, default: []].append(index) }
        }
        var result = programmes.values.sorted {
            guard case .programme(let a) = $0.kind, case .programme(let b) = $1.kind else { return false }
            return a == b ? $0.path < $1.path : Site.czechOrder(a, b)
        }
        for period in ProgrammingPeriod.allCases {
            if let indexes = periods[period] {
                result.append(ProjectGroup(kind: .period(period), path: Route.programmingPeriod(period), projectIndexes: indexes))
            }
        }
        for status in ProjectStatus.allCases {
            if let indexes = statuses[status] {
                result.append(ProjectGroup(kind: .status(status), path: Route.status(status), projectIndexes: indexes))
            }
        }
        return result
    }
}

/// One language version of a page.
public struct LanguageVersion: Sendable, Hashable {
    /// Its language.
    public var language: Language
    /// Its path.
    public var path: String
}

extension Project {
    /// The programming period, from the registration number's shape (nil without a valid number).
    public var programmingPeriod: ProgrammingPeriod? {
        guard let number = registrationNumber?.value else { return nil }
        return (try? RegistrationNumber.parse(number))?.programmingPeriod
    }
}
