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
public struct EventTextCache: Sendable {
    /// The cache format: part of every key.
    public static let format = "moteplan-0.1.0/event-text-1"

    /// Entries by UID.
    public let entries: [String: CachedEventText]

    /// A cache of `entries` (empty: nothing to reuse).
    public init(_ entries: [String: CachedEventText] = [:]) {
        self.entries = entries
    }

    /// The key of an event's texts: the format, content hash, SEQUENCE, DTSTAMP, TZID and the
    /// reply flag, separated by `|` (none of them contains one: hex, digits, a zone id).
    public static func key(contentHash: String, event: ICalEvent, tzid: String) -> String {
        "\(format)|\(contentHash)|\(event.sequence)|\(event.dtstamp.description)|\(tzid)|\(event.requestsReplies ? 1 : 0)"
    }
}
