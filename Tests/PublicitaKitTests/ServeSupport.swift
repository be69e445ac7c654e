import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import PublicitaKit
@testable import PublicitaServe

// Helpers for the `publicita serve` tests: a real server on a free loopback
// port, HTTP through URLSession, a server-sent-events reader, a raw socket for
// requests URLSession would tidy up, and bounded waiting.

/// Log lines the server wrote, kept for assertions.
final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []

    func append(_ line: String) {
        lock.lock(); lines.append(line); lock.unlock()
    }

    var all: [String] {
        lock.lock(); defer { lock.unlock() }
        return lines
    }
}

/// Starts a preview server for `portal` on a free port, runs `body`, and always stops the server.
func withPreviewServer<T>(_ portal: TestPortal, log: LogLines = LogLines(), limits: RequestLimits = RequestLimits(),
                          _ body: (PreviewServer) async throws -> T) async throws -> T {
    let server = try await PreviewServer.start(.init(
        portalRoot: portal.root, port: 0, pollInterval: .milliseconds(100), today: testToday, limits: limits,
        log: { log.append($0) }))
    do {
        let result = try await body(server)
        await server.stop()
        return result
    } catch {
        await server.stop()
        throw error
    }
}

/// One HTTP response.
struct Fetched: Sendable {
    var status: Int
    var contentType: String
    var body: String
}

/// A URLSession that never caches and gives up quickly.
let serveTestSession: URLSession = {
    let configuration = URLSessionConfiguration.ephemeral
    configuration.timeoutIntervalForRequest = 5
    configuration.timeoutIntervalForResource = 10
    configuration.requestCachePolicy = .reloadIgnoringLocalAndRemoteCacheData
    configuration.urlCache = nil
    return URLSession(configuration: configuration)
}()

/// GETs `path` (relative to the server's root) through URLSession.
func fetch(_ server: PreviewServer, _ path: String) async throws -> Fetched {
    let url = try #require(URL(string: path, relativeTo: server.url))
    let request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalAndRemoteCacheData, timeoutInterval: 5)
    return try await withCheckedThrowingContinuation { continuation in
        serveTestSession.dataTask(with: request) { data, response, error in
            if let error {
                continuation.resume(throwing: error)
                return
            }
            let http = response as? HTTPURLResponse
            continuation.resume(returning: Fetched(
                status: http?.statusCode ?? 0,
                contentType: http?.value(forHTTPHeaderField: "Content-Type") ?? "",
                body: String(decoding: data ?? Data(), as: UTF8.self)))
        }.resume()
    }
}

/// Reads `/__publicita/events` as it streams (URLSession delegate callbacks), keeping every byte.
final class EventStreamReader: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var received = Data()
    private var session: URLSession?
    private var task: URLSessionDataTask?

    init(_ server: PreviewServer) {
        super.init()
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = 30
        let session = URLSession(configuration: configuration, delegate: self, delegateQueue: nil)
        let task = session.dataTask(with: URL(string: "__publicita/events", relativeTo: server.url)!)
        self.session = session
        self.task = task
        task.resume()
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock(); received.append(data); lock.unlock()
    }

    /// Everything received so far.
    var text: String {
        lock.lock(); defer { lock.unlock() }
        return String(decoding: received, as: UTF8.self)
    }

    /// The `data:` of every `build` event received so far, in order.
    var builds: [String] {
        text.components(separatedBy: "\n\n").compactMap { message in
            let lines = message.split(separator: "\n").map(String.init)
            guard lines.contains("event: build"), let data = lines.first(where: { $0.hasPrefix("data: ") }) else { return nil }
            return String(data.dropFirst("data: ".count))
        }
    }

    func close() {
        task?.cancel()
        session?.invalidateAndCancel()
    }
}

/// Polls `condition` every 25 ms until it holds or `seconds` have passed; returns whether it held.
func eventually(within seconds: Double, _ condition: () async throws -> Bool) async rethrows -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while true {
        if try await condition() { return true }
        if ContinuousClock.now >= deadline { return false }
        try? await Task.sleep(for: .milliseconds(25))
    }
}

/// Sends `target` exactly as given (no client-side tidying of `..` or escapes) and
/// returns the status code (0 when the server closed without answering) and the whole response.
func rawRequest(port: UInt16, target: String) throws -> (status: Int, response: String) {
    try rawExchange(port: port, Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8))
}

