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
        let catalogue = configuration.catalogue
        guard let token = Self.bearer(request.headers[.authorization]) ?? payload.token else {
            return reply(.unauthorized, ReferatReply("a token is needed: Authorization: Bearer <token>.", catalogue(.replyTokenMissing)), form: form)
        }
        let tokens = configuration.server.referatTokens
        guard let index = TokenCheck.match(token, among: tokens.map(\.tokenHash)) else {
            return reply(.unauthorized, ReferatReply("the token is not valid.", catalogue(.replyTokenInvalid)), form: form)
        }
        let role = tokens[index].role
        do {
            let (status, message) = try record(payload, role: role, snapshot: snapshot)
            return reply(status, message, form: form)
        } catch let refusal as Refusal {
            return reply(refusal.status, refusal.reply, form: form)
        } catch {
            logger.error("POST /referat failed: \(error)")
            return reply(.internalServerError, ReferatReply("the state store could not be written: \(error)", catalogue(.replyNotSaved)), form: form)
        }
    }

    /// A refused request with its status, its English message and its message for the page.
    struct Refusal: Error {
        let status: HTTPResponse.Status
        let reply: ReferatReply

        init(status: HTTPResponse.Status, message: String, page: String) {
            self.status = status
            reply = ReferatReply(message, page)
        }
    }

    /// Checks the fields the way the CLI does and writes the record.
    func record(_ payload: ReferatPayload, role: String, snapshot: SiteSnapshot) throws -> (HTTPResponse.Status, ReferatReply) {
        let configuration = snapshot.configuration
        let plan = snapshot.plan
        let catalogue = configuration.catalogue
        guard let uid = payload.uid, !uid.isEmpty else { throw Refusal(status: .badRequest, message: "uid is missing: the meeting's UID.", page: catalogue(.replyUIDMissing)) }
        guard let meeting = plan.meeting(uid: uid) else { throw Refusal(status: .notFound, message: "no meeting has the UID \(uid).", page: catalogue(.replyUnknownMeeting)) }
        guard let expected = plan.ledger.expected(uid: uid) else {
            throw Refusal(
                status: .badRequest,
                message: meeting.isCancelled ? "\(uid) was cancelled; it owes no referat." : "\(meeting.instance.structureID) meetings owe no referat.",
                page: meeting.isCancelled
                    ? catalogue(.replyCancelled, ["meeting": ReferatReply.meeting(meeting, catalogue)])
                    : catalogue(.replyNoReferat, ["title": meeting.title]))
        }
        guard meeting.leader?.id == role else {
            throw Refusal(
                status: .forbidden, message: "this token records referat for \(role)'s meetings; \(uid) is led by \(meeting.leader?.id ?? "nobody").",
                page: catalogue(.replyNotLeader, ["meeting": ReferatReply.meeting(meeting, catalogue)]))
        }
        let moment = options.now(configuration.municipality.timeZone)
        let horizon = configuration.municipality.horizon
        if ReferatRecord.deliveryProblem(meeting: meeting, day: moment.date, now: moment, horizon: horizon) == .notYetHeld {
            throw Refusal(
                status: .badRequest, message: "\(uid) is on \(meeting.startDateTime): a referat cannot be recorded for a meeting not yet held.",
                page: catalogue(.replyNotHeld, ["meeting": ReferatReply.meeting(meeting, catalogue), "time": "\(meeting.start)"]))
        }
        var day = moment.date
        if let text = payload.delivered {
            guard let parsed = LocalDate(iso: text) else {
                throw Refusal(status: .badRequest, message: "delivered \"\(text)\" is not a date; write YYYY-MM-DD.", page: catalogue(.replyBadDate))
            }
            day = parsed
        }
        switch ReferatRecord.deliveryProblem(meeting: meeting, day: day, now: moment, horizon: horizon) {
        case .outsideHorizon:
            throw Refusal(status: .badRequest, message: "delivered \(day) is outside the plan's horizon.", page: catalogue(.replyOutsideHorizon, ["date": catalogue.long(day)]))
        case .beforeMeeting:
            throw Refusal(
                status: .badRequest, message: "delivered \(day) is before the meeting (\(meeting.date)).",
                page: catalogue(.replyBeforeMeeting, ["date": catalogue.long(day), "meeting_date": catalogue.long(meeting.date)]))
        case .inFuture:
            throw Refusal(status: .badRequest, message: "delivered \(day) is in the future.", page: catalogue(.replyInFuture, ["date": catalogue.long(day)]))
        case .notYetHeld, nil: break
        }
        if let ref = payload.ref, let problem = ReferatRecord.validateReference(ref, field: "ref") {
            throw Refusal(status: .badRequest, message: problem, page: catalogue(.replyBadReference))
        }
        if let by = payload.by, let problem = ReferatRecord.validateDeliveredBy(by, field: "by") {
            throw Refusal(status: .badRequest, message: problem, page: catalogue(.replyBadDeliveredBy))
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
                page: catalogue(.replyConflict, ["meeting": ReferatReply.meeting(meeting, catalogue), "date": catalogue.long(current.delivered)]))
        }
        cache.invalidate()
        let timing = ReferatReply.timing(day, due: expected.due, catalogue)
        let delivered = catalogue.long(day)
        let what = ReferatReply.meeting(meeting, catalogue)
        logger.info("referat \(outcome): \(uid) delivered \(day) by \(role)")
        switch outcome {
        case .unchanged:
            return (.ok, ReferatReply(
                "already recorded: \(uid) delivered \(day); nothing changed.",
                catalogue(.replyUnchanged, ["meeting": what, "date": delivered])))
        case .replaced:
            return (.ok, ReferatReply(
                "replaced: referat for \(uid) delivered \(day), \(timing.english).",
                catalogue(.replyReplaced, ["meeting": what, "date": delivered, "timing": timing.page])))
        case .recorded:
            return (.created, ReferatReply(
                "recorded: referat for \(uid) delivered \(day), \(timing.english).",
                catalogue(.replyRecorded, ["meeting": what, "date": delivered, "timing": timing.page])))
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

    /// JSON `{"status"|"error": message}`, or a small HTML page in the plan's language for a form.
    func reply(_ status: HTTPResponse.Status, _ message: String, form: Bool) -> Response {
        reply(status, ReferatReply(message, cache.current().configuration.catalogue(.replyUnreadable)), form: form)
    }

    /// The English message as JSON, or the page's one on a small HTML page for a form.
    func reply(_ status: HTTPResponse.Status, _ message: ReferatReply, form: Bool) -> Response {
        let extra: HTTPFields = status == .unauthorized ? [.wwwAuthenticate: "Bearer realm=\"moteplan\""] : [:]
        let ok = (200..<300).contains(status.code)
        guard form else { return Replies.json(status, [ok ? "status" : "error": message.english], headers: extra) }
        let catalogue = cache.current().configuration.catalogue
        let title = catalogue(ok ? .replyTitleOK : .replyTitleRefused)
        let page = PageHead.render(language: catalogue.code, title: title) + """
            <body><main><h1>\(Markup.escape(title))</h1><p\(ok ? " role=\"status\"" : " role=\"alert\"")>\(Markup.escape(message.page))</p><p><a href="/">\(catalogue(.replyBackToOverview))</a></p></main></body></html>

            """
        return Replies.html(status, page, headers: extra)
    }
}
