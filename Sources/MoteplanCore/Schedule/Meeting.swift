/// One instance of a structure: the structure itself, one unit, or one group.
public struct StructureInstance: Sendable, Hashable {
    /// The structure's id.
    public var structureID: String
    /// The instance id: the unit or group id, or the structure id for single structures.
    public var instanceID: String
    /// The instance's display name: the unit or group name, or the structure title.
    public var name: String
    /// The unit, for per-unit structures.
    public var unitID: String?
    /// The group, for per-group structures.
    public var groupID: String?

    /// Whether the structure has just this one instance.
    public var isSingle: Bool { unitID == nil && groupID == nil }

    /// The UIDs' base: `<structure>` for a single structure, else `<structure>.<instance>`.
    public var uidBase: String { isSingle ? structureID : "\(structureID).\(instanceID)" }

    /// Creates an instance.
    public init(structureID: String, instanceID: String, name: String, unitID: String? = nil, groupID: String? = nil) {
        self.structureID = structureID
        self.instanceID = instanceID
        self.name = name
        self.unitID = unitID
        self.groupID = groupID
    }
}

/// A marker a meeting carries, with the people to invite for it.
public struct MeetingMarker: Sendable, Hashable {
    /// The marker id from the config.
    public var id: String
    /// The Norwegian text ("SLT på agendaen").
    public var text: String
    /// Guests to invite, resolved.
    public var guests: [Role]
    /// The guests' role or unit ids.
    public var guestIDs: [String] = []
}

/// One planned meeting. Its identity is (instance, planned date, slot) and never changes,
/// even when a holiday moves the meeting to another day.
public struct Meeting: Sendable, Hashable {
    /// The instance it belongs to.
    public var instance: StructureInstance
    /// The date the cadence gave: part of the identity.
    public var plannedDate: LocalDate
    /// 0 for the first slot of the day, 1 for the second, …: part of the identity.
    public var slotIndex: Int
    /// The date it takes place (differs from `plannedDate` when a holiday moved it).
    public var date: LocalDate
    /// Start, local wall clock.
    public var start: LocalTime
    /// End, local wall clock.
    public var end: LocalTime
    /// The title (SUMMARY): the structure title, with the instance name for multi-instance structures.
    public var title: String
    /// Where.
    public var location: String?
    /// The location id, when the place is a configured location (a resource).
    public var locationID: String?
    /// Every resource the meeting needs, by id, in a fixed order (leader, unit or group members,
    /// participants, marker guests, room), each once; optional participants are not among them.
    public var needs: [String] = []
    /// Who leads it.
    public var leader: Role?
    /// Who takes part, resolved to roles (units act through their heads), in config order.
    public var participants: [Participant]
    /// Half-yearly markers it carries.
    public var markers: [MeetingMarker]
    /// Why it was moved, if it was ("Kristi himmelfartsdag").
    public var movedBecause: String?
    /// On the first meeting a new leader leads: who takes over from whom.
    public var handover: String?
    /// Set when the meeting was cancelled by hand, with the reason (may be empty).
    public var cancelled: String?
    /// Set when the meeting was moved by hand: the reason (may be empty).
    public var movedByHand: String?
    /// The UID of a meeting added by hand ("ved behov"); nil for planned meetings.
    public var addedUID: String?

    /// Whether the meeting is cancelled.
    public var isCancelled: Bool { cancelled != nil }

    /// Whether the meeting was added by hand.
    public var isAdded: Bool { addedUID != nil }

    /// Applies a cancellation or a move.
    mutating func apply(_ change: MeetingChange) {
        switch change.kind {
        case .cancel:
            cancelled = change.reason ?? ""
        case .move(let start, let end):
            date = start.date
            self.start = start.time
            self.end = end
            movedByHand = change.reason ?? ""
            movedBecause = nil
        case .add:
            break
        }
    }

    /// The UID's local part: `<structure>[.<instance>]-<yyyymmdd>[-<slot>]`.
    public var identity: String {
        let slot = slotIndex == 0 ? "" : "-\(slotIndex + 1)"
        return "\(instance.uidBase)-\(plannedDate.compact)\(slot)"
    }

    /// The UID of an extra meeting added by hand: `<base>-<yyyymmdd>-ekstra-<hhmm>@<domain>`.
    public static func addedUID(_ instance: StructureInstance, start: LocalDateTime, domain: String) -> String {
        "\(instance.uidBase)-\(start.date.compact)-ekstra-\(start.time.description.replacingOccurrences(of: ":", with: ""))@\(domain)"
    }

    /// The iCalendar UID.
    public func uid(domain: String) -> String { addedUID ?? "\(identity)@\(domain)" }

    /// Start as a date-time.
    public var startDateTime: LocalDateTime { LocalDateTime(date: date, time: start) }

    /// End as a date-time.
    public var endDateTime: LocalDateTime { LocalDateTime(date: date, time: end) }

    /// Notes in the catalogue's language: a cancellation, markers, then a move, an added
    /// meeting and a change of leader.
    public func notes(in catalogue: Catalogue) -> [String] {
        var notes = markers.map { marker in
            marker.guests.isEmpty
                ? marker.text
                : catalogue(.markerWithGuests, ["text": marker.text, "guests": marker.guests.map(\.name).joined(separator: ", ")])
        }
        if let cancelled {
            notes.insert(cancelled.isEmpty ? catalogue(.cancelled) : catalogue(.cancelledBecause, ["reason": cancelled]), at: 0)
        }
        if let movedBecause {
            notes.append(catalogue(.movedFromBecause, ["date": catalogue.long(plannedDate), "reason": movedBecause]))
        }
        if let movedByHand {
            notes.append(
                movedByHand.isEmpty
                    ? catalogue(.movedFrom, ["date": catalogue.long(plannedDate)])
                    : catalogue(.movedFromBecause, ["date": catalogue.long(plannedDate), "reason": movedByHand]))
        }
        if isAdded { notes.append(catalogue(.addedMeeting)) }
        if let handover { notes.append(handover) }
        return notes
    }
}

extension Phrase {
    /// The status word of a cancelled meeting ("AVLYST"), also the SUMMARY prefix in feeds.
    public static let cancelled = Phrase("meeting.cancelled")
    static let cancelledBecause = Phrase("meeting.cancelled_because")
    static let movedFrom = Phrase("meeting.moved_from")
    static let movedFromBecause = Phrase("meeting.moved_from_because")
    static let addedMeeting = Phrase("meeting.added")
    static let markerWithGuests = Phrase("meeting.marker_with_guests")
    static let handover = Phrase("meeting.handover")
    static let optionalParticipant = Phrase("meeting.optional_participant")
}

/// A participant as shown in a meeting: a name and, where configured, an address.
public struct Participant: Sendable, Hashable {
    /// "PPT" or "Rektor, Gimse barneskole".
    public var name: String
    /// The address invitations go to, if any.
    public var email: String?

    /// Creates a participant.
    public init(name: String, email: String?) {
        self.name = name
        self.email = email
    }
}
