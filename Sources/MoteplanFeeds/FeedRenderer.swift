import MoteplanCore
import MoteplanICal

/// Renders every feed of a schedule to iCalendar text and checks each by parsing it back.
public struct FeedRenderer: Sendable {
    /// The configuration.
    public let configuration: Configuration

    /// Creates a renderer.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// (relative path, text) for every feed, in catalog order; throws `FeedError` if libical
    /// finds any problem in any feed, before anything is written.
    ///
    /// `revise` gives each event's SEQUENCE and DTSTAMP from its UID and content hash (the state
    /// store's bookkeeping); without it every event has SEQUENCE 0 and the config's revision date.
    /// `contacts: false` leaves out ORGANIZER and ATTENDEE (public feeds carry no e-mail addresses);
    /// the content hash, and so SEQUENCE, is the same either way.
    public func render(
        _ schedule: Schedule, revise: ((_ uid: String, _ contentHash: String) throws -> EventRevision)? = nil,
        contacts: Bool = true
    ) throws -> [(path: String, text: String)] {
        let m = configuration.municipality
        let zone = try ICalZone(identifier: m.timeZone, fromYear: m.horizon.first.year, toYear: m.horizon.last.year)
        let builder = EventBuilder(configuration: configuration)
        let domain = m.uidDomain
        var events: [ICalEvent] = []
        events.reserveCapacity(schedule.meetings.count)
        for meeting in schedule.meetings {
            var event = builder.event(for: meeting)
            if let revise {
                let revision = try revise(event.uid, ContentHash.of(event))
                event.sequence = revision.sequence
                event.dtstamp = revision.dtstamp
            }
            if !contacts {
                event.organizer = nil
                event.attendees = []
            }
            events.append(event)
        }
        // Each event is serialized once, on every core; feeds are assembled from those texts.
        let feeds = FeedCatalog.feeds(for: schedule, configuration: configuration)
        let headerFor: @Sendable (String) -> ICalFeedHeader = { name in
            ICalFeedHeader(
                prodID: "-//moteplan//moteplan 0.1//NO", calendarName: name, timeZoneID: m.timeZone,
                refreshIntervalMinutes: configuration.feeds.refreshHours * 60)
        }
        let eventSerializer = try FeedSerializer(header: headerFor(m.name), zone: zone)
        let frozen = events
        let texts = try Parallel.map(frozen.count) { try eventSerializer.serializeEvent(frozen[$0]) }
        var index: [String: Int] = [:]
        index.reserveCapacity(texts.count)
        for (i, meeting) in schedule.meetings.enumerated() { index[meeting.uid(domain: domain)] = i }
        let serializers = try feeds.map { try FeedSerializer(header: headerFor($0.calendarName), zone: zone) }
        let selections = feeds.map { feed in feed.meetings.compactMap { index[$0.uid(domain: domain)] } }
        // Every feed is parsed back with libical before anything is written. libical's
        // icalrestriction_check is left out: it cost two thirds of the run (≈1 M instructions per
        // event per feed, Benchmarks/profile) and FeedValidator's own RFC 5545 cardinality rules
        // cover what it checks for VEVENTs.
        let rendered = try Parallel.map(feeds.count, chunk: 1) { f -> String in
            let text = serializers[f].assemble(selections[f].map { texts[$0] })
            let problems = FeedValidator.problems(in: text, restrictionCheck: false)
            guard problems.isEmpty else { throw FeedError.invalidFeed(path: feeds[f].path, problems: problems) }
            return text
        }
        return zip(feeds, rendered).map { ($0.path, $1) }
    }
}

/// Why feeds were not written.
public struct FeedError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case invalidFeed(path: String, problems: [String])
        case cannotWrite(path: String, reason: String)
    }

    private let kind: Kind

    /// libical found problems in a feed; nothing was written.
    public static func invalidFeed(path: String, problems: [String]) -> FeedError {
        FeedError(kind: .invalidFeed(path: path, problems: problems))
    }

    /// The output directory or a file in it could not be written.
    public static func cannotWrite(path: String, reason: String) -> FeedError {
        FeedError(kind: .cannotWrite(path: path, reason: reason))
    }

    /// One line a user can act on.
    public var description: String {
        switch kind {
        case .invalidFeed(let path, let problems):
            return "feed \(path) did not pass libical's check (\(problems.prefix(3).joined(separator: "; "))); no feed was written."
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
