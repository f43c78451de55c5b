import MoteplanCore
import MoteplanSolver

/// One automatically placed instance as the problem sees it: which structure and instance, and
/// its choices in the order the problem's choice indices count.
public struct PlacedInstance: Sendable {
    /// The instance.
    public var instance: StructureInstance
    /// The instance's choices (config order).
    public var choices: [PatternChoice]
    /// How many people (roles and units) its meetings need: what a change of pattern affects.
    public var people: Int
}

/// Builds the neutral placement problem for one school year from a configuration: every
/// automatically placed instance with the dated meetings each of its choices produces (holiday
/// moves, markers and changes applied), the meetings of every other structure as fixed, and each
/// resource's capacity, buffer and unavailable times.
///
/// Soft rules, with their weights:
/// - a choice costs `wishWeight` for each wish it goes against: the structure's or instance's
///   `prefer` and `avoid`, the instance's unit's, and those of every role or unit its meetings need;
/// - with `[scheduling] spread` (the default), for every person that two or more automatic
///   instances need, no week of the month should hold more of them than an even spread would
///   (a soft limit of weight `spreadWeight` per person and week);
/// - when replanning, taking another choice than the recorded one costs `changeWeight` per person
///   the instance's meetings need.
public struct PlacementProblemBuilder: Sendable {
    /// What a choice costs per wish it goes against.
    public static let wishWeight = 10
    /// What a week over the even spread costs, per person.
    public static let spreadWeight = 2
    /// What moving a recorded placement costs per person affected (replanning only).
    public static let changeWeight = 5

    /// The configuration.
    public let configuration: Configuration
    /// The scheduler with the store's terms, changes and recorded placements.
    public let scheduler: Scheduler

    /// A builder for `configuration` with the store's facts.
    public init(configuration: Configuration, scheduler: Scheduler) {
        self.configuration = configuration
        self.scheduler = scheduler
    }

    /// Every automatically placed instance of the configuration, in config order, with its choices.
    public var autoInstances: [(StructureInstance, Structure)] {
        configuration.structures.flatMap { structure in
            scheduler.instances(of: structure).compactMap { instance in
                let effective = scheduler.resolved(structure, instance)
                return effective.choices == nil ? nil : (instance, effective)
            }
        }
    }

    /// The problem for school year `schoolYear` (start year). Recorded placements are pinned, or,
    /// when `replan`, only preferred (moving one costs `changeWeight` per person affected).
    public func problem(schoolYear: Int, replan: Bool) -> (PlacementProblem, [PlacedInstance]) {
        let autos = autoInstances
        let autoKeys = Set(autos.map { "\($0.0.structureID)\u{1F}\($0.0.instanceID)" })
        let year = DateRange.schoolYear(schoolYear)
        // Fixed: every other meeting of the school year, as the schedule has it.
        var fixed: [PlacementProblem.Occurrence] = []
        var used = Set<String>()
        for meeting in scheduler.schedule().meetings
        where !meeting.isCancelled && year?.contains(meeting.date) == true
            && !autoKeys.contains("\(meeting.instance.structureID)\u{1F}\(meeting.instance.instanceID)")
        {
            let resources = meeting.needs.filter { configuration.resource($0) != nil }
            guard !resources.isEmpty else { continue }
            fixed.append(occurrence(meeting, resources))
        }
        var instances: [PlacementProblem.Instance] = []
        var placed: [PlacedInstance] = []
        var daysUsed: [String: Set<LocalDate>] = [:]
        var needsOf: [[String]] = []
        for (instance, structure) in autos {
            let choices = structure.choices ?? []
            var problemChoices: [PlacementProblem.Choice] = []
            var needs: [String] = []
            for choice in choices {
                let meetings = scheduler.meetings(of: instance, structure, taking: choice, schoolYear: schoolYear)
                    .filter { !$0.isCancelled }
                var occurrences: [PlacementProblem.Occurrence] = []
                for meeting in meetings {
                    let resources = meeting.needs.filter { configuration.resource($0) != nil }
                    for id in resources where !needs.contains(id) { needs.append(id) }
                    for id in resources { daysUsed[id, default: []].insert(meeting.date) }
                    occurrences.append(occurrence(meeting, resources))
                }
                problemChoices.append(PlacementProblem.Choice(
                    id: choice.key, penalty: Self.wishWeight * misses(choice, instance, structure), occurrences: occurrences))
            }
            let people = needs.filter { configuration.actor($0) != nil }.count
            let recorded = scheduler.placements.choice(structure: instance.structureID, instance: instance.instanceID, schoolYear: schoolYear)
                .flatMap { key in choices.firstIndex { $0.key == key } }
            instances.append(PlacementProblem.Instance(
                id: "\(instance.structureID)/\(instance.instanceID)", choices: problemChoices,
                pinned: replan ? nil : recorded, published: replan ? recorded : nil,
                changeWeight: replan && recorded != nil ? Self.changeWeight * max(1, people) : 0))
            placed.append(PlacedInstance(instance: instance, choices: choices, people: people))
            needsOf.append(needs)
        }
        for occurrence in fixed { used.formUnion(occurrence.resources) }
        for needs in needsOf { used.formUnion(needs) }
        let resources = configuration.resourceIDs.filter(used.contains).compactMap { id in
            resource(id, days: daysUsed[id] ?? [])
        }
        let limits = configuration.scheduling.spread ? spreadLimits(placed, needsOf) : []
        return (PlacementProblem(resources: resources, instances: instances, fixed: fixed, softLimits: limits), placed)
    }

