import Hummingbird
import MoteplanCore

/// `GET /private/<token>/oversikt`: the referat and duties per leader, by name, for holders of a
/// private token (the rådgivere). The public overview shows only counts.
struct PrivateOverview: Sendable {
    let cache: SiteCache
    let now: @Sendable (String) -> LocalDateTime

    /// The page for a configured private token; the same 404 as an unknown feed otherwise.
    func page(_ request: Request, token: String) -> Response {
        let snapshot = cache.current()
        guard TokenCheck.match(token, among: snapshot.configuration.server.privateTokenHashes) != nil else {
            return Replies.text(.notFound, snapshot.configuration.catalogue(.unknownCalendar))
        }
        let moment = now(snapshot.configuration.municipality.timeZone)
        let overview = OverviewPage(snapshot: snapshot, now: moment, baseURL: "")
        let catalogue = overview.catalogue
        var html = overview.pageStart(title: catalogue(.privateTitle))
        html += "<p>\(catalogue(.privateNotice)) <a href=\"/\">\(catalogue(.privateBack))</a></p>\n"
        html += overview.leaderSection()
        html += "</body>\n</html>\n"
        return Replies.html(.ok, AccessibleMarkup.scrollableTables(html, catalogue: catalogue))
    }
}

extension Phrase {
    static let privateTitle = Phrase("overview.private_title")
    static let privateNotice = Phrase("overview.private_notice")
    static let privateBack = Phrase("overview.private_back")
}
