import Foundation
import Hummingbird

/// The HTTP rules for sending a cached resource: 304 for a matching If-None-Match (or, without
/// one, an If-Modified-Since not older than Last-Modified), gzip when the client accepts it, and
/// HEAD with the headers of the GET but no body.
public enum ConditionalGet {
    /// The response to `request` for `resource`.
    public static func response(_ resource: CachedResource, for request: Request) -> Response {
        let gzip = resource.gzipBody != nil && acceptsGzip(request.headers[values: .acceptEncoding])
        if notModified(request, resource: resource) {
            return Response(status: .notModified, headers: gzip ? resource.gzipNotModified : resource.plainNotModified, body: ResponseBody())
        }
        let headers = gzip ? resource.gzipHeaders : resource.plainHeaders
        if request.method == .head {
            return Response(status: .ok, headers: headers, body: ResponseBody())
        }
        let body = gzip ? (resource.gzipBody ?? resource.body) : resource.body
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: body))
    }

    /// Whether the client's copy is current: If-None-Match decides when present (weak comparison,
    /// either representation's tag, or `*`); otherwise If-Modified-Since against Last-Modified.
    static func notModified(_ request: Request, resource: CachedResource) -> Bool {
        guard request.method == .get || request.method == .head else { return false }
        // The common case, a client sending back the one tag it was given: no parsing.
        if let single = request.headers[.ifNoneMatch], single == resource.etag || single == resource.gzipETag {
            return true
        }
        let ifNoneMatch = request.headers[values: .ifNoneMatch]
        if !ifNoneMatch.isEmpty {
            let tags = ifNoneMatch.flatMap { $0.split(separator: ",") }.map { tag -> Substring in
                let trimmed = tag.trimmingCharacters(in: " \t")
                return trimmed.hasPrefix("W/") ? trimmed.dropFirst(2) : trimmed
            }
            return tags.contains { $0 == "*" || $0 == resource.etag || $0 == resource.gzipETag }
        }
        guard let lastModified = resource.lastModified, let header = request.headers[.ifModifiedSince],
            let since = HTTPDate.parse(header)
        else { return false }
        // RFC 9110 13.1.3: a date later than the server's current time is invalid and ignored.
        if since > Int(Date().timeIntervalSince1970) { return false }
        return lastModified <= since
    }

    /// Whether `Accept-Encoding` allows gzip: `gzip`/`x-gzip` with q > 0, or `*` with q > 0 when gzip is not named.
    public static func acceptsGzip(_ values: [String]) -> Bool {
        var gzip: Double?
        var any: Double?
        for value in values {
            for item in value.split(separator: ",") {
                let parts = item.split(separator: ";").map { $0.trimmingCharacters(in: " \t") }
                guard let coding = parts.first?.lowercased() else { continue }
                var quality = 1.0
                for parameter in parts.dropFirst() where parameter.lowercased().hasPrefix("q=") {
                    quality = Double(parameter.dropFirst(2)) ?? 0
                }
                if coding == "gzip" || coding == "x-gzip" { gzip = max(gzip ?? 0, quality) }
                if coding == "*" { any = quality }
            }
        }
        if let gzip { return gzip > 0 }
        return (any ?? 0) > 0
    }
}

extension Substring {
    /// The substring without leading and trailing characters from `set`.
    func trimmingCharacters(in set: String) -> Substring {
        var result = self
        while let first = result.first, set.contains(first) { result = result.dropFirst() }
        while let last = result.last, set.contains(last) { result = result.dropLast() }
        return result
    }
}
