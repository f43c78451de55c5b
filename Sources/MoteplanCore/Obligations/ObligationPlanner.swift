/// Which obligations are open at a moment, for a leader, a unit or a group.
///
/// - innkalling: open until the meeting starts; due `notice_days` before it.
/// - invitasjon: a marker (SLT, guests, children and parents) on a coming meeting; due with the innkalling.
/// - Every due date on a closed day moves to the previous working day (`WorkingDayRule`).
/// - referat: open from the meeting's start until a delivery is recorded; due as the ledger says.
/// - sakliste: the receiving structure's next meeting; due when its agenda closes.
/// - lederskifte: from `handover_weeks` before the term's last school day until the term ends,
///   for the outgoing and the incoming leader; due on that last school day.
/// Open obligations due after `to` are left out; overdue ones are always shown.
public struct ObligationPlanner: Sendable {
    /// The configuration.
    public let configuration: Configuration
    /// The schedule (with changes applied).
    public let schedule: Schedule
    /// The referat ledger.
    public let ledger: ReferatLedger
    /// The rotation.
    public let rotation: RotationPlanner
    /// UIDs of meetings whose innkalling is recorded as sent: no innkalling or invitasjon is owed.
    public var innkallingSent: Set<String> = []

    /// Creates a planner.
    public init(configuration: Configuration, schedule: Schedule, ledger: ReferatLedger, rotation: RotationPlanner) {
        self.configuration = configuration
        self.schedule = schedule
        self.ledger = ledger
        self.rotation = rotation
        self.workingDays = WorkingDayRule(configuration: configuration)
    }

    /// Where closed days move due dates to.
    private let workingDays: WorkingDayRule

    /// Who to list obligations for.
    public enum Filter: Sendable, Hashable {
        /// Everyone.
        case all
        /// The role or unit head with this id.
        case leader(String)
        /// A unit: its own meetings and what its head leads.
        case unit(String)
        /// A group: its meetings and its rotation.
        case group(String)
    }

    /// The open obligations at `now` due by `to` (and from `from`, except overdue ones), sorted by
    /// due date, then kind and meeting.
    public func obligations(filter: Filter, now: LocalDateTime, from: LocalDate?, to: LocalDate) -> [Obligation] {
        let catalogue = configuration.catalogue
        var result: [Obligation] = []
        let domain = configuration.municipality.uidDomain
        // One innkalling per meeting day: later slots of the same day are called with the first.
        for meeting in schedule.meetings where !meeting.isCancelled && meeting.startDateTime > now && meeting.slotIndex == 0 {
            guard let structure = configuration.structure(meeting.instance.structureID),
                !innkallingSent.contains(meeting.uid(domain: domain))
            else { continue }
            let due = workingDays.onOrBefore(meeting.date.adding(days: -structure.noticeDays), for: structure)
            let when = catalogue(.dayAndTime, ["date": catalogue.withWeekday(meeting.date), "time": meeting.start.description])
            result.append(obligation(
                due, meeting.leader, .innkalling, meeting, domain,
                catalogue(.sendInnkalling, ["meeting": meeting.title, "when": when])))
            for marker in meeting.markers {
                let guests = marker.guests.map(\.name).joined(separator: ", ")
                let values = ["marker": marker.text, "meeting": meeting.title, "when": when, "guests": guests]
                let text = catalogue(guests.isEmpty ? .markerOnAgenda : .markerOnAgendaWithGuests, values)
                result.append(obligation(due, meeting.leader, .invitasjon, meeting, domain, text))
            }
        }
        for referat in ledger.expected {
            let state = ledger.state(of: referat, now: now)
            switch state {
            case .due, .overdue:
                var text = catalogue(.sendReferat, [
                    "meeting": referat.meeting.title, "date": catalogue.long(referat.meeting.date),
                    "receiver": referat.receiver.title, "due": catalogue.long(referat.due),
                ])
                if case .overdue(let days) = state { text += " " + catalogue(.overdueFor, ["days": catalogue.days(days)]) }
                result.append(obligation(referat.due, referat.meeting.leader, .referat, referat.meeting, domain, text))
            default:
                break
            }
        }
        result += agendaObligations(now: now, domain: domain)
        result += handoverObligations(now: now)
        result += flexibleObligations(now: now)
        return result
            .filter { matches($0, filter) }
            .filter { $0.due <= to || $0.due < now.date }
            .filter { o in from.map { o.due >= $0 || o.due < now.date } ?? true }
            .sorted { ($0.due, $0.kind.rawValue, $0.meeting?.description ?? "", $0.instanceID) < ($1.due, $1.kind.rawValue, $1.meeting?.description ?? "", $1.instanceID) }
    }

