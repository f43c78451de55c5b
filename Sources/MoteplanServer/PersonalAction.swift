import Foundation
import Hummingbird
import MoteplanCore
import MoteplanStore

/// What a button on a personal page does: "Innkalling sendt", "Referat levert", and "Angre" for
/// either, for a meeting the person leads, checked the way the CLI checks. Facts only: the day,
/// and for a referat at most an archive reference, never its text.
struct PersonalAction {
    let cache: SiteCache
    let options: ServerOptions
    let personID: String
    let person: Role
    let snapshot: SiteSnapshot

    /// A refused button, with its status and a Norwegian message.
    struct Refusal: Error {
        let status: HTTPResponse.Status
        let message: String
    }

    var actor: String { "meg:\(personID)" }

    /// Records what `fields` ask for; returns the confirmation's code (the `handling`).
    func perform(_ fields: [String: String]) throws -> String {
        let action = fields["handling"] ?? ""
        guard PersonalRoutes.confirmations[action] != nil else {
            throw Refusal(status: .badRequest, message: "Ukjent handling. Ingenting ble registrert.")
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
            if meeting.isCancelled { throw Refusal(status: .badRequest, message: "Møtet er avlyst; det trengs ingen innkalling.") }
            if meeting.startDateTime <= moment {
                throw Refusal(status: .badRequest, message: "Møtet har allerede begynt; innkallingen trengs ikke lenger.")
            }
            _ = try store.write { try $0.recordInnkalling(InnkallingRecord(uid: uid, sent: moment.date), actor: actor, at: moment) }
        case "innkalling-angre":
            let undone = try store.write { try $0.undoInnkalling(uid: uid, actor: actor, at: moment) }
            if !undone { throw Refusal(status: .badRequest, message: "Innkallingen står ikke som sendt; det er ingenting å angre.") }
        case "referat":
            try recordReferat(meeting, uid: uid, fields: fields, moment: moment, store: store)
        default:
            let previous = try store.read { try $0.referatRecord(uid: uid) }
            guard let previous else { throw Refusal(status: .badRequest, message: "Referatet står ikke som levert; det er ingenting å angre.") }
            try store.write { try $0.undoReferat(previous, reason: "angret på min side", actor: actor, at: moment) }
        }
        return action
    }

