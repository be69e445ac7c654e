import FlyingFox
import FlyingSocks
import Foundation

/// The open server-sent-event streams of `/__publicita/events`.
actor EventHub {
    private var subscribers: [UUID: AsyncStream<[UInt8]>.Continuation] = [:]
    private var closed = false
    /// The id of the latest build announced.
    private(set) var current = ""

    /// A new stream that starts by telling the latest build and then carries every broadcast.
    ///
    /// Taking the latest build and joining the broadcast happen together here, so
    /// a page can never miss an announcement made while it connects.
    func subscribe() -> AsyncStream<[UInt8]> {
        let initial = "retry: 1000\n\n" + Self.buildEvent(current)
        let (stream, continuation) = AsyncStream.makeStream(of: [UInt8].self, bufferingPolicy: .bufferingNewest(32))
        guard !closed else {
            continuation.finish()
            return stream
        }
        let id = UUID()
        subscribers[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        continuation.yield(Array(initial.utf8))
        return stream
    }

    /// Records build `generation` as the latest and tells every open stream.
    func announce(_ generation: String) {
        current = generation
        broadcast(Self.buildEvent(generation))
    }

    /// Sends `text` (one or more complete SSE messages) to every open stream.
    func broadcast(_ text: String) {
        let bytes = Array(text.utf8)
        for continuation in subscribers.values { continuation.yield(bytes) }
    }

    /// Ends every stream; later subscriptions end at once.
    func close() {
        closed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    /// How many streams are open.
    var count: Int { subscribers.count }

    private func remove(_ id: UUID) {
        subscribers[id] = nil
    }

    /// The SSE message announcing build `generation`.
    static func buildEvent(_ generation: String) -> String {
        "event: build\ndata: \(generation)\n\n"
    }

    /// A comment line that keeps idle connections alive and finds closed ones.
    static let heartbeat = ": keep-alive\n\n"
}

/// An `AsyncStream` of byte chunks as the buffered byte sequence FlyingFox streams a body from.
struct StreamedBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8

    let stream: AsyncStream<[UInt8]>

    func makeAsyncIterator() -> Iterator {
        Iterator(base: stream.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var base: AsyncStream<[UInt8]>.Iterator
        var pending: [UInt8] = []

        mutating func next() async -> UInt8? {
            guard let chunk = await nextBuffer(suggested: 1) else { return nil }
            return chunk.first
        }

        mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
            while pending.isEmpty {
                guard let chunk = await base.next() else { return nil }
                pending = chunk
            }
            let size = Swift.max(1, Swift.min(count, pending.count))
            let chunk = Array(pending.prefix(size))
            pending.removeFirst(size)
            return chunk
        }
    }
}
