import Hummingbird
import MoteplanCore

/// `GET /api/plan?from=&to=&structure=` and `GET /api/obligations?leader=&from=&to=`: the same JSON
/// as `moteplan plan --format json` and `moteplan obligations --format json`.
struct APIRoutes: Sendable {
    let cache: SiteCache
    let now: @Sendable (String) -> LocalDateTime

    /// The plan's meetings in a period, for one structure or all.
    func plan(_ request: Request) -> Response {
        let snapshot = cache.current()
        let configuration = snapshot.configuration
        let query = request.uri.queryParameters
        var filter = PlanQuery()
        do {
            filter.from = try date(query["from"].map(String.init), "from")
            filter.to = try date(query["to"].map(String.init), "to")
        } catch let error as APIError {
            return Replies.jsonError(.badRequest, error.message)
        } catch {
            return Replies.jsonError(.badRequest, "\(error)")
        }
        if let from = filter.from, let to = filter.to, from > to {
            return Replies.jsonError(.badRequest, "from \(from) is after to \(to).")
        }
        if let structure = query["structure"].map(String.init) {
            guard configuration.structure(structure) != nil else {
                return Replies.jsonError(.badRequest, "unknown structure \"\(structure)\"; known: \(configuration.structures.map(\.id).joined(separator: ", ")).")
            }
            filter.structure = structure
        }
        let rows = filter.filter(snapshot.plan.schedule.meetings).map { PlanRow(meeting: $0, uidDomain: configuration.municipality.uidDomain, catalogue: configuration.catalogue) }
        guard let json = try? PlanFormatter.json(rows) else { return Replies.jsonError(.internalServerError, "could not encode the plan.") }
        return ConditionalGet.response(jsonResource(json), for: request)
    }

    /// Open obligations at now, for one leader (a role or unit id, a person's name or e-mail) or everyone; `to` defaults to six weeks ahead.
    func obligations(_ request: Request) -> Response {
        let snapshot = cache.current()
        let configuration = snapshot.configuration
        let query = request.uri.queryParameters
        let moment = now(configuration.municipality.timeZone)
        let filter: ObligationPlanner.Filter
        if let leader = query["leader"].map(String.init) {
            // An id, a person's name or an e-mail address, as the CLI's --leader takes.
            switch ActorLookup(configuration, sections: .actors).find(leader) {
            case .found(let id):
                filter = .leader(id)
            case .ambiguous(let candidates):
                return Replies.jsonError(.badRequest, "leader \"\(leader)\" is ambiguous: give one of \(candidates.map(\.id).joined(separator: ", ")).")
            case .unknown(let suggestion):
                return Replies.jsonError(.badRequest, "unknown leader \"\(leader)\"." + (suggestion.map { " Did you mean \"\($0)\"?" } ?? ""))
            }
        } else {
            filter = .all
        }
        let from: LocalDate?
        let to: LocalDate
        do {
            from = try date(query["from"].map(String.init), "from")
            to = try date(query["to"].map(String.init), "to") ?? moment.date.adding(days: 42)
        } catch let error as APIError {
            return Replies.jsonError(.badRequest, error.message)
        } catch {
            return Replies.jsonError(.badRequest, "\(error)")
        }
        let list = snapshot.plan.obligations.obligations(filter: filter, now: moment, from: from, to: to)
        guard let json = try? ObligationListing.json(list) else { return Replies.jsonError(.internalServerError, "could not encode.") }
        return ConditionalGet.response(jsonResource(json), for: request)
    }

    private func jsonResource(_ json: String) -> CachedResource {
        CachedResource(text: json, contentType: "application/json; charset=utf-8", cacheControl: "no-cache", lastModified: nil)
    }

    private func date(_ text: String?, _ name: String) throws -> LocalDate? {
        guard let text else { return nil }
        guard let date = LocalDate(iso: text) else { throw APIError(message: "\(name) \"\(text)\" is not a date; write YYYY-MM-DD.") }
        return date
    }
}

/// A bad query parameter.
struct APIError: Error {
    let message: String
}
