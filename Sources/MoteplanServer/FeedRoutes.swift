import Hummingbird
import MoteplanCore

/// The feed and årshjul routes. Everything is served from memory by exact lookup of the path
/// after the prefix, so no request can reach the file system (no traversal by construction).
struct FeedRoutes: Sendable {
    let cache: SiteCache

    /// `GET /feeds/<path>`: public feeds, without e-mail addresses.
    func publicFeed(_ request: Request, path: String) -> Response {
        let snapshot = cache.current()
        guard let resource = snapshot.publicFeeds[path] else {
            return Replies.text(.notFound, snapshot.configuration.catalogue(.unknownFeed, ["path": path]))
        }
        return ConditionalGet.response(resource, for: request)
    }

    /// `GET /private/<token>/<path>`: the feeds with ORGANIZER and ATTENDEE, for a configured token only.
    /// A wrong or revoked token gets the same 404 as an unknown feed, so tokens cannot be probed.
    func privateFeed(_ request: Request, token: String, path: String) -> Response {
        let snapshot = cache.current()
        guard TokenCheck.match(token, among: snapshot.configuration.server.privateTokenHashes) != nil,
            let resource = snapshot.privateFeeds[path]
        else { return Replies.text(.notFound, snapshot.configuration.catalogue(.unknownCalendar)) }
        return ConditionalGet.response(resource, for: request)
    }

    /// `GET /arshjul/<YYYY-YY>.svg`.
    func arshjul(_ request: Request, file: String) -> Response {
        let snapshot = cache.current()
        guard file.hasSuffix(".svg"), let year = SiteSnapshot.startYear(urlLabel: String(file.dropLast(4))),
            let resource = snapshot.arshjul[year]
        else {
            let known = snapshot.schoolYears.map { SiteSnapshot.urlLabel(startYear: $0) + ".svg" }.joined(separator: ", ")
            return Replies.text(.notFound, snapshot.configuration.catalogue(.unknownSchoolYear, ["known": known]))
        }
        return ConditionalGet.response(resource, for: request)
    }
}

extension Phrase {
    static let unknownCalendar = Phrase("page_error.unknown_calendar")
    static let unknownFeed = Phrase("page_error.unknown_feed")
    static let unknownSchoolYear = Phrase("page_error.unknown_school_year")
}