    private func occurrence(_ meeting: Meeting, _ resources: [String]) -> PlacementProblem.Occurrence {
        PlacementProblem.Occurrence(
            start: WallMinutes.of(meeting.date, meeting.start), end: WallMinutes.of(meeting.date, meeting.end), resources: resources)
    }

    /// A resource: its capacity, its buffer (people only) and its unavailable times on `days`
    /// (the days automatic meetings could use it; other days cannot matter).
    private func resource(_ id: String, days: Set<LocalDate>) -> PlacementProblem.Resource? {
        guard let found = configuration.resource(id) else { return nil }
        var unavailable: [PlacementProblem.Interval] = []
        for day in days.sorted() {
            let base = WallMinutes.of(day, .midnight)
            let blocked = found.availability.unavailable.compactMap { $0.blocked(on: day) }.sorted { $0.lowerBound < $1.lowerBound }
            for range in blocked where range.lowerBound < range.upperBound {
                if let last = unavailable.last, last.end >= base + range.lowerBound {
                    unavailable[unavailable.count - 1].end = max(last.end, base + range.upperBound)
                } else {
                    unavailable.append(PlacementProblem.Interval(start: base + range.lowerBound, end: base + range.upperBound))
                }
            }
        }
        return PlacementProblem.Resource(
            id: id, capacity: found.availability.capacity,
            bufferMinutes: found.isPerson ? configuration.scheduling.bufferMinutes : 0, unavailable: unavailable)
    }

    /// How many wishes `choice` goes against: the structure's (with the instance's own), the
    /// instance's unit's, and those of the roles and units the structure always needs.
    func misses(_ choice: PatternChoice, _ instance: StructureInstance, _ structure: Structure) -> Int {
        var total = structure.wishes.misses(choice)
        var ids: [String] = []
        if let unit = instance.unitID { ids.append(unit) }
        if let group = instance.groupID.flatMap({ configuration.group($0) }) { ids += group.members }
        ids += structure.participants
        if case .fixed(let leader) = structure.leader { ids.append(leader) }
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted {
            if let unit = configuration.unit(id) {
                total += unit.wishes.misses(choice)
            } else if let role = configuration.role(id) {
                total += role.wishes.misses(choice)
            }
        }
        return total
    }

    /// For every person that two or more instances of one automatic structure need: per week of
    /// the month, at most an even share of those instances (a structure's own rhythm: monthly teams
    /// and quarterly networks are spread each on their own).
    private func spreadLimits(_ placed: [PlacedInstance], _ needsOf: [[String]]) -> [PlacementProblem.SoftLimit] {
        var byPerson: [String: [Int]] = [:]
        var order: [String] = []
        for (index, needs) in needsOf.enumerated() {
            for id in needs where configuration.actor(id) != nil {
                let key = "\(placed[index].instance.structureID):\(id)"
                if byPerson[key] == nil { order.append(key) }
                byPerson[key, default: []].append(index)
            }
        }
        var limits: [PlacementProblem.SoftLimit] = []
        for id in order {
            guard let members = byPerson[id], members.count >= 2 else { continue }
            var weeks: [NthWeekday] = []
            for index in members {
                for choice in placed[index].choices {
                    if let nth = choice.nth, !weeks.contains(nth) { weeks.append(nth) }
                }
            }
            guard weeks.count >= 2 else { continue }
            let share = (members.count + weeks.count - 1) / weeks.count
            for week in weeks.sorted() {
                var taken: [PlacementProblem.Member] = []
                for index in members {
                    for (c, choice) in placed[index].choices.enumerated() where choice.nth == week {
                        taken.append(PlacementProblem.Member(instance: index, choice: c))
                    }
                }
                guard taken.count > share else { continue }
                limits.append(PlacementProblem.SoftLimit(
                    name: "spread:\(id):\(week)", weight: Self.spreadWeight, atMost: share, members: taken))
            }
        }
        return limits
    }
}
