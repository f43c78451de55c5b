import MoteplanCore

/// One feed file: where it goes, what calendar name it shows, and which meetings it holds.
public struct FeedSpec: Sendable, Hashable {
    /// Relative path under the output directory: `alle.ics`, `<structure>.ics` or `<structure>/<instance>.ics`.
    public var path: String
    /// The calendar name clients show (X-WR-CALNAME).
    public var calendarName: String
    /// The meetings, in schedule order.
    public var meetings: [Meeting]
}

/// Which feeds a schedule publishes: everything, one per structure, one per instance.
public enum FeedCatalog {
    /// The file name of the feed with every meeting.
    public static let allFeed = "alle.ics"

    /// All feeds, `alle.ics` first, then each structure followed by its instances, in config order.
    public static func feeds(for schedule: Schedule, configuration: Configuration) -> [FeedSpec] {
        let municipality = configuration.municipality.name
        var feeds = [FeedSpec(path: allFeed, calendarName: "\(municipality) – alle møter", meetings: schedule.meetings)]
        let byInstance = Dictionary(grouping: schedule.meetings, by: \.instance)
        for structure in configuration.structures {
            let instances = schedule.instances.filter { $0.structureID == structure.id }
            feeds.append(FeedSpec(
                path: "\(structure.id).ics", calendarName: "\(municipality) – \(structure.title)",
                meetings: schedule.meetings.filter { $0.instance.structureID == structure.id }))
            for instance in instances {
                let name = instance.isSingle ? structure.title : "\(structure.title) – \(instance.name)"
                feeds.append(FeedSpec(
                    path: "\(structure.id)/\(instance.instanceID).ics", calendarName: "\(municipality) – \(name)",
                    meetings: byInstance[instance] ?? []))
            }
        }
        return feeds
    }
}
