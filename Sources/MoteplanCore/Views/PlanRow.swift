/// One meeting as the plan lists it, in every output format.
public struct PlanRow: Sendable, Hashable, Encodable {
    /// The meeting's UID.
    public var uid: String
    /// The structure id.
    public var structure: String
    /// The instance id.
    public var instance: String
    /// The title.
    public var title: String
    /// Local start, `YYYY-MM-DDTHH:MM`.
    public var start: String
    /// Local end, `YYYY-MM-DDTHH:MM`.
    public var end: String
    /// The leader's name (with the person, if configured).
    public var leader: String
    /// Where.
    public var location: String
    /// Markers and move notes, in the plan's language.
    public var notes: [String]
    /// The ids of every role, unit and location the meeting needs.
    public var needs: [String]

    /// The row for `meeting`, its notes in the catalogue's language.
    public init(meeting: Meeting, uidDomain: String, catalogue: Catalogue) {
        uid = meeting.uid(domain: uidDomain)
        structure = meeting.instance.structureID
        instance = meeting.instance.instanceID
        title = meeting.title
        start = meeting.startDateTime.description
        end = meeting.endDateTime.description
        leader = meeting.leader.map(LeaderName.display) ?? ""
        location = meeting.location ?? ""
        notes = meeting.notes(in: catalogue)
        needs = meeting.needs
    }
}

/// How a leader is named in plans and feeds: "SLT-koordinator (Siri Eksempel)".
public enum LeaderName {
    /// The role's name, with the person in parentheses when configured.
    public static func display(_ role: Role) -> String {
        role.person.map { "\(role.name) (\($0))" } ?? role.name
    }
}
