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
///
/// Threads: libical is called from every core, each thread with its own components, strings and
/// parser (`icalparser_parse_string` makes one per call). What libical 3.0.16 shares between
/// threads is safe in Debian's build: `icalerrno` and the temporary-buffer ring are per thread
/// (`pthread_getspecific` in `icalerrno_return` and `icalerror_set_errno`), the built-in zone
/// functions take a mutex, and the zone is loaded before the parallel work starts. GoldenFeedTests
/// and EventValidatorTests run serializing and checking on eight tasks against one thread's bytes.
public struct FeedRenderer: Sendable {
    /// The configuration.
    public let configuration: Configuration

    /// Creates a renderer.
    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    /// The calendar properties of every moteplan calendar (feeds and reminders' attachments).
    public static func header(_ configuration: Configuration, calendarName: String) -> ICalFeedHeader {
        ICalFeedHeader(
            prodID: "-//moteplan//moteplan 0.1//NO", calendarName: calendarName,
            timeZoneID: configuration.municipality.timeZone,
            refreshIntervalMinutes: configuration.feeds.refreshHours * 60)
    }

    /// Every feed, in catalog order, each event with SEQUENCE 0 and the config's revision date as
    /// DTSTAMP; throws `FeedError` if libical finds any problem in any piece of any feed.
    /// `contacts: false` leaves out ORGANIZER and ATTENDEE (public feeds carry no e-mail addresses).
    public func render(_ schedule: Schedule, contacts: Bool = true) throws -> [FeedFile] {
        try render(schedule, revise: nil as Revise<Never>?, contacts: contacts).files
    }

    /// SEQUENCE and DTSTAMP of an event from its UID and content hash (the state store's
    /// bookkeeping), and what to store when it changed.
    public typealias Revise<Change> = @Sendable (_ uid: String, _ contentHash: String) -> (revision: EventRevision, change: Change?)

    /// Every feed, in catalog order, with each event's SEQUENCE and DTSTAMP from `revise`, and the
    /// changes to store, in schedule order. Throws `FeedError` if libical finds any problem in any
    /// piece of any feed, before anything is written. The content hash, and so SEQUENCE, is the
    /// same with and without contacts.
    ///
    /// Each event is built, hashed, revised, serialized and parsed back in one pass on every core,
    /// so the events themselves are never all held at once (only their texts).
    public func render<Change: Sendable>(
        _ schedule: Schedule, revise: Revise<Change>?, contacts: Bool = true
    ) throws -> (files: [FeedFile], changes: [Change]) {
        let rendered = try render(schedule, revise: revise, variants: [contacts])
        return (rendered.sets[0], rendered.changes)
    }

    /// The feeds with contacts (private) and without (public) from one pass: each event is built,
    /// hashed and revised once, and serialized a second time only when it has an ORGANIZER or
    /// ATTENDEE to leave out; the frames are shared. `revise` nil: SEQUENCE 0 for every event.
    public func renderWithAndWithoutContacts<Change: Sendable>(
        _ schedule: Schedule, revise: Revise<Change>?
    ) throws -> (withContacts: [FeedFile], withoutContacts: [FeedFile], changes: [Change]) {
        let rendered = try render(schedule, revise: revise, variants: [true, false])
        return (rendered.sets[0], rendered.sets[1], rendered.changes)
    }

    /// The public feeds and, with `withPrivate`, the private ones (with ORGANIZER and ATTENDEE),
    /// reusing the texts in `cache` whose key is unchanged (`EventTextCache`): only events that
    /// are new or changed (content, SEQUENCE, DTSTAMP, zone or cache format) are serialized and
    /// parsed back by libical. The result holds the texts made this time, to be cached, and every
    /// UID of the schedule. The files are byte for byte what `renderWithAndWithoutContacts` and
    /// `render(_:revise:contacts: false)` give.
    ///
    /// `current(path, isPrivate, digest)` says whether the file on disk holds the feed whose
    /// content has `digest` (`FeedDigest`: its frame and its events' keys) already; such a feed is
    /// returned as `FeedFile(current:digest:)`, without assembling its parts.
    public func renderCached<Change: Sendable>(
        _ schedule: Schedule, revise: @escaping Revise<Change>, cache: EventTextCache, withPrivate: Bool,
        current: @escaping @Sendable (_ path: String, _ isPrivate: Bool, _ digest: String) -> Bool = { _, _, _ in false }
    ) throws -> CachedRendering<Change> {
        let rendered = try render(
            schedule, revise: revise, variants: withPrivate ? [false, true] : [false], cache: cache, current: current)
        return CachedRendering(
            publicFiles: rendered.sets[0], privateFiles: withPrivate ? rendered.sets[1] : [], changes: rendered.changes,
            madeTexts: rendered.made, uids: rendered.uids, uidsInCache: rendered.inCache)
    }

