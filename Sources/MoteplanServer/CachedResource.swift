import CompressNIO
import Crypto
import Hummingbird

/// One representation the server sends as is: the bytes, their gzip form (when smaller), a strong
/// ETag from the SHA-256 of the bytes, Last-Modified, and the caching headers.
public struct CachedResource: Sendable {
    /// The uncompressed body.
    public let body: ByteBuffer
    /// The gzip body, when it is smaller than the plain one.
    public let gzipBody: ByteBuffer?
    /// The strong ETag of the plain body, quoted: `"<32 hex>"`; the gzip form adds `-gz`.
    public let etag: String
    /// Seconds since the epoch, or nil for pages that have none.
    public let lastModified: Int?
    /// Content-Type.
    public let contentType: String
    /// Cache-Control.
    public let cacheControl: String

    /// Builds the resource; gzip is computed once here, never per request.
    public init(text: String, contentType: String, cacheControl: String, lastModified: Int?) {
        let bytes = Array(text.utf8)
        body = ByteBuffer(bytes: bytes)
        let digest = SHA256.hash(data: bytes).prefix(16).map { $0 < 16 ? "0" + String($0, radix: 16) : String($0, radix: 16) }
        etag = "\"\(digest.joined())\""
        var plain = body
        let compressed = try? plain.compress(with: .gzip())
        gzipBody = compressed.flatMap { $0.readableBytes < bytes.count ? $0 : nil }
        self.lastModified = lastModified
        self.contentType = contentType
        self.cacheControl = cacheControl
    }

    /// The ETag of the gzip representation (a different strong validator for different bytes).
    public var gzipETag: String { String(etag.dropLast()) + "-gz\"" }

    /// The same resource with another Last-Modified.
    func with(lastModified: Int?) -> CachedResource {
        CachedResource(copying: self, lastModified: lastModified)
    }

    private init(copying other: CachedResource, lastModified: Int?) {
        body = other.body
        gzipBody = other.gzipBody
        etag = other.etag
        self.lastModified = lastModified
        contentType = other.contentType
        cacheControl = other.cacheControl
    }
}
