import FlyingFox
import FlyingSocks
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The socket the browser talks to: accepts connections on 127.0.0.1, reads
/// each request's head itself within ``RequestLimits`` and a deadline, refuses
/// what breaks them (414, 431, 408, 421, …) at once, and hands each valid request
/// to FlyingFox on a private Unix socket, passing its answer back.
///
/// FlyingFox reads a request head without limits and in time growing with the
/// square of a line's length, so no byte reaches it unchecked. Each request goes
/// to FlyingFox on a connection of its own; the browser's connection stays open
/// between requests (FlyingFox's answers always carry their length or are chunked,
/// so their end is known without reading them).
final class FrontDoor: Sendable {
    /// The port listened on (the chosen one when opened with port 0).
    let port: UInt16

    private let listener: Socket
    private let backend: sockaddr_un
    private let limits: RequestLimits
    private let pool: any AsyncSocketPool
    private let connections: Connections
    private let refusedHosts = RefusedHosts()
    private let log: @Sendable (String) -> Void
    private let poolTask: Task<Void, any Error>
    private let acceptTask = Locked<Task<Void, Never>?>(nil)

    private init(port: UInt16, listener: Socket, backend: sockaddr_un, limits: RequestLimits,
                 pool: any AsyncSocketPool, poolTask: Task<Void, any Error>, log: @escaping @Sendable (String) -> Void) {
        self.port = port
        self.listener = listener
        self.backend = backend
        self.limits = limits
        self.pool = pool
        self.poolTask = poolTask
        self.log = log
        connections = Connections(limit: limits.connections)
    }

    /// Listens on 127.0.0.1:`port` (0: a free port) and starts accepting; requests
    /// go on to the HTTP server listening at `backend`.
    static func open(port: UInt16, backend: sockaddr_un, limits: RequestLimits,
                     log: @escaping @Sendable (String) -> Void) async throws -> FrontDoor {
        let listener = try Socket(domain: AF_INET, type: .stream)
        do {
            try listener.setValue(true, for: .localAddressReuse)
            try listener.bind(to: sockaddr_in.inet(ip4: "127.0.0.1", port: port))
            try listener.listen()
        } catch {
            try? listener.close()
            throw error
        }
        var actual = port
        if case .ip4(_, let chosen)? = try? listener.sockname() { actual = chosen }
        let pool: any AsyncSocketPool = HTTPServer.defaultPool()
        try await pool.prepare()
        let poolTask = Task { try await pool.run() }
        let door = FrontDoor(port: actual, listener: listener, backend: backend, limits: limits,
                             pool: pool, poolTask: poolTask, log: log)
        let accepting = try AsyncSocket(socket: listener, pool: pool)
        door.acceptTask.withLock { $0 = Task { await door.accept(on: accepting) } }
        return door
    }

    /// Stops accepting, ends every connection and the socket pool.
    func stop() async {
        if let task = acceptTask.withLock({ $0 }) {
            task.cancel()
            await task.value
        }
        try? listener.close()
        let open = await connections.close()
        for task in open { task.cancel() }
        for task in open { await task.value }
        poolTask.cancel()
        _ = await poolTask.result
    }

    private func accept(on socket: AsyncSocket) async {
        while !Task.isCancelled {
            let client: AsyncSocket
            do {
                client = try await socket.accept()
            } catch {
                if Task.isCancelled { return }
                // Out of file descriptors, say: wait a little rather than spin.
                try? await Task.sleep(for: .milliseconds(50))
                continue
            }
            #if canImport(Darwin)
            try? client.socket.setValue(true, for: .noSIGPIPE)
            #endif
            let admitted = await connections.start { [self] in await self.serve(client) }
            if !admitted {
                try? await client.write(Data(Refusal.busy.response))
                try? client.close()
            }
        }
    }

    /// Serves one browser connection: request after request, until it closes,
    /// breaks a limit, or stays silent past the deadline.
    private func serve(_ client: AsyncSocket) async {
        defer { try? client.close() }
        var buffer: [UInt8] = []
        while !Task.isCancelled {
            let deadline = ContinuousClock.now + limits.headTimeout
            do {
                let (head, length) = try await readHead(client, into: &buffer, before: deadline)
                try check(head)
                while buffer.count < length + head.contentLength {
                    buffer += try await read(client, before: deadline)
                }
                let body = buffer[length..<(length + head.contentLength)]
                let forwarded = await forward(head.forwarded + body, to: client)
                buffer.removeFirst(length + head.contentLength)
                guard forwarded, head.keepAlive else { return }
            } catch let refusal as Refusal {
                await refuse(client, refusal)
                return
            } catch is DeadlinePassed {
                // A connection left idle between requests is closed without a word.
                if !buffer.isEmpty { await refuse(client, .timeout) }
                return
            } catch {
                return
            }
        }
    }

