import Hummingbird
import Logging
import MoteplanCore
import MoteplanStore

/// `POST /referat`: records that a held meeting's referat was delivered, as `moteplan referat record`
/// does, for a bearer token configured for the meeting's leader. Facts only: never the text.
///
/// 401 without a known token, 403 for another leader's meeting, 400 for bad fields, 404 for an
/// unknown meeting, 409 when a different delivery is recorded (send force), 413 for a body over
/// the limit, 415 for another content type; 201 when recorded, 200 when it was already recorded.
struct ReferatEndpoint: Sendable {
    let cache: SiteCache
    let options: ServerOptions
    let logger: Logger

    func handle(_ request: Request) async -> Response {
        var request = request
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > options.bodyLimit {
            return reply(.contentTooLarge, "the body is larger than \(options.bodyLimit) bytes.", form: false)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: options.bodyLimit)
        } catch {
            return reply(.contentTooLarge, "the body is larger than \(options.bodyLimit) bytes.", form: false)
        }
        let payload: ReferatPayload
        do {
            payload = try ReferatPayload.parse(contentType: request.headers[.contentType], body: body.getBytes(at: body.readerIndex, length: body.readableBytes) ?? [])
        } catch let problem as ReferatPayload.Problem {
            return reply(problem.unsupportedType ? .unsupportedMediaType : .badRequest, problem.message, form: false)
        } catch {
            return reply(.badRequest, "\(error)", form: false)
        }
        let form = payload.fromForm
        let snapshot = cache.current()
        let configuration = snapshot.configuration
        guard let token = Self.bearer(request.headers[.authorization]) ?? payload.token else {
            return reply(.unauthorized, ReferatReply(
                "a token is needed: Authorization: Bearer <token>.",
                "Nøkkel mangler: skriv inn nøkkelen du har fått av rådgiveren."), form: form)
        }
        let tokens = configuration.server.referatTokens
        guard let index = TokenCheck.match(token, among: tokens.map(\.tokenHash)) else {
            return reply(.unauthorized, ReferatReply("the token is not valid.", "Nøkkelen er ikke gyldig. Sjekk at du har skrevet den riktig, eller spør rådgiveren."), form: form)
        }
        let role = tokens[index].role
        do {
            let (status, message) = try record(payload, role: role, snapshot: snapshot)
            return reply(status, message, form: form)
        } catch let refusal as Refusal {
            return reply(refusal.status, refusal.reply, form: form)
        } catch {
            logger.error("POST /referat failed: \(error)")
            return reply(.internalServerError, ReferatReply(
                "the state store could not be written: \(error)",
                "Registreringen kunne ikke lagres. Prøv igjen senere, eller si fra til rådgiveren."), form: form)
        }
    }

    /// A refused request with its status and its message in both languages.
    struct Refusal: Error {
        let status: HTTPResponse.Status
        let reply: ReferatReply

        init(status: HTTPResponse.Status, message: String, norwegian: String) {
            self.status = status
            reply = ReferatReply(message, norwegian)
        }
    }

    /// Checks the fields the way the CLI does and writes the record.
    func record(_ payload: ReferatPayload, role: String, snapshot: SiteSnapshot) throws -> (HTTPResponse.Status, ReferatReply) {
        let configuration = snapshot.configuration
        let plan = snapshot.plan
        guard let uid = payload.uid, !uid.isEmpty else { throw Refusal(status: .badRequest, message: "uid is missing: the meeting's UID.", norwegian: "Velg møtet referatet gjelder.") }
        guard let meeting = plan.meeting(uid: uid) else { throw Refusal(status: .notFound, message: "no meeting has the UID \(uid).", norwegian: "Fant ikke møtet. Gå tilbake til oversikten og velg det i listen.") }
        guard let expected = plan.ledger.expected(uid: uid) else {
            throw Refusal(
                status: .badRequest,
                message: meeting.isCancelled ? "\(uid) was cancelled; it owes no referat." : "\(meeting.instance.structureID) meetings owe no referat.",
                norwegian: meeting.isCancelled
                    ? "\(ReferatReply.meeting(meeting)) ble avlyst; det skal ikke skrives referat."
                    : "Det føres ikke referat for \(meeting.title) her.")
        }
        guard meeting.leader?.id == role else {
            throw Refusal(
                status: .forbidden, message: "this token records referat for \(role)'s meetings; \(uid) is led by \(meeting.leader?.id ?? "nobody").",
                norwegian: "Nøkkelen din gjelder bare møtene du leder, og \(ReferatReply.meeting(meeting)) ledes av en annen.")
        }
        let moment = options.now(configuration.municipality.timeZone)
        let horizon = configuration.municipality.horizon
        if ReferatRecord.deliveryProblem(meeting: meeting, day: moment.date, now: moment, horizon: horizon) == .notYetHeld {
            throw Refusal(
                status: .badRequest, message: "\(uid) is on \(meeting.startDateTime): a referat cannot be recorded for a meeting not yet held.",
                norwegian: "\(ReferatReply.meeting(meeting)) kl. \(meeting.start) er ikke holdt ennå; referatet kan registreres etter møtet.")
        }
        var day = moment.date
        if let text = payload.delivered {
            guard let parsed = LocalDate(iso: text) else {
                throw Refusal(status: .badRequest, message: "delivered \"\(text)\" is not a date; write YYYY-MM-DD.", norwegian: "Levert dato er ikke en dato; skriv den som ÅÅÅÅ-MM-DD, f.eks. 2026-09-30.")
            }
            day = parsed
        }
        switch ReferatRecord.deliveryProblem(meeting: meeting, day: day, now: moment, horizon: horizon) {
        case .outsideHorizon:
            throw Refusal(status: .badRequest, message: "delivered \(day) is outside the plan's horizon.", norwegian: "Levert dato \(NorwegianDate.long(day)) er utenfor planperioden.")
        case .beforeMeeting:
            throw Refusal(
                status: .badRequest, message: "delivered \(day) is before the meeting (\(meeting.date)).",
                norwegian: "Levert dato \(NorwegianDate.long(day)) er før møtet (\(NorwegianDate.long(meeting.date))).")
        case .inFuture:
            throw Refusal(status: .badRequest, message: "delivered \(day) is in the future.", norwegian: "Levert dato \(NorwegianDate.long(day)) er fram i tid.")
        case .notYetHeld, nil: break
        }
        if let ref = payload.ref, let problem = ReferatRecord.validateReference(ref, field: "ref") {
            throw Refusal(status: .badRequest, message: problem, norwegian: ReferatReply.badReference)
        }
        if let by = payload.by, let problem = ReferatRecord.validateDeliveredBy(by, field: "by") {
            throw Refusal(status: .badRequest, message: problem, norwegian: ReferatReply.badDeliveredBy)
        }
        let record = ReferatRecord(
            uid: uid, delivered: day, deliveredBy: payload.by ?? meeting.leader.map(LeaderName.display),
            reference: payload.ref?.trimmingCharacters(in: .whitespaces))
        let store = try StateStore.openForWriting(path: cache.builder.statePath)
        let outcome: StateTransaction.ReferatWrite
        do {
            outcome = try store.write { try $0.recordReferat(record, force: payload.force, actor: "web:\(role)", at: moment) }
        } catch let conflict as StateTransaction.ReferatConflict {
            let current = conflict.current
            throw Refusal(
                status: .conflict, message: "\(uid) is already recorded (delivered \(current.delivered) by \(current.deliveredBy ?? "-")); send force to replace it.",
                norwegian: "Referatet fra \(ReferatReply.meeting(meeting)) er allerede registrert som levert \(NorwegianDate.long(current.delivered)). Kryss av for «Erstatt en tidligere registrering» for å endre det.")
        }
        cache.invalidate()
        let timing = ReferatReply.timing(day, due: expected.due)
        let delivered = NorwegianDate.long(day)
        let what = ReferatReply.meeting(meeting)
        logger.info("referat \(outcome): \(uid) delivered \(day) by \(role)")
        switch outcome {
        case .unchanged:
            return (.ok, ReferatReply(
                "already recorded: \(uid) delivered \(day); nothing changed.",
                "Referatet fra \(what) var allerede registrert som levert \(delivered); ingenting er endret."))
        case .replaced:
            return (.ok, ReferatReply(
                "replaced: referat for \(uid) delivered \(day), \(timing.english).",
                "Registreringen er erstattet: referatet fra \(what) ble levert \(delivered), \(timing.norwegian)."))
        case .recorded:
            return (.created, ReferatReply(
                "recorded: referat for \(uid) delivered \(day), \(timing.english).",
                "Registrert: referatet fra \(what) ble levert \(delivered), \(timing.norwegian)."))
        }
    }

    /// The token of `Authorization: Bearer <token>`.
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }

    /// JSON `{"status"|"error": message}`, or a small Norwegian HTML page for a form.
    func reply(_ status: HTTPResponse.Status, _ message: String, form: Bool) -> Response {
        reply(status, ReferatReply(message, "Forespørselen kunne ikke leses."), form: form)
    }

    /// The English message as JSON, or the Norwegian one on a small HTML page for a form.
    func reply(_ status: HTTPResponse.Status, _ message: ReferatReply, form: Bool) -> Response {
        let extra: HTTPFields = status == .unauthorized ? [.wwwAuthenticate: "Bearer realm=\"moteplan\""] : [:]
        let ok = (200..<300).contains(status.code)
        guard form else { return Replies.json(status, [ok ? "status" : "error": message.english], headers: extra) }
        let title = ok ? "Referat registrert" : "Referatet ble ikke registrert"
        let page = """
            <!DOCTYPE html>
            <html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>\(title)</title></head>
            <body><main><h1>\(title)</h1><p\(ok ? " role=\"status\"" : " role=\"alert\"")>\(Markup.escape(message.norwegian))</p><p><a href="/">Tilbake til oversikten</a></p></main></body></html>

            """
        return Replies.html(status, page, headers: extra)
    }
}
