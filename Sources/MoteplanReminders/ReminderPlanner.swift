import MoteplanCore
import MoteplanStore

/// Every reminder the plan calls for over the horizon, from the plan with the store's facts applied.
/// Pure: the same plan gives the same reminders with the same identities.
public struct ReminderPlanner: Sendable {
    /// The plan.
    public let plan: PlanState

    /// Creates a planner.
    public init(plan: PlanState) {
        self.plan = plan
        self.workingDays = WorkingDayRule(configuration: plan.configuration)
    }

    var settings: ReminderSettings { plan.configuration.reminders }
    /// Where sends on closed days move to (built once per planner: it holds the holidays).
    let workingDays: WorkingDayRule
    var domain: String { plan.configuration.municipality.uidDomain }
    /// The plan's language: dates and lists in the reminders' values.
    var catalogue: Catalogue { plan.configuration.catalogue }

    /// All reminders, ordered by day and identity.
    public func reminders() -> [Reminder] {
        var result: [Reminder] = []
        for meeting in plan.schedule.meetings where !meeting.isCancelled && meeting.slotIndex == 0 {
            guard let leader = meeting.leader, let structure = plan.configuration.structure(meeting.instance.structureID)
            else { continue }
            let uid = meeting.uid(domain: domain)
            // The leader marked the innkalling sent: neither it nor the invitations are reminded.
            if plan.innkallingSent[uid] != nil { continue }
            // The innkalling deadline and both sends on working days (WorkingDayRule); the
            // invitation no later than the innkalling reminder, so guests are in the innkalling.
            let frist = workingDays.onOrBefore(meeting.date.adding(days: -structure.noticeDays), for: structure)
            let innkallingOn = workingDays.onOrBefore(frist.adding(days: -settings.innkallingLeadDays), for: structure)
            var values = meetingValues(meeting)
            values["frist"] = .text(catalogue.long(frist))
            values["deltakere"] = .list(meeting.participants.map { ["navn": $0.name] })
            // "SLT på agendaen – inviter SLT-koordinator og politikontakt"; no `gjester` key without
            // guests (an empty text would still open `{{#gjester}}`).
            values["punkter"] = .list(meeting.markers.map { marker in
                var item = ["punkt": marker.text]
                if !marker.guests.isEmpty { item["gjester"] = catalogue.list(marker.guests.map { NorwegianCount.midSentence($0.name) }) }
                return item
            })
            var innkalling = Reminder(
                id: "innkalling/\(uid)", kind: .innkalling, recipient: leader, sendOn: innkallingOn,
                relevantUntil: meeting.startDateTime, meeting: meeting, values: values)
            innkalling.due = frist
            result.append(innkalling)
            for marker in meeting.markers where !marker.guests.isEmpty {
                var values = meetingValues(meeting)
                values["punkt"] = .text(marker.text)
                values["frist"] = .text(catalogue.long(frist))
                values["gjester"] = .list(marker.guests.map { ["navn": $0.name] })
                let invitationOn = workingDays.onOrBefore(meeting.date.adding(days: -settings.invitationDaysBefore), for: structure)
                var invitation = Reminder(
                    id: "invitasjon/\(marker.id)/\(uid)", kind: .invitasjon, recipient: leader,
                    sendOn: min(invitationOn, innkallingOn),
                    relevantUntil: meeting.startDateTime, meeting: meeting, values: values)
                invitation.due = frist
                result.append(invitation)
            }
        }
        result += referatReminders()
        result += agendaReminders()
        result += handoverReminders()
        result += flexibleDutyReminders()
        return result.sorted { ($0.sendOn, $0.id) < ($1.sendOn, $1.id) }
    }

    /// Due-soon and overdue reminders for every referat not delivered.
    func referatReminders() -> [Reminder] {
        var result: [Reminder] = []
        let horizonEnd = LocalDateTime(date: plan.configuration.municipality.horizon.last.adding(days: 366), time: .midnight)
        for referat in plan.ledger.expected where plan.ledger.records[referat.uid] == nil {
            guard let owner = referat.meeting.leader else { continue }
            var values = meetingValues(referat.meeting)
            values["frist"] = .text(catalogue.long(referat.due))
            values["til"] = .text(referat.receiver.title)
            let held = referat.meeting.date.adding(days: 1)
            let structure = plan.configuration.structure(referat.meeting.instance.structureID)
            var frist = Reminder(
                id: "referat-frist/\(referat.uid)", kind: .referatFrist, recipient: owner,
                sendOn: max(held, workingDays.onOrBefore(referat.due.adding(days: -settings.referatDueDays), for: structure)),
                relevantUntil: LocalDateTime(date: referat.due.adding(days: 1), time: .midnight),
                meeting: referat.meeting, values: values)
            frist.due = referat.due
            result.append(frist)
            guard settings.referatOverdueMax > 0 else { continue }
            for round in 1...settings.referatOverdueMax {
                // An overdue reminder cannot move back before the deadline: on a closed day it
                // waits for the next working day. Its figures are counted when it is sent.
                let day = workingDays.onOrAfter(
                    referat.due.adding(days: 1 + (round - 1) * settings.referatOverdueEveryDays), for: structure)
                var reminder = Reminder(
                    id: "referat-forfalt-\(round)/\(referat.uid)", kind: .referatForfalt, recipient: owner, sendOn: day,
                    relevantUntil: horizonEnd, meeting: referat.meeting, values: values)
                reminder.round = round
                reminder.due = referat.due
                result.append(reminder)
            }
        }
        return result
    }

