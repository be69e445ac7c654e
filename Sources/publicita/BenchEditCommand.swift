import ArgumentParser
import Foundation
import PublicitaKit

extension Publicita {
    /// `publicita bench-edit` (hidden): times `publicita serve`'s rebuild after one
    /// project record is edited, in this process, through the code serve runs
    /// (a ``BuildSession`` told which files changed). `scripts/bench` reads the
    /// `median_ms=` line it prints on standard output.
    struct BenchEdit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-edit",
            abstract: "Times serve's rebuild after one record is edited (for scripts/bench).",
            shouldDisplay: false)

        @Argument(help: "The portal folder (its files are edited and restored).")
        var portal: String

        @Option(help: "The output folder.")
        var output: String

        @Option(help: "How many edits to time.")
        var edits: Int = 7

        @Option(help: "What to edit: body, amount, title, mixed (those in turn) or city (moves the project to another city: a full build).")
        var edit: EditKind = .mixed

        @Flag(help: "Time the old serve path (Builder.run with a parse cache) instead of the session.")
        var legacy = false

        enum EditKind: String, ExpressibleByArgument, CaseIterable {
            case body, amount, title, mixed, city
        }

        func run() throws {
            let root = URL(fileURLWithPath: portal, isDirectory: true).standardizedFileURL
            let options = Builder.Options(portalRoot: root, output: URL(fileURLWithPath: output, isDirectory: true))
            let session = BuildSession(options)
            let cache = ParseCache()
            func rebuild(_ changes: InputChanges?) -> Builder.Outcome {
                legacy ? Builder.run(Builder.Options(portalRoot: root, output: options.output, parseCache: cache))
                    : session.build(changes: changes)
            }
            let first = rebuild(nil)
            guard !first.failed else {
                FileHandle.standardError.write(Data("bench-edit: the first build failed\n".utf8))
                throw ExitCode(ExitStatus.contentErrors)
            }
            let folder = root.appendingPathComponent("content/projects")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".md") }.sorted()
            guard !names.isEmpty else { throw ExitCode(ExitStatus.ioProblem) }
            var times: [Double] = [], cpuTimes: [Double] = []
            let kinds: [EditKind] = edit == .mixed ? [.body, .amount, .title] : [edit]
            for number in 0..<edits {
                // Spread over the portal; each record is restored afterwards.
                let file = folder.appendingPathComponent(names[(names.count / 2 + number * 997) % names.count])
                let original = try String(contentsOf: file, encoding: .utf8)
                let kind = kinds[number % kinds.count]
                let before = InputStamps.scan(root)
                try Self.edited(original, kind: kind, number: number).write(to: file, atomically: true, encoding: .utf8)
                let changes = InputChanges(from: before, to: InputStamps.scan(root))
                let started = DispatchTime.now(), startedCPU = Self.cpuMilliseconds()
                let outcome = rebuild(changes)
                let ms = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e6
                let cpu = Self.cpuMilliseconds() - startedCPU
                times.append(ms)
                cpuTimes.append(cpu)
                print(String(format: "edit %d (%@ of %@): %.1f ms (CPU %.1f ms), %d rendered%@", number + 1, kind.rawValue,
                             file.lastPathComponent, ms, cpu, outcome.pagesRendered, outcome.failed ? ", FAILED" : ""))
                for problem in outcome.diagnostics.prefix(3) where outcome.failed {
                    print("  \(problem.location.description): \(problem.rule): \(problem.message.en)")
                }
                let restoreBefore = InputStamps.scan(root)
                try original.write(to: file, atomically: true, encoding: .utf8)
                _ = rebuild(InputChanges(from: restoreBefore, to: InputStamps.scan(root)))
            }
            print(String(format: "median_ms=%.1f", Self.median(times)))
            print(String(format: "median_cpu_ms=%.1f", Self.median(cpuTimes)))
        }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        /// The process's CPU time so far (all threads, user and system).
        static func cpuMilliseconds() -> Double {
            var usage = rusage()
            getrusage(RUSAGE_SELF.rawValue, &usage)
            let user = Double(usage.ru_utime.tv_sec) * 1e3 + Double(usage.ru_utime.tv_usec) / 1e3
            return user + Double(usage.ru_stime.tv_sec) * 1e3 + Double(usage.ru_stime.tv_usec) / 1e3
        }

        /// The record's text after an edit of `kind`.
        static func edited(_ text: String, kind: EditKind, number: Int) throws -> String {
            switch kind {
            case .body, .mixed:
                return text + "\nÚprava č. \(number + 1) pro měření.\n"
            case .city:
                let line = text.components(separatedBy: "\n").first { $0.hasPrefix("city: ") } ?? "city: "
                // Another city the portal has (a new one would add a page, and so change every page).
                return text.replacingOccurrences(of: line, with: line == "city: Liberec" ? "city: Plzeň" : "city: Liberec")
            case .title:
                // Inside the quotes of a quoted title, so the YAML stays valid.
                let quoted = text.contains("\ntitle: \"")
                return text.replacingOccurrences(of: quoted ? "\ntitle: \"" : "\ntitle: ",
                                                 with: (quoted ? "\ntitle: \"" : "\ntitle: ") + "Upraveno \(number + 1) – ")
            case .amount:
                // One koruna more for the total and for the last source: the sum still adds up.
                var lines = text.components(separatedBy: "\n")
                guard let total = lines.firstIndex(where: { $0.hasPrefix("  total: ") }),
                      let amount = lines.lastIndex(where: { $0.hasPrefix("      amount: ") })
                else { return text + "\nÚprava č. \(number + 1).\n" }
                for index in [total, amount] {
                    let line = lines[index]
                    let colon = line.firstIndex(of: ":")!
                    let value = try Money.parse(String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
                    lines[index] = line[...colon] + " " + Money(halere: value.amount.halere + 100).plainDecimal
                }
                return lines.joined(separator: "\n")
            }
        }
    }
}
