import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanServer
import Testing

/// The overview page, the årshjul route and the JSON API over a live server.
struct PageRouteTests {
    @Test func overviewShowsWhatLeadersNeed() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let response = try await client.execute(uri: "/", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            let page = response.text
            #expect(page.contains("<html lang=\"nb\">"))
            // The month of --now (1 October 2026); the next network meeting, 18 November, is a month on.
            #expect(page.contains("Møter i oktober 2026"))
            #expect(page.contains("<a href=\"/?maaned=2026-11#moter\" rel=\"next\">november 2026 →</a>"))
            #expect(!page.contains("onsdag 18. november 2026"))
            let november = try await client.execute(uri: "/?maaned=2026-11", method: .get)
            #expect(november.text.contains("onsdag 18. november 2026"))
            #expect(page.contains("Nettverksledere"))
            #expect(page.contains("Eid barnehage og skole"))
            #expect(page.contains("Referat og oppgaver"))
            // The September referat of Melhus vest was due 24 September and is not delivered:
            // overdue on 1 October, counted, not named.
            #expect(page.contains("referat mangler"))
            #expect(page.contains("Abonner på kalendere"))
            #expect(page.contains("href=\"http://localhost"))
            #expect(page.contains("/feeds/alle.ics\""))
            #expect(page.contains("href=\"webcal://localhost"))
            #expect(page.contains("/feeds/nettverk/melhus-vest.ics\""))
            #expect(page.contains("src=\"/arshjul/2026-27.svg\""))
            #expect(page.contains("<form method=\"post\" action=\"/referat\">"))
            #expect(page.contains("value=\"\(ServerFixture.vestSeptember)\""))
            #expect(!page.contains("mailto:"))
        }
    }

    @Test func subscribeLinksCoverEveryFeedAndUseTheConfiguredBaseURL() async throws {
        let fixture = try ServerFixture(section: "\n[server]\nbase_url = \"https://moteplan.melhus.example.no/\"\n")
        try await fixture.live { client in
            let page = try await client.execute(uri: "/", method: .get).text
            for path in ["alle.ics", "lokalt-team.ics", "nettverk.ics", "nettverk/nedre-melhus.ics", "samarbeidsgruppe.ics"] {
                #expect(page.contains("href=\"https://moteplan.melhus.example.no/feeds/\(path)\""), "\(path)")
                #expect(page.contains("href=\"webcal://moteplan.melhus.example.no/feeds/\(path)\""), "\(path)")
            }
            // Every linked feed exists.
            let links = page.components(separatedBy: "href=\"https://moteplan.melhus.example.no").dropFirst().compactMap { $0.split(separator: "\"").first }
            #expect(links.count > 10)
            for link in links {
                #expect(try await client.execute(uri: String(link), method: .head).status == .ok, "\(link)")
            }
        }
    }

    @Test func arshjulIsServedPerSchoolYear() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let response = try await client.execute(uri: "/arshjul/2026-27.svg", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "image/svg+xml; charset=utf-8")
            #expect(response.text.contains("<svg"))
            #expect(response.text.contains("Årshjul 2026/27"))
            #expect(try await client.execute(uri: "/arshjul/2027-28.svg", method: .get).status == .ok)
            let etag = response.headers[.eTag] ?? ""
            #expect(try await client.execute(uri: "/arshjul/2026-27.svg", method: .get, headers: [.ifNoneMatch: etag]).status == .notModified)
            for bad in ["/arshjul/2030-31.svg", "/arshjul/2026-28.svg", "/arshjul/2026-27.png", "/arshjul/../melhus.toml", "/arshjul/x"] {
                #expect(try await client.execute(uri: bad, method: .get).status == .notFound, "\(bad)")
            }
        }
    }

    @Test func planAPIFilters() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let response = try await client.execute(uri: "/api/plan?from=2026-09-01&to=2026-12-31&structure=nettverk", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType] == "application/json; charset=utf-8")
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(rows.count == 6)
            #expect(rows.allSatisfy { ($0["structure"] as? String) == "nettverk" })
            #expect(rows.allSatisfy { (($0["start"] as? String) ?? "") >= "2026-09-01" && (($0["start"] as? String) ?? "") <= "2026-12-31T23:59" })
            let all = try await client.execute(uri: "/api/plan", method: .get)
            let every = try #require(try JSONSerialization.jsonObject(with: Data(all.text.utf8)) as? [[String: Any]])
            #expect(every.count > rows.count)
            #expect(try await client.execute(uri: "/api/plan?from=1.9.2026", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/plan?from=2026-12-01&to=2026-09-01", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/api/plan?structure=ukjent", method: .get).status == .badRequest)
        }
    }

    @Test func obligationsAPIForOneLeader() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let response = try await client.execute(uri: "/api/obligations?leader=eid-barnehage-og-skole", method: .get)
            #expect(response.status == .ok)
            let rows = try #require(try JSONSerialization.jsonObject(with: Data(response.text.utf8)) as? [[String: Any]])
            #expect(!rows.isEmpty)
            #expect(rows.allSatisfy { ($0["leaderID"] as? String) == "eid-barnehage-og-skole" })
            #expect(rows.contains { ($0["kind"] as? String) == "referat" && ($0["uid"] as? String) == ServerFixture.vestSeptember })
            #expect(try await client.execute(uri: "/api/obligations?leader=ukjent", method: .get).status == .badRequest)
            // Eid's head is "Eksempel: Liv Dahl" with leder.eid@example.no: the address finds the same rows.
            let byEmail = try await client.execute(uri: "/api/obligations?leader=LEDER.EID%40example.no", method: .get)
            #expect(byEmail.status == .ok)
            #expect(byEmail.text == response.text)
            #expect(try await client.execute(uri: "/api/obligations?to=snart", method: .get).status == .badRequest)
        }
    }

    @Test func unknownRoutesAndMethods() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let missing = try await client.execute(uri: "/finnes-ikke", method: .get)
            #expect(missing.status == .notFound)
            // A route without the method is 404 too: Hummingbird's router falls through to its
            // not-found responder when the path has no responder for the method (it has no 405).
            // An exact status, so that a 500 (or any other error) does not pass for "not ok".
            #expect(try await client.execute(uri: "/feeds/alle.ics", method: .post).status == .notFound)
            #expect(try await client.execute(uri: "/feeds/alle.ics", method: .delete).status == .notFound)
            #expect(try await client.execute(uri: "/referat", method: .get).status == .notFound)
        }
    }

    /// The overview says there are no double-bookings for the Melhus example, and lists them when
    /// Melhus sør is put back on Melhus vest's 3rd Wednesday: from 1 October on, the first is the
    /// hall on 18 November 13:00–15:30.
    @Test func overviewShowsDoubleBookings() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(page.contains("<h2 id=\"dobbeltbookinger\">Dobbeltbookinger</h2>\n<p>Ingen:"))
            try fixture.writeConfig(replacing: (
                "months = [\"september\", \"november\", \"februar\", \"april\"], nth = [4]",
                "months = [\"september\", \"november\", \"februar\", \"april\"], nth = [3]"))
            let clashing = try await client.execute(uri: "/", method: .get).text
            #expect(clashing.contains("tidspunkt der"))
            #expect(clashing.contains("<tr><td>Melhus rådhus, kommunestyresalen</td><td>onsdag 18. november 2026 13:00–15:30</td><td>1</td><td>2</td><td>nettverk</td></tr>"), "\(clashing)")
        }
    }
}
