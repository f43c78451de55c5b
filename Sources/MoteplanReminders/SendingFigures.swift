import MoteplanCore

/// The figures of a reminder that depend on when it is sent, counted from the run's `--now`
/// (also on catch-up after missed runs), never from the day the schedule planned it for.
enum SendingFigures {
    /// `dager_forfalt` ("4"), `forfalt` (the days with their noun, in `catalogue`'s language),
    /// `gang` (the number), `frist_passert` (a late innkalling or invitation, after missed runs),
    /// `i_dag` (the agenda closes today), and for the outgoing leader's lederskifte
    /// `referat_mangler` (held, not delivered; dates in `catalogue`'s language) and `har_mangler`.
    static func values(_ reminder: Reminder, now: LocalDateTime, number: Int, catalogue: Catalogue) -> [String: TemplateValue] {
        var values: [String: TemplateValue] = [:]
        switch reminder.kind {
        case .referatForfalt:
            let days = max(1, (reminder.due ?? now.date).days(to: now.date))
            values["dager_forfalt"] = .text(String(days))
            values["forfalt"] = .text(catalogue.days(days))
            values["gang"] = .text(String(number))
        case .innkalling, .invitasjon:
            values["frist_passert"] = .flag(reminder.due.map { $0 < now.date } ?? false)
        case .sakliste:
            values["i_dag"] = .flag(reminder.due.map { $0 == now.date } ?? false)
        case .lederskifte:
            let owed = reminder.owed.filter { $0.meeting.startDateTime <= now }
            values["referat_mangler"] = .list(owed.map {
                ["navn": $0.meeting.title, "dato": catalogue.long($0.meeting.date), "frist": catalogue.long($0.due)]
            })
            values["har_mangler"] = .flag(!owed.isEmpty)
        case .referatFrist, .minstekrav:
            break
        }
        return values
    }
}
