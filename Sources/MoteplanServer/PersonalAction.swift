import Foundation
import Hummingbird
import MoteplanCore
import MoteplanStore

/// What a button on a personal page does: innkalling sent, referat delivered, and undo for
/// either, for a meeting the person leads, checked the way the CLI checks. Facts only: the day,
/// and for a referat at most an archive reference, never its text.
struct PersonalAction {
    let cache: SiteCache
    let options: ServerOptions
    let personID: String
    let person: Role
    let snapshot: SiteSnapshot

    /// A refused button, with its status and a message in the plan's language.
    struct Refusal: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    var actor: String { "meg:\(personID)" }
    /// The plan's language.
    var catalogue: Catalogue { snapshot.configuration.catalogue }

    /// Records what `fields` ask for; returns the confirmation's code (the `handling`).
    func perform(_ fields: [String: String]) throws -> String {
        let action = fields["handling"] ?? ""
        guard PersonalRoutes.confirmations[action] != nil else {
            throw Refusal(status: .badRequest, message: catalogue(.actionUnknown))
        }
        if action == "registrer" {
            try register(fields)
            return action
        }
        let meeting = try ownMeeting(fields["uid"])
        let uid = meeting.uid(domain: snapshot.configuration.municipality.uidDomain)
        let moment = options.now(snapshot.configuration.municipality.timeZone)
        let store = try StateStore.openForWriting(path: cache.builder.statePath)
        switch action {
        case "innkalling":
            if meeting.isCancelled { throw Refusal(status: .badRequest, message: catalogue(.actionCancelled)) }
            if meeting.startDateTime <= moment {
                throw Refusal(status: .badRequest, message: catalogue(.actionStarted))
            }
            _ = try store.write { try $0.recordInnkalling(InnkallingRecord(uid: uid, sent: moment.date), actor: actor, at: moment) }
        case "innkalling-angre":
            let undone = try store.write { try $0.undoInnkalling(uid: uid, actor: actor, at: moment) }
            if !undone { throw Refusal(status: .badRequest, message: catalogue(.actionInnkallingNotSent)) }
        case "referat":
            try recordReferat(meeting, uid: uid, fields: fields, moment: moment, store: store)
        default:
            let previous = try store.read { try $0.referatRecord(uid: uid) }
            guard let previous else { throw Refusal(status: .badRequest, message: catalogue(.actionReferatNotDelivered)) }
            try store.write { try $0.undoReferat(previous, reason: catalogue(.actionUndoReason), actor: actor, at: moment) }
        }
        return action
    }

