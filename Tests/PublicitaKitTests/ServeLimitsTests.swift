import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
@testable import PublicitaKit
@testable import PublicitaServe

/// `publicita serve` against what any web page can send to 127.0.0.1: huge or
/// endless request heads, foreign Host headers, and a stop under load.
/// All traffic stays on 127.0.0.1; every loop is bounded in count and time.
@Suite("Serve limits")
struct ServeLimitsTests {
    static let hugeTarget = "/" + String(repeating: "a", count: 1 << 20)

    @Test func anOversizedRequestLineIsRefusedAtOnceAndOthersAreServed() async throws {
        try await withPreviewServer(try ServeTests.tinyPortal()) { server async throws in
            let port = server.port
            // Two at once, as a page could send them.
            let started = ContinuousClock.now
            let statuses = Locked([Int]())
            DispatchQueue.concurrentPerform(iterations: 2) { _ in
                let status = (try? rawRequest(port: port, target: Self.hugeTarget).status) ?? -1
                statuses.withLock { $0.append(status) }
            }
            #expect(statuses.withLock { $0 } == [414, 414])
            #expect(ContinuousClock.now - started < .seconds(2))

            let afterwards = ContinuousClock.now
            #expect(try await fetch(server, "/").status == 200)
            #expect(ContinuousClock.now - afterwards < .seconds(2))
            // Just within the limit is served (404: no such page).
            let longest = "/" + String(repeating: "b", count: RequestLimits().requestLine - "GET / HTTP/1.1".count)
            #expect(try rawRequest(port: port, target: longest).status == 404)
            #expect(try rawRequest(port: port, target: longest + "b").status == 414)
        }
    }

    @Test func oversizedHeadersAreRefused() async throws {
        try await withPreviewServer(try ServeTests.tinyPortal()) { server async throws in
            let limits = RequestLimits()
            func request(_ headers: [String]) throws -> Int {
                let head = (["GET / HTTP/1.1", "Host: 127.0.0.1", "Connection: close"] + headers).joined(separator: "\r\n")
                return try rawExchange(port: server.port, Array((head + "\r\n\r\n").utf8)).status
            }
            // One header line longer than all may be.
            #expect(try request(["X-Long: " + String(repeating: "x", count: limits.headerBytes)]) == 431)
            // Many lines that are each short, together too long.
            #expect(try request((0..<200).map { "X-Filler-\($0): " + String(repeating: "y", count: 100) }) == 431)
            // Too many lines.
            #expect(try request((0..<limits.headerCount).map { "X-\($0): 1" }) == 431)
            // A megabyte of headers, as fast as the huge line.
            let started = ContinuousClock.now
            #expect(try request(["X-Huge: " + String(repeating: "z", count: 1 << 20)]) == 431)
            #expect(ContinuousClock.now - started < .seconds(2))
            // Within the limits: served.
            #expect(try request((0..<(limits.headerCount - 2)).map { "X-\($0): 1" }) == 200)
            #expect(try await fetch(server, "/").status == 200)
        }
    }

    @Test func aSlowClientIsCutOffWhileOthersAreServed() async throws {
        let timeout = Duration.seconds(1)
        try await withPreviewServer(try ServeTests.tinyPortal(), limits: RequestLimits(headTimeout: timeout)) { server async throws in
            let slow = try RawConnection(port: server.port, timeout: 5)
            let started = ContinuousClock.now
            slow.send(Array("GET /projekty/testovaci-pro".utf8))  // … and nothing more
            // Meanwhile the others are served, and quickly.
            for _ in 0..<5 {
                let before = ContinuousClock.now
                #expect(try await fetch(server, ServeTests.projectPage).status == 200)
                #expect(ContinuousClock.now - before < .milliseconds(900))
            }
            // The slow one gets 408 after the timeout, and the connection is closed (receiveAll ends on EOF).
            let answer = String(decoding: slow.receiveAll(), as: UTF8.self)
            let elapsed = ContinuousClock.now - started
            #expect(statusCode(of: answer) == 408, "\(answer)")
            #expect(elapsed >= timeout)
            #expect(elapsed < timeout + .seconds(2))

            // A connection opened and never used is closed after the timeout too, without an answer.
            let idle = try RawConnection(port: server.port, timeout: 5)
            let idleStart = ContinuousClock.now
            #expect(idle.receiveAll().isEmpty)
            #expect(ContinuousClock.now - idleStart < timeout + .seconds(2))
        }
    }

