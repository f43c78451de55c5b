import Hummingbird
import HummingbirdTesting
import MoteplanCore
import Testing

/// Every HTML page the server writes, the small ones included (a link that opens nothing, the
/// referat form's reply), starts with the shared head: a viewport, and `AccessibleMarkup.style`
/// (long words broken, focus visible, tables that scroll) inside `<head>`, before the page's own
/// rules. The Chromium reflow check only finds a missing style where the words are long and the
/// fonts wide; this finds it on every page.
struct PageHeadTests {
    /// The part of `page` up to `</head>`, or nothing when it has no head.
    static func head(_ page: String) -> Substring {
        guard let end = page.range(of: "</head>") else { return "" }
        return page[..<end.lowerBound]
    }

    static func expectSharedHead(_ page: String, _ what: String) {
        let head = Self.head(page)
        #expect(head.hasPrefix("<!DOCTYPE html>\n<html lang=\"nb\">\n<head>\n<meta charset=\"utf-8\">\n"), "\(what): \(page.prefix(200))")
        #expect(head.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), "\(what)")
        #expect(head.contains("<style>\n" + AccessibleMarkup.style + "\n"), "\(what): the shared style opens the page's style")
    }

    @Test func everyPageHasTheSharedHead() async throws {
        let fixture = try PersonalLinkTests.fixture()
        let token = try #require(try PersonalLinkTests.links(fixture)[PersonalLinkTests.eid])
        let form: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        let uid = ServerFixture.vestSeptember.replacingOccurrences(of: "@", with: "%40")
        try await fixture.live(now: PersonalLinkTests.now) { client in
            let pages: [(String, HTTPResponse.Status)] = [
                ("/", .ok), ("/?maaned=2026-11", .ok), ("/private/\(ServerFixture.privateToken)/oversikt", .ok),
                ("/meg/\(token)", .ok), ("/meg/ukjent-lenke", .notFound),
            ]
            for (uri, status) in pages {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.status == status, "\(uri)")
                Self.expectSharedHead(response.text, uri)
            }
            // The personal pages keep their own meta: no Referer, no index.
            let personal = try await client.execute(uri: "/meg/\(token)", method: .get).text
            #expect(Self.head(personal).contains("<meta name=\"referrer\" content=\"no-referrer\">\n<meta name=\"robots\" content=\"noindex\">"))
            let unknown = try await client.execute(uri: "/meg/ukjent-lenke", method: .get).text
            #expect(Self.head(unknown).contains("<meta name=\"referrer\" content=\"no-referrer\">"))
            // The referat form's reply, refused and accepted.
            let refused = try await client.execute(uri: "/referat", method: .post, headers: form, body: .text("uid=\(uid)&token=feil"))
            #expect(refused.status == .unauthorized)
            Self.expectSharedHead(refused.text, "refused referat form")
            let accepted = try await client.execute(
                uri: "/referat", method: .post, headers: form, body: .text("uid=\(uid)&delivered=2026-09-30&token=\(ServerFixture.eidToken)"))
            #expect(accepted.status == .created)
            Self.expectSharedHead(accepted.text, "accepted referat form")
        }
    }
}
