import MoteplanCore

/// One feed file: where it goes, what calendar name it shows, and which meetings it holds.
public struct FeedSpec: Sendable, Hashable {
    /// Relative path under the output directory: `alle.ics`, `<structure>.ics` or `<structure>/<instance>.ics`.
    public var path: String
    /// The calendar name clients show (X-WR-CALNAME).
    public var calendarName: String
    /// The meetings, as indices into the schedule's meetings, in schedule order.
    public var meetings: [Int]
}

/// Which feeds a schedule publishes: everything, one per structure, one per instance.
public enum FeedCatalog {
    /// The file name of the feed with every meeting.
    public static let allFeed = "alle.ics"

    /// All feeds, `alle.ics` first, then each structure followed by its instances, in config order.
    public static func feeds(for schedule: Schedule, configuration: Configuration) -> [FeedSpec] {
        let municipality = configuration.municipality.name
        let meetings = schedule.meetings
        var feeds = [FeedSpec(path: allFeed, calendarName: "\(municipality) – alle møter", meetings: Array(meetings.indices))]
        var byStructure: [String: [Int]] = [:]
        var byInstance: [StructureInstance: [Int]] = [:]
        for (index, meeting) in meetings.enumerated() {
            byStructure[meeting.instance.structureID, default: []].append(index)
            byInstance[meeting.instance, default: []].append(index)
        }
        var instancesByStructure: [String: [StructureInstance]] = [:]
        for instance in schedule.instances { instancesByStructure[instance.structureID, default: []].append(instance) }
        for structure in configuration.structures {
            feeds.append(FeedSpec(
                path: "\(structure.id).ics", calendarName: "\(municipality) – \(structure.title)",
                meetings: byStructure[structure.id] ?? []))
            for instance in instancesByStructure[structure.id] ?? [] {
                let name = instance.isSingle ? structure.title : "\(structure.title) – \(instance.name)"
                feeds.append(FeedSpec(
                    path: "\(structure.id)/\(instance.instanceID).ics", calendarName: "\(municipality) – \(name)",
                    meetings: byInstance[instance] ?? []))
            }
        }
        return feeds
    }
}
