import FlyingFox
import Foundation
import PublicitaKit

/// Answers the browser: the built files, the reload events, and the overlay while the portal has errors.
struct Responder: HTTPHandler {
    let site: SiteState
    let hub: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            var response = text(.methodNotAllowed, "method not allowed\n")
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        // The path exactly as sent (percent-encoded); FlyingFox's `request.path` is already
        // normalised, which would hide a `..` that we want to refuse, not reinterpret.
        let rawPath = request.target.path()
        let state = await site.snapshot()
        if rawPath == state.eventsPath {
            return await events()
        }
        // The site is served under its path from base_url, as it will be published.
        guard rawPath.hasPrefix(state.basePath) else {
            if rawPath == "/" || state.basePath.hasPrefix(rawPath + "/") {
                var response = text(.found, "moved to \(state.basePath)\n")
                response.headers[.location] = state.basePath
                return response
            }
            return text(.notFound, "not found: the site is served under \(state.basePath)\n")
        }
        let sitePath = "/" + rawPath.dropFirst(state.basePath.count)
        let response = await file(rawPath: sitePath, query: request.target.query())
        return request.method == .HEAD ? await withoutBody(response) : response
    }

    /// `/__publicita/events`: a server-sent event stream announcing every build.
    private func events() async -> HTTPResponse {
        let stream = await hub.subscribe()
        var headers = HTTPHeaders()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        return HTTPResponse(statusCode: .ok, headers: headers, body: HTTPBodySequence(from: StreamedBytes(stream: stream)))
    }

    private func file(rawPath: String, query: String) async -> HTTPResponse {
        let state = await site.snapshot()
        guard let root = state.root else {
            // No build has succeeded yet: a page with the diagnostics for every address.
            let page = LiveReload.errorPage(state.failure ?? [], language: state.language, generation: state.generation,
                                            eventsPath: state.eventsPath)
            return html(.serviceUnavailable, page)
        }
        switch SiteLookup.resolve(rawPath: rawPath, in: root) {
        case .file(let url):
            return serve(url, status: .ok, state: state)
        case .redirect(let sitePath):
            let location = state.basePath + sitePath.dropFirst()
            var response = text(.movedPermanently, "moved to \(location)\n")
            response.headers[.location] = query.isEmpty ? location : location + "?" + query
            return response
        case .forbidden:
            return text(.forbidden, "forbidden\n")
        case .notFound:
            var page = root.appendingPathComponent("404.html")
            // A missing address under a further language's prefix (`/en/…`) gets that language's 404 page.
            if let first = rawPath.split(separator: "/").first, let language = Language(rawValue: String(first)) {
                let localized = root.appendingPathComponent(language.rawValue).appendingPathComponent("404.html")
                if FileManager.default.fileExists(atPath: localized.path) { page = localized }
            }
            if FileManager.default.fileExists(atPath: page.path) {
                return serve(page, status: .notFound, state: state)
            }
            return text(.notFound, "not found\n")
        }
    }

    /// A file of the site; HTML gets the reload script (and the overlay while the latest build failed).
    private func serve(_ url: URL, status: HTTPStatusCode, state: SiteState.Snapshot) -> HTTPResponse {
        let type = ContentTypes.forPath(url.lastPathComponent)
        if ContentTypes.isHTML(url.lastPathComponent) {
            guard let data = try? Data(contentsOf: url) else { return text(.notFound, "not found\n") }
            var snippet = ""
            if let failure = state.failure {
                snippet += LiveReload.overlay(failure, language: state.language, hasSite: true)
            }
            snippet += LiveReload.script(generation: state.generation, eventsPath: state.eventsPath)
            let page = LiveReload.inject(snippet, into: String(decoding: data, as: UTF8.self))
            return html(status, page)
        }
        guard let body = try? HTTPBodySequence(file: url) else { return text(.notFound, "not found\n") }
        return HTTPResponse(statusCode: status, headers: headers(type), body: body)
    }

    private func html(_ status: HTTPStatusCode, _ page: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/html; charset=utf-8"), body: Data(page.utf8))
    }

    private func text(_ status: HTTPStatusCode, _ message: String) -> HTTPResponse {
        HTTPResponse(statusCode: status, headers: headers("text/plain; charset=utf-8"), body: Data(message.utf8))
    }

    private func headers(_ contentType: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers[.contentType] = contentType
        // A preview is never cached: after a reload the browser asks again.
        headers[.cacheControl] = "no-store"
        headers[HTTPHeader("X-Content-Type-Options")] = "nosniff"
        return headers
    }

    /// The response to a HEAD request: the same headers, no body.
    private func withoutBody(_ response: HTTPResponse) async -> HTTPResponse {
        var result = HTTPResponse(statusCode: response.statusCode, headers: response.headers, body: Data())
        if case .httpBody(let body) = response.payload, let count = body.count {
            result.headers[.contentLength] = String(count)
        }
        return result
    }
}
