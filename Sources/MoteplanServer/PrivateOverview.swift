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
            return Replies.text(.notFound, "Ukjent kalender.")
        }
        let moment = now(snapshot.configuration.municipality.timeZone)
        let overview = OverviewPage(snapshot: snapshot, now: moment, baseURL: "")
        var html = overview.pageStart(title: "Oppgaver per leder")
        html += "<p>Ikke offentlig: denne siden er bare for den som har den private nøkkelen. <a href=\"/\">Til den offentlige oversikten</a></p>\n"
        html += overview.leaderSection()
        html += "</body>\n</html>\n"
        return Replies.html(.ok, AccessibleMarkup.scrollableTables(html))
    }
}