    private func obligation(
        _ due: LocalDate, _ leader: Role?, _ kind: Obligation.Kind, _ meeting: Meeting, _ domain: String, _ text: String
    ) -> Obligation {
        Obligation(
            due: due, leader: leader, kind: kind, structureID: meeting.instance.structureID,
            instanceID: meeting.instance.instanceID, meeting: meeting.startDateTime, meetingUID: meeting.uid(domain: domain),
            text: text, groupID: meeting.instance.groupID, unitID: meeting.instance.unitID)
    }

    /// For each structure that receives referat: its next meeting's agenda, with what is in and what is missing.
    private func agendaObligations(now: LocalDateTime, domain: String) -> [Obligation] {
        let catalogue = configuration.catalogue
        var result: [Obligation] = []
        let receivers = Set(ledger.expected.map(\.receiver.id))
        for structure in configuration.structures where receivers.contains(structure.id) {
            guard let next = schedule.meetings.first(where: {
                $0.instance.structureID == structure.id && !$0.isCancelled && $0.startDateTime > now
            }) else { continue }
            let draft = AgendaDraft(structure: structure, meeting: next, schedule: schedule, ledger: ledger)
            let received = draft.received.map { $0.referat.meeting.instance.name }
            let missing = draft.missing.map { "\($0.meeting.instance.name) (\(catalogue.long($0.meeting.date)))" }
            let due = workingDays.onOrBefore(draft.closes, for: structure)
            var text = catalogue(.prepareSakliste, [
                "meeting": next.title, "date": catalogue.withWeekday(next.date), "closes": catalogue.long(due),
            ])
            text += " " + (received.isEmpty
                ? catalogue(.noReferatYet) : catalogue(.referatReceivedFrom, ["names": received.joined(separator: ", ")]))
            if !missing.isEmpty { text += " " + catalogue(.missingFrom, ["names": missing.joined(separator: ", ")]) }
            let late = draft.late.map {
                "\($0.referat.meeting.instance.name) (\(AgendaRenderer.lateNote($0.record.delivered, in: catalogue)))"
            }
            if !late.isEmpty { text += " " + catalogue(.cameLate, ["names": late.joined(separator: ", ")]) }
            result.append(obligation(due, next.leader, .sakliste, next, domain, text))
        }
        return result
    }

    /// Duties without fixed dates: in the current period, until enough meetings are registered.
    private func flexibleObligations(now: LocalDateTime) -> [Obligation] {
        let catalogue = configuration.catalogue
        return FlexibleDuties.statuses(configuration: configuration, schedule: schedule)
            .filter { $0.period.range.contains(now.date) && !$0.isRegistered }
            .map { status in
                let due = status.period.range.last
                let text = catalogue(status.period.key.contains("-H") ? .dutyThisHalfYear : .dutyThisSchoolYear, [
                    "structure": status.structure.title, "requirement": status.requirement(in: catalogue),
                    "due": catalogue.long(due), "registered": String(status.registered.count),
                ])
                return Obligation(
                    due: due, leader: configuration.leaderRole(status.structure, status.instance), kind: .minstekrav,
                    structureID: status.structure.id, instanceID: status.instance.instanceID, meeting: nil, meetingUID: nil,
                    text: text, groupID: status.instance.groupID, unitID: status.instance.unitID)
            }
    }

