import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanCore
import MoteplanStore
import MoteplanServer
import Testing

/// POST /referat: a bearer token per role, the CLI's checks, and nothing written without a valid token.
struct ReferatEndpointTests {
    static let json: HTTPFields = [.contentType: "application/json"]

    static func bearer(_ token: String) -> HTTPFields {
        [.contentType: "application/json", .authorization: "Bearer \(token)"]
    }

    static func body(_ fields: [String: String]) -> ByteBuffer {
        let pairs = fields.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \"\($0.value)\"" }
        return .text("{\(pairs.joined(separator: ", "))}")
    }

    /// The referat records in the fixture's store (none when it does not exist).
    static func records(_ fixture: ServerFixture) throws -> [ReferatRecord] {
        guard let store = try StateStore.openForReading(path: fixture.statePath) else { return [] }
        return try store.read { try $0.referatRecords() }
    }

    @Test func theLeadersTokenRecordsADelivery() async throws {
        let fixture = try ServerFixture()
        let uid = ServerFixture.vestSeptember
        try await fixture.live { client in
            let response = try await client.execute(
                uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.eidToken),
                body: Self.body(["uid": uid, "delivered": "2026-09-22", "ref": "ePhorte 2026/1234"]))
            #expect(response.status == .created)
            #expect(response.text.contains("on time"))
            let again = try await client.execute(
                uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.eidToken),
                body: Self.body(["uid": uid, "delivered": "2026-09-22", "ref": "ePhorte 2026/1234"]))
            #expect(again.status == .ok)
            #expect(again.text.contains("nothing changed"))
            let different = try await client.execute(
                uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.eidToken),
                body: Self.body(["uid": uid, "delivered": "2026-09-28"]))
            #expect(different.status == .conflict)
            // The private overview shows it delivered at once (the public one only counts).
            let page = try await client.execute(uri: "/private/\(ServerFixture.privateToken)/oversikt", method: .get)
            #expect(page.text.contains("levert 22. september 2026"))
        }
        let records = try Self.records(fixture)
        #expect(records.count == 1)
        #expect(records.first?.delivered == LocalDate(iso: "2026-09-22"))
        #expect(records.first?.reference == "ePhorte 2026/1234")
    }

    @Test func noWriteWithoutAValidToken() async throws {
        let fixture = try ServerFixture()
        let body = Self.body(["uid": ServerFixture.vestSeptember])
        try await fixture.live { client in
            let missing = try await client.execute(uri: "/referat", method: .post, headers: Self.json, body: body)
            #expect(missing.status == .unauthorized)
            #expect(missing.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            for header in ["Bearer feil", "Bearer ", "Basic \(ServerFixture.eidToken)", "Bearer \(TokenCheck.hash(ServerFixture.eidToken))", ServerFixture.eidToken] {
                let response = try await client.execute(
                    uri: "/referat", method: .post, headers: [.contentType: "application/json", .authorization: header], body: body)
                #expect(response.status == .unauthorized, "\(header)")
            }
            // A valid token of another leader may not record this meeting.
            let other = try await client.execute(uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.gimseToken), body: body)
            #expect(other.status == .forbidden)
            // The private feed token is not a referat token.
            let privateToken = try await client.execute(uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.privateToken), body: body)
            #expect(privateToken.status == .unauthorized)
        }
        #expect(try Self.records(fixture).isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.statePath))
    }

    @Test func invalidPayloadsAreRefused() async throws {
        let fixture = try ServerFixture()
        let uid = ServerFixture.vestSeptember
        let cases: [(String, ByteBuffer, HTTPResponse.Status)] = [
            ("no uid", Self.body(["delivered": "2026-09-20"]), .badRequest),
            ("unknown uid", Self.body(["uid": "finnes-ikke@x"]), .notFound),
            ("not a date", Self.body(["uid": uid, "delivered": "20. september"]), .badRequest),
            ("before the meeting", Self.body(["uid": uid, "delivered": "2026-09-01"]), .badRequest),
            ("in the future", Self.body(["uid": uid, "delivered": "2026-10-05"]), .badRequest),
            ("ref with a newline", Self.body(["uid": uid, "ref": "linje 1\\nlinje 2"]), .badRequest),
            // CRLF (one Character), NUL (cut the text), ESC and BEL passed the old Character check.
            ("ref with CRLF and a MIME header", Self.body(["uid": uid, "ref": "sak\\r\\nContent-Type: text/html"]), .badRequest),
            ("ref with NUL", Self.body(["uid": uid, "ref": "sak\\u0000skjult"]), .badRequest),
            ("ref with ESC", Self.body(["uid": uid, "ref": "sak\\u001b[31m"]), .badRequest),
            ("ref with BEL", Self.body(["uid": uid, "ref": "sak\\u0007"]), .badRequest),
            ("by with CRLF", Self.body(["uid": uid, "by": "Kari\\r\\nBcc: x@example.no"]), .badRequest),
            ("ref too long", Self.body(["uid": uid, "ref": String(repeating: "x", count: 201)]), .badRequest),
            ("meeting not yet held", Self.body(["uid": "nettverk.melhus-vest-20261118@moteplan.melhus.example.no"]), .badRequest),
            ("no referat duty", Self.body(["uid": "samarbeidsgruppe-20260806@moteplan.melhus.example.no"]), .badRequest),
            ("not JSON", .text("uid=\(uid)"), .badRequest),
            ("wrong types", .text("{\"uid\": 5}"), .badRequest),
            ("a JSON array", .text("[]"), .badRequest),
        ]
        try await fixture.live { client in
            for (name, body, status) in cases {
                let response = try await client.execute(uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.eidToken), body: body)
                #expect(response.status == status, "\(name): \(response.status) \(response.text)")
            }
            let xml = try await client.execute(
                uri: "/referat", method: .post, headers: [.contentType: "text/xml", .authorization: "Bearer \(ServerFixture.eidToken)"],
                body: .text("<uid/>"))
            #expect(xml.status == .unsupportedMediaType)
        }
        #expect(try Self.records(fixture).isEmpty)
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        let fixture = try ServerFixture()
        try await fixture.live(bodyLimit: 1024) { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 4096)
            let response = try await client.execute(uri: "/referat", method: .post, headers: Self.bearer(ServerFixture.eidToken), body: big)
            #expect(response.status == .contentTooLarge)
        }
        #expect(try Self.records(fixture).isEmpty)
    }

    @Test func theOverviewFormPostsWithTheTokenField() async throws {
        let fixture = try ServerFixture()
        let uid = ServerFixture.vestSeptember
        try await fixture.live { client in
            let form = "uid=\(uid.replacingOccurrences(of: "@", with: "%40"))&delivered=2026-09-30&by=Liv+Dahl&ref=&token=\(ServerFixture.eidToken)"
            let response = try await client.execute(
                uri: "/referat", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: .text(form))
            #expect(response.status == .created)
            #expect(response.headers[.contentType] == "text/html; charset=utf-8")
            #expect(response.text.contains("Referat registrert"))
            let wrong = try await client.execute(
                uri: "/referat", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: .text("uid=x&token=feil"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("ble ikke registrert"))
        }
        let record = try #require(try Self.records(fixture).first)
        #expect(record.deliveredBy == "Liv Dahl")
        #expect(record.reference == nil)
    }
}
