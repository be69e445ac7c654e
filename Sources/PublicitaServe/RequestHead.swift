/// How much a request may ask of `publicita serve` before it is refused.
///
/// Any page open in the clerk's browser can send requests to 127.0.0.1, so the
/// front door (``FrontDoor``) holds every request to these limits before
/// FlyingFox sees it.
public struct RequestLimits: Sendable {
    /// The longest request line (`GET /path?query HTTP/1.1`), in bytes; longer: 414.
    ///
    /// FlyingFox's line reader takes time growing with the square of a line's
    /// length, so the request line, which is handed on as sent, is kept short;
    /// the site's own addresses are far shorter.
    public var requestLine: Int
    /// The most bytes of header lines; more: 431.
    public var headerBytes: Int
    /// The most header lines; more: 431.
    public var headerCount: Int
    /// The largest request body (only GET and HEAD are served); larger: 413.
    public var body: Int
    /// How long a request's head (and body) may take to arrive, also the longest
    /// wait for the next request on a kept-alive connection; then 408 (or a quiet close).
    public var headTimeout: Duration
    /// The most connections served at once; more are answered 503 at once.
    public var connections: Int

    public init(requestLine: Int = 2_048, headerBytes: Int = 16_384, headerCount: Int = 100, body: Int = 65_536,
                headTimeout: Duration = .seconds(10), connections: Int = 128) {
        self.requestLine = requestLine
        self.headerBytes = headerBytes
        self.headerCount = headerCount
        self.body = body
        self.headTimeout = headTimeout
        self.connections = connections
    }
}

/// A request's head as the front door read it: the request line and the few
/// headers it decides on.
struct RequestHead: Equatable, Sendable {
    var method: String
    /// The request target as sent (origin form: starts with `/`).
    var target: String
    /// `HTTP/1.1` or `HTTP/1.0`.
    var version: String
    /// The `Host` header's value.
    var host: String
    /// The body's length from `Content-Length` (0 without one).
    var contentLength: Int
    /// Whether a `Transfer-Encoding` header was sent.
    var hasTransferEncoding: Bool
    /// Whether the client keeps the connection open for another request.
    var keepAlive: Bool

    /// The head handed on to FlyingFox: the request line and only the headers the
    /// server needs. Every other header is left out, so that FlyingFox never reads
    /// more than the limits allow; a header the ``Responder`` comes to need must be
    /// added here. `Connection: close`: each request gets a connection of its own.
    var forwarded: [UInt8] {
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
        if contentLength > 0 { text += "Content-Length: \(contentLength)\r\n" }
        text += "\r\n"
        return Array(text.utf8)
    }
}

/// Why a request is refused, and the answer it gets.
struct Refusal: Error, Equatable, Sendable {
    var status: Int
    var reason: String
    /// One line for the body of the answer.
    var message: String

    static func badRequest(_ message: String) -> Refusal { Refusal(status: 400, reason: "Bad Request", message: message) }
    static let timeout = Refusal(status: 408, reason: "Request Timeout", message: "the request did not arrive in time")
    static func bodyTooLarge(_ limit: Int) -> Refusal {
        Refusal(status: 413, reason: "Content Too Large", message: "a request body may have at most \(limit) bytes")
    }
    static func lineTooLong(_ limit: Int) -> Refusal {
        Refusal(status: 414, reason: "URI Too Long", message: "the request line may have at most \(limit) bytes")
    }
    static func headersTooLarge(_ message: String) -> Refusal {
        Refusal(status: 431, reason: "Request Header Fields Too Large", message: message)
    }
    static let busy = Refusal(status: 503, reason: "Service Unavailable", message: "too many connections at once")
    static let chunked = Refusal(status: 501, reason: "Not Implemented", message: "Transfer-Encoding is not supported")
    static let version = Refusal(status: 505, reason: "HTTP Version Not Supported", message: "only HTTP/1.1 and HTTP/1.0 are served")

    /// The whole answer, which closes the connection.
    var response: [UInt8] {
        let body = "\(status) \(reason): \(message)\n"
        let head = "HTTP/1.1 \(status) \(reason)\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n"
            + "Content-Length: \(body.utf8.count)\r\n"
            + "Cache-Control: no-store\r\n"
            + "X-Content-Type-Options: nosniff\r\n"
            + "Connection: close\r\n\r\n"
        return Array((head + body).utf8)
    }
}

/// Reads a request head from the bytes received so far, within ``RequestLimits``.
///
/// Each call looks at the whole buffer again; the limits bound the buffer, so
/// the work per request stays small however the bytes arrive.
enum RequestHeadParser {
    enum Outcome: Equatable {
        /// The head is not complete yet (and within the limits).
        case needMore
        /// The head, and how many bytes of the buffer it took.
        case head(RequestHead, length: Int)
    }

