@testable import MoteplanServer
import Hummingbird
import Testing

/// The access log never writes a private token.
struct AccessLogTests {
    @Test func privateTokensAreMasked() {
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret/alle.ics") == "/private/***/alle.ics")
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret") == "/private/***")
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret/nettverk/vest.ics?x=1") == "/private/***/nettverk/vest.ics?x=***")
        // Whatever the shape of the URL, the token never reaches the log.
        #expect(AccessLog<BasicRequestContext>.redact("/private//s3cret/alle.ics") == "/private/***/alle.ics")
        #expect(AccessLog<BasicRequestContext>.redact("//private/s3cret/alle.ics") == "/private/***/alle.ics")
        #expect(AccessLog<BasicRequestContext>.redact("/PRIVATE/s3cret/alle.ics") == "/private/***/alle.ics")
        #expect(AccessLog<BasicRequestContext>.redact("/%70rivate/s3cret/alle.ics") == "/***")
        #expect(AccessLog<BasicRequestContext>.redact("/feeds/../private/s3cret/alle.ics") == "/***")
        #expect(AccessLog<BasicRequestContext>.redact("/?token=s3cret") == "/?token=***")
        #expect(AccessLog<BasicRequestContext>.redact("/feeds/alle.ics?token=s3cret&a") == "/feeds/alle.ics?token=***&a=***")
        #expect(AccessLog<BasicRequestContext>.redact("/feeds/alle.ics") == "/feeds/alle.ics")
    }

    /// The one-pass check that lets most targets through unchanged never lets through one that
    /// the full masking would change: every target built from up to four of these pieces.
    @Test func thePlainTargetShortcutAgreesWithTheMasking() {
        typealias Log = AccessLog<BasicRequestContext>
        let pieces = ["/", "//", "private", "PRIVATE", "priv", "Meg", "megx", "me", ".", "..", "...", "feeds", "a.ics",
                      "%2e", "?", "x=1", "İ"]
        var plain = 0
        func visit(_ target: String, depth: Int) {
            if Log.isPlain(target) {
                plain += 1
                #expect(Log.masked(target) == target, "\(target)")
            }
            guard depth < 4 else { return }
            for piece in pieces { visit(target + piece, depth: depth + 1) }
        }
        visit("", depth: 0)
        #expect(plain > 1000)
        #expect(Log.isPlain("/feeds/alle.ics"))
        #expect(Log.isPlain("/feeds/nettverk/melhus-vest.ics"))
        #expect(!Log.isPlain("/private/s3cret/alle.ics"))
        #expect(!Log.isPlain("/Meg/s3cret"))
    }
}
