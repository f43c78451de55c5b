@testable import MoteplanServer
import Hummingbird
import Testing

/// The access log never writes a personal page's token.
struct PersonalAccessLogTests {
    @Test func personalPathsAreMasked() {
        #expect(AccessLog<BasicRequestContext>.redact("/meg/s3cret") == "/meg/…")
        #expect(AccessLog<BasicRequestContext>.redact("//MEG/s3cret?ok=referat") == "/meg/…?ok=***")
        #expect(AccessLog<BasicRequestContext>.redact("/meg//s3cret") == "/meg/…")
    }
}