    @Test func aForeignHostIsRefused() async throws {
        let log = LogLines()
        try await withPreviewServer(try ServeTests.tinyPortal(), log: log) { server async throws in
            let port = server.port
            func status(host: String?) throws -> Int {
                let hostLine = host.map { "Host: \($0)\r\n" } ?? ""
                return try rawExchange(port: port, Array("GET / HTTP/1.1\r\n\(hostLine)Connection: close\r\n\r\n".utf8)).status
            }
            // DNS rebinding: a page's own name, resolving to 127.0.0.1.
            #expect(try status(host: "evil.example") == 421)
            #expect(try status(host: "evil.example:\(port)") == 421)
            #expect(try status(host: "127.0.0.1.evil.example:\(port)") == 421)
            #expect(try status(host: "localhost.:\(port)") == 421)
            #expect(try status(host: "127.0.0.1:\(port == 1 ? 2 : port - 1)") == 421)
            #expect(try status(host: nil) == 400)
            // The loopback names, with this port or none.
            for host in ["127.0.0.1:\(port)", "localhost:\(port)", "LOCALHOST:\(port)", "[::1]:\(port)",
                         "127.0.0.1", "localhost", "[::1]"] {
                #expect(try status(host: host) == 200, "\(host)")
            }
            // The clerk learns why, once per name.
            let refusals = log.all.filter { $0.contains("refused a request for host \"evil.example\"") }
            #expect(refusals.count == 1, "\(log.all)")
        }
    }

    @Test func requestsOnOneConnectionAreEachChecked() async throws {
        try await withPreviewServer(try ServeTests.tinyPortal()) { server async throws in
            // Two valid requests at once on one connection: both answered, in order.
            let two = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET /nic/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
            let answer = try rawExchange(port: server.port, Array(two.utf8)).response
            let statuses = answer.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(statuses == ["200", "404"], "\(answer.prefix(500))")
            // A valid request, then a foreign host on the same connection: the second is refused.
            let mixed = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\nGET / HTTP/1.1\r\nHost: evil.example\r\n\r\n"
            let refused = try rawExchange(port: server.port, Array(mixed.utf8)).response
            let codes = refused.components(separatedBy: "HTTP/1.1 ").dropFirst().map { $0.prefix(3) }
            #expect(codes == ["200", "421"], "\(refused.prefix(500))")
        }
    }