    /// One feed set per entry of `variants` (true: with ORGANIZER and ATTENDEE).
    private func render<Change: Sendable>(
        _ schedule: Schedule, revise: Revise<Change>?, variants: [Bool], cache: EventTextCache? = nil,
        current: (@Sendable (String, Bool, String) -> Bool)? = nil
    ) throws -> (sets: [[FeedFile]], changes: [Change], made: [(uid: String, entry: CachedEventText)], uids: [String], inCache: Int) {
        let m = configuration.municipality
        let zone = try ICalZone(identifier: m.timeZone, fromYear: m.horizon.first.year, toYear: m.horizon.last.year)
        let headerFor: @Sendable (String) -> ICalFeedHeader = { [configuration] name in
            Self.header(configuration, calendarName: name)
        }
        let serializer = try FeedSerializer(header: headerFor(m.name), zone: zone)
        let builder = EventBuilder(configuration: configuration)
        let meetings = schedule.meetings
        let tzid = zone.identifier
        let events = try Parallel.map(meetings.count) {
            i -> (uid: String, texts: [String], change: Change?, made: CachedEventText?, inCache: Bool, key: UInt64) in
            var event = builder.event(for: meetings[i])
            var change: Change?
            var hash = ""
            if let revise {
                hash = ContentHash.of(event)
                let revised = revise(event.uid, hash)
                event.sequence = revised.revision.sequence
                event.dtstamp = revised.revision.dtstamp
                change = revised.change
            }
            // The cached texts for this very key, by variant (nil: not cached).
            var key = ""
            var reused: CachedEventText?
            var inCache = false
            if let cache, revise != nil {
                key = EventTextCache.key(contentHash: hash, event: event, tzid: tzid)
                if let entry = cache.entries[event.uid] {
                    inCache = true
                    if entry.key == key { reused = entry }
                }
            }
            func cached(_ contacts: Bool) -> String? { contacts ? reused?.privateText : reused?.publicText }
            if reused != nil, variants.allSatisfy({ cached($0) != nil }) {
                return (event.uid, variants.compactMap(cached), change, nil, true, FeedDigest.of(key))
            }
            let hasContacts = event.organizer != nil || !event.attendees.isEmpty
            var texts: [String] = []
            var checked: String?  // the text without contacts, when it is the same as with them
            for contacts in variants {
                if let text = cached(contacts) {
                    texts.append(text)
                    checked = text
                    continue
                }
                if !hasContacts, let checked {
                    texts.append(checked)
                    continue
                }
                var variant = event
                if !contacts {
                    variant.organizer = nil
                    variant.attendees = []
                }
                let text = try serializer.serializeEvent(variant)
                let problems = EventValidator.problems(in: text, tzid: tzid)
                guard problems.isEmpty else { throw FeedError.invalidEvent(uid: event.uid, problems: problems) }
                texts.append(text)
                checked = text
            }
            var made: CachedEventText?
            if cache != nil, revise != nil {
                // What this run knows for the key: the variants it made and those it reused.
                var entry = reused ?? CachedEventText(key: key, publicText: "", privateText: nil)
                for (contacts, text) in zip(variants, texts) {
                    if contacts { entry.privateText = text } else { entry.publicText = text }
                }
                made = entry
            }
            return (event.uid, texts, change, made, inCache, cache == nil ? 0 : FeedDigest.of(key))
        }
        let feeds = FeedCatalog.feeds(for: schedule, configuration: configuration)
        let frames = try Parallel.map(feeds.count, chunk: 16) { f -> (prefix: String, suffix: String) in
            let serializer = try FeedSerializer(header: headerFor(feeds[f].calendarName), zone: zone)
            // The VTIMEZONE text is the same in every frame: checked with the first, then only
            // each feed's own calendar properties.
            let problems = f == 0 ? serializer.frameProblems() : serializer.headerProblems()
            guard problems.isEmpty else { throw FeedError.invalidFeed(path: feeds[f].path, problems: problems) }
            return serializer.frame
        }
        // Every feed's parts, on every core (at 100k meetings, 2,000 feeds of ~600k parts in all).
        // The keys and each variant's texts in arrays of their own: reading them from `events`
        // copied (retained and released) the whole tuple of an event for each feed it is in.
        let keys = events.map(\.key)
        let sets = try variants.indices.map { v in
            let texts = events.map { $0.texts[v] }
            return try Parallel.map(feeds.count, chunk: 16) { f -> FeedFile in
                let feed = feeds[f]
                var digest: String?
                if cache != nil {
                    // What the file's bytes follow from: the frame, the variant, each event's key.
                    var hash = FeedDigest()
                    hash.add(frames[f].prefix)
                    hash.add(frames[f].suffix)
                    hash.add(variants[v] ? "private" : "public")
                    for index in feed.meetings { hash.add(keys[index]) }
                    digest = hash.hex
                    if let digest, let current, current(feed.path, variants[v], digest) {
                        return FeedFile(current: feed.path, digest: digest)
                    }
                }
                var parts: [String] = []
                parts.reserveCapacity(feed.meetings.count + 2)
                parts.append(frames[f].prefix)
                for index in feed.meetings { parts.append(texts[index]) }
                parts.append(frames[f].suffix)
                return FeedFile(path: feed.path, parts: parts, digest: digest)
            }
        }
        let made = events.compactMap { event in event.made.map { (uid: event.uid, entry: $0) } }
        return (sets, events.compactMap(\.change), made, events.map(\.uid), events.reduce(0) { $0 + ($1.inCache ? 1 : 0) })
    }
}

/// What `renderCached` made: the feeds, the revisions to store, the texts to cache and the UIDs.
public struct CachedRendering<Change: Sendable>: Sendable {
    /// The public feeds (no ORGANIZER or ATTENDEE), in catalog order.
    public let publicFiles: [FeedFile]
    /// The private feeds, in catalog order; empty without `withPrivate`.
    public let privateFiles: [FeedFile]
    /// Revisions that changed, in schedule order.
    public let changes: [Change]
    /// The entries to store, in schedule order: those of events serialized (at least in part) by this run.
    public let madeTexts: [(uid: String, entry: CachedEventText)]
    /// Every UID of the schedule, in schedule order.
    public let uids: [String]
    /// How many of them had an entry in the cache (with any key): when that is every entry, no
    /// entry belongs to a meeting that left the schedule.
    public let uidsInCache: Int
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
