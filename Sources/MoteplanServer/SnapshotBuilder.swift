import Foundation
import MoteplanCore
import MoteplanFeeds
import MoteplanICal
import MoteplanStore

/// Builds a `SiteSnapshot` from the files, reading the store only: SEQUENCE and DTSTAMP come from
/// the published revisions exactly as `moteplan ics` keeps them (without a store: SEQUENCE 0 and the
/// config's revision date); an event whose content changed
/// since the last `moteplan ics` gets the next SEQUENCE and, as DTSTAMP, the newest modification
/// time of the config and state files, so the same files always give the same bytes.
public struct SnapshotBuilder: Sendable {
    /// The config file.
    public let configPath: String
    /// The state file.
    public let statePath: String
    /// How time zone ids are checked (libical's view).
    public let zoneStatus: @Sendable (String) -> TimeZoneStatus

    /// Creates a builder.
    public init(configPath: String, statePath: String, zoneStatus: @escaping @Sendable (String) -> TimeZoneStatus) {
        self.configPath = configPath
        self.statePath = statePath
        self.zoneStatus = zoneStatus
    }

    /// The files a snapshot depends on.
    public var watchedPaths: [String] { [configPath, statePath, statePath + "-wal"] }

    /// Reads the files and renders everything; throws `ConfigError`, `StoreError` or `FeedError`.
    /// Resources whose bytes did not change keep `previous`'s Last-Modified.
    public func build(previous: SiteSnapshot? = nil) throws -> SiteSnapshot {
        // Stamp first: a change while we read makes the next check rebuild again.
        let fingerprint = Fingerprint.read(watchedPaths)
        let loaded = try ConfigLoader.load(path: configPath, zoneStatus: zoneStatus)
        let configuration = loaded.configuration
        // One read of the store (if there is one) for the plan and the published revisions.
        let state = try StateStore.openForReading(path: statePath)?.read { (try StateSnapshot($0), try $0.revisions()) }
        let plan = PlanState(configuration: configuration, snapshot: state?.0 ?? StateSnapshot())
        let changedAt = fingerprint.newestModification
        let maxAge = configuration.feeds.refreshHours * 3600

        // Without a store, the feeds are what `FeedRenderer` gives from the config alone (SEQUENCE 0,
        // DTSTAMP the config's revision date). Private feeds (with contacts) only when tokens are set;
        // both sets come from one pass over the events.
        let keeper = state.map { RevisionKeeper(stored: $0.1, now: Self.utcStamp(changedAt)) }
        let revise: FeedRenderer.Revise<RevisionChange>? = keeper.map { $0.revision }
        let renderer = FeedRenderer(configuration: configuration)
        let publicFiles: [FeedFile]
        var privateFiles: [FeedFile] = []
        if configuration.server.privateTokenHashes.isEmpty {
            publicFiles = try renderer.render(plan.schedule, revise: revise, contacts: false).files
        } else {
            let both = try renderer.renderWithAndWithoutContacts(plan.schedule, revise: revise)
            (privateFiles, publicFiles) = (both.withContacts, both.withoutContacts)
        }

        func resources(_ files: [FeedFile], cacheControl: String, previous: [String: CachedResource]) -> [String: CachedResource] {
            var result: [String: CachedResource] = [:]
            for file in files {
                let resource = CachedResource(
                    text: file.text, contentType: "text/calendar; charset=utf-8", cacheControl: cacheControl, lastModified: changedAt)
                result[file.path] = Self.keepingDate(resource, previous[file.path])
            }
            return result
        }

        let publicFeeds = resources(publicFiles, cacheControl: "public, max-age=\(maxAge)", previous: previous?.publicFeeds ?? [:])
        let privateFeeds = resources(privateFiles, cacheControl: "private, max-age=\(maxAge)", previous: previous?.privateFeeds ?? [:])
        let links = FeedCatalog.feeds(for: plan.schedule, configuration: configuration).map {
            SiteSnapshot.FeedLink(path: $0.path, name: $0.calendarName)
        }
        var wheels: [Int: CachedResource] = [:]
        let horizon = configuration.municipality.horizon
        for year in SchoolYear.startYear(containing: horizon.first)...SchoolYear.startYear(containing: horizon.last) {
            let svg = ArshjulSVG.render(configuration: configuration, schedule: plan.schedule, startYear: year)
            let resource = CachedResource(
                text: svg, contentType: "image/svg+xml; charset=utf-8", cacheControl: "public, max-age=\(maxAge)",
                lastModified: changedAt)
            wheels[year] = Self.keepingDate(resource, previous?.arshjul[year])
        }
        return SiteSnapshot(
            loaded: loaded, plan: plan, publicFeeds: publicFeeds, privateFeeds: privateFeeds, feeds: links,
            arshjul: wheels, fingerprint: fingerprint,
            conflicts: ConflictFinder(configuration: configuration).conflicts(in: plan.schedule.meetings))
    }

    /// `resource`, with `old`'s Last-Modified when the bytes are the same.
    static func keepingDate(_ resource: CachedResource, _ old: CachedResource?) -> CachedResource {
        guard let old, old.etag == resource.etag else { return resource }
        return resource.with(lastModified: old.lastModified)
    }

    /// Seconds since the epoch as an iCalendar UTC stamp.
    static func utcStamp(_ seconds: Int) -> ICalUTCStamp {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let rest = seconds - days * 86_400
        let date = LocalDate(daysSinceEpoch: days)
        return ICalUTCStamp(year: date.year, month: date.month, day: date.day, hour: rest / 3600, minute: rest / 60 % 60, second: rest % 60)
    }
}