    @Test func theCommandStopsOnSIGTERMUnderLoad() async throws {
        let portal = try ServeTests.tinyPortal()
        let temporary = portal.workspace.appendingPathComponent("tmp", isDirectory: true)
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        let serve = try ServeProcess(portal, environment: ["TMPDIR": temporary.path])  // where its work folder goes
        let process = serve.process
        let address = await serve.address()
        let log = { serve.log }
        let port = try #require(address?.port.map(UInt16.init), "no address printed; stderr: \(log())")
        let workFolders = { (try? FileManager.default.contentsOfDirectory(atPath: temporary.path))?
            .filter { $0.hasPrefix("publicita-serve-") } ?? [] }
        #expect(workFolders().count == 1)

        // Four threads sending huge requests, each at most 40 of them and for at most 8 s.
        let load = DispatchGroup()
        let answered = Locked(0)
        let stopLoad = Locked(false)
        let loadEnd = ContinuousClock.now + .seconds(8)
        for _ in 0..<4 {
            DispatchQueue.global().async(group: load) {
                for _ in 0..<40 where !stopLoad.withLock({ $0 }) && ContinuousClock.now < loadEnd {
                    guard let connection = RawConnection(quietlyTo: port) else { continue }
                    connection.send(Array("GET \(Self.hugeTarget) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
                    if statusCode(of: String(decoding: connection.receiveAll(), as: UTF8.self)) == 414 {
                        answered.withLock { $0 += 1 }
                    }
                }
            }
        }
        _ = await eventually(within: 3) { answered.withLock { $0 } >= 4 }
        #expect(answered.withLock { $0 } >= 4, "the load did not get answers")

        let signalled = ContinuousClock.now
        kill(process.processIdentifier, SIGTERM)
        let exited = await eventually(within: 5) { !process.isRunning }
        let took = ContinuousClock.now - signalled
        stopLoad.withLock { $0 = true }
        load.wait()
        #expect(exited, "still running 5 s after SIGTERM; stderr: \(log())")
        if exited {
            #expect(process.terminationStatus == 0, "stderr: \(log())")
            #expect(took < .seconds(3))
        }
        #expect(log().contains("publicita serve: zastaveno"), "\(log())")
        #expect(workFolders().isEmpty, "\(workFolders())")
    }
}

/// The head parser on its own: forms and limits, byte by byte.
@Suite("Serve request heads")
struct RequestHeadParserTests {
    let limits = RequestLimits(requestLine: 64, headerBytes: 128, headerCount: 4)

    func parse(_ text: String) throws(Refusal) -> RequestHeadParser.Outcome {
        try RequestHeadParser.parse(Array(text.utf8)[...], limits: limits)
    }

    func refusal(_ text: String) -> Int? {
        do { _ = try parse(text); return nil } catch { return error.status }
    }

    @Test func aHeadIsReadWithItsLength() throws {
        let text = "GET /a?b=c HTTP/1.1\r\nHost: localhost:8000\r\nContent-Length: 3\r\n\r\nabc"
        guard case .head(let head, let length) = try parse(text) else { Issue.record("no head"); return }
        #expect(head.method == "GET" && head.target == "/a?b=c" && head.host == "localhost:8000")
        #expect(head.contentLength == 3 && head.keepAlive)
        #expect(length == text.utf8.count - 3)
        #expect(String(decoding: head.forwarded, as: UTF8.self)
            == "GET /a?b=c HTTP/1.1\r\nHost: localhost:8000\r\nConnection: close\r\nContent-Length: 3\r\n\r\n")
        // Bare line feeds, and what decides keeping the connection.
        guard case .head(let bare, _) = try parse("GET / HTTP/1.1\nHost: x\nConnection: Keep-Alive, Close\n\n") else {
            Issue.record("no head"); return
        }
        #expect(!bare.keepAlive)
        guard case .head(let old, _) = try parse("GET / HTTP/1.0\r\nHost: x\r\n\r\n") else { Issue.record("no head"); return }
        #expect(!old.keepAlive)
    }

    @Test func anIncompleteHeadWaitsUnlessItIsTooLongAlready() throws {
        #expect(try parse("GET /" + String(repeating: "a", count: 50)) == .needMore)
        #expect(refusal("GET /" + String(repeating: "a", count: 70)) == 414)
        #expect(try parse("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "b", count: 100)) == .needMore)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "b", count: 130)) == 431)
    }

    @Test func malformedHeadsAreRefused() {
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: 1\r\nY: 2\r\nZ: 3\r\nW: 4\r\n\r\n") == 431)
        #expect(refusal("GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(refusal("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(refusal("GET /\u{1} HTTP/1.1\r\nHost: x\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/2\r\nHost: x\r\n\r\n") == 505)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nX: 1\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n") == 400)
        #expect(refusal("GET / HTTP/1.1\r\nHost: x\r\nX: a\u{0}b\r\n\r\n") == 400)
    }

    @Test func onlyLoopbackNamesAreHosts() {
        #expect(LoopbackHost.isAllowed("127.0.0.1:8000", port: 8000))
        #expect(LoopbackHost.isAllowed("[::1]", port: 8000))
        #expect(!LoopbackHost.isAllowed("localhost:8001", port: 8000))
        #expect(!LoopbackHost.isAllowed("localhost:", port: 8000))
        #expect(!LoopbackHost.isAllowed("evil.example:8000", port: 8000))
        #expect(!LoopbackHost.isAllowed("127.0.0.2:8000", port: 8000))
    }
}

