import MoteplanCore

extension ReminderPlanner {
    /// Days before the end of a period that a duty without fixed dates is reminded of, while
    /// fewer meetings than required are registered.
    static let flexibleDutyLeadDays = [30, 7]

    /// To the instance's leader, 30 and 7 days before the period ends, while the duty lacks
    /// registered meetings. Once enough are registered the reminders are no longer planned (and
    /// the outbox drops any still pending).
    func flexibleDutyReminders() -> [Reminder] {
        var result: [Reminder] = []
        for status in FlexibleDuties.statuses(configuration: plan.configuration, schedule: plan.schedule) where !status.isRegistered {
            guard let leader = plan.configuration.leaderRole(status.structure, status.instance) else { continue }
            let end = status.period.range.last
            let values: [String: TemplateValue] = [
                "moete": .text(status.structure.title), "enhet": .text(status.instance.name),
                "krav": .text(status.requirement(in: plan.configuration.catalogue)), "periode": .text(status.period.label),
                "frist": .text(plan.configuration.catalogue.long(end)), "registrert": .text(String(status.registered.count)),
            ]
            for lead in Self.flexibleDutyLeadDays {
                let sendOn = end.adding(days: -lead)
                guard status.period.range.contains(sendOn) else { continue }
                result.append(Reminder(
                    id: "minstekrav/\(status.structure.id)/\(status.instance.instanceID)/\(status.period.key)/\(lead)",
                    kind: .minstekrav, recipient: leader, sendOn: sendOn,
                    relevantUntil: LocalDateTime(date: end.adding(days: 1), time: .midnight), meeting: nil, values: values))
            }
        }
        return result
    }
}