    /// "Registrer møte": a meeting of a duty without fixed dates (`at_least`) that the person
    /// leads, on the day and at the time given, with the structure's usual length; refused on a
    /// closed day, when it would double-book someone, or when it is registered already.
    func register(_ fields: [String: String]) throws {
        let configuration = snapshot.configuration
        guard let structure = fields["struktur"].flatMap({ configuration.structure($0) }), structure.isAtLeastDuty,
            let instance = snapshot.plan.schedule.instances.first(where: { $0.structureID == structure.id && $0.instanceID == fields["instans"] })
        else { throw Refusal(status: .notFound, message: "Fant ikke plikten. Ingenting ble registrert.") }
        guard snapshot.plan.scheduler.leaderRole(structure, instance)?.id == personID else {
            throw Refusal(status: .forbidden, message: "Du leder ikke \(structure.title) for \(instance.name). Ingenting ble registrert.")
        }
        let dayText = fields["dato"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let timeText = fields["tid"]?.trimmingCharacters(in: .whitespaces) ?? ""
        guard let day = LocalDate(iso: dayText) else {
            throw Refusal(status: .badRequest, message: "«\(dayText)» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.")
        }
        guard let start = LocalTime(text: timeText) else {
            throw Refusal(status: .badRequest, message: "«\(timeText)» er ikke et klokkeslett; skriv det som TT:MM.")
        }
        guard configuration.municipality.horizon.contains(day) else {
            throw Refusal(status: .badRequest, message: "\(NorwegianDate.long(day)) er utenfor planperioden.")
        }
        if let closure = snapshot.plan.scheduler.calendar.closure(on: day, school: structure.followsSchoolCalendar) {
            throw Refusal(status: .badRequest, message: "\(NorwegianDate.withWeekday(day)) er ikke en arbeidsdag (\(closure)). Velg en annen dag.")
        }
        let slot = structure.slots.first
        let length = slot.map { $0.end.minutesSinceMidnight - $0.start.minutesSinceMidnight } ?? 60
        guard let end = start.adding(minutes: length) else {
            throw Refusal(status: .badRequest, message: "Et møte som starter \(start), ville slutte etter midnatt.")
        }
        let begin = LocalDateTime(date: day, time: start)
        let uid = Meeting.addedUID(instance, start: begin, domain: configuration.municipality.uidDomain)
        guard snapshot.plan.meeting(uid: uid) == nil else {
            throw Refusal(status: .conflict, message: "Møtet \(NorwegianDate.long(day)) kl. \(start) er allerede registrert.")
        }
        let moment = options.now(configuration.municipality.timeZone)
        let change = MeetingChange(
            uid: uid, kind: .add(structureID: structure.id, instanceID: instance.instanceID, start: begin, end: end, title: nil),
            reason: "registrert på min side", actor: actor, at: moment)
        guard snapshot.plan.conflicts(after: change).isEmpty else {
            throw Refusal(status: .conflict, message: "På det tidspunktet er noen av deltakerne eller rommet opptatt i et annet møte. Velg et annet tidspunkt.")
        }
        let store = try StateStore.openForWriting(path: cache.builder.statePath)
        try store.write { try $0.append(change) }
    }

    /// The meeting with `uid`, when the person leads it.
    func ownMeeting(_ uid: String?) throws -> Meeting {
        guard let uid, !uid.isEmpty, let meeting = snapshot.plan.meeting(uid: uid) else {
            throw Refusal(status: .notFound, message: "Fant ikke møtet. Ingenting ble registrert.")
        }
        guard meeting.leader?.id == personID else {
            throw Refusal(status: .forbidden, message: "Du leder ikke dette møtet, så du kan ikke registrere noe for det. Ingenting ble registrert.")
        }
        return meeting
    }

    /// "Referat levert": the day (default today) and an optional reference.
    func recordReferat(_ meeting: Meeting, uid: String, fields: [String: String], moment: LocalDateTime, store: StateStore) throws {
        guard snapshot.plan.ledger.expected(uid: uid) != nil else {
            throw Refusal(status: .badRequest, message: "Dette møtet skal ikke ha referat.")
        }
        var day = moment.date
        if let text = fields["levert"]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let parsed = LocalDate(iso: text) else {
                throw Refusal(status: .badRequest, message: "«\(text)» er ikke en dato; skriv den som ÅÅÅÅ-MM-DD.")
            }
            day = parsed
        }
        let horizon = snapshot.configuration.municipality.horizon
        switch ReferatRecord.deliveryProblem(meeting: meeting, day: day, now: moment, horizon: horizon) {
        case .notYetHeld: throw Refusal(status: .badRequest, message: "Møtet er ikke holdt ennå, så referatet kan ikke være levert.")
        case .outsideHorizon: throw Refusal(status: .badRequest, message: "\(NorwegianDate.long(day)) er utenfor planperioden.")
        case .beforeMeeting: throw Refusal(status: .badRequest, message: "Referatet kan ikke være levert før møtet (\(NorwegianDate.long(meeting.date))).")
        case .inFuture: throw Refusal(status: .badRequest, message: "\(NorwegianDate.long(day)) er fram i tid.")
        case nil: break
        }
        let reference = fields["ref"]?.trimmingCharacters(in: .whitespaces)
        if let reference, !reference.isEmpty, ReferatRecord.validateReference(reference, field: "ref") != nil {
            throw Refusal(status: .badRequest, message: "Referansen må være én linje, høyst 200 tegn: en arkiv-id eller en lenke, aldri selve referatet.")
        }
        let record = ReferatRecord(
            uid: uid, delivered: day, deliveredBy: LeaderName.display(person), reference: (reference?.isEmpty ?? true) ? nil : reference)
        do {
            _ = try store.write { try $0.recordReferat(record, force: false, actor: actor, at: moment) }
        } catch let conflict as StateTransaction.ReferatConflict {
            throw Refusal(
                status: .conflict,
                message: "Referatet er allerede registrert som levert \(NorwegianDate.long(conflict.current.delivered)). Angre det først om det skal endres.")
        }
    }
}
