import MoteplanCore

/// One feed file: where it goes, what calendar name it shows, and which meetings it holds.
public struct FeedSpec: Sendable, Hashable {
    /// Relative path under the output directory: `alle.ics`, `<structure>.ics`,
    /// `<structure>/<instance>.ics` or `for/<id>.ics`.
    public var path: String
    /// The calendar name clients show (X-WR-CALNAME).
    public var calendarName: String
    /// The meetings, as indices into the schedule's meetings, in schedule order.
    public var meetings: [Int]
}

/// Which feeds a schedule publishes: everything, one per structure, one per instance of a
/// structure with several, and one per role, unit and location (personal feeds).
public enum FeedCatalog {
    /// The file name of the feed with every meeting.
    public static let allFeed = "alle.ics"
    /// The folder of the personal feeds.
    public static let personalFolder = "for"

    /// The relative path of the personal feed of a role, unit or location.
    public static func personalPath(_ id: String) -> String { "\(personalFolder)/\(id).ics" }

    /// All feeds: `alle.ics` first, then each structure followed by its instances (a structure
    /// with one instance has only its own feed: subscribing to both would double every meeting),
    /// then the personal feeds of every role, unit and location, in config order.
    public static func feeds(for schedule: Schedule, configuration: Configuration) -> [FeedSpec] {
        let municipality = configuration.municipality.name
        let catalogue = configuration.catalogue
        let meetings = schedule.meetings
        var feeds = [FeedSpec(path: allFeed, calendarName: catalogue(.feedAllMeetings, ["municipality": municipality]), meetings: Array(meetings.indices))]
        var byStructure: [String: [Int]] = [:]
        var byInstance: [StructureInstance: [Int]] = [:]
        var byNeed: [String: [Int]] = [:]
        for (index, meeting) in meetings.enumerated() {
            byStructure[meeting.instance.structureID, default: []].append(index)
            byInstance[meeting.instance, default: []].append(index)
            // `needs` names each resource once (Meeting.needs).
            for id in meeting.needs { byNeed[id, default: []].append(index) }
        }
        var instancesByStructure: [String: [StructureInstance]] = [:]
        for instance in schedule.instances { instancesByStructure[instance.structureID, default: []].append(instance) }
        for structure in configuration.structures {
            feeds.append(FeedSpec(
                path: "\(structure.id).ics", calendarName: "\(municipality) – \(structure.title)",
                meetings: byStructure[structure.id] ?? []))
            let instances = instancesByStructure[structure.id] ?? []
            guard instances.count > 1 else { continue }
            for instance in instances {
                feeds.append(FeedSpec(
                    path: "\(structure.id)/\(instance.instanceID).ics",
                    calendarName: "\(municipality) – \(structure.title) – \(instance.name)",
                    meetings: byInstance[instance] ?? []))
            }
        }
        let owners = configuration.roles.map { ($0.id, $0.name) } + configuration.units.map { ($0.id, $0.name) }
            + configuration.locations.map { ($0.id, $0.name) }
        for (id, name) in owners {
            feeds.append(FeedSpec(path: personalPath(id), calendarName: catalogue(.planTitle, ["name": name]), meetings: byNeed[id] ?? []))
        }
        return feeds
    }
}