    static func parse(_ buffer: ArraySlice<UInt8>, limits: RequestLimits) throws(Refusal) -> Outcome {
        let start = buffer.startIndex
        // The request line: refused as soon as it is longer than allowed, not when it ends.
        guard let lineEnd = buffer[start..<min(buffer.endIndex, start + limits.requestLine + 2)].firstIndex(of: lf) else {
            if buffer.count > limits.requestLine + 1 { throw .lineTooLong(limits.requestLine) }
            return .needMore
        }
        let line = trimmingCR(buffer[start..<lineEnd])
        if line.count > limits.requestLine { throw .lineTooLong(limits.requestLine) }
        var head = try requestLine(line)

        var hosts: [String] = []
        var lengths: [String] = []
        var connection: [String] = []
        var count = 0
        let headersStart = lineEnd + 1
        var position = headersStart
        while true {
            let window = buffer[position..<min(buffer.endIndex, headersStart + limits.headerBytes + 2)]
            guard let end = window.firstIndex(of: lf) else {
                if buffer.endIndex - headersStart > limits.headerBytes + 1 {
                    throw .headersTooLarge("the header lines may have at most \(limits.headerBytes) bytes")
                }
                return .needMore
            }
            let field = trimmingCR(buffer[position..<end])
            position = end + 1
            if field.isEmpty { break }
            if end - headersStart > limits.headerBytes {
                throw .headersTooLarge("the header lines may have at most \(limits.headerBytes) bytes")
            }
            count += 1
            if count > limits.headerCount {
                throw .headersTooLarge("a request may have at most \(limits.headerCount) header lines")
            }
            let (name, value) = try headerField(field)
            switch name {
            case "host": hosts.append(value)
            case "content-length": lengths.append(value)
            case "transfer-encoding": head.hasTransferEncoding = true
            case "connection": connection.append(value.lowercased())
            default: break
            }
        }

        guard hosts.count == 1 else {
            throw .badRequest(hosts.isEmpty ? "the Host header is missing" : "more than one Host header")
        }
        head.host = hosts[0]
        if let first = lengths.first {
            guard lengths.allSatisfy({ $0 == first }), first.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  first.utf8.count <= 18, let length = Int(first) else {
                throw .badRequest("invalid Content-Length")
            }
            head.contentLength = length
        }
        let tokens = connection.flatMap { $0.split(separator: ",").map { String($0).trimmingBlanks() } }
        head.keepAlive = head.version == "HTTP/1.1" && !tokens.contains("close")
        return .head(head, length: position - start)
    }

    private static let lf = UInt8(ascii: "\n")

    private static func trimmingCR(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes
    }

    /// `METHOD SP target SP HTTP/1.x`, with an origin-form target of visible ASCII.
    private static func requestLine(_ line: ArraySlice<UInt8>) throws(Refusal) -> RequestHead {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(isTokenByte) else {
            throw .badRequest("malformed request line")
        }
        let target = parts[1]
        guard target.first == UInt8(ascii: "/"), target.allSatisfy({ $0 >= 0x21 && $0 <= 0x7E }) else {
            throw .badRequest("the request target must be a path starting with /")
        }
        let version = String(decoding: parts[2], as: UTF8.self)
        guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
            throw version.hasPrefix("HTTP/") ? .version : .badRequest("malformed request line")
        }
        return RequestHead(method: String(decoding: parts[0], as: UTF8.self), target: String(decoding: target, as: UTF8.self),
                           version: version, host: "", contentLength: 0, hasTransferEncoding: false, keepAlive: false)
    }

    /// `name: value`; the name lowercased, the value without surrounding blanks.
    private static func headerField(_ field: ArraySlice<UInt8>) throws(Refusal) -> (String, String) {
        guard let colon = field.firstIndex(of: UInt8(ascii: ":")), colon > field.startIndex,
              field[..<colon].allSatisfy(isTokenByte) else {
            // Also a line folded onto the previous one (starting with a blank): obsolete, refused.
            throw .badRequest("malformed header line")
        }
        let value = field[(colon + 1)...]
        guard value.allSatisfy({ $0 == 0x09 || ($0 >= 0x20 && $0 != 0x7F) }) else {
            throw .badRequest("control character in a header value")
        }
        let name = String(decoding: field[..<colon], as: UTF8.self).lowercased()
        return (name, String(decoding: value, as: UTF8.self).trimmingBlanks())
    }

    /// A byte of an HTTP token (RFC 9110 §5.6.2).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "!#$%&'*+-.^_`|~".utf8.contains(byte)
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (the blanks of HTTP).
    fileprivate func trimmingBlanks() -> String {
        let bytes = Array(utf8)
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        guard let first = bytes.firstIndex(where: { !isBlank($0) }) else { return "" }
        let last = bytes.lastIndex(where: { !isBlank($0) })!
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
