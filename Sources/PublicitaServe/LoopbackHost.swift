/// Which `Host` headers `publicita serve` answers: only the loopback names.
///
/// A page can make its own domain resolve to 127.0.0.1 (DNS rebinding) and then
/// read the preview as if it were its own; its requests still carry its domain in
/// `Host`, so refusing every other name closes that door.
enum LoopbackHost {
    static let names: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// Whether `host` is a loopback name, either without a port or with `port`.
    /// A name alone is safe too: a rebinding page cannot make the browser send it.
    static func isAllowed(_ host: String, port: UInt16) -> Bool {
        let host = host.lowercased()
        if names.contains(host) { return true }
        guard let colon = host.lastIndex(of: ":") else { return false }
        let name = String(host[..<colon])
        return names.contains(name) && host[host.index(after: colon)...] == Substring(String(port))
    }
}