    /// Outgoing and incoming leaders of terms ending within the group's handover weeks.
    private func handoverObligations(now: LocalDateTime) -> [Obligation] {
        let catalogue = configuration.catalogue
        var result: [Obligation] = []
        for group in configuration.groups {
            guard let rule = group.rotation else { continue }
            let current = Term(kind: rule.termKind, containing: now.date)
            guard current >= rule.firstTerm else { continue }
            let end = current.range.last
            guard now.date >= HandoverStart.day(term: current, weeks: rule.handoverWeeks, configuration: configuration, rule: workingDays)
            else { continue }
            // Handed over by the last school day: after it, nobody is at work until the term ends.
            let by = workingDays.onOrBefore(HandoverStart.lastSchoolDay(of: current, configuration: configuration), school: false)
            guard let handover = rotation.handovers(group: group.id, through: current).last, handover.term == current else {
                continue
            }
            let (outgoingID, incomingID) = (handover.outgoingID, handover.incomingID)
            let outgoing = configuration.actor(outgoingID)
            let incoming = configuration.actor(incomingID)
            let next = current.next.range.first
            let structure = configuration.structures.first { $0.leader == .groupLeader }?.id ?? group.id
            result.append(Obligation(
                due: by, leader: outgoing, kind: .lederskifte, structureID: structure, instanceID: group.id, meeting: nil,
                meetingUID: nil,
                text: catalogue(.handoverOutgoing, [
                    "group": group.name, "end": catalogue.long(end),
                    "incoming": incoming.map(LeaderName.display) ?? incomingID, "next": catalogue.long(next),
                    "by": catalogue.long(by),
                ]),
                groupID: group.id, unitID: nil))
            result.append(Obligation(
                due: by, leader: incoming, kind: .lederskifte, structureID: structure, instanceID: group.id, meeting: nil,
                meetingUID: nil,
                text: catalogue(.handoverIncoming, [
                    "group": group.name, "next": catalogue.long(next),
                    "outgoing": outgoing.map(LeaderName.display) ?? outgoingID, "by": catalogue.long(by),
                ]),
                groupID: group.id, unitID: nil))
        }
        return result
    }

    private func matches(_ obligation: Obligation, _ filter: Filter) -> Bool {
        switch filter {
        case .all: return true
        case .leader(let id): return obligation.leader?.id == id
        case .unit(let id): return obligation.unitID == id || obligation.leader?.id == id
        case .group(let id): return obligation.groupID == id
        }
    }
}

extension Phrase {
    /// "onsdag 16. september 2026 kl. 13:00".
    public static let dayAndTime = Phrase("obligation.day_and_time")
    static let sendInnkalling = Phrase("obligation.send_innkalling")
    static let markerOnAgenda = Phrase("obligation.marker_on_agenda")
    static let markerOnAgendaWithGuests = Phrase("obligation.marker_on_agenda_with_guests")
    static let sendReferat = Phrase("obligation.send_referat")
    static let overdueFor = Phrase("obligation.overdue_for")
    static let prepareSakliste = Phrase("obligation.prepare_sakliste")
    static let noReferatYet = Phrase("obligation.no_referat_yet")
    static let referatReceivedFrom = Phrase("obligation.referat_received_from")
    static let missingFrom = Phrase("obligation.missing_from")
    static let cameLate = Phrase("obligation.came_late")
    static let dutyThisHalfYear = Phrase("obligation.duty_this_half_year")
    static let dutyThisSchoolYear = Phrase("obligation.duty_this_school_year")
    static let handoverOutgoing = Phrase("obligation.handover_outgoing")
    static let handoverIncoming = Phrase("obligation.handover_incoming")
}