/// A TCP connection to 127.0.0.1 with bounded sends and receives, closed on deinit.
final class RawConnection {
    let fd: Int32

    init(port: UInt16, timeout seconds: Int = 3) throws {
        let connection = Self.open(port: port, timeout: seconds)
        try #require(connection != nil, "connect() failed")
        fd = connection!
    }

    /// For load from other threads, where a refused connection is expected once the server is gone.
    init?(quietlyTo port: UInt16, timeout seconds: Int = 3) {
        guard let fd = Self.open(port: port, timeout: seconds) else { return nil }
        self.fd = fd
    }

    private static func open(port: UInt16, timeout seconds: Int) -> Int32? {
        #if canImport(Glibc)
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        let fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { return nil }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        #if canImport(Darwin)
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    deinit { close(fd) }

    /// Sends `bytes`; returns how many went out before the server closed (or the send timed out).
    @discardableResult
    func send(_ bytes: [UInt8]) -> Int {
        #if canImport(Glibc)
        let flags = Int32(MSG_NOSIGNAL)
        #else
        let flags: Int32 = 0
        #endif
        var sent = 0
        while sent < bytes.count {  // bounded: each call sends something or ends the loop
            let count = bytes.withUnsafeBytes { cSend(fd, $0.baseAddress! + sent, bytes.count - sent, flags) }
            if count <= 0 { break }
            sent += count
        }
        return sent
    }

    /// Receives until the server closes, the receive timeout passes, or `limit` bytes came.
    func receiveAll(limit: Int = 64 << 20) -> Data {
        var response = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while response.count < limit {  // bounded: the timeout ends each wait, the limit the loop
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            response.append(contentsOf: buffer[0..<count])
        }
        return response
    }
}

/// `send` of the C library (the method of ``RawConnection`` has the same name).
private func cSend(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int, _ flags: Int32) -> Int {
    send(fd, pointer, count, flags)
}

/// Sends `request` as given on a new connection and returns the status code of the
/// first response (0 when the server closed without answering) and everything received.
func rawExchange(port: UInt16, _ request: [UInt8]) throws -> (status: Int, response: String) {
    let connection = try RawConnection(port: port)
    connection.send(request)
    let text = String(decoding: connection.receiveAll(), as: UTF8.self)
    return (statusCode(of: text), text)
}

/// The status code of the response beginning `text`, or 0.
func statusCode(of text: String) -> Int {
    let statusLine = text.split(separator: "\r\n", maxSplits: 1).first ?? ""
    let parts = statusLine.split(separator: " ")
    return parts.count >= 2 ? Int(parts[1]) ?? 0 : 0
}

/// The real `publicita serve` binary on a free port, its output going to files of the portal's workspace.
final class ServeProcess {
    let process = Process()
    let output: URL, errors: URL
    private let handles: [FileHandle]

    /// Starts `publicita serve` for `portal` with `environment` added to this process's.
    init(_ portal: TestPortal, environment extra: [String: String] = [:]) throws {
        process.executableURL = try CLITests.executable
        process.arguments = ["serve", portal.root.path, "--port", "0"]
        process.environment = ProcessInfo.processInfo.environment.merging(extra) { $1 }
        output = portal.workspace.appendingPathComponent("serve.out")
        errors = portal.workspace.appendingPathComponent("serve.err")
        for file in [output, errors] { try #require(FileManager.default.createFile(atPath: file.path, contents: nil)) }
        handles = [try FileHandle(forWritingTo: output), try FileHandle(forWritingTo: errors)]
        process.standardOutput = handles[0]
        process.standardError = handles[1]
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    deinit {
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        for handle in handles { try? handle.close() }
    }

    /// What it wrote to standard error so far.
    var log: String { String(decoding: (try? Data(contentsOf: errors)) ?? Data(), as: UTF8.self) }

    /// The address it printed on standard output, waiting up to `seconds` for it.
    func address(within seconds: Double = 8) async -> URL? {
        var address: URL?
        _ = await eventually(within: seconds) {
            let text = String(decoding: (try? Data(contentsOf: output)) ?? Data(), as: UTF8.self)
            address = text.split(separator: "\n").first.flatMap { URL(string: String($0)) }
            return address != nil
        }
        return address
    }
}
