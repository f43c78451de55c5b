import CompressNIO
import Crypto
import Hummingbird

/// One representation the server sends as is: the bytes, their gzip form (when smaller), a strong
/// ETag from the SHA-256 of the bytes, Last-Modified, and the caching headers, all computed once
/// so that a request only picks them. A class: handing it to a request is one reference count.
public final class CachedResource: Sendable {
    /// The uncompressed body.
    public let body: ByteBuffer
    /// The gzip body, when it is smaller than the plain one.
    public let gzipBody: ByteBuffer?
    /// The strong ETag of the plain body, quoted: `"<32 hex>"`; the gzip form adds `-gz`.
    public let etag: String
    /// The ETag of the gzip representation (a different strong validator for different bytes).
    public let gzipETag: String
    /// Seconds since the epoch, or nil for pages that have none.
    public let lastModified: Int?
    /// Content-Type.
    public let contentType: String
    /// Cache-Control.
    public let cacheControl: String
    /// The response headers for the plain and the gzip body (200), and for a 304 of each.
    let plainHeaders: HTTPFields
    let gzipHeaders: HTTPFields
    let plainNotModified: HTTPFields
    let gzipNotModified: HTTPFields

    /// Builds the resource; gzip is computed once here, never per request.
    public convenience init(text: String, contentType: String, cacheControl: String, lastModified: Int?) {
        let bytes = Array(text.utf8)
        let body = ByteBuffer(bytes: bytes)
        let digest = SHA256.hash(data: bytes).prefix(16).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        var plain = body
        let compressed = try? plain.compress(with: .gzip())
        self.init(
            body: body, gzipBody: compressed.flatMap { $0.readableBytes < bytes.count ? $0 : nil }, etag: "\"\(digest.joined())\"",
            lastModified: lastModified, contentType: contentType, cacheControl: cacheControl)
    }

    private init(body: ByteBuffer, gzipBody: ByteBuffer?, etag: String, lastModified: Int?, contentType: String, cacheControl: String) {
        self.body = body
        self.gzipBody = gzipBody
        self.etag = etag
        let gzipETag = String(etag.dropLast()) + "-gz\""
        self.gzipETag = gzipETag
        self.lastModified = lastModified
        self.contentType = contentType
        self.cacheControl = cacheControl
        func headers(etag: String, length: Int?, gzip: Bool) -> HTTPFields {
            var fields: HTTPFields = [.eTag: etag, .cacheControl: cacheControl, .xContentTypeOptions: "nosniff"]
            if length != nil { fields[.contentType] = contentType }
            if gzipBody != nil { fields[.vary] = "Accept-Encoding" }
            if let lastModified { fields[.lastModified] = HTTPDate.format(lastModified) }
            if gzip && length != nil { fields[.contentEncoding] = "gzip" }
            if let length { fields[.contentLength] = String(length) }
            return fields
        }
        plainHeaders = headers(etag: etag, length: body.readableBytes, gzip: false)
        gzipHeaders = headers(etag: gzipETag, length: gzipBody?.readableBytes ?? body.readableBytes, gzip: true)
        plainNotModified = headers(etag: etag, length: nil, gzip: false)
        gzipNotModified = headers(etag: gzipETag, length: nil, gzip: true)
    }


    /// The same resource with another Last-Modified.
    func with(lastModified: Int?) -> CachedResource {
        CachedResource(
            body: body, gzipBody: gzipBody, etag: etag, lastModified: lastModified, contentType: contentType, cacheControl: cacheControl)
    }
}
