import Foundation
import Hummingbird
import Logging
import MoteplanCore
import MoteplanStore

/// `GET /meg/<token>` and `POST /meg/<token>`: a person's page and its buttons. A token that is
/// wrong, rotated away or belongs to nobody who still gets a link is answered 404, like an
/// unknown page, and changes nothing; a POST must also come from the server's own pages (403
/// otherwise) and may only tick off the person's own meetings.
struct PersonalRoutes: Sendable {
    let cache: SiteCache
    let options: ServerOptions
    let logger: Logger

    /// What every answer on a personal path adds to `Replies.html` (which says `no-store`): never a Referer.
    static var privateHeaders: HTTPFields {
        var fields: HTTPFields = [:]
        if let name = HTTPFields.Element.Name("Referrer-Policy") { fields[name] = "no-referrer" }
        return fields
    }

    /// The person `token` is the current link of, with their role; nil for anyone else.
    func person(_ token: String, snapshot: SiteSnapshot) throws -> (id: String, role: Role)? {
        guard !token.isEmpty, token.count <= 100,
            let store = try StateStore.openForReading(path: cache.builder.statePath),
            let id = try store.read({ try PersonalLinks.person(token: token, in: $0) })
        else { return nil }
        return PersonalLinks.people(in: snapshot.plan).first { $0.id == id }
    }

    /// The page.
    func page(_ request: Request, token: String) -> Response {
        let snapshot = cache.current()
        let found: (id: String, role: Role)?
        do {
            found = try person(token, snapshot: snapshot)
        } catch {
            logger.error("personal page: the store could not be read: \(error)")
            let catalogue = snapshot.configuration.catalogue
            return Replies.html(
                .internalServerError, Self.notice(catalogue, catalogue(.personalErrorTitle), catalogue(.personalErrorPage)),
                headers: Self.privateHeaders)
        }
        guard let found else { return notFound(snapshot.configuration.catalogue) }
        let notice = request.uri.queryParameters["ok"].flatMap { Self.confirmations[String($0)] }.map { snapshot.configuration.catalogue($0) }
        let moment = options.now(snapshot.configuration.municipality.timeZone)
        let html = PersonalPage(
            snapshot: snapshot, personID: found.id, person: found.role, path: PersonalLinks.path(token: token), now: moment,
            baseURL: MoteplanServer.baseURL(snapshot, request), notice: notice
        ).render()
        return Replies.html(.ok, html, headers: Self.privateHeaders)
    }

    /// What a 303 back to the page says, by the `ok` code it carries (the buttons' `handling`).
    static let confirmations: [String: Phrase] = [
        "innkalling": .confirmInnkalling,
        "innkalling-angre": .confirmInnkallingUndo,
        "referat": .confirmReferat,
        "registrer": .confirmRegister,
        "referat-angre": .confirmReferatUndo,
    ]

    /// 404, the same for every token that opens nothing.
    func notFound(_ catalogue: Catalogue) -> Response {
        Replies.html(
            .notFound, Self.notice(catalogue, catalogue(.personalNotFoundTitle), catalogue(.personalNotFound)), headers: Self.privateHeaders)
    }

    /// A small page in the catalogue's language with a heading, a message and, when given, a link back.
    static func notice(_ catalogue: Catalogue, _ title: String, _ message: String, back: String? = nil) -> String {
        PageHead.render(language: catalogue.code, title: title, meta: [.noReferrer]) + """
        <body><main><h1>\(Markup.escape(title))</h1><p>\(Markup.escape(message))</p>\(back.map { "<p><a href=\"\(Markup.escape($0))\">\(catalogue(.personalBack))</a></p>" } ?? "")</main></body></html>

        """
    }

    /// A button: checks token, origin and ownership, records, and sends the browser back (303).
    func post(_ request: Request, token: String) async -> Response {
        var request = request
        let snapshot = cache.current()
        let found: (id: String, role: Role)?
        do {
            found = try person(token, snapshot: snapshot)
        } catch {
            logger.error("personal page: the store could not be read: \(error)")
            let catalogue = snapshot.configuration.catalogue
            return Replies.html(
                .internalServerError, Self.notice(catalogue, catalogue(.personalErrorTitle), catalogue(.personalErrorPost)),
                headers: Self.privateHeaders)
        }
        let catalogue = snapshot.configuration.catalogue
        guard let found else { return notFound(catalogue) }
        let back = PersonalLinks.path(token: token)
        func refuse(_ status: HTTPResponse.Status, _ message: String) -> Response {
            Replies.html(status, Self.notice(catalogue, catalogue(.personalRefusedTitle), message, back: back), headers: Self.privateHeaders)
        }
        guard SameOrigin.allows(request, baseURL: snapshot.configuration.server.baseURL) else {
            return refuse(.forbidden, catalogue(.personalWrongOrigin))
        }
        let type = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard type == "application/x-www-form-urlencoded" else {
            return refuse(.unsupportedMediaType, catalogue(.personalWrongType))
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: options.bodyLimit)
        } catch {
            return refuse(.contentTooLarge, catalogue(.personalTooLarge))
        }
        guard let fields = PersonalForm.parse(body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? []) else {
            return refuse(.badRequest, catalogue(.personalUnreadable))
        }
        let action = PersonalAction(cache: cache, options: options, personID: found.id, person: found.role, snapshot: snapshot)
        do {
            let code = try action.perform(fields)
            cache.invalidate()
            logger.info("personal page: \(code) recorded for \(found.id)")
            var headers = Self.privateHeaders
            headers[.cacheControl] = "no-store"
            headers[.location] = "\(back)?ok=\(code)"
            return Response(status: .seeOther, headers: headers, body: ResponseBody())
        } catch let refusal as PersonalAction.Refusal {
            return refuse(refusal.status, refusal.message)
        } catch {
            logger.error("personal page: the store could not be written: \(error)")
            return refuse(.internalServerError, catalogue(.personalNotSaved))
        }
    }
}

/// The fields of a personal page's form (`application/x-www-form-urlencoded`).
enum PersonalForm {
    /// The fields by name, or nil when the body is not a correctly encoded UTF-8 form.
    static func parse(_ body: [UInt8]) -> [String: String]? {
        guard let text = String(bytes: body, encoding: .utf8) else { return nil }
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = ReferatPayload.decode(parts[0]), let value = ReferatPayload.decode(parts.count > 1 ? parts[1] : "")
            else { return nil }
            fields[key] = value
        }
        return fields
    }
}

extension Phrase {
    static let confirmInnkalling = Phrase("personal.confirm_innkalling")
    static let confirmInnkallingUndo = Phrase("personal.confirm_innkalling_undo")
    static let confirmReferat = Phrase("personal.confirm_referat")
    static let confirmRegister = Phrase("personal.confirm_register")
    static let confirmReferatUndo = Phrase("personal.confirm_referat_undo")
    static let personalErrorTitle = Phrase("personal.error_title")
    static let personalErrorPage = Phrase("personal.error_page")
    static let personalErrorPost = Phrase("personal.error_post")
    static let personalNotFoundTitle = Phrase("personal.not_found_title")
    static let personalNotFound = Phrase("personal.not_found")
    static let personalBack = Phrase("personal.back")
    static let personalRefusedTitle = Phrase("personal.refused_title")
    static let personalWrongOrigin = Phrase("personal.wrong_origin")
    static let personalWrongType = Phrase("personal.wrong_type")
    static let personalTooLarge = Phrase("personal.too_large")
    static let personalUnreadable = Phrase("personal.unreadable")
    static let personalNotSaved = Phrase("personal.not_saved")
}
