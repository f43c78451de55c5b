import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanServer
import Testing

/// `/private/<token>/…`: the feeds with addresses, for configured tokens only; removing a hash revokes.
struct PrivateFeedTests {
    @Test func aConfiguredTokenGetsTheFeedsWithAddresses() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let response = try await client.execute(uri: "/private/\(ServerFixture.privateToken)/alle.ics", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.contains("ORGANIZER"))
            #expect(response.text.contains("ATTENDEE"))
            #expect(response.text.contains("mailto:"))
            #expect(response.headers[.cacheControl]?.hasPrefix("private, max-age=") == true)
            let instance = try await client.execute(uri: "/private/\(ServerFixture.privateToken)/nettverk/melhus-vest.ics", method: .get)
            #expect(instance.status == .ok)
        }
    }

    @Test func noPrivateFeedWithoutTheRightToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let token = ServerFixture.privateToken
            for path in [
                "/private/feil/alle.ics", "/private//alle.ics", "/private/alle.ics", "/private/\(token)x/alle.ics",
                "/private/\(String(token.dropLast()))/alle.ics", "/private/\(TokenCheck.hash(token))/alle.ics",
                "/private/\(token.uppercased())/alle.ics", "/private/\(token)/ukjent.ics",
            ] {
                let response = try await client.execute(uri: path, method: .get)
                #expect(response.status == .notFound, "\(path)")
                #expect(!response.text.contains("ORGANIZER"), "\(path)")
            }
        }
    }

    @Test func removingTheHashRevokesTheToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let path = "/private/\(ServerFixture.privateToken)/alle.ics"
            #expect(try await client.execute(uri: path, method: .get).status == .ok)
            try fixture.writeConfig(section: ServerFixture.serverSection(privateHashes: [TokenCheck.hash("en-annen")]))
            #expect(try await client.execute(uri: path, method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/private/en-annen/alle.ics", method: .get).status == .ok)
        }
    }
}
