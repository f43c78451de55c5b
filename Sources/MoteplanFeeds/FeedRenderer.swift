import MoteplanCore
import MoteplanICal

/// Renders every feed of a schedule to iCalendar text, every piece checked by libical.
///
/// Each event is serialized once and parsed back once by libical (`EventValidator`), on every
/// core. Each feed's frame is parsed back as a calendar of its own (`FeedValidator`): the first
/// with the VTIMEZONE, the others without it (the same text in every frame). A feed is its frame
/// around the texts of its events, so every line of every feed has passed libical's parser
/// before anything is written, and an event in three feeds is parsed once, not three times
/// (libical's parser costs ≈ 7 µs an event; Benchmarks/README.md).
public struct FeedRenderer: Sendable {
    /// The configuration.
    public let configuration: Configuration

    /// Creates a renderer.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// Every feed, in catalog order; throws `FeedError` if libical finds any problem in any piece
    /// of any feed, before anything is written.
    ///
    /// `revise` gives each event's SEQUENCE and DTSTAMP from its UID and content hash (the state
    /// store's bookkeeping), in schedule order; without it every event has SEQUENCE 0 and the
    /// config's revision date. `contacts: false` leaves out ORGANIZER and ATTENDEE (public feeds
    /// carry no e-mail addresses); the content hash, and so SEQUENCE, is the same either way.
    public func render(
        _ schedule: Schedule, revise: ((_ uid: String, _ contentHash: String) throws -> EventRevision)? = nil,
        contacts: Bool = true
    ) throws -> [FeedFile] {
        let m = configuration.municipality
        let zone = try ICalZone(identifier: m.timeZone, fromYear: m.horizon.first.year, toYear: m.horizon.last.year)
        let headerFor: @Sendable (String) -> ICalFeedHeader = { name in
            ICalFeedHeader(
                prodID: "-//moteplan//moteplan 0.1//NO", calendarName: name, timeZoneID: m.timeZone,
                refreshIntervalMinutes: configuration.feeds.refreshHours * 60)
        }
        let texts = try eventTexts(
            schedule.meetings, revise: revise, contacts: contacts,
            serializer: try FeedSerializer(header: headerFor(m.name), zone: zone))
        let feeds = FeedCatalog.feeds(for: schedule, configuration: configuration)
        let frames = try Parallel.map(feeds.count, chunk: 16) { f -> (prefix: String, suffix: String) in
            let serializer = try FeedSerializer(header: headerFor(feeds[f].calendarName), zone: zone)
            // The VTIMEZONE text is the same in every frame: checked with the first, then only
            // each feed's own calendar properties.
            let problems = f == 0 ? serializer.frameProblems() : serializer.headerProblems()
            guard problems.isEmpty else { throw FeedError.invalidFeed(path: feeds[f].path, problems: problems) }
            return serializer.frame
        }
        return zip(feeds, frames).map { feed, frame in
            var parts: [String] = []
            parts.reserveCapacity(feed.meetings.count + 2)
            parts.append(frame.prefix)
            for index in feed.meetings { parts.append(texts[index]) }
            parts.append(frame.suffix)
            return FeedFile(path: feed.path, parts: parts)
        }
    }

    /// Each meeting's VEVENT text, serialized and checked on every core. The events are built and
    /// hashed on every core too, then revised in schedule order (the keeper is sequential).
    private func eventTexts(
        _ meetings: [Meeting], revise: ((String, String) throws -> EventRevision)?, contacts: Bool,
        serializer: FeedSerializer
    ) throws -> [String] {
        let builder = EventBuilder(configuration: configuration)
        var built = try Parallel.map(meetings.count) { i -> (event: ICalEvent, hash: String) in
            let event = builder.event(for: meetings[i])
            return (event, ContentHash.of(event))
        }
        for i in built.indices {
            if let revise {
                let revision = try revise(built[i].event.uid, built[i].hash)
                built[i].event.sequence = revision.sequence
                built[i].event.dtstamp = revision.dtstamp
            }
            if !contacts {
                built[i].event.organizer = nil
                built[i].event.attendees = []
            }
        }
        let events = built
        let tzid = serializer.zone.identifier
        return try Parallel.map(events.count) { i -> String in
            let event = events[i].event
            let text = try serializer.serializeEvent(event)
            let problems = EventValidator.problems(in: text, tzid: tzid)
            guard problems.isEmpty else { throw FeedError.invalidEvent(uid: event.uid, problems: problems) }
            return text
        }
    }
}

/// Why feeds were not written.
public struct FeedError: Error, CustomStringConvertible, Sendable {
    private enum Kind: Sendable {
        case invalidFeed(path: String, problems: [String])
        case invalidEvent(uid: String, problems: [String])
        case cannotWrite(path: String, reason: String)
    }

    private let kind: Kind

    /// libical found problems in a feed's frame; nothing was written.
    public static func invalidFeed(path: String, problems: [String]) -> FeedError {
        FeedError(kind: .invalidFeed(path: path, problems: problems))
    }

    /// libical found problems in an event's text; nothing was written.
    public static func invalidEvent(uid: String, problems: [String]) -> FeedError {
        FeedError(kind: .invalidEvent(uid: uid, problems: problems))
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
        case .invalidEvent(let uid, let problems):
            return "event \(uid) did not pass libical's check (\(problems.prefix(3).joined(separator: "; "))); no feed was written."
        case .cannotWrite(let path, let reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
