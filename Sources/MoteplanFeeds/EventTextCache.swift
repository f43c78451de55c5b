import MoteplanICal

/// An event's checked iCalendar texts as an earlier run made them, under the key they were made
/// for: reused as they are while the key is the same, so an unchanged event is not built by
/// libical, serialized or parsed back again.
public struct CachedEventText: Sendable, Hashable {
    /// `EventTextCache.key(…)` of the event the texts were made from.
    public var key: String
    /// The VEVENT without ORGANIZER and ATTENDEE (the public feeds'), checked by libical.
    public var publicText: String
    /// The VEVENT with them (the private feeds'), checked by libical; nil when no run with
    /// `--private` has made it for this key.
    public var privateText: String?

    /// Creates an entry.
    public init(key: String, publicText: String, privateText: String?) {
        self.key = key
        self.publicText = publicText
        self.privateText = privateText
    }
}

/// The cached texts of earlier runs, by UID, and how a text's key is made.
///
/// The key names everything the serialized text depends on: the cache format (bump it whenever
/// the serializer or the validator changes what they write or accept, so a new moteplan ignores
/// what an older one stored), the content hash (every field but DTSTAMP and SEQUENCE, including
/// the UID), SEQUENCE, DTSTAMP, the TZID and whether replies are requested. An entry whose key
/// differs is never used: the event is serialized and parsed back as on a first publication.
///
/// The entries are not held: the renderer asks for each chunk's as it reaches it (`lookup`), so
/// a run over a million cached events holds a chunk of their texts at a time.
public struct EventTextCache: Sendable {
    /// The cache format: part of every key.
    public static let format = "moteplan-0.1.0/event-text-1"

    /// How many entries there are in all.
    public let count: Int
    /// The entries of those of `uids` that have one, by UID.
    public let lookup: @Sendable (_ uids: [String]) throws -> [String: CachedEventText]

    /// A cache of `count` entries read through `lookup`.
    public init(count: Int, lookup: @escaping @Sendable (_ uids: [String]) throws -> [String: CachedEventText]) {
        self.count = count
        self.lookup = lookup
    }

    /// A cache of `entries` in memory (empty: nothing to reuse).
    public init(_ entries: [String: CachedEventText] = [:]) {
        count = entries.count
        lookup = { uids in
            var found: [String: CachedEventText] = [:]
            for uid in uids { if let entry = entries[uid] { found[uid] = entry } }
            return found
        }
    }

    /// The key of an event's texts: the format, content hash, SEQUENCE, DTSTAMP, TZID and the
    /// reply flag, separated by `|` (none of them contains one: hex, digits, a zone id).
    public static func key(contentHash: String, event: ICalEvent, tzid: String) -> String {
        "\(format)|\(contentHash)|\(event.sequence)|\(event.dtstamp.description)|\(tzid)|\(event.requestsReplies ? 1 : 0)"
    }
}
