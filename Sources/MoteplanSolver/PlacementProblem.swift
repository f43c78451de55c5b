/// A neutral placement problem: every instance takes one of its choices, within the resources' capacities.
///
/// Times are integer minutes from any epoch; every interval is half-open, [start, end).
///
/// Hard rules (a placement that breaks one is not a placement; when no placement exists, the solver
/// names a minimal set of the groups below that cannot hold together, see `PlacementResult.core`):
/// - `choose:<instance id>`: the instance takes at least one of its choices. Taking at most one is
///   not a group of its own: it always holds, so an instance without choices is a cause by itself.
/// - `pinned:<instance id>`: an instance with `pinned` takes that choice (a recorded placement).
/// - `capacity:<resource id>`: at every minute t, the occurrences using the resource (of taken
///   choices and of `fixed`) whose interval [start, end + buffer_minutes) contains t number at most
///   `capacity`. A choice whose own occurrences overlap counts once per occurrence. The maximum of
///   that count is always reached at the start of some occurrence, so those are the minutes checked.
///   Fixed meetings alone can already break a capacity; that is reported like any other cause.
/// - `unavailable:<resource id>`: no taken choice has an occurrence that overlaps one of the
///   resource's `unavailable` intervals, on the occurrence's own times (no buffer). Fixed meetings
///   are not checked against unavailability: they are there whatever the plan says.
///
/// Soft rules (the solver minimises their sum; see `PlacementCost`):
/// - the `penalty` of the taken choice;
/// - `change_weight` when an instance with `published` takes another choice;
/// - a soft limit's `weight` when more than `at_most` of its members are taken (a flat weight,
///   however many more; a member listed twice counts twice).
public struct PlacementProblem: Codable, Sendable, Equatable {
    /// The people, units and rooms that occurrences use, each with a capacity.
    public var resources: [Resource]
    /// The recurring series to place, each with its choices.
    public var instances: [Instance]
    /// Meetings that are there whatever the plan (of structures that are not placed automatically).
    public var fixed: [Occurrence]
    /// Caps on how many of a set of choices may be taken, each with the weight of going over.
    public var softLimits: [SoftLimit]

    /// A problem from its parts.
    public init(resources: [Resource], instances: [Instance], fixed: [Occurrence] = [], softLimits: [SoftLimit] = []) {
        self.resources = resources
        self.instances = instances
        self.fixed = fixed
        self.softLimits = softLimits
    }

    enum CodingKeys: String, CodingKey {
        case resources, instances, fixed
        case softLimits = "soft_limits"
    }

    /// Reads the JSON form; `fixed` and `soft_limits` may be left out (empty).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        resources = try container.decode([Resource].self, forKey: .resources)
        instances = try container.decode([Instance].self, forKey: .instances)
        fixed = try container.decodeIfPresent([Occurrence].self, forKey: .fixed) ?? []
        softLimits = try container.decodeIfPresent([SoftLimit].self, forKey: .softLimits) ?? []
    }
}
