import MoteplanCore

/// What `POST /referat` answers: an English line for the JSON API (its `status`/`error` value,
/// unchanged for scripts) and the sentence in the plan's language shown on the page a form post
/// gets back.
struct ReferatReply: Error, Sendable {
    /// The English message of the JSON body.
    let english: String
    /// The message of the HTML page, in the plan's language.
    let page: String

    init(_ english: String, _ page: String) {
        self.english = english
        self.page = page
    }

    /// "i tide (fristen var 24. september 2026)" or "etter fristen (fristen var …)".
    static func timing(_ day: LocalDate, due: LocalDate, _ catalogue: Catalogue) -> (english: String, page: String) {
        day <= due
            ? ("on time (due \(due))", catalogue(.replyOnTime, ["due": catalogue.long(due)]))
            : ("late (due \(due))", catalogue(.replyLate, ["due": catalogue.long(due)]))
    }

    /// "Tverrfaglig nettverk – Melhus vest, onsdag 16. september 2026".
    static func meeting(_ meeting: Meeting, _ catalogue: Catalogue) -> String {
        "\(meeting.title), \(catalogue.withWeekday(meeting.date))"
    }
}

extension Phrase {
    static let replyTitleOK = Phrase("reply.title_ok")
    static let replyTitleRefused = Phrase("reply.title_refused")
    static let replyUnreadable = Phrase("reply.unreadable")
    static let replyTokenMissing = Phrase("reply.token_missing")
    static let replyTokenInvalid = Phrase("reply.token_invalid")
    static let replyNotSaved = Phrase("reply.not_saved")
    static let replyUIDMissing = Phrase("reply.uid_missing")
    static let replyUnknownMeeting = Phrase("reply.unknown_meeting")
    static let replyCancelled = Phrase("reply.cancelled")
    static let replyNoReferat = Phrase("reply.no_referat")
    static let replyNotLeader = Phrase("reply.not_leader")
    static let replyNotHeld = Phrase("reply.not_held")
    static let replyBadDate = Phrase("reply.bad_date")
    static let replyOutsideHorizon = Phrase("reply.outside_horizon")
    static let replyBeforeMeeting = Phrase("reply.before_meeting")
    static let replyInFuture = Phrase("reply.in_future")
    static let replyBadReference = Phrase("reply.bad_reference")
    static let replyBadDeliveredBy = Phrase("reply.bad_delivered_by")
    static let replyConflict = Phrase("reply.conflict")
    static let replyUnchanged = Phrase("reply.unchanged")
    static let replyReplaced = Phrase("reply.replaced")
    static let replyRecorded = Phrase("reply.recorded")
    static let replyOnTime = Phrase("reply.on_time")
    static let replyLate = Phrase("reply.late")
    static let replyBackToOverview = Phrase("page.back_to_overview")
}
