import MoteplanCore
import MoteplanStore

/// Everything the server derives from one reading of the config and the state: the plan, the
/// serialized feeds (public and private), the årshjul of every school year. Immutable; a change
/// of the files gives a new snapshot. A class, so a request takes it with one reference count.
public final class SiteSnapshot: Sendable {
    /// A feed as the overview lists it.
    public struct FeedLink: Sendable, Hashable {
        /// `alle.ics`, `<structure>.ics` or `<structure>/<instance>.ics`.
        public var path: String
        /// The calendar's name.
        public var name: String
    }

    /// The config as read.
    public let loaded: LoadedConfig
    /// The plan with the store's facts.
    public let plan: PlanState
    /// Public feeds (no e-mail addresses), by relative path.
    public let publicFeeds: [String: CachedResource]
    /// Private feeds (with ORGANIZER and ATTENDEE), by relative path; empty when no private token is configured.
    public let privateFeeds: [String: CachedResource]
    /// The feeds in catalog order.
    public let feeds: [FeedLink]
    /// The årshjul SVG per school year (by start year).
    public let arshjul: [Int: CachedResource]
    /// The files' state this snapshot was built from.
    public let fingerprint: Fingerprint
    /// Every double-booking in the plan (found once per snapshot).
    public let conflicts: [Conflict]

    /// Creates a snapshot.
    public init(
        loaded: LoadedConfig, plan: PlanState, publicFeeds: [String: CachedResource], privateFeeds: [String: CachedResource],
        feeds: [FeedLink], arshjul: [Int: CachedResource], fingerprint: Fingerprint, conflicts: [Conflict] = []
    ) {
        self.conflicts = conflicts
        self.loaded = loaded
        self.plan = plan
        self.publicFeeds = publicFeeds
        self.privateFeeds = privateFeeds
        self.feeds = feeds
        self.arshjul = arshjul
        self.fingerprint = fingerprint
    }

    /// The configuration.
    public var configuration: Configuration { loaded.configuration }

    /// The school years of the horizon, by start year.
    public var schoolYears: [Int] { arshjul.keys.sorted() }

    /// "2026-27" for 2026: the årshjul's URL form of a school year.
    public static func urlLabel(startYear: Int) -> String {
        let next = (startYear + 1) % 100
        return "\(startYear)-\(next < 10 ? "0" : "")\(next)"
    }

    /// 2026 from "2026-27" (or "2026/27"), when it is a school year.
    public static func startYear(urlLabel text: String) -> Int? {
        SchoolYear.parse(label: text.replacingOccurrences(of: "-", with: "/"))
    }
}
