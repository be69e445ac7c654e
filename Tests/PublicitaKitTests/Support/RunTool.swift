import Foundation
import Testing

/// What a run of the real `publicita` executable printed and returned.
struct ToolRun {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Whether it had to be killed at the time limit.
    var timedOut: Bool
}

/// Runs the built `publicita` with `arguments` in `folder` (default: the current one),
/// killing it after `timeout` seconds, so that a hang fails the test instead of blocking it.
func runTool(_ arguments: [String], in folder: URL? = nil, timeout: TimeInterval = 120,
             environment extra: [String: String] = [:]) throws -> ToolRun {
    let process = Process()
    process.executableURL = try CLITests.executable
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    environment.merge(extra) { $1 }
    process.environment = environment
    return try withTemporaryDirectory { (tmp: URL) throws in
        // Output goes to files, so that no pipe can fill up and block the child.
        let outURL = tmp.appendingPathComponent("stdout"), errURL = tmp.appendingPathComponent("stderr")
        try #require(FileManager.default.createFile(atPath: outURL.path, contents: nil))
        try #require(FileManager.default.createFile(atPath: errURL.path, contents: nil))
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        defer { try? out.close(); try? err.close() }
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline {
                // SIGTERM first, so that `serve` removes its folder; SIGKILL if that does not end it.
                timedOut = true
                kill(process.processIdentifier, SIGTERM)
                let grace = Date().addingTimeInterval(5)
                while process.isRunning && Date() < grace { usleep(20_000) }
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                break
            }
            usleep(20_000)
        }
        process.waitUntilExit()
        return ToolRun(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }
}
