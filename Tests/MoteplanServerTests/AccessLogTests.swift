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
}
