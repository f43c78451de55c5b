import Hummingbird
import Logging

/// One access-log line per request through swift-log: method, path (private tokens masked),
/// status, body bytes and duration.
struct AccessLog<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard logger.logLevel <= .info else { return try await next(request, context) }
        let start = ContinuousClock.now
        do {
            let response = try await next(request, context)
            log(request, status: response.status.code, bytes: response.headers[.contentLength] ?? "-", start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            log(request, status: status, bytes: "-", start: start)
            throw error
        }
    }

    private func log(_ request: Request, status: Int, bytes: String, start: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - start
        let micros = elapsed.components.seconds * 1_000_000 + elapsed.components.attoseconds / 1_000_000_000_000
        logger.info("\(request.method) \(Self.redact(request.uri.description)) \(status) \(bytes) \(micros)µs")
    }

    /// The request target as logged: never a secret. Any path whose first segment is `private`
    /// or `meg` (however written: doubled slashes, any case) loses its token; a path with dot segments or
    /// percent-encoding is not logged at all; the query keeps its parameter names, not their values.
    static func redact(_ target: String) -> String {
        // Almost every request (a feed, the overview) has nothing to hide: one pass over its bytes.
        isPlain(target) ? target : masked(target)
    }

    /// `target` with its secrets masked (see `redact`).
    static func masked(_ target: String) -> String {
        let (path, query) = split(target)
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        let first = segments.first.map { $0.removingPercentEncoding ?? String($0) }?.lowercased()
        var shown = path
        if segments.contains(where: { $0 == "." || $0 == ".." || $0.contains("%") }) {
            shown = "/***"
        } else if let first, first.hasPrefix("private") {
            shown = "/private/***" + (segments.count > 2 ? "/" + segments.dropFirst(2).joined(separator: "/") : "")
        } else if let first, first.hasPrefix("meg") {
            // A personal page: the token is its second segment.
            shown = "/meg/…" + (segments.count > 2 ? "/" + segments.dropFirst(2).joined(separator: "/") : "")
        }
        guard let query else { return shown }
        let names = query.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            return name + "=***"
        }
        return shown + "?" + names.joined(separator: "&")
    }

    /// Whether `target` is logged as it is: no query, no percent-encoding, no dot segment, and a
    /// first segment that does not begin with "private" or "meg" in any case (what `redact` masks).
    static func isPlain(_ target: String) -> Bool {
        var segmentStart = true
        var segmentLength = 0
        var dots = 0
        var first: [UInt8] = []  // the first segment's first bytes, lower-cased
        var inFirst = true
        var seenSegment = false
        for byte in target.utf8 {
            switch byte {
            case UInt8(ascii: "?"), UInt8(ascii: "%"):
                return false
            case UInt8(ascii: "/"):
                if segmentLength > 0 && dots == segmentLength && dots <= 2 { return false }
                if seenSegment { inFirst = false }
                segmentStart = true
                segmentLength = 0
                dots = 0
            default:
                if segmentStart { segmentStart = false }
                seenSegment = true
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
                if inFirst && first.count < 7 { first.append(byte | 0x20) }
            }
        }
        if segmentLength > 0 && dots == segmentLength && dots <= 2 { return false }
        let private_ = Array("private".utf8)
        let meg = Array("meg".utf8)
        if first.starts(with: meg) || (first.count == 7 && first == private_) { return false }
        return true
    }

    private static func split(_ target: String) -> (path: String, query: String?) {
        guard let mark = target.firstIndex(of: "?") else { return (target, nil) }
        return (String(target[..<mark]), String(target[target.index(after: mark)...]))
    }
}
