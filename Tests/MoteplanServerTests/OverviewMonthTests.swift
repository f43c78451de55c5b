import Foundation
import Hummingbird
import HummingbirdTesting
import MoteplanCore
import MoteplanServer
import Testing

/// The public overview: every meeting reachable month by month, counts instead of names next to
/// what is overdue, the details behind the private token, and Norwegian replies to the form.
struct OverviewMonthTests {
    /// The UIDs in `moteplan plan --format csv` for the fixture's config (the first column).
    static func planUIDs(_ fixture: ServerFixture) throws -> [String] {
        let process = Process()
        process.executableURL = ServeCommandTests.binary
        process.arguments = ["plan", "--format", "csv", "--config", fixture.configPath, "--state", fixture.statePath, "--now", "2026-10-01T12:00"]
        let pipe = Pipe()
        let errors = Pipe()
        process.standardOutput = pipe
        process.standardError = errors
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(problems)")
        #expect(!data.isEmpty, "\(process.executableURL?.path ?? "?") printed nothing: \(problems)")
        // CSV rows end in CRLF, one Character in Swift: split on any line break.
        let lines = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).dropFirst()
        return lines.compactMap { $0.split(separator: ",").first.map(String.init) }
    }

    /// The `data-moete` UIDs of a page's meeting rows.
    static func rowUIDs(_ page: String) -> [String] {
        page.components(separatedBy: "data-moete=\"").dropFirst().compactMap { $0.components(separatedBy: "\"").first }
    }

    /// The `?maaned=` of the link with `rel`, if the page has one.
    static func link(_ page: String, rel: String) -> String? {
        guard let relation = page.range(of: "#moter\" rel=\"\(rel)\"") else { return nil }
        let before = page[..<relation.lowerBound]
        guard let start = before.range(of: "?maaned=", options: .backwards) else { return nil }
        return String(before[start.upperBound...])
    }

    @Test func everyMeetingOfEveryInstanceIsReachableMonthByMonth() async throws {
        let fixture = try ServerFixture()
        let expected = try Self.planUIDs(fixture)
        // The fixture has far more than five meetings per structure (16 lokale team monthly alone).
        #expect(expected.count > 200)
        let seen = try await fixture.live { client -> [String] in
            // Back to the horizon's first month, then forward to its last, by the page's own links.
            var month = "2026-10"
            var guardCount = 0
            while let previous = Self.link(try await client.execute(uri: "/?maaned=\(month)", method: .get).text, rel: "prev"), guardCount < 100 {
                month = previous
                guardCount += 1
            }
            var uids: [String] = []
            var months = 0
            while true {
                let page = try await client.execute(uri: "/?maaned=\(month)", method: .get)
                #expect(page.status == .ok)
                uids += Self.rowUIDs(page.text)
                months += 1
                guard let next = Self.link(page.text, rel: "next"), months < 200 else { break }
                month = next
            }
            return uids
        }
        #expect(seen.count == expected.count, "every meeting once: \(seen.count) rows against \(expected.count) in plan --format csv")
        #expect(Set(seen) == Set(expected))
    }

    @Test func overdueDutiesAreCountedNotNamed() async throws {
        let fixture = try ServerFixture()
        let configuration = try ConfigLoader.load(path: fixture.configPath).configuration
        let people = (configuration.roles + configuration.units.map(\.head)).compactMap(\.person) + configuration.units.map(\.name)
        try await fixture.live { client in
            let page = try await client.execute(uri: "/", method: .get).text
            #expect(!page.contains("forfalt for"))
            let status = page.components(separatedBy: "<h2 id=\"status\">").dropFirst().first?.components(separatedBy: "<h2").first ?? ""
            #expect(status.contains("referat mangler"), "\(status)")
            for name in people {
                #expect(!status.contains(name), "\(name) is named in the status section")
            }
            // No line that says something is overdue or missing carries a name, anywhere on the page.
            for line in page.split(separator: "\n") where line.contains("mangler") || line.contains("forfalt<") || line.contains(" forfalt") {
                for name in people where line.contains(name) {
                    Issue.record("\(name) next to an overdue duty: \(line)")
                }
            }
        }
    }

    @Test func theDetailsPerLeaderAreBehindThePrivateToken() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let page = try await client.execute(uri: "/private/\(ServerFixture.privateToken)/oversikt", method: .get)
            #expect(page.status == .ok)
            #expect(page.text.contains("<html lang=\"nb\">"))
            #expect(page.text.contains("Referat og oppgaver per leder"))
            // Melhus vest's September referat: due 24 September, so 7 days overdue on 1 October.
            #expect(page.text.contains("forfalt for 7 dager siden"), "\(page.text)")
            let wrong = try await client.execute(uri: "/private/feil-nokkel/oversikt", method: .get)
            #expect(wrong.status == .notFound)
            #expect(!wrong.text.contains("per leder"))
        }
    }

    @Test func aBadOrFarMonthIsRefusedInNorwegian() async throws {
        let fixture = try ServerFixture()
        try await fixture.live { client in
            let bad = try await client.execute(uri: "/?maaned=mars", method: .get)
            #expect(bad.status == .badRequest)
            #expect(bad.text.contains("Ukjent måned «mars»: skriv året og måneden som 2027-03."))
            let far = try await client.execute(uri: "/?maaned=2040-01", method: .get)
            #expect(far.status == .notFound)
            #expect(far.text.contains("Januar 2040 er utenfor planperioden"))
        }
    }

    @Test func theFormsRepliesAreNorwegian() async throws {
        let fixture = try ServerFixture()
        let uid = ServerFixture.vestSeptember
        let encoded = uid.replacingOccurrences(of: "@", with: "%40")
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        try await fixture.live { client in
            let wrong = try await client.execute(uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&token=feil"))
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains("<p role=\"alert\">Nøkkelen er ikke gyldig."), "\(wrong.text)")
            let future = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-10-05&token=\(ServerFixture.eidToken)"))
            #expect(future.status == .badRequest)
            #expect(future.text.contains("Levert dato 5. oktober 2026 er fram i tid."), "\(future.text)")
            // Due 24 September (the samarbeidsgruppe's 1 October agenda closes then); 30 September is late.
            let done = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-09-30&token=\(ServerFixture.eidToken)"))
            #expect(done.status == .created)
            #expect(done.text.contains(
                "Registrert: referatet fra Tverrfaglig nettverk – Melhus vest, onsdag 16. september 2026 ble levert 30. september 2026, etter fristen (fristen var 24. september 2026)."),
                "\(done.text)")
            let again = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(encoded)&delivered=2026-09-29&token=\(ServerFixture.eidToken)"))
            #expect(again.status == .conflict)
            #expect(again.text.contains("er allerede registrert som levert 30. september 2026"), "\(again.text)")
            for reply in [wrong.text, future.text, done.text, again.text] {
                #expect(reply.contains("<html lang=\"nb\">"))
                for english in ["token", "delivered", "recorded", " is ", " the "] {
                    #expect(!reply.contains(english), "English \"\(english)\" on a Norwegian page: \(reply)")
                }
            }
            // The JSON API keeps its English messages for scripts.
            let json = try await client.execute(
                uri: "/referat", method: .post,
                headers: [.contentType: "application/json", .authorization: "Bearer \(ServerFixture.eidToken)"],
                body: .text("{\"uid\": \"\(uid)\", \"delivered\": \"2026-09-30\"}"))
            #expect(json.status == .ok)
            #expect(json.text.contains("already recorded"))
        }
    }
}
