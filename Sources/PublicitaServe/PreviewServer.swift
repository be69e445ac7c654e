import FlyingFox
import FlyingSocks
import Foundation
import PublicitaKit

/// `publicita serve`: builds a portal into a private folder, serves it on
/// 127.0.0.1, rebuilds when the sources change and reloads the open pages.
///
/// - The site is built into a folder of its own under the system's temporary
///   folder (`workFolder`), never into the portal's `site/`, and that folder is
///   removed by `stop()`.
/// - Every build goes into the same folder through one ``BuildSession``, told by
///   the watcher which files changed, so an edit of a project record parses,
///   checks and renders only what it changes; a build with content errors writes
///   nothing, so the last good site stays in place and is still served.
/// - HTML responses (only they, never the built files) get a small script that
///   listens to `/__publicita/events` and reloads the page after a build; while
///   the latest build failed they also get an overlay listing its diagnostics.
public actor PreviewServer {
    /// How to serve.
    public struct Options: Sendable {
        /// The portal folder (holds `portal.yaml`).
        public var portalRoot: URL
        /// The port on 127.0.0.1; `0` picks a free one (read it from `port`).
        public var port: UInt16
        /// How often the sources are looked at.
        public var pollInterval: Duration
        /// The day that decides which projects have ended; `nil` is the real today at each build.
        public var today: Day?
        /// The language of messages; `nil` is the portal's language.
        public var language: Language?
        /// What a request may ask before it is refused.
        public var limits: RequestLimits
        /// Where log lines go (one call per line or diagnostic block, without a final newline).
        public var log: @Sendable (String) -> Void

        /// Creates options; the defaults are those of `publicita serve`.
        public init(portalRoot: URL, port: UInt16 = 8000, pollInterval: Duration = .milliseconds(250),
                    today: Day? = nil, language: Language? = nil, limits: RequestLimits = RequestLimits(),
                    log: @escaping @Sendable (String) -> Void = PreviewServer.logToStandardError) {
            self.portalRoot = portalRoot
            self.port = port
            self.pollInterval = pollInterval
            self.today = today
            self.language = language
            self.limits = limits
            self.log = log
        }
    }

    /// Why the server could not start.
    public struct StartError: Error, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var message: LocalizedText
        public var description: String { message.en }
    }

    /// Writes `line` and a newline to standard error.
    public static let logToStandardError: @Sendable (String) -> Void = { line in
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    /// The port the server listens on (the chosen one when started with port 0).
    public nonisolated let port: UInt16
    /// The private folder the site is built into (removed by `stop()`).
    public nonisolated let workFolder: URL
    /// The address to open in a browser (the site's path under `base_url`, as it is served there).
    public nonisolated var url: URL { URL(string: "http://127.0.0.1:\(port)\(basePath)")! }
    /// The path the site was served under after the first build.
    private nonisolated let basePath: String

    private let server: HTTPServer
    private let door: FrontDoor
    private let site: SiteState
    private let hub: EventHub
    private let serverTask: Task<Void, any Error>
    private var watchTask: Task<Void, Never>?
    private var stopped = false

    private init(port: UInt16, workFolder: URL, server: HTTPServer, door: FrontDoor, site: SiteState, hub: EventHub,
                 serverTask: Task<Void, any Error>, basePath: String) {
        self.port = port
        self.door = door
        self.basePath = basePath
        self.workFolder = workFolder
        self.server = server
        self.site = site
        self.hub = hub
        self.serverTask = serverTask
    }

    /// Builds the portal, starts serving and watching. The first build may fail:
    /// the server then shows its diagnostics until the sources are fixed.
    public static func start(_ options: Options) async throws -> PreviewServer {
        let manager = FileManager.default
        let root = options.portalRoot.standardizedFileURL
        let workFolder = manager.temporaryDirectory
            .appendingPathComponent("publicita-serve-\(UUID().uuidString.prefix(12))", isDirectory: true)
        do {
            try manager.createDirectory(at: workFolder, withIntermediateDirectories: true)
        } catch {
            throw StartError(message: LocalizedText(
                cs: "nelze vytvořit pracovní složku \(workFolder.path): \(error.localizedDescription)",
                en: "cannot create the work folder \(workFolder.path): \(error.localizedDescription)"))
        }
        let hub = EventHub()
        let site = SiteState(workFolder: workFolder)
        let builder = Rebuilder(root: root, options: options, site: site, hub: hub)

        // The first snapshot is taken before the first build, so edits made during it are not lost.
        let watcher = PortalWatcher(root: root)
        let baseline = watcher.snapshot()
        await builder.build(changes: nil)

        // FlyingFox listens on a Unix socket no page can reach; only the front door talks to it.
        let socketPath = Self.backendSocketPath(in: workFolder)
        unlink(socketPath)
        let server = HTTPServer(config: HTTPServer.Configuration(
            address: sockaddr_un.unix(path: socketPath), timeout: 15, logger: .disabled),
            handler: Responder(site: site, hub: hub))
        let failure = RunFailure()
        let serverTask = Task {
            do { try await server.run() } catch {
                await failure.set(error)
                throw error
            }
        }
        // Bounded wait until the socket listens, or the server has failed.
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = await failure.error {
                try? manager.removeItem(at: workFolder)
                throw StartError(message: LocalizedText(
                    cs: "server se nespustil: \(error.localizedDescription)",
                    en: "the server did not start: \(error.localizedDescription)"))
            }
            if ContinuousClock.now > deadline {
                await server.stop()
                try? manager.removeItem(at: workFolder)
                throw StartError(message: LocalizedText(cs: "server se nespustil včas", en: "the server did not start in time"))
            }
            try? await Task.sleep(for: .milliseconds(5))
        }
        let door: FrontDoor
        do {
            door = try await FrontDoor.open(port: options.port, backend: sockaddr_un.unix(path: socketPath),
                                            limits: options.limits, log: options.log)
        } catch {
            await server.stop()
            _ = await serverTask.result
            try? manager.removeItem(at: workFolder)
            throw StartError(message: LocalizedText(
                cs: "na 127.0.0.1:\(options.port) nelze naslouchat: \(error.localizedDescription) (zkuste --port 0)",
                en: "cannot listen on 127.0.0.1:\(options.port): \(error.localizedDescription) (try --port 0)"))
        }

        let instance = PreviewServer(port: door.port, workFolder: workFolder, server: server, door: door,
                                     site: site, hub: hub, serverTask: serverTask, basePath: await site.snapshot().basePath)
        await instance.startWatching(builder: builder, watcher: watcher, baseline: baseline, interval: options.pollInterval)
        return instance
    }

    private func startWatching(builder: Rebuilder, watcher: PortalWatcher, baseline: PortalWatcher.Snapshot,
                               interval: Duration) {
        let hub = self.hub
        watchTask = Task.detached {
            await Self.watch(builder: builder, watcher: watcher, baseline: baseline, interval: interval, hub: hub)
        }
    }

    /// Polls the sources; after a change has settled (no further change for one
    /// interval, or at most ~3 s of continuous writing) rebuilds once.
    private static func watch(builder: Rebuilder, watcher: PortalWatcher, baseline: PortalWatcher.Snapshot,
                              interval: Duration, hub: EventHub) async {
        var baseline = baseline
        var idle = Duration.zero
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            var latest = watcher.snapshot()
            if latest == baseline {
                idle += interval
                if idle >= .seconds(15) {
                    idle = .zero
                    await hub.broadcast(EventHub.heartbeat)
                }
                continue
            }
            // Debounce: wait until a burst of writes is over.
            for _ in 0..<12 {
                do { try await Task.sleep(for: interval) } catch { return }
                let again = watcher.snapshot()
                if again == latest { break }
                latest = again
            }
            // The watcher knows what changed: the session reads only those files.
            let changes = InputChanges(from: baseline, to: latest)
            baseline = latest
            idle = .zero
            await builder.build(changes: changes)
        }
    }

    /// The folder of the site being served (the last build that succeeded), if any.
    public func servedFolder() async -> URL? {
        await site.snapshot().root
    }

    /// The id of the latest build, as the reload script and the events endpoint know it.
    public func generation() async -> String {
        await site.snapshot().generation
    }

    /// Waits until the server stops (after `stop()`, or when it fails); rethrows its failure.
    public func waitUntilStopped() async throws {
        try await serverTask.value
    }

    /// Stops watching, ends the event streams, stops the server and removes the private folder.
    /// Calling it again does nothing.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        if let watchTask {
            watchTask.cancel()
            await watchTask.value
        }
        await hub.close()
        await door.stop()
        await server.stop(timeout: 0.5)
        _ = await serverTask.result
        removeWorkFiles()
    }

    /// Removes the private folder and the server's socket, whatever the server is doing:
    /// for a process that must end now.
    public nonisolated func removeWorkFiles() {
        unlink(Self.backendSocketPath(in: workFolder))
        try? FileManager.default.removeItem(at: workFolder)
    }
}

