/// A person on an event: written as `CN=name` and `mailto:email`.
public struct ICalPerson: Hashable, Sendable {
    /// Display name (CN); libical quotes it when it contains `,`, `;` or `:`.
    public var name: String
    /// Plain e-mail address, without `mailto:`.
    public var email: String

    /// Creates a person from a display name and an e-mail address.
    public init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// The STATUS of a published event.
public enum ICalStatus: String, Hashable, Sendable {
    /// `STATUS:CONFIRMED`: the meeting takes place.
    case confirmed
    /// `STATUS:CANCELLED`: the meeting was cancelled; clients strike it through or hide it.
    case cancelled
}

/// One VEVENT of a feed, in the feed's time zone.
public struct ICalEvent: Hashable, Sendable {
    /// Globally unique, stable id of the meeting (UID).
    public var uid: String
    /// When this revision of the event was created (DTSTAMP, UTC).
    public var dtstamp: ICalUTCStamp
    /// Revision number (SEQUENCE); written only when greater than 0.
    public var sequence: Int
    /// Local start time (DTSTART;TZID=…).
    public var start: ICalDateTime
    /// Local end time (DTEND;TZID=…); must not be before `start`.
    public var end: ICalDateTime
    /// One-line title (SUMMARY).
    public var summary: String
    /// Free text (DESCRIPTION); newlines are kept.
    public var description: String
    /// Where the meeting is (LOCATION), if known.
    public var location: String?
    /// Category names (CATEGORIES); each must be non-empty and contain no `,` or `;`.
    public var categories: [String]
    /// Whether the meeting takes place (STATUS).
    public var status: ICalStatus
    /// Who organizes the meeting (ORGANIZER), if anyone.
    public var organizer: ICalPerson?
    /// Who is expected (ATTENDEE;ROLE=REQ-PARTICIPANT).
    public var attendees: [ICalPerson]
    /// In an invitation (iTIP REQUEST): each ATTENDEE gets `RSVP=TRUE;PARTSTAT=NEEDS-ACTION`.
    /// Feeds never set it.
    public var requestsReplies: Bool = false

    /// Creates an event; values are checked when it is serialized.
    public init(
        uid: String,
        dtstamp: ICalUTCStamp,
        sequence: Int = 0,
        start: ICalDateTime,
        end: ICalDateTime,
        summary: String,
        description: String = "",
        location: String? = nil,
        categories: [String] = [],
        status: ICalStatus = .confirmed,
        organizer: ICalPerson? = nil,
        attendees: [ICalPerson] = []
    ) {
        self.uid = uid
        self.dtstamp = dtstamp
        self.sequence = sequence
        self.start = start
        self.end = end
        self.summary = summary
        self.description = description
        self.location = location
        self.categories = categories
        self.status = status
        self.organizer = organizer
        self.attendees = attendees
    }
}
