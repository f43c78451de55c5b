/// An error from the iCalendar layer, with a message a user can act on.
public struct ICalError: Error, CustomStringConvertible, Sendable, Equatable {
    /// What kind of failure this is, for code that wants to react to one kind.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case unknownTimeZone, timeZoneDataMissing, invalidHorizon
            case invalidHeader, invalidEvent, invalidRule, invalidFeed, libical
        }
        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The time zone id is not an IANA zone that the system tzdata knows.
        public static let unknownTimeZone = Code(.unknownTimeZone)
        /// No time zone data is installed at all (tzdata is missing).
        public static let timeZoneDataMissing = Code(.timeZoneDataMissing)
        /// The year range for a VTIMEZONE is empty or out of range.
        public static let invalidHorizon = Code(.invalidHorizon)
        /// The feed header has a value that cannot be written.
        public static let invalidHeader = Code(.invalidHeader)
        /// An event has a value that cannot be written.
        public static let invalidEvent = Code(.invalidEvent)
        /// A recurrence rule could not be parsed or expanded.
        public static let invalidRule = Code(.invalidRule)
        /// Feed text could not be read back.
        public static let invalidFeed = Code(.invalidFeed)
        /// libical failed where it should not (a bug or an exhausted resource).
        public static let libical = Code(.libical)

        /// The code's name, e.g. `unknownTimeZone`.
        public var description: String { base.rawValue }
    }

    private enum Kind: Equatable, Sendable {
        case unknownTimeZone(String)
        case timeZoneDataMissing(String)
        case invalidHorizon(from: Int, to: Int)
        case invalidHeader(String)
        case invalidEvent(uid: String, reason: String)
        case invalidRule(rule: String, reason: String)
        case invalidFeed(String)
        case libical(String)
    }

    private let kind: Kind

    private init(_ kind: Kind) { self.kind = kind }

    /// The kind of failure.
    public var code: Code {
        switch kind {
        case .unknownTimeZone: .unknownTimeZone
        case .timeZoneDataMissing: .timeZoneDataMissing
        case .invalidHorizon: .invalidHorizon
        case .invalidHeader: .invalidHeader
        case .invalidEvent: .invalidEvent
        case .invalidRule: .invalidRule
        case .invalidFeed: .invalidFeed
        case .libical: .libical
        }
    }

    /// One line saying what went wrong and what to do about it.
    public var description: String {
        switch kind {
        case .unknownTimeZone(let id):
            "unknown time zone '\(id)': use an IANA zone id such as 'Europe/Oslo'"
        case .timeZoneDataMissing(let id):
            "cannot load time zone '\(id)': no time zone data found in /usr/share/zoneinfo; "
                + "install tzdata (apt-get install tzdata)"
        case .invalidHorizon(let from, let to):
            "invalid time zone horizon \(from)–\(to): need 1900 ≤ fromYear ≤ toYear ≤ 2200"
        case .invalidHeader(let reason):
            "invalid calendar header: \(reason)"
        case .invalidEvent(let uid, let reason):
            "invalid event '\(uid)': \(reason)"
        case .invalidRule(let rule, let reason):
            "invalid recurrence rule '\(rule)': \(reason)"
        case .invalidFeed(let reason):
            "cannot read the feed: \(reason)"
        case .libical(let what):
            "libical failed: \(what)"
        }
    }

    static func unknownTimeZone(_ id: String) -> ICalError { ICalError(.unknownTimeZone(id)) }
    static func timeZoneDataMissing(_ id: String) -> ICalError { ICalError(.timeZoneDataMissing(id)) }
    static func invalidHorizon(from: Int, to: Int) -> ICalError { ICalError(.invalidHorizon(from: from, to: to)) }
    static func invalidHeader(_ reason: String) -> ICalError { ICalError(.invalidHeader(reason)) }
    static func invalidEvent(uid: String, _ reason: String) -> ICalError {
        ICalError(.invalidEvent(uid: uid, reason: reason))
    }
    static func invalidRule(_ rule: String, _ reason: String) -> ICalError {
        ICalError(.invalidRule(rule: rule, reason: reason))
    }
    static func invalidFeed(_ reason: String) -> ICalError { ICalError(.invalidFeed(reason)) }
    static func libical(_ what: String) -> ICalError { ICalError(.libical(what)) }
}
