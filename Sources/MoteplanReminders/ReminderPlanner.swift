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
    }

    var settings: ReminderSettings { plan.configuration.reminders }
    var domain: String { plan.configuration.municipality.uidDomain }

    /// All reminders, ordered by day and identity.
    public func reminders() -> [Reminder] {
        var result: [Reminder] = []
        for meeting in plan.schedule.meetings where !meeting.isCancelled && meeting.slotIndex == 0 {
            guard let leader = meeting.leader, let structure = plan.configuration.structure(meeting.instance.structureID)
            else { continue }
            let uid = meeting.uid(domain: domain)
            // The leader marked the innkalling sent: neither it nor the invitations are reminded.
            if plan.innkallingSent[uid] != nil { continue }
            var values = meetingValues(meeting)
            values["frist"] = .text(NorwegianDate.long(meeting.date.adding(days: -structure.noticeDays)))
            values["deltakere"] = .list(meeting.participants.map { ["navn": $0.name] })
            result.append(Reminder(
                id: "innkalling/\(uid)", kind: .innkalling, recipient: leader,
                sendOn: meeting.date.adding(days: -(structure.noticeDays + settings.innkallingLeadDays)),
                relevantUntil: meeting.startDateTime, meeting: meeting, values: values))
            for marker in meeting.markers where !marker.guests.isEmpty {
                var values = meetingValues(meeting)
                values["punkt"] = .text(marker.text)
                values["gjester"] = .list(marker.guests.map { ["navn": $0.name] })
                result.append(Reminder(
                    id: "invitasjon/\(marker.id)/\(uid)", kind: .invitasjon, recipient: leader,
                    sendOn: meeting.date.adding(days: -settings.invitationDaysBefore),
                    relevantUntil: meeting.startDateTime, meeting: meeting, values: values))
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
            values["frist"] = .text(NorwegianDate.long(referat.due))
            values["til"] = .text(referat.receiver.title)
            let held = referat.meeting.date.adding(days: 1)
            result.append(Reminder(
                id: "referat-frist/\(referat.uid)", kind: .referatFrist, recipient: owner,
                sendOn: max(held, referat.due.adding(days: -settings.referatDueDays)),
                relevantUntil: LocalDateTime(date: referat.due.adding(days: 1), time: .midnight),
                meeting: referat.meeting, values: values))
            guard settings.referatOverdueMax > 0 else { continue }
            for round in 1...settings.referatOverdueMax {
                let day = referat.due.adding(days: 1 + (round - 1) * settings.referatOverdueEveryDays)
                var overdue = values
                overdue["dager_forfalt"] = .text(String(referat.due.days(to: day)))
                overdue["gang"] = .text(String(round))
                var reminder = Reminder(
                    id: "referat-forfalt-\(round)/\(referat.uid)", kind: .referatForfalt, recipient: owner, sendOn: day,
                    relevantUntil: horizonEnd, meeting: referat.meeting, values: overdue)
                reminder.round = round
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
                var values = meetingValues(meeting)
                values["lukkes"] = .text(NorwegianDate.long(draft.closes))
                values["mottatt"] = .list(draft.received.map { referat, record in
                    ["navn": referat.meeting.instance.name, "dato": NorwegianDate.long(referat.meeting.date),
                     "ref": record.reference ?? "", "levert": NorwegianDate.long(record.delivered)]
                })
                values["mangler"] = .list(draft.missing.map {
                    ["navn": $0.meeting.instance.name, "dato": NorwegianDate.long($0.meeting.date), "frist": NorwegianDate.long($0.due)]
                })
                result.append(Reminder(
                    id: "sakliste/\(meeting.uid(domain: domain))", kind: .sakliste, recipient: leader, sendOn: draft.closes,
                    relevantUntil: meeting.startDateTime, meeting: meeting, values: values))
            }
        }
        return result
    }

    /// To the outgoing and the incoming leader, `handover_weeks` before a term ends.
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
                        "gruppe": .text(group.name), "slutter": .text(NorwegianDate.long(end)),
                        "ny_periode": .text(term.next.label), "overtar": .text(LeaderName.display(incoming)),
                        "gaar_av": .text(LeaderName.display(outgoing)), "starter": .text(NorwegianDate.long(term.next.range.first)),
                    ]
                    let sendOn = handover.opens
                    let until = LocalDateTime(date: end.adding(days: 1), time: .midnight)
                    values["utgaaende"] = .flag(true)
                    result.append(Reminder(
                        id: "lederskifte/\(group.id)/\(term.label)/ut", kind: .lederskifte, recipient: outgoing,
                        sendOn: sendOn, relevantUntil: until, meeting: nil, values: values))
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
            "dato": .text(NorwegianDate.withWeekday(meeting.date)),
            "tid": .text("\(meeting.start)–\(meeting.end)"),
            "sted": .text(meeting.location ?? ""),
            "leder": .text(meeting.leader.map(LeaderName.display) ?? ""),
            "uid": .text(meeting.uid(domain: domain)),
        ]
    }
}
