import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import MoteplanServer
import Testing

/// The cache: rebuilt when the files change, an invalid config keeps the old one in service.
struct ReloadTests {
    @Test func aChangedConfigIsServedAndABrokenOneIsNot() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let before = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(before.text.contains("X-WR-CALNAME:Melhus kommune – alle møter"))
            try fixture.writeConfig(replacing: ("name = \"Melhus kommune\"", "name = \"Melhus kommune (ny)\""))
            let changed = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(changed.text.contains("X-WR-CALNAME:Melhus kommune (ny) – alle møter"))
            #expect(changed.headers[.eTag] != before.headers[.eTag])
            // A config with an error: logged, and the last good one is still served.
            try fixture.writeConfig(replacing: ("refresh_hours = 12", "refresh_hours = 1000"))
            let kept = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(kept.status == .ok)
            #expect(kept.text == changed.text)
            #expect(try await client.execute(uri: "/", method: .get).status == .ok)
            try fixture.writeConfig(section: ServerFixture.serverSection() + "\n[server.oops]\n")
            #expect(try await client.execute(uri: "/feeds/alle.ics", method: .get).text == changed.text)
            // Fixed again: served again.
            try fixture.writeConfig()
            let fixed = try await client.execute(uri: "/feeds/alle.ics", method: .get)
            #expect(fixed.text == before.text)
        }
    }

    @Test func unchangedFilesKeepTheSnapshotAndLastModified() throws {
        let fixture = try ServerFixture()
        let server = try fixture.server()
        let first = server.cache.current()
        #expect(server.cache.current().fingerprint == first.fingerprint)
        #expect(server.cache.reload(reason: "test"))
        let reloaded = server.cache.current()
        #expect(reloaded.publicFeeds["alle.ics"]?.etag == first.publicFeeds["alle.ics"]?.etag)
        #expect(reloaded.publicFeeds["alle.ics"]?.lastModified == first.publicFeeds["alle.ics"]?.lastModified)
    }

    @Test func reloadReportsABrokenConfig() throws {
        let fixture = try ServerFixture()
        let server = try fixture.server()
        let good = server.cache.current()
        try fixture.writeConfig(replacing: ("[municipality]", "[municipality]\nbogus = 1"))
        #expect(!server.cache.reload(reason: "test"))
        #expect(server.cache.current().publicFeeds["alle.ics"]?.etag == good.publicFeeds["alle.ics"]?.etag)
    }

    @Test func aBrokenConfigAtStartIsAnError() throws {
        let fixture = try ServerFixture(section: "\n[server]\nprivate_token_hashes = [\"hemmelig\"]\n")
        #expect(throws: (any Error).self) { try fixture.server() }
    }
}
