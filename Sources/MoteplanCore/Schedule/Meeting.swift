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
///
/// Memory: a plan of a large municipality has a million meetings, so a meeting keeps inline only
/// what differs from meeting to meeting (dates, times, slot). What every meeting of an instance
/// shares (instance, title, place, participants) is one `Common` per instance, the leader one box
/// per leader, and the rare notes (moves, cancellations, a handover) a box that most meetings do
/// not have. Each is copied on write, so a meeting is still a value: setting any property changes
/// this meeting only.
public struct Meeting: Sendable, Hashable {
    /// The instance it belongs to.
    public var instance: StructureInstance {
        get { common.value.instance }
        set { Self.unique(&common).value.instance = newValue }
    }
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
    public var title: String {
        get { common.value.title }
        set { Self.unique(&common).value.title = newValue }
    }
    /// Where.
    public var location: String? {
        get { common.value.location }
        set { Self.unique(&common).value.location = newValue }
    }
    /// The location id, when the place is a configured location (a resource).
    public var locationID: String? {
        get { common.value.locationID }
        set { Self.unique(&common).value.locationID = newValue }
    }
    /// Every resource the meeting needs, by id, in a fixed order (leader, unit or group members,
    /// participants, marker guests, room), each once; optional participants are not among them.
    public var needs: [String] = []
    /// Who leads it.
    public var leader: Role? {
        get { leaderBox?.value }
        set { leaderBox = newValue.map(Box.init) }
    }
    /// Who takes part, resolved to roles (units act through their heads), in config order.
    public var participants: [Participant] {
        get { common.value.participants }
        set { Self.unique(&common).value.participants = newValue }
    }
    /// Half-yearly markers it carries.
    public var markers: [MeetingMarker]
    /// Why it was moved, if it was ("Kristi himmelfartsdag").
    public var movedBecause: String? {
        get { notes?.value.movedBecause }
        set { changeNotes { $0.movedBecause = newValue } }
    }
    /// On the first meeting a new leader leads: who takes over from whom.
    public var handover: String? {
        get { notes?.value.handover }
        set { changeNotes { $0.handover = newValue } }
    }
    /// Set when the meeting was cancelled by hand, with the reason (may be empty).
    public var cancelled: String? {
        get { notes?.value.cancelled }
        set { changeNotes { $0.cancelled = newValue } }
    }
    /// Set when the meeting was moved by hand: the reason (may be empty).
    public var movedByHand: String? {
        get { notes?.value.movedByHand }
        set { changeNotes { $0.movedByHand = newValue } }
    }
    /// The UID of a meeting added by hand ("ved behov"); nil for planned meetings.
    public var addedUID: String? {
        get { notes?.value.addedUID }
        set { changeNotes { $0.addedUID = newValue } }
    }

    /// A value behind one reference, shared by the meetings that hold it; a meeting copies it
    /// before changing it unless it is the only holder (`unique`).
    final class Box<Value: Sendable>: @unchecked Sendable {
        // Changed only through `Meeting.unique`, when no other meeting holds this box.
        var value: Value
        init(_ value: Value) { self.value = value }
    }

    /// What the meetings of one instance share: one box for all of them until one is changed.
    struct Common: Sendable, Hashable {
        var instance: StructureInstance
        var title: String
        var location: String?
        var locationID: String?
        var participants: [Participant]
    }

    /// The notes few meetings have.
    struct Notes: Sendable, Hashable {
        var movedBecause: String?
        var handover: String?
        var cancelled: String?
        var movedByHand: String?
        var addedUID: String?
    }

    private var common: Box<Common>
    private var leaderBox: Box<Role>?
    private var notes: Box<Notes>?

