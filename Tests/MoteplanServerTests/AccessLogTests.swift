@testable import MoteplanServer
import Hummingbird
import Testing

/// The access log never writes a private token.
struct AccessLogTests {
    @Test func privateTokensAreMasked() {
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret/alle.ics") == "/private/***/alle.ics")
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret") == "/private/***")
        #expect(AccessLog<BasicRequestContext>.redact("/private/s3cret/nettverk/vest.ics?x=1") == "/private/***/nettverk/vest.ics?x=1")
        #expect(AccessLog<BasicRequestContext>.redact("/feeds/alle.ics") == "/feeds/alle.ics")
    }
}