extension PreviewServer {
    /// Where FlyingFox listens: in the work folder, or, when that path is too long
    /// for a socket address (about 100 bytes), in the system's `/tmp`.
    static func backendSocketPath(in workFolder: URL) -> String {
        let path = workFolder.appendingPathComponent("http.sock").path
        if path.utf8.count < 100 { return path }
        return "/tmp/\(workFolder.lastPathComponent).sock"
    }
}

/// The error the server task ended with, if it did.
private actor RunFailure {
    var error: (any Error)?
    func set(_ error: any Error) { self.error = error }
}

/// What is being served: the last good build, the diagnostics of the latest
/// build when it failed, and the id of the latest build.
actor SiteState {
    struct Snapshot: Sendable {
        /// The folder of the last build that succeeded.
        var root: URL?
        /// The diagnostics of the latest build, when it failed.
        var failure: [Diagnostic]?
        /// The language of messages.
        var language: Language
        /// The latest build's id.
        var generation: String
        /// The path the site lives under (from `base_url`): it is served there.
        var basePath: String = "/"

        /// Where the reload script listens: under the site's path, as everything the page asks for.
        var eventsPath: String { basePath + LiveReload.eventsName }
    }

    private nonisolated let workFolder: URL
    /// Distinguishes this server's builds from an earlier server's on the same port.
    private let session = String(UUID().uuidString.prefix(8)).lowercased()
    private var number = 0
    /// The folder holding the last good build (nil until a build has succeeded).
    private var good: URL?
    private var failure: [Diagnostic]?
    private var language: Language = .cs
    private var basePath = "/"

    init(workFolder: URL) {
        self.workFolder = workFolder
    }

    /// The folder every build goes into: always the same one, so that a rebuild
    /// writes only what changed.
    nonisolated var folder: URL { workFolder.appendingPathComponent("site", isDirectory: true) }

    /// The folder the next build goes into (``folder``), counting the build.
    func nextFolder() -> URL {
        number += 1
        return folder
    }

    /// Records a build's outcome.
    func record(_ outcome: Builder.Outcome, folder: URL, language: Language) {
        self.language = language
        basePath = outcome.basePath
        guard !outcome.failed else {
            // A failed build wrote nothing: the folder still holds the last good site.
            failure = outcome.diagnostics
            return
        }
        failure = nil
        good = folder
    }

    func snapshot() -> Snapshot {
        Snapshot(root: good, failure: failure, language: language, generation: "\(session)-\(number)", basePath: basePath)
    }
}