    /// Registers a meeting of a duty without fixed dates (`at_least`) that the person
    /// leads, on the day and at the time given, with the structure's usual length; refused on a
    /// closed day, when it would double-book someone, or when it is registered already.
    func register(_ fields: [String: String]) throws {
        let configuration = snapshot.configuration
        guard let structure = fields["struktur"].flatMap({ configuration.structure($0) }), structure.isAtLeastDuty,
            let instance = snapshot.plan.schedule.instances.first(where: { $0.structureID == structure.id && $0.instanceID == fields["instans"] })
        else { throw Refusal(status: .notFound, message: catalogue(.actionUnknownDuty)) }
        guard snapshot.plan.scheduler.leaderRole(structure, instance)?.id == personID else {
            throw Refusal(status: .forbidden, message: catalogue(.actionNotDutyLeader, ["structure": structure.title, "instance": instance.name]))
        }
        let dayText = fields["dato"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let timeText = fields["tid"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let day = LocalDate(iso: dayText) else {
            throw Refusal(status: .badRequest, message: catalogue(.actionBadDate, ["text": dayText]))
        }
        guard let start = LocalTime(text: timeText) else {
            throw Refusal(status: .badRequest, message: catalogue(.actionBadTime, ["text": timeText]))
        }
        guard configuration.municipality.horizon.contains(day) else {
            throw Refusal(status: .badRequest, message: catalogue(.actionOutsideHorizon, ["date": catalogue.long(day)]))
        }
        if let closure = snapshot.plan.scheduler.calendar.closure(on: day, school: structure.followsSchoolCalendar) {
            throw Refusal(status: .badRequest, message: catalogue(.actionClosedDay, ["date": catalogue.withWeekday(day), "closure": "\(closure)"]))
        }
        let slot = structure.slots.first
        let length = slot.map { $0.end.minutesSinceMidnight - $0.start.minutesSinceMidnight } ?? 60
        guard let end = start.adding(minutes: length) else {
            throw Refusal(status: .badRequest, message: catalogue(.actionPastMidnight, ["time": "\(start)"]))
        }
        let begin = LocalDateTime(date: day, time: start)
        let uid = Meeting.addedUID(instance, start: begin, domain: configuration.municipality.uidDomain)
        guard snapshot.plan.meeting(uid: uid) == nil else {
            throw Refusal(status: .conflict, message: catalogue(.actionAlreadyRegistered, ["date": catalogue.long(day), "time": "\(start)"]))
        }
        let moment = options.now(configuration.municipality.timeZone)
        let change = MeetingChange(
            uid: uid, kind: .add(structureID: structure.id, instanceID: instance.instanceID, start: begin, end: end, title: nil),
            reason: catalogue(.actionRegisterReason), actor: actor, at: moment)
        guard snapshot.plan.conflicts(after: change).isEmpty else {
            throw Refusal(status: .conflict, message: catalogue(.actionBusy))
        }
        let store = try StateStore.openForWriting(path: cache.builder.statePath)
        try store.write { try $0.append(change) }
    }

    /// The meeting with `uid`, when the person leads it.
    func ownMeeting(_ uid: String?) throws -> Meeting {
        guard let uid, !uid.isEmpty, let meeting = snapshot.plan.meeting(uid: uid) else {
            throw Refusal(status: .notFound, message: catalogue(.actionUnknownMeeting))
        }
        guard meeting.leader?.id == personID else {
            throw Refusal(status: .forbidden, message: catalogue(.actionNotLeader))
        }
        return meeting
    }

    /// Records a referat delivered: the day (default today) and an optional reference.
    func recordReferat(_ meeting: Meeting, uid: String, fields: [String: String], moment: LocalDateTime, store: StateStore) throws {
        guard snapshot.plan.ledger.expected(uid: uid) != nil else {
            throw Refusal(status: .badRequest, message: catalogue(.actionNoReferat))
        }
        var day = moment.date
        if let text = fields["levert"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let parsed = LocalDate(iso: text) else {
                throw Refusal(status: .badRequest, message: catalogue(.actionBadDate, ["text": text]))
            }
            day = parsed
        }
        let horizon = snapshot.configuration.municipality.horizon
        switch ReferatRecord.deliveryProblem(meeting: meeting, day: day, now: moment, horizon: horizon) {
        case .notYetHeld: throw Refusal(status: .badRequest, message: catalogue(.actionNotHeld))
        case .outsideHorizon: throw Refusal(status: .badRequest, message: catalogue(.actionOutsideHorizon, ["date": catalogue.long(day)]))
        case .beforeMeeting: throw Refusal(status: .badRequest, message: catalogue(.actionBeforeMeeting, ["date": catalogue.long(meeting.date)]))
        case .inFuture: throw Refusal(status: .badRequest, message: catalogue(.actionInFuture, ["date": catalogue.long(day)]))
        case nil: break
        }
        let reference = fields["ref"]?.trimmingCharacters(in: .whitespaces)
        if let reference, !reference.isEmpty, ReferatRecord.validateReference(reference, field: "ref") != nil {
            throw Refusal(status: .badRequest, message: catalogue(.actionBadReference))
        }
        let record = ReferatRecord(
            uid: uid, delivered: day, deliveredBy: LeaderName.display(person), reference: (reference?.isEmpty ?? true) ? nil : reference)
        do {
            _ = try store.write { try $0.recordReferat(record, force: false, actor: actor, at: moment) }
        } catch let conflict as StateTransaction.ReferatConflict {
            throw Refusal(
                status: .conflict,
                message: catalogue(.actionAlreadyDelivered, ["date": catalogue.long(conflict.current.delivered)]))
        }
    }
}

extension Phrase {
    static let actionUnknown = Phrase("personal_action.unknown_action")
    static let actionCancelled = Phrase("personal_action.cancelled")
    static let actionStarted = Phrase("personal_action.started")
    static let actionInnkallingNotSent = Phrase("personal_action.innkalling_not_sent")
    static let actionReferatNotDelivered = Phrase("personal_action.referat_not_delivered")
    static let actionUndoReason = Phrase("personal_action.undo_reason")
    static let actionRegisterReason = Phrase("personal_action.register_reason")
    static let actionUnknownDuty = Phrase("personal_action.unknown_duty")
    static let actionNotDutyLeader = Phrase("personal_action.not_duty_leader")
    static let actionBadDate = Phrase("personal_action.bad_date")
    static let actionBadTime = Phrase("personal_action.bad_time")
    static let actionOutsideHorizon = Phrase("personal_action.outside_horizon")
    static let actionClosedDay = Phrase("personal_action.closed_day")
    static let actionPastMidnight = Phrase("personal_action.past_midnight")
    static let actionAlreadyRegistered = Phrase("personal_action.already_registered")
    static let actionBusy = Phrase("personal_action.busy")
    static let actionUnknownMeeting = Phrase("personal_action.unknown_meeting")
    static let actionNotLeader = Phrase("personal_action.not_leader")
    static let actionNoReferat = Phrase("personal_action.no_referat")
    static let actionNotHeld = Phrase("personal_action.not_held")
    static let actionBeforeMeeting = Phrase("personal_action.before_meeting")
    static let actionInFuture = Phrase("personal_action.in_future")
    static let actionBadReference = Phrase("personal_action.bad_reference")
    static let actionAlreadyDelivered = Phrase("personal_action.already_delivered")
}
