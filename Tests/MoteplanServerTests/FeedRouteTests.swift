import CompressNIO
import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanServer
import Testing

/// The public feed routes over a live server: content, headers, conditional requests, HEAD, gzip, 404.
struct FeedRouteTests {
    @Test func publicFeedsAreCalendarsWithoutAddresses() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            for path in ["/feeds/alle.ics", "/feeds/nettverk.ics", "/feeds/nettverk/melhus-vest.ics"] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .ok, "\(path)")
                #expect(response.headers[.contentType] == "text/calendar; charset=utf-8")
                #expect(response.text.hasPrefix("BEGIN:VCALENDAR"))
                #expect(response.text.contains("BEGIN:VEVENT"))
                #expect(!response.text.contains("ORGANIZER"), "\(path) names an organizer")
                #expect(!response.text.contains("ATTENDEE"), "\(path) names attendees")
                #expect(!response.text.contains("mailto:"), "\(path) holds an address")
            }
        }
    }

    /// A PPT adviser subscribes to her own feed: the overview's "Mine møter" lists it with an
    /// https and a webcal link, and it holds the meetings PPT is needed at, without addresses.
    @Test func personalFeedsAreServedAndOfferedOnTheOverview() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("<h2 id=\"mine-moter\">Mine møter</h2>"))
            #expect(page.contains("/feeds/for/ppt.ics\">"))
            #expect(page.contains("href=\"webcal://"))
            // The structure table does not list the personal feeds again.
            let subscribe = try #require(page.components(separatedBy: "id=\"abonner\"").last?.components(separatedBy: "id=\"mine-moter\"").first)
            #expect(!subscribe.contains("/feeds/for/"))
            let response = try await client.execute(uri: "/feeds/for/ppt.ics", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("X-WR-CALNAME:Møteplan – PPT"))
            #expect(response.text.contains("BEGIN:VEVENT"))
            #expect(!response.text.contains("mailto:") && !response.text.contains("ATTENDEE"))
            #expect(try await client.execute(uri: "/feeds/for/finnes-ikke.ics", method: .get).status == .notFound)
        }
    }

    @Test func cacheControlMatchesPublishedTTL() async throws {
        let fixture = try ServerFixture()
        try fixture.writeConfig(replacing: ("refresh_hours = 12", "refresh_hours = 6"))
        try await fixture.live { client in
            let response = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(response.headers[.cacheControl] == "public, max-age=21600")
            #expect(response.text.contains("X-PUBLISHED-TTL:PT6H"))
        }
    }

    @Test func unknownFeedsAndTraversalAre404() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            for path in [
                "/feeds/finnes-ikke.ics", "/feeds/nettverk/ukjent.ics", "/feeds/../melhus.toml", "/feeds/%2e%2e/melhus.toml",
                "/feeds/..%2fmelhus.toml", "/feeds//etc/passwd", "/feeds/nettverk/../alle.ics", "/feeds/alle.ics/",
                "/feeds/ALLE.ICS", "/melhus.toml", "/feeds/",
            ] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path) gave \(response.status)")
                #expect(!response.text.contains("[municipality]"))
            }
        }
    }

    @Test func strongETagAndIfNoneMatchGive304() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let first = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            let etag = try #require(first.headers[.eTag])
            #expect(etag.hasPrefix("\"") && !etag.hasPrefix("W/"))
            let again = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            #expect(again.headers[.eTag] == etag)
            #expect(again.headers[.cacheControl] == first.headers[.cacheControl])
            let listed = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifNoneMatch: "\"nope\", W/\(etag)"])
            #expect(listed.status == .notModified)
            let star = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifNoneMatch: "*"])
            #expect(star.status == .notModified)
            let stale = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifNoneMatch: "\"0000\""])
            #expect(stale.status == .ok)
            #expect(stale.text == first.text)
            let other = try await client.execute(uri: "/feeds/nettverk.ics", method: .get, headers: [.ifNoneMatch: etag])
            #expect(other.status == .ok)
        }
    }

    @Test func lastModifiedAndIfModifiedSince() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let first = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            let lastModified = try #require(first.headers[.lastModified])
            let seconds = try #require(HTTPDate.parse(lastModified))
            let same = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifModifiedSince: lastModified])
            #expect(same.status == .notModified)
            // Later than Last-Modified but not in the future: not modified.
            let now = Int(Date().timeIntervalSince1970)
            #expect(now >= seconds)
            let later = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifModifiedSince: HTTPDate.format(now)])
            #expect(later.status == .notModified)
            // A date in the future is invalid (RFC 9110 13.1.3) and ignored: today's main said 304.
            let future = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifModifiedSince: HTTPDate.format(now + 86_400)])
            #expect(future.status == .ok)
            let earlier = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifModifiedSince: HTTPDate.format(seconds - 1)])
            #expect(earlier.status == .ok)
            let garbage = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.ifModifiedSince: "yesterday"])
            #expect(garbage.status == .ok)
            // If-None-Match wins over If-Modified-Since.
            let both = try await client.execute(
                uri: "/feeds/alle.ics", method: .get, headers: [.ifNoneMatch: "\"other\"", .ifModifiedSince: lastModified])
            #expect(both.status == .ok)
        }
    }

    @Test func headHasTheHeadersOfGetAndNoBody() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let get = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            let head = try await client.execute(uri: "/feeds/alle.ics", method: .head)
            #expect(head.status == .ok)
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentLength] == String(get.body.readableBytes))
            #expect(head.headers[.eTag] == get.headers[.eTag])
            #expect(head.headers[.contentType] == "text/calendar; charset=utf-8")
            let missing = try await client.execute(uri: "/feeds/ukjent.ics", method: .head)
            #expect(missing.status == .notFound)
            let conditional = try await client.execute(uri: "/feeds/alle.ics", method: .head, headers: [.ifNoneMatch: get.headers[.eTag] ?? ""])
            #expect(conditional.status == .notModified)
        }
    }

    @Test func gzipWhenAskedAndOnlyThen() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let plain = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(plain.headers[.contentEncoding] == nil)
            #expect(plain.headers[.vary] == "Accept-Encoding")
            let zipped = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.acceptEncoding: "br, gzip;q=0.8"])
            #expect(zipped.headers[.contentEncoding] == "gzip")
            #expect(zipped.body.readableBytes < plain.body.readableBytes / 4)
            #expect(zipped.headers[.eTag] != plain.headers[.eTag])
            var body = zipped.body
            let unzipped = try body.decompress(with: .gzip())
            #expect(String(buffer: unzipped) == plain.text)
            let refused = try await client.execute(uri: "/feeds/alle.ics", method: .get, headers: [.acceptEncoding: "gzip;q=0, deflate"])
            #expect(refused.headers[.contentEncoding] == nil)
            // The gzip representation's own tag revalidates too.
            let revalidated = try await client.execute(
                uri: "/feeds/alle.ics", method: .get, headers: [.acceptEncoding: "gzip", .ifNoneMatch: zipped.headers[.eTag] ?? ""])
            #expect(revalidated.status == .notModified)
            #expect(revalidated.headers[.eTag] == zipped.headers[.eTag])
        }
    }
}
