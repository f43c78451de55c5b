/// What `moteplan check` says about structures with `invitations = true`: leaders without an
/// address (their invitations go out with the sender as organizer) and invitees without one
/// (they get no invitation; never an empty ATTENDEE).
public enum InvitationWarnings {
    /// Located warnings, one per structure and kind of gap.
    public static func diagnostics(for schedule: Schedule, loaded: LoadedConfig) -> [ConfigDiagnostic] {
        let config = loaded.configuration
        var result: [ConfigDiagnostic] = []
        for (index, structure) in config.structures.enumerated() where structure.sendsInvitations {
            let path = ConfigPath([.key("structures"), .index(index), .key("invitations")])
            let meetings = schedule.meetings.filter { $0.instance.structureID == structure.id }
            var leaders: [String] = []
            var invitees: [String] = []
            for meeting in meetings {
                if let leader = meeting.leader, leader.email == nil, !leaders.contains(leader.name) { leaders.append(leader.name) }
                let people = meeting.participants + meeting.markers.flatMap(\.guests).map { Participant(name: $0.name, email: $0.email) }
                for person in people where person.email == nil && !invitees.contains(person.name) { invitees.append(person.name) }
            }
            if !leaders.isEmpty {
                let sender = config.reminders.from.map { "the [reminders] from address (\($0))" } ?? "the [reminders] from address"
                result.append(loaded.diagnostic(.warning, at: path,
                    "\(structure.id): the leader \(leaders.map { "\"\($0)\"" }.joined(separator: ", ")) has no e-mail address; invitations go out with \(sender) as organizer. Add email to the role or unit."))
            }
            if !invitees.isEmpty {
                result.append(loaded.diagnostic(.warning, at: path,
                    "\(structure.id): \(invitees.count) invitee(s) have no e-mail address and get no invitation: \(invitees.joined(separator: ", "))."))
            }
        }
        return result
    }
}
