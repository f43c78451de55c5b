/// How many instances of a structure exist.
public enum Instantiation: Sendable, Hashable {
    /// One instance, named after the structure.
    case one
    /// One instance per unit having any of these kinds.
    case perUnit(kinds: Set<UnitKind>)
    /// One instance per group: all groups, or only those listed.
    case perGroup(only: [String])

    /// Whether this is one of the per-group forms.
    public var isPerGroup: Bool {
        if case .perGroup = self { return true }
        return false
    }
}

/// Who leads a structure's meetings.
public enum LeaderRule: Sendable, Hashable {
    /// A fixed role or unit (whose head leads), by id.
    case fixed(String)
    /// The head of the instance's unit (per-unit structures).
    case unitHead
    /// The group's configured leader (per-group structures).
    case groupLeader
}

/// What happens to a meeting that falls on a day without work.
public enum HolidayPolicy: Sendable, Hashable {
    /// Drop the meeting.
    case skip
    /// Move it to the nearest working day at most `maxDays` away (ties go later); else drop it.
    case move(maxDays: Int)
}

/// The period a marker's count (or an `at_least` duty's) applies to.
public enum MarkerPeriod: Sendable, Hashable {
    /// January–June and July–December.
    case halfYear
    /// 1 August–31 July.
    case schoolYear
}

/// Something that recurs a number of times per half-year (or school year) on a structure's
/// meetings, such as "SLT på agendaen", guests attending, or children and parents invited.
public struct Marker: Sendable, Hashable {
    /// The marker's id.
    public var id: String
    /// The Norwegian text shown on the meetings that carry it.
    public var text: String
    /// How many meetings per period carry it.
    public var count: Int
    /// Half-year or school year.
    public var period: MarkerPeriod
    /// Whether the first or the last meetings of the period carry it.
    public var fromEnd: Bool
    /// Roles or units invited for it.
    public var guests: [String]
    /// Explicit dates that carry it; when set, these replace the default choice.
    public var dates: [LocalDate]

    /// Creates a marker.
    public init(
        id: String, text: String, count: Int = 1, period: MarkerPeriod = .halfYear, fromEnd: Bool = false,
        guests: [String] = [], dates: [LocalDate] = []
    ) {
        self.id = id
        self.text = text
        self.count = count
        self.period = period
        self.fromEnd = fromEnd
        self.guests = guests
        self.dates = dates
    }
}

/// Who receives a structure's referat and how soon it is due.
public struct ReferatDuty: Sendable, Hashable {
    /// The receiving structure (e.g. the samarbeidsgruppe).
    public var receiver: String
    /// Days allowed after the meeting.
    public var days: Int

    /// Creates a referat duty.
    public init(receiver: String, days: Int) {
        self.receiver = receiver
        self.days = days
    }
}

/// A structure's agenda (sakliste): its fixed items and when it closes.
public struct AgendaSettings: Sendable, Hashable {
    /// Days before the meeting that the agenda closes (and incoming referat are due).
    public var closesDaysBefore: Int
    /// Fixed items, in order, in Norwegian.
    public var items: [String]

    /// Creates agenda settings.
    public init(closesDaysBefore: Int = 7, items: [String] = []) {
        self.closesDaysBefore = closesDaysBefore
        self.items = items
    }
}

/// A standing meeting structure: who meets, how often, where and under whom.
public struct Structure: Sendable, Hashable {
    /// The id; also the feed's file name.
    public var id: String
    /// The Norwegian title, the events' SUMMARY.
    public var title: String
    /// A short Norwegian description.
    public var description: String
    /// One, per unit or per group.
    public var instantiation: Instantiation
    /// When it meets.
    public var cadence: Cadence
    /// The time slots of a meeting day, sorted.
    public var slots: [Slot]
    /// Where it meets; per-unit structures default to the unit's location or name.
    public var location: String?
    /// Who leads.
    public var leader: LeaderRule
    /// Roles and units that take part besides the unit or group members.
    public var participants: [String]
    /// Roles and units listed as welcome but not needed: never counted for conflicts.
    public var optionalParticipants: [String] = []
    /// Per-instance differences, by instance id.
    public var instanceOverrides: [String: InstanceOverride] = [:]
    /// The overridden instance ids in the order the config lists them.
    public var instanceOverrideOrder: [String] = []
    /// Whether it follows the school calendar (skips school holidays and the summer).
    public var followsSchoolCalendar: Bool
    /// What a holiday does to a meeting.
    public var holidayPolicy: HolidayPolicy
    /// Half-yearly markers.
    public var markers: [Marker]
    /// Days before a meeting the leader sends the innkalling.
    public var noticeDays: Int = 14
    /// `invitations = true`: `remind` sends each participant with an address a calendar invitation
    /// (iTIP REQUEST, then updates and cancellations) `noticeDays` before each meeting.
    public var sendsInvitations: Bool = false
    /// Whether this is a duty without fixed dates (`at_least`): the units register their meetings.
    public var isAtLeastDuty: Bool {
        if case .atLeast = cadence.rule { return true }
        return false
    }

    /// `from`/`until`: the days the arena runs (both ends included); no meeting outside them.
    /// Each end open when nil. An anchor may lie outside: it only fixes a weekly cadence's phase.
    public var active: ActivePeriod = ActivePeriod()
    /// `skip_holidays`: the school holidays and closed days (by their configured names) this
    /// structure skips, without following the whole school calendar.
    public var skippedHolidays: [String] = []
    /// The referat duty, if meetings owe one.
    public var referat: ReferatDuty?
    /// The agenda settings.
    public var agenda: AgendaSettings = AgendaSettings()
    /// With `placement = "auto"`: the patterns each instance may take (moteplan chooses one per
    /// school year); nil for a fixed structure. `cadence` and `slots` then hold the first choice.
    public var choices: [PatternChoice]?
    /// Preferences for automatic placement.
    public var wishes: PlacementWishes = PlacementWishes()

    /// Creates a structure.
    public init(
        id: String, title: String, description: String, instantiation: Instantiation,
        cadence: Cadence, slots: [Slot], location: String?, leader: LeaderRule,
        participants: [String], followsSchoolCalendar: Bool, holidayPolicy: HolidayPolicy,
        markers: [Marker]
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.instantiation = instantiation
        self.cadence = cadence
        self.slots = slots
        self.location = location
        self.leader = leader
        self.participants = participants
        self.followsSchoolCalendar = followsSchoolCalendar
        self.holidayPolicy = holidayPolicy
        self.markers = markers
    }
}
