import MoteplanServer
import Testing

/// The small HTTP rules on their own: dates, Accept-Encoding, token hashing and comparison.
struct HTTPRulesTests {
    @Test func httpDatesRoundTrip() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sunday, 06-Nov-94 08:49:37 GMT") == 784_111_777)
        #expect(HTTPDate.parse("Sun Nov  6 08:49:37 1994") == 784_111_777)
        #expect(HTTPDate.parse("Sun, 31 Feb 1994 08:49:37 GMT") == nil)
        #expect(HTTPDate.parse("i går") == nil)
        #expect(HTTPDate.parse("Sun, 06 Nov 1994 25:49:37 GMT") == nil)
        for seconds in [0, 951_782_400, 1_798_761_599, 1_800_000_000] {
            #expect(HTTPDate.parse(HTTPDate.format(seconds)) == seconds)
        }
    }

    @Test func acceptEncoding() {
        #expect(ConditionalGet.acceptsGzip(["gzip"]))
        #expect(ConditionalGet.acceptsGzip(["deflate, gzip;q=0.5"]))
        #expect(ConditionalGet.acceptsGzip(["*"]))
        #expect(ConditionalGet.acceptsGzip(["x-gzip"]))
        #expect(!ConditionalGet.acceptsGzip([]))
        #expect(!ConditionalGet.acceptsGzip(["identity"]))
        #expect(!ConditionalGet.acceptsGzip(["gzip;q=0"]))
        #expect(!ConditionalGet.acceptsGzip(["*, gzip;q=0"]))
        #expect(!ConditionalGet.acceptsGzip(["br;q=1, *;q=0"]))
    }

    @Test func tokensAreHashedWithSHA256() {
        #expect(TokenCheck.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenCheck.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test func constantTimeComparison() {
        #expect(TokenCheck.constantTimeEqual(Array("abc".utf8), Array("abc".utf8)))
        #expect(!TokenCheck.constantTimeEqual(Array("abc".utf8), Array("abd".utf8)))
        #expect(!TokenCheck.constantTimeEqual(Array("abc".utf8), Array("abcd".utf8)))
        #expect(!TokenCheck.constantTimeEqual(Array("abc".utf8), []))
        // 256 bytes apart in length must not wrap to "equal".
        #expect(!TokenCheck.constantTimeEqual([], [UInt8](repeating: 0, count: 256)))
        let hashes = ["a", "b", TokenCheck.hash("x"), TokenCheck.hash("x")].map { $0.count == 1 ? TokenCheck.hash($0) : $0 }
        #expect(TokenCheck.match("b", among: hashes) == 1)
        #expect(TokenCheck.match("x", among: hashes) == 2)
        #expect(TokenCheck.match("y", among: hashes) == nil)
        #expect(TokenCheck.match("a", among: []) == nil)
    }

    @Test func schoolYearURLs() {
        #expect(SiteSnapshot.urlLabel(startYear: 2026) == "2026-27")
        #expect(SiteSnapshot.urlLabel(startYear: 2099) == "2099-00")
        #expect(SiteSnapshot.urlLabel(startYear: 2008) == "2008-09")
        #expect(SiteSnapshot.startYear(urlLabel: "2026-27") == 2026)
        #expect(SiteSnapshot.startYear(urlLabel: "2026-28") == nil)
        #expect(SiteSnapshot.startYear(urlLabel: "../2026-27") == nil)
    }
}