    /// `box`, copied first if another meeting holds it too.
    private static func unique<Value>(_ box: inout Box<Value>) -> Box<Value> {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.value) }
        return box
    }

    private mutating func changeNotes(_ change: (inout Notes) -> Void) {
        guard var box = notes else {
            var made = Notes()
            change(&made)
            notes = Box(made)
            return
        }
        notes = nil  // so `box` is the only reference when no other meeting holds it
        change(&Self.unique(&box).value)
        notes = box
    }

    /// Creates a meeting.
    public init(
        instance: StructureInstance, plannedDate: LocalDate, slotIndex: Int, date: LocalDate, start: LocalTime,
        end: LocalTime, title: String, location: String?, locationID: String? = nil, needs: [String] = [],
        leader: Role?, participants: [Participant], markers: [MeetingMarker], movedBecause: String?,
        handover: String? = nil, cancelled: String? = nil, movedByHand: String? = nil, addedUID: String? = nil
    ) {
        self.init(
            common: Box(Common(instance: instance, title: title, location: location, locationID: locationID, participants: participants)),
            plannedDate: plannedDate, slotIndex: slotIndex, date: date, start: start, end: end, markers: markers)
        self.needs = needs
        self.leader = leader
        let notes = Notes(movedBecause: movedBecause, handover: handover, cancelled: cancelled, movedByHand: movedByHand, addedUID: addedUID)
        if notes != Notes() { self.notes = Box(notes) }
    }

    /// A meeting sharing `common` with the other meetings of its instance.
    init(common: Box<Common>, plannedDate: LocalDate, slotIndex: Int, date: LocalDate, start: LocalTime, end: LocalTime, markers: [MeetingMarker] = []) {
        self.common = common
        self.plannedDate = plannedDate
        self.slotIndex = slotIndex
        self.date = date
        self.start = start
        self.end = end
        self.markers = markers
    }

    /// Sets the leader to a box shared with other meetings (the scheduler makes one per leader).
    mutating func setLeader(_ box: Box<Role>?) { leaderBox = box }

    /// Names the part this meeting shares with other meetings of its instance (instance, title,
    /// place, participants): meetings with the same id have the same part, so what is worked out
    /// from it can be worked out once (the id is only good while the meetings are).
    public var sharedPartID: ObjectIdentifier { ObjectIdentifier(common) }

    public static func == (a: Meeting, b: Meeting) -> Bool {
        a.plannedDate == b.plannedDate && a.slotIndex == b.slotIndex && a.date == b.date && a.start == b.start
            && a.end == b.end && a.needs == b.needs && a.markers == b.markers
            && (a.common === b.common || a.common.value == b.common.value)
            && (a.leaderBox === b.leaderBox || a.leader == b.leader)
            && (a.notes === b.notes || (a.notes?.value ?? Notes()) == (b.notes?.value ?? Notes()))
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(instance)
        hasher.combine(plannedDate)
        hasher.combine(slotIndex)
        hasher.combine(date)
        hasher.combine(start)
        hasher.combine(end)
        hasher.combine(title)
        hasher.combine(addedUID)
    }

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
        var text = ""
        appendIdentity(to: &text, extra: 0)
        return text
    }

    /// Appends `identity` to `text`, reserving room for `extra` more bytes: built in place, as
    /// it is for every event of every run (a UID is the key of the cache and of the feeds).
    private func appendIdentity(to text: inout String, extra: Int) {
        let common = self.common.value.instance
        text.reserveCapacity(common.structureID.utf8.count + common.instanceID.utf8.count + 16 + extra)
        text += common.structureID
        if !common.isSingle {
            text += "."
            text += common.instanceID
        }
        text += "-"
        Self.appendDigits(plannedDate.year, width: 4, to: &text)
        Self.appendDigits(plannedDate.month, width: 2, to: &text)
        Self.appendDigits(plannedDate.day, width: 2, to: &text)
        if slotIndex != 0 {
            text += "-"
            text += String(slotIndex + 1)
        }
    }

    /// `value`'s decimal digits, zero-padded to `width` (as `pad`), appended to `text`.
    private static func appendDigits(_ value: Int, width: Int, to text: inout String) {
        guard value >= 0 else { return text += String(value) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (48, 48, 48, 48, 48, 48, 48, 48)
        var rest = value
        var count = 0
        withUnsafeMutableBytes(of: &digits) { bytes in
            while count < 8, rest > 0 || count < width {
                bytes[7 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
        }
        guard rest == 0 else { return text += String(value) }
        withUnsafeBytes(of: &digits) { bytes in
            text += String(decoding: bytes[(8 - count)...], as: UTF8.self)
        }
    }

    /// The UID of an extra meeting added by hand: `<base>-<yyyymmdd>-ekstra-<hhmm>@<domain>`.
    public static func addedUID(_ instance: StructureInstance, start: LocalDateTime, domain: String) -> String {
        "\(instance.uidBase)-\(start.date.compact)-ekstra-\(start.time.description.replacingOccurrences(of: ":", with: ""))@\(domain)"
    }

    /// The iCalendar UID.
    public func uid(domain: String) -> String {
        if let addedUID { return addedUID }
        var text = ""
        appendIdentity(to: &text, extra: 1 + domain.utf8.count)
        text += "@"
        text += domain
        return text
    }

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