/// Runs the pipeline into the site folder and tells the open pages.
final class Rebuilder: Sendable {
    /// The build kept in memory between rebuilds: an edit of a project record parses,
    /// checks and writes only what it changes.
    let session: BuildSession
    let root: URL
    let options: PreviewServer.Options
    let site: SiteState
    let hub: EventHub

    init(root: URL, options: PreviewServer.Options, site: SiteState, hub: EventHub) {
        self.root = root
        self.options = options
        self.site = site
        self.hub = hub
        session = BuildSession(Builder.Options(portalRoot: root, output: site.folder, today: options.today ?? .today))
    }

    /// Builds once after `changes` (nil: build everything; the pipeline runs off
    /// Swift's cooperative threads), logs the outcome and announces the new build to
    /// the open pages.
    func build(changes: InputChanges?) async {
        let folder = await site.nextFolder()
        let started = ContinuousClock.now
        let session = self.session, today = options.today ?? .today
        let outcome = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: session.build(changes: changes, today: today))
            }
        }
        let elapsed = ContinuousClock.now - started
        let language = options.language ?? outcome.language
        await site.record(outcome, folder: folder, language: language)

        let rendered = DiagnosticFormat.text.render(outcome.diagnostics, language: language)
        if !rendered.isEmpty { options.log(String(rendered.dropLast(rendered.hasSuffix("\n") ? 1 : 0))) }
        let errors = outcome.diagnostics.filter { $0.severity == .error }.count
        let warnings = outcome.diagnostics.count - errors
        let seconds = String(format: "%.2f", Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
        let line = outcome.failed
            ? LocalizedText(
                cs: "publicita serve: sestavení selhalo (chyby: \(errors), varování: \(warnings), čas \(seconds) s); dál se zobrazuje poslední úspěšná verze",
                en: "publicita serve: build failed (errors: \(errors), warnings: \(warnings), time \(seconds) s); the last good site is still served")
            : LocalizedText(
                cs: "publicita serve: sestaveno \(outcome.pagesWritten) stránek, varování: \(warnings), čas \(seconds) s",
                en: "publicita serve: built \(outcome.pagesWritten) pages, warnings: \(warnings), time \(seconds) s")
        options.log(line.text(in: language))

        await hub.announce(await site.snapshot().generation)
    }
}