    private func readHead(_ client: AsyncSocket, into buffer: inout [UInt8],
                          before deadline: ContinuousClock.Instant) async throws -> (RequestHead, Int) {
        while true {
            if case .head(let head, let length) = try RequestHeadParser.parse(buffer[...], limits: limits) {
                return (head, length)
            }
            buffer += try await read(client, before: deadline)
        }
    }

    /// The checks beyond the head's form: the host, the body's framing and size.
    private func check(_ head: RequestHead) throws(Refusal) {
        guard LoopbackHost.isAllowed(head.host, port: port) else {
            if refusedHosts.isNew(head.host) {
                log("publicita serve: refused a request for host \(head.host.debugDescription); "
                    + "open http://127.0.0.1:\(port)/ or http://localhost:\(port)/")
            }
            throw Refusal(status: 421, reason: "Misdirected Request",
                          message: "this preview answers only at http://127.0.0.1:\(port)/ and http://localhost:\(port)/")
        }
        if head.hasTransferEncoding { throw .chunked }
        if head.contentLength > limits.body { throw .bodyTooLarge(limits.body) }
    }

    /// Sends `request` to FlyingFox on a new connection and passes the whole answer
    /// back; returns whether the browser's connection can carry another request.
    private func forward(_ request: [UInt8], to client: AsyncSocket) async -> Bool {
        let upstream: AsyncSocket
        do {
            upstream = try await AsyncSocket.connected(to: backend, pool: pool, timeout: 5)
        } catch {
            await refuse(client, Refusal(status: 502, reason: "Bad Gateway", message: "the preview server is not running"))
            return false
        }
        defer { try? upstream.close() }
        #if canImport(Darwin)
        try? upstream.socket.setValue(true, for: .noSIGPIPE)
        #endif
        var passed = 0
        do {
            try await upstream.write(Data(request))
            while true {
                let chunk: [UInt8]
                do {
                    chunk = try await upstream.read(atMost: 65_536)
                } catch SocketError.disconnected {
                    break
                }
                try await client.write(Data(chunk))
                passed += chunk.count
            }
        } catch {
            return false
        }
        if passed == 0 {
            await refuse(client, Refusal(status: 502, reason: "Bad Gateway", message: "the preview server gave no answer"))
            return false
        }
        return true
    }

    /// Answers `refusal`, then reads and drops what the client is still sending
    /// (at most 4 MiB, for at most a second): closing with unread bytes would reset
    /// the connection, and the client could lose the answer.
    private func refuse(_ client: AsyncSocket, _ refusal: Refusal) async {
        try? await client.write(Data(refusal.response))
        _ = shutdown(client.socket.file.rawValue, Int32(SHUT_WR))
        let until = ContinuousClock.now + .seconds(1)
        var dropped = 0
        while dropped < 4 << 20, let chunk = try? await read(client, before: until) {
            dropped += chunk.count
        }
    }

    /// Reads what has arrived (waiting for at least one byte) unless `deadline` passes first.
    private func read(_ socket: AsyncSocket, before deadline: ContinuousClock.Instant) async throws -> [UInt8] {
        try await withThrowingTaskGroup(of: [UInt8]?.self) { group in
            group.addTask { try await socket.read(atMost: 65_536) }
            group.addTask {
                try await Task.sleep(until: deadline, clock: .continuous)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let bytes = first else { throw DeadlinePassed() }
            return bytes
        }
    }
}

private struct DeadlinePassed: Error {}

/// The open browser connections, at most `limit` at once.
private actor Connections {
    private let limit: Int
    private var tasks: [Int: Task<Void, Never>] = [:]
    private var next = 0
    private var closed = false

    init(limit: Int) {
        self.limit = limit
    }

    /// Starts serving a connection with `body`, unless `limit` are open already or all are closed.
    func start(_ body: @escaping @Sendable () async -> Void) -> Bool {
        guard !closed, tasks.count < limit else { return false }
        let id = next
        next += 1
        tasks[id] = Task {
            await body()
            self.finished(id)
        }
        return true
    }

    /// Admits no further connection; returns those still open.
    func close() -> [Task<Void, Never>] {
        closed = true
        defer { tasks = [:] }
        return Array(tasks.values)
    }

    private func finished(_ id: Int) {
        tasks[id] = nil
    }
}

/// The refused `Host` values already logged: each once, at most 20, so a hostile page cannot flood the log.
private final class RefusedHosts: Sendable {
    private let seen = Locked(Set<String>())

    func isNew(_ host: String) -> Bool {
        seen.withLock { seen in
            guard seen.count < 20 else { return false }
            return seen.insert(host).inserted
        }
    }
}

/// A value behind a lock.
final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) {
        self.value = value
    }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
