import MoteplanCore

/// A meeting's key: a 64-bit digest of everything its event is made from, so a run that finds
/// the key among the last run's (`KnownEventKeys`) knows the event, its revision and its texts
/// are what they were, without building, hashing or serializing it.
///
/// An event follows from its meeting, the configuration and the program (`EventBuilder`), and
/// from its revision, which follows from the event's content. The `context` names the
/// configuration and the program (the run's inputs digest: the config's bytes, the program's
/// identity, the zone and the cache format), so a key is only found again by a run with the same
/// config and the same moteplan; within one context, what the state store changes (a leader, a
/// move, a cancellation, a placement, the markers and handover a move shifts) is in the meeting,
/// and every field of the meeting is in the key. `MeetingKeyTests` checks that every stored
/// property is hashed: a new field must be added here.
///
/// FNV-1a like `ContentHash` and `FeedDigest`, with a separator after every piece and a tag for
/// absent values, so no two different meetings feed the same bytes.
public enum MeetingKey {
    /// Part of every key: bump it when what goes into a key changes.
    public static let format = "meeting-key-1"

    /// The digest of a context: `format` and the run's inputs digest.
    public static func context(_ inputs: String) -> UInt64 {
        var hash = FeedDigest()
        hash.add(format)
        hash.add("\u{1E}")
        hash.add(inputs)
        return hash.state
    }

    /// The key of `meeting` in `context`.
    public static func of(_ meeting: Meeting, context: UInt64) -> UInt64 {
        of(meeting, context: context, shared: sharedKey(meeting))
    }

    /// The digest of what `meeting` shares with the other meetings of its instance (the same
    /// for every meeting with its `sharedPartID`): instance, title, place and participants.
    public static func sharedKey(_ meeting: Meeting) -> UInt64 {
        var hash = Fields(FeedDigest())
        let instance = meeting.instance
        hash.add(instance.structureID)
        hash.add(instance.instanceID)
        hash.add(instance.name)
        hash.add(instance.unitID)
        hash.add(instance.groupID)
        hash.add(meeting.title)
        hash.add(meeting.location)
        hash.add(meeting.locationID)
        let participants = meeting.participants
        hash.add(participants.count)
        for participant in participants {
            hash.add(participant.name)
            hash.add(participant.email)
        }
        return hash.digest.state
    }

    /// The key of `meeting` in `context`, with `shared` its `sharedKey`.
    public static func of(_ meeting: Meeting, context: UInt64, shared: UInt64) -> UInt64 {
        var hash = Fields(FeedDigest(seed: context))
        hash.digest.add(shared)
        hash.add(meeting.plannedDate.year, meeting.plannedDate.month, meeting.plannedDate.day)
        hash.add(meeting.slotIndex)
        hash.add(meeting.date.year, meeting.date.month, meeting.date.day)
        hash.add(meeting.start.hour, meeting.start.minute)
        hash.add(meeting.end.hour, meeting.end.minute)
        let needs = meeting.needs
        hash.add(needs.count)
        for need in needs { hash.add(need) }
        hash.add(meeting.leader)
        let markers = meeting.markers
        hash.add(markers.count)
        for marker in markers {
            hash.add(marker.id)
            hash.add(marker.text)
            hash.add(marker.guests.count)
            for guest in marker.guests { hash.add(guest) }
            hash.add(marker.guestIDs.count)
            for id in marker.guestIDs { hash.add(id) }
        }
        hash.add(meeting.movedBecause)
        hash.add(meeting.handover)
        hash.add(meeting.cancelled)
        hash.add(meeting.movedByHand)
        hash.add(meeting.addedUID)
        return hash.digest.state
    }

    /// The pieces of a key, each followed by a separator.
    private struct Fields {
        var digest: FeedDigest
        init(_ digest: FeedDigest) { self.digest = digest }

        mutating func add(_ text: String) {
            digest.add(text)
            digest.add("\u{1F}")
        }

        mutating func add(_ text: String?) {
            guard let text else { return digest.add("\u{1E}") }
            add(text)
        }

        mutating func add(_ values: Int...) {
            for value in values { digest.add(UInt64(bitPattern: Int64(value))) }
        }

        /// A role as an event shows it: id, name, person and address. Its availability and
        /// placement wishes come from the config alone (the context) and are not shown.
        mutating func add(_ role: Role?) {
            guard let role else { return digest.add("\u{1E}") }
            add(role.id)
            add(role.name)
            add(role.person)
            add(role.email)
        }
    }
}

extension FeedDigest {
    /// A digest that starts from `seed` instead of FNV's offset basis.
    init(seed: UInt64) {
        self.init()
        state = seed
    }
}
