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
        var changes: [Change] = []
        let rendered = try render(schedule, revise: revise, variants: [contacts], texts: InMemoryEventTexts()) {
            changes += $0.changes
        }
        return (rendered.sets[0], changes)
    }

    /// The feeds with contacts (private) and without (public) from one pass: each event is built,
    /// hashed and revised once, and serialized a second time only when it has an ORGANIZER or
    /// ATTENDEE to leave out; the frames are shared. `revise` nil: SEQUENCE 0 for every event.
    public func renderWithAndWithoutContacts<Change: Sendable>(
        _ schedule: Schedule, revise: Revise<Change>?
    ) throws -> (withContacts: [FeedFile], withoutContacts: [FeedFile], changes: [Change]) {
        var changes: [Change] = []
        let rendered = try render(schedule, revise: revise, variants: [true, false], texts: InMemoryEventTexts()) {
            changes += $0.changes
        }
        return (rendered.sets[0], rendered.sets[1], changes)
    }

    /// The public feeds and, with `withPrivate`, the private ones (with ORGANIZER and ATTENDEE),
    /// reusing the texts in `cache` whose key is unchanged (`EventTextCache`): only events that
    /// are new or changed (content, SEQUENCE, DTSTAMP, zone or cache format) are serialized and
    /// parsed back by libical. The files are byte for byte what `renderWithAndWithoutContacts`
    /// and `render(_:revise:contacts: false)` give.
    ///
    /// Events are rendered a chunk at a time (on every core), their texts appended to `texts`,
    /// and each chunk's revisions and texts to cache handed to `consume` before the next
    /// is made: with a `TextSpool`, no more than a chunk of texts is in memory at once.
    ///
    /// `current(path, isPrivate, digest)` says whether the file on disk holds the feed whose
    /// content has `digest` (`FeedDigest`: its frame and its events' keys) already; such a feed is
    /// returned as `FeedFile(current:digest:)`, without assembling its parts.
    ///
    /// With `meetingKeys` (`MeetingKey`, one per meeting of the schedule), an event whose meeting
    /// key is among `known` is not built, hashed, revised or looked up at all: its text key's
    /// digest is the known one, and its text is read from `cache` only if a feed that must be
    /// written holds it. A cached entry that does not carry that key throws `StaleEventKeys`
    /// (the known keys do not describe the cache: render again without them).
    ///
    /// `published(path, isPrivate)` names the file a feed was last written to and its stamp: a
    /// known event in a feed that must be written is copied from such a file, while it is still
    /// as stamped (`PublishedFeedFile`), before its text is looked for in the cache.
    ///
    /// With `revisionsFor`, the events are revised by what it gives for each slice of 256 UIDs
    /// (read as the chunk is reached, like the cached texts) instead of by `revise`: the stored
    /// revisions are never all held (a million at Oslo's size).
    public func renderCached<Change: Sendable>(
        _ schedule: Schedule, revise: @escaping Revise<Change>, cache: EventTextCache, withPrivate: Bool,
        texts: any EventTextStore, meetingKeys: [UInt64]? = nil, known: KnownEventKeys = KnownEventKeys(),
        published: (@Sendable (_ path: String, _ isPrivate: Bool) -> (path: String, stamp: FeedStamp)?)? = nil,
        revisionsFor: (@Sendable (_ uids: [String]) throws -> Revise<Change>)? = nil,
        consume: (RenderedChunk<Change>) throws -> Void,
        current: @escaping @Sendable (_ path: String, _ isPrivate: Bool, _ digest: String) -> Bool = { _, _, _ in false }
    ) throws -> CachedRendering {
        let rendered = try render(
            schedule, revise: revise, variants: withPrivate ? [false, true] : [false], cache: cache, current: current,
            texts: texts, meetingKeys: meetingKeys, known: known, published: published, revisionsFor: revisionsFor,
            consume: consume)
        return CachedRendering(
            publicFiles: rendered.sets[0], privateFiles: withPrivate ? rendered.sets[1] : [], uidsInCache: rendered.inCache,
            eventKeys: rendered.eventKeys, known: rendered.known, copied: rendered.copied)
    }

    /// Each meeting's `MeetingKey` in `context`, in schedule order, worked out on every core;
    /// what an instance's meetings share is hashed once per shared part.
    public static func meetingKeys(_ schedule: Schedule, context: UInt64) -> [UInt64] {
        let meetings = schedule.meetings
        var sharedKeys: [ObjectIdentifier: UInt64] = [:]
        var shared = [UInt64](repeating: 0, count: meetings.count)
        for (index, meeting) in meetings.enumerated() {
            let id = meeting.sharedPartID
            if let key = sharedKeys[id] {
                shared[index] = key
            } else {
                let key = MeetingKey.sharedKey(meeting)
                sharedKeys[id] = key
                shared[index] = key
            }
        }
        let sharedByMeeting = shared
        return Parallel.map(meetings.count, chunk: 1024) {
            MeetingKey.of(meetings[$0], context: context, shared: sharedByMeeting[$0])
        }
    }

    /// Events rendered per chunk: enough to keep both cores busy between the chunks' hand-overs,
    /// few enough that a chunk's texts are a few megabytes.
    static let chunkSize = 4096

    /// One feed set per entry of `variants` (true: with ORGANIZER and ATTENDEE).
    private func render<Change: Sendable>(
        _ schedule: Schedule, revise: Revise<Change>?, variants: [Bool], cache: EventTextCache? = nil,
        current: (@Sendable (String, Bool, String) -> Bool)? = nil, texts given: any EventTextStore,
        meetingKeys: [UInt64]? = nil, known: KnownEventKeys = KnownEventKeys(),
        published: (@Sendable (String, Bool) -> (path: String, stamp: FeedStamp)?)? = nil,
        revisionsFor: (@Sendable ([String]) throws -> Revise<Change>)? = nil,
        consume: (RenderedChunk<Change>) throws -> Void
    ) throws -> (sets: [[FeedFile]], inCache: Int, eventKeys: KnownEventKeys?, known: Int, copied: Int) {
        let m = configuration.municipality
        let zone = try ICalZone(identifier: m.timeZone, fromYear: m.horizon.first.year, toYear: m.horizon.last.year)
        let headerFor: @Sendable (String) -> ICalFeedHeader = { [configuration] name in
            Self.header(configuration, calendarName: name)
        }
        let serializer = try FeedSerializer(header: headerFor(m.name), zone: zone)
        let builder = EventBuilder(configuration: configuration)
        let meetings = schedule.meetings
        let tzid = zone.identifier
        // Which feeds hold which events, worked out on another core meanwhile.
        let catalog = Background { [configuration] in FeedCatalog.feeds(for: schedule, configuration: configuration) }
        // Each variant's text id of every event, and each event's key digest (for the feeds' digests).
        var ids = [[Int]](repeating: [], count: variants.count)
        for v in variants.indices { ids[v].reserveCapacity(meetings.count) }
        var keys: [UInt64] = []
        keys.reserveCapacity(meetings.count)
        var inCache = 0
        // Events known from the last run (`known`), whose texts are read after the feeds'
        // digests tell which feeds must be written: their text ids are -1 until then.
        var deferred: [Int] = []
        // Events whose revision this run changed (new, or a new SEQUENCE).
        var revised: [Int] = []
        let knownKeys: [UInt64]? = known.count > 0 && cache != nil && revise != nil ? meetingKeys : nil
        // Known events' texts may be taken from the files an earlier run wrote.
        let splicer = knownKeys != nil && published != nil ? SplicedTexts(base: given) : nil
        let store: any EventTextStore = splicer ?? given
        typealias Rendered = (
            uid: String, texts: [String], change: Change?, made: CachedEventText?, inCache: Bool, key: UInt64
        )
        let domain = m.uidDomain
        /// Chunk `chunkStart…`: each event built, hashed, revised, and serialized and parsed back
        /// unless its cached texts are still good.
        /// Returns the known events' text key digests (nil for the others) and the others' renderings
        /// in order: a known event is not handed over as a rendering (a million of those, at Oslo's
        /// size, cost as much as the lookups).
        @Sendable func renderChunk(_ chunkStart: Int) throws -> (known: [UInt64?], rendered: [Rendered]) {
            let chunkEnd = min(meetings.count, chunkStart + Self.chunkSize)
            // The known events' text key digests; the others are rendered (or their texts reused).
            let knownFeedKeys: [UInt64?] = (chunkStart..<chunkEnd).map { i in
                knownKeys.flatMap { known.feedKey(forMeeting: $0[i]) }
            }
            let unknown = (chunkStart..<chunkEnd).filter { knownFeedKeys[$0 - chunkStart] == nil }
            // The cached entries of the chunk's other events, read now on every core, a slice of
            // 256 events each (none to read on a first publication); `slice[offset]` is where.
            let found: [[String: CachedEventText]]
            var slices = [Int](repeating: -1, count: chunkEnd - chunkStart)
            for (position, index) in unknown.enumerated() { slices[index - chunkStart] = position / 256 }
            let slice = slices
            // Each slice's cached entries, and its revisions when they are read by slice.
            let lookups = try Parallel.map((unknown.count + 255) / 256, chunk: 1) { part -> ([String: CachedEventText], Revise<Change>?) in
                guard (cache?.count ?? 0) > 0 || revisionsFor != nil else { return ([:], nil) }
                let uids = unknown[(part * 256)..<min(unknown.count, part * 256 + 256)].map { meetings[$0].uid(domain: domain) }
                let entries = try cache.map { $0.count > 0 ? try $0.lookup(uids) : [:] } ?? [:]
                return (entries, try revisionsFor?(uids))
            }
            found = (cache?.count ?? 0) > 0 ? lookups.map(\.0) : []
            let revisers = lookups.map(\.1)
            let rendered = try Parallel.map(unknown.count) { k -> Rendered in
                let offset = unknown[k] - chunkStart
                var event = builder.event(for: meetings[chunkStart + offset])
                var change: Change?
                var hash = ""
                if let revise = revisionsFor == nil ? revise : revisers[slice[offset]] {
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
                if cache != nil, revise != nil {
                    key = EventTextCache.key(contentHash: hash, event: event, tzid: tzid)
                    if !found.isEmpty, let entry = found[slice[offset]][event.uid] {
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
            return (knownFeedKeys, rendered)
        }
        // Chunk k + 1 is rendered on other threads while this one keeps chunk k's texts and hands
        // it over (the state store's inserts are bound to this thread).
        func begin(_ chunkStart: Int) -> Background<(known: [UInt64?], rendered: [Rendered])> {
            Background { try renderChunk(chunkStart) }
        }
        /// Keeps a chunk's texts and hands its revisions and cache entries over.
        func keep(_ known: [UInt64?], _ events: [Rendered]) throws {
            var chunk = RenderedChunk<Change>()
            var next = 0  // the next of `events`
            for knownKey in known {
                if let knownKey {
                    deferred.append(keys.count)
                    for v in variants.indices { ids[v].append(-1) }
                    keys.append(knownKey)
                    inCache += 1
                    continue
                }
                let event = events[next]
                next += 1
                // A text the variants share (no contacts to leave out) is kept once.
                var previousID = -1
                for v in variants.indices {
                    if v > 0, event.texts[v] == event.texts[v - 1] {
                        ids[v].append(previousID)
                        continue
                    }
                    previousID = try store.append(event.texts[v])
                    ids[v].append(previousID)
                }
                if event.change != nil { revised.append(keys.count) }
                keys.append(event.key)
                if event.inCache { inCache += 1 }
                if let change = event.change { chunk.changes.append(change) }
                if let made = event.made { chunk.made.append((event.uid, made)) }
            }
            try consume(chunk)
        }
        try Self.pipelined(meetings.count, make: begin) { _, chunk in try keep(chunk.known, chunk.rendered) }
        let feeds = try catalog.value()
        let frames = try Parallel.map(feeds.count, chunk: 16) { f -> (prefix: String, suffix: String) in
            let serializer = try FeedSerializer(header: headerFor(feeds[f].calendarName), zone: zone)
            // The VTIMEZONE text is the same in every frame: checked with the first, then only
            // each feed's own calendar properties.
            let problems = f == 0 ? serializer.frameProblems() : serializer.headerProblems()
            guard problems.isEmpty else { throw FeedError.invalidFeed(path: feeds[f].path, problems: problems) }
            return serializer.frame
        }
        // Each feed's digest per variant, and whether the file on disk holds it already.
        let eventKeys = keys
        let digests = variants.indices.map { v in
            Parallel.map(feeds.count, chunk: 16) { f -> (digest: String?, current: Bool) in
                guard cache != nil else { return (nil, false) }
                // What the file's bytes follow from: the frame, the variant, each event's key.
                var hash = FeedDigest()
                hash.add(frames[f].prefix)
                hash.add(frames[f].suffix)
                hash.add(variants[v] ? "private" : "public")
                for index in feeds[f].meetings { hash.add(eventKeys[index]) }
                return (hash.hex, current?(feeds[f].path, variants[v], hash.hex) ?? false)
            }
        }
        // Known events of feeds to be written, copied from the files they were written to.
        var copied = 0
        var replaced = Set<[Int]>()  // [variant, feed]: files as the last run stamped them, for other content
        if !deferred.isEmpty, let splicer, let published {
            for v in variants.indices {
                // The largest feeds come first: what alle.ics gives, the structures' feeds need not.
                for f in feeds.indices where !digests[v][f].current {
                    guard let count = copyFromPublished(
                        feeds[f], variant: v, isPrivate: variants[v], ids: &ids[v], meetings: meetings, domain: domain,
                        into: splicer, published: published)
                    else { continue }
                    copied += count
                    replaced.insert([v, f])
                }
            }
        }
        if !deferred.isEmpty, let cache {
            // The known events that a feed to be written holds: their texts, from the cache.
            var needed = [[Bool]](repeating: [], count: variants.count)
            for v in variants.indices {
                needed[v] = [Bool](repeating: false, count: meetings.count)
                for f in feeds.indices where !digests[v][f].current {
                    for index in feeds[f].meetings where ids[v][index] < 0 { needed[v][index] = true }
                }
            }
            let wanted = deferred.filter { index in variants.indices.contains { needed[$0][index] } }
            try readKnownTexts(
                wanted, meetings: meetings, domain: domain, cache: cache, keys: eventKeys,
                variants: variants, needed: { v, index in needed[v][index] }
            ) { index, texts in
                // A text the variants share (no contacts to leave out) is kept once.
                var last: (text: String, id: Int)?
                for (v, text) in texts {
                    if let last, last.text == text {
                        ids[v][index] = last.id
                        continue
                    }
                    let id = try store.append(text)
                    ids[v][index] = id
                    last = (text, id)
                }
            }
        }
        try store.finish()
        // A file still as the run that stamped it left it holds that run's texts, and none of them
        // is the text of an event revised since (no run wrote its new SEQUENCE before): a feed
        // holding one is replaced without comparing the file first.
        if !revised.isEmpty, let published {
            var isRevised = [Bool](repeating: false, count: meetings.count)
            for index in revised { isRevised[index] = true }
            for v in variants.indices {
                for f in feeds.indices where !digests[v][f].current && !replaced.contains([v, f]) {
                    guard feeds[f].meetings.contains(where: { isRevised[$0] }), let last = published(feeds[f].path, variants[v]),
                        last.stamp.describes(last.path, digest: last.stamp.digest)
                    else { continue }
                    replaced.insert([v, f])
                }
            }
        }
        // Every feed names its events' texts by id (at 100k meetings, 2,000 feeds of ~600k
        // events in all); nothing is copied until the writer streams them.
        let sets = variants.indices.map { v in
            let variantIDs = ids[v]
            return feeds.indices.map { f -> FeedFile in
                let feed = feeds[f]
                let digest = digests[v][f]
                if let hex = digest.digest, digest.current { return FeedFile(current: feed.path, digest: hex) }
                return FeedFile(
                    path: feed.path, prefix: frames[f].prefix, store: store, ids: variantIDs, events: feed.meetings,
                    suffix: frames[f].suffix, digest: digest.digest, differsFromDisk: replaced.contains([v, f]))
            }
        }
        return (sets, inCache, meetingKeys.map { KnownEventKeys(meetingKeys: $0, feedKeys: eventKeys) }, deferred.count, copied)
    }

    /// Copies the texts of `feed`'s events that have none yet (`ids` -1: known events) from the
    /// file the feed was last written to, found by UID; returns how many, or nil when there is
    /// no such file as stamped (or nothing to copy).
    private func copyFromPublished(
        _ feed: FeedSpec, variant v: Int, isPrivate: Bool, ids: inout [Int], meetings: [Meeting], domain: String,
        into splicer: SplicedTexts, published: (String, Bool) -> (path: String, stamp: FeedStamp)?
    ) -> Int? {
        let missing = feed.meetings.filter { ids[$0] < 0 }
        guard !missing.isEmpty, let last = published(feed.path, isPrivate),
            let file = PublishedFeedFile(path: last.path, stamp: last.stamp)
        else { return nil }
        guard let events = file.events() else { return nil }
        let number = splicer.add(file)
        // The file's events by their UIDs' digests (indices sorted by digest: a tenth of a
        // dictionary's memory at a million events).
        let byDigest = events.indices.sorted { events[$0].uid < events[$1].uid }
        // Each missing event's place in the file (-1: not in it).
        let found = Parallel.map(missing.count, chunk: 1024) { k -> Int in
            let digest = PublishedFeedFile.uidDigest(meetings[missing[k]].uid(domain: domain))
            var low = 0
            var high = byDigest.count
            while low < high {
                let middle = (low + high) / 2
                if events[byDigest[middle]].uid < digest { low = middle + 1 } else { high = middle }
            }
            return low < byDigest.count && events[byDigest[low]].uid == digest ? byDigest[low] : -1
        }
        var copied = 0
        for (index, at) in zip(missing, found) where at >= 0 {
            ids[index] = splicer.append(file: number, range: events[at].range)
            copied += 1
        }
        return copied
    }

    /// Reads the cached texts of the known events `wanted` (schedule indices, in order), a chunk
    /// at a time, the next chunk on other threads while `keep` takes the last; each entry must
    /// carry the key digest `keys` has for it, with a text for every variant `needed`.
    private func readKnownTexts(
        _ wanted: [Int], meetings: [Meeting], domain: String, cache: EventTextCache, keys: [UInt64], variants: [Bool],
        needed: (Int, Int) -> Bool, keep: (Int, [(Int, String)]) throws -> Void
    ) throws {
        func read(_ start: Int) -> Background<[[String: CachedEventText]]> {
            Background {
                let end = min(wanted.count, start + Self.chunkSize)
                return try Parallel.map((end - start + 255) / 256, chunk: 1) { part in
                    let some = wanted[(start + part * 256)..<min(end, start + part * 256 + 256)]
                    return try cache.lookup(some.map { meetings[$0].uid(domain: domain) })
                }
            }
        }
        try Self.pipelined(wanted.count, make: read) { start, found in
            for position in start..<min(wanted.count, start + Self.chunkSize) {
                let index = wanted[position]
                let uid = meetings[index].uid(domain: domain)
                guard let entry = found[(position - start) / 256][uid], FeedDigest.of(entry.key) == keys[index] else {
                    throw StaleEventKeys(uid: uid)
                }
                var texts: [(Int, String)] = []
                for v in variants.indices where needed(v, index) {
                    guard let text = variants[v] ? entry.privateText : entry.publicText else { throw StaleEventKeys(uid: uid) }
                    texts.append((v, text))
                }
                try keep(index, texts)
            }
        }
    }

    /// Chunks of `chunkSize` of `count` items in order: chunk k + 1 is made (`make`, on other
    /// threads) while `use` takes chunk k on this one. An error leaves after the chunk in flight.
    private static func pipelined<Value>(
        _ count: Int, make: (Int) -> Background<Value>, use: (_ start: Int, Value) throws -> Void
    ) throws {
        var next = count == 0 ? nil : make(0)
        for start in stride(from: 0, to: count, by: chunkSize) {
            guard let pending = next else { break }
            let value = try pending.value()
            next = start + chunkSize < count ? make(start + chunkSize) : nil
            do {
                try use(start, value)
            } catch {
                _ = try? next?.value()
                throw error
            }
        }
    }
}

/// The known event keys (`KnownEventKeys`) promised a cached text that the cache does not have
/// under that key: they do not describe the cache, and the run must render without them.
public struct StaleEventKeys: Error, Sendable {
    /// The first event found without its text.
    public let uid: String
}

/// What the renderer hands over after each chunk of events, in schedule order.
public struct RenderedChunk<Change: Sendable> {
    /// Revisions that changed.
    public var changes: [Change] = []
    /// The cache entries to store: those of events serialized (at least in part) by this run.
    public var made: [(uid: String, entry: CachedEventText)] = []
}

/// What `renderCached` made: the feeds (the revisions and texts went to `consume`).
public struct CachedRendering: Sendable {
    /// The public feeds (no ORGANIZER or ATTENDEE), in catalog order.
    public let publicFiles: [FeedFile]
    /// The private feeds, in catalog order; empty without `withPrivate`.
    public let privateFiles: [FeedFile]
    /// How many of the schedule's UIDs had an entry in the cache (with any key): when that is
    /// every entry, no entry belongs to a meeting that left the schedule.
    public let uidsInCache: Int
    /// Every event's meeting key and text key digest, to store for the next run (nil without
    /// `meetingKeys`).
    public let eventKeys: KnownEventKeys?
    /// Events taken as the last run left them (`KnownEventKeys`): not built, revised or serialized.
    public let known: Int
    /// Texts of those copied from the files an earlier run wrote (per variant and feed file).
    public let copied: Int
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
