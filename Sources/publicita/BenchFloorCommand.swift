import ArgumentParser
import Foundation
import PublicitaKit

extension Publicita {
    /// `publicita bench-floor` (hidden): prints the floor of a build of the portal
    /// (``BuildFloor``), one `floor <seconds> <part>` line per part, for `scripts/bench`.
    struct BenchFloor: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "bench-floor",
            abstract: "Times reading the inputs, cmark alone and writing the output's bytes (for scripts/bench).",
            shouldDisplay: false)

        @Argument(help: "The portal folder.")
        var portal: String

        @Option(help: "A built output folder of the portal, whose bytes are written again.")
        var output: String

        @Option(help: "Where the bytes are written (removed afterwards).")
        var scratch: String

        func run() throws {
            for (part, seconds) in BuildFloor.measure(portal: URL(fileURLWithPath: portal), output: URL(fileURLWithPath: output),
                                                      scratch: URL(fileURLWithPath: scratch)) {
                print(String(format: "floor %.3f %@", seconds, part))
            }
        }
    }
}
