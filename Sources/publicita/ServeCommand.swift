import ArgumentParser
import Dispatch
import Foundation
import PublicitaKit
import PublicitaServe
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension Publicita {
    /// `publicita serve`
    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Builds the portal, serves it on 127.0.0.1, rebuilds on every change and reloads the open pages.",
            discussion: """
                The site is built into a private temporary folder, never into PORTAL/site. \
                content/, templates/, static/ and portal.yaml are watched; after a change the portal is \
                rebuilt and open pages reload. While the content has errors, the pages show them over the \
                last site that built. Ctrl-C stops the server and removes the temporary folder.
                """)

        @Argument(help: "The portal folder (holds portal.yaml; default: the current folder or the nearest parent holding one).")
        var portal: String?

        @Option(help: "The port on 127.0.0.1 (0 picks a free one and prints it).")
        var port: UInt16 = 8000

        @Option(help: "Language of messages: cs or en (default: the portal's language).")
        var lang: Language?

        func run() throws {
            let options = PreviewServer.Options(
                portalRoot: PortalLocation.resolve(portal), port: port, language: lang)
            let status = Self.serve(options, language: lang)
            if status != 0 { throw ExitCode(status) }
        }

        /// How long a clean stop may take after a signal before the process ends anyway.
        static let forcedExitDelay: DispatchTimeInterval = .seconds(4)

        /// Serves until SIGINT or SIGTERM (or until the server fails); returns the exit code.
        static func serve(_ options: PreviewServer.Options, language: Language?) -> Int32 {
            // Ctrl-C and SIGTERM become events, so the server can stop cleanly and remove its folder.
            // Should stopping take longer than `forcedExitDelay` (or a second signal come), the
            // handler, which runs on a dispatch queue and not on Swift's threads that the server
            // might keep busy, removes the folder itself and ends the process.
            let (signals, continuation) = AsyncStream.makeStream(of: Int32.self)
            let running = RunningServer()
            let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler {
                    continuation.yield(number)
                    if running.signalled() {
                        running.forceExit(language: language, log: options.log)
                    } else {
                        DispatchQueue.global().asyncAfter(deadline: .now() + forcedExitDelay) {
                            running.forceExit(language: language, log: options.log)
                        }
                    }
                }
                source.resume()
                return source
            }
            defer { sources.forEach { $0.cancel() } }

            let result = ExitStatusBox()
            let done = DispatchSemaphore(value: 0)
            Task {
                defer { done.signal() }
                let server: PreviewServer
                do {
                    server = try await PreviewServer.start(options)
                } catch let error as PreviewServer.StartError {
                    options.log("publicita serve: " + error.message.text(in: language ?? .cs))
                    result.set(ExitStatus.ioProblem)
                    return
                } catch {
                    options.log("publicita serve: \(error.localizedDescription)")
                    result.set(ExitStatus.ioProblem)
                    return
                }
                running.set(server)
                // The address goes to standard output, so a script started with --port 0 can read it.
                FileHandle.standardOutput.write(Data("\(server.url.absoluteString)\n".utf8))
                options.log(LocalizedText(
                    cs: "publicita serve: web běží na \(server.url.absoluteString) (ukončíte Ctrl-C)",
                    en: "publicita serve: serving on \(server.url.absoluteString) (Ctrl-C stops)").text(in: language ?? .cs))

                let failure = await withTaskGroup(of: String?.self) { group -> String? in
                    group.addTask {
                        for await _ in signals { break }
                        return nil
                    }
                    group.addTask {
                        do { try await server.waitUntilStopped() } catch { return error.localizedDescription }
                        return nil
                    }
                    let first = await group.next() ?? nil
                    await server.stop()
                    group.cancelAll()
                    return first
                }
                if let failure {
                    options.log("publicita serve: \(failure)")
                    result.set(ExitStatus.ioProblem)
                } else {
                    options.log(LocalizedText(cs: "publicita serve: zastaveno", en: "publicita serve: stopped")
                        .text(in: language ?? .cs))
                }
            }
            done.wait()
            return result.value
        }
    }
}

/// The server once started, for the signal handler's forced exit.
private final class RunningServer: @unchecked Sendable {
    private let lock = NSLock()
    private var server: PreviewServer?
    private var signals = 0

    func set(_ server: PreviewServer) {
        lock.lock(); self.server = server; lock.unlock()
    }

    /// Counts a signal; returns whether one had come before.
    func signalled() -> Bool {
        lock.lock(); defer { lock.unlock() }
        signals += 1
        return signals > 1
    }

    /// Removes the server's files and ends the process.
    func forceExit(language: Language?, log: @Sendable (String) -> Void) -> Never {
        lock.lock()
        let server = self.server
        lock.unlock()
        server?.removeWorkFiles()
        log(LocalizedText(cs: "publicita serve: zastaveno bez čekání na otevřená spojení",
                          en: "publicita serve: stopped without waiting for open connections").text(in: language ?? .cs))
        exit(ExitStatus.ioProblem)
    }
}

/// The exit code, set from the serving task and read once it is done.
private final class ExitStatusBox: @unchecked Sendable {
    private let lock = NSLock()
    private var status: Int32 = 0

    func set(_ status: Int32) {
        lock.lock()
        self.status = status
        lock.unlock()
    }

    var value: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return status
    }
}