    /// On the day a receiving structure's agenda closes: what is in and what is missing.
    func agendaReminders() -> [Reminder] {
        var result: [Reminder] = []
        let receivers = Set(plan.ledger.expected.map(\.receiver.id))
        for structure in plan.configuration.structures where receivers.contains(structure.id) {
            for meeting in plan.schedule.meetings
            where meeting.instance.structureID == structure.id && !meeting.isCancelled && meeting.slotIndex == 0 {
                guard let leader = meeting.leader else { continue }
                let draft = AgendaDraft(structure: structure, meeting: meeting, schedule: plan.schedule, ledger: plan.ledger)
                // The agenda closes at the end of its (working) day: sent that morning, never after.
                let closes = workingDays.onOrBefore(draft.closes, for: structure)
                var values = meetingValues(meeting)
                values["lukkes"] = .text(catalogue.long(closes))
                values["mottatt"] = .list(draft.received.map { referat, record in
                    ["navn": referat.meeting.instance.name, "dato": catalogue.long(referat.meeting.date),
                     "ref": record.reference ?? "", "levert": catalogue.long(record.delivered)]
                })
                values["mangler"] = .list(draft.missing.map {
                    ["navn": $0.meeting.instance.name, "dato": catalogue.long($0.meeting.date), "frist": catalogue.long($0.due)]
                })
                var reminder = Reminder(
                    id: "sakliste/\(meeting.uid(domain: domain))", kind: .sakliste, recipient: leader, sendOn: closes,
                    relevantUntil: LocalDateTime(date: closes.adding(days: 1), time: .midnight), meeting: meeting, values: values)
                reminder.due = closes
                result.append(reminder)
            }
        }
        return result
    }

    /// To the outgoing and the incoming leader, `handover_weeks` before the term's last school day
    /// (`HandoverStart`); the outgoing one's mail lists the referat she still owes.
    func handoverReminders() -> [Reminder] {
        var result: [Reminder] = []
        let horizon = plan.configuration.municipality.horizon
        for group in plan.configuration.groups {
            guard let rule = group.rotation else { continue }
            var last = rule.firstTerm
            while last.next.range.first <= horizon.last { last = last.next }
            guard rule.firstTerm.range.first <= horizon.last else { continue }
            for handover in plan.scheduler.rotation.handovers(group: group.id, through: last) {
                let term = handover.term
                if let outgoing = plan.configuration.actor(handover.outgoingID),
                    let incoming = plan.configuration.actor(handover.incomingID)
                {
                    let end = term.range.last
                    var values: [String: TemplateValue] = [
                        "gruppe": .text(group.name), "slutter": .text(catalogue.long(end)),
                        "ny_periode": .text(term.next.label), "overtar": .text(LeaderName.display(incoming)),
                        "gaar_av": .text(LeaderName.display(outgoing)), "starter": .text(catalogue.long(term.next.range.first)),
                    ]
                    let sendOn = HandoverStart.day(
                        term: term, weeks: rule.handoverWeeks, configuration: plan.configuration, rule: workingDays)
                    let until = LocalDateTime(date: end.adding(days: 1), time: .midnight)
                    values["utgaaende"] = .flag(true)
                    var out = Reminder(
                        id: "lederskifte/\(group.id)/\(term.label)/ut", kind: .lederskifte, recipient: outgoing,
                        sendOn: sendOn, relevantUntil: until, meeting: nil, values: values)
                    out.owed = plan.ledger.expected.filter {
                        $0.meeting.leader?.id == outgoing.id && $0.meeting.date <= end && plan.ledger.records[$0.uid] == nil
                    }
                    result.append(out)
                    values["utgaaende"] = .flag(false)
                    result.append(Reminder(
                        id: "lederskifte/\(group.id)/\(term.label)/inn", kind: .lederskifte, recipient: incoming,
                        sendOn: sendOn, relevantUntil: until, meeting: nil, values: values))
                }
            }
        }
        return result
    }

    /// The variables every meeting reminder has.
    func meetingValues(_ meeting: Meeting) -> [String: TemplateValue] {
        [
            "moete": .text(meeting.title),
            "dato": .text(catalogue.withWeekday(meeting.date)),
            "tid": .text("\(meeting.start)–\(meeting.end)"),
            "sted": .text(meeting.location ?? ""),
            "leder": .text(meeting.leader.map(LeaderName.display) ?? ""),
            "uid": .text(meeting.uid(domain: domain)),
        ]
    }
}
